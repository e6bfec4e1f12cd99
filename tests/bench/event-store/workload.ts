import { randomUUID } from 'node:crypto';
import { inParallel, timed, type Timing } from '../support/stats.js';

/** One event as every contender receives it; data and metadata are serialised by each. */
export interface BenchEvent {
  readonly id: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/**
 * What each contender (our store, raw SQL, the peer) does with one append.
 * `expected` is whatever the contender returned for the previous append to the
 * stream (undefined for a new stream); `firstRevision` is the 0-based revision
 * of the first event, for contenders that write revisions themselves.
 */
export interface Appender {
  append(
    stream: string,
    events: readonly BenchEvent[],
    expected: bigint | undefined,
    firstRevision: number,
  ): Promise<bigint | undefined>;
}

export interface AppendPlan {
  readonly label: string;
  readonly events: number;
  readonly writers: number;
  /** Events per append. */
  readonly batch: number;
  /** Events per stream before a writer moves on to a new stream. */
  readonly streamLength: number;
}

const NOTES = 'Delivered to the leader and cabinet; follow-up agreed with the chief executive. ';

/** A realistic council event: an offer delivery whose JSON is about 300 bytes. */
export function benchEvent(sequence: number): BenchEvent {
  const data = {
    gss: 'E06000023',
    occurredAt: '2019-06-12',
    deliveryId: `od-${sequence}`,
    offerCode: 'leadership-academy',
    participants: 12,
    notes: NOTES.repeat(2).slice(0, 170),
  };
  return {
    id: randomUUID(),
    type: 'OfferDelivered',
    data,
    metadata: {
      schemaVersion: 1,
      recordedAt: '2020-03-15T12:00:00.000Z',
      recordedBy: 'bench',
      correlationId: randomUUID(),
    },
  };
}

/**
 * Runs the plan: each writer owns its streams (so no appends conflict), tracks
 * the expected revision of its current stream, and starts a new stream every
 * `streamLength` events. Returns how many events were appended and how long it took.
 */
export function runAppends(plan: AppendPlan, run: string, appender: Appender): Promise<Timing> {
  const perWriter = Math.floor(plan.events / plan.writers / plan.batch) * plan.batch;
  return timed(async () => {
    await inParallel(plan.writers, async (writer) => {
      let stream = 0;
      let inStream = 0;
      let expected: bigint | undefined;
      for (let done = 0; done < perWriter; done += plan.batch) {
        if (inStream >= plan.streamLength) {
          stream += 1;
          inStream = 0;
          expected = undefined;
        }
        const events = Array.from({ length: plan.batch }, (_, index) => benchEvent(done + index));
        const name = `bench-${run}-w${writer}-s${stream}`;
        expected = await appender.append(name, events, expected, inStream);
        inStream += plan.batch;
      }
    });
    return perWriter * plan.writers;
  });
}

export const appendPlans = (events: number): readonly AppendPlan[] => [
  { label: 'single-event appends, 1 writer', events, writers: 1, batch: 1, streamLength: 100 },
  { label: 'single-event appends, 16 writers', events, writers: 16, batch: 1, streamLength: 100 },
  {
    label: '100-event batch appends, 1 writer',
    events,
    writers: 1,
    batch: 100,
    streamLength: 1_000,
  },
];

export interface Contender {
  readonly name: string;
  readonly appender: Appender;
}

const add = (a: Timing, b: Timing): Timing => ({
  count: a.count + b.count,
  seconds: a.seconds + b.seconds,
});

/**
 * Runs the plan for every contender in `rounds` slices, rotating who goes
 * first, and adds up each contender's slices. On a shared machine the load
 * changes by the minute; slicing spreads it over all contenders alike instead
 * of penalising whoever ran during a busy spell.
 */
export async function interleaved(
  plan: AppendPlan,
  tag: string,
  contenders: readonly Contender[],
  rounds: number,
  settle: () => Promise<void>,
): Promise<Map<string, Timing>> {
  const totals = new Map<string, Timing>(
    contenders.map(({ name }) => [name, { count: 0, seconds: 0 }]),
  );
  const slice: AppendPlan = { ...plan, events: Math.floor(plan.events / rounds) };
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < contenders.length; turn++) {
      const { name, appender } = contenders[(round + turn) % contenders.length]!;
      await settle();
      const timing = await runAppends(slice, `${tag}r${round}`, appender);
      totals.set(name, add(of(totals, name), timing));
    }
  }
  return totals;
}

export function of(totals: ReadonlyMap<string, Timing>, name: string): Timing {
  const timing = totals.get(name);
  if (timing === undefined) throw new Error(`no figures for ${name}`);
  return timing;
}

export const READ_PASSES = 3;

/** Read passes over the whole log, ours and raw taking turns, added up. */
export async function alternateReads(
  ours: () => Promise<Timing>,
  raw: () => Promise<Timing>,
  settle: () => Promise<void>,
  passes = READ_PASSES,
): Promise<{ readonly ours: Timing; readonly raw: Timing }> {
  let totals = { ours: { count: 0, seconds: 0 }, raw: { count: 0, seconds: 0 } };
  for (let pass = 0; pass < passes; pass++) {
    for (const who of pass % 2 === 0 ? (['ours', 'raw'] as const) : (['raw', 'ours'] as const)) {
      await settle();
      const timing = await (who === 'ours' ? ours() : raw());
      totals = { ...totals, [who]: add(totals[who], timing) };
    }
  }
  return totals;
}
