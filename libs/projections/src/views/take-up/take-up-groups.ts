import type { AuthorityType, FiscalQuarter, LgaMembership, Region } from '#domain';
import type { PoliticalControlOrUnknown } from './take-up-cells.js';

/** Canonical order of the dimensions: rows sort by them in this order. */
export const TAKE_UP_DIMENSIONS = [
  'offer',
  'quarter',
  'region',
  'authorityType',
  'control',
  'membership',
] as const;
export type TakeUpDimension = (typeof TAKE_UP_DIMENSIONS)[number];

/** The values of a row's grouped dimensions; dimensions not grouped by are absent. */
export interface TakeUpGroup {
  readonly offer?: string;
  readonly quarter?: FiscalQuarter;
  readonly region?: Region;
  readonly authorityType?: AuthorityType;
  readonly control?: PoliticalControlOrUnknown;
  readonly membership?: LgaMembership;
}

/** One value per dimension; dimensions not grouped by hold a placeholder that is ignored. */
export type GroupValues = Readonly<Record<TakeUpDimension, string | number>>;

/** Accumulates one row: who was eligible, who was reached and how much. */
export interface GroupAccumulator {
  readonly group: TakeUpGroup;
  readonly eligible: Set<string>;
  readonly engagementsByCouncil: Map<string, number>;
  engagements: number;
  participants: number;
  pence: number;
}

export class Groups {
  private readonly byKey = new Map<string, GroupAccumulator>();

  constructor(private readonly dimensions: readonly TakeUpDimension[]) {}

  /** The row a combination of values falls in, created on first use. */
  at(values: GroupValues): GroupAccumulator {
    // Called for every council x group it belongs to: build the key without allocating.
    let key = '';
    for (const dimension of this.dimensions) key += `${values[dimension]}\u0000`;
    let accumulator = this.byKey.get(key);
    if (accumulator === undefined) {
      const group: Record<string, string | number> = {};
      for (const dimension of this.dimensions) group[dimension] = values[dimension];
      accumulator = {
        group: group as TakeUpGroup,
        eligible: new Set(),
        engagementsByCouncil: new Map(),
        engagements: 0,
        participants: 0,
        pence: 0,
      };
      this.byKey.set(key, accumulator);
    }
    return accumulator;
  }

  /** Adds another set of rows (one council's, say) into these, row by row. */
  merge(other: Groups): void {
    for (const [key, theirs] of other.byKey) {
      let mine = this.byKey.get(key);
      if (mine === undefined) {
        mine = {
          group: theirs.group,
          eligible: new Set(),
          engagementsByCouncil: new Map(),
          engagements: 0,
          participants: 0,
          pence: 0,
        };
        this.byKey.set(key, mine);
      }
      for (const gss of theirs.eligible) mine.eligible.add(gss);
      for (const [gss, n] of theirs.engagementsByCouncil) {
        mine.engagementsByCouncil.set(gss, (mine.engagementsByCouncil.get(gss) ?? 0) + n);
      }
      mine.engagements += theirs.engagements;
      mine.participants += theirs.participants;
      mine.pence += theirs.pence;
    }
  }

  /** Rows in the order of their values, dimension by dimension. */
  sorted(): GroupAccumulator[] {
    const compare = (a: GroupAccumulator, b: GroupAccumulator): number => {
      for (const dimension of this.dimensions) {
        const x = a.group[dimension] ?? '';
        const y = b.group[dimension] ?? '';
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    };
    return [...this.byKey.values()].sort(compare);
  }
}

/**
 * Calls `visit` with every combination of one value per dimension. The object passed is
 * reused between calls (Groups.at copies what it keeps), so nothing is allocated per call.
 */
export function forEachCombination(
  options: Readonly<Record<TakeUpDimension, readonly (string | number)[]>>,
  visit: (values: GroupValues) => void,
): void {
  const values: Record<TakeUpDimension, string | number> = {
    offer: '',
    quarter: '',
    region: '',
    authorityType: '',
    control: '',
    membership: '',
  };
  const walk = (depth: number): void => {
    const dimension = TAKE_UP_DIMENSIONS[depth];
    if (dimension === undefined) return visit(values);
    for (const value of options[dimension]) {
      values[dimension] = value;
      walk(depth + 1);
    }
  };
  walk(0);
}
