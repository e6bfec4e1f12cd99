import {
  AUTHORITY_TYPES,
  type CouncilEvent,
  MENTEE_ROLES,
  PEER_CHALLENGE_KINDS,
  PEER_TYPES,
  POLITICAL_CONTROLS,
  REGIONS,
  RISK_SEVERITIES,
  RISK_SIGNAL_KINDS,
} from '#domain';
import { benchGss } from '../commands/fixtures.js';

/** 2019-04-01 … 2021-03-31: the financial years 2019/20 and 2020/21, day by day. */
const FIRST_DAY = Date.UTC(2019, 3, 1);
const DATES = Array.from({ length: 731 }, (_, day) =>
  new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10),
);
const OPENING = DATES[0]!;

/** mulberry32: a council's plan is the same every time it is asked for. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(values: readonly T[], r: number): T => values[Math.floor(r * values.length)]!;

const EVIDENCE =
  'Section 151 officer wrote to members about the in-year overspend and the reserves position.';

/** Opens and follow-ups still to come, so every lifecycle step the plan emits is allowed. */
interface Open {
  readonly mentoring: string[];
  readonly signals: string[];
  readonly productivity: string[];
  readonly followUps: ((on: string) => CouncilEvent)[];
}

function changeOfControl(
  gss: string,
  k: number,
  control: string,
  declined: boolean,
): Open['followUps'] {
  const offerId = `coc-${k}`;
  const controlEvent = control as (typeof POLITICAL_CONTROLS)[number];
  return [
    (on) => ({
      type: 'PoliticalControlChanged',
      data: { gss, occurredAt: on, control: controlEvent },
    }),
    (on) => ({
      type: 'ChangeOfControlOfferMade',
      data: { gss, occurredAt: on, offerId, trigger: 'control' },
    }),
    (on) =>
      declined
        ? { type: 'ChangeOfControlOfferDeclined', data: { gss, occurredAt: on, offerId } }
        : { type: 'ChangeOfControlOfferAccepted', data: { gss, occurredAt: on, offerId } },
    ...(declined
      ? []
      : [
          (on: string): CouncilEvent => ({
            type: 'ChangeOfControlSupportDelivered',
            data: { gss, occurredAt: on, offerId, days: 2.5, memberPeers: 2 },
          }),
        ]),
  ];
}

/** Mostly interactions; a lifecycle step only when something is open, else an offer delivery. */
function interaction(
  gss: string,
  k: number,
  on: string,
  r: () => number,
  open: Open,
  offers: readonly string[],
): CouncilEvent {
  const roll = r();
  const base = { gss, occurredAt: on };
  if (roll < 0.08) {
    const data = { ...base, conversationId: `ac-${k}`, adviserId: `pa-${Math.floor(r() * 12)}` };
    const topics = ['finance', 'housing', 'children’s services'];
    return {
      type: 'AnnualConversationHeld',
      data: { ...data, topics, supportAgreed: ['finance peer challenge'] },
    };
  }
  if (roll < 0.14) {
    const kind = pick(PEER_CHALLENGE_KINDS, r());
    const data = {
      ...base,
      peerChallengeId: `pc-${k}`,
      onSiteFrom: on,
      onSiteTo: on,
      peers: 3 + Math.floor(r() * 5),
      kind,
    };
    return {
      type: 'PeerChallengeDelivered',
      data: kind === 'service_specific' ? { ...data, service: 'housing' } : data,
    };
  }
  if (roll < 0.19) {
    open.mentoring.push(`mn-${k}`);
    const roles = { menteeRole: pick(MENTEE_ROLES, r()), peerType: pick(PEER_TYPES, r()) };
    return {
      type: 'MentoringStarted',
      data: { ...base, mentoringId: `mn-${k}`, menteeId: `mentee-${k}`, ...roles },
    };
  }
  if (roll < 0.22 && open.mentoring.length > 0) {
    return { type: 'MentoringCompleted', data: { ...base, mentoringId: open.mentoring.shift()! } };
  }
  if (roll < 0.25) {
    open.signals.push(`rs-${k}`);
    const graded = { kind: pick(RISK_SIGNAL_KINDS, r()), severity: pick(RISK_SEVERITIES, r()) };
    return {
      type: 'RiskSignalRaised',
      data: { ...base, signalId: `rs-${k}`, ...graded, evidence: EVIDENCE },
    };
  }
  if (roll < 0.27 && open.signals.length > 0) {
    const data = {
      ...base,
      signalId: open.signals.shift()!,
      reason: 'Budget balanced at outturn.',
    };
    return { type: 'RiskSignalCleared', data };
  }
  if (roll < 0.285) {
    open.productivity.push(`pe-${k}`);
    const data = {
      ...base,
      engagementId: `pe-${k}`,
      expertId: `expert-${k % 40}`,
      focus: 'productivity' as const,
    };
    return { type: 'ProductivityExpertEngaged', data };
  }
  if (roll < 0.3 && open.productivity.length > 0) {
    const engagementId = open.productivity[open.productivity.length - 1]!;
    const amount = {
      amountPounds: 1_000 + Math.floor(r() * 50_000) + 0.5,
      kind: 'saving' as const,
    };
    return {
      type: 'SavingsReported',
      data: { ...base, engagementId, ...amount, periodFrom: OPENING, periodTo: on },
    };
  }
  const participants = Math.floor(r() * 25);
  return {
    type: 'OfferDelivered',
    data: { ...base, deliveryId: `od-${k}`, offerCode: pick(offers, r()), participants },
  };
}

/**
 * The events of council `index` in stream order: registration, control, membership and
 * leader on 2019-04-01, then `length - 4` interactions spread evenly over the two years
 * (dates never go back, so every lifecycle step follows its opening). A third of the
 * councils change control (offer made, accepted, support delivered); a sixth change twice
 * and decline the second offer; a quarter change leader. `offers` are the generic offer
 * codes of the 2019/20 catalogue (the same codes exist in 2020/21).
 */
export function councilPlan(
  index: number,
  length: number,
  offers: readonly string[],
): CouncilEvent[] {
  const gss = benchGss(index);
  const r = random(index + 1);
  const control = POLITICAL_CONTROLS[index % POLITICAL_CONTROLS.length]!;
  const events: CouncilEvent[] = [
    {
      type: 'CouncilRegistered',
      data: {
        gss,
        occurredAt: OPENING,
        name: `Bench council ${index}`,
        authorityType: AUTHORITY_TYPES[index % 5]!,
        region: REGIONS[index % REGIONS.length]!,
        validFrom: null,
        validTo: null,
      },
    },
    { type: 'PoliticalControlChanged', data: { gss, occurredAt: OPENING, control } },
    {
      type: 'LgaMembershipChanged',
      data: { gss, occurredAt: OPENING, membership: index % 10 === 0 ? 'non_member' : 'member' },
    },
    {
      type: 'LeaderChanged',
      data: { gss, occurredAt: OPENING, role: 'leader', leaderId: `leader-${index}-0` },
    },
  ].slice(0, length) as CouncilEvent[];
  const body = length - events.length;
  const open: Open = { mentoring: [], signals: [], productivity: [], followUps: [] };
  const next = (offset: number): string =>
    POLITICAL_CONTROLS[(index + offset) % POLITICAL_CONTROLS.length]!;
  for (let step = 0; step < body; step += 1) {
    const k = events.length;
    const on = DATES[Math.floor((step * DATES.length) / body)]!;
    if (index % 3 === 0 && step === Math.floor(body * 0.3))
      open.followUps.push(...changeOfControl(gss, k, next(1), false));
    if (index % 6 === 0 && step === Math.floor(body * 0.75))
      open.followUps.push(...changeOfControl(gss, k, next(2), true));
    if (index % 4 === 0 && step === Math.floor(body * 0.5)) {
      events.push({
        type: 'LeaderChanged',
        data: { gss, occurredAt: on, role: 'leader', leaderId: `leader-${index}-1` },
      });
      continue;
    }
    const followUp = open.followUps.shift();
    events.push(followUp ? followUp(on) : interaction(gss, k, on, r, open, offers));
  }
  return events;
}
