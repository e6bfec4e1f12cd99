import { createHash } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { type CouncilCommand, COMMAND_TYPES, isEntityId, isGssCode, isOneOf } from '#domain';
import { VALIDATOR_OPTIONS, fieldErrors } from '../http/validation.js';
import { IMPORT_COMMANDS } from './import-commands.js';

export interface ParsedLine {
  readonly command: CouncilCommand;
  readonly idempotencyKey: string;
}

export class RejectedLine extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^[\x21-\x7e]{1,200}$/;
const LINE_FIELDS = new Set(['command', 'council', 'data', 'idempotencyKey']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One NDJSON line → the command the API would build from the same fields,
 * validated by the same DTO with the same options. A line without an
 * idempotency key gets one from its own bytes, so re-running a file appends nothing.
 */
export async function parseImportLine(text: string): Promise<ParsedLine> {
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch (error) {
    throw new RejectedLine(`not JSON: ${(error as Error).message}`);
  }
  if (!isPlainObject(line)) throw new RejectedLine('a line must be a JSON object');
  const unknown = Object.keys(line).filter((key) => !LINE_FIELDS.has(key));
  if (unknown.length > 0)
    throw new RejectedLine(
      `${unknown[0]}: unknown field (expected command, council, data, idempotencyKey)`,
    );
  const { command, council, data, idempotencyKey } = line;
  if (!isOneOf(COMMAND_TYPES, command))
    throw new RejectedLine(`command: must be one of ${COMMAND_TYPES.join(', ')}`);
  if (!isGssCode(council))
    throw new RejectedLine('council: must be an English GSS code: E followed by 8 digits');
  if (!isPlainObject(data)) throw new RejectedLine('data: must be a JSON object');
  if (
    idempotencyKey !== undefined &&
    (typeof idempotencyKey !== 'string' || !KEY.test(idempotencyKey))
  ) {
    throw new RejectedLine('idempotencyKey: must be 1-200 visible ASCII characters');
  }

  const spec = IMPORT_COMMANDS[command];
  const body: Record<string, unknown> = { ...data };
  let id = '';
  if (spec.idField) {
    const value = body[spec.idField];
    const valid =
      spec.idField === 'eventId'
        ? typeof value === 'string' && UUID.test(value)
        : isEntityId(value);
    if (!valid)
      throw new RejectedLine(
        `data.${spec.idField}: must be ${spec.idField === 'eventId' ? 'a UUID' : 'an id of 1-100 characters from A-Z a-z 0-9 . _ : -'}`,
      );
    id = value as string;
    delete body[spec.idField];
  }
  if (spec.gssInBody) {
    if (body['gss'] !== undefined && body['gss'] !== council)
      throw new RejectedLine('data.gss: differs from council');
    body['gss'] = council;
  }
  let dto: object;
  try {
    dto = plainToInstance(spec.dto, body);
  } catch (error) {
    throw new RejectedLine(`data: unreadable (${(error as Error).message})`);
  }
  const errors = fieldErrors(await validate(dto, VALIDATOR_OPTIONS));
  if (errors.length > 0)
    throw new RejectedLine(errors.map((e) => `data.${e.field}: ${e.reason}`).join('; '));
  return {
    command: spec.toCommand(dto as never, council, id),
    idempotencyKey:
      typeof idempotencyKey === 'string'
        ? idempotencyKey
        : `import:${createHash('sha256').update(text.trim()).digest('hex')}`,
  };
}
