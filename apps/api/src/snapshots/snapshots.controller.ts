import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  type Actor,
  BadRequest,
  CreateSnapshot,
  CreateSnapshotDto,
  CurrentActor,
  ReadSnapshots,
  type RequestHeaders,
  Roles,
  SNAPSHOT_PARAMS_CLASSES,
  SnapshotResponse,
  SnapshotSummary,
  SnapshotVerification,
  VerifySnapshot,
} from '#ledger';
import { SnapshotFormatQuery, SnapshotIdParams, headerToken } from './snapshot-requests.js';

/** Board readers read snapshots; managers and admins also make and verify them. */
const READERS = ['board', 'manager', 'admin'] as const;
const MAKERS = ['manager', 'admin'] as const;

interface Reply {
  header(name: string, value: string): unknown;
  status(code: number): unknown;
}

@ApiTags('snapshots')
@ApiExtraModels(...SNAPSHOT_PARAMS_CLASSES)
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@ApiForbiddenResponse({ description: 'Role not allowed (advisers read no snapshots)' })
@ApiServiceUnavailableResponse({ description: 'The event store is unavailable' })
@Controller('snapshots')
export class SnapshotsController {
  constructor(
    private readonly creating: CreateSnapshot,
    private readonly verifying: VerifySnapshot,
    private readonly reading: ReadSnapshots,
  ) {}

  @Post()
  @Roles(...MAKERS)
  @ApiOperation({
    summary:
      'Compute a quarterly report, take-up table, targets table or risk list at a ledger position and store it for good, with its SHA-256',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key (same caller) returns the first snapshot',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: SnapshotResponse, description: 'Stored; Location names it' })
  @ApiOkResponse({
    type: SnapshotResponse,
    description: 'A replayed Idempotency-Key: the first one',
  })
  @ApiBadRequestResponse({ description: 'Invalid kind or params (each field and the reason)' })
  @ApiConflictResponse({ description: 'position is beyond the ledger head' })
  async create(
    @Body() body: CreateSnapshotDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<SnapshotResponse> {
    const idempotencyKey = headerToken(headers, 'idempotency-key');
    const correlationId = headerToken(headers, 'x-correlation-id');
    const { snapshot, created } = await this.creating.execute(body, actor, {
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(correlationId ? { correlationId } : {}),
    });
    reply.header('location', `/snapshots/${snapshot.id}`);
    if (!created) reply.header('idempotent-replayed', 'true');
    reply.status(created ? 201 : 200);
    return snapshot as SnapshotResponse;
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Every snapshot, newest first, without documents' })
  @ApiOkResponse({ type: [SnapshotSummary] })
  list(): Promise<SnapshotSummary[]> {
    return this.reading.list() as Promise<SnapshotSummary[]>;
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'A snapshot: its metadata and document (JSON), or its tables (format=csv)',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: SnapshotResponse })
  @ApiBadRequestResponse({ description: 'Bad id, format or table' })
  @ApiNotFoundResponse({ description: 'No such snapshot' })
  async get(
    @Param() { id }: SnapshotIdParams,
    @Query() { format, table }: SnapshotFormatQuery,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<unknown> {
    if (format !== 'csv') {
      if (table !== undefined) throw new BadRequest('table', 'only applies to format=csv');
      return this.reading.get(id);
    }
    const csv = await this.reading.csv(id, table);
    reply.header('content-type', 'text/csv; charset=utf-8');
    const name = table === undefined ? `snapshot-${id}` : `snapshot-${id}-${table}`;
    reply.header('content-disposition', `attachment; filename="${name}.csv"`);
    return csv;
  }

  @Get(':id/report.html')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'A quarterly report snapshot as one printable HTML page, traced to its id, position and SHA-256',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'text/html; charset=utf-8' })
  @ApiBadRequestResponse({ description: 'Bad id' })
  @ApiNotFoundResponse({ description: 'No such snapshot, or not a quarterly report' })
  async reportHtml(
    @Param() { id }: SnapshotIdParams,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<string> {
    const html = await this.reading.html(id);
    reply.header('content-type', 'text/html; charset=utf-8');
    return html;
  }

  @Post(':id/verify')
  @Roles(...MAKERS)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Recompute the document from the events up to the stored position and compare SHA-256s',
  })
  @ApiOkResponse({ type: SnapshotVerification })
  @ApiBadRequestResponse({ description: 'Bad id' })
  @ApiNotFoundResponse({ description: 'No such snapshot' })
  verify(@Param() { id }: SnapshotIdParams): Promise<SnapshotVerification> {
    return this.verifying.execute(id);
  }
}
