import { describe, expect, it } from '@jest/globals';
import { type ScannableEvent, isPersonalFieldName, scanEvent } from './personal-data-scan.js';

const event = (type: string, data: unknown, metadata: unknown = {}): ScannableEvent => ({
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  streamName: 'council-E08000003',
  type,
  data,
  metadata,
});
const kinds = (e: ScannableEvent) => scanEvent(e).map((f) => [f.path, f.kind]);

/** The scanner must be able to fail: each kind of personal data is caught, wherever it is. */
describe('personal-data scan', () => {
  it('passes the events the ledger writes: opaque ids, council and offer names, dates, sums', () => {
    const clean = [
      event('CouncilRegistered', {
        gss: 'E08000003',
        name: 'Manchester City Council',
        occurredAt: '2019-04-01',
      }),
      event(
        'MentoringStarted',
        { gss: 'E08000003', menteeId: 'person-9', occurredAt: '2019-07-01' },
        { recordedBy: 'pa-1', recordedAt: '2020-03-15T12:00:00.000Z', correlationId: 'c-1' },
      ),
      event('RiskSignalRaised', {
        evidence: 'Budget gap of £12m for 2020/21, E09000007, 01 02 2019, 0.5 FTE',
      }),
      event('SnapshotCreated', {
        position: '4294967296123',
        sha256: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        document: {
          offers: [{ offer: 'ignite', name: 'Ignite' }],
          risk: [{ gss: 'E08000021', name: 'Newcastle City Council' }],
        },
      }),
      event('EventCorrected', {
        targetType: 'CouncilRegistered',
        correction: { name: 'Manchester City Council' },
      }),
    ];
    expect(clean.flatMap(scanEvent)).toEqual([]);
  });

  it('finds a name that is not a council’s or an offer’s, at any depth', () => {
    expect(kinds(event('MentoringStarted', { mentee: { name: 'Jo Bloggs' } }))).toEqual([
      ['data.mentee.name', 'personal field'],
    ]);
    expect(
      kinds(event('EventCorrected', { targetType: 'MentoringStarted', correction: { name: 'X' } })),
    ).toEqual([['data.correction.name', 'personal field']]);
  });

  it.each([
    'firstName',
    'last_name',
    'fullName',
    'email',
    'adviserEmail',
    'phone',
    'telephone',
    'mobileNumber',
    'address',
    'homeAddress',
    'postcode',
    'dateOfBirth',
    'date_of_birth',
    'menteeName',
    'contactAddress',
  ])('finds the personal field %s', (field) => {
    expect(isPersonalFieldName(field)).toBe(true);
    expect(kinds(event('T', { list: [{ [field]: 'x' }] }))).toEqual([
      [`data.list[0].${field}`, 'personal field'],
    ]);
  });

  it.each(['gss', 'adviserId', 'menteeId', 'evidence', 'reason', 'offerCode', 'participants'])(
    'leaves the ledger field %s alone',
    (field) => expect(isPersonalFieldName(field)).toBe(false),
  );

  it('finds email addresses and UK phone numbers in values, in data and metadata', () => {
    expect(
      kinds(
        event(
          'RiskSignalRaised',
          {
            evidence: 'Told by jo.bloggs@example.gov.uk',
            topics: ['finance', 'call 07700 900123'],
            correction: { reason: '+44 (0)20 7946 0958' },
          },
          { recordedBy: 'pat@example.org' },
        ),
      ),
    ).toEqual([
      ['data.evidence', 'email address'],
      ['data.topics[1]', 'phone number'],
      ['data.correction.reason', 'phone number'],
      ['metadata.recordedBy', 'email address'],
    ]);
  });
});
