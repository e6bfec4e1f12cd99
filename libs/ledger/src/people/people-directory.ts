import { Inject, Injectable, Logger } from '@nestjs/common';
import { PEOPLE_STORE, type PeopleStore, PeopleStoreUnavailable } from './people-store.js';
import { personIdsIn } from './person-ids.js';

/**
 * How an answer shows a person it names by id. Only the display name: contact details
 * stay behind GET /people/{id}. `unresolved` when the people store could not be reached.
 */
export type PersonName =
  | { readonly name: string }
  | { readonly erased: true; readonly erasedAt: string }
  | { readonly unknown: true }
  | { readonly unresolved: true };

export type PeopleNames = Readonly<Record<string, PersonName>>;

/**
 * Resolves person ids to names at read time, never inside projections or snapshot
 * documents: those keep only ids, so erasing a person changes no stored byte and a
 * snapshot's SHA-256 still verifies.
 */
@Injectable()
export class PeopleDirectory {
  private readonly logger = new Logger('PeopleDirectory');

  constructor(@Inject(PEOPLE_STORE) private readonly people: PeopleStore) {}

  async names(ids: readonly string[]): Promise<PeopleNames> {
    const names: Record<string, PersonName> = {};
    if (ids.length === 0) return names;
    try {
      const records = await this.people.resolve(ids);
      for (const id of [...new Set(ids)].sort()) {
        const record = records.get(id);
        names[id] =
          record === undefined
            ? { unknown: true }
            : record.status === 'erased'
              ? { erased: true, erasedAt: record.erasedAt }
              : { name: record.details.name };
      }
    } catch (error) {
      // Names decorate an answer; the ledger's own data is still worth answering with.
      if (!(error instanceof PeopleStoreUnavailable)) throw error;
      this.logger.warn(error.message);
      for (const id of ids) names[id] = { unresolved: true };
    }
    return names;
  }

  /** The names of every person an answer names by id (adviserId, menteeId…), at any depth. */
  namesIn(answer: unknown): Promise<PeopleNames> {
    return this.names(personIdsIn(answer));
  }
}
