export * from './projection.js';
export * from './read-model-store.js';
export { MemoryReadModelStore } from './stores/memory-read-model-store.js';
export type { MemoryReadModelStoreOptions } from './stores/memory-read-model-store.js';
export { RedisReadModelStore } from './stores/redis-read-model-store.js';
export { ProjectionRunner } from './runner/projection-runner.js';
export { toProjectedEvent } from './runner/projected-event.js';
export type { ProjectionRunnerOptions } from './runner/runner-options.js';
export type { RunnerState, RunnerStatus } from './runner/runner-status.js';
export { LAG_COUNT_LIMIT } from './runner/runner-status.js';
export { ProjectionRebuild, rebuildBeside } from './runner/projection-rebuild.js';
export type { RebuildOptions, RebuildOutcome } from './runner/projection-rebuild.js';
export { ProjectionSupervisor } from './runner/projection-supervisor.js';
export type { ProjectionSupervisorOptions } from './runner/projection-supervisor.js';
export * from './views/index.js';
export { quarterlyReport } from './reports/quarterly-report.js';
export type {
  BreakdownRow,
  ChangeOfControlCouncil,
  CoverageGap,
  OfferRow,
  QuarterlyReport,
  QuarterlyReportParams,
  ReportChangeOfControl,
  ReportHeader,
  ReportPeerChallengeCoverage,
  ReportRisk,
  ReportRiskCouncil,
  ReportRiskReason,
  ReportTarget,
  SupportSection,
  SupportTotals,
  ThemeRow,
  TrendPoint,
} from './reports/quarterly-report.types.js';
export {
  REPORT_TABLES,
  tabularParts,
  type ReportTableName,
  type ReportTables,
  type TableCell,
  type TableRow,
} from './reports/tabular-parts.js';
