import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '#ledger';
import { ReadinessIndicators } from './operations/readiness.indicators.js';

interface Reply {
  status(code: number): unknown;
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessIndicators,
  ) {}

  /** The process is up and serving HTTP; says nothing about its dependencies. */
  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Ready for traffic: the event store answers, Redis answers PING (when
   * configured), and no live projection is further behind than
   * LEDGER_READY_MAX_LAG_SECONDS. 503 names the failing check under `error`.
   */
  @Public()
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ description: 'Ready: every check is up (terminus result, status "ok")' })
  @ApiServiceUnavailableResponse({
    description:
      'Not ready: `error` names each failing check (event_store, redis, projection_lag) and why',
  })
  async ready(@Res({ passthrough: true }) reply: Reply): Promise<HealthCheckResult> {
    try {
      return await this.health.check(this.readiness.all());
    } catch (error) {
      // Terminus' own body, not the ledger error filter's: probes and people read `error`.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      reply.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
