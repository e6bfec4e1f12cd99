// The writer behind the generated ledger of the order-independence property test.
import type { CouncilEvent, CouncilEventType, EventOf } from '#domain';
import { dayNumber } from './shared/dates.js';

export const isoOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

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
