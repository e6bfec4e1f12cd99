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
    const group: Record<string, string | number> = {};
    for (const dimension of this.dimensions) group[dimension] = values[dimension];
    const key = JSON.stringify(this.dimensions.map((dimension) => values[dimension]));
    let accumulator = this.byKey.get(key);
    if (accumulator === undefined) {
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

/** Every combination of one value per dimension. */
export function combinations(
  options: Readonly<Record<TakeUpDimension, readonly (string | number)[]>>,
): GroupValues[] {
  let result: Partial<Record<TakeUpDimension, string | number>>[] = [{}];
  for (const dimension of TAKE_UP_DIMENSIONS) {
    result = result.flatMap((partial) =>
      options[dimension].map((value) => ({ ...partial, [dimension]: value })),
    );
  }
  return result as GroupValues[];
}
