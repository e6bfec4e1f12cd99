import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { ProjectionStatusQuery, ProjectorService, Roles } from '#ledger';

class DeadLetterQuery {
  @ApiPropertyOptional({ description: 'Only this projection or reactor' })
  @IsOptional()
  @IsString()
  projection?: string;
}

class DeadLetterParams {
  @ApiProperty({ example: 'take-up' })
  @Matches(/^[a-z][a-z0-9-]{0,79}$/, { message: 'projection must be a projection name' })
  projection!: string;

  @ApiProperty({ description: 'The parked event' })
  @IsUUID()
  eventId!: string;
}

@ApiTags('operations')
@Controller('projections')
export class ProjectionsController {
  constructor(
    private readonly status: ProjectionStatusQuery,
    private readonly projector: ProjectorService,
  ) {}

  @Get()
  @Roles('manager', 'admin')
  @ApiOperation({
    summary:
      'Each projection and reactor: live version, checkpoint, head, lag in events and seconds, dead letters',
  })
  @ApiOkResponse({ description: 'One entry per projection and reactor' })
  list(): Promise<unknown> {
    return this.status.all();
  }

  @Get('dead-letters')
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Events a projection or reactor parked after repeated failures, with the error',
  })
  deadLetters(@Query() { projection }: DeadLetterQuery): Promise<unknown> {
    return this.status.deadLetters(projection);
  }

  @Post('dead-letters/:projection/:eventId/replay')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-apply a parked event (where this process runs the projection)' })
  async replay(@Param() { projection, eventId }: DeadLetterParams): Promise<{ replayed: true }> {
    await this.projector.replay(projection, eventId);
    return { replayed: true };
  }
}
