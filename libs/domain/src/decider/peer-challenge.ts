import { COMMAND_LIMITS, type CommandOf } from '../commands/commands.js';
import { InvalidCommand } from '../errors.js';
import type { CouncilEvent } from '../events/events.js';
import type { DateRange } from '../values/iso-date.js';
import {
  PEER_CHALLENGE_KINDS,
  type PeerChallengeKind,
  SERVICE_PATTERN,
} from '../values/support.js';
import type { DecisionContext } from './context.js';
import {
  requireAfterLastStep,
  requireDate,
  requireEngagement,
  requireInteger,
  requireLivingCouncil,
  requireNewEngagementId,
  requireNotFuture,
  requireOneOf,
  requireOrdered,
  requireStatus,
  requireWithinLifespan,
} from './guards.js';
import {
  entry,
  type CouncilState,
  onSiteOf,
  type PeerChallengeStatus,
  type RegisteredCouncilState,
} from './state.js';

const AREA = 'peer challenge';

/** A service names the service of a service-specific challenge, and only of one. */
export function requireService(
  kind: PeerChallengeKind,
  service: unknown,
  field = 'service',
): string | undefined {
  if (kind !== 'service_specific') {
    if (service !== undefined && service !== null) {
      throw new InvalidCommand(field, 'is only given for a service_specific peer challenge');
    }
    return undefined;
  }
  if (typeof service !== 'string' || !SERVICE_PATTERN.test(service)) {
    throw new InvalidCommand(
      field,
      'a service_specific peer challenge names its service, e.g. housing',
    );
  }
  return service;
}

function requireOnSite(
  council: RegisteredCouncilState,
  data: { onSiteFrom: unknown; onSiteTo: unknown },
): DateRange {
  const from = requireDate('onSiteFrom', data.onSiteFrom);
  const to = requireDate('onSiteTo', data.onSiteTo);
  requireOrdered('onSiteFrom', from, 'onSiteTo', to);
  requireWithinLifespan(council, 'onSiteFrom', from);
  requireWithinLifespan(council, 'onSiteTo', to);
  return { from, to };
}

export function decideRequestPeerChallenge(
  command: CommandOf<'RequestPeerChallenge'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt } = command.data;
  const peerChallengeId = requireNewEngagementId(
    council,
    'peerChallengeId',
    command.data.peerChallengeId,
  );
  const kind = requireOneOf('kind', PEER_CHALLENGE_KINDS, command.data.kind);
  const service = requireService(kind, command.data.service);
  const data = { gss, occurredAt, peerChallengeId, kind, ...(service ? { service } : {}) };
  return [{ type: 'PeerChallengeRequested', data }];
}

export function decideSchedulePeerChallenge(
  command: CommandOf<'SchedulePeerChallenge'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt, peerChallengeId } = command.data;
  const challenge = requireEngagement(
    AREA,
    council.peerChallenges,
    'peerChallengeId',
    peerChallengeId,
  );
  requireStatus(AREA, peerChallengeId, challenge, ['requested', 'scheduled'], 'schedule it');
  const onSite = requireOnSite(council, command.data);
  const current = onSiteOf(challenge);
  if (
    challenge.status === 'scheduled' &&
    current?.from === onSite.from &&
    current.to === onSite.to
  ) {
    return [];
  }
  requireAfterLastStep(challenge, occurredAt);
  const data = { gss, occurredAt, peerChallengeId, onSiteFrom: onSite.from, onSiteTo: onSite.to };
  return [{ type: 'PeerChallengeScheduled', data }];
}

/** Advisers often log only the delivery: an unknown challenge is then created by it. */
export function decideDeliverPeerChallenge(
  command: CommandOf<'DeliverPeerChallenge'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt, peerChallengeId } = command.data;
  const { min, max } = COMMAND_LIMITS.peerChallengePeers;
  const peers = requireInteger('peers', command.data.peers, min, max);
  const onSite = requireOnSite(council, command.data);
  requireNotFuture('onSiteTo', onSite.to, context);
  const challenge = entry(council.peerChallenges, peerChallengeId);
  let kind: PeerChallengeKind;
  let service: string | undefined;
  if (challenge === undefined) {
    requireNewEngagementId(council, 'peerChallengeId', peerChallengeId);
    if (command.data.kind === undefined) {
      throw new InvalidCommand('kind', 'is required when the peer challenge was not requested');
    }
    kind = requireOneOf('kind', PEER_CHALLENGE_KINDS, command.data.kind);
    service = requireService(kind, command.data.service);
  } else {
    requireStatus(AREA, peerChallengeId, challenge, ['requested', 'scheduled'], 'deliver it');
    requireAfterLastStep(challenge, occurredAt);
    if (command.data.kind !== undefined && command.data.kind !== challenge.kind) {
      throw new InvalidCommand('kind', `the peer challenge was requested as ${challenge.kind}`);
    }
    if (command.data.service !== undefined && command.data.service !== challenge.service) {
      throw new InvalidCommand(
        'service',
        `the peer challenge was requested for ${challenge.service ?? 'no service'}`,
      );
    }
    kind = challenge.kind;
    service = challenge.service ?? undefined;
  }
  const data = {
    gss,
    occurredAt,
    peerChallengeId,
    onSiteFrom: onSite.from,
    onSiteTo: onSite.to,
    peers,
    kind,
    ...(service ? { service } : {}),
  };
  return [{ type: 'PeerChallengeDelivered', data }];
}

type FollowUp =
  | CommandOf<'PublishPeerChallengeReport'>
  | CommandOf<'PublishPeerChallengeActionPlan'>
  | CommandOf<'HoldPeerChallengeProgressReview'>;

/** After delivery the report, the council's action plan and the progress review follow in turn. */
const FOLLOW_UPS = {
  PublishPeerChallengeReport: {
    after: 'delivered',
    event: 'PeerChallengeReportPublished',
    step: 'publish its report',
  },
  PublishPeerChallengeActionPlan: {
    after: 'report_published',
    event: 'PeerChallengeActionPlanPublished',
    step: 'publish its action plan',
  },
  HoldPeerChallengeProgressReview: {
    after: 'action_plan_published',
    event: 'PeerChallengeProgressReviewHeld',
    step: 'hold its progress review',
  },
} as const satisfies Record<
  FollowUp['type'],
  { after: PeerChallengeStatus; event: string; step: string }
>;

export function decidePeerChallengeFollowUp(
  command: FollowUp,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt, peerChallengeId } = command.data;
  const challenge = requireEngagement(
    AREA,
    council.peerChallenges,
    'peerChallengeId',
    peerChallengeId,
  );
  const rule = FOLLOW_UPS[command.type];
  requireStatus(AREA, peerChallengeId, challenge, [rule.after], rule.step);
  requireAfterLastStep(challenge, occurredAt);
  return [{ type: rule.event, data: { gss, occurredAt, peerChallengeId } }];
}
