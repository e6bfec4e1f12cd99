import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type EventStore, type RecordedEvent } from '#event-store';
import {
  type CouncilCommand,
  DomainError,
  type OfferCatalogue,
  councilStreamName,
  financialYearOf,
} from '#domain';
import type { Actor } from '../auth/actor.js';
import { CouncilRepository } from '../write/council-repository.js';
import { ExecuteCouncilCommand } from '../write/execute-council-command.js';
import { EVENT_STORE, OFFER_CATALOGUE } from '../tokens.js';

export const CHANGE_OF_CONTROL_REACTOR = { name: 'reactor-change-of-control', version: 1 } as const;

const REACTOR: Actor = { subject: 'system:change-of-control-reactor', role: 'admin', patch: [] };

/** What the reactor decided about one event: a command to send, or why not. */
export type Reaction =
  { readonly command: CouncilCommand; readonly idempotencyKey: string } | { readonly skip: string };

/**
 * A change of political control or of leader opens a change-of-control case:
 * the offer is made, dated the day the change took effect. Only in years whose
 * catalogue has the change-of-control offer, and not for a council's first
 * recorded control (that is its starting point, not a change). The idempotency
 * key is the source event's id, so a replay after a crash makes no second offer.
 */
@Injectable()
export class ChangeOfControlReactor {
  private readonly logger = new Logger('ChangeOfControlReactor');

  constructor(
    private readonly commandBus: CommandBus,
    private readonly councils: CouncilRepository,
    @Inject(OFFER_CATALOGUE) private readonly catalogue: OfferCatalogue,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  readonly handles: ReadonlySet<string> = new Set(['PoliticalControlChanged', 'LeaderChanged']);

  async react(event: RecordedEvent): Promise<Reaction> {
    const data = event.data as { gss: string; occurredAt: string };
    const fy = financialYearOf(data.occurredAt);
    if (!this.catalogue.hasOffer(fy, 'change-of-control'))
      return { skip: `no change-of-control offer in ${fy}` };
    const trigger = event.type === 'LeaderChanged' ? 'leader' : 'control';
    if (trigger === 'control') {
      const { state } = await this.councils.load(councilStreamName(data.gss));
      if (state.status === 'unregistered') return { skip: 'council not registered' };
      if (!state.controlHistory.some((period) => period.from < data.occurredAt)) {
        return { skip: 'first recorded control, not a change' };
      }
    }
    return {
      idempotencyKey: `reactor:change-of-control:${event.id}`,
      command: {
        type: 'MakeChangeOfControlOffer',
        data: {
          gss: data.gss,
          occurredAt: data.occurredAt,
          offerId: `coc-${event.id.slice(0, 8)}-${data.occurredAt}`,
          trigger,
        },
      },
    };
  }

  /** Sends the offer; a rule of the ledger refusing it (e.g. council abolished) is final, not a fault. */
  async handle(event: RecordedEvent): Promise<string> {
    const reaction = await this.react(event);
    if ('skip' in reaction) return `skipped: ${reaction.skip}`;
    const correlation = event.metadata['correlationId'];
    try {
      const result = await this.commandBus.execute(
        new ExecuteCouncilCommand(reaction.command, REACTOR, {
          idempotencyKey: reaction.idempotencyKey,
          causationId: event.id,
          ...(typeof correlation === 'string' ? { correlationId: correlation } : {}),
        }),
      );
      return result.replayed ? 'already offered' : 'offer made';
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`no change-of-control offer for ${event.id}: ${error.message}`);
      return `refused: ${error.code}`;
    }
  }

  headPosition(): Promise<bigint> {
    return this.events.headPosition();
  }
}
