import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { DomainError } from '#domain';
import { StoreUnavailable, WrongExpectedRevision } from '#event-store';
import { ReadModelUnavailable } from '#projections';
import {
  BadRequest,
  ConcurrencyConflict,
  Forbidden,
  LedgerError,
  PositionBeyondHead,
  PreconditionFailed,
  IdempotencyKeyReused,
  ResourceNotFound,
  ProjectorElsewhere,
  ReadModelBehind,
  ReadModelRebuilding,
  Unauthenticated,
} from '../errors.js';

interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  [extra: string]: unknown;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const body = (
  statusCode: number,
  code: string,
  message: string,
  extra: object = {},
): ErrorBody => ({
  statusCode,
  error: REASONS[statusCode] ?? 'Error',
  code,
  message,
  ...extra,
});

/** Fastify's refusals (bad JSON, body too large) reach us wrapped; keep their own code. */
function fastifyCode(cause: unknown): string | undefined {
  const code = (cause as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code.replace(/^FST_ERR_/, '').toLowerCase() : undefined;
}

const codeForStatus = (status: number): string =>
  snake((REASONS[status] ?? 'error').replace(/ /g, ''));

const snake = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** Each application-layer error and its status; the first match wins. */
const LEDGER_STATUS: readonly [abstract new (...args: never[]) => LedgerError, number][] = [
  [Unauthenticated, 401],
  [Forbidden, 403],
  [ResourceNotFound, 404],
  [PreconditionFailed, 412],
  [IdempotencyKeyReused, 422],
  [ConcurrencyConflict, 409],
  [ProjectorElsewhere, 409],
  [PositionBeyondHead, 409],
  [BadRequest, 400],
  [ReadModelRebuilding, 503],
  [ReadModelBehind, 503],
];

const DOMAIN_STATUS = { not_found: 404, conflict: 409, invalid: 400 } as const;

/** The one place typed errors become HTTP statuses; controllers never map errors themselves. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) {
    const field = error.details['field'];
    const errors =
      error.kind === 'invalid' && typeof field === 'string'
        ? { errors: [{ field, reason: error.message }] }
        : {};
    return body(DOMAIN_STATUS[error.kind], error.code, error.message, errors);
  }
  if (error instanceof LedgerError) {
    const status = LEDGER_STATUS.find(([type]) => error instanceof type)?.[1] ?? 500;
    return body(
      status,
      snake(error.name),
      error.message,
      error instanceof BadRequest
        ? { errors: [{ field: error.field, reason: error.message }] }
        : {},
    );
  }
  if (error instanceof WrongExpectedRevision)
    return body(409, 'wrong_expected_revision', error.message);
  if (error instanceof StoreUnavailable) {
    // A commit cut off by the outage may have landed: only an Idempotency-Key makes the retry safe.
    return body(
      503,
      'store_unavailable',
      'the event store is unavailable; the request was not completed. Retry later with the ' +
        'same Idempotency-Key: if the write was recorded before the outage it is not repeated',
    );
  }
  if (error instanceof ReadModelUnavailable) {
    // Queries read only read models; writes go to the event store alone and are unaffected.
    return body(
      503,
      'read_model_unavailable',
      'the read model store (Redis) is unavailable; queries cannot be answered now, writes are ' +
        'unaffected. Retry later',
    );
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    if (typeof response === 'object' && response !== null && 'code' in response) {
      return { ...body(status, '', ''), ...(response as object) } as ErrorBody;
    }
    return body(status, fastifyCode(error.cause) ?? codeForStatus(status), error.message);
  }
  // Fastify's own refusals (bad JSON, body too large, wrong content type) carry a 4xx statusCode.
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return body(
      statusCode,
      fastifyCode(error) ?? codeForStatus(statusCode),
      (error as Error).message,
    );
  }
  return body(500, 'internal_error', 'an unexpected error occurred; it has been logged');
}

@Catch()
export class LedgerErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('LedgerErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const payload = toErrorBody(error);
    if (payload.statusCode >= 500)
      this.logger.error(error instanceof Error ? error.stack : String(error));
    const reply = host.switchToHttp().getResponse<{
      status(code: number): { send(body: unknown): void };
      header(n: string, v: string): unknown;
    }>();
    reply.header('content-type', 'application/json; charset=utf-8');
    reply.status(payload.statusCode).send(payload);
  }
}
