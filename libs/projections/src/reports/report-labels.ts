import type { AuthorityType, LgaMembership, OfferTheme, TargetUnit } from '#domain';

// Labels live in the report data so the HTML page and the CSV tables say the same thing.

export const THEME_LABELS: Readonly<Record<OfferTheme, string>> = {
  leadership_and_capacity: 'Leadership and capacity',
  efficiency_and_productivity: 'Efficiency and productivity',
  peer_challenge_and_support: 'Peer challenge and support',
  strong_communities: 'Strong communities',
};

export const AUTHORITY_TYPE_LABELS: Readonly<Record<AuthorityType, string>> = {
  county: 'County',
  district: 'District',
  unitary: 'Unitary',
  metropolitan_district: 'Metropolitan district',
  london_borough: 'London borough',
  city_of_london: 'City of London',
  isles_of_scilly: 'Isles of Scilly',
  fire_and_rescue: 'Fire and rescue authority',
  combined_authority: 'Combined authority',
};

export const MEMBERSHIP_LABELS: Readonly<Record<LgaMembership, string>> = {
  member: 'LGA member',
  non_member: 'Not an LGA member',
  unknown: 'Unknown',
};

export const UNIT_LABELS: Readonly<Record<TargetUnit, string>> = {
  engagements: 'engagements',
  distinct_councils: 'councils',
  participants: 'participants',
  pounds: 'pounds',
  percent_of_eligible: '% of eligible councils',
  councils_vs_baseline: '% reduction on baseline',
};

/** Controls are already readable ('No overall control'); only the placeholder needs a word. */
export function controlLabel(control: string): string {
  return control === 'unknown' ? 'Unknown' : control;
}
