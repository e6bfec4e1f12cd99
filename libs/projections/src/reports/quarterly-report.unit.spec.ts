import { describe, it, expect } from '@jest/globals';
import type { CouncilDocs } from '../views/council-docs.js';
import { GSS, OTHER } from '../views/test-fixtures.js';
import { quarterlyReport } from './quarterly-report.js';
import type { QuarterlyReportParams, SupportSection } from './quarterly-report.types.js';
import {
  THIRD,
  reportCatalogue,
  reportDocs,
  reportEntries,
  reportRules,
  reportTargets,
} from './test-report-fixtures.js';

const docs = reportDocs();
const params = (extra: Partial<QuarterlyReportParams> = {}): QuarterlyReportParams => ({
  fy: 2019,
  quarter: 2,
  asOfDate: '2019-10-15',
  docs,
  targets: reportTargets,
  rules: reportRules,
  catalogue: reportCatalogue,
  ...extra,
});
const report = quarterlyReport(params());

const breakdown = (rows: SupportSection['byRegion']) =>
  rows.map((r) => [r.label, r.engagements, r.councils, r.eligibleCouncils, r.coveragePercent]);

describe('quarterlyReport', () => {
  it('heads the report with the quarter, the year to date and what is counted', () => {
    expect(report.header).toMatchObject({
      title: 'Quarterly performance report: Q2 2019/20',
      financialYear: '2019/20',
      period: { from: '2019-07-01', to: '2019-09-30' },
      yearToDate: { from: '2019-04-01', to: '2019-09-30' },
      asOfDate: '2019-10-15',
      countedTo: '2019-09-30',
      provisional: false,
      riskRulesVersion: 1,
    });
  });

  it('counts support in the quarter and the year to date, nothing after the quarter end', () => {
    expect(report.quarter.total).toEqual({
      engagements: 4,
      councils: 2,
      participants: 6,
      savingsPounds: 1_000_000,
      eligibleCouncils: 3,
      coveragePercent: 66.67,
    });
    // The Q3 Ignite (40 participants) and the council created in Q3 are not in it.
    expect(report.yearToDate.total).toMatchObject({ engagements: 7, participants: 10 });
    expect(report.yearToDate.total.eligibleCouncils).toBe(3);
  });

  it('groups support by theme (distinct councils) and offer', () => {
    expect(report.yearToDate.themes.map((t) => [t.theme, t.engagements, t.councils])).toEqual([
      ['leadership_and_capacity', 2, 1],
      ['efficiency_and_productivity', 1, 1],
      ['peer_challenge_and_support', 4, 2],
      ['strong_communities', 0, 0],
    ]);
    expect(report.quarter.offers.map((o) => [o.offer, o.engagements, o.savingsPounds])).toEqual([
      ['ignite', 1, 0],
      ['productivity-expert', 1, 1_000_000],
      ['peer-challenge-corporate', 1, 0],
      ['peer-challenge-finance', 1, 0],
    ]);
    expect(report.quarter.offers[0]).toMatchObject({ name: 'Offer ignite', participants: 6 });
  });

  it('breaks take-up down by region, type, control at the time and membership', () => {
    expect(breakdown(report.yearToDate.byRegion)).toEqual([
      ['North West', 2, 1, 1, 100],
      ['East of England', 0, 0, 1, 0],
      ['South West', 5, 1, 1, 100],
    ]);
    // Bristol was Labour until 2 May: eligible under both, its engagements all Conservative.
    expect(breakdown(report.yearToDate.byControl)).toEqual([
      ['Conservative', 5, 1, 1, 100],
      ['Labour', 2, 1, 2, 50],
      ['Unknown', 0, 0, 1, 0],
    ]);
    expect(breakdown(report.quarter.byControl)).toEqual([
      ['Conservative', 3, 1, 1, 100],
      ['Labour', 1, 1, 1, 100],
      ['Unknown', 0, 0, 1, 0],
    ]);
    expect(report.quarter.byAuthorityType.map((r) => r.label)).toEqual([
      'District',
      'Unitary',
      'Metropolitan district',
    ]);
    expect(report.yearToDate.byMembership.map((r) => [r.key, r.engagements])).toEqual([
      ['member', 5],
      ['unknown', 2],
    ]);
  });

  it('measures targets at the quarter end, with the share of each threshold', () => {
    expect(
      report.targets.map((t) => [t.code, t.unitLabel, t.actual, t.percentOfThreshold, t.status]),
    ).toEqual([
      ['1.3a', 'participants', 10, 100, 'met'],
      ['8.1', 'engagements', 2, 50, 'on_track'],
      ['2.1', 'councils', 0, 0, 'behind'],
      ['9.1', '% of eligible councils', 50, 66.67, 'on_track'],
    ]);
  });

  it('tracks change of control, peer challenge gaps and councils at risk with reasons', () => {
    expect(report.changeOfControl).toMatchObject({
      councils: 2,
      offerMade: 1,
      supportInPlace: 1,
      percentSupportInPlace: 50,
      targetMet: false,
    });
    expect(
      report.changeOfControl.rows.map((r) => [r.gss, r.changeKinds, r.supportInPlace]),
    ).toEqual([
      [GSS, 'control', true],
      [THIRD, 'leader', false],
    ]);
    expect(report.peerChallengeCoverage.counts).toEqual({
      noneInWindow: 1,
      noneSince: 1,
      never: 1,
    });
    expect(report.risk.tiers).toEqual({
      universal: 0,
      tailored: 2,
      bespoke: 1,
      in_intervention: 0,
    });
    const [first] = report.risk.councils;
    expect(first?.gss).toBe(OTHER);
    expect(first?.reasons).toEqual([
      {
        code: 'section-114-notice',
        tier: 'bespoke',
        description: expect.stringContaining('Section 114'),
        signalKind: 'section_114_notice',
        severity: 'high',
        dates: { raisedOn: '2019-08-20' },
      },
    ]);
    expect(JSON.stringify(report)).not.toContain('named officer');
  });

  it('shows engagements per quarter up to the report quarter', () => {
    expect(report.trend.map((t) => [t.label, t.engagements])).toEqual([
      ['Q1', 3],
      ['Q2', 4],
      ['Q3', null],
      ['Q4', null],
    ]);
  });

  it('cuts a report dated inside its quarter at that date, and refuses one before it', () => {
    const early = quarterlyReport(params({ asOfDate: '2019-08-05' }));
    expect(early.header).toMatchObject({ provisional: true, countedTo: '2019-08-05' });
    expect(early.quarter.total.engagements).toBe(2);
    expect(() => quarterlyReport(params({ asOfDate: '2019-06-30' }))).toThrow(RangeError);
  });

  it('is plain JSON, the same whatever order the documents were loaded in', () => {
    expect(JSON.parse(JSON.stringify(report))).toStrictEqual(report);
    const reversed = Object.fromEntries(
      Object.entries(reportDocs([...reportEntries])).map(([name, map]) => [
        name,
        new Map([...(map as Map<string, unknown>)].reverse()),
      ]),
    ) as unknown as CouncilDocs;
    expect(JSON.stringify(quarterlyReport(params({ docs: reversed })))).toBe(
      JSON.stringify(report),
    );
  });
});
