import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  type Actor,
  CorrectEventDto,
  CouncilParams,
  CouncilWrites,
  CurrentActor,
  type RequestHeaders,
  RetractEventDto,
  Roles,
  WriteResponse,
} from '#ledger';
import { WriteResponses } from './write-responses.js';

/** Events are addressed by the UUID the ledger gave them, not by a caller-chosen id. */
class EventParams extends CouncilParams {
  @ApiProperty({
    description: 'Id of the event, as listed by GET /councils/{gss}/events',
    format: 'uuid',
    example: '3b241101-e2bb-4255-8caf-4136c566a962',
  })
  @IsUUID()
  id!: string;
}

@ApiTags('councils')
@Controller('councils/:gss/events')
export class EventAmendmentsController {
  constructor(private readonly writes: CouncilWrites) {}

  @Post(':id/correction')
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Correct fields of a recorded event (the original is kept)' })
  @WriteResponses()
  correct(
    @Param() { gss, id }: EventParams,
    @Body() body: CorrectEventDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss, id), actor, headers, reply);
  }

  @Post(':id/retraction')
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Retract an event recorded in error (the original is kept)' })
  @WriteResponses()
  retract(
    @Param() { gss, id }: EventParams,
    @Body() body: RetractEventDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss, id), actor, headers, reply);
  }
}
