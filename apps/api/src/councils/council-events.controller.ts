import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { type CouncilEventsPage, CouncilEventsQuery, CouncilParams, Roles } from '#ledger';

class EventsPageQuery {
  @ApiProperty({ required: false, description: 'First revision to return', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  fromRevision?: number;

  @ApiProperty({ required: false, default: 500, maximum: 5000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;
}

@ApiTags('councils')
@Controller('councils/:gss/events')
export class CouncilEventsController {
  constructor(private readonly events: CouncilEventsQuery) {}

  @Get()
  @Roles('adviser', 'manager', 'admin')
  @ApiOperation({
    summary: "A council's stream as recorded: occurredAt, recordedAt, recordedBy of every event",
  })
  @ApiOkResponse({ description: "A page of events; ETag is the stream's current revision" })
  async list(
    @Param() { gss }: CouncilParams,
    @Query() query: EventsPageQuery,
    @Res({ passthrough: true }) reply: { header(n: string, v: string): unknown },
  ): Promise<CouncilEventsPage> {
    const page = await this.events.page(gss, BigInt(query.fromRevision ?? 0), query.limit ?? 500);
    reply.header('etag', `"${page.revision}"`);
    return page;
  }
}
