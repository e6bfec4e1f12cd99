import {
  AUTHORITY_TYPES,
  type DateRange,
  type FiscalQuarter,
  LGA_MEMBERSHIPS,
  OFFER_THEMES,
  type OfferCatalogue,
  type OfferTheme,
  POLITICAL_CONTROLS,
  REGIONS,
} from '#domain';
import { type CouncilDocs, sortedCouncils } from '../views/council-docs.js';
import { toPounds } from '../views/shared/numbers.js';
import { NO_RECORDS, compareStrings, sortedEntries } from '../views/shared/records.js';
import { decodeCellKey } from '../views/take-up/take-up-cells.js';
import type { TakeUpDimension } from '../views/take-up/take-up-groups.js';
import { takeUp } from '../views/take-up/take-up.view.js';
import type { TakeUpRow } from '../views/take-up/take-up.types.js';
import {
  AUTHORITY_TYPE_LABELS,
  MEMBERSHIP_LABELS,
  THEME_LABELS,
  controlLabel,
} from './report-labels.js';
import type {
  BreakdownRow,
  OfferRow,
  SupportSection,
  SupportTotals,
  ThemeRow,
} from './quarterly-report.types.js';

export interface SectionParams {
  readonly fy: number;
  /** A quarter, or null for the whole (already cut) year: the year to date. */
  readonly quarter: FiscalQuarter | null;
  readonly period: DateRange;
  /** Take-up documents already cut at the report's countedTo (takeUpDocsAsAt). */
  readonly docs: Pick<CouncilDocs, 'summaries' | 'takeUp'>;
  readonly catalogue: OfferCatalogue;
}

type Dimension = Exclude<TakeUpDimension, 'offer' | 'quarter'>;

const ORDER: Readonly<Record<Dimension, readonly string[]>> = {
  region: REGIONS,
  authorityType: AUTHORITY_TYPES,
  control: [...POLITICAL_CONTROLS, 'unknown'],
  membership: LGA_MEMBERSHIPS,
};

const LABEL: Readonly<Record<Dimension, (key: string) => string>> = {
  region: (key) => key,
  authorityType: (key) => AUTHORITY_TYPE_LABELS[key as keyof typeof AUTHORITY_TYPE_LABELS] ?? key,
  control: controlLabel,
  membership: (key) => MEMBERSHIP_LABELS[key as keyof typeof MEMBERSHIP_LABELS] ?? key,
};

function rows(params: SectionParams, groupBy: readonly TakeUpDimension[]) {
  return takeUp({
    councils: params.docs,
    fy: params.fy,
    ...(params.quarter === null ? {} : { quarter: params.quarter }),
    groupBy,
  });
}

/** Rows in the domain's own order (regions north to south), not alphabetical. */
function breakdown(params: SectionParams, dimension: Dimension): BreakdownRow[] {
  const byKey = new Map<string, TakeUpRow>();
  for (const row of rows(params, [dimension]).rows) {
    byKey.set(String(row.group[dimension] ?? ''), row);
  }
  const known = ORDER[dimension];
  const keys = [
    ...known.filter((key) => byKey.has(key)),
    ...[...byKey.keys()].filter((key) => !known.includes(key)).sort(compareStrings),
  ];
  return keys.flatMap((key) => {
    const row = byKey.get(key);
    if (row === undefined) return [];
    return [
      {
        key,
        label: LABEL[dimension](key),
        engagements: row.engagements,
        councils: row.councils,
        participants: row.participants,
        eligibleCouncils: row.eligibleCouncils,
        coveragePercent: row.coveragePercent,
      },
    ];
  });
}

const themeRank = (theme: OfferTheme | null) =>
  theme === null ? OFFER_THEMES.length : OFFER_THEMES.indexOf(theme);

function offerRows(params: SectionParams): OfferRow[] {
  return rows(params, ['offer'])
    .rows.map((row) => {
      const code = row.group.offer ?? '';
      const offer = params.catalogue.offer(params.fy, code);
      return {
        offer: code,
        name: offer?.name ?? code,
        theme: offer?.theme ?? null,
        unit: offer?.unit ?? null,
        engagements: row.engagements,
        councils: row.councils,
        participants: row.participants,
        savingsPounds: row.savingsPounds,
      };
    })
    .sort((a, b) => themeRank(a.theme) - themeRank(b.theme) || compareStrings(a.offer, b.offer));
}

/**
 * Themes from the cells: a council reached by two offers of a theme is one council, so the
 * theme's councils cannot be summed from the offer rows.
 */
function themeRows(params: SectionParams): ThemeRow[] {
  const totals = new Map(
    OFFER_THEMES.map((theme) => [
      theme,
      { engagements: 0, participants: 0, pence: 0, councils: new Set<string>() },
    ]),
  );
  for (const gss of sortedCouncils(params.docs.summaries)) {
    const cells = params.docs.takeUp.get(gss)?.cells ?? NO_RECORDS;
    for (const [key, cell] of sortedEntries(cells)) {
      const at = decodeCellKey(key);
      if (at.fy !== params.fy) continue;
      if (params.quarter !== null && at.quarter !== params.quarter) continue;
      const theme = params.catalogue.offer(params.fy, at.offer)?.theme;
      const total = theme === undefined ? undefined : totals.get(theme);
      if (total === undefined) continue;
      total.engagements += cell.n;
      total.participants += cell.p;
      total.pence += cell.pence;
      if (cell.n > 0) total.councils.add(gss);
    }
  }
  return OFFER_THEMES.map((theme) => {
    const total = totals.get(theme);
    return {
      theme,
      label: THEME_LABELS[theme],
      engagements: total?.engagements ?? 0,
      councils: total?.councils.size ?? 0,
      participants: total?.participants ?? 0,
      savingsPounds: toPounds(total?.pence ?? 0),
    };
  });
}

function totalsOf(params: SectionParams): SupportTotals {
  const { total } = rows(params, []);
  return {
    engagements: total.engagements,
    councils: total.councils,
    participants: total.participants,
    savingsPounds: total.savingsPounds,
    eligibleCouncils: total.eligibleCouncils,
    coveragePercent: total.coveragePercent,
  };
}

/** Support delivered in a period: totals, by theme and offer, and take-up by dimension. */
export function supportSection(params: SectionParams): SupportSection {
  return {
    period: params.period,
    total: totalsOf(params),
    themes: themeRows(params),
    offers: offerRows(params),
    byRegion: breakdown(params, 'region'),
    byAuthorityType: breakdown(params, 'authorityType'),
    byControl: breakdown(params, 'control'),
    byMembership: breakdown(params, 'membership'),
  };
}
