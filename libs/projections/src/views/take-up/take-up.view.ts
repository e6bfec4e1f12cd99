import {
  type AuthorityType,
  type DateRange,
  FISCAL_QUARTERS,
  type FiscalQuarter,
  type LgaMembership,
  type Region,
  financialYearBounds,
  financialYearLabel,
  quarterBounds,
} from '#domain';
import { type CouncilDocs, sortedCouncils } from '../council-docs.js';
import type { CouncilSummaryDoc } from '../council-summary/council-summary.projection.js';
import { existedDuring } from '../shared/council-facts.js';
import { percentOf, toPounds } from '../shared/numbers.js';
import { sortedKeys } from '../shared/records.js';
import { valuesDuring } from '../shared/timeline.js';
import { type PoliticalControlOrUnknown, decodeCellKey } from './take-up-cells.js';
import {
  type GroupAccumulator,
  type GroupValues,
  Groups,
  TAKE_UP_DIMENSIONS,
  type TakeUpDimension,
  type TakeUpGroup,
  combinations,
} from './take-up-groups.js';
import type { TakeUpDoc } from './take-up.projection.js';

export interface TakeUpParams {
  readonly councils: Pick<CouncilDocs, 'summaries' | 'takeUp'>;
  readonly fy: number;
  readonly quarter?: FiscalQuarter;
  readonly offer?: string;
  readonly region?: Region;
  readonly authorityType?: AuthorityType;
  readonly control?: PoliticalControlOrUnknown;
  readonly membership?: LgaMembership;
  readonly groupBy: readonly TakeUpDimension[];
  /** Reached councils with fewer engagements than this are "low"; default 1, so none are. */
  readonly lowTakeUpBelow?: number;
}

export interface TakeUpRow {
  readonly group: TakeUpGroup;
  readonly engagements: number;
  /** Distinct councils with at least one engagement in the group. */
  readonly councils: number;
  readonly participants: number;
  readonly savingsPounds: number;
  readonly eligibleCouncils: number;
  readonly coveragePercent: number | null;
  /** Eligible councils with no engagement in the group, by GSS code. */
  readonly zeroTakeUp: readonly string[];
  readonly lowTakeUp: readonly string[];
}

export interface TakeUpResult {
  readonly fy: number;
  readonly financialYear: string;
  readonly period: DateRange;
  readonly filters: Readonly<Record<string, string | number>>;
  readonly groupBy: readonly TakeUpDimension[];
  readonly lowTakeUpBelow: number;
  readonly total: TakeUpRow;
  readonly rows: readonly TakeUpRow[];
}

const ANY = '*';
const EMPTY_TAKE_UP: Pick<TakeUpDoc, 'control' | 'membership' | 'cells'> = {
  control: [],
  membership: [],
  cells: {},
};

interface Scope {
  readonly params: TakeUpParams;
  readonly grouped: ReadonlySet<TakeUpDimension>;
  readonly quarters: readonly (FiscalQuarter | null)[];
  readonly offers: readonly string[];
}

/** Offers to give rows for: the one asked for, else every offer with take-up in scope. */
function offersInScope(params: TakeUpParams): string[] {
  if (params.offer !== undefined) return [params.offer];
  const offers = new Set<string>();
  for (const doc of params.councils.takeUp.values()) {
    for (const key of Object.keys(doc.cells)) {
      const cell = decodeCellKey(key);
      if (cell.fy === params.fy && (params.quarter ?? cell.quarter) === cell.quarter)
        offers.add(cell.offer);
    }
  }
  return [...offers].sort();
}

function keep<T>(values: Iterable<T>, filter: T | undefined, grouped: boolean): (T | typeof ANY)[] {
  const list = [...values].filter((value) => filter === undefined || value === filter);
  if (grouped) return list;
  return list.length > 0 ? [ANY] : [];
}

/** Marks the council eligible in every group it belonged to on some day of the period. */
function addEligible(
  scope: Scope,
  groups: Groups,
  gss: string,
  summary: CouncilSummaryDoc,
  takeUp: Pick<TakeUpDoc, 'control' | 'membership'>,
) {
  const { facts } = summary;
  const { params, grouped } = scope;
  for (const quarter of scope.quarters) {
    const period = quarter === null ? periodOf(params) : quarterBounds(params.fy, quarter);
    if (!existedDuring(facts, period)) continue;
    const controls = valuesDuring(
      takeUp.control,
      period.from,
      period.to,
      (p) => p.control as PoliticalControlOrUnknown,
      'unknown',
    );
    const memberships = valuesDuring(
      takeUp.membership,
      period.from,
      period.to,
      (p) => p.membership as LgaMembership,
      'unknown',
    );
    const options = {
      offer: grouped.has('offer') ? scope.offers : [ANY],
      quarter: [quarter ?? ANY],
      region: [facts.region],
      authorityType: [facts.authorityType],
      control: keep(controls, params.control, grouped.has('control')),
      membership: keep(memberships, params.membership, grouped.has('membership')),
    };
    for (const values of combinations(options)) groups.at(values).eligible.add(gss);
  }
}

function addCells(
  scope: Scope,
  groups: Groups,
  gss: string,
  takeUp: Pick<TakeUpDoc, 'cells'>,
  region: Region,
  authorityType: AuthorityType,
) {
  const { params, grouped } = scope;
  for (const key of sortedKeys(takeUp.cells)) {
    const cell = takeUp.cells[key];
    const at = decodeCellKey(key);
    if (cell === undefined || at.fy !== params.fy) continue;
    if (params.quarter !== undefined && at.quarter !== params.quarter) continue;
    if (params.offer !== undefined && at.offer !== params.offer) continue;
    if (params.control !== undefined && at.control !== params.control) continue;
    if (params.membership !== undefined && at.membership !== params.membership) continue;
    const values: GroupValues = {
      offer: grouped.has('offer') ? at.offer : ANY,
      quarter: grouped.has('quarter') ? at.quarter : ANY,
      region,
      authorityType,
      control: at.control,
      membership: at.membership,
    };
    const group = groups.at(values);
    group.engagements += cell.n;
    group.participants += cell.p;
    group.pence += cell.pence;
    if (cell.n > 0) {
      group.engagementsByCouncil.set(gss, (group.engagementsByCouncil.get(gss) ?? 0) + cell.n);
      // Attribution and eligibility read the same timeline, so this only guards odd data.
      group.eligible.add(gss);
    }
  }
}

function periodOf(params: TakeUpParams): DateRange {
  return params.quarter === undefined
    ? financialYearBounds(params.fy)
    : quarterBounds(params.fy, params.quarter);
}

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
  for (const gss of sortedCouncils(params.councils.summaries)) {
    const summary = params.councils.summaries.get(gss);
    if (summary === undefined) continue;
    const { region, authorityType } = summary.facts;
    if ((params.region ?? region) !== region) continue;
    if ((params.authorityType ?? authorityType) !== authorityType) continue;
    const takeUp = params.councils.takeUp.get(gss) ?? EMPTY_TAKE_UP;
    addEligible(scope, groups, gss, summary, takeUp);
    addCells(scope, groups, gss, takeUp, region, authorityType);
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
