import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  CouncilParams,
  CouncilWrites,
  CurrentActor,
  RecordAnnualConversationDto,
  type RequestHeaders,
  Roles,
  WriteResponse,
} from '#ledger';
import { WriteResponses } from './write-responses.js';

@ApiTags('annual conversations')
@Controller('councils/:gss/annual-conversations')
export class AnnualConversationsController {
  constructor(private readonly writes: CouncilWrites) {}

  @Post()
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Record the annual conversation held with a council' })
  @WriteResponses()
  record(
    @Param() { gss }: CouncilParams,
    @Body() body: RecordAnnualConversationDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss), actor, headers, reply);
  }
}
