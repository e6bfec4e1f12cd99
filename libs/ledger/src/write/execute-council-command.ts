import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import { type EventToAppend, WrongExpectedRevision } from '#event-store';
import {
  type CouncilCommand,
  type CouncilEvent,
  type CouncilEventType,
  type CouncilState,
  EVENT_SCHEMA_VERSION,
  entry,
  type OfferCatalogue,
  councilStreamName,
  decide,
} from '#domain';
import { type Actor, patchCovers } from '../auth/actor.js';
import { Clock, londonDate } from '../shared/clock.js';
import { eventIdsFor } from '../shared/event-ids.js';
import {
  ConcurrencyConflict,
  Forbidden,
  IdempotencyKeyReused,
  PreconditionFailed,
} from '../errors.js';
import { sha256Hex } from '../snapshots/canonical-json.js';
import { LEDGER_CONFIG, OFFER_CATALOGUE } from '../tokens.js';
import type { LedgerConfig } from '../config/ledger-config.js';
import { CouncilRepository, type EarlierAppend, type LoadedCouncil } from './council-repository.js';
import { StreamTurns } from './stream-turns.js';
import { LedgerMetrics } from '../operations/ledger-metrics.js';
import { noteCorrelationId } from '../operations/request-context.js';

/** A council command with who sent it and how: the one message every write goes through. */
export class ExecuteCouncilCommand {
  constructor(
    readonly command: CouncilCommand,
    readonly actor: Actor,
    readonly options: {
      readonly idempotencyKey?: string;
      /** Expected stream revision from If-Match; -1n for "the stream must not exist". */
      readonly ifMatch?: bigint;
      readonly correlationId?: string;
      readonly causationId?: string;
    } = {},
  ) {}
}

export interface CommandResult {
  readonly streamName: string;
  /** Stream revision after the command; undefined if the stream still does not exist. */
  readonly revision: bigint | undefined;
  /** Position of the last event written, if any. */
  readonly position: bigint | undefined;
  readonly eventIds: readonly string[];
  /** True when an Idempotency-Key matched an earlier request and nothing was written. */
  readonly replayed: boolean;
}

const REGISTER_COMMANDS: ReadonlySet<CouncilCommand['type']> = new Set([
  'RegisterCouncil',
  'ChangePoliticalControl',
  'ChangeLeader',
  'ChangeLgaMembership',
  'AbolishCouncil',
]);

const REGISTER_EVENTS: ReadonlySet<CouncilEventType> = new Set([
  'CouncilRegistered',
  'PoliticalControlChanged',
  'LeaderChanged',
  'LgaMembershipChanged',
  'CouncilAbolished',
]);

/**
 * Load, decide, append with the expected revision. A concurrent write makes the
 * append fail; the command is then decided again on the fresh state, up to the
 * configured number of times (never when the caller pinned a revision with If-Match).
 */
@CommandHandler(ExecuteCouncilCommand)
export class ExecuteCouncilCommandHandler implements ICommandHandler<
  ExecuteCouncilCommand,
  CommandResult
> {
  private readonly turns = new StreamTurns();

  constructor(
    private readonly councils: CouncilRepository,
    private readonly clock: Clock,
    @Inject(OFFER_CATALOGUE) private readonly catalogue: OfferCatalogue,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    private readonly metrics: LedgerMetrics,
  ) {}

  /** Counted by command type and outcome (ledger_commands_total). */
  execute(message: ExecuteCouncilCommand): Promise<CommandResult> {
    const stream = councilStreamName(message.command.data.gss);
    return this.metrics.countCommand(message.command.type, () =>
      this.turns.take(stream, () => this.decideAndAppend(message)),
    );
  }

  private async decideAndAppend({
    command,
    actor,
    options,
  }: ExecuteCouncilCommand): Promise<CommandResult> {
    const streamName = councilStreamName(command.data.gss);
    const attempts = options.ifMatch === undefined ? this.config.commandRetries + 1 : 1;
    // One request, one correlation id, however many events it writes.
    const correlationId = options.correlationId ?? randomUUID();
    noteCorrelationId(correlationId);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const loaded = await this.councils.load(streamName);
      // A replay answers only to whoever may make the request in the first place.
      authorize(actor, command, loaded.state);
      const earlier = options.idempotencyKey && loaded.byIdempotencyKey.get(options.idempotencyKey);
      if (earlier) return replayOf(earlier, command, options.idempotencyKey, streamName);
      checkIfMatch(options.ifMatch, loaded);
      const now = this.clock.now();
      const events = decide(command, loaded.state, {
        today: londonDate(now),
        catalogue: this.catalogue,
      });
      if (events.length === 0) {
        return {
          streamName,
          revision: loaded.revision,
          position: undefined,
          eventIds: [],
          replayed: false,
        };
      }
      const ids = eventIdsFor(streamName, events.length, options.idempotencyKey);
      const fingerprint = options.idempotencyKey ? requestFingerprint(command) : undefined;
      const toAppend = events.map((event, index) =>
        envelope(event, ids[index]!, actor, now, { ...options, correlationId }, fingerprint),
      );
      try {
        const result = await this.councils.append(loaded, toAppend);
        // A concurrent request with the same key got there first: the store appended nothing.
        if (result.duplicate && options.idempotencyKey !== undefined) {
          const first = (await this.councils.load(streamName)).byIdempotencyKey.get(
            options.idempotencyKey,
          );
          if (first) return replayOf(first, command, options.idempotencyKey, streamName);
        }
        if (result.duplicate)
          return replayed(streamName, result.nextExpectedRevision, result.position);
        return {
          streamName,
          revision: result.nextExpectedRevision,
          position: result.position,
          eventIds: ids,
          replayed: false,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        if (options.ifMatch !== undefined)
          throw new PreconditionFailed(options.ifMatch, error.actual);
        if (attempt < attempts) await contentionPause(attempt);
      }
    }
    throw new ConcurrencyConflict(streamName, attempts);
  }
}

/**
 * Commands to one stream take turns within a process (StreamTurns), so a lost
 * race is against another process. Losers that re-decide in lockstep collide
 * again: a short random pause, growing with each loss, breaks the lockstep. It
 * stays short because the winner keeps writing meanwhile.
 */
const contentionPause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));

/**
 * What a keyed request asked for: the command's type and data in canonical JSON, hashed.
 * Kept in the metadata of the events it wrote, so a retry can be told from a different
 * request that reused the key.
 */
export function requestFingerprint(command: CouncilCommand): string {
  const request = { type: command.type, data: command.data };
  try {
    return sha256Hex(request);
  } catch {
    // Validated commands are plain JSON; should one ever not be, a plain hash still tells apart.
    return createHash('sha256').update(JSON.stringify(request)).digest('hex');
  }
}

/** The first result again, if this is the same request; a different one under the key is refused. */
function replayOf(
  earlier: EarlierAppend,
  command: CouncilCommand,
  key: string,
  streamName: string,
): CommandResult {
  if (earlier.fingerprint !== undefined && earlier.fingerprint !== requestFingerprint(command))
    throw new IdempotencyKeyReused(key);
  return replayed(streamName, earlier.revision, earlier.position);
}

const replayed = (streamName: string, revision: bigint, position: bigint): CommandResult => ({
  streamName,
  revision,
  position,
  eventIds: [],
  replayed: true,
});

/** Correcting or retracting a register fact is itself a change to the register. */
function amendsRegister(command: CouncilCommand, state: CouncilState): boolean {
  if (command.type !== 'CorrectEvent' && command.type !== 'RetractEvent') return false;
  if (state.status === 'unregistered') return false;
  const target = entry(state.events, command.data.eventId);
  return target !== undefined && REGISTER_EVENTS.has(target.type);
}

function authorize(actor: Actor, command: CouncilCommand, state: CouncilState): void {
  if (REGISTER_COMMANDS.has(command.type) || amendsRegister(command, state)) {
    if (actor.role !== 'admin')
      throw new Forbidden(`only an admin may change the register (${command.type})`);
    return;
  }
  const region = state.status === 'unregistered' ? undefined : state.region;
  if (!patchCovers(actor, { gss: command.data.gss, region })) {
    throw new Forbidden(`${command.data.gss} is outside the patch of ${actor.subject}`);
  }
}

function checkIfMatch(ifMatch: bigint | undefined, loaded: LoadedCouncil): void {
  if (ifMatch === undefined) return;
  const actual = loaded.revision ?? -1n;
  if (actual !== ifMatch) throw new PreconditionFailed(ifMatch, loaded.revision);
}

function envelope(
  event: CouncilEvent,
  id: string,
  actor: Actor,
  now: Date,
  options: ExecuteCouncilCommand['options'],
  fingerprint: string | undefined,
): EventToAppend {
  const correlationId = options.correlationId ?? randomUUID();
  return {
    id,
    type: event.type,
    data: event.data,
    metadata: {
      schemaVersion: EVENT_SCHEMA_VERSION[event.type],
      recordedAt: now.toISOString(),
      recordedBy: actor.subject,
      correlationId,
      causationId: options.causationId ?? correlationId,
      ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
      ...(fingerprint ? { requestFingerprint: fingerprint } : {}),
    },
  };
}
