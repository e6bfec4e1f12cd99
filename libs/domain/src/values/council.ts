export const AUTHORITY_TYPES = [
  'county',
  'district',
  'unitary',
  'metropolitan_district',
  'london_borough',
  'city_of_london',
  'isles_of_scilly',
  'fire_and_rescue',
  'combined_authority',
] as const;
export type AuthorityType = (typeof AUTHORITY_TYPES)[number];

export const REGIONS = [
  'North East',
  'North West',
  'Yorkshire and the Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
] as const;
export type Region = (typeof REGIONS)[number];

/**
 * 'Other' is the data's own label for independents and small parties jointly holding a
 * majority. Reform UK won majorities in 2025, so it is a control of its own: folding it into
 * 'Other' would misreport take-up by political control. Another party outside this list
 * with a majority is recorded as 'Other', see politicalControlFromSource.
 */
export const POLITICAL_CONTROLS = [
  'Conservative',
  'Labour',
  'Liberal Democrat',
  'Green',
  'Reform UK',
  'Independent',
  'Other',
  'No overall control',
] as const;
export type PoliticalControl = (typeof POLITICAL_CONTROLS)[number];

export const LGA_MEMBERSHIPS = ['member', 'non_member', 'unknown'] as const;
export type LgaMembership = (typeof LGA_MEMBERSHIPS)[number];

/** 'unknown' is only the starting point: a membership change always names a real value. */
export const RECORDED_LGA_MEMBERSHIPS = ['member', 'non_member'] as const;
export type RecordedLgaMembership = (typeof RECORDED_LGA_MEMBERSHIPS)[number];

export const LEADER_ROLES = ['leader', 'mayor'] as const;
export type LeaderRole = (typeof LEADER_ROLES)[number];

/**
 * Maps a `control` value of political-control.csv to the ledger's union. The file uses the
 * union's labels plus party names (so far 'Reform UK'); a party outside the list is 'Other'.
 */
export function politicalControlFromSource(control: string): PoliticalControl | null {
  const trimmed = control.trim();
  if (trimmed === '') return null;
  return (POLITICAL_CONTROLS as readonly string[]).includes(trimmed)
    ? (trimmed as PoliticalControl)
    : 'Other';
}
