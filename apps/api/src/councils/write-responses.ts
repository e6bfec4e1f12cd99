import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { WriteResponse } from '#ledger';

/** The headers and answers every write shares, described once for OpenAPI. */
export const WriteResponses = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Makes a retry return the first result and write nothing',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'Write only if the stream is at this revision (an earlier ETag)',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'Carried into the events as their correlation id',
    }),
    ApiCreatedResponse({
      type: WriteResponse,
      description: 'Events written; ETag carries the new revision',
    }),
    ApiOkResponse({
      type: WriteResponse,
      description: 'Nothing written: a replayed Idempotency-Key, or already so',
    }),
    ApiBadRequestResponse({ description: 'Invalid input: each field and the reason' }),
    ApiUnauthorizedResponse({ description: 'No valid bearer token' }),
    ApiForbiddenResponse({
      description: 'Role not allowed, or council outside the adviser’s patch',
    }),
    ApiNotFoundResponse({ description: 'Unknown council or engagement' }),
    ApiConflictResponse({ description: 'A rule of the ledger refuses it (e.g. delivered twice)' }),
    ApiPreconditionFailedResponse({ description: 'If-Match revision is stale' }),
    ApiUnprocessableEntityResponse({
      description: 'The Idempotency-Key was already used on this council for a different command',
    }),
    ApiServiceUnavailableResponse({
      description:
        'The event store is unavailable; the request was not completed (retry with the same Idempotency-Key)',
    }),
  );
