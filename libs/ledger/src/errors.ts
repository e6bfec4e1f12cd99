/** Errors of the application layer; the HTTP filter maps each to one status. */
export abstract class LedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = this.constructor.name;
  }
}

export class Unauthenticated extends LedgerError {}

export class Forbidden extends LedgerError {}

/** If-Match named a revision the stream is no longer at. */
export class PreconditionFailed extends LedgerError {
  constructor(
    readonly expected: bigint,
    readonly actual: bigint | undefined,
  ) {
    super(`If-Match revision ${expected} is stale: the stream is at ${actual ?? 'no revision'}`);
  }
}

/**
 * An Idempotency-Key sent again with a different request: answering with the first
 * request's result would tell the caller that something it never asked for was done.
 */
export class IdempotencyKeyReused extends LedgerError {
  constructor(readonly key: string) {
    super(
      `Idempotency-Key ${JSON.stringify(key)} was already used for a different request; ` +
        'use a new key for a new request',
    );
  }
}

/** Concurrent writers kept winning after every re-decision. */
export class ConcurrencyConflict extends LedgerError {
  constructor(
    readonly streamName: string,
    readonly attempts: number,
  ) {
    super(`${streamName} changed under ${attempts} attempts; retry the request`);
  }
}

export class ResourceNotFound extends LedgerError {}

export class BadRequest extends LedgerError {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** A read model is being built for the first time: no numbers yet rather than partial ones. */
export class ReadModelRebuilding extends LedgerError {
  constructor(readonly projection: string) {
    super(`read model ${projection} is being built; retry shortly`);
  }
}

/** A read model is further behind the ledger than LEDGER_MAX_READ_LAG_SECONDS allows. */
export class ReadModelBehind extends LedgerError {
  constructor(
    readonly projection: string,
    readonly position: bigint,
    readonly head: bigint,
    readonly lagSeconds: number,
  ) {
    super(
      `read model ${projection} is ${lagSeconds.toFixed(1)} s behind the ledger (at ${position}, head ${head}); retry shortly`,
    );
  }
}

/** The projection runs in another process (or not at all here): act there. */
export class ProjectorElsewhere extends LedgerError {
  constructor(readonly projection: string) {
    super(
      `projection ${projection} is not run by this process; replay its dead letters where the projector runs`,
    );
  }
}

/** A cut beyond the head: events may still be appended at or below it, so nothing there is stable. */
export class PositionBeyondHead extends LedgerError {
  constructor(
    readonly position: bigint,
    readonly head: bigint,
  ) {
    super(`position ${position} is beyond the ledger head ${head}`);
  }
}
