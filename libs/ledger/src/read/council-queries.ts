import { Inject, Injectable } from '@nestjs/common';
import {
  type CouncilDocs,
  type RiskRules,
  annualConversationCoverage,
  changeOfControlTracker,
  councilSummary,
  interventionRisk,
  peerChallengeCoverage,
  takeUp,
  targetsVsActuals,
  type TakeUpParams,
} from '#projections';
import { type TargetSet, financialYearOf } from '#domain';
import { Clock, londonDate } from '../shared/clock.js';
import { RISK_RULES, TARGET_SETS } from '../tokens.js';
import { ResourceNotFound } from '../errors.js';
import { type Freshness, ReadModels } from './read-models.js';

const DOCS: Readonly<Record<keyof CouncilDocs, string>> = {
  summaries: 'council-summary',
  takeUp: 'take-up',
  changeOfControl: 'change-of-control',
  peerChallenges: 'peer-challenges',
  annualConversations: 'annual-conversations',
  riskSignals: 'risk-signals',
};

/** A query's answer and the ledger position it reflects. */
export interface Answer<T> {
  readonly body: T;
  readonly freshness: Freshness;
}

type DocName = keyof CouncilDocs;

/**
 * Every query the API answers from the per-council read models: load the
 * documents a view needs, check they are fresh enough, compute the view.
 */
@Injectable()
export class CouncilQueries {
  constructor(
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
    @Inject(TARGET_SETS) private readonly targetSets: ReadonlyMap<number, TargetSet>,
    @Inject(RISK_RULES) private readonly rules: RiskRules,
  ) {}

  today(): string {
    return londonDate(this.clock.now());
  }

  currentFinancialYear(): number {
    return financialYearOf(this.today());
  }

  async councilSummary(gss: string): Promise<Answer<ReturnType<typeof councilSummary>>> {
    const { docs, freshness } = await this.load(['summaries']);
    const doc = docs.summaries.get(gss);
    if (doc === undefined) throw new ResourceNotFound(`council ${gss} is not registered`);
    return { body: councilSummary(doc), freshness };
  }

  async takeUp(params: Omit<TakeUpParams, 'councils'>): Promise<Answer<ReturnType<typeof takeUp>>> {
    const { docs, freshness } = await this.load(['summaries', 'takeUp']);
    return { body: takeUp({ ...params, councils: docs }), freshness };
  }

  async targets(
    fy: number,
    asOfDate?: string,
  ): Promise<Answer<ReturnType<typeof targetsVsActuals>>> {
    const targets = this.targetSets.get(fy);
    if (targets === undefined) {
      throw new ResourceNotFound(
        `no targets for ${fy}; years with targets: ${[...this.targetSets.keys()].join(', ')}`,
      );
    }
    const { docs, freshness } = await this.load([
      'summaries',
      'takeUp',
      'changeOfControl',
      'peerChallenges',
      'annualConversations',
    ]);
    return {
      body: targetsVsActuals({ fy, asOfDate: asOfDate ?? this.today(), targets, docs }),
      freshness,
    };
  }

  async changeOfControl(
    fy: number,
    asOfDate?: string,
  ): Promise<Answer<ReturnType<typeof changeOfControlTracker>>> {
    const { docs, freshness } = await this.load(['summaries', 'changeOfControl']);
    return {
      body: changeOfControlTracker({ fy, ...(asOfDate ? { asOfDate } : {}), docs }),
      freshness,
    };
  }

  async peerChallengeCoverage(
    asOfDate?: string,
  ): Promise<Answer<ReturnType<typeof peerChallengeCoverage>>> {
    const { docs, freshness } = await this.load(['summaries', 'peerChallenges']);
    return { body: peerChallengeCoverage({ asOfDate: asOfDate ?? this.today(), docs }), freshness };
  }

  async annualConversationCoverage(
    fy: number,
    patches?: Readonly<Record<string, readonly string[]>>,
  ): Promise<Answer<ReturnType<typeof annualConversationCoverage>>> {
    const { docs, freshness } = await this.load(['summaries', 'annualConversations']);
    return {
      body: annualConversationCoverage({ fy, ...(patches ? { patches } : {}), docs }),
      freshness,
    };
  }

  async interventionRisk(asOfDate?: string): Promise<Answer<ReturnType<typeof interventionRisk>>> {
    const { docs, freshness } = await this.load([
      'summaries',
      'changeOfControl',
      'peerChallenges',
      'annualConversations',
      'riskSignals',
    ]);
    return {
      body: interventionRisk({ asOfDate: asOfDate ?? this.today(), rules: this.rules, docs }),
      freshness,
    };
  }

  /**
   * Loads the named read models. Each has its own checkpoint; the answer
   * reflects the lowest of them, and each must be fresh enough.
   */
  private async load<K extends DocName>(
    names: readonly K[],
  ): Promise<{ docs: Pick<CouncilDocs, K>; freshness: Freshness }> {
    const views = await Promise.all(names.map((name) => this.readModels.view(DOCS[name])));
    const docs = {} as Record<K, ReadonlyMap<string, unknown>>;
    names.forEach((name, index) => (docs[name] = views[index]!.docs));
    const slowest = views.reduce(
      (min, view, index) =>
        view.position < min.position ? { position: view.position, index } : min,
      {
        position: views[0]!.position,
        index: 0,
      },
    );
    const freshness = await this.readModels.freshness(
      DOCS[names[slowest.index]!],
      slowest.position,
    );
    return { docs: docs as unknown as Pick<CouncilDocs, K>, freshness };
  }
}
