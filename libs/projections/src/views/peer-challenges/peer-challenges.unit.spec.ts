import { describe, it, expect } from '@jest/globals';
import { docOf, docsOf, ev, OTHER, registration, plain } from '../test-fixtures.js';
import { peerChallengeCoverage } from './peer-challenge-coverage.view.js';
import { peerChallengesProjection as projection } from './peer-challenges.projection.js';

const delivered = (
  occurredAt: string,
  id: string,
  kind: 'corporate' | 'finance' | 'communications',
  gss?: string,
) =>
  ev('PeerChallengeDelivered', {
    gss,
    occurredAt,
    peerChallengeId: id,
    onSiteFrom: occurredAt,
    onSiteTo: occurredAt,
    peers: 4,
    kind,
  });

describe('peer-challenges projection', () => {
  it('keeps deliveries by event id, with corrections of kind and date, and drops retracted ones', () => {
    const doc = docOf(projection, [
      registration(),
      ['d1', delivered('2015-06-01', 'pc1', 'communications')],
      ['d2', delivered('2016-06-01', 'pc2', 'finance')],
      ['d1', delivered('2015-06-01', 'pc1', 'communications')],
      ev('EventCorrected', {
        eventId: 'd1',
        targetType: 'PeerChallengeDelivered',
        reason: 'r',
        correction: { kind: 'corporate', occurredAt: '2015-06-02' },
      }),
      ev('EventCorrected', {
        eventId: 'rq',
        targetType: 'PeerChallengeRequested',
        reason: 'r',
        correction: { kind: 'finance' },
      }),
      ev('EventRetracted', { eventId: 'd2', targetType: 'PeerChallengeDelivered', reason: 'r' }),
      ev('PeerChallengeRequested', { peerChallengeId: 'pc3', kind: 'corporate' }),
    ]);
    expect(plain(doc.delivered)).toEqual({
      d1: { id: 'pc1', kind: 'corporate', on: '2015-06-02' },
    });
  });
});

describe('peerChallengeCoverage', () => {
  const third = 'E07000001';
  const gone = 'E07000002';
  const docs = docsOf([
    registration(),
    registration({ gss: OTHER, name: 'Other' }),
    registration({ gss: third, name: 'Third' }),
    registration({ gss: gone, name: 'Gone', validTo: '2019-03-31' }),
    delivered('2016-03-01', 'a', 'corporate'),
    delivered('2012-05-01', 'b', 'finance', OTHER),
    delivered('2019-01-01', 'c', 'communications', third),
  ]);

  it('lists councils with none in five years, none since 2013 and never, among those existing', () => {
    const coverage = peerChallengeCoverage({ asOfDate: '2021-03-01', docs });
    expect(coverage.councils).toBe(3);
    expect(coverage.windowStartsAfter).toBe('2016-03-01');
    expect(coverage.noneInWindow.map((gap) => [gap.gss, gap.lastDeliveredOn])).toEqual([
      ['E06000023', '2016-03-01'],
      [third, null],
      [OTHER, '2012-05-01'],
    ]);
    expect(coverage.noneSince.map((gap) => gap.gss)).toEqual([third, OTHER]);
    expect(coverage.never.map((gap) => gap.gss)).toEqual([third]);
  });

  it('counts a delivery one day inside the window, and takes other kinds when asked', () => {
    expect(
      peerChallengeCoverage({ asOfDate: '2021-02-28', docs }).noneInWindow.map((g) => g.gss),
    ).toEqual([third, OTHER]);
    const anyKind = peerChallengeCoverage({
      asOfDate: '2021-02-28',
      docs,
      kinds: ['communications'],
    });
    expect(anyKind.never.map((gap) => gap.gss)).toEqual(['E06000023', OTHER]);
  });
});
