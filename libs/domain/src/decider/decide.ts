import type { CouncilCommand } from '../commands/commands.js';
import { InvalidCommand } from '../errors.js';
import type { CouncilEvent } from '../events/events.js';
import { isIsoDate } from '../values/iso-date.js';
import {
  decideAnswerChangeOfControlOffer,
  decideDeliverChangeOfControlSupport,
  decideMakeChangeOfControlOffer,
} from './change-of-control.js';
import type { DecisionContext } from './context.js';
import { decideCorrectEvent, decideRetractEvent } from './corrections.js';
import { decideRecordAnnualConversation, decideRecordOfferDelivered } from './interactions.js';
import { decideCompleteMentoring, decideStartMentoring } from './mentoring.js';
import {
  decideDeliverPeerChallenge,
  decidePeerChallengeFollowUp,
  decideRequestPeerChallenge,
  decideSchedulePeerChallenge,
} from './peer-challenge.js';
import {
  decideCloseProductivityEngagement,
  decideEngageProductivityExpert,
  decideReportSavings,
} from './productivity.js';
import { decideAbolishCouncil, decideRegisterCouncil } from './register.js';
import {
  decideChangeLeader,
  decideChangeLgaMembership,
  decideChangePoliticalControl,
} from './registry.js';
import { decideClearRiskSignal, decideRaiseRiskSignal } from './risk.js';
import type { CouncilState } from './state.js';

/**
 * Decides what a command means for one council: the events to append, [] when the command
 * restates what is already recorded, or a DomainError when it breaks an invariant.
 */
export function decide(
  command: CouncilCommand,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  // A bad clock is a wiring fault, not a caller's mistake: fail loudly, not as a 4xx.
  if (!isIsoDate(context.today)) throw new Error(`decide: today ${context.today} is not a date`);
  switch (command.type) {
    case 'RegisterCouncil':
      return decideRegisterCouncil(command, state, context);
    case 'ChangePoliticalControl':
      return decideChangePoliticalControl(command, state, context);
    case 'ChangeLeader':
      return decideChangeLeader(command, state, context);
    case 'ChangeLgaMembership':
      return decideChangeLgaMembership(command, state, context);
    case 'AbolishCouncil':
      return decideAbolishCouncil(command, state, context);
    case 'RecordAnnualConversation':
      return decideRecordAnnualConversation(command, state, context);
    case 'RequestPeerChallenge':
      return decideRequestPeerChallenge(command, state, context);
    case 'SchedulePeerChallenge':
      return decideSchedulePeerChallenge(command, state, context);
    case 'DeliverPeerChallenge':
      return decideDeliverPeerChallenge(command, state, context);
    case 'PublishPeerChallengeReport':
    case 'PublishPeerChallengeActionPlan':
    case 'HoldPeerChallengeProgressReview':
      return decidePeerChallengeFollowUp(command, state, context);
    case 'MakeChangeOfControlOffer':
      return decideMakeChangeOfControlOffer(command, state, context);
    case 'AcceptChangeOfControlOffer':
    case 'DeclineChangeOfControlOffer':
      return decideAnswerChangeOfControlOffer(command, state, context);
    case 'DeliverChangeOfControlSupport':
      return decideDeliverChangeOfControlSupport(command, state, context);
    case 'StartMentoring':
      return decideStartMentoring(command, state, context);
    case 'CompleteMentoring':
      return decideCompleteMentoring(command, state, context);
    case 'EngageProductivityExpert':
      return decideEngageProductivityExpert(command, state, context);
    case 'ReportSavings':
      return decideReportSavings(command, state, context);
    case 'CloseProductivityEngagement':
      return decideCloseProductivityEngagement(command, state, context);
    case 'RecordOfferDelivered':
      return decideRecordOfferDelivered(command, state, context);
    case 'RaiseRiskSignal':
      return decideRaiseRiskSignal(command, state, context);
    case 'ClearRiskSignal':
      return decideClearRiskSignal(command, state, context);
    case 'CorrectEvent':
      return decideCorrectEvent(command, state, context);
    case 'RetractEvent':
      return decideRetractEvent(command, state, context);
    default: {
      const unknown: never = command;
      throw new InvalidCommand('type', `unknown command ${(unknown as { type: string }).type}`);
    }
  }
}
