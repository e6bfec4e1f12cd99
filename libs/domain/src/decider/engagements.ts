import { type IdMap, idMapSet } from './id-map.js';
import {
  entry,
  type CouncilRecord,
  type Engagement,
  type EngagementArea,
  type RegisteredCouncilState,
} from './state.js';

export type EngagementKey =
  | 'annualConversations'
  | 'peerChallenges'
  | 'changeOfControlOffers'
  | 'mentoring'
  | 'productivityEngagements'
  | 'deliveries'
  | 'riskSignals';

/** Where the engagements of each area live in the state. */
export const ENGAGEMENT_KEY: Readonly<Record<EngagementArea, EngagementKey>> = {
  'annual conversation': 'annualConversations',
  'peer challenge': 'peerChallenges',
  'change-of-control offer': 'changeOfControlOffers',
  mentoring: 'mentoring',
  'productivity engagement': 'productivityEngagements',
  'offer delivery': 'deliveries',
  'risk signal': 'riskSignals',
};

type AnyEngagements = IdMap<Engagement<string>>;

export function engagementOf(
  state: CouncilRecord,
  id: string,
): { area: EngagementArea; engagement: Engagement<string> } | undefined {
  const area = entry(state.engagementIds, id);
  if (area === undefined) return undefined;
  const engagement = entry(state[ENGAGEMENT_KEY[area]] as unknown as AnyEngagements, id);
  return engagement === undefined ? undefined : { area, engagement };
}

/** Replaces one engagement, whatever its area; the state is returned unchanged if it is unknown. */
export function updateEngagement<R extends RegisteredCouncilState>(
  state: R,
  id: string,
  update: (engagement: Engagement<string>) => Engagement<string>,
): R {
  const area = entry(state.engagementIds, id);
  if (area === undefined) return state;
  const key = ENGAGEMENT_KEY[area];
  const records = state[key] as unknown as AnyEngagements;
  const current = entry(records, id);
  if (current === undefined) return state;
  return { ...state, [key]: idMapSet(records, id, update(current)) };
}
