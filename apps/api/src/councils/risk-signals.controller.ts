import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  ClearRiskSignalDto,
  CouncilParams,
  CouncilWrites,
  CurrentActor,
  EngagementParams,
  RaiseRiskSignalDto,
  type RequestHeaders,
  Roles,
  WriteResponse,
} from '#ledger';
import { WriteResponses } from './write-responses.js';

@ApiTags('risk signals')
@Controller('councils/:gss/risk-signals')
export class RiskSignalsController {
  constructor(private readonly writes: CouncilWrites) {}

  @Post()
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Raise a signal that a council may be at risk, with its evidence' })
  @WriteResponses()
  raise(
    @Param() { gss }: CouncilParams,
    @Body() body: RaiseRiskSignalDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss), actor, headers, reply);
  }

  @Post(':id/clearance')
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Clear a risk signal, saying why it no longer applies' })
  @WriteResponses()
  clear(
    @Param() { gss, id }: EngagementParams,
    @Body() body: ClearRiskSignalDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss, id), actor, headers, reply);
  }
}
