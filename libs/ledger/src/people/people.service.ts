import { ConflictException, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { Forbidden, ResourceNotFound } from '../errors.js';
import {
  PEOPLE_STORE,
  type PeopleStore,
  PeopleStoreUnavailable,
  type PersonDetails,
  type PersonRecord,
} from './people-store.js';

/** A person as the API shows it: the details flat beside the id, or the tombstone. */
export type PersonView =
  | ({
      readonly id: string;
      readonly status: 'present';
      readonly recordedBy: string;
      readonly recordedAt: string;
      readonly updatedBy: string;
      readonly updatedAt: string;
    } & PersonDetails)
  | {
      readonly id: string;
      readonly status: 'erased';
      readonly erasedAt: string;
      readonly erasedBy: string;
    };

export function personView(record: PersonRecord): PersonView {
  if (record.status === 'erased') return record;
  const { details, ...rest } = record;
  return { ...rest, ...details };
}

/**
 * The people use cases and who may do what. Managers and admins record and read anyone;
 * an adviser records the people they work with (mentees, leaders, experts) and may read
 * or change only those they recorded, since their patch says nothing about people. Only
 * an admin erases: erasure is final and answers a data subject's request.
 */
@Injectable()
export class People {
  constructor(@Inject(PEOPLE_STORE) private readonly store: PeopleStore) {}

  async record(
    id: string,
    details: PersonDetails,
    actor: Actor,
    now: Date,
  ): Promise<{ readonly created: boolean; readonly person: PersonView }> {
    if (actor.role === 'adviser') {
      const existing = await this.available(() => this.store.get(id));
      this.checkAdviserOwns(existing, actor, 'change');
    }
    const result = await this.available(() =>
      this.store.put(id, details, { by: actor.subject, at: now }),
    );
    if (result.outcome === 'erased') {
      throw new ConflictException({
        code: 'person_erased',
        message: `person ${id} was erased on ${result.person.erasedAt}; an erased id is never reused, record the person under a new id`,
      });
    }
    return { created: result.outcome === 'created', person: personView(result.person) };
  }

  async read(id: string, actor: Actor): Promise<PersonView> {
    const record = await this.available(() => this.store.get(id));
    if (record === undefined) throw new ResourceNotFound(`no person ${id}`);
    if (actor.role === 'adviser') this.checkAdviserOwns(record, actor, 'read');
    return personView(record);
  }

  async erase(id: string, actor: Actor, now: Date): Promise<void> {
    const result = await this.available(() => this.store.erase(id, { by: actor.subject, at: now }));
    if (result.outcome === 'not_found') throw new ResourceNotFound(`no person ${id}`);
  }

  /** A tombstone holds no personal data, so anyone who may read people may see it. */
  private checkAdviserOwns(record: PersonRecord | undefined, actor: Actor, verb: string): void {
    if (record?.status === 'present' && record.recordedBy !== actor.subject) {
      throw new Forbidden(
        `an adviser may ${verb} only the people they recorded; ${record.id} was recorded by someone else`,
      );
    }
  }

  private async available<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof PeopleStoreUnavailable)) throw error;
      throw new ServiceUnavailableException({
        code: 'people_store_unavailable',
        message: 'the people store is unavailable; nothing was read or written, retry later',
      });
    }
  }
}
