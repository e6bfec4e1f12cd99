import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  CouncilParams,
  CouncilWrites,
  CurrentActor,
  DeliverPeerChallengeDto,
  EngagementParams,
  HoldPeerChallengeProgressReviewDto,
  PublishPeerChallengeActionPlanDto,
  PublishPeerChallengeReportDto,
  RequestPeerChallengeDto,
  type RequestHeaders,
  Roles,
  SchedulePeerChallengeDto,
  WriteResponse,
} from '#ledger';
import { WriteResponses } from './write-responses.js';

@ApiTags('peer challenges')
@Controller('councils/:gss/peer-challenges')
export class PeerChallengesController {
  constructor(private readonly writes: CouncilWrites) {}

  @Post()
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Record that a council asked for a peer challenge' })
  @WriteResponses()
  request(
    @Param() { gss }: CouncilParams,
    @Body() body: RequestPeerChallengeDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss), actor, headers, reply);
  }

  @Post(':id/schedule')
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Schedule the on-site days of a peer challenge' })
  @WriteResponses()
  schedule(
    @Param() { gss, id }: EngagementParams,
    @Body() body: SchedulePeerChallengeDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss, id), actor, headers, reply);
  }

  @Post(':id/delivery')
  @Roles('adviser', 'admin')
  @ApiOperation({
    summary: 'Record a peer challenge as delivered (give kind if it was never requested)',
  })
  @WriteResponses()
  deliver(
    @Param() { gss, id }: EngagementParams,
    @Body() body: DeliverPeerChallengeDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss, id), actor, headers, reply);
  }

  @Post(':id/report')
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Record that the peer challenge report was published' })
  @WriteResponses()
  publishReport(
    @Param() { gss, id }: EngagementParams,
    @Body() body: PublishPeerChallengeReportDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss, id), actor, headers, reply);
  }

  @Post(':id/action-plan')
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Record that the council published its action plan' })
  @WriteResponses()
  publishActionPlan(
    @Param() { gss, id }: EngagementParams,
    @Body() body: PublishPeerChallengeActionPlanDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss, id), actor, headers, reply);
  }

  @Post(':id/progress-review')
  @Roles('adviser', 'admin')
  @ApiOperation({ summary: 'Record the progress review held after a peer challenge' })
  @WriteResponses()
  holdProgressReview(
    @Param() { gss, id }: EngagementParams,
    @Body() body: HoldPeerChallengeProgressReviewDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: never,
  ): Promise<WriteResponse> {
    return this.writes.execute(body.toCommand(gss, id), actor, headers, reply);
  }
}
