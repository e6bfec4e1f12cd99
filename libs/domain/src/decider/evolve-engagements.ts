import { type IdMap, idMapSet } from './id-map.js';
import type { EventOf } from '../events/events.js';
import type { DateRange, IsoDate } from '../values/iso-date.js';
import { type EngagementKey, updateEngagement } from './engagements.js';
import type {
  Engagement,
  EngagementArea,
  PeerChallenge,
  PeerChallengeStep,
  RegisteredCouncilState,
  Step,
} from './state.js';

type R = RegisteredCouncilState;

function step<S extends string>(eventId: string, status: S, on: IsoDate): Step<S> {
  return { eventId, status, on };
}

/** Opens an engagement with its first step and reserves its id. */
export function open<E extends Engagement<string>>(
  state: R,
  key: EngagementKey,
  area: EngagementArea,
  id: string,
  engagement: E,
): R {
  const records = state[key] as unknown as IdMap<E>;
  return {
    ...state,
    [key]: idMapSet(records, id, engagement),
    engagementIds: idMapSet(state.engagementIds, id, area),
  };
}

/** Appends a step; a peer challenge's step may carry its on-site dates. */
export function advance(state: R, id: string, next: Step<string> | PeerChallengeStep): R {
  return updateEngagement(state, id, (engagement) => ({
    ...engagement,
    status: next.status,
    steps: [...engagement.steps, next],
  }));
}

/** Drops a (latest) step: the engagement goes back to the status before it. */
export function dropStep(state: R, id: string, eventId: string): R {
  return updateEngagement(state, id, (engagement) => {
    const steps = engagement.steps.filter((candidate) => candidate.eventId !== eventId);
    return { ...engagement, steps, status: steps[steps.length - 1]?.status ?? 'retracted' };
  });
}

export function openPeerChallenge(
  state: R,
  eventId: string,
  event: EventOf<'PeerChallengeRequested'> | EventOf<'PeerChallengeDelivered'>,
): R {
  const { peerChallengeId, occurredAt, kind, service } = event.data;
  const delivered = event.type === 'PeerChallengeDelivered';
  const onSite: DateRange | null = delivered
    ? { from: event.data.onSiteFrom, to: event.data.onSiteTo }
    : null;
  const first: PeerChallengeStep = {
    ...step(eventId, delivered ? 'delivered' : 'requested', occurredAt),
    onSite,
  };
  const challenge: PeerChallenge = {
    status: first.status,
    steps: [first],
    kind,
    service: service ?? null,
  };
  return open(state, 'peerChallenges', 'peer challenge', peerChallengeId, challenge);
}

export function onSiteStep(
  eventId: string,
  status: 'scheduled' | 'delivered',
  data: { occurredAt: IsoDate; onSiteFrom: IsoDate; onSiteTo: IsoDate },
): PeerChallengeStep {
  return {
    ...step(eventId, status, data.occurredAt),
    onSite: { from: data.onSiteFrom, to: data.onSiteTo },
  };
}

export { step };
