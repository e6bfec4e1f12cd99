import { DateOutOfRange, InvalidCommand, LastDayBeforeRecordedActivity } from '../errors.js';
import type { CouncilEventType } from '../events/events.js';
import type { IsoDate } from '../values/iso-date.js';
import type { PeerChallengeKind } from '../values/support.js';
import type { DecisionContext } from './context.js';
import { engagementOf } from './engagements.js';
import { requireNotFuture, requireOrdered, requireWithinLifespan } from './guards.js';
import { requireCatalogueOffer } from './interactions.js';
import { requireService } from './peer-challenge.js';
import { requireSuccessors } from './register.js';
import { entry, type KnownEvent, onSiteOf, type RegisteredCouncilState } from './state.js';

type Correction = Readonly<Record<string, unknown>>;

/** Other events that must carry the same correction, so no projection sees two versions of a fact. */
export interface Cascade {
  readonly alsoCorrect: readonly string[];
  readonly correction: Correction;
}

const NO_CASCADE: Cascade = { alsoCorrect: [], correction: {} };

interface Target {
  readonly council: RegisteredCouncilState;
  readonly eventId: string;
  readonly known: KnownEvent;
  readonly correction: Correction;
  readonly context: DecisionContext;
}

function has(correction: Correction, field: string): boolean {
  return Object.hasOwn(correction, field);
}

function merged<T>(correction: Correction, field: string, current: T): T {
  return has(correction, field) ? (correction[field] as T) : current;
}

/** A corrected date keeps the engagement's steps in order and the council alive. */
function checkOccurredAt({ council, eventId, known, correction, context }: Target): void {
  if (!has(correction, 'occurredAt')) return;
  const field = 'correction.occurredAt';
  const date = correction.occurredAt as IsoDate;
  requireNotFuture(field, date, context);
  if (known.type === 'CouncilRegistered' || known.type === 'CouncilAbolished') return;
  requireWithinLifespan(council, field, date);
  const steps =
    known.subject === null ? [] : (engagementOf(council, known.subject)?.engagement.steps ?? []);
  const index = steps.findIndex((step) => step.eventId === eventId);
  const before = index >= 0 ? steps[index - 1]?.on : steps[0]?.on;
  const after = index >= 0 ? steps[index + 1]?.on : undefined;
  if (before !== undefined && date < before) {
    throw new DateOutOfRange(field, `${date} is before the previous step (${before})`);
  }
  if (after !== undefined && date > after) {
    throw new DateOutOfRange(field, `${date} is after the next step (${after})`);
  }
}

function checkRegistration({ council, correction }: Target): Cascade {
  const validFrom = merged<IsoDate | null>(correction, 'validFrom', council.validFrom);
  const validTo = merged<IsoDate | null>(correction, 'validTo', council.validTo);
  if (validFrom !== null && validTo !== null) {
    requireOrdered('correction.validFrom', validFrom, 'correction.validTo', validTo);
  }
  return NO_CASCADE;
}

function checkAbolition({ council, correction }: Target): Cascade {
  if (has(correction, 'successors')) requireSuccessors(council.gss, correction.successors);
  if (council.status !== 'abolished' || !has(correction, 'lastDay')) return NO_CASCADE;
  const lastDay = correction.lastDay as IsoDate;
  if (council.validFrom !== null) {
    requireOrdered('validFrom', council.validFrom, 'correction.lastDay', lastDay);
  }
  if (council.lastActivityOn !== null && lastDay < council.lastActivityOn) {
    throw new LastDayBeforeRecordedActivity(council.gss, lastDay, council.lastActivityOn);
  }
  return NO_CASCADE;
}

function checkOnSite(target: Target, delivered: boolean): void {
  const { council, known, correction, context } = target;
  if (!has(correction, 'onSiteFrom') && !has(correction, 'onSiteTo')) return;
  const challenge = entry(council.peerChallenges, known.subject ?? '');
  const step = challenge?.steps.find((candidate) => candidate.eventId === target.eventId);
  const current = step?.onSite ?? (challenge ? onSiteOf(challenge) : null);
  const from = merged(correction, 'onSiteFrom', current?.from ?? '');
  const to = merged(correction, 'onSiteTo', current?.to ?? '');
  requireOrdered('correction.onSiteFrom', from, 'correction.onSiteTo', to);
  requireWithinLifespan(council, 'correction.onSiteFrom', from);
  requireWithinLifespan(council, 'correction.onSiteTo', to);
  if (delivered) requireNotFuture('correction.onSiteTo', to, context);
}

/**
 * Kind and service describe the challenge, and both its request and its delivery carry them:
 * correcting one corrects the other in the same decision.
 */
function checkPeerChallenge(target: Target): Cascade {
  const { council, known, correction } = target;
  checkOnSite(target, known.type === 'PeerChallengeDelivered');
  if (!has(correction, 'kind') && !has(correction, 'service')) return NO_CASCADE;
  const challenge = entry(council.peerChallenges, known.subject ?? '');
  if (challenge === undefined) return NO_CASCADE;
  const kind = merged<PeerChallengeKind>(correction, 'kind', challenge.kind);
  requireService(kind, merged(correction, 'service', challenge.service), 'correction.service');
  const shared = Object.fromEntries(
    ['kind', 'service'].filter((field) => has(correction, field)).map((f) => [f, correction[f]]),
  );
  const alsoCorrect = challenge.steps
    .filter((step) => step.eventId !== target.eventId)
    .filter((step) => {
      const type = entry(council.events, step.eventId)?.type;
      return type === 'PeerChallengeRequested' || type === 'PeerChallengeDelivered';
    })
    .map((step) => step.eventId);
  return { alsoCorrect, correction: shared };
}

function checkSavingsPeriod({ correction }: Target): Cascade {
  const from = has(correction, 'periodFrom');
  if (from !== has(correction, 'periodTo')) {
    throw new InvalidCommand(
      'correction.periodTo',
      'periodFrom and periodTo are corrected together',
    );
  }
  if (from) {
    const periodFrom = correction.periodFrom as IsoDate;
    requireOrdered(
      'correction.periodFrom',
      periodFrom,
      'correction.periodTo',
      correction.periodTo as IsoDate,
    );
  }
  return NO_CASCADE;
}

/** A delivery moved to another code or year must still name an offer of that year. */
function checkOfferDelivery({ council, known, correction, context }: Target): Cascade {
  if (!has(correction, 'offerCode') && !has(correction, 'occurredAt')) return NO_CASCADE;
  const delivery = entry(council.deliveries, known.subject ?? '');
  if (delivery === undefined) return NO_CASCADE;
  const code = merged(correction, 'offerCode', delivery.offerCode);
  const date = merged(correction, 'occurredAt', delivery.steps[0]?.on ?? '');
  requireCatalogueOffer(context.catalogue, 'correction.offerCode', code, date);
  return NO_CASCADE;
}

const CROSS_CHECKS: Partial<Record<CouncilEventType, (target: Target) => Cascade>> = {
  CouncilRegistered: checkRegistration,
  CouncilAbolished: checkAbolition,
  PeerChallengeRequested: checkPeerChallenge,
  PeerChallengeDelivered: checkPeerChallenge,
  PeerChallengeScheduled: (target) => {
    checkOnSite(target, false);
    return NO_CASCADE;
  },
  SavingsReported: checkSavingsPeriod,
  OfferDelivered: checkOfferDelivery,
};

/** The rules a correction must keep that span fields or depend on the state. */
export function checkCorrection(
  council: RegisteredCouncilState,
  eventId: string,
  known: KnownEvent,
  correction: Correction,
  context: DecisionContext,
): Cascade {
  const target: Target = { council, eventId, known, correction, context };
  checkOccurredAt(target);
  return CROSS_CHECKS[known.type]?.(target) ?? NO_CASCADE;
}
