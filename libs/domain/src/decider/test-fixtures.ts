// Builders for the decider's given/when/then tests. Pure, like the rest of the domain.
import { catalogueOf, type CatalogueOffer } from '../catalogue/catalogue.js';
import type { CommandOf, CouncilCommandType } from '../commands/commands.js';
import type {
  CouncilEvent,
  CouncilEventType,
  EventOf,
  RecordedCouncilEvent,
} from '../events/events.js';
import type { DecisionContext } from './context.js';
import { decide } from './decide.js';
import { evolve, foldCouncil } from './evolve.js';
import type { CouncilState, RegisteredCouncilState } from './state.js';

export const GSS = 'E06000023';
export const TODAY = '2020-06-30';
export const ON = '2019-06-03';

function offer(code: string, extra: Partial<CatalogueOffer> = {}): CatalogueOffer {
  return {
    code,
    name: code,
    theme: 'leadership_and_capacity',
    objectives: [1],
    unit: 'participants',
    interaction: null,
    peerChallengeKind: null,
    ...extra,
  };
}

/** A small two-year catalogue: 'ignite' only in 2019/20, 'next-generation' in both years. */
export const catalogue = catalogueOf([
  {
    financialYear: 2019,
    source: 'test',
    offers: [
      offer('ignite'),
      offer('next-generation'),
      offer('mentoring', { interaction: 'MentoringStarted', unit: 'engagements' }),
      offer('peer-challenge-corporate', {
        interaction: 'PeerChallengeDelivered',
        peerChallengeKind: 'corporate',
        unit: 'engagements',
      }),
    ],
  },
  { financialYear: 2020, source: 'test', offers: [offer('next-generation')] },
]);

export const context: DecisionContext = { today: TODAY, catalogue };

type Data<T extends { data: unknown }> = Omit<T['data'], 'gss' | 'occurredAt'> & {
  gss?: string;
  occurredAt?: string;
};

export function command<T extends CouncilCommandType>(
  type: T,
  data: Data<CommandOf<T>>,
): CommandOf<T> {
  return { type, data: { gss: GSS, occurredAt: ON, ...data } } as unknown as CommandOf<T>;
}

export function event<T extends CouncilEventType>(type: T, data: Data<EventOf<T>>): EventOf<T> {
  return { type, data: { gss: GSS, occurredAt: ON, ...data } } as unknown as EventOf<T>;
}

export const registration = (extra: Partial<Data<EventOf<'CouncilRegistered'>>> = {}) =>
  event('CouncilRegistered', {
    occurredAt: '2016-04-01',
    name: 'Bristol City Council',
    authorityType: 'unitary',
    region: 'South West',
    validFrom: null,
    validTo: null,
    ...extra,
  });

/** Events get ids e1, e2, ... in order unless given as recorded events with their own id. */
export function recorded(events: readonly (CouncilEvent | RecordedCouncilEvent)[]) {
  return events.map((item, index) =>
    'eventId' in item ? item : { eventId: `e${index + 1}`, event: item },
  );
}

export function given(...events: (CouncilEvent | RecordedCouncilEvent)[]): CouncilState {
  return foldCouncil(recorded(events));
}

/** A registered council (event e1) with the given events after it (e2, ...). */
export function givenCouncil(...events: (CouncilEvent | RecordedCouncilEvent)[]): CouncilState {
  return given(registration(), ...events);
}

export function when(state: CouncilState, cmd: CommandOf<CouncilCommandType>): CouncilEvent[] {
  return decide(cmd, state, context);
}

/** Decides and folds the result, numbering new events on from those already folded. */
export function after(state: CouncilState, cmd: CommandOf<CouncilCommandType>): CouncilState {
  const known = state.status === 'unregistered' ? 0 : state.events.size;
  return when(state, cmd).reduce(
    (current, next, index) => evolve(current, { eventId: `e${known + index + 1}`, event: next }),
    state,
  );
}

/** Narrows a state the test knows is registered. */
export function registered(state: CouncilState): RegisteredCouncilState {
  if (state.status === 'unregistered') throw new Error('expected a registered council');
  return state;
}
