export const PEER_CHALLENGE_KINDS = [
  'corporate',
  'finance',
  'childrens_services',
  'health_and_wellbeing',
  'service_specific',
  'communications',
  'fire_and_rescue',
] as const;
export type PeerChallengeKind = (typeof PEER_CHALLENGE_KINDS)[number];

/** The kinds that count toward the "corporate or finance peer challenge" expectations. */
export const CORPORATE_OR_FINANCE_KINDS: readonly PeerChallengeKind[] = ['corporate', 'finance'];

/** Snake-case service names such as 'housing', 'planning', 'highways', 'community_safety'. */
export const SERVICE_PATTERN = /^[a-z][a-z0-9_]{0,49}$/;

export const MENTEE_ROLES = [
  'leader',
  'mayor',
  'councillor',
  'chief_executive',
  'senior_officer',
] as const;
export type MenteeRole = (typeof MENTEE_ROLES)[number];

export const PEER_TYPES = ['member_peer', 'officer_peer'] as const;
export type PeerType = (typeof PEER_TYPES)[number];

export const CHANGE_OF_CONTROL_TRIGGERS = ['control', 'leader'] as const;
export type ChangeOfControlTrigger = (typeof CHANGE_OF_CONTROL_TRIGGERS)[number];

export const PRODUCTIVITY_FOCUSES = ['productivity', 'income_generation'] as const;
export type ProductivityFocus = (typeof PRODUCTIVITY_FOCUSES)[number];

export const SAVING_KINDS = ['saving', 'income'] as const;
export type SavingKind = (typeof SAVING_KINDS)[number];

export const RISK_SIGNAL_KINDS = [
  'section_114_notice',
  'financial_distress',
  'inadequate_inspection',
  'leadership_breakdown',
  'statutory_intervention',
  'commissioners_appointed',
  'other',
] as const;
export type RiskSignalKind = (typeof RISK_SIGNAL_KINDS)[number];

export const RISK_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];
