import { DomainError } from '#domain';
import { StoreUnavailable } from '#event-store';
import { ConcurrencyConflict, Forbidden, PreconditionFailed, ResourceNotFound } from '../errors.js';

/** The values of the `outcome` label of ledger_commands_total. */
export type CommandOutcome =
  | 'accepted'
  | 'unchanged'
  | 'duplicate'
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'stale'
  | 'contended'
  | 'unavailable'
  | 'error';

interface ResultShape {
  readonly replayed?: boolean;
  readonly eventIds?: readonly string[];
}

/** How a command ended: from its result when it returned, from the error when it threw. */
export function commandOutcome(result: unknown, error?: unknown): CommandOutcome {
  if (error === undefined) {
    const shape = (result ?? {}) as ResultShape;
    if (shape.replayed) return 'duplicate';
    return shape.eventIds?.length === 0 ? 'unchanged' : 'accepted';
  }
  if (error instanceof DomainError) return error.kind;
  if (error instanceof Forbidden) return 'forbidden';
  if (error instanceof ResourceNotFound) return 'not_found';
  if (error instanceof PreconditionFailed) return 'stale';
  if (error instanceof ConcurrencyConflict) return 'contended';
  if (error instanceof StoreUnavailable) return 'unavailable';
  return 'error';
}
