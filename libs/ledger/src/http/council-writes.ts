import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import type { CouncilCommand } from '#domain';
import type { Actor } from '../auth/actor.js';
import { BadRequest } from '../errors.js';
import { type CommandResult, ExecuteCouncilCommand } from '../write/execute-council-command.js';

export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

interface Reply {
  header(name: string, value: string): unknown;
  status(code: number): unknown;
}

export class WriteResponse {
  @ApiProperty({ example: 'E06000023' }) gss!: string;
  @ApiProperty({
    description: 'Stream revision after the write (also the ETag)',
    example: '42',
    nullable: true,
  })
  revision!: string | null;
  @ApiProperty({
    description: 'Ledger position of the last event written',
    example: '1234',
    nullable: true,
  })
  position!: string | null;
  @ApiProperty({
    type: [String],
    description: 'Ids of the events written (empty when nothing changed)',
  })
  eventIds!: string[];
  @ApiProperty({
    description: 'True when an Idempotency-Key matched an earlier request: nothing was written',
  })
  replayed!: boolean;
}

const TOKEN = /^[\x21-\x7e]{1,200}$/;

function single(headers: RequestHeaders, name: string): string | undefined {
  const value = headers[name];
  if (Array.isArray(value)) throw new BadRequest(name, 'must be sent once');
  return value;
}

/** `"12"`, `W/"12"` or `12` → 12n; `"-1"` asks that the stream not exist yet. */
export function parseIfMatch(value: string | undefined): bigint | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"?(-1|0|[1-9]\d{0,18})"?$/.exec(value.trim());
  if (!match)
    throw new BadRequest('If-Match', 'must be a stream revision as returned in an ETag, e.g. "12"');
  return BigInt(match[1]!);
}

function headerToken(headers: RequestHeaders, name: string): string | undefined {
  const value = single(headers, name);
  if (value === undefined) return undefined;
  if (!TOKEN.test(value)) throw new BadRequest(name, 'must be 1-200 visible ASCII characters');
  return value;
}

/**
 * The HTTP side of every write: reads Idempotency-Key, If-Match and the
 * correlation id, sends the command through the bus, and answers with the
 * revision as an ETag.
 */
@Injectable()
export class CouncilWrites {
  constructor(private readonly commandBus: CommandBus) {}

  async execute(
    command: CouncilCommand,
    actor: Actor,
    headers: RequestHeaders,
    reply: Reply,
  ): Promise<WriteResponse> {
    const idempotencyKey = headerToken(headers, 'idempotency-key');
    const ifMatch = parseIfMatch(single(headers, 'if-match'));
    const correlationId = headerToken(headers, 'x-correlation-id');
    const result: CommandResult = await this.commandBus.execute(
      new ExecuteCouncilCommand(command, actor, {
        ...(idempotencyKey ? { idempotencyKey } : {}),
        ...(ifMatch !== undefined ? { ifMatch } : {}),
        ...(correlationId ? { correlationId } : {}),
      }),
    );
    if (result.revision !== undefined) reply.header('etag', `"${result.revision}"`);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    reply.status(result.replayed || result.eventIds.length === 0 ? 200 : 201);
    return {
      gss: command.data.gss,
      revision: result.revision === undefined ? null : String(result.revision),
      position: result.position === undefined ? null : String(result.position),
      eventIds: [...result.eventIds],
      replayed: result.replayed,
    };
  }
}
