import { COMMAND_LIMITS, type CommandOf } from '../commands/commands.js';
import { InvalidCommand } from '../errors.js';
import type { CouncilEvent } from '../events/events.js';
import { CHANGE_OF_CONTROL_TRIGGERS } from '../values/support.js';
import type { DecisionContext } from './context.js';
import {
  requireAfterLastStep,
  requireEngagement,
  requireInteger,
  requireLivingCouncil,
  requireNewEngagementId,
  requireOneOf,
  requireStatus,
} from './guards.js';
import type { ChangeOfControlStatus, CouncilState } from './state.js';

const AREA = 'change-of-control offer';

/*
 * The offer is made whenever control or the leader/mayor changes (9.1 counts support in place
 * for at least 75% of those councils). Delivering support implies acceptance, so it may follow
 * the offer directly; a declined offer gets no support.
 */

export function decideMakeChangeOfControlOffer(
  command: CommandOf<'MakeChangeOfControlOffer'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt } = command.data;
  const data = {
    gss,
    occurredAt,
    offerId: requireNewEngagementId(council, 'offerId', command.data.offerId),
    trigger: requireOneOf('trigger', CHANGE_OF_CONTROL_TRIGGERS, command.data.trigger),
  };
  return [{ type: 'ChangeOfControlOfferMade', data }];
}

type Answer = CommandOf<'AcceptChangeOfControlOffer'> | CommandOf<'DeclineChangeOfControlOffer'>;

export function decideAnswerChangeOfControlOffer(
  command: Answer,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt, offerId } = command.data;
  const offer = requireEngagement(AREA, council.changeOfControlOffers, 'offerId', offerId);
  const accept = command.type === 'AcceptChangeOfControlOffer';
  requireStatus(AREA, offerId, offer, ['offered'], accept ? 'accept it' : 'decline it');
  requireAfterLastStep(offer, occurredAt);
  const type = accept ? 'ChangeOfControlOfferAccepted' : 'ChangeOfControlOfferDeclined';
  return [{ type, data: { gss, occurredAt, offerId } }];
}

export function requireDays(value: unknown): number {
  const { min, max, step } = COMMAND_LIMITS.changeOfControlDays;
  const valid =
    typeof value === 'number' && value >= min && value <= max && Number.isInteger(value / step);
  if (!valid) throw new InvalidCommand('days', `must be ${min} to ${max} in steps of ${step}`);
  return value;
}

export function decideDeliverChangeOfControlSupport(
  command: CommandOf<'DeliverChangeOfControlSupport'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt, offerId } = command.data;
  const offer = requireEngagement(AREA, council.changeOfControlOffers, 'offerId', offerId);
  const from: ChangeOfControlStatus[] = ['offered', 'accepted'];
  requireStatus(AREA, offerId, offer, from, 'deliver support');
  requireAfterLastStep(offer, occurredAt);
  const { min, max } = COMMAND_LIMITS.changeOfControlMemberPeers;
  const data = {
    gss,
    occurredAt,
    offerId,
    days: requireDays(command.data.days),
    memberPeers: requireInteger('memberPeers', command.data.memberPeers, min, max),
  };
  return [{ type: 'ChangeOfControlSupportDelivered', data }];
}
