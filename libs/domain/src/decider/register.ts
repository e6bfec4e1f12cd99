import { COMMAND_LIMITS, type CommandOf } from '../commands/commands.js';
import {
  CouncilAlreadyRegistered,
  DateBeforeCouncilExisted,
  InvalidCommand,
  InvalidLifecycleStep,
  LastDayBeforeRecordedActivity,
} from '../errors.js';
import type { CouncilEvent } from '../events/events.js';
import { AUTHORITY_TYPES, REGIONS } from '../values/council.js';
import { isGssCode } from '../values/identifiers.js';
import type { IsoDate } from '../values/iso-date.js';
import type { DecisionContext } from './context.js';
import {
  requireDate,
  requireLivingCouncil,
  requireNotFuture,
  requireOneOf,
  requireOrdered,
  requireRegistered,
  requireText,
} from './guards.js';
import type { CouncilState } from './state.js';

function optionalDate(field: string, value: IsoDate | null): IsoDate | null {
  return value === null ? null : requireDate(field, value);
}

export function decideRegisterCouncil(
  command: CommandOf<'RegisterCouncil'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const { gss, occurredAt } = command.data;
  if (!isGssCode(gss)) throw new InvalidCommand('gss', 'must be a GSS code such as E06000023');
  const data = {
    gss,
    occurredAt: requireDate('occurredAt', occurredAt),
    name: requireText('name', command.data.name, COMMAND_LIMITS.nameMaxLength),
    authorityType: requireOneOf('authorityType', AUTHORITY_TYPES, command.data.authorityType),
    region: requireOneOf('region', REGIONS, command.data.region),
    validFrom: optionalDate('validFrom', command.data.validFrom),
    validTo: optionalDate('validTo', command.data.validTo),
  };
  requireNotFuture('occurredAt', data.occurredAt, context);
  if (data.validFrom !== null && data.validTo !== null) {
    requireOrdered('validFrom', data.validFrom, 'validTo', data.validTo);
  }
  if (state.status !== 'unregistered') {
    // Loading the register twice must be harmless; only a different registration is refused.
    const same =
      state.gss === gss &&
      state.name === data.name &&
      state.authorityType === data.authorityType &&
      state.region === data.region &&
      state.validFrom === data.validFrom &&
      state.validTo === data.validTo;
    if (same) return [];
    throw new CouncilAlreadyRegistered(gss);
  }
  return [{ type: 'CouncilRegistered', data }];
}

export function requireSuccessors(gss: string, value: unknown): readonly string[] {
  if (!Array.isArray(value)) throw new InvalidCommand('successors', 'must be a list of GSS codes');
  value.forEach((successor, index) => {
    if (!isGssCode(successor)) {
      throw new InvalidCommand(`successors[${index}]`, 'must be a GSS code');
    }
    if (successor === gss) throw new InvalidCommand(`successors[${index}]`, 'cannot be itself');
  });
  if (new Set(value).size !== value.length) {
    throw new InvalidCommand('successors', 'must not repeat a council');
  }
  return value as readonly string[];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

export function decideAbolishCouncil(
  command: CommandOf<'AbolishCouncil'>,
  state: CouncilState,
  context: DecisionContext,
): CouncilEvent[] {
  const registered = requireRegistered(command, state);
  const lastDay = requireDate('lastDay', command.data.lastDay);
  const successors = requireSuccessors(registered.gss, command.data.successors);
  if (registered.status === 'abolished') {
    if (registered.lastDay === lastDay && sameList(registered.successors, successors)) return [];
    throw new InvalidLifecycleStep(
      'council',
      registered.gss,
      'abolished',
      'abolish it again differently (correct the abolition instead)',
    );
  }
  const council = requireLivingCouncil(command, state, context);
  if (council.validFrom !== null && lastDay < council.validFrom) {
    throw new DateBeforeCouncilExisted(council.gss, council.validFrom, lastDay, 'lastDay');
  }
  if (council.lastActivityOn !== null && lastDay < council.lastActivityOn) {
    throw new LastDayBeforeRecordedActivity(council.gss, lastDay, council.lastActivityOn);
  }
  return [
    {
      type: 'CouncilAbolished',
      data: { gss: council.gss, occurredAt: command.data.occurredAt, lastDay, successors },
    },
  ];
}
