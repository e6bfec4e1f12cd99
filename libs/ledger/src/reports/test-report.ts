// A hand-made quarterly report for the renderer's tests: no ledger needed to draw one.
import type { BreakdownRow, QuarterlyReport, SupportSection } from '#projections';

export const AWKWARD_NAME = 'Tower <Hamlets> & <script>alert(1)</script>';

const row = (key: string, engagements: number, councils: number, eligible: number) =>
  ({
    key,
    label: key,
    engagements,
    councils,
    participants: 0,
    eligibleCouncils: eligible,
    coveragePercent: eligible === 0 ? null : Math.round((councils / eligible) * 10_000) / 100,
  }) satisfies BreakdownRow;

function support(scale: number, from: string): SupportSection {
  return {
    period: { from, to: '2019-09-30' },
    total: {
      engagements: 9 * scale,
      councils: 3,
      participants: 6 * scale,
      savingsPounds: 1_000_000,
      eligibleCouncils: 4,
      coveragePercent: 75,
    },
    themes: [
      {
        theme: 'leadership_and_capacity',
        label: 'Leadership and capacity',
        engagements: 2 * scale,
        councils: 1,
        participants: 6 * scale,
        savingsPounds: 0,
      },
      {
        theme: 'peer_challenge_and_support',
        label: 'Peer challenge and support',
        engagements: 7 * scale,
        councils: 3,
        participants: 0,
        savingsPounds: 1_000_000,
      },
    ],
    offers: [
      {
        offer: 'ignite',
        name: 'Ignite',
        theme: 'leadership_and_capacity',
        unit: 'participants',
        engagements: 2 * scale,
        councils: 1,
        participants: 6 * scale,
        savingsPounds: 0,
      },
    ],
    byRegion: [row('North West', 3 * scale, 1, 1), row('London', 6 * scale, 2, 2)],
    byAuthorityType: [row('London borough', 6 * scale, 2, 2)],
    byControl: [row('Labour', 9 * scale, 3, 4)],
    byMembership: [row('member', 9 * scale, 3, 4)],
  };
}

export const testReport: QuarterlyReport = {
  header: {
    title: 'Quarterly performance report: Q2 2019/20',
    fy: 2019,
    financialYear: '2019/20',
    quarter: 2,
    quarterLabel: 'Q2 2019/20',
    period: { from: '2019-07-01', to: '2019-09-30' },
    yearToDate: { from: '2019-04-01', to: '2019-09-30' },
    asOfDate: '2019-10-15',
    countedTo: '2019-09-30',
    provisional: false,
    targetsSource: 'MoU 2019/20 Annex A1',
    catalogueSource: 'MoU 2019/20',
    riskRulesVersion: 1,
  },
  quarter: support(1, '2019-07-01'),
  yearToDate: support(2, '2019-04-01'),
  targets: [
    ['8.1', 'engagements', 110, 40, 36.36, 'behind'],
    ['9.1', 'percent_of_eligible', 75, 80, 106.67, 'met'],
    ['9.3', 'distinct_councils', 60, 31, 51.67, 'on_track'],
  ].map(([code, unit, threshold, actual, percent, status]) => ({
    code: String(code),
    parentCode: null,
    description: `Target ${String(code)}`,
    unit: unit as QuarterlyReport['targets'][number]['unit'],
    unitLabel: String(unit),
    threshold: Number(threshold),
    actual: Number(actual),
    expectedByNow: Number(threshold) / 2,
    percentOfThreshold: Number(percent),
    status: status as QuarterlyReport['targets'][number]['status'],
    countedTo: '2019-09-30',
  })),
  changeOfControl: {
    period: { from: '2019-04-01', to: '2019-09-30' },
    councils: 1,
    offerMade: 1,
    accepted: 1,
    declined: 0,
    supportInPlace: 1,
    percentSupportInPlace: 100,
    targetPercent: 75,
    targetMet: true,
    rows: [
      {
        gss: 'E09000030',
        name: AWKWARD_NAME,
        firstChangeOn: '2019-05-03',
        changeKinds: 'control',
        changes: 1,
        offerMade: true,
        accepted: true,
        declined: false,
        supportInPlace: true,
      },
    ],
  },
  peerChallengeCoverage: {
    asOfDate: '2019-09-30',
    kinds: ['corporate', 'finance'],
    windowStartsAfter: '2014-09-30',
    since: '2013-01-01',
    councils: 4,
    counts: { noneInWindow: 1, noneSince: 1, never: 1 },
    noneInWindow: [{ gss: 'E09000030', name: AWKWARD_NAME, lastDeliveredOn: null }],
    noneSince: [{ gss: 'E09000030', name: AWKWARD_NAME, lastDeliveredOn: null }],
    never: [{ gss: 'E09000030', name: AWKWARD_NAME, lastDeliveredOn: null }],
  },
  risk: {
    asOfDate: '2019-09-30',
    rulesVersion: 1,
    tiers: { universal: 2, tailored: 1, bespoke: 1, in_intervention: 0 },
    councils: [
      {
        gss: 'E09000030',
        name: AWKWARD_NAME,
        tier: 'bespoke',
        reasons: [
          {
            code: 'section-114-notice',
            tier: 'bespoke',
            description: 'Section 114 notice issued',
            signalKind: 'section_114_notice',
            severity: 'high',
            dates: { raisedOn: '2019-08-20' },
          },
        ],
      },
    ],
  },
  trend: [1, 2, 3, 4].map((quarter) => ({
    quarter: quarter as 1 | 2 | 3 | 4,
    label: `Q${quarter}`,
    period: { from: '2019-04-01', to: '2019-06-30' },
    engagements: quarter <= 2 ? quarter * 9 : null,
    councils: quarter <= 2 ? 3 : null,
    participants: quarter <= 2 ? 6 : null,
  })),
};
