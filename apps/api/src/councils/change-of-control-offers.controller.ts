import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AcceptChangeOfControlOfferDto,
  type Actor,
  CouncilParams,
  CouncilWrites,
  CurrentActor,
  DeclineChangeOfControlOfferDto,
  DeliverChangeOfControlSupportDto,
  EngagementParams,
  MakeChangeOfControlOfferDto,
  type RequestHeaders,
  Roles,
  WriteResponse,
} from '#ledger';
import { WriteResponses } from './write-responses.js';

@ApiTags('change-of-control offers')
@Controller('councils/:gss/change-of-control-offers')
export class ChangeOfControlOffersController {
  constructor(private readonly writes: CouncilWrites) {}

  @Post()
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Offer support after a change of political control or leader' })
  @WriteResponses()
  make(
    @Param() { gss }: CouncilParams,
    @Body() body: MakeChangeOfControlOfferDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss), actor, headers, reply);
  }

  @Post(':id/acceptance')
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Record that the council accepted the change-of-control offer' })
  @WriteResponses()
  accept(
    @Param() { gss, id }: EngagementParams,
    @Body() body: AcceptChangeOfControlOfferDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss, id), actor, headers, reply);
  }

  @Post(':id/decline')
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Record that the council declined the change-of-control offer' })
  @WriteResponses()
  decline(
    @Param() { gss, id }: EngagementParams,
    @Body() body: DeclineChangeOfControlOfferDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss, id), actor, headers, reply);
  }

  @Post(':id/support')
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Record the member-peer support put in place under the offer' })
  @WriteResponses()
  deliverSupport(
    @Param() { gss, id }: EngagementParams,
    @Body() body: DeliverChangeOfControlSupportDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss, id), actor, headers, reply);
  }
}
