/**
 * The people store: the only place the ledger keeps who a person is. Events name people
 * by opaque id (adviserId, menteeId, leaderId, expertId) and never change; this store can
 * forget a person for good, leaving a tombstone that records only that, when and by whom.
 */

export const PEOPLE_STORE = Symbol('PeopleStore');

export interface PersonDetails {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly organisation?: string;
  readonly role?: string;
}

/** Who last wrote a person's details and when (token subjects: opaque ids, not names). */
export interface PersonPresent {
  readonly status: 'present';
  readonly id: string;
  readonly details: PersonDetails;
  readonly recordedBy: string;
  readonly recordedAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

/** A tombstone: no personal data at all, only the id that events still carry. */
export interface PersonErased {
  readonly status: 'erased';
  readonly id: string;
  readonly erasedAt: string;
  readonly erasedBy: string;
}

export type PersonRecord = PersonPresent | PersonErased;

export type PutPersonOutcome =
  | { readonly outcome: 'created' | 'updated'; readonly person: PersonPresent }
  /** Erasure is final: an erased id is never filled again (that would re-identify its events). */
  | { readonly outcome: 'erased'; readonly person: PersonErased };

export type ErasePersonOutcome =
  | { readonly outcome: 'erased' | 'already_erased'; readonly tombstone: PersonErased }
  | { readonly outcome: 'not_found' };

export interface Stamp {
  /** The caller's token subject. */
  readonly by: string;
  readonly at: Date;
}

export interface PeopleStore {
  /** Records or replaces a person's details; refused (outcome 'erased') after an erasure. */
  put(id: string, details: PersonDetails, stamp: Stamp): Promise<PutPersonOutcome>;
  get(id: string): Promise<PersonRecord | undefined>;
  /**
   * Deletes the details and leaves a tombstone, atomically. Erasing a tombstone again
   * changes nothing; an id never recorded is 'not_found' (so a typo erases nobody).
   */
  erase(id: string, stamp: Stamp): Promise<ErasePersonOutcome>;
  /** Many ids in one round trip; ids the store never saw are absent from the map. */
  resolve(ids: readonly string[]): Promise<ReadonlyMap<string, PersonRecord>>;
  close(): Promise<void>;
}

/** The people store could not be reached: nothing was read or written. */
export class PeopleStoreUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PeopleStoreUnavailable';
  }
}
