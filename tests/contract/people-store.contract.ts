import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { PeopleStore, PersonDetails } from '#ledger';

export interface PeopleStoreUnderTest {
  readonly store: PeopleStore;
  /** Every row of the people tables that mentions `id`, as JSON text, read with raw SQL. */
  rawRowsFor(id: string): Promise<string[]>;
  teardown(): Promise<void>;
}

export type PeopleStoreFactory = () => Promise<PeopleStoreUnderTest>;

const newId = (label: string): string => `${label}-${randomBytes(5).toString('hex')}`;
const at = (iso: string) => new Date(iso);
const ALEX: PersonDetails = {
  name: 'Alex Example',
  email: 'alex@example.org',
  phone: '020 7946 0000',
  organisation: 'Example Borough Council',
  role: 'Chief executive',
};

/** What every people store adapter must do; run against PostgreSQL and PGlite. */
export function peopleStoreContract(label: string, factory: PeopleStoreFactory): void {
  describe(`people store contract: ${label}`, () => {
    let subject: PeopleStoreUnderTest;
    let store: PeopleStore;

    beforeAll(async () => {
      subject = await factory();
      store = subject.store;
    }, 120_000);
    afterAll(async () => {
      await subject?.teardown();
    });

    it('knows nothing of an id never recorded', async () => {
      const id = newId('nobody');
      expect(await store.get(id)).toBeUndefined();
      expect(await store.resolve([])).toEqual(new Map());
      expect((await store.resolve([id])).has(id)).toBe(false);
    });

    it('records a person, then replaces the details, keeping who first recorded them', async () => {
      const id = newId('p');
      const created = await store.put(id, ALEX, { by: 'pa-1', at: at('2020-01-02T03:04:05Z') });
      expect(created).toEqual({
        outcome: 'created',
        person: {
          status: 'present',
          id,
          details: ALEX,
          recordedBy: 'pa-1',
          recordedAt: '2020-01-02T03:04:05.000Z',
          updatedBy: 'pa-1',
          updatedAt: '2020-01-02T03:04:05.000Z',
        },
      });
      const updated = await store.put(
        id,
        { name: 'Alex Example-Smith' },
        { by: 'pm-1', at: at('2020-02-01T00:00:00Z') },
      );
      expect(updated.outcome).toBe('updated');
      // A PUT replaces: the contact details left out are gone.
      expect(await store.get(id)).toEqual({
        status: 'present',
        id,
        details: { name: 'Alex Example-Smith' },
        recordedBy: 'pa-1',
        recordedAt: '2020-01-02T03:04:05.000Z',
        updatedBy: 'pm-1',
        updatedAt: '2020-02-01T00:00:00.000Z',
      });
    });

    it('erases: the details are deleted, a tombstone without personal data remains', async () => {
      const id = newId('e');
      await store.put(id, ALEX, { by: 'pa-1', at: at('2020-01-01T00:00:00Z') });
      const erased = await store.erase(id, { by: 'admin-1', at: at('2020-03-01T10:00:00Z') });
      const tombstone = {
        status: 'erased',
        id,
        erasedAt: '2020-03-01T10:00:00.000Z',
        erasedBy: 'admin-1',
      };
      expect(erased).toEqual({ outcome: 'erased', tombstone });
      expect(await store.get(id)).toEqual(tombstone);
      const rows = (await subject.rawRowsFor(id)).join('\n');
      for (const value of Object.values(ALEX)) expect(rows).not.toContain(value);
      expect(rows).toContain('admin-1');
    });

    it('erasing again changes nothing and keeps the first tombstone', async () => {
      const id = newId('twice');
      await store.put(id, ALEX, { by: 'pa-1', at: at('2020-01-01T00:00:00Z') });
      const first = await store.erase(id, { by: 'admin-1', at: at('2020-03-01T00:00:00Z') });
      const again = await store.erase(id, { by: 'admin-2', at: at('2020-04-01T00:00:00Z') });
      expect(first.outcome).toBe('erased');
      expect(again).toEqual({
        outcome: 'already_erased',
        tombstone: {
          status: 'erased',
          id,
          erasedAt: '2020-03-01T00:00:00.000Z',
          erasedBy: 'admin-1',
        },
      });
    });

    it('erasing an id never recorded is not_found and leaves no tombstone', async () => {
      const id = newId('typo');
      expect(await store.erase(id, { by: 'admin-1', at: new Date() })).toEqual({
        outcome: 'not_found',
      });
      expect(await store.get(id)).toBeUndefined();
    });

    it('never fills an erased id again', async () => {
      const id = newId('reuse');
      await store.put(id, ALEX, { by: 'pa-1', at: at('2020-01-01T00:00:00Z') });
      await store.erase(id, { by: 'admin-1', at: at('2020-03-01T00:00:00Z') });
      const refused = await store.put(id, ALEX, { by: 'pa-1', at: at('2020-03-02T00:00:00Z') });
      expect(refused.outcome).toBe('erased');
      expect((await store.get(id))?.status).toBe('erased');
      expect((await subject.rawRowsFor(id)).join('\n')).not.toContain(ALEX.name);
    });

    it('a put racing an erase never leaves details beside the tombstone', async () => {
      const ids = Array.from({ length: 8 }, () => newId('race'));
      for (const id of ids) await store.put(id, ALEX, { by: 'pa-1', at: new Date() });
      await Promise.all(
        ids.flatMap((id) => [
          store.put(id, ALEX, { by: 'pa-1', at: new Date() }),
          store.erase(id, { by: 'admin-1', at: new Date() }),
          store.put(id, ALEX, { by: 'pa-2', at: new Date() }),
        ]),
      );
      for (const id of ids) {
        expect((await store.get(id))?.status).toBe('erased');
        expect((await subject.rawRowsFor(id)).join('\n')).not.toContain(ALEX.name);
      }
    });

    it('resolves many ids at once: present, erased and unknown', async () => {
      const [present, gone, unknown] = [newId('r'), newId('r'), newId('r')];
      await store.put(present, { name: 'Pat Example' }, { by: 'pm-1', at: new Date() });
      await store.put(gone, { name: 'Sam Example' }, { by: 'pm-1', at: new Date() });
      await store.erase(gone, { by: 'admin-1', at: new Date() });
      const resolved = await store.resolve([present, gone, unknown, present]);
      expect([...resolved.keys()].sort()).toEqual([gone, present].sort());
      expect(resolved.get(present)).toMatchObject({
        status: 'present',
        details: { name: 'Pat Example' },
      });
      expect(resolved.get(gone)).toMatchObject({ status: 'erased', id: gone });
    });
  });
}
