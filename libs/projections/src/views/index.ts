// Per-council projections and the query-time views over their documents.
export { COUNCIL_PROJECTIONS } from './council-projections.js';
export type { CouncilDocs } from './council-docs.js';
export type { CouncilDocument } from './shared/council-projection.js';
export type { Abolition, CouncilFacts } from './shared/council-facts.js';
export type { Step, Stepped } from './shared/steps.js';

export {
  councilSummaryProjection,
  ENGAGEMENT_KINDS,
  type CouncilSummaryDoc,
  type EngagementKind,
  type SummaryEngagement,
} from './council-summary/council-summary.projection.js';
export {
  councilSummary,
  type CouncilSummary,
  type OpenEngagement,
} from './council-summary/council-summary.view.js';

export { takeUpProjection, type TakeUpDoc } from './take-up/take-up.projection.js';
export {
  decodeCellKey,
  encodeCellKey,
  type CellKey,
  type PoliticalControlOrUnknown,
  type SavingsRecord,
  type TakeUpCell,
  type TakeUpEventType,
  type TakeUpRecord,
} from './take-up/take-up-cells.js';
export {
  TAKE_UP_DIMENSIONS,
  type TakeUpDimension,
  type TakeUpGroup,
} from './take-up/take-up-groups.js';
export {
  takeUp,
  type TakeUpParams,
  type TakeUpResult,
  type TakeUpRow,
} from './take-up/take-up.view.js';

export {
  changeOfControlProjection,
  changesOf,
  type ChangeOfControlDoc,
  type ChangeOfControlOfferRecord,
  type PoliticalChange,
} from './change-of-control/change-of-control.projection.js';
export {
  changeOfControlTracker,
  type ChangeOfControlTrackerParams,
  type ChangeOfControlTrackerResult,
  type ChangeOfControlTrackerRow,
  type TrackedOffer,
} from './change-of-control/change-of-control-tracker.view.js';

export {
  peerChallengesProjection,
  type DeliveredPeerChallenge,
  type PeerChallengesDoc,
} from './peer-challenges/peer-challenges.projection.js';
export {
  peerChallengeCoverage,
  SINCE_2013,
  type PeerChallengeCoverageParams,
  type PeerChallengeCoverageResult,
  type PeerChallengeGap,
} from './peer-challenges/peer-challenge-coverage.view.js';

export {
  annualConversationsProjection,
  type AnnualConversationRecord,
  type AnnualConversationsDoc,
} from './annual-conversations/annual-conversations.projection.js';
export {
  annualConversationCoverage,
  type AnnualConversationCoverageParams,
  type AnnualConversationCoverageResult,
  type AnnualConversationCoverageRow,
} from './annual-conversations/annual-conversation-coverage.view.js';

export {
  riskSignalsProjection,
  type RiskSignalRecord,
  type RiskSignalsDoc,
} from './risk-signals/risk-signals.projection.js';

export {
  ENGAGEMENT_GAPS,
  parseRiskRules,
  RISK_TIERS,
  type EngagementGap,
  type GapRule,
  type RiskRules,
  type RiskTier,
  type SignalRule,
} from './intervention-risk/risk-rules.js';
export {
  interventionRisk,
  type CouncilRisk,
  type InterventionRiskDocs,
  type InterventionRiskParams,
  type InterventionRiskResult,
  type RiskReason,
} from './intervention-risk/intervention-risk.view.js';

export {
  targetsVsActuals,
  type TargetActual,
  type TargetStatus,
  type TargetsVsActualsParams,
  type TargetsVsActualsResult,
} from './targets-vs-actuals/targets-vs-actuals.view.js';
export type { TargetDocs } from './targets-vs-actuals/target-measures.js';
