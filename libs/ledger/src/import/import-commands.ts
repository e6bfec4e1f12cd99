import type { CouncilCommand, CouncilCommandType } from '#domain';
import { AbolishCouncilDto } from '../commands/abolish-council/abolish-council.dto.js';
import { AcceptChangeOfControlOfferDto } from '../commands/accept-change-of-control-offer/accept-change-of-control-offer.dto.js';
import { ChangeLeaderDto } from '../commands/change-leader/change-leader.dto.js';
import { ChangeLgaMembershipDto } from '../commands/change-lga-membership/change-lga-membership.dto.js';
import { ChangePoliticalControlDto } from '../commands/change-political-control/change-political-control.dto.js';
import { ClearRiskSignalDto } from '../commands/clear-risk-signal/clear-risk-signal.dto.js';
import { CloseProductivityEngagementDto } from '../commands/close-productivity-engagement/close-productivity-engagement.dto.js';
import { CompleteMentoringDto } from '../commands/complete-mentoring/complete-mentoring.dto.js';
import { CorrectEventDto } from '../commands/correct-event/correct-event.dto.js';
import { DeclineChangeOfControlOfferDto } from '../commands/decline-change-of-control-offer/decline-change-of-control-offer.dto.js';
import { DeliverChangeOfControlSupportDto } from '../commands/deliver-change-of-control-support/deliver-change-of-control-support.dto.js';
import { DeliverPeerChallengeDto } from '../commands/deliver-peer-challenge/deliver-peer-challenge.dto.js';
import { EngageProductivityExpertDto } from '../commands/engage-productivity-expert/engage-productivity-expert.dto.js';
import { HoldPeerChallengeProgressReviewDto } from '../commands/hold-peer-challenge-progress-review/hold-peer-challenge-progress-review.dto.js';
import { MakeChangeOfControlOfferDto } from '../commands/make-change-of-control-offer/make-change-of-control-offer.dto.js';
import { PublishPeerChallengeActionPlanDto } from '../commands/publish-peer-challenge-action-plan/publish-peer-challenge-action-plan.dto.js';
import { PublishPeerChallengeReportDto } from '../commands/publish-peer-challenge-report/publish-peer-challenge-report.dto.js';
import { RaiseRiskSignalDto } from '../commands/raise-risk-signal/raise-risk-signal.dto.js';
import { RecordAnnualConversationDto } from '../commands/record-annual-conversation/record-annual-conversation.dto.js';
import { RecordOfferDeliveredDto } from '../commands/record-offer-delivered/record-offer-delivered.dto.js';
import { RegisterCouncilDto } from '../commands/register-council/register-council.dto.js';
import { ReportSavingsDto } from '../commands/report-savings/report-savings.dto.js';
import { RequestPeerChallengeDto } from '../commands/request-peer-challenge/request-peer-challenge.dto.js';
import { RetractEventDto } from '../commands/retract-event/retract-event.dto.js';
import { SchedulePeerChallengeDto } from '../commands/schedule-peer-challenge/schedule-peer-challenge.dto.js';
import { StartMentoringDto } from '../commands/start-mentoring/start-mentoring.dto.js';

/**
 * How an import line becomes the same DTO the API validates. Where the API
 * takes an engagement id from the path, an import line carries it in `data`
 * under `idField`; where the API takes the GSS code in the body, `gssInBody`.
 */
export interface ImportCommandSpec {
  readonly dto: new () => object;
  readonly idField?: string;
  readonly gssInBody?: true;
  readonly toCommand: (dto: never, gss: string, id: string) => CouncilCommand;
}

const spec = <D extends object>(
  dto: new () => D,
  toCommand: (dto: D, gss: string, id: string) => CouncilCommand,
  extra: { idField?: string; gssInBody?: true } = {},
): ImportCommandSpec => ({ dto, toCommand: toCommand as ImportCommandSpec['toCommand'], ...extra });

export const IMPORT_COMMANDS: Readonly<Record<CouncilCommandType, ImportCommandSpec>> = {
  RegisterCouncil: spec(RegisterCouncilDto, (d) => d.toCommand(), { gssInBody: true }),
  ChangePoliticalControl: spec(ChangePoliticalControlDto, (d, gss) => d.toCommand(gss)),
  ChangeLeader: spec(ChangeLeaderDto, (d, gss) => d.toCommand(gss)),
  ChangeLgaMembership: spec(ChangeLgaMembershipDto, (d, gss) => d.toCommand(gss)),
  AbolishCouncil: spec(AbolishCouncilDto, (d, gss) => d.toCommand(gss)),
  RecordAnnualConversation: spec(RecordAnnualConversationDto, (d, gss) => d.toCommand(gss)),
  RequestPeerChallenge: spec(RequestPeerChallengeDto, (d, gss) => d.toCommand(gss)),
  SchedulePeerChallenge: spec(SchedulePeerChallengeDto, (d, gss, id) => d.toCommand(gss, id), {
    idField: 'peerChallengeId',
  }),
  DeliverPeerChallenge: spec(DeliverPeerChallengeDto, (d, gss, id) => d.toCommand(gss, id), {
    idField: 'peerChallengeId',
  }),
  PublishPeerChallengeReport: spec(
    PublishPeerChallengeReportDto,
    (d, gss, id) => d.toCommand(gss, id),
    { idField: 'peerChallengeId' },
  ),
  PublishPeerChallengeActionPlan: spec(
    PublishPeerChallengeActionPlanDto,
    (d, gss, id) => d.toCommand(gss, id),
    { idField: 'peerChallengeId' },
  ),
  HoldPeerChallengeProgressReview: spec(
    HoldPeerChallengeProgressReviewDto,
    (d, gss, id) => d.toCommand(gss, id),
    { idField: 'peerChallengeId' },
  ),
  MakeChangeOfControlOffer: spec(MakeChangeOfControlOfferDto, (d, gss) => d.toCommand(gss)),
  AcceptChangeOfControlOffer: spec(
    AcceptChangeOfControlOfferDto,
    (d, gss, id) => d.toCommand(gss, id),
    { idField: 'offerId' },
  ),
  DeclineChangeOfControlOffer: spec(
    DeclineChangeOfControlOfferDto,
    (d, gss, id) => d.toCommand(gss, id),
    { idField: 'offerId' },
  ),
  DeliverChangeOfControlSupport: spec(
    DeliverChangeOfControlSupportDto,
    (d, gss, id) => d.toCommand(gss, id),
    { idField: 'offerId' },
  ),
  StartMentoring: spec(StartMentoringDto, (d, gss) => d.toCommand(gss)),
  CompleteMentoring: spec(CompleteMentoringDto, (d, gss, id) => d.toCommand(gss, id), {
    idField: 'mentoringId',
  }),
  EngageProductivityExpert: spec(EngageProductivityExpertDto, (d, gss) => d.toCommand(gss)),
  ReportSavings: spec(ReportSavingsDto, (d, gss, id) => d.toCommand(gss, id), {
    idField: 'engagementId',
  }),
  CloseProductivityEngagement: spec(
    CloseProductivityEngagementDto,
    (d, gss, id) => d.toCommand(gss, id),
    { idField: 'engagementId' },
  ),
  RecordOfferDelivered: spec(RecordOfferDeliveredDto, (d, gss) => d.toCommand(gss)),
  RaiseRiskSignal: spec(RaiseRiskSignalDto, (d, gss) => d.toCommand(gss)),
  ClearRiskSignal: spec(ClearRiskSignalDto, (d, gss, id) => d.toCommand(gss, id), {
    idField: 'signalId',
  }),
  CorrectEvent: spec(CorrectEventDto, (d, gss, id) => d.toCommand(gss, id), { idField: 'eventId' }),
  RetractEvent: spec(RetractEventDto, (d, gss, id) => d.toCommand(gss, id), { idField: 'eventId' }),
};
