// Generated engagements for the order-independence property test: lifecycles the decider accepts.
import {
  type CouncilEventType,
  type OfferCatalogue,
  PEER_CHALLENGE_KINDS,
  RISK_SEVERITIES,
  RISK_SIGNAL_KINDS,
} from '#domain';
import { dayNumber } from './shared/dates.js';
import { type CouncilWriter, type Data, type Random, isoOf } from './test-ledger-writer.js';

type Step = readonly [CouncilEventType, object];
const maybe = (random: Random, p: number, ...list: Step[]): Step[] =>
  random.chance(p) ? list : [];

/** The lifecycle steps of one generated engagement, in the order the decider accepts them. */
function lifecycle(random: Random, choice: number, id: string): Step[] {
  const kind = random.pick(PEER_CHALLENGE_KINDS.filter((k) => k !== 'service_specific'));
  const onSite = { onSiteFrom: '2012-01-01', onSiteTo: '2012-01-01' };
  switch (choice) {
    case 0:
      return [
        [
          'AnnualConversationHeld',
          { conversationId: id, adviserId: `pa${random.int(1, 3)}`, topics: [], supportAgreed: [] },
        ],
      ];
    case 1:
      return [
        ...maybe(random, 0.6, ['PeerChallengeRequested', { peerChallengeId: id, kind }]),
        ['PeerChallengeDelivered', { peerChallengeId: id, kind, peers: 4, ...onSite }],
        ...maybe(random, 0.5, ['PeerChallengeReportPublished', { peerChallengeId: id }]),
      ];
    case 2: {
      const made: Step = [
        'ChangeOfControlOfferMade',
        { offerId: id, trigger: random.pick(['control', 'leader'] as const) },
      ];
      const support: Step = [
        'ChangeOfControlSupportDelivered',
        { offerId: id, days: 2, memberPeers: 2 },
      ];
      if (random.chance(0.25)) return [made, ['ChangeOfControlOfferDeclined', { offerId: id }]];
      if (random.chance(0.2)) return [made, support];
      return [
        made,
        ...maybe(
          random,
          0.7,
          ['ChangeOfControlOfferAccepted', { offerId: id }],
          ...maybe(random, 0.7, support),
        ),
      ];
    }
    case 3:
      return [
        [
          'MentoringStarted',
          { mentoringId: id, menteeId: 'm', menteeRole: 'leader', peerType: 'member_peer' },
        ],
        ...maybe(random, 0.5, ['MentoringCompleted', { mentoringId: id }]),
      ];
    case 4: {
      const saving = (): Step => [
        'SavingsReported',
        {
          engagementId: id,
          amountPounds: random.int(1, 500_000) / 100,
          kind: 'saving',
          periodFrom: '2019-04-01',
          periodTo: '2020-03-31',
        },
      ];
      return [
        ['ProductivityExpertEngaged', { engagementId: id, expertId: 'x', focus: 'productivity' }],
        ...maybe(random, 0.7, saving(), ...maybe(random, 0.5, saving())),
        ...maybe(random, 0.3, ['ProductivityEngagementClosed', { engagementId: id }]),
      ];
    }
    case 5:
      return [
        [
          'RiskSignalRaised',
          {
            signalId: id,
            kind: random.pick(RISK_SIGNAL_KINDS),
            severity: random.pick(RISK_SEVERITIES),
            evidence: 'e',
          },
        ],
        ...maybe(random, 0.4, ['RiskSignalCleared', { signalId: id, reason: 'r' }]),
      ];
    default:
      return [];
  }
}

/** One engagement: its steps on non-decreasing days, then perhaps a retraction or correction. */
export function interaction(
  w: CouncilWriter,
  random: Random,
  n: number,
  catalogue: OfferCatalogue,
): void {
  const id = `x${n}`;
  const choice = random.int(0, 7);
  const list = lifecycle(random, choice, id);
  if (list.length === 0) return offerDelivered(w, random, id, catalogue);
  let day = w.day(w.first, w.last - 60);
  const made = list.map(([type, data], index) => {
    if (index > 0) day = Math.min(w.last, day + random.int(0, 30));
    return { id: w.add(id, type, day, data as Data<typeof type>), day, type };
  });
  const last = made[made.length - 1];
  if (last === undefined) return;
  const amendOn = w.amendDay(last.day);
  if (random.chance(0.1)) {
    w.add(id, 'EventRetracted', amendOn, { eventId: last.id, targetType: last.type, reason: 'r' });
  } else if (choice === 1 && random.chance(0.2)) {
    // The decider cascades a kind correction to the request and the delivery.
    const correction = { kind: random.pick(['corporate', 'finance', 'communications'] as const) };
    for (const step of made.filter((s) => s.type !== 'PeerChallengeReportPublished')) {
      w.add(id, 'EventCorrected', amendOn, {
        eventId: step.id,
        targetType: step.type,
        reason: 'k',
        correction,
      });
    }
  } else if (random.chance(0.15)) {
    const index = random.int(0, made.length - 1);
    const target = made[index] ?? last;
    const on = w.day(made[index - 1]?.day ?? w.first, made[index + 1]?.day ?? w.last);
    const correction = {
      occurredAt: isoOf(on),
      ...(target.type === 'SavingsReported' ? { amountPounds: 7.5 } : {}),
    };
    w.add(id, 'EventCorrected', amendOn, {
      eventId: target.id,
      targetType: target.type,
      reason: 'd',
      correction,
    });
  }
}

function offerDelivered(
  w: CouncilWriter,
  random: Random,
  id: string,
  catalogue: OfferCatalogue,
): void {
  const day = w.day(
    Math.max(w.first, dayNumber('2019-04-01')),
    Math.min(w.last, dayNumber('2021-03-31')),
  );
  const fy = Number(isoOf(day).slice(0, 4)) - (Number(isoOf(day).slice(5, 7)) < 4 ? 1 : 0);
  const offers = catalogue.year(fy)?.offers.filter((offer) => offer.interaction === null) ?? [];
  if (offers.length === 0 || day > w.last) return;
  const eventId = w.add(id, 'OfferDelivered', day, {
    deliveryId: id,
    offerCode: random.pick(offers).code,
    participants: random.int(0, 30),
  });
  if (random.chance(0.1))
    w.add(id, 'EventRetracted', w.amendDay(day), {
      eventId,
      targetType: 'OfferDelivered',
      reason: 'r',
    });
  else if (random.chance(0.1)) {
    const correction = { offerCode: random.pick(offers).code, participants: random.int(0, 30) };
    w.add(id, 'EventCorrected', w.amendDay(day), {
      eventId,
      targetType: 'OfferDelivered',
      reason: 'c',
      correction,
    });
  }
}
