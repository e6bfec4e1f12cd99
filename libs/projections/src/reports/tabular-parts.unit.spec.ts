import { describe, it, expect } from '@jest/globals';
import { quarterlyReport } from './quarterly-report.js';
import { REPORT_TABLES, tabularParts } from './tabular-parts.js';
import { reportCatalogue, reportDocs, reportRules, reportTargets } from './test-report-fixtures.js';

const report = quarterlyReport({
  fy: 2019,
  quarter: 2,
  asOfDate: '2019-10-15',
  docs: reportDocs(),
  targets: reportTargets,
  rules: reportRules,
  catalogue: reportCatalogue,
});
const tables = tabularParts(report);

describe('tabularParts', () => {
  it('gives every named table as flat rows with the same columns throughout', () => {
    expect(Object.keys(tables)).toEqual([...REPORT_TABLES]);
    for (const name of REPORT_TABLES) {
      const rows = tables[name];
      expect(rows.length).toBeGreaterThan(0);
      const columns = Object.keys(rows[0] ?? {});
      for (const row of rows) {
        expect(Object.keys(row)).toEqual(columns);
        for (const cell of Object.values(row)) {
          expect(cell === null || ['string', 'number'].includes(typeof cell)).toBe(true);
        }
      }
    }
  });

  it('puts the quarter and the year to date side by side', () => {
    expect(tables['take-up-by-region']).toEqual([
      expect.objectContaining({ region: 'North West', quarter_engagements: 1, ytd_engagements: 2 }),
      expect.objectContaining({ region: 'East of England', ytd_coverage_percent: 0 }),
      expect.objectContaining({ region: 'South West', quarter_engagements: 3, ytd_councils: 1 }),
    ]);
    expect(tables['support-by-offer'][0]).toMatchObject({
      theme: 'Leadership and capacity',
      offer: 'ignite',
      quarter_participants: 6,
      ytd_participants: 10,
    });
  });

  it('lists one row per risk reason and yes/no for change-of-control steps', () => {
    expect(tables.risk.map((row) => [row.name, row.reason_code])).toEqual([
      ['Manchester', 'section-114-notice'],
      ['Bristol City Council', 'no-annual-conversation'],
      ['Third', 'change-of-control-without-support'],
      ['Third', 'no-annual-conversation'],
      ['Third', 'no-corporate-or-finance-peer-challenge'],
    ]);
    expect(tables['change-of-control'][1]).toMatchObject({
      change_kinds: 'leader',
      offer_made: 'no',
      support_in_place: 'no',
    });
    expect(tables.trend.map((row) => row.engagements)).toEqual([3, 4, null, null]);
  });
});
