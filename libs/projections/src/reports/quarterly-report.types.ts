import type {
  DateRange,
  FiscalQuarter,
  IsoDate,
  OfferCatalogue,
  OfferTheme,
  OfferUnit,
  TargetSet,
  TargetUnit,
} from '#domain';
import type { CouncilDocs } from '../views/council-docs.js';
import type { RiskRules, RiskTier } from '../views/intervention-risk/risk-rules.js';
import type { TargetStatus } from '../views/targets-vs-actuals/targets-vs-actuals.view.js';

export interface QuarterlyReportParams {
  readonly fy: number;
  readonly quarter: FiscalQuarter;
  /** The report date: nothing dated after it (or after the quarter end) is counted. */
  readonly asOfDate: IsoDate;
  readonly docs: CouncilDocs;
  readonly targets: TargetSet;
  readonly rules: RiskRules;
  readonly catalogue: OfferCatalogue;
}

export interface ReportHeader {
  readonly title: string;
  readonly fy: number;
  readonly financialYear: string;
  readonly quarter: FiscalQuarter;
  /** 'Q2 2019/20' */
  readonly quarterLabel: string;
  readonly period: DateRange;
  readonly yearToDate: DateRange;
  readonly asOfDate: IsoDate;
  /** The earlier of the quarter end and asOfDate: the last day anything is counted. */
  readonly countedTo: IsoDate;
  /** True when asOfDate falls before the quarter end: the quarter is not over. */
  readonly provisional: boolean;
  readonly targetsSource: string;
  readonly catalogueSource: string | null;
  readonly riskRulesVersion: number;
}

export interface SupportTotals {
  readonly engagements: number;
  readonly councils: number;
  readonly participants: number;
  readonly savingsPounds: number;
  readonly eligibleCouncils: number;
  readonly coveragePercent: number | null;
}

export interface ThemeRow {
  readonly theme: OfferTheme;
  readonly label: string;
  readonly engagements: number;
  /** Distinct councils reached by any offer of the theme (not the sum of the offers'). */
  readonly councils: number;
  readonly participants: number;
  readonly savingsPounds: number;
}

export interface OfferRow {
  readonly offer: string;
  readonly name: string;
  /** null for an offer code the year's catalogue does not know. */
  readonly theme: OfferTheme | null;
  readonly unit: OfferUnit | null;
  readonly engagements: number;
  readonly councils: number;
  readonly participants: number;
  readonly savingsPounds: number;
}

/** One value of a take-up dimension (a region, an authority type, a control, a membership). */
export interface BreakdownRow {
  readonly key: string;
  readonly label: string;
  readonly engagements: number;
  readonly councils: number;
  readonly participants: number;
  readonly eligibleCouncils: number;
  readonly coveragePercent: number | null;
}

export interface SupportSection {
  /** What is counted: the quarter or the year to date, cut at countedTo. */
  readonly period: DateRange;
  readonly total: SupportTotals;
  /** Every theme, in the catalogue's theme order, with zeros where nothing was delivered. */
  readonly themes: readonly ThemeRow[];
  /** Offers with take-up, by theme then offer code. */
  readonly offers: readonly OfferRow[];
  readonly byRegion: readonly BreakdownRow[];
  readonly byAuthorityType: readonly BreakdownRow[];
  /** Political control at the time of each engagement. */
  readonly byControl: readonly BreakdownRow[];
  readonly byMembership: readonly BreakdownRow[];
}

export interface ReportTarget {
  readonly code: string;
  readonly parentCode: string | null;
  readonly description: string;
  readonly unit: TargetUnit;
  readonly unitLabel: string;
  readonly threshold: number;
  readonly actual: number | null;
  readonly expectedByNow: number;
  /** actual / threshold x 100, two decimals; null when there is no actual or no threshold. */
  readonly percentOfThreshold: number | null;
  readonly status: TargetStatus;
  readonly countedTo: IsoDate;
}

export interface ChangeOfControlCouncil {
  readonly gss: string;
  readonly name: string | null;
  readonly firstChangeOn: IsoDate;
  /** 'control', 'leader' or both, in the order they happened. */
  readonly changeKinds: string;
  readonly changes: number;
  readonly offerMade: boolean;
  readonly accepted: boolean;
  readonly declined: boolean;
  readonly supportInPlace: boolean;
}

export interface ReportChangeOfControl {
  readonly period: DateRange;
  readonly councils: number;
  readonly offerMade: number;
  readonly accepted: number;
  readonly declined: number;
  readonly supportInPlace: number;
  readonly percentSupportInPlace: number | null;
  readonly targetPercent: number;
  readonly targetMet: boolean;
  readonly rows: readonly ChangeOfControlCouncil[];
}

export interface CoverageGap {
  readonly gss: string;
  readonly name: string;
  readonly lastDeliveredOn: IsoDate | null;
}

export interface ReportPeerChallengeCoverage {
  readonly asOfDate: IsoDate;
  readonly kinds: readonly string[];
  readonly windowStartsAfter: IsoDate;
  readonly since: IsoDate;
  readonly councils: number;
  readonly counts: {
    readonly noneInWindow: number;
    readonly noneSince: number;
    readonly never: number;
  };
  readonly noneInWindow: readonly CoverageGap[];
  readonly noneSince: readonly CoverageGap[];
  readonly never: readonly CoverageGap[];
}

/**
 * A reason a council is above universal support. The signal's free-text evidence is left
 * out: the report is published and evidence may name people.
 */
export interface ReportRiskReason {
  readonly code: string;
  readonly tier: RiskTier;
  readonly description: string;
  readonly signalKind: string | null;
  readonly severity: string | null;
  /** The dates behind the reason, e.g. raisedOn, lastHeldOn, changedOn; keys sorted. */
  readonly dates: Readonly<Record<string, IsoDate | null>>;
}

export interface ReportRiskCouncil {
  readonly gss: string;
  readonly name: string;
  readonly tier: RiskTier;
  readonly reasons: readonly ReportRiskReason[];
}

export interface ReportRisk {
  readonly asOfDate: IsoDate;
  readonly rulesVersion: number;
  readonly tiers: Readonly<Record<RiskTier, number>>;
  /** Councils above universal, most intensive tier first, then by GSS code. */
  readonly councils: readonly ReportRiskCouncil[];
}

export interface TrendPoint {
  readonly quarter: FiscalQuarter;
  readonly label: string;
  readonly period: DateRange;
  /** null for quarters after the report's quarter. */
  readonly engagements: number | null;
  readonly councils: number | null;
  readonly participants: number | null;
}

/** Plain JSON (no Maps, bigints or undefined), in a fixed order: hashable byte for byte. */
export interface QuarterlyReport {
  readonly header: ReportHeader;
  readonly quarter: SupportSection;
  readonly yearToDate: SupportSection;
  readonly targets: readonly ReportTarget[];
  readonly changeOfControl: ReportChangeOfControl;
  readonly peerChallengeCoverage: ReportPeerChallengeCoverage;
  readonly risk: ReportRisk;
  readonly trend: readonly TrendPoint[];
}
