import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { EventStore } from '#event-store';
import { type OfferCatalogue } from '#domain';
import {
  COUNCIL_PROJECTIONS,
  ProjectionSupervisor,
  type ReadModelStore,
  type RunnerStatus,
} from '#projections';
import type { LedgerConfig } from '../config/ledger-config.js';
import { Clock } from '../shared/clock.js';
import { EVENT_STORE, LEDGER_CONFIG, OFFER_CATALOGUE, READ_MODEL_STORE } from '../tokens.js';
import { CHANGE_OF_CONTROL_REACTOR, ChangeOfControlReactor } from './change-of-control.reactor.js';
import { ReactorRunner } from './reactor-runner.js';
import { ProjectorElsewhere } from '../errors.js';

/**
 * Runs the council projections (one runner each, leased, so several projector
 * processes can stand by) and the change-of-control reactor, when this
 * process is configured to (LEDGER_RUN_PROJECTOR). Started after the app
 * boots; on shutdown the current batches are flushed.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private supervisor: ProjectionSupervisor | undefined;
  private reactor: ReactorRunner | undefined;
  private readonly stopping = new AbortController();
  private reactorTask: Promise<void> | undefined;

  constructor(
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(OFFER_CATALOGUE) private readonly catalogue: OfferCatalogue,
    private readonly changeOfControl: ChangeOfControlReactor,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.runProjector) this.start();
  }

  start(): void {
    if (this.supervisor) return;
    const now = () => this.clock.now();
    this.supervisor = new ProjectionSupervisor({
      projections: COUNCIL_PROJECTIONS(this.catalogue),
      eventStore: this.eventStore,
      store: this.store,
      runner: {
        now,
        leaseTtlMs: this.config.projectionLeaseMs,
        onError: (error) => this.logger.warn(`projection: ${(error as Error).message}`),
      },
      onError: (error) => this.logger.error(`projection supervisor: ${(error as Error).message}`),
    });
    this.supervisor.start();
    this.reactor = new ReactorRunner({
      key: CHANGE_OF_CONTROL_REACTOR,
      reactor: this.changeOfControl,
      eventStore: this.eventStore,
      store: this.store,
      now,
      leaseTtlMs: this.config.projectionLeaseMs,
    });
    this.reactorTask = this.reactor.run(this.stopping.signal);
  }

  get running(): boolean {
    return this.supervisor !== undefined;
  }

  async status(): Promise<RunnerStatus[]> {
    return this.supervisor ? this.supervisor.status() : [];
  }

  /** Re-applies a parked event; only the process holding the projection's runner can. */
  async replay(projection: string, eventId: string): Promise<void> {
    const runner = this.supervisor?.runner(projection);
    if (runner === undefined) {
      throw new ProjectorElsewhere(projection);
    }
    await runner.replayDeadLetter(eventId);
  }

  /**
   * Before, not on, application shutdown: Nest runs the onApplicationShutdown
   * hooks of one module together, so the stores would close under the last commit.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await Promise.all([this.supervisor?.stop(), this.reactorTask]);
    if (this.supervisor === undefined) return;
    for (const s of await this.supervisor.status().catch(() => []))
      this.logger.log(`${s.name} v${s.version} stopped; committed up to ${s.checkpoint}`);
  }
}
