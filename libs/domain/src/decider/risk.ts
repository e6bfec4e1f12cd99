import { COMMAND_LIMITS, type CommandOf } from '../commands/commands.js';
import type { CouncilEvent } from '../events/events.js';
import { RISK_SEVERITIES, RISK_SIGNAL_KINDS } from '../values/support.js';
import type { DecisionContext } from './context.js';
import {
  requireAfterLastStep,
  requireEngagement,
  requireLivingCouncil,
  requireNewEngagementId,
  requireOneOf,
  requireStatus,
  requireText,
} from './guards.js';
import type { CouncilState } from './state.js';

const AREA = 'risk signal';

export function decideRaiseRiskSignal(
  command: CommandOf<'RaiseRiskSignal'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt } = command.data;
  const data = {
    gss,
    occurredAt,
    signalId: requireNewEngagementId(council, 'signalId', command.data.signalId),
    kind: requireOneOf('kind', RISK_SIGNAL_KINDS, command.data.kind),
    severity: requireOneOf('severity', RISK_SEVERITIES, command.data.severity),
    evidence: requireText('evidence', command.data.evidence, COMMAND_LIMITS.evidenceMaxLength),
  };
  return [{ type: 'RiskSignalRaised', data }];
}

export function decideClearRiskSignal(
  command: CommandOf<'ClearRiskSignal'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt, signalId } = command.data;
  const signal = requireEngagement(AREA, council.riskSignals, 'signalId', signalId);
  requireStatus(AREA, signalId, signal, ['open'], 'clear it');
  requireAfterLastStep(signal, occurredAt);
  const reason = requireText('reason', command.data.reason, COMMAND_LIMITS.reasonMaxLength);
  return [{ type: 'RiskSignalCleared', data: { gss, occurredAt, signalId, reason } }];
}
