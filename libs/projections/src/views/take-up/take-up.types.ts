import type { AuthorityType, DateRange, FiscalQuarter, LgaMembership, Region } from '#domain';
import type { CouncilDocs } from '../council-docs.js';
import type { PoliticalControlOrUnknown } from './take-up-cells.js';
import type { TakeUpDimension, TakeUpGroup } from './take-up-groups.js';

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
