import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  CouncilParams,
  CouncilWrites,
  CurrentActor,
  RecordOfferDeliveredDto,
  type RequestHeaders,
  Roles,
  WriteResponse,
} from '#ledger';
import { WriteResponses } from './write-responses.js';

@ApiTags('offer deliveries')
@Controller('councils/:gss/offer-deliveries')
export class OfferDeliveriesController {
  constructor(private readonly writes: CouncilWrites) {}

  @Post()
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Record a delivery of a catalogue offer to a council' })
  @WriteResponses()
  record(
    @Param() { gss }: CouncilParams,
    @Body() body: RecordOfferDeliveredDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss), actor, headers, reply);
  }
}
