import type { CommandOf } from '../commands/commands.js';
import { InvalidCommand } from '../errors.js';
import type { CouncilEvent } from '../events/events.js';
import { PRODUCTIVITY_FOCUSES, SAVING_KINDS } from '../values/support.js';
import type { DecisionContext } from './context.js';
import {
  requireAfterLastStep,
  requireDate,
  requireEngagement,
  requireId,
  requireLivingCouncil,
  requireNewEngagementId,
  requireOneOf,
  requireOrdered,
  requireStatus,
} from './guards.js';
import type { CouncilState } from './state.js';

const AREA = 'productivity engagement';

export function decideEngageProductivityExpert(
  command: CommandOf<'EngageProductivityExpert'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt } = command.data;
  const data = {
    gss,
    occurredAt,
    engagementId: requireNewEngagementId(council, 'engagementId', command.data.engagementId),
    expertId: requireId('expertId', command.data.expertId),
    focus: requireOneOf('focus', PRODUCTIVITY_FOCUSES, command.data.focus),
  };
  return [{ type: 'ProductivityExpertEngaged', data }];
}

/** Pounds and pence: 6.1 sums these, so a float with stray decimals must not creep in. */
export function requirePounds(field: string, value: unknown): number {
  const valid =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
  if (!valid)
    throw new InvalidCommand(field, 'must be an amount of pounds >= 0 with at most 2 decimals');
  return value;
}

export function decideReportSavings(
  command: CommandOf<'ReportSavings'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt, engagementId } = command.data;
  const engagement = requireEngagement(
    AREA,
    council.productivityEngagements,
    'engagementId',
    engagementId,
  );
  requireStatus(AREA, engagementId, engagement, ['open'], 'report savings');
  requireAfterLastStep(engagement, occurredAt);
  const periodFrom = requireDate('periodFrom', command.data.periodFrom);
  const periodTo = requireDate('periodTo', command.data.periodTo);
  requireOrdered('periodFrom', periodFrom, 'periodTo', periodTo);
  const data = {
    gss,
    occurredAt,
    engagementId,
    amountPounds: requirePounds('amountPounds', command.data.amountPounds),
    kind: requireOneOf('kind', SAVING_KINDS, command.data.kind),
    periodFrom,
    periodTo,
  };
  return [{ type: 'SavingsReported', data }];
}

export function decideCloseProductivityEngagement(
  command: CommandOf<'CloseProductivityEngagement'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt, engagementId } = command.data;
  const engagement = requireEngagement(
    AREA,
    council.productivityEngagements,
    'engagementId',
    engagementId,
  );
  requireStatus(AREA, engagementId, engagement, ['open'], 'close it');
  requireAfterLastStep(engagement, occurredAt);
  return [{ type: 'ProductivityEngagementClosed', data: { gss, occurredAt, engagementId } }];
}
