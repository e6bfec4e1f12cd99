import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics } from 'prom-client';
import { LedgerMetrics, Public } from '#ledger';

/**
 * Prometheus scrape endpoint (text format 0.0.4). Left out of OpenAPI: it
 * is for the scraper, and docs/operations-runtime.md lists its metrics.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: LedgerMetrics) {
    // Process metrics (CPU, memory, event loop, GC) in this app's own registry.
    collectDefaultMetrics({ register: metrics.registry });
  }

  @Public()
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
