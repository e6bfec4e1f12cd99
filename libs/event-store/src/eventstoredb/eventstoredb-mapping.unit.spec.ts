import { describe, expect, it } from '@jest/globals';
import {
  ANY,
  CancelledError,
  DeadlineExceededError,
  NO_STREAM,
  START as ESDB_START,
  STREAM_EXISTS,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { StoreUnavailable, StreamNotFound, WrongExpectedRevision } from '../errors.js';
import { START } from '../event-store.js';
import {
  BACKOFF_MAX_MS,
  DEFAULT_BATCH,
  MAX_BATCH,
  backoffDelay,
  batchSize,
  findPriorAppend,
  isUserEventType,
  knownCommitPosition,
  toActualRevision,
  toClientConnectionString,
  toEsdbExpectedRevision,
  toEventData,
  toEventMetadata,
  toReadPosition,
  toRecordedEvent,
  toStoreError,
} from './eventstoredb-mapping.js';

const ID = '7d7b3f6e-8f8a-4c1e-9a57-1f1f0f6a2b10';

/** What @grpc/grpc-js rejects with: an Error carrying a numeric status code. */
function grpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: undefined });
}

describe('expected revision', () => {
  it.each([
    ['no_stream', NO_STREAM],
    ['exists', STREAM_EXISTS],
    ['any', ANY],
    [0n, 0n],
    [41n, 41n],
  ] as const)('maps %p to the client value %p', (ours, theirs) => {
    expect(toEsdbExpectedRevision(ours)).toBe(theirs);
  });

  it('refuses a negative revision rather than sending it', () => {
    expect(() => toEsdbExpectedRevision(-1n)).toThrow(RangeError);
  });

  it('reads "no stream" from either the string or the legacy -1', () => {
    expect(toActualRevision(NO_STREAM)).toBeUndefined();
    expect(toActualRevision(-1n)).toBeUndefined();
    expect(toActualRevision(0n)).toBe(0n);
    expect(toActualRevision(7n)).toBe(7n);
  });
});

describe('error mapping', () => {
  const context = { streamName: 'council-E06000001', expected: 3n } as const;

  it('turns WrongExpectedVersion into WrongExpectedRevision with the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'council-E06000001',
      expected: 3n,
      current: 5n,
    });
    const mapped = toStoreError(error, context);
    expect(mapped).toBeInstanceOf(WrongExpectedRevision);
    expect(mapped).toMatchObject({ streamName: 'council-E06000001', expected: 3n, actual: 5n });
  });

  it('reports a missing stream as an undefined actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'council-E06000001',
      expected: STREAM_EXISTS,
      current: NO_STREAM,
    });
    expect(toStoreError(error, { ...context, expected: 'exists' })).toMatchObject({
      expected: 'exists',
      actual: undefined,
    });
  });

  it('maps a missing or deleted stream to StreamNotFound', () => {
    expect(toStoreError(new StreamNotFoundError(undefined, 's-1'))).toEqual(
      new StreamNotFound('s-1'),
    );
    const deleted = StreamDeletedError.fromStreamName('s-2');
    expect(toStoreError(deleted, { streamName: 's-2' })).toBeInstanceOf(StreamNotFound);
  });

  it.each([
    ['UnavailableError', new UnavailableError()],
    ['DeadlineExceededError', new DeadlineExceededError()],
    ['a server-side CancelledError', new CancelledError()],
    ['a raw gRPC UNAVAILABLE', grpcError(14, 'No connection established')],
    ['a raw gRPC DEADLINE_EXCEEDED', grpcError(4, 'Deadline exceeded')],
    ['failed cluster discovery', new Error('Failed to discover after 10 attempts.')],
  ])('maps %s to StoreUnavailable, keeping the cause', (_label, error) => {
    const mapped = toStoreError(error);
    expect(mapped).toBeInstanceOf(StoreUnavailable);
    expect((mapped as StoreUnavailable).cause).toBe(error);
  });

  it('leaves other errors, and our own, as they are', () => {
    const unknown = new UnknownError();
    expect(toStoreError(unknown)).toBe(unknown);
    const ours = new StreamNotFound('s');
    expect(toStoreError(ours)).toBe(ours);
    const plain = new TypeError('bug');
    expect(toStoreError(plain)).toBe(plain);
    expect(toStoreError('not an error')).toBe('not an error');
  });
});

describe('positions', () => {
  it('starts at the beginning for START and at the event itself otherwise', () => {
    expect(toReadPosition(START)).toBe(ESDB_START);
    expect(toReadPosition(1234n)).toEqual({ commit: 1234n, prepare: 1234n });
  });

  it('treats the protobuf default and ulong max as "no position given"', () => {
    expect(knownCommitPosition(undefined)).toBeUndefined();
    expect(knownCommitPosition({ commit: 0n, prepare: 0n })).toBeUndefined();
    const max = 18446744073709551615n;
    expect(knownCommitPosition({ commit: max, prepare: max })).toBeUndefined();
    expect(knownCommitPosition({ commit: 5120n, prepare: 5120n })).toBe(5120n);
  });

  it('keeps user events and drops system and link events, like excludeSystemEvents()', () => {
    expect(isUserEventType('PeerChallengeDelivered')).toBe(true);
    expect(isUserEventType('$statsCollected')).toBe(false);
    expect(isUserEventType('$>')).toBe(false);
    expect(isUserEventType('$metadata')).toBe(false);
    expect(isUserEventType('')).toBe(false);
  });
});

describe('batches and backoff', () => {
  it('uses the SQL adapters’ batch limits and rejects nonsense counts', () => {
    expect(batchSize(undefined)).toBe(DEFAULT_BATCH);
    expect(batchSize(3)).toBe(3);
    expect(batchSize(1_000_000)).toBe(MAX_BATCH);
    expect(() => batchSize(0)).toThrow(RangeError);
    expect(() => batchSize(2.5)).toThrow(RangeError);
  });

  it('doubles from 100 ms to a 5 s ceiling and stays there', () => {
    const schedule = Array.from({ length: 9 }, (_, attempt) => backoffDelay(attempt));
    expect(schedule).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000]);
    expect(backoffDelay(10_000)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(-1)).toBe(100);
  });
});

describe('idempotent retries', () => {
  const stored = [
    { id: 'a', revision: 0n, position: 100n },
    { id: 'b', revision: 1n, position: 200n },
    { id: 'c', revision: 2n, position: 300n },
    { id: 'd', revision: 3n, position: 400n },
  ];

  it('answers a full match with the original append’s last event', () => {
    expect(findPriorAppend(['a', 'b', 'c'], stored)).toEqual({
      kind: 'all',
      result: { nextExpectedRevision: 2n, position: 300n, duplicate: true },
    });
    expect(findPriorAppend(['C', 'B'], stored)).toEqual({
      kind: 'all',
      result: { nextExpectedRevision: 2n, position: 300n, duplicate: true },
    });
  });

  it('tells a partial overlap from no overlap', () => {
    expect(findPriorAppend(['c', 'x'], stored)).toEqual({ kind: 'partial' });
    expect(findPriorAppend(['x', 'y'], stored)).toEqual({ kind: 'none' });
    expect(findPriorAppend(['a'], [])).toEqual({ kind: 'none' });
  });
});

describe('event conversion', () => {
  it('sends the caller’s id, JSON data and metadata (never absent)', () => {
    expect(toEventData({ id: ID, type: 'T', data: { n: 1 }, metadata: { by: 'x' } })).toEqual({
      id: ID,
      contentType: 'application/json',
      type: 'T',
      data: { n: 1 },
      metadata: { by: 'x' },
    });
    expect(toEventData({ id: ID, type: 'T', data: undefined })).toMatchObject({
      data: null,
      metadata: {},
    });
  });

  it('reads metadata back only when it is a JSON object', () => {
    expect(toEventMetadata({ a: 1 })).toEqual({ a: 1 });
    expect(toEventMetadata(undefined)).toEqual({});
    expect(toEventMetadata([1])).toEqual({});
    expect(toEventMetadata(new Uint8Array([1]))).toEqual({});
  });

  it('builds a RecordedEvent with committedAt from the server’s created date', () => {
    const created = new Date('2025-04-01T09:30:00Z');
    const recorded = toRecordedEvent(
      {
        streamId: 'council-E06000001',
        id: ID,
        isJson: true,
        revision: 4n,
        type: 'T',
        created,
        data: { n: 1 },
        metadata: { by: 'x' },
        position: { commit: 900n, prepare: 900n },
      },
      900n,
    );
    expect(recorded).toEqual({
      id: ID,
      type: 'T',
      streamName: 'council-E06000001',
      revision: 4n,
      position: 900n,
      data: { n: 1 },
      metadata: { by: 'x' },
      committedAt: created,
    });
  });

  it('accepts kurrentdb:// URLs by handing the client the esdb:// form', () => {
    expect(toClientConnectionString('kurrentdb://h:2113?tls=false')).toBe(
      'esdb://h:2113?tls=false',
    );
    expect(toClientConnectionString('kurrentdb+discover://h:2113')).toBe('esdb+discover://h:2113');
    expect(toClientConnectionString('esdb://h:2113')).toBe('esdb://h:2113');
  });
});
