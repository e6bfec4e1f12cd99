import { AnnualConversationsController } from './annual-conversations.controller.js';
import { ChangeOfControlOffersController } from './change-of-control-offers.controller.js';
import { CouncilEventsController } from './council-events.controller.js';
import { CouncilRegisterController } from './council-register.controller.js';
import { EventAmendmentsController } from './event-amendments.controller.js';
import { MentoringController } from './mentoring.controller.js';
import { OfferDeliveriesController } from './offer-deliveries.controller.js';
import { PeerChallengesController } from './peer-challenges.controller.js';
import { ProductivityEngagementsController } from './productivity-engagements.controller.js';
import { RiskSignalsController } from './risk-signals.controller.js';

export const COUNCIL_CONTROLLERS = [
  AnnualConversationsController,
  CouncilEventsController,
  CouncilRegisterController,
  PeerChallengesController,
  ChangeOfControlOffersController,
  MentoringController,
  ProductivityEngagementsController,
  OfferDeliveriesController,
  RiskSignalsController,
  EventAmendmentsController,
];
