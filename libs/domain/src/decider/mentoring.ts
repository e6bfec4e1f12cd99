import type { CommandOf } from '../commands/commands.js';
import type { CouncilEvent } from '../events/events.js';
import { MENTEE_ROLES, PEER_TYPES } from '../values/support.js';
import type { DecisionContext } from './context.js';
import {
  requireAfterLastStep,
  requireEngagement,
  requireId,
  requireLivingCouncil,
  requireNewEngagementId,
  requireOneOf,
  requireStatus,
} from './guards.js';
import type { CouncilState } from './state.js';

const AREA = 'mentoring';

export function decideStartMentoring(
  command: CommandOf<'StartMentoring'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt } = command.data;
  const data = {
    gss,
    occurredAt,
    mentoringId: requireNewEngagementId(council, 'mentoringId', command.data.mentoringId),
    menteeId: requireId('menteeId', command.data.menteeId),
    menteeRole: requireOneOf('menteeRole', MENTEE_ROLES, command.data.menteeRole),
    peerType: requireOneOf('peerType', PEER_TYPES, command.data.peerType),
  };
  return [{ type: 'MentoringStarted', data }];
}

export function decideCompleteMentoring(
  command: CommandOf<'CompleteMentoring'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt, mentoringId } = command.data;
  const mentoring = requireEngagement(AREA, council.mentoring, 'mentoringId', mentoringId);
  requireStatus(AREA, mentoringId, mentoring, ['active'], 'complete it');
  requireAfterLastStep(mentoring, occurredAt);
  return [{ type: 'MentoringCompleted', data: { gss, occurredAt, mentoringId } }];
}
