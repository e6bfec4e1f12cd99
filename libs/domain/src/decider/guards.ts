import type { IdMap } from './id-map.js';
import { COMMAND_LIMITS, type CouncilCommand } from '../commands/commands.js';
import {
  CouncilAbolished,
  CouncilNotRegistered,
  DateBeforeCouncilExisted,
  DateInFuture,
  DateOutOfRange,
  DuplicateEngagementId,
  EngagementNotFound,
  InvalidCommand,
  InvalidLifecycleStep,
} from '../errors.js';
import { isEntityId } from '../values/identifiers.js';
import { EARLIEST_DATE, type IsoDate, isIsoDate } from '../values/iso-date.js';
import { isOneOf } from '../values/one-of.js';
import type { DecisionContext } from './context.js';
import {
  entry,
  type CouncilState,
  type Engagement,
  type EngagementArea,
  lastDayOf,
  type RegisteredCouncilState,
} from './state.js';

/** A valid calendar date no earlier than the ledger's records can go. */
export function requireDate(field: string, value: unknown): IsoDate {
  if (!isIsoDate(value)) throw new DateOutOfRange(field, `${String(value)} is not a calendar date`);
  if (value < EARLIEST_DATE) throw new DateOutOfRange(field, `${value} is before ${EARLIEST_DATE}`);
  return value;
}

export function requireNotFuture(field: string, date: IsoDate, context: DecisionContext): void {
  if (date > context.today) throw new DateInFuture(date, context.today, field);
}

export function requireOrdered(fromField: string, from: IsoDate, toField: string, to: IsoDate) {
  if (to < from) throw new DateOutOfRange(toField, `${to} is before ${fromField} ${from}`);
}

/** A date on which the council existed (its register dates, or its abolition). */
export function requireWithinLifespan(
  state: RegisteredCouncilState,
  field: string,
  date: IsoDate,
): void {
  if (state.validFrom !== null && date < state.validFrom) {
    throw new DateBeforeCouncilExisted(state.gss, state.validFrom, date, field);
  }
  const lastDay = lastDayOf(state);
  if (lastDay !== null && date > lastDay) throw new CouncilAbolished(state.gss, lastDay, date);
}

export function requireRegistered(
  command: CouncilCommand,
  state: CouncilState,
): RegisteredCouncilState {
  if (state.status === 'unregistered') throw new CouncilNotRegistered(command.data.gss);
  // The caller loads the stream from the command's gss; a mismatch is a wiring bug.
  if (state.gss !== command.data.gss) {
    throw new InvalidCommand('gss', `${command.data.gss} does not name the loaded council`);
  }
  return state;
}

/** The checks every command about a living council shares: registered, dated, in its lifespan. */
export function requireLivingCouncil(
  command: CouncilCommand,
  state: CouncilState,
  context: DecisionContext,
): RegisteredCouncilState {
  const council = requireRegistered(command, state);
  const occurredAt = requireDate('occurredAt', command.data.occurredAt);
  requireNotFuture('occurredAt', occurredAt, context);
  requireWithinLifespan(council, 'occurredAt', occurredAt);
  return council;
}

export function requireId(field: string, value: unknown): string {
  if (!isEntityId(value)) {
    throw new InvalidCommand(field, 'must be 1-100 characters of A-Z a-z 0-9 . _ : -');
  }
  return value;
}

export function requireText(
  field: string,
  value: unknown,
  maxLength: number = COMMAND_LIMITS.textMaxLength,
): string {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > maxLength) {
    throw new InvalidCommand(field, `must be non-blank text of at most ${maxLength} characters`);
  }
  return value;
}

export function requireTextList(field: string, value: unknown): readonly string[] {
  if (!Array.isArray(value) || value.length > COMMAND_LIMITS.listMaxItems) {
    throw new InvalidCommand(field, `must be a list of at most ${COMMAND_LIMITS.listMaxItems}`);
  }
  value.forEach((item, index) => requireText(`${field}[${index}]`, item));
  return value as readonly string[];
}

export function requireOneOf<T extends string>(
  field: string,
  values: readonly T[],
  value: unknown,
) {
  if (!isOneOf(values, value))
    throw new InvalidCommand(field, `must be one of ${values.join(', ')}`);
  return value;
}

export function requireInteger(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidCommand(field, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Ids name one engagement of any area, so "mentoring m1" can never also be a peer challenge. */
export function requireNewEngagementId(
  state: RegisteredCouncilState,
  field: string,
  value: unknown,
): string {
  const id = requireId(field, value);
  const usedBy = entry(state.engagementIds, id);
  if (usedBy !== undefined) throw new DuplicateEngagementId(id, usedBy);
  return id;
}

export function requireEngagement<E extends Engagement<string>>(
  area: EngagementArea,
  records: IdMap<E>,
  field: string,
  value: unknown,
): E {
  const id = requireId(field, value);
  const engagement = entry(records, id);
  if (engagement === undefined) throw new EngagementNotFound(area, id);
  return engagement;
}

/** The engagement must be in one of `from`; a retracted one is in none. */
export function requireStatus<S extends string>(
  area: EngagementArea,
  id: string,
  engagement: Engagement<S>,
  from: readonly S[],
  step: string,
): void {
  if (!(from as readonly string[]).includes(engagement.status)) {
    throw new InvalidLifecycleStep(area, id, engagement.status, step);
  }
}

/** Steps happen in order: a back-dated step may not precede the one before it. */
export function requireAfterLastStep(engagement: Engagement<string>, occurredAt: IsoDate): void {
  const last = engagement.steps[engagement.steps.length - 1];
  if (last !== undefined && occurredAt < last.on) {
    throw new DateOutOfRange(
      'occurredAt',
      `${occurredAt} is before the previous step (${last.on})`,
    );
  }
}
