import {
  type AuthorityType,
  type DateRange,
  type FiscalQuarter,
  type LgaMembership,
  type Region,
  financialYearBounds,
  quarterBounds,
} from '#domain';
import type { CouncilSummaryDoc } from '../council-summary/council-summary.projection.js';
import { existedDuring, lifeWithin } from '../shared/council-facts.js';
import { NO_RECORDS } from '../shared/records.js';
import { valuesDuring } from '../shared/timeline.js';
import { decodedCells } from './decoded-cells.js';
import type { PoliticalControlOrUnknown } from './take-up-cells.js';
import {
  type GroupValues,
  type Groups,
  type TakeUpDimension,
  forEachCombination,
} from './take-up-groups.js';
import type { TakeUpDoc } from './take-up.projection.js';
import type { TakeUpParams } from './take-up.types.js';

export const ANY = '*';
export const EMPTY_TAKE_UP: Pick<TakeUpDoc, 'control' | 'membership' | 'cells'> = {
  control: [],
  membership: [],
  cells: NO_RECORDS,
};

export interface Scope {
  readonly params: TakeUpParams;
  readonly grouped: ReadonlySet<TakeUpDimension>;
  readonly quarters: readonly (FiscalQuarter | null)[];
  readonly offers: readonly string[];
}

/** Offers to give rows for: the one asked for, else every offer with take-up in scope. */
export function offersInScope(params: TakeUpParams): string[] {
  if (params.offer !== undefined) return [params.offer];
  const offers = new Set<string>();
  for (const doc of params.councils.takeUp.values()) {
    for (const { at: cell } of decodedCells(doc.cells)) {
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
export function addEligible(
  scope: Scope,
  groups: Groups,
  gss: string,
  summary: CouncilSummaryDoc,
  takeUp: Pick<TakeUpDoc, 'control' | 'membership'>,
) {
  const { facts } = summary;
  const { params, grouped } = scope;
  for (const quarter of scope.quarters) {
    const whole = quarter === null ? periodOf(params) : quarterBounds(params.fy, quarter);
    if (!existedDuring(facts, whole)) continue;
    // Only the days the council existed: a council created mid-year had no control before.
    const period = lifeWithin(facts, whole);
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
    forEachCombination(options, (values) => groups.at(values).eligible.add(gss));
  }
}

export function addCells(
  scope: Scope,
  groups: Groups,
  gss: string,
  takeUp: Pick<TakeUpDoc, 'cells'>,
  region: Region,
  authorityType: AuthorityType,
) {
  const { params, grouped } = scope;
  for (const { at, cell } of decodedCells(takeUp.cells)) {
    if (at.fy !== params.fy) continue;
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

export function periodOf(params: TakeUpParams): DateRange {
  return params.quarter === undefined
    ? financialYearBounds(params.fy)
    : quarterBounds(params.fy, params.quarter);
}
