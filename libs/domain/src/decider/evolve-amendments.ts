import { idMapSet } from './id-map.js';
import type { CouncilEventType } from '../events/events.js';
import type { IsoDate } from '../values/iso-date.js';
import { maxDate } from '../values/iso-date.js';
import { updateEngagement } from './engagements.js';
import { dropStep } from './evolve-engagements.js';
import { entry, type Dated, type PeerChallenge, type RegisteredCouncilState } from './state.js';

type R = RegisteredCouncilState;
type Correction = Readonly<Record<string, unknown>>;

/** Keeps a dated history sorted by date; a record for an existing date goes after it (it wins). */
export function insertDated<T extends Dated>(history: readonly T[], period: T): readonly T[] {
  const index = history.findIndex((candidate) => candidate.from > period.from);
  return index < 0
    ? [...history, period]
    : [...history.slice(0, index), period, ...history.slice(index)];
}

function patchDated<T extends Dated>(history: readonly T[], eventId: string, patch: object) {
  if (!history.some((period) => period.eventId === eventId)) return history;
  // Array.prototype.sort is stable, so equal dates keep their recording order.
  return history
    .map((period) => (period.eventId === eventId ? { ...period, ...patch } : period))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

function pick(correction: Correction, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.filter((f) => Object.hasOwn(correction, f)).map((f) => [f, correction[f]]),
  );
}

function patchStep(state: R, subject: string | null, eventId: string, patch: object): R {
  if (subject === null) return state;
  return updateEngagement(state, subject, (engagement) => ({
    ...engagement,
    steps: engagement.steps.map((s) => (s.eventId === eventId ? { ...s, ...patch } : s)),
  }));
}

function patchHistories(state: R, eventId: string, patch: object): R {
  return {
    ...state,
    controlHistory: patchDated(state.controlHistory, eventId, patch),
    leaderHistory: patchDated(state.leaderHistory, eventId, patch),
    membershipHistory: patchDated(state.membershipHistory, eventId, patch),
  };
}

function patchPeerChallenge(state: R, subject: string | null, correction: Correction): R {
  const challenge = entry(state.peerChallenges, subject ?? '');
  if (subject === null || challenge === undefined) return state;
  const patched: PeerChallenge = {
    ...challenge,
    ...(pick(correction, ['kind']) as Partial<PeerChallenge>),
    ...(Object.hasOwn(correction, 'service')
      ? { service: (correction.service as string | null | undefined) ?? null }
      : {}),
  };
  return { ...state, peerChallenges: idMapSet(state.peerChallenges, subject, patched) };
}

function patchOnSite(state: R, subject: string | null, eventId: string, correction: Correction): R {
  const challenge = entry(state.peerChallenges, subject ?? '');
  const current = challenge?.steps.find((s) => s.eventId === eventId)?.onSite;
  if (current === undefined || current === null) return state;
  const onSite = {
    from: (correction.onSiteFrom as IsoDate | undefined) ?? current.from,
    to: (correction.onSiteTo as IsoDate | undefined) ?? current.to,
  };
  return patchStep(state, subject, eventId, { onSite });
}

type Applier = (state: R, eventId: string, subject: string | null, correction: Correction) => R;

const registryFields: Applier = (state, eventId, _subject, correction) =>
  patchHistories(state, eventId, pick(correction, ['control', 'role', 'leaderId', 'membership']));

/** How a correction changes the state, for the event types whose facts the state keeps. */
const APPLIERS: Partial<Record<CouncilEventType, Applier>> = {
  CouncilRegistered: (state, _id, _subject, correction) => ({
    ...state,
    ...pick(correction, ['name', 'authorityType', 'region', 'validFrom', 'validTo']),
  }),
  PoliticalControlChanged: registryFields,
  LeaderChanged: registryFields,
  LgaMembershipChanged: registryFields,
  CouncilAbolished: (state, eventId, _subject, correction) =>
    state.status === 'abolished' && state.abolishedBy === eventId
      ? { ...state, ...pick(correction, ['lastDay', 'successors']) }
      : state,
  PeerChallengeRequested: (state, _id, subject, correction) =>
    patchPeerChallenge(state, subject, correction),
  PeerChallengeScheduled: (state, eventId, subject, correction) =>
    patchOnSite(state, subject, eventId, correction),
  PeerChallengeDelivered: (state, eventId, subject, correction) =>
    patchOnSite(patchPeerChallenge(state, subject, correction), subject, eventId, correction),
  ChangeOfControlOfferMade: (state, _id, subject, correction) => {
    const offer = entry(state.changeOfControlOffers, subject ?? '');
    if (subject === null || offer === undefined) return state;
    const patched = { ...offer, ...pick(correction, ['trigger']) };
    return {
      ...state,
      changeOfControlOffers: idMapSet(state.changeOfControlOffers, subject, patched),
    };
  },
  OfferDelivered: (state, _id, subject, correction) => {
    const delivery = entry(state.deliveries, subject ?? '');
    if (subject === null || delivery === undefined) return state;
    const patched = { ...delivery, ...pick(correction, ['offerCode']) };
    return { ...state, deliveries: idMapSet(state.deliveries, subject, patched) };
  },
};

const NOT_ACTIVITY: readonly CouncilEventType[] = ['CouncilRegistered', 'CouncilAbolished'];

export function applyCorrection(state: R, eventId: string, correction: Correction): R {
  const known = entry(state.events, eventId);
  if (known === undefined) return state;
  let next = state;
  if (Object.hasOwn(correction, 'occurredAt')) {
    const on = correction.occurredAt as IsoDate;
    next = patchStep(patchHistories(next, eventId, { from: on }), known.subject, eventId, { on });
    if (!NOT_ACTIVITY.includes(known.type)) {
      const last = next.lastActivityOn;
      next = { ...next, lastActivityOn: last === null ? on : maxDate(last, on) };
    }
  }
  return APPLIERS[known.type]?.(next, eventId, known.subject, correction) ?? next;
}

/** Undoes what the retracted event did; decide made sure it is the latest step of its engagement. */
export function applyRetraction(state: R, eventId: string): R {
  const known = entry(state.events, eventId);
  if (known === undefined) return state;
  let next: R = {
    ...state,
    events: idMapSet(state.events, eventId, { ...known, retracted: true }),
    controlHistory: state.controlHistory.filter((period) => period.eventId !== eventId),
    leaderHistory: state.leaderHistory.filter((period) => period.eventId !== eventId),
    membershipHistory: state.membershipHistory.filter((period) => period.eventId !== eventId),
  };
  if (next.status === 'abolished' && next.abolishedBy === eventId) {
    const { lastDay: _lastDay, successors: _successors, abolishedBy: _by, ...living } = next;
    next = { ...living, status: 'active' };
  }
  return known.subject === null ? next : dropStep(next, known.subject, eventId);
}
