import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { type OfferCatalogue, catalogueOf, parseCatalogue, parseTargets } from '#domain';
import type { ProjectedEvent } from '../projection.js';
import { annualConversationCoverage } from './annual-conversations/annual-conversation-coverage.view.js';
import { changeOfControlTracker } from './change-of-control/change-of-control-tracker.view.js';
import { type CouncilDocs, sortedCouncils } from './council-docs.js';
import { councilSummary } from './council-summary/council-summary.view.js';
import { interventionRisk } from './intervention-risk/intervention-risk.view.js';
import { parseRiskRules } from './intervention-risk/risk-rules.js';
import { peerChallengeCoverage } from './peer-challenges/peer-challenge-coverage.view.js';
import { takeUp } from './take-up/take-up.view.js';
import { targetsVsActuals } from './targets-vs-actuals/targets-vs-actuals.view.js';
import { councilDocs } from './test-fixtures.js';
import { type LedgerEvent, Random, generateLedger } from './test-ledger.js';

// Tests may read reference data; the views never do.
const read = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const domainData = '../../../domain/reference-data';
const catalogue: OfferCatalogue = catalogueOf(
  [2019, 2020].map((fy) =>
    parseCatalogue(fy, read(`${domainData}/catalogue/${fy}-${fy - 1999}.json`)),
  ),
);
const targets = [2019, 2020].map((fy) =>
  parseTargets(fy, read(`${domainData}/targets/${fy}-${fy - 1999}.json`), catalogue),
);
const rules = parseRiskRules(read('../../reference-data/risk-rules/v1.json'));

const COUNCILS = 250;
const INTERACTIONS = 3000;

/**
 * A random recording order that keeps each chain (an engagement's steps, a fact and its
 * amendments) in order and each council's registration first: a uniform interleaving,
 * found by giving every event a random key and handing each chain its keys in order. A
 * third of the registry facts get late keys, so they are recorded after most of the
 * interactions they cover.
 */
function recordingOrder(events: readonly LedgerEvent[], seed: number): LedgerEvent[] {
  const random = new Random(seed);
  const keys = events.map((event) => (event.late ? 0.7 + 0.3 * random.next() : random.next()));
  const byChain = new Map<string, number[]>();
  const firstOfCouncil = new Map<string, number>();
  events.forEach((event, index) => {
    byChain.set(event.chain, [...(byChain.get(event.chain) ?? []), index]);
    const gss = event.event.data.gss;
    const first = firstOfCouncil.get(gss);
    if (first === undefined || (keys[index] ?? 1) < (keys[first] ?? 1))
      firstOfCouncil.set(gss, index);
  });
  for (const event of events.filter((e) => e.event.type === 'CouncilRegistered')) {
    const registration = events.indexOf(event);
    const first = firstOfCouncil.get(event.event.data.gss) ?? registration;
    [keys[registration], keys[first]] = [keys[first] ?? 0, keys[registration] ?? 0];
  }
  for (const indexes of byChain.values()) {
    const sorted = indexes.map((index) => keys[index] ?? 0).sort((a, b) => a - b);
    indexes.forEach((index, i) => (keys[index] = sorted[i] ?? 0));
  }
  return events
    .map((event, index) => ({ event, key: keys[index] ?? 0 }))
    .sort((a, b) => a.key - b.key)
    .map(({ event }) => event);
}

/** The reference: the same events recorded in occurredAt order (stable, so chains stay in order). */
const occurredAtOrder = (events: readonly LedgerEvent[]) =>
  [...events].sort((a, b) =>
    a.event.data.occurredAt < b.event.data.occurredAt
      ? -1
      : a.event.data.occurredAt > b.event.data.occurredAt
        ? 1
        : 0,
  );

const recorded = (events: readonly LedgerEvent[]): ProjectedEvent[] =>
  events.map(({ eventId, event }, index) => ({
    type: event.type,
    data: event.data,
    eventId,
    streamName: `council-${event.data.gss}`,
    position: BigInt(index + 1),
    recordedAt: '',
    recordedBy: 'generator',
  }));

/** JSON with object keys sorted and positions dropped: documents compared as sets of facts. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([key]) => key !== 'lastPosition');
  return Object.fromEntries(
    entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]),
  );
}

/** Every view, as the bytes a snapshot would hash. */
function views(docs: CouncilDocs): string[] {
  const summaries = sortedCouncils(docs.summaries).map((gss) => {
    const doc = docs.summaries.get(gss);
    return doc === undefined ? null : { ...councilSummary(doc), lastPosition: '' };
  });
  return [
    summaries,
    takeUp({ councils: docs, fy: 2019, groupBy: ['control', 'membership'], lowTakeUpBelow: 3 }),
    takeUp({ councils: docs, fy: 2019, groupBy: ['offer', 'quarter', 'control'] }),
    takeUp({
      councils: docs,
      fy: 2020,
      quarter: 1,
      control: 'Labour',
      groupBy: ['region', 'authorityType'],
    }),
    ...targets.map((set) =>
      targetsVsActuals({
        fy: set.financialYear,
        asOfDate: `${set.financialYear}-12-31`,
        targets: set,
        docs,
      }),
    ),
    changeOfControlTracker({ fy: 2019, docs }),
    changeOfControlTracker({ fy: 2020, docs, asOfDate: '2020-09-30' }),
    peerChallengeCoverage({ asOfDate: '2020-03-31', docs }),
    peerChallengeCoverage({ asOfDate: '2021-03-31', docs }),
    annualConversationCoverage({ fy: 2019, docs }),
    annualConversationCoverage({
      fy: 2020,
      docs,
      patches: { North: ['North East', 'North West'], One: ['E06000001'] },
    }),
    interventionRisk({ asOfDate: '2020-03-31', rules, docs }),
    interventionRisk({ asOfDate: '2021-03-31', rules, docs }),
  ].map((view) => JSON.stringify(view));
}

/** Registry facts recorded after an interaction of the same council that they precede in time. */
function backDatedAfterInteractions(order: readonly LedgerEvent[]): number {
  const latestInteraction = new Map<string, string>();
  let count = 0;
  for (const { event } of order) {
    const { gss, occurredAt } = event.data;
    if (event.type === 'PoliticalControlChanged' && occurredAt < (latestInteraction.get(gss) ?? ''))
      count += 1;
    if (event.type === 'OfferDelivered' || event.type === 'AnnualConversationHeld') {
      latestInteraction.set(
        gss,
        occurredAt > (latestInteraction.get(gss) ?? '')
          ? occurredAt
          : (latestInteraction.get(gss) ?? ''),
      );
    }
  }
  return count;
}

describe('order independence', () => {
  it('every view equals the fold of the same events in occurredAt order, whatever the recording order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (ledgerSeed, orderSeed) => {
          const events = generateLedger(ledgerSeed, COUNCILS, INTERACTIONS, catalogue);
          const shuffled = recordingOrder(events, orderSeed);
          expect(backDatedAfterInteractions(shuffled)).toBeGreaterThan(0);
          const asRecorded = councilDocs(recorded(shuffled), catalogue);
          const inTimeOrder = councilDocs(recorded(occurredAtOrder(events)), catalogue);
          for (const name of [
            'summaries',
            'takeUp',
            'changeOfControl',
            'peerChallenges',
            'annualConversations',
            'riskSignals',
          ] as const) {
            expect(canonical([...asRecorded[name]].sort())).toEqual(
              canonical([...inTimeOrder[name]].sort()),
            );
          }
          expect(views(asRecorded)).toEqual(views(inTimeOrder));
        },
      ),
      { numRuns: 3 },
    );
  });
});
