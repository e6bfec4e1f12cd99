import type { OfferCatalogue } from '#domain';
import { annualConversationsProjection } from './annual-conversations/annual-conversations.projection.js';
import { changeOfControlProjection } from './change-of-control/change-of-control.projection.js';
import { councilSummaryProjection } from './council-summary/council-summary.projection.js';
import { peerChallengesProjection } from './peer-challenges/peer-challenges.projection.js';
import { riskSignalsProjection } from './risk-signals/risk-signals.projection.js';
import { takeUpProjection } from './take-up/take-up.projection.js';

/** The six per-council projections the runner keeps; the catalogue is the ledger's loaded data. */
export function COUNCIL_PROJECTIONS(catalogue: OfferCatalogue) {
  return [
    councilSummaryProjection,
    takeUpProjection(catalogue),
    changeOfControlProjection,
    peerChallengesProjection,
    annualConversationsProjection,
    riskSignalsProjection,
  ] as const;
}
