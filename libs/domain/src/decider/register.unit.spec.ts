import { describe, it, expect } from '@jest/globals';
import {
  CouncilAbolished,
  CouncilAlreadyRegistered,
  CouncilNotRegistered,
  DateBeforeCouncilExisted,
  DateInFuture,
  DateOutOfRange,
  InvalidCommand,
  InvalidLifecycleStep,
  LastDayBeforeRecordedActivity,
} from '../errors.js';
import type { CommandOf } from '../commands/commands.js';
import { decide } from './decide.js';
import { initialState } from './state.js';
import {
  command,
  context,
  event,
  given,
  givenCouncil,
  registration,
  when,
} from './test-fixtures.js';

const register = (extra: Partial<CommandOf<'RegisterCouncil'>['data']> = {}) =>
  command('RegisterCouncil', {
    occurredAt: '2016-04-01',
    name: 'Bristol City Council',
    authorityType: 'unitary',
    region: 'South West',
    validFrom: null,
    validTo: null,
    ...extra,
  });

describe('RegisterCouncil', () => {
  it('given no council, registers it', () => {
    expect(when(initialState, register())).toEqual([registration()]);
  });

  it('keeps only the fields of the registration', () => {
    const cmd = register();
    const withExtra = { ...cmd, data: { ...cmd.data, leader: 'Jane' } } as typeof cmd;
    expect(when(initialState, withExtra)).toEqual([registration()]);
  });

  it('given the same registration again, decides nothing', () => {
    expect(when(givenCouncil(), register())).toEqual([]);
  });

  it('given a different registration, throws CouncilAlreadyRegistered', () => {
    expect(() => when(givenCouncil(), register({ name: 'Bristol' }))).toThrow(
      CouncilAlreadyRegistered,
    );
  });

  it.each([
    ['gss', { gss: 'W06000023' }],
    ['name', { name: ' ' }],
    ['authorityType', { authorityType: 'parish' }],
    ['region', { region: 'Wales' }],
  ])('given a bad %s, throws InvalidCommand', (field, extra) => {
    expect(() => when(initialState, register(extra as object))).toThrow(
      expect.objectContaining({ code: 'InvalidCommand', field }),
    );
  });

  it('given validTo before validFrom, throws DateOutOfRange', () => {
    const cmd = register({
      validFrom: '2020-04-01',
      validTo: '2020-03-31',
      occurredAt: '2020-04-01',
    });
    expect(() => when(initialState, cmd)).toThrow(DateOutOfRange);
  });

  it.each([
    ['validFrom', { validFrom: '2019-02-30' }],
    ['validTo', { validTo: '1999-12-31' }],
    ['occurredAt', { occurredAt: '2019/04/01' }],
  ])('given a bad %s, throws DateOutOfRange', (_field, extra) => {
    expect(() => when(initialState, register(extra))).toThrow(DateOutOfRange);
  });

  it('given a registration dated after today, throws DateInFuture', () => {
    expect(() => when(initialState, register({ occurredAt: '2021-04-01' }))).toThrow(DateInFuture);
  });

  it('registers a council created later with its start date', () => {
    const cmd = register({
      validFrom: '2019-04-01',
      occurredAt: '2019-04-01',
      validTo: '2020-03-31',
    });
    expect(when(initialState, cmd)[0]?.data).toMatchObject({
      validFrom: '2019-04-01',
      validTo: '2020-03-31',
    });
  });
});

describe('guards shared by every command but RegisterCouncil', () => {
  const control = (occurredAt: string, gss?: string) =>
    command('ChangePoliticalControl', { control: 'Labour', occurredAt, ...(gss ? { gss } : {}) });

  it('given an unregistered council, throws CouncilNotRegistered', () => {
    expect(() => when(initialState, control('2019-06-01'))).toThrow(CouncilNotRegistered);
  });

  it('given a command for another council than the one loaded, throws InvalidCommand', () => {
    expect(() => when(givenCouncil(), control('2019-06-01', 'E06000024'))).toThrow(InvalidCommand);
  });

  it('given a date after today, throws DateInFuture', () => {
    expect(() => when(givenCouncil(), control('2020-07-01'))).toThrow(DateInFuture);
  });

  it.each(['1999-12-31', '2019-02-29', 'yesterday'])(
    'given occurredAt %s, throws DateOutOfRange',
    (date) => {
      expect(() => when(givenCouncil(), control(date))).toThrow(DateOutOfRange);
    },
  );

  it('given a date before the council existed, throws DateBeforeCouncilExisted', () => {
    const state = given(registration({ validFrom: '2019-04-01', occurredAt: '2019-04-01' }));
    expect(() => when(state, control('2019-03-31'))).toThrow(DateBeforeCouncilExisted);
    expect(when(state, control('2019-04-01'))).toHaveLength(1);
  });

  it('given a date after the register end date, throws CouncilAbolished', () => {
    const state = given(registration({ validTo: '2020-03-31' }));
    expect(() => when(state, control('2020-04-01'))).toThrow(CouncilAbolished);
    expect(when(state, control('2020-03-31'))).toHaveLength(1);
  });

  it('given a date after abolition, throws CouncilAbolished; a back-dated one is still taken', () => {
    const state = givenCouncil(
      event('CouncilAbolished', {
        occurredAt: '2019-03-31',
        lastDay: '2019-03-31',
        successors: [],
      }),
    );
    expect(() => when(state, control('2019-04-01'))).toThrow(CouncilAbolished);
    expect(when(state, control('2019-03-01'))).toHaveLength(1);
  });

  it('given a clock that is not a date, fails as a wiring fault', () => {
    expect(() =>
      decide(control('2019-06-01'), givenCouncil(), { ...context, today: 'now' }),
    ).toThrow('is not a date');
  });

  it('given an unknown command type, throws InvalidCommand', () => {
    const bogus = { type: 'MergeCouncil', data: { gss: 'E06000023', occurredAt: '2019-06-01' } };
    expect(() => when(givenCouncil(), bogus as never)).toThrow(InvalidCommand);
  });
});

describe('AbolishCouncil', () => {
  const abolish = (lastDay = '2020-03-31', successors: string[] = ['E06000060']) =>
    command('AbolishCouncil', { occurredAt: '2020-03-31', lastDay, successors });

  it('given a living council, abolishes it', () => {
    expect(when(givenCouncil(), abolish())).toEqual([
      event('CouncilAbolished', {
        occurredAt: '2020-03-31',
        lastDay: '2020-03-31',
        successors: ['E06000060'],
      }),
    ]);
  });

  it('given the same abolition again, decides nothing', () => {
    const state = givenCouncil(...when(givenCouncil(), abolish()));
    expect(when(state, abolish())).toEqual([]);
  });

  it('given a different abolition of an abolished council, throws InvalidLifecycleStep', () => {
    const state = givenCouncil(...when(givenCouncil(), abolish()));
    expect(() => when(state, abolish('2020-03-30'))).toThrow(InvalidLifecycleStep);
    expect(() => when(state, abolish('2020-03-31', []))).toThrow(InvalidLifecycleStep);
  });

  it('given a last day before the council existed, throws DateBeforeCouncilExisted', () => {
    const state = given(registration({ validFrom: '2019-04-01', occurredAt: '2019-04-01' }));
    expect(() => when(state, abolish('2019-03-31'))).toThrow(DateBeforeCouncilExisted);
  });

  it('given support recorded after the last day, throws LastDayBeforeRecordedActivity', () => {
    const state = givenCouncil(
      event('PoliticalControlChanged', { occurredAt: '2020-01-10', control: 'Labour' }),
    );
    expect(() => when(state, abolish('2020-01-09'))).toThrow(LastDayBeforeRecordedActivity);
  });

  it.each([
    ['successors', 'E06000060'],
    ['successors[0]', ['X1']],
    ['successors[0]', ['E06000023']],
    ['successors', ['E06000060', 'E06000060']],
  ])('given bad successors, throws InvalidCommand on %s', (field, successors) => {
    const cmd = command('AbolishCouncil', {
      occurredAt: '2020-03-31',
      lastDay: '2020-03-31',
      successors: successors as string[],
    });
    expect(() => when(givenCouncil(), cmd)).toThrow(expect.objectContaining({ field }));
  });

  it('given a bad last day, throws DateOutOfRange', () => {
    expect(() => when(givenCouncil(), abolish('2020-02-30'))).toThrow(DateOutOfRange);
  });
});
