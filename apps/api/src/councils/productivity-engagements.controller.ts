import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  CloseProductivityEngagementDto,
  CouncilParams,
  CouncilWrites,
  CurrentActor,
  EngageProductivityExpertDto,
  EngagementParams,
  ReportSavingsDto,
  type RequestHeaders,
  Roles,
  WriteResponse,
} from '#ledger';
import { WriteResponses } from './write-responses.js';

@ApiTags('productivity engagements')
@Controller('councils/:gss/productivity-engagements')
export class ProductivityEngagementsController {
  constructor(private readonly writes: CouncilWrites) {}

  @Post()
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Engage a productivity or income generation expert with a council' })
  @WriteResponses()
  engage(
    @Param() { gss }: CouncilParams,
    @Body() body: EngageProductivityExpertDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss), actor, headers, reply);
  }

  @Post(':id/savings')
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Report savings or income in pounds from an engagement' })
  @WriteResponses()
  reportSavings(
    @Param() { gss, id }: EngagementParams,
    @Body() body: ReportSavingsDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss, id), actor, headers, reply);
  }

  @Post(':id/closure')
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Close a productivity engagement' })
  @WriteResponses()
  close(
    @Param() { gss, id }: EngagementParams,
    @Body() body: CloseProductivityEngagementDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss, id), actor, headers, reply);
  }
}
