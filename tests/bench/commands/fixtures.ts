import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '#event-store';
import { type CouncilCommand, EVENT_SCHEMA_VERSION, REGIONS } from '#domain';
import type { Actor } from '#ledger';

/** Synthetic GSS codes (E99…): valid shape, never a real council. */
export const benchGss = (index: number): string => `E99${String(index).padStart(6, '0')}`;

export const ADMIN: Actor = { subject: 'bench-admin', role: 'admin', patch: [] };
/** An adviser whose patch covers every region, so the patch check runs and passes. */
export const ADVISER: Actor = { subject: 'bench-adviser', role: 'adviser', patch: [...REGIONS] };

/** Inside the 2019/20 catalogue year and before the fixed "today" of the test clock (2020-03-15). */
const OCCURRED_AT = '2019-06-12';
const OFFER_CODE = 'leadership-academy';

export function registerCommand(gss: string, index: number): CouncilCommand {
  return {
    type: 'RegisterCouncil',
    data: {
      gss,
      occurredAt: '2016-04-01',
      name: `Bench council ${index}`,
      authorityType: 'unitary',
      region: REGIONS[index % REGIONS.length]!,
      validFrom: null,
      validTo: null,
    },
  };
}

/** One write of the load: alternately an annual conversation and an offer delivery. */
export interface WorkItem {
  readonly kind: 'conversation' | 'delivery';
  readonly gss: string;
  /** Unique within the council: engagement ids may not repeat. */
  readonly id: string;
}

export const workItem = (gss: string, id: string, sequence: number): WorkItem => ({
  kind: sequence % 2 === 0 ? 'conversation' : 'delivery',
  gss,
  id,
});

export function toCommand(item: WorkItem): CouncilCommand {
  return item.kind === 'conversation'
    ? {
        type: 'RecordAnnualConversation',
        data: {
          gss: item.gss,
          occurredAt: OCCURRED_AT,
          conversationId: item.id,
          adviserId: 'pa-7',
          topics: ['finance', 'children’s services'],
          supportAgreed: ['finance peer review'],
        },
      }
    : {
        type: 'RecordOfferDelivered',
        data: {
          gss: item.gss,
          occurredAt: OCCURRED_AT,
          deliveryId: item.id,
          offerCode: OFFER_CODE,
          participants: 12,
        },
      };
}

export function toRequest(item: WorkItem): { readonly path: string; readonly body: unknown } {
  const { data } = toCommand(item);
  const { gss: _gss, ...body } = data;
  const resource = item.kind === 'conversation' ? 'annual-conversations' : 'offer-deliveries';
  return { path: `/councils/${item.gss}/${resource}`, body };
}

/**
 * Valid OfferDelivered events with the envelope the handler writes, for
 * building a long stream straight through the store.
 */
export function deliveryEvents(gss: string, from: number, count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => {
    const correlationId = randomUUID();
    return {
      id: randomUUID(),
      type: 'OfferDelivered',
      data: {
        gss,
        occurredAt: OCCURRED_AT,
        deliveryId: `bulk-${from + index}`,
        offerCode: OFFER_CODE,
        participants: 3,
      },
      metadata: {
        schemaVersion: EVENT_SCHEMA_VERSION.OfferDelivered,
        recordedAt: '2020-03-15T12:00:00.000Z',
        recordedBy: 'bench-bulk',
        correlationId,
        causationId: correlationId,
      },
    };
  });
}
