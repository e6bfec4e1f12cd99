import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AbolishCouncilDto,
  type Actor,
  ChangeLeaderDto,
  ChangeLgaMembershipDto,
  ChangePoliticalControlDto,
  CouncilParams,
  CouncilWrites,
  CurrentActor,
  RegisterCouncilDto,
  type RequestHeaders,
  Roles,
  WriteResponse,
} from '#ledger';
import { WriteResponses } from './write-responses.js';

/** Register facts (who the council is and who runs it) are kept by administrators only. */
@ApiTags('council register')
@Controller('councils')
export class CouncilRegisterController {
  constructor(private readonly writes: CouncilWrites) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Register a council: its GSS code, name, type, region and life span' })
  @WriteResponses()
  register(
    @Body() body: RegisterCouncilDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(), actor, headers, reply);
  }

  @Post(':gss/political-control')
  @Roles('admin')
  @ApiOperation({
    summary: 'Record a change of political control (after an election or defections)',
  })
  @WriteResponses()
  changePoliticalControl(
    @Param() { gss }: CouncilParams,
    @Body() body: ChangePoliticalControlDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss), actor, headers, reply);
  }

  @Post(':gss/leader')
  @Roles('admin')
  @ApiOperation({ summary: 'Record a new council leader or mayor' })
  @WriteResponses()
  changeLeader(
    @Param() { gss }: CouncilParams,
    @Body() body: ChangeLeaderDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss), actor, headers, reply);
  }

  @Post(':gss/lga-membership')
  @Roles('admin')
  @ApiOperation({ summary: 'Record that a council joined or left the LGA' })
  @WriteResponses()
  changeLgaMembership(
    @Param() { gss }: CouncilParams,
    @Body() body: ChangeLgaMembershipDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss), actor, headers, reply);
  }

  @Post(':gss/abolition')
  @Roles('admin')
  @ApiOperation({ summary: 'Record the abolition of a council and its successors' })
  @WriteResponses()
  abolish(
    @Param() { gss }: CouncilParams,
    @Body() body: AbolishCouncilDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss), actor, headers, reply);
  }
}
