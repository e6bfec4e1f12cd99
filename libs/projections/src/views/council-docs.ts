import type { AnnualConversationsDoc } from './annual-conversations/annual-conversations.projection.js';
import type { ChangeOfControlDoc } from './change-of-control/change-of-control.projection.js';
import type { CouncilSummaryDoc } from './council-summary/council-summary.projection.js';
import type { PeerChallengesDoc } from './peer-challenges/peer-challenges.projection.js';
import type { RiskSignalsDoc } from './risk-signals/risk-signals.projection.js';
import type { TakeUpDoc } from './take-up/take-up.projection.js';

/**
 * The documents of the six council projections, by GSS code. Views take the subset they
 * need (Pick<CouncilDocs, ...>) and compute at query time, so a view is a function of the
 * documents alone. The summaries define which councils exist: a council without a document
 * in another projection simply has nothing recorded there.
 */
export interface CouncilDocs {
  readonly summaries: ReadonlyMap<string, CouncilSummaryDoc>;
  readonly takeUp: ReadonlyMap<string, TakeUpDoc>;
  readonly changeOfControl: ReadonlyMap<string, ChangeOfControlDoc>;
  readonly peerChallenges: ReadonlyMap<string, PeerChallengesDoc>;
  readonly annualConversations: ReadonlyMap<string, AnnualConversationsDoc>;
  readonly riskSignals: ReadonlyMap<string, RiskSignalsDoc>;
}

/** GSS codes in code-unit order: views list councils in an order independent of map order. */
export function sortedCouncils(docs: ReadonlyMap<string, unknown>): string[] {
  return [...docs.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
