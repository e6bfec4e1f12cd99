import type {
  AuthorityType,
  LeaderRole,
  PoliticalControl,
  RecordedLgaMembership,
  Region,
} from '../values/council.js';
import type { IsoDate } from '../values/iso-date.js';
import type {
  ChangeOfControlTrigger,
  MenteeRole,
  PeerChallengeKind,
  PeerType,
  ProductivityFocus,
  RiskSeverity,
  RiskSignalKind,
  SavingKind,
} from '../values/support.js';

/** Every command names its council and when the fact happened (which may be back-dated). */
export interface CommandBase {
  readonly gss: string;
  readonly occurredAt: IsoDate;
}

type Command<T extends string, D> = { readonly type: T; readonly data: CommandBase & Readonly<D> };

export type CouncilCommand =
  | Command<
      'RegisterCouncil',
      {
        name: string;
        authorityType: AuthorityType;
        region: Region;
        /** null: the council existed before the ledger's records start. */
        validFrom: IsoDate | null;
        validTo: IsoDate | null;
      }
    >
  | Command<'ChangePoliticalControl', { control: PoliticalControl }>
  | Command<'ChangeLeader', { role: LeaderRole; leaderId: string }>
  | Command<'ChangeLgaMembership', { membership: RecordedLgaMembership }>
  | Command<'AbolishCouncil', { lastDay: IsoDate; successors: readonly string[] }>
  | Command<
      'RecordAnnualConversation',
      {
        conversationId: string;
        adviserId: string;
        topics: readonly string[];
        supportAgreed: readonly string[];
      }
    >
  | Command<
      'RequestPeerChallenge',
      { peerChallengeId: string; kind: PeerChallengeKind; service?: string }
    >
  | Command<
      'SchedulePeerChallenge',
      { peerChallengeId: string; onSiteFrom: IsoDate; onSiteTo: IsoDate }
    >
  | Command<
      'DeliverPeerChallenge',
      {
        peerChallengeId: string;
        onSiteFrom: IsoDate;
        onSiteTo: IsoDate;
        peers: number;
        /** Required only when the challenge was never requested: it is then created here. */
        kind?: PeerChallengeKind;
        service?: string;
      }
    >
  | Command<'PublishPeerChallengeReport', { peerChallengeId: string }>
  | Command<'PublishPeerChallengeActionPlan', { peerChallengeId: string }>
  | Command<'HoldPeerChallengeProgressReview', { peerChallengeId: string }>
  | Command<'MakeChangeOfControlOffer', { offerId: string; trigger: ChangeOfControlTrigger }>
  | Command<'AcceptChangeOfControlOffer', { offerId: string }>
  | Command<'DeclineChangeOfControlOffer', { offerId: string }>
  | Command<'DeliverChangeOfControlSupport', { offerId: string; days: number; memberPeers: number }>
  | Command<
      'StartMentoring',
      { mentoringId: string; menteeId: string; menteeRole: MenteeRole; peerType: PeerType }
    >
  | Command<'CompleteMentoring', { mentoringId: string }>
  | Command<
      'EngageProductivityExpert',
      { engagementId: string; expertId: string; focus: ProductivityFocus }
    >
  | Command<
      'ReportSavings',
      {
        engagementId: string;
        amountPounds: number;
        kind: SavingKind;
        periodFrom: IsoDate;
        periodTo: IsoDate;
      }
    >
  | Command<'CloseProductivityEngagement', { engagementId: string }>
  | Command<'RecordOfferDelivered', { deliveryId: string; offerCode: string; participants: number }>
  | Command<
      'RaiseRiskSignal',
      { signalId: string; kind: RiskSignalKind; severity: RiskSeverity; evidence: string }
    >
  | Command<'ClearRiskSignal', { signalId: string; reason: string }>
  | Command<
      'CorrectEvent',
      { eventId: string; reason: string; correction: Readonly<Record<string, unknown>> }
    >
  | Command<'RetractEvent', { eventId: string; reason: string }>;

export type CouncilCommandType = CouncilCommand['type'];
export type CommandOf<T extends CouncilCommandType> = Extract<CouncilCommand, { type: T }>;

export const COMMAND_TYPES = [
  'RegisterCouncil',
  'ChangePoliticalControl',
  'ChangeLeader',
  'ChangeLgaMembership',
  'AbolishCouncil',
  'RecordAnnualConversation',
  'RequestPeerChallenge',
  'SchedulePeerChallenge',
  'DeliverPeerChallenge',
  'PublishPeerChallengeReport',
  'PublishPeerChallengeActionPlan',
  'HoldPeerChallengeProgressReview',
  'MakeChangeOfControlOffer',
  'AcceptChangeOfControlOffer',
  'DeclineChangeOfControlOffer',
  'DeliverChangeOfControlSupport',
  'StartMentoring',
  'CompleteMentoring',
  'EngageProductivityExpert',
  'ReportSavings',
  'CloseProductivityEngagement',
  'RecordOfferDelivered',
  'RaiseRiskSignal',
  'ClearRiskSignal',
  'CorrectEvent',
  'RetractEvent',
] as const satisfies readonly CouncilCommandType[];

/** The numeric and length rules of command fields, shared with the DTOs at the edge. */
export const COMMAND_LIMITS = {
  nameMaxLength: 200,
  textMaxLength: 200,
  listMaxItems: 50,
  evidenceMaxLength: 2000,
  reasonMaxLength: 2000,
  peerChallengePeers: { min: 1, max: 20 },
  changeOfControlDays: { min: 0.5, max: 5, step: 0.5 },
  changeOfControlMemberPeers: { min: 1, max: 10 },
  participants: { min: 0, max: 100_000 },
} as const;

// Fails to compile if a command type is missing from COMMAND_TYPES.
const _allCommandTypesListed: [
  Exclude<CouncilCommandType, (typeof COMMAND_TYPES)[number]>,
] extends [never]
  ? true
  : false = true;
