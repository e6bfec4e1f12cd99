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
