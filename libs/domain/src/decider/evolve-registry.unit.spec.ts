import { describe, it, expect } from '@jest/globals';
import { idMapEntries } from './id-map.js';
import type {} from '../events/events.js';
import { evolve } from './evolve.js';
import { controlAt, initialState, leaderAt, membershipAt } from './state.js';
import { event, given, givenCouncil, registration, registered } from './test-fixtures.js';

describe('evolve: registry events', () => {
  it('CouncilRegistered makes an active council with empty histories', () => {
    const state = registered(given(registration({ validTo: '2020-03-31' })));
    expect(state).toMatchObject({
      status: 'active',
      gss: 'E06000023',
      name: 'Bristol City Council',
      authorityType: 'unitary',
      region: 'South West',
      validFrom: null,
      validTo: '2020-03-31',
      controlHistory: [],
      lastActivityOn: null,
    });
    expect([...idMapEntries(state.events)]).toEqual([
      ['e1', { type: 'CouncilRegistered', retracted: false, subject: null }],
    ]);
  });

  it('ignores a second registration and anything before the first', () => {
    const stray = event('PoliticalControlChanged', { control: 'Labour' });
    expect(evolve(initialState, { eventId: 'x', event: stray })).toBe(initialState);
    const state = givenCouncil();
    expect(evolve(state, { eventId: 'e9', event: registration({ name: 'Other' }) })).toBe(state);
  });

  it('ignores an event id it has already folded, so a replay changes nothing', () => {
    const state = givenCouncil(event('PoliticalControlChanged', { control: 'Labour' }));
    expect(
      evolve(state, {
        eventId: 'e2',
        event: event('PoliticalControlChanged', { control: 'Green' }),
      }),
    ).toBe(state);
  });

  it('PoliticalControlChanged keeps a dated history, back-dated entries in date order', () => {
    const state = givenCouncil(
      event('PoliticalControlChanged', { occurredAt: '2019-05-03', control: 'No overall control' }),
      event('PoliticalControlChanged', { occurredAt: '2018-05-04', control: 'Conservative' }),
    );
    expect(controlAt(state, '2018-05-03')).toBeNull();
    expect(controlAt(state, '2019-04-30')).toBe('Conservative');
    expect(controlAt(state, '2019-05-03')).toBe('No overall control');
    expect(controlAt(registered(state).controlHistory, '2020-01-01')).toBe('No overall control');
    expect(registered(state).lastActivityOn).toBe('2019-05-03');
  });

  it('gives the later record the last word on the same date', () => {
    const state = givenCouncil(
      event('PoliticalControlChanged', { occurredAt: '2019-05-03', control: 'Labour' }),
      event('PoliticalControlChanged', { occurredAt: '2019-05-03', control: 'Green' }),
    );
    expect(controlAt(state, '2019-05-03')).toBe('Green');
  });

  it('LeaderChanged and LgaMembershipChanged keep dated histories', () => {
    const state = givenCouncil(
      event('LeaderChanged', { occurredAt: '2019-05-20', role: 'mayor', leaderId: 'p2' }),
      event('LgaMembershipChanged', { occurredAt: '2019-04-01', membership: 'non_member' }),
    );
    expect(leaderAt(state, '2019-05-19')).toBeNull();
    expect(leaderAt(state, '2019-05-20')).toEqual({ role: 'mayor', leaderId: 'p2' });
    expect(membershipAt(state, '2019-03-31')).toBe('unknown');
    expect(membershipAt(state, '2019-04-01')).toBe('non_member');
    expect(membershipAt(initialState, '2019-04-01')).toBe('unknown');
    expect(controlAt(initialState, '2019-04-01')).toBeNull();
    expect(leaderAt(initialState, '2019-04-01')).toBeNull();
  });

  it('CouncilAbolished ends the council with its successors; a second one is ignored', () => {
    const abolished = event('CouncilAbolished', {
      occurredAt: '2020-03-31',
      lastDay: '2020-03-31',
      successors: ['E06000060'],
    });
    const state = givenCouncil(
      abolished,
      event('CouncilAbolished', {
        occurredAt: '2020-03-31',
        lastDay: '2020-03-01',
        successors: [],
      }),
    );
    expect(state).toMatchObject({
      status: 'abolished',
      lastDay: '2020-03-31',
      successors: ['E06000060'],
      abolishedBy: 'e2',
    });
    expect(registered(state).lastActivityOn).toBeNull();
  });
});
