import { describe, expect, it } from '@jest/globals';
import type { EventStore, ReadAllOptions, RecordedEvent } from '#event-store';
import { SharedPages } from './shared-pages.js';

/** Only readAll is used by SharedPages: a ledger of numbered events, counting its reads. */
function ledger(size: number) {
  const events = Array.from({ length: size }, (_, i): RecordedEvent => ({
    id: `e${i + 1}`,
    type: 'Noted',
    data: {},
    metadata: {},
    streamName: 's',
    revision: BigInt(i),
    position: BigInt(i + 1),
    committedAt: new Date(0),
  }));
  const counter = { reads: 0, failNext: false, byAfter: new Map<bigint, number>() };
  const store = {
    readAll: async ({ after = 0n, maxCount = 1_000 }: ReadAllOptions = {}) => {
      counter.reads += 1;
      counter.byAfter.set(after, (counter.byAfter.get(after) ?? 0) + 1);
      if (counter.failNext) {
        counter.failNext = false;
        throw new Error('connection reset');
      }
      return events.filter((event) => event.position > after).slice(0, maxCount);
    },
  } as unknown as EventStore;
  return { store, counter };
}

async function readAllPages(read: (after: bigint, max: number) => Promise<RecordedEvent[]>) {
  const seen: bigint[] = [];
  for (let after = 0n; ;) {
    const page = await read(after, 10);
    seen.push(...page.map((event) => event.position));
    const last = page.at(-1);
    if (last === undefined || page.length < 10) return seen;
    after = last.position;
  }
}

describe('SharedPages', () => {
  it('reads each page once for readers that start together, and gives each every event in order', async () => {
    const { store, counter } = ledger(95);
    const pages = new SharedPages(store);
    const signal = new AbortController().signal;
    const readers = [pages.join(signal), pages.join(signal), pages.join(signal)];
    const seen = await Promise.all(readers.map((reader) => readAllPages(reader.read)));
    for (const positions of seen) {
      expect(positions).toEqual(Array.from({ length: 95 }, (_, i) => BigInt(i + 1)));
    }
    // Nine full pages, each read once; the short last page may be read again (see below).
    for (let after = 0n; after < 90n; after += 10n) expect(counter.byAfter.get(after)).toBe(1);
  });

  it('does not keep a short page: it ended at the head of its moment', async () => {
    const { store, counter } = ledger(5);
    const pages = new SharedPages(store);
    const reader = pages.join(new AbortController().signal);
    await reader.read(0n, 10);
    await reader.read(0n, 10);
    expect(counter.reads).toBe(2);
  });

  it('does not keep a failed read: the next reader asks the store again', async () => {
    const { store, counter } = ledger(5);
    const pages = new SharedPages(store);
    const reader = pages.join(new AbortController().signal);
    counter.failNext = true;
    await expect(reader.read(0n, 10)).rejects.toThrow('connection reset');
    expect((await reader.read(0n, 10)).length).toBe(5);
    expect(counter.reads).toBe(2);
  });

  it('lets a reader run ahead once the slowest has left', async () => {
    const { store } = ledger(200);
    const pages = new SharedPages(store);
    const signal = new AbortController().signal;
    const slow = pages.join(signal);
    await slow.read(0n, 10);
    slow.leave();
    const fast = pages.join(signal);
    expect(await readAllPages(fast.read)).toHaveLength(200);
  });
});
