import type { CommandOf } from '../commands/commands.js';
import type { CouncilEvent } from '../events/events.js';
import { LEADER_ROLES, POLITICAL_CONTROLS, RECORDED_LGA_MEMBERSHIPS } from '../values/council.js';
import type { DecisionContext } from './context.js';
import { requireId, requireLivingCouncil, requireOneOf } from './guards.js';
import { controlAt, type CouncilState, leaderAt, membershipAt } from './state.js';

/*
 * Registry facts are dated values: restating the value already in force on that date is a
 * no-op, so importers and reactors can re-send them safely.
 */

export function decideChangePoliticalControl(
  command: CommandOf<'ChangePoliticalControl'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt } = command.data;
  const control = requireOneOf('control', POLITICAL_CONTROLS, command.data.control);
  if (controlAt(council, occurredAt) === control) return [];
  return [{ type: 'PoliticalControlChanged', data: { gss, occurredAt, control } }];
}

export function decideChangeLeader(
  command: CommandOf<'ChangeLeader'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt } = command.data;
  const role = requireOneOf('role', LEADER_ROLES, command.data.role);
  const leaderId = requireId('leaderId', command.data.leaderId);
  const current = leaderAt(council, occurredAt);
  if (current?.role === role && current.leaderId === leaderId) return [];
  return [{ type: 'LeaderChanged', data: { gss, occurredAt, role, leaderId } }];
}

export function decideChangeLgaMembership(
  command: CommandOf<'ChangeLgaMembership'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt } = command.data;
  const membership = requireOneOf('membership', RECORDED_LGA_MEMBERSHIPS, command.data.membership);
  if (membershipAt(council, occurredAt) === membership) return [];
  return [{ type: 'LgaMembershipChanged', data: { gss, occurredAt, membership } }];
}
