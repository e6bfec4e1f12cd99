import type {
  AuthorityType,
  ControlPeriod,
  CouncilEvent,
  DateRange,
  EventOf,
  IsoDate,
  LeaderPeriod,
  MembershipPeriod,
  Region,
} from '#domain';
import { amendPeriods, insertPeriod } from './timeline.js';
import { pick } from './records.js';

export interface Abolition {
  readonly eventId: string;
  readonly lastDay: IsoDate;
  readonly successors: readonly string[];
}

/** A council's register entry and dated registry facts, as the council summary keeps them. */
export interface CouncilFacts {
  readonly name: string;
  readonly authorityType: AuthorityType;
  readonly region: Region;
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
  readonly abolition: Abolition | null;
  readonly control: readonly ControlPeriod[];
  readonly leader: readonly LeaderPeriod[];
  readonly membership: readonly MembershipPeriod[];
}

export function registeredFacts(event: EventOf<'CouncilRegistered'>): CouncilFacts {
  const { name, authorityType, region, validFrom, validTo } = event.data;
  return {
    name,
    authorityType,
    region,
    validFrom,
    validTo,
    abolition: null,
    control: [],
    leader: [],
    membership: [],
  };
}

function amendFacts(facts: CouncilFacts, event: EventOf<'EventCorrected' | 'EventRetracted'>) {
  const { targetType, eventId } = event.data;
  switch (targetType) {
    case 'CouncilRegistered':
      return event.type === 'EventCorrected'
        ? {
            ...facts,
            ...pick(event.data.correction, [
              'name',
              'authorityType',
              'region',
              'validFrom',
              'validTo',
            ]),
          }
        : facts;
    case 'CouncilAbolished': {
      if (facts.abolition?.eventId !== eventId) return facts;
      if (event.type === 'EventRetracted') return { ...facts, abolition: null };
      const patch = pick(event.data.correction, ['lastDay', 'successors']);
      return { ...facts, abolition: { ...facts.abolition, ...patch } };
    }
    case 'PoliticalControlChanged':
      return { ...facts, control: amendPeriods(facts.control, event, ['control']) };
    case 'LeaderChanged':
      return { ...facts, leader: amendPeriods(facts.leader, event, ['role', 'leaderId']) };
    case 'LgaMembershipChanged':
      return { ...facts, membership: amendPeriods(facts.membership, event, ['membership']) };
    default:
      return facts;
  }
}

/** Folds the events that change register facts; any other event leaves them as they are. */
export function evolveFacts(facts: CouncilFacts, eventId: string, event: CouncilEvent) {
  const from = event.data.occurredAt;
  switch (event.type) {
    case 'PoliticalControlChanged':
      return {
        ...facts,
        control: insertPeriod(facts.control, { eventId, from, control: event.data.control }),
      };
    case 'LeaderChanged': {
      const { role, leaderId } = event.data;
      return { ...facts, leader: insertPeriod(facts.leader, { eventId, from, role, leaderId }) };
    }
    case 'LgaMembershipChanged': {
      const period = { eventId, from, membership: event.data.membership };
      return { ...facts, membership: insertPeriod(facts.membership, period) };
    }
    case 'CouncilAbolished': {
      if (facts.abolition !== null) return facts;
      const { lastDay, successors } = event.data;
      return { ...facts, abolition: { eventId, lastDay, successors } };
    }
    case 'EventCorrected':
    case 'EventRetracted':
      return amendFacts(facts, event);
    default:
      return facts;
  }
}

/** The last day the council exists: its abolition, else its register end date. */
export function lastDayOf(facts: CouncilFacts): IsoDate | null {
  return facts.abolition?.lastDay ?? facts.validTo;
}

export function existsOn(facts: CouncilFacts, date: IsoDate): boolean {
  return existedDuring(facts, { from: date, to: date });
}

/** True when the council existed on at least one day of the range. */
export function existedDuring(facts: CouncilFacts, range: DateRange): boolean {
  const lastDay = lastDayOf(facts);
  return (
    (facts.validFrom === null || facts.validFrom <= range.to) &&
    (lastDay === null || lastDay >= range.from)
  );
}

/** The part of the range in which the council existed (empty, to < from, if none). */
export function lifeWithin(facts: CouncilFacts, range: DateRange): DateRange {
  const lastDay = lastDayOf(facts);
  return {
    from: facts.validFrom !== null && facts.validFrom > range.from ? facts.validFrom : range.from,
    to: lastDay !== null && lastDay < range.to ? lastDay : range.to,
  };
}
