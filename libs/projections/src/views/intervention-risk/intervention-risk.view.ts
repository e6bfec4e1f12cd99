import {
  CORPORATE_OR_FINANCE_KINDS,
  type IsoDate,
  type RiskSeverity,
  type RiskSignalKind,
  financialYearBounds,
  financialYearOf,
  maxDate,
} from '#domain';
import { trackCouncil } from '../change-of-control/change-of-control-tracker.view.js';
import { type CouncilDocs, sortedCouncils } from '../council-docs.js';
import { lastDeliveryOn } from '../peer-challenges/peer-challenge-coverage.view.js';
import { type CouncilFacts, existsOn } from '../shared/council-facts.js';
import { dayNumber, yearsBefore } from '../shared/dates.js';
import { NO_RECORDS, compareStrings, recordValues, sortedEntries } from '../shared/records.js';
import {
  type GapRule,
  RISK_TIERS,
  type RiskRules,
  type RiskTier,
  signalRuleFor,
  tierRank,
} from './risk-rules.js';

export type InterventionRiskDocs = Pick<
  CouncilDocs,
  'summaries' | 'riskSignals' | 'annualConversations' | 'peerChallenges' | 'changeOfControl'
>;

export interface InterventionRiskParams {
  readonly asOfDate: IsoDate;
  readonly rules: RiskRules;
  readonly docs: InterventionRiskDocs;
}

/** Why a council is where it is: the rule, its tier, and the facts and dates behind it. */
export interface RiskReason {
  readonly code: string;
  readonly tier: RiskTier;
  readonly description: string;
  readonly signalId: string | null;
  readonly signalKind: RiskSignalKind | null;
  readonly severity: RiskSeverity | null;
  readonly evidence: string | null;
  readonly dates: Readonly<Record<string, IsoDate | null>>;
}

export interface CouncilRisk {
  readonly gss: string;
  readonly name: string;
  readonly tier: RiskTier;
  readonly reasons: readonly RiskReason[];
}

export interface InterventionRiskResult {
  readonly asOfDate: IsoDate;
  readonly rulesVersion: number;
  readonly tiers: Readonly<Record<RiskTier, number>>;
  /** Most intensive tier first, then by GSS code. */
  readonly councils: readonly CouncilRisk[];
}

const NO_SIGNAL = { signalId: null, signalKind: null, severity: null, evidence: null } as const;

function gapReason(rule: GapRule, dates: Record<string, IsoDate | null>): RiskReason {
  const { code, tier, description } = rule;
  return { code, tier, description, ...NO_SIGNAL, dates };
}

function signalReasons(params: InterventionRiskParams, gss: string): RiskReason[] {
  const { asOfDate, rules } = params;
  const signals = params.docs.riskSignals.get(gss)?.signals ?? NO_RECORDS;
  const reasons: RiskReason[] = [];
  for (const [signalId, signal] of sortedEntries(signals)) {
    if (signal.raisedOn > asOfDate) continue;
    if (signal.clearedOn !== null && signal.clearedOn <= asOfDate) continue;
    const rule = signalRuleFor(rules, signal.kind, signal.severity);
    if (rule === undefined) continue;
    reasons.push({
      code: rule.code,
      tier: rule.tier,
      description: rule.description,
      signalId,
      signalKind: signal.kind,
      severity: signal.severity,
      evidence: signal.evidence,
      dates: { raisedOn: signal.raisedOn },
    });
  }
  return reasons;
}

function gapReasonFor(
  params: InterventionRiskParams,
  gss: string,
  facts: CouncilFacts,
  rule: GapRule,
): RiskReason | null {
  const { asOfDate, docs } = params;
  const fy = financialYearOf(asOfDate);
  switch (rule.gap) {
    case 'no_annual_conversation_this_year': {
      const yearStart = financialYearBounds(fy).from;
      const held = [...recordValues(docs.annualConversations.get(gss)?.conversations ?? NO_RECORDS)]
        .map((conversation) => conversation.on)
        .filter((on) => on <= asOfDate)
        .sort(compareStrings);
      const last = held[held.length - 1] ?? null;
      // A council created during the year gets its grace period from its first day.
      const counting = maxDate(yearStart, facts.validFrom ?? yearStart);
      if (
        (last !== null && last >= yearStart) ||
        dayNumber(asOfDate) - dayNumber(counting) < rule.graceDays
      ) {
        return null;
      }
      return gapReason(rule, { lastHeldOn: last });
    }
    case 'no_corporate_or_finance_peer_challenge': {
      const last = lastDeliveryOn(
        docs.peerChallenges.get(gss),
        CORPORATE_OR_FINANCE_KINDS,
        asOfDate,
      );
      const windowStartsAfter = yearsBefore(asOfDate, rule.years ?? 5);
      return last !== null && last > windowStartsAfter
        ? null
        : gapReason(rule, { lastDeliveredOn: last });
    }
    case 'change_of_control_without_support': {
      const doc = docs.changeOfControl.get(gss);
      const row = doc === undefined ? null : trackCouncil(doc, facts.name, fy, asOfDate);
      const changedOn = row?.changes[0]?.on;
      if (row === null || row.supportInPlace || changedOn === undefined) return null;
      if (dayNumber(asOfDate) - dayNumber(changedOn) < rule.graceDays) return null;
      return gapReason(rule, { changedOn, offeredOn: row.offers[0]?.offeredOn ?? null });
    }
    default: {
      const unreachable: never = rule.gap;
      return unreachable;
    }
  }
}

function compareReasons(a: RiskReason, b: RiskReason): number {
  return (
    tierRank(b.tier) - tierRank(a.tier) ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.signalId ?? '', b.signalId ?? '')
  );
}

/**
 * Each council existing on asOfDate gets the most intensive tier among its reasons (open
 * risk signals, then engagement gaps), 'universal' when there is none, and every reason.
 */
export function interventionRisk(params: InterventionRiskParams): InterventionRiskResult {
  const { asOfDate, rules, docs } = params;
  const councils: CouncilRisk[] = [];
  for (const gss of sortedCouncils(docs.summaries)) {
    const facts = docs.summaries.get(gss)?.facts;
    if (facts === undefined || !existsOn(facts, asOfDate)) continue;
    const gaps = rules.gaps.map((rule) => gapReasonFor(params, gss, facts, rule));
    const reasons = [...signalReasons(params, gss), ...gaps.filter((r) => r !== null)].sort(
      compareReasons,
    );
    const tier = reasons[0]?.tier ?? 'universal';
    councils.push({ gss, name: facts.name, tier, reasons });
  }
  councils.sort((a, b) => tierRank(b.tier) - tierRank(a.tier) || compareStrings(a.gss, b.gss));
  const tiers = Object.fromEntries(RISK_TIERS.map((tier) => [tier, 0])) as Record<RiskTier, number>;
  for (const council of councils) tiers[council.tier] += 1;
  return { asOfDate, rulesVersion: rules.version, tiers, councils };
}
