import { describe, it, expect } from '@jest/globals';
import * as errors from './errors.js';

// Clients and the exception filter switch on code and kind: they must never drift.
const cases: [errors.DomainError, string, errors.DomainErrorKind][] = [
  [new errors.CouncilNotRegistered('E06000023'), 'CouncilNotRegistered', 'not_found'],
  [new errors.CouncilAlreadyRegistered('E06000023'), 'CouncilAlreadyRegistered', 'conflict'],
  [
    new errors.CouncilAbolished('E06000023', '2020-03-31', '2020-04-01'),
    'CouncilAbolished',
    'conflict',
  ],
  [
    new errors.DateBeforeCouncilExisted('E06000023', '2019-04-01', '2019-03-31'),
    'DateBeforeCouncilExisted',
    'invalid',
  ],
  [new errors.DateInFuture('2030-01-01', '2020-01-01'), 'DateInFuture', 'invalid'],
  [new errors.DateOutOfRange('onSiteTo', 'before onSiteFrom'), 'DateOutOfRange', 'invalid'],
  [
    new errors.LastDayBeforeRecordedActivity('E06000023', '2020-01-01', '2020-02-01'),
    'LastDayBeforeRecordedActivity',
    'conflict',
  ],
  [new errors.DuplicateEngagementId('pc1', 'peer challenge'), 'DuplicateEngagementId', 'conflict'],
  [new errors.EngagementNotFound('mentoring', 'm1'), 'EngagementNotFound', 'not_found'],
  [
    new errors.InvalidLifecycleStep('peer challenge', 'pc1', 'delivered', 'deliver it'),
    'InvalidLifecycleStep',
    'conflict',
  ],
  [new errors.OfferNotInCatalogue('ignite', '2020/21'), 'OfferNotInCatalogue', 'invalid'],
  [new errors.EventNotFound('e1'), 'EventNotFound', 'not_found'],
  [new errors.EventAlreadyRetracted('e1'), 'EventAlreadyRetracted', 'conflict'],
  [new errors.InvalidCommand('service', 'missing'), 'InvalidCommand', 'invalid'],
  [new errors.UnknownEventType('X'), 'UnknownEventType', 'invalid'],
  [new errors.UnsupportedSchemaVersion('X', 2), 'UnsupportedSchemaVersion', 'invalid'],
  [
    new errors.InvalidReferenceData('targets/2019-20.json', 'targets[0]', 'bad'),
    'InvalidReferenceData',
    'invalid',
  ],
];

describe('domain errors', () => {
  it.each(cases)('%s has a stable code and kind', (error, code, kind) => {
    expect(error).toBeInstanceOf(errors.DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.name).toBe(code);
    expect(error.kind).toBe(kind);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('names the facts involved', () => {
    expect(new errors.DateInFuture('2030-01-01', '2020-01-01').details).toEqual({
      date: '2030-01-01',
      today: '2020-01-01',
      field: 'occurredAt',
    });
    expect(new errors.InvalidCommand('peers', 'too many').field).toBe('peers');
  });
});
