import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CouncilParams, CouncilQueries, Roles } from '#ledger';
import { AsOfQuery, TakeUpQuery, YearQuery } from './query-params.js';
import { type HeaderReply, withFreshness } from './freshness-headers.js';

const READERS = ['adviser', 'manager', 'admin'] as const;
const FRESHNESS =
  'Headers X-Ledger-Position (the ledger position reflected), X-Ledger-Head and X-Ledger-Lag-Seconds.';

@ApiTags('read models')
@ApiServiceUnavailableResponse({
  description: 'The read model is being built, or too far behind the ledger',
})
@Controller()
export class ViewsController {
  constructor(private readonly queries: CouncilQueries) {}

  @Get('councils/:gss')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'A council: attributes and their history, engagements by kind, open engagements, last annual conversation and corporate/finance peer challenge',
  })
  @ApiOkResponse({ description: FRESHNESS })
  async council(
    @Param() { gss }: CouncilParams,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<unknown> {
    return withFreshness(reply, await this.queries.councilSummary(gss));
  }

  @Get('take-up')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Take-up by offer, quarter, region, authority type, political control and LGA membership at the time, with coverage and councils with zero or low take-up',
  })
  @ApiOkResponse({ description: FRESHNESS })
  async takeUp(
    @Query() query: TakeUpQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<unknown> {
    const { fy, lowBelow, groupBy, ...filters } = query;
    return withFreshness(
      reply,
      await this.queries.takeUp({
        ...filters,
        fy: fy ?? this.queries.currentFinancialYear(),
        groupBy: groupBy ?? [],
        ...(lowBelow === undefined ? {} : { lowTakeUpBelow: lowBelow }),
      }),
    );
  }

  @Get('targets')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Each target of the year in its own unit: actual, threshold, met / on track / behind',
  })
  @ApiOkResponse({ description: FRESHNESS })
  async targets(
    @Query() { fy, asOf }: YearQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<unknown> {
    return withFreshness(
      reply,
      await this.queries.targets(fy ?? this.queries.currentFinancialYear(), asOf),
    );
  }

  @Get('change-of-control')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Councils whose control or leader changed in the year: offer made, accepted, declined, support in place, against the 75% target',
  })
  @ApiOkResponse({ description: FRESHNESS })
  async changeOfControl(
    @Query() { fy, asOf }: YearQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<unknown> {
    return withFreshness(
      reply,
      await this.queries.changeOfControl(fy ?? this.queries.currentFinancialYear(), asOf),
    );
  }

  @Get('peer-challenge-coverage')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Councils with no corporate or finance peer challenge in five years, none since 2013, never',
  })
  @ApiOkResponse({ description: FRESHNESS })
  async peerChallengeCoverage(
    @Query() { asOf }: AsOfQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<unknown> {
    return withFreshness(reply, await this.queries.peerChallengeCoverage(asOf));
  }

  @Get('annual-conversation-coverage')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Annual conversations held per year and per adviser patch (region), against every council',
  })
  @ApiOkResponse({ description: FRESHNESS })
  async annualConversationCoverage(
    @Query() { fy }: YearQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<unknown> {
    return withFreshness(
      reply,
      await this.queries.annualConversationCoverage(fy ?? this.queries.currentFinancialYear()),
    );
  }

  @Get('intervention-risk')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Each council’s support tier (universal, tailored, bespoke, in intervention) and the reasons, from risk signals and engagement gaps',
  })
  @ApiOkResponse({ description: FRESHNESS })
  async interventionRisk(
    @Query() { asOf }: AsOfQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<unknown> {
    return withFreshness(reply, await this.queries.interventionRisk(asOf));
  }
}
