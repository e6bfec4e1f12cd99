import { FISCAL_QUARTERS, financialYearLabel } from '#domain';
import { sortedCouncils } from '../council-docs.js';
import { percentOf, toPounds } from '../shared/numbers.js';
import {
  EMPTY_TAKE_UP,
  type Scope,
  addCells,
  addEligible,
  offersInScope,
  periodOf,
} from './take-up-scope.js';
import {
  type GroupAccumulator,
  Groups,
  TAKE_UP_DIMENSIONS,
  type TakeUpDimension,
} from './take-up-groups.js';
import type { TakeUpParams, TakeUpResult, TakeUpRow } from './take-up.types.js';
import { contributionKey, councilContribution } from './council-contributions.js';

export type { TakeUpParams, TakeUpResult, TakeUpRow } from './take-up.types.js';

function toRow(group: GroupAccumulator, lowBelow: number): TakeUpRow {
  const eligible = [...group.eligible].sort();
  const count = (gss: string) => group.engagementsByCouncil.get(gss) ?? 0;
  return {
    group: group.group,
    engagements: group.engagements,
    councils: group.engagementsByCouncil.size,
    participants: group.participants,
    savingsPounds: toPounds(group.pence),
    eligibleCouncils: eligible.length,
    coveragePercent: percentOf(group.engagementsByCouncil.size, eligible.length),
    zeroTakeUp: eligible.filter((gss) => count(gss) === 0),
    lowTakeUp: eligible.filter((gss) => count(gss) > 0 && count(gss) < lowBelow),
  };
}

function groupRows(
  params: TakeUpParams,
  dimensions: readonly TakeUpDimension[],
): GroupAccumulator[] {
  const grouped = new Set(dimensions);
  const scope: Scope = {
    params,
    grouped,
    quarters: grouped.has('quarter')
      ? params.quarter === undefined
        ? FISCAL_QUARTERS
        : [params.quarter]
      : [null],
    offers: grouped.has('offer') ? offersInScope(params) : [],
  };
  const groups = new Groups(dimensions);
  const key = contributionKey(params, dimensions, scope.offers);
  for (const gss of sortedCouncils(params.councils.summaries)) {
    const summary = params.councils.summaries.get(gss);
    if (summary === undefined) continue;
    const { region, authorityType } = summary.facts;
    if ((params.region ?? region) !== region) continue;
    if ((params.authorityType ?? authorityType) !== authorityType) continue;
    const takeUp = params.councils.takeUp.get(gss) ?? EMPTY_TAKE_UP;
    groups.merge(
      councilContribution(summary, takeUp, key, () => {
        const own = new Groups(dimensions);
        addEligible(scope, own, gss, summary, takeUp);
        addCells(scope, own, gss, takeUp, region, authorityType);
        return own;
      }),
    );
  }
  return groups.sorted();
}

/**
 * Take-up in a financial year (or one quarter), filtered and grouped. Engagements are
 * attributed to the control and membership in force on their date; a council is eligible
 * for a group when it existed and belonged to the group on at least one day of the period.
 */
export function takeUp(params: TakeUpParams): TakeUpResult {
  const groupBy = TAKE_UP_DIMENSIONS.filter((dimension) => params.groupBy.includes(dimension));
  const lowBelow = params.lowTakeUpBelow ?? 1;
  const empty: GroupAccumulator = {
    group: {},
    eligible: new Set(),
    engagementsByCouncil: new Map(),
    engagements: 0,
    participants: 0,
    pence: 0,
  };
  const filters: Record<string, string | number> = {};
  for (const name of [
    'quarter',
    'offer',
    'region',
    'authorityType',
    'control',
    'membership',
  ] as const) {
    const value = params[name];
    if (value !== undefined) filters[name] = value;
  }
  return {
    fy: params.fy,
    financialYear: financialYearLabel(params.fy),
    period: periodOf(params),
    filters,
    groupBy,
    lowTakeUpBelow: lowBelow,
    total: toRow(groupRows(params, [])[0] ?? empty, lowBelow),
    rows: groupRows(params, groupBy).map((group) => toRow(group, lowBelow)),
  };
}
