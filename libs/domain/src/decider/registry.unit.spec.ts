import { describe, it, expect } from '@jest/globals';
import { InvalidCommand } from '../errors.js';
import { command, event, givenCouncil, when } from './test-fixtures.js';

describe('ChangePoliticalControl', () => {
  const change = (control: string, occurredAt = '2019-05-03') =>
    command('ChangePoliticalControl', { control: control as 'Labour', occurredAt });

  it('given a council with no known control, records the change', () => {
    expect(when(givenCouncil(), change('Labour'))).toEqual([
      event('PoliticalControlChanged', { occurredAt: '2019-05-03', control: 'Labour' }),
    ]);
  });

  it('given the same control already in force on that date, decides nothing', () => {
    const state = givenCouncil(
      event('PoliticalControlChanged', { occurredAt: '2018-05-04', control: 'Labour' }),
    );
    expect(when(state, change('Labour'))).toEqual([]);
  });

  it('given that control only from a later date, records the back-dated change', () => {
    const state = givenCouncil(
      event('PoliticalControlChanged', { occurredAt: '2019-06-01', control: 'Labour' }),
    );
    expect(when(state, change('Labour', '2019-05-03'))).toHaveLength(1);
  });

  it('given an unknown control, throws InvalidCommand', () => {
    expect(() => when(givenCouncil(), change('Reform'))).toThrow(InvalidCommand);
  });
});

describe('ChangeLeader', () => {
  const change = (leaderId: string, role: 'leader' | 'mayor' = 'leader') =>
    command('ChangeLeader', { role, leaderId });

  it('given a new leader, records the change', () => {
    expect(when(givenCouncil(), change('person-1'))).toEqual([
      event('LeaderChanged', { role: 'leader', leaderId: 'person-1' }),
    ]);
  });

  it('given the same leader in the same role, decides nothing', () => {
    const state = givenCouncil(
      event('LeaderChanged', { occurredAt: '2019-05-01', role: 'leader', leaderId: 'person-1' }),
    );
    expect(when(state, change('person-1'))).toEqual([]);
  });

  it('given the same person becoming mayor, records the change', () => {
    const state = givenCouncil(
      event('LeaderChanged', { occurredAt: '2019-05-01', role: 'leader', leaderId: 'person-1' }),
    );
    expect(when(state, change('person-1', 'mayor'))).toHaveLength(1);
  });

  it('given a name instead of an opaque id, throws InvalidCommand', () => {
    expect(() => when(givenCouncil(), change('Jane Smith'))).toThrow(
      expect.objectContaining({ field: 'leaderId' }),
    );
  });

  it('given a role other than leader or mayor, throws InvalidCommand', () => {
    const cmd = command('ChangeLeader', { role: 'councillor' as 'leader', leaderId: 'p1' });
    expect(() => when(givenCouncil(), cmd)).toThrow(expect.objectContaining({ field: 'role' }));
  });
});

describe('ChangeLgaMembership', () => {
  const change = (membership: string) =>
    command('ChangeLgaMembership', { membership: membership as 'member' });

  it('given unknown membership, records the first known value', () => {
    expect(when(givenCouncil(), change('member'))).toEqual([
      event('LgaMembershipChanged', { membership: 'member' }),
    ]);
  });

  it('given the same membership in force, decides nothing', () => {
    const state = givenCouncil(
      event('LgaMembershipChanged', { occurredAt: '2019-01-01', membership: 'member' }),
    );
    expect(when(state, change('member'))).toEqual([]);
    expect(when(state, change('non_member'))).toHaveLength(1);
  });

  it("given 'unknown', throws InvalidCommand: membership is never un-known", () => {
    expect(() => when(givenCouncil(), change('unknown'))).toThrow(InvalidCommand);
  });
});
