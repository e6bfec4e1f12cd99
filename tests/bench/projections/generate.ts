import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  type CouncilCommand,
  type CouncilEvent,
  type CouncilEventType,
  type CouncilState,
  EVENT_SCHEMA_VERSION,
  type OfferCatalogue,
  councilStreamName,
  decide,
  evolve,
  financialYearOf,
  initialState,
} from '#domain';
import type { EventStore, EventToAppend } from '#event-store';
import { inParallel, progress, timed, type Timing } from '../support/stats.js';
import { councilPlan } from './council-plan.js';

/** The brief: appends of 1,000 events to one stream at a time. */
export const STREAM_BATCH = 1_000;
const WRITERS = 4;

export interface Workload {
  readonly events: number;
  readonly councils: number;
  /** The generic (RecordOfferDelivered) offer codes of the 2019/20 catalogue. */
  readonly offers: readonly string[];
}

export const perCouncil = (workload: Workload, index: number): number =>
  Math.floor(workload.events / workload.councils) +
  (index < workload.events % workload.councils ? 1 : 0);

export function genericOffers(catalogue: OfferCatalogue): string[] {
  const year = catalogue.year(2019);
  if (year === undefined) throw new Error('the catalogue has no 2019/20 year');
  return year.offers.filter((offer) => offer.interaction === null).map((offer) => offer.code);
}

const COMMAND_OF: Partial<Record<CouncilEventType, CouncilCommand['type']>> = {
  CouncilRegistered: 'RegisterCouncil',
  PoliticalControlChanged: 'ChangePoliticalControl',
  LeaderChanged: 'ChangeLeader',
  LgaMembershipChanged: 'ChangeLgaMembership',
  AnnualConversationHeld: 'RecordAnnualConversation',
  PeerChallengeDelivered: 'DeliverPeerChallenge',
  ChangeOfControlOfferMade: 'MakeChangeOfControlOffer',
  ChangeOfControlOfferAccepted: 'AcceptChangeOfControlOffer',
  ChangeOfControlOfferDeclined: 'DeclineChangeOfControlOffer',
  ChangeOfControlSupportDelivered: 'DeliverChangeOfControlSupport',
  MentoringStarted: 'StartMentoring',
  MentoringCompleted: 'CompleteMentoring',
  ProductivityExpertEngaged: 'EngageProductivityExpert',
  SavingsReported: 'ReportSavings',
  OfferDelivered: 'RecordOfferDelivered',
  RiskSignalRaised: 'RaiseRiskSignal',
  RiskSignalCleared: 'ClearRiskSignal',
};

export interface PlanCheck {
  /** Events per type, over every council. */
  readonly types: ReadonlyMap<string, number>;
  /** Events that count toward take-up (an offer of their year's catalogue), per financial year. */
  readonly takeUpByYear: ReadonlyMap<number, number>;
  readonly timing: Timing;
}

/**
 * Every planned event is re-decided from its command by the domain's `decide` on the folded
 * state and must come out identical: the store then holds only what the write side would.
 */
export function checkPlans(workload: Workload, catalogue: OfferCatalogue): PlanCheck {
  const types = new Map<string, number>();
  const takeUpByYear = new Map<number, number>();
  const context = { today: '2021-04-01', catalogue };
  let checked = 0;
  const started = performance.now();
  for (let index = 0; index < workload.councils; index += 1) {
    let state: CouncilState = initialState;
    for (const event of councilPlan(index, perCouncil(workload, index), workload.offers)) {
      const type = COMMAND_OF[event.type];
      if (type === undefined) throw new Error(`no command for ${event.type}`);
      const decided = decide({ type, data: event.data } as CouncilCommand, state, context);
      if (decided.length !== 1 || !isDeepStrictEqual(decided[0], event)) {
        throw new Error(`council ${index}: ${event.type} decides to ${JSON.stringify(decided)}`);
      }
      state = evolve(state, { eventId: `check-${checked}`, event });
      checked += 1;
      types.set(event.type, (types.get(event.type) ?? 0) + 1);
      if (catalogue.offerForEvent(event) !== undefined) {
        const fy = financialYearOf(event.data.occurredAt);
        takeUpByYear.set(fy, (takeUpByYear.get(fy) ?? 0) + 1);
      }
    }
  }
  return {
    types,
    takeUpByYear,
    timing: { count: checked, seconds: (performance.now() - started) / 1000 },
  };
}

function toAppend(event: CouncilEvent): EventToAppend {
  return {
    id: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: {
      schemaVersion: EVENT_SCHEMA_VERSION[event.type],
      recordedAt: `${event.data.occurredAt}T10:00:00.000Z`,
      recordedBy: 'bench-projections',
    },
  };
}

/**
 * Appends every council's plan in rounds: round r appends events [r·1000, (r+1)·1000) of
 * every council's stream (4 writers at a time), so the log interleaves councils 1,000
 * events at a time, as a bulk import would.
 */
export function appendPlans(store: EventStore, workload: Workload): Promise<Timing> {
  const longest = perCouncil(workload, 0);
  const rounds = Math.ceil(longest / STREAM_BATCH);
  return timed(async () => {
    let appended = 0;
    for (let round = 0; round < rounds; round += 1) {
      await inParallel(WRITERS, async (writer) => {
        for (let index = writer; index < workload.councils; index += WRITERS) {
          const from = round * STREAM_BATCH;
          const plan = councilPlan(index, perCouncil(workload, index), workload.offers);
          const batch = plan.slice(from, from + STREAM_BATCH).map(toAppend);
          if (batch.length === 0) continue;
          const stream = councilStreamName(plan[0]!.data.gss);
          await store.append(stream, batch, from === 0 ? 'no_stream' : BigInt(from - 1));
          appended += batch.length;
        }
      });
      progress(`  round ${round + 1}/${rounds}: ${appended} events appended`);
    }
    return appended;
  });
}
