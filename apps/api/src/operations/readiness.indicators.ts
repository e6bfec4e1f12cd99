import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { LEDGER_CONFIG, type LedgerConfig, ProbeFailed, ReadinessProbe } from '#ledger';

type Check = () => Promise<HealthIndicatorResult>;

/** The ledger's readiness probes as terminus indicators, each named by its key in the answer. */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly probe: ReadinessProbe,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  /** Redis is checked only where it is configured; the embedded default has none. */
  all(): Check[] {
    return [
      () => this.run('event_store', () => this.probe.eventStore()),
      ...(this.config.redisUrl === undefined
        ? []
        : [() => this.run('redis', () => this.probe.redisPing())]),
      () => this.run('projection_lag', () => this.probe.projectionLag()),
    ];
  }

  private async run(
    key: string,
    probe: () => Promise<Record<string, unknown>>,
  ): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      return indicator.up(await probe());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return indicator.down({ message, ...(error instanceof ProbeFailed ? error.details : {}) });
    }
  }
}
