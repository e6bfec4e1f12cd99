import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  CompleteMentoringDto,
  CouncilParams,
  CouncilWrites,
  CurrentActor,
  EngagementParams,
  type RequestHeaders,
  Roles,
  StartMentoringDto,
  WriteResponse,
} from '#ledger';
import { WriteResponses } from './write-responses.js';

@ApiTags('mentoring')
@Controller('councils/:gss/mentoring')
export class MentoringController {
  constructor(private readonly writes: CouncilWrites) {}

  @Post()
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Start one-to-one peer mentoring of a councillor or officer' })
  @WriteResponses()
  start(
    @Param() { gss }: CouncilParams,
    @Body() body: StartMentoringDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss), actor, headers, reply);
  }

  @Post(':id/completion')
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Record that a mentoring ended' })
  @WriteResponses()
  complete(
    @Param() { gss, id }: EngagementParams,
    @Body() body: CompleteMentoringDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss, id), actor, headers, reply);
  }
}
