import { describe, it, expect } from '@jest/globals';
import type { Projection } from '../projection.js';
import { COUNCIL_PROJECTIONS } from './council-projections.js';
import { catalogue, ev, foldInto, OTHER, projected, registration } from './test-fixtures.js';

/** One batch that touches every projection, amendments included. */
const batch = projected([
  registration(),
  registration({ gss: OTHER, name: 'Manchester', region: 'North West' }),
  ev('PoliticalControlChanged', { occurredAt: '2016-05-06', control: 'Labour' }),
  ev('LeaderChanged', { occurredAt: '2019-05-20', role: 'leader', leaderId: 'l1' }),
  ev('LgaMembershipChanged', { occurredAt: '2017-01-01', membership: 'member' }),
  ev('AnnualConversationHeld', {
    conversationId: 'ac',
    adviserId: 'pa',
    topics: [],
    supportAgreed: [],
  }),
  [
    'pc',
    ev('PeerChallengeDelivered', {
      peerChallengeId: 'pc',
      onSiteFrom: '2019-06-01',
      onSiteTo: '2019-06-02',
      peers: 4,
      kind: 'finance',
    }),
  ],
  ev('ChangeOfControlOfferMade', { offerId: 'o', trigger: 'leader' }),
  ev('ChangeOfControlSupportDelivered', { offerId: 'o', days: 2, memberPeers: 1 }),
  ev('MentoringStarted', {
    mentoringId: 'm',
    menteeId: 'x',
    menteeRole: 'leader',
    peerType: 'member_peer',
  }),
  ev('ProductivityExpertEngaged', { engagementId: 'p', expertId: 'x', focus: 'productivity' }),
  ev('SavingsReported', {
    engagementId: 'p',
    amountPounds: 5,
    kind: 'saving',
    periodFrom: '2019-04-01',
    periodTo: '2020-03-31',
  }),
  [
    'd',
    ev('OfferDelivered', { gss: OTHER, deliveryId: 'd', offerCode: 'ignite', participants: 3 }),
  ],
  ev('RiskSignalRaised', { signalId: 's', kind: 'other', severity: 'low', evidence: 'e' }),
  ev('PoliticalControlChanged', { occurredAt: '2019-05-03', control: 'Green' }),
  ev('EventCorrected', {
    eventId: 'pc',
    targetType: 'PeerChallengeDelivered',
    reason: 'r',
    correction: { kind: 'corporate' },
  }),
  ev('EventRetracted', { gss: OTHER, eventId: 'd', targetType: 'OfferDelivered', reason: 'r' }),
]);

describe('every council projection', () => {
  const projections: readonly Projection[] = COUNCIL_PROJECTIONS(catalogue);

  it.each(projections.map((projection) => [projection.name, projection] as const))(
    '%s: applying the same batch twice, or a prefix then the batch, gives the same documents',
    (_name, projection) => {
      const once = foldInto(projection, batch);
      const snapshot = JSON.stringify([...once]);
      expect(JSON.stringify([...foldInto(projection, batch, once)])).toBe(snapshot);
      const prefixFirst = foldInto(projection, batch, foldInto(projection, batch.slice(0, 9)));
      expect(JSON.stringify([...prefixFirst])).toBe(snapshot);
      expect(projection.version).toBe(2);
      expect([...once.keys()].sort()).toEqual(['E06000023', OTHER]);
    },
  );

  it('ignores events that are not council events or not handled', () => {
    for (const projection of projections) {
      const [first] = batch;
      if (first === undefined) throw new Error('empty batch');
      expect(projection.documentId({ ...first, type: 'SomethingElse' })).toBeNull();
      expect(projection.documentId({ ...first, data: { gss: 'not a gss' } })).toBeNull();
      const doc = projection.evolve(null, first);
      const unknown = { ...first, type: 'SomethingElse', position: 99n };
      expect(projection.evolve(doc, unknown)).toEqual({ ...doc, lastPosition: '99' });
      expect(projection.evolve(null, { ...unknown, type: 'AnnualConversationHeld' })).toBeNull();
    }
  });
});
