// A generated ledger for the order-independence property test. Pure and seeded.
import type { CouncilEvent, CouncilEventType, EventOf, OfferCatalogue } from '#domain';
import { AUTHORITY_TYPES, REGIONS } from '#domain';
import { dayNumber } from './shared/dates.js';
import { interaction, isoOf } from './test-ledger-engagements.js';

/** An event with the chain it belongs to: a chain's events must be recorded in chain order. */
export interface LedgerEvent {
  readonly eventId: string;
  readonly event: CouncilEvent;
  readonly chain: string;
  /** Registry facts recorded late: after most of the interactions they cover. */
  readonly late: boolean;
}

export class Random {
  constructor(private state: number) {}
  next(): number {
    // mulberry32: small, fast and good enough to drive a generator.
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(values: readonly T[]): T {
    const value = values[Math.floor(this.next() * values.length)];
    if (value === undefined) throw new Error('pick from an empty list');
    return value;
  }
}

const CONTROLS = ['Conservative', 'Labour', 'Liberal Democrat', 'No overall control'] as const;

export type Data<T extends CouncilEventType> = Omit<EventOf<T>['data'], 'gss' | 'occurredAt'>;

export class CouncilWriter {
  readonly events: LedgerEvent[] = [];
  private count = 0;
  readonly first: number;
  readonly last: number;

  constructor(
    readonly gss: string,
    private readonly random: Random,
    first: string,
    last: string,
  ) {
    this.first = dayNumber(first);
    this.last = dayNumber(last);
  }

  add<T extends CouncilEventType>(
    chain: string,
    type: T,
    day: number,
    data: Data<T>,
    late = false,
  ): string {
    const eventId = `${this.gss}-${(this.count += 1)}`;
    const event = {
      type,
      data: { gss: this.gss, occurredAt: isoOf(day), ...data },
    } as unknown as CouncilEvent;
    this.events.push({ eventId, event, chain: `${this.gss}:${chain}`, late });
    return eventId;
  }

  day(from = this.first, to = this.last): number {
    return this.random.int(Math.min(from, to), to);
  }

  /** Amendments are dated after everything in their chain, as they are in real life. */
  amendDay(after: number): number {
    return after + this.random.int(0, 60);
  }
}

function registry(w: CouncilWriter, random: Random): void {
  const facts = [
    ['control', random.int(1, 4)],
    ['membership', random.int(0, 2)],
    ['leader', random.int(0, 3)],
  ] as const;
  for (const [fact, count] of facts) {
    // Distinct dates per fact: two records of one fact on one day are ordered by recording.
    const days = new Set<number>([w.first]);
    while (days.size < count + 1) days.add(w.day(w.first + 1));
    const sorted = [...days].sort((a, b) => a - b).slice(fact === 'control' ? 0 : 1);
    for (const day of sorted) {
      const chain = `${fact}-${day}`;
      const late = random.chance(0.3);
      const id =
        fact === 'control'
          ? w.add(chain, 'PoliticalControlChanged', day, { control: random.pick(CONTROLS) }, late)
          : fact === 'membership'
            ? w.add(
                chain,
                'LgaMembershipChanged',
                day,
                { membership: random.pick(['member', 'non_member'] as const) },
                late,
              )
            : w.add(
                chain,
                'LeaderChanged',
                day,
                {
                  role: random.pick(['leader', 'mayor'] as const),
                  leaderId: `l${random.int(1, 3)}`,
                },
                late,
              );
      const targetType = w.events[w.events.length - 1]?.event.type ?? 'PoliticalControlChanged';
      if (random.chance(0.1)) {
        w.add(chain, 'EventRetracted', w.amendDay(day), {
          eventId: id,
          targetType,
          reason: 'wrong',
        });
      } else if (fact === 'control' && random.chance(0.15)) {
        let moved = day;
        while (days.has(moved)) moved = w.day(w.first + 1);
        days.add(moved);
        const correction = {
          control: random.pick(CONTROLS),
          ...(random.chance(0.5) ? { occurredAt: isoOf(moved) } : {}),
        };
        w.add(chain, 'EventCorrected', w.amendDay(Math.max(day, moved)), {
          eventId: id,
          targetType,
          reason: 'fix',
          correction,
        });
      }
    }
  }
}

/** Registers councils with dated registry facts, then spreads interactions over them. */
export function generateLedger(
  seed: number,
  councils: number,
  interactions: number,
  catalogue: OfferCatalogue,
) {
  const random = new Random(seed);
  const writers = Array.from({ length: councils }, (_, i) => {
    const gss = `E06${String(i + 1).padStart(6, '0')}`;
    const validFrom = random.chance(0.1) ? '2019-10-01' : null;
    const lastDay = random.chance(0.08) ? '2020-03-31' : null;
    const w = new CouncilWriter(gss, random, validFrom ?? '2012-01-01', lastDay ?? '2021-03-31');
    w.add('reg', 'CouncilRegistered', dayNumber('2010-01-01'), {
      name: `Council ${i + 1}`,
      authorityType: random.pick(AUTHORITY_TYPES),
      region: random.pick(REGIONS),
      validFrom,
      validTo: null,
    });
    if (lastDay !== null)
      w.add('abolition', 'CouncilAbolished', dayNumber(lastDay), { lastDay, successors: [] });
    registry(w, random);
    return w;
  });
  for (let n = 0; n < interactions; n += 1) interaction(random.pick(writers), random, n, catalogue);
  return writers.flatMap((w) => w.events);
}
