import { Controller, Get, Param, Query, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AsOfQueries, CouncilParams, CouncilQueries, Roles, parseLedgerCut } from '#ledger';
import {
  DateQuery,
  FyQuery,
  RiskQuery,
  TakeUpQuery,
  TargetsQuery,
  YearQuery,
} from './query-params.js';
import { type HeaderReply, withCut, withFreshness } from './freshness-headers.js';
import { PeopleNamesInterceptor } from '../people/index.js';

const READERS = ['adviser', 'manager', 'admin'] as const;
const FRESHNESS =
  'Headers X-Ledger-Position (the ledger position reflected), X-Ledger-Head and X-Ledger-Lag-Seconds.';
const AT_CUT = `${FRESHNESS} With asOf: folded from the events up to the cut, X-Ledger-Position is the cut and there is no lag header.`;

@ApiTags('read models')
@ApiServiceUnavailableResponse({
  description: 'The read model is being built, or too far behind the ledger',
})
// Any answer naming people by id (adviserId…) gets their names, resolved when answering.
@UseInterceptors(PeopleNamesInterceptor)
@Controller()
export class ViewsController {
  constructor(
    private readonly queries: CouncilQueries,
    private readonly atCut: AsOfQueries,
  ) {}

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
  @ApiOkResponse({ description: AT_CUT })
  async takeUp(
    @Query() query: TakeUpQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<unknown> {
    const { fy, lowBelow, groupBy, asOf, ...filters } = query;
    const cut = asOf === undefined ? undefined : parseLedgerCut(asOf);
    const params = {
      ...filters,
      groupBy: groupBy ?? [],
      ...(lowBelow === undefined ? {} : { lowTakeUpBelow: lowBelow }),
    };
    if (cut === undefined) {
      const year = fy ?? this.queries.currentFinancialYear();
      return withFreshness(reply, await this.queries.takeUp({ ...params, fy: year }));
    }
    const year = fy ?? this.atCut.referenceYear(cut);
    return withCut(reply, await this.atCut.takeUp({ ...params, fy: year }, cut));
  }

  @Get('targets')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Each target of the year in its own unit: actual, threshold, met / on track / behind',
  })
  @ApiOkResponse({ description: AT_CUT })
  async targets(
    @Query() { fy, date, asOf }: TargetsQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<unknown> {
    if (asOf === undefined) {
      const year = fy ?? this.queries.currentFinancialYear();
      return withFreshness(reply, await this.queries.targets(year, date));
    }
    const cut = parseLedgerCut(asOf);
    const year = fy ?? this.atCut.referenceYear(cut);
    return withCut(reply, await this.atCut.targets(year, date, cut));
  }

  @Get('change-of-control')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Councils whose control or leader changed in the year: offer made, accepted, declined, support in place, against the 75% target',
  })
  @ApiOkResponse({ description: FRESHNESS })
  async changeOfControl(
    @Query() { fy, date }: YearQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<unknown> {
    return withFreshness(
      reply,
      await this.queries.changeOfControl(fy ?? this.queries.currentFinancialYear(), date),
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
    @Query() { date }: DateQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<unknown> {
    return withFreshness(reply, await this.queries.peerChallengeCoverage(date));
  }

  @Get('annual-conversation-coverage')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Annual conversations held per year and per adviser patch (region), against every council',
  })
  @ApiOkResponse({ description: FRESHNESS })
  async annualConversationCoverage(
    @Query() { fy }: FyQuery,
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
  @ApiOkResponse({ description: AT_CUT })
  async interventionRisk(
    @Query() { date, asOf }: RiskQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<unknown> {
    if (asOf === undefined) return withFreshness(reply, await this.queries.interventionRisk(date));
    return withCut(reply, await this.atCut.interventionRisk(date, parseLedgerCut(asOf)));
  }
}
