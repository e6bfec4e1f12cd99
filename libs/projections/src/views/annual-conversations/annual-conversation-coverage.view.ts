import {
  type DateRange,
  type IsoDate,
  REGIONS,
  financialYearBounds,
  financialYearLabel,
  isWithin,
} from '#domain';
import { type CouncilDocs, sortedCouncils } from '../council-docs.js';
import { existedDuring } from '../shared/council-facts.js';
import { upTo } from '../shared/dates.js';
import { percentOf } from '../shared/numbers.js';
import { NO_RECORDS, compareStrings, recordValues } from '../shared/records.js';

export interface AnnualConversationCoverageParams {
  readonly fy: number;
  /** Conversations after this date are left out; default the end of the year. */
  readonly asOfDate?: IsoDate;
  /** Adviser patches: name -> regions and/or GSS codes. Default: one patch per region. */
  readonly patches?: Readonly<Record<string, readonly string[]>>;
  readonly docs: Pick<CouncilDocs, 'summaries' | 'annualConversations'>;
}

export interface AnnualConversationCoverageRow {
  readonly patch: string;
  readonly eligible: number;
  readonly covered: number;
  readonly conversations: number;
  readonly coveragePercent: number | null;
  readonly notCovered: readonly { readonly gss: string; readonly name: string }[];
}

export interface AnnualConversationCoverageResult {
  readonly fy: number;
  readonly financialYear: string;
  readonly period: DateRange;
  readonly overall: AnnualConversationCoverageRow;
  readonly patches: readonly AnnualConversationCoverageRow[];
}

interface Council {
  readonly gss: string;
  readonly name: string;
  readonly region: string;
  readonly conversations: number;
}

function rowOf(patch: string, councils: readonly Council[]): AnnualConversationCoverageRow {
  const covered = councils.filter((council) => council.conversations > 0);
  return {
    patch,
    eligible: councils.length,
    covered: covered.length,
    conversations: councils.reduce((sum, council) => sum + council.conversations, 0),
    coveragePercent: percentOf(covered.length, councils.length),
    notCovered: councils
      .filter((council) => council.conversations === 0)
      .map(({ gss, name }) => ({ gss, name })),
  };
}

/**
 * Every council that existed on some day of the year should have had an annual conversation
 * in it; coverage is covered / eligible, overall and per adviser patch.
 */
export function annualConversationCoverage(
  params: AnnualConversationCoverageParams,
): AnnualConversationCoverageResult {
  const { docs } = params;
  const period = upTo(financialYearBounds(params.fy), params.asOfDate ?? '9999-12-31');
  const councils: Council[] = [];
  for (const gss of sortedCouncils(docs.summaries)) {
    const facts = docs.summaries.get(gss)?.facts;
    if (facts === undefined || !existedDuring(facts, period)) continue;
    const held = docs.annualConversations.get(gss)?.conversations ?? NO_RECORDS;
    let conversations = 0;
    for (const conversation of recordValues(held)) {
      if (isWithin(conversation.on, period)) conversations += 1;
    }
    councils.push({ gss, name: facts.name, region: facts.region, conversations });
  }
  const patches = params.patches ?? Object.fromEntries(REGIONS.map((region) => [region, [region]]));
  const rows = Object.keys(patches)
    .sort(compareStrings)
    .map((patch) => {
      const members = new Set(patches[patch] ?? []);
      return rowOf(
        patch,
        councils.filter((council) => members.has(council.region) || members.has(council.gss)),
      );
    });
  return {
    fy: params.fy,
    financialYear: financialYearLabel(params.fy),
    period,
    overall: rowOf('all', councils),
    patches: rows,
  };
}
