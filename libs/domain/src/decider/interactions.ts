import { COMMAND_LIMITS, type CommandOf } from '../commands/commands.js';
import { financialYearLabel, financialYearOf } from '../calendar/fiscal-calendar.js';
import type { OfferCatalogue } from '../catalogue/catalogue.js';
import { InvalidCommand, OfferNotInCatalogue } from '../errors.js';
import type { CouncilEvent } from '../events/events.js';
import type { IsoDate } from '../values/iso-date.js';
import type { DecisionContext } from './context.js';
import {
  requireId,
  requireInteger,
  requireLivingCouncil,
  requireNewEngagementId,
  requireText,
  requireTextList,
} from './guards.js';
import type { CouncilState } from './state.js';

export function decideRecordAnnualConversation(
  command: CommandOf<'RecordAnnualConversation'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt } = command.data;
  const data = {
    gss,
    occurredAt,
    conversationId: requireNewEngagementId(council, 'conversationId', command.data.conversationId),
    adviserId: requireId('adviserId', command.data.adviserId),
    topics: [...requireTextList('topics', command.data.topics)],
    supportAgreed: [...requireTextList('supportAgreed', command.data.supportAgreed)],
  };
  return [{ type: 'AnnualConversationHeld', data }];
}

/**
 * Generic deliveries must name an offer of the catalogue of the year they happened in; the
 * structured interactions are refused here because their own commands keep their lifecycle
 * (and counting them twice would inflate take-up).
 */
export function requireCatalogueOffer(
  catalogue: OfferCatalogue,
  field: string,
  offerCode: unknown,
  occurredAt: IsoDate,
): string {
  const code = requireText(field, offerCode, COMMAND_LIMITS.textMaxLength);
  const fy = financialYearOf(occurredAt);
  const offer = catalogue.offer(fy, code);
  if (offer === undefined) throw new OfferNotInCatalogue(code, financialYearLabel(fy));
  if (offer.interaction !== null) {
    throw new InvalidCommand(
      field,
      `${code} is recorded by its own command (${offer.interaction})`,
    );
  }
  return code;
}

export function decideRecordOfferDelivered(
  command: CommandOf<'RecordOfferDelivered'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const council = requireLivingCouncil(command, state, context);
  const { gss, occurredAt } = command.data;
  const { min, max } = COMMAND_LIMITS.participants;
  const data = {
    gss,
    occurredAt,
    deliveryId: requireNewEngagementId(council, 'deliveryId', command.data.deliveryId),
    offerCode: requireCatalogueOffer(
      context.catalogue,
      'offerCode',
      command.data.offerCode,
      occurredAt,
    ),
    participants: requireInteger('participants', command.data.participants, min, max),
  };
  return [{ type: 'OfferDelivered', data }];
}
