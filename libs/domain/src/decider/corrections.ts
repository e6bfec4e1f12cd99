import { COMMAND_LIMITS, type CommandOf } from '../commands/commands.js';
import {
  EventAlreadyRetracted,
  EventNotFound,
  InvalidCommand,
  InvalidLifecycleStep,
} from '../errors.js';
import type { CouncilEvent } from '../events/events.js';
import type { DecisionContext } from './context.js';
import { checkCorrection } from './correction-checks.js';
import { CORRECTABLE_FIELDS } from './correction-rules.js';
import { engagementOf } from './engagements.js';
import {
  requireDate,
  requireId,
  requireNotFuture,
  requireRegistered,
  requireText,
} from './guards.js';
import { entry, type CouncilState, type KnownEvent, type RegisteredCouncilState } from './state.js';

/*
 * Corrections and retractions are bookkeeping done today about the past, so they are not
 * bound by the council's life span: an abolished council's history can still be put right.
 */

function requireAmendable(
  council: RegisteredCouncilState,
  command: CommandOf<'CorrectEvent'> | CommandOf<'RetractEvent'>,
  context: DecisionContext,
): { eventId: string; target: KnownEvent; reason: string } {
  const occurredAt = requireDate('occurredAt', command.data.occurredAt);
  requireNotFuture('occurredAt', occurredAt, context);
  const reason = requireText('reason', command.data.reason, COMMAND_LIMITS.reasonMaxLength);
  const eventId = requireId('eventId', command.data.eventId);
  const target = entry(council.events, eventId);
  if (target === undefined) throw new EventNotFound(eventId);
  if (target.retracted) throw new EventAlreadyRetracted(eventId);
  if (target.type === 'EventCorrected' || target.type === 'EventRetracted') {
    throw new InvalidCommand(
      'eventId',
      'names a correction or retraction; amend the original event',
    );
  }
  return { eventId, target, reason };
}

function requireCorrection(value: unknown): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidCommand('correction', 'must be an object of corrected fields');
  }
  if (Object.keys(value).length === 0) {
    throw new InvalidCommand('correction', 'must correct at least one field');
  }
  return value as Readonly<Record<string, unknown>>;
}

export function decideCorrectEvent(
  command: CommandOf<'CorrectEvent'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireRegistered(command, state);
  const { eventId, target, reason } = requireAmendable(council, command, context);
  const correction = requireCorrection(command.data.correction);
  const rules = CORRECTABLE_FIELDS[target.type];
  for (const [field, value] of Object.entries(correction)) {
    const rule = Object.hasOwn(rules, field) ? rules[field] : undefined;
    if (rule === undefined) {
      throw new InvalidCommand(`correction.${field}`, `cannot be corrected on ${target.type}`);
    }
    rule(`correction.${field}`, value);
  }
  const cascade = checkCorrection(council, eventId, target, correction, context);
  const { gss, occurredAt } = command.data;
  return [eventId, ...cascade.alsoCorrect].map((id) => ({
    type: 'EventCorrected',
    data: {
      gss,
      occurredAt,
      eventId: id,
      // The cascade only ever names events of the target's own type family, see checkCorrection.
      targetType: entry(council.events, id)?.type ?? target.type,
      reason,
      correction: id === eventId ? { ...correction } : cascade.correction,
    },
  }));
}

export function decideRetractEvent(
  command: CommandOf<'RetractEvent'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireRegistered(command, state);
  const { eventId, target, reason } = requireAmendable(council, command, context);
  if (target.type === 'CouncilRegistered') {
    throw new InvalidCommand('eventId', 'a registration cannot be retracted; correct it instead');
  }
  const subject = target.subject === null ? undefined : engagementOf(council, target.subject);
  if (subject !== undefined) {
    const { area, engagement } = subject;
    const steps = engagement.steps;
    const isStep = steps.some((step) => step.eventId === eventId);
    // Only the latest step can go: retracting an earlier one would leave an impossible history.
    if (isStep && steps[steps.length - 1]?.eventId !== eventId) {
      throw new InvalidLifecycleStep(
        area,
        target.subject ?? '',
        engagement.status,
        'retract an earlier step before its later ones',
      );
    }
  }
  const { gss, occurredAt } = command.data;
  return [
    {
      type: 'EventRetracted',
      data: { gss, occurredAt, eventId, targetType: target.type, reason },
    },
  ];
}
