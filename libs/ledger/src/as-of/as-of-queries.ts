import { Inject, Injectable } from '@nestjs/common';
import {
  type InterventionRiskResult,
  type RiskRules,
  type TakeUpParams,
  type TakeUpResult,
  type TargetsVsActualsResult,
  interventionRisk,
  takeUp,
  targetsVsActuals,
} from '#projections';
import { type IsoDate, type TargetSet, financialYearOf } from '#domain';
import { Clock, londonDate } from '../shared/clock.js';
import { RISK_RULES, TARGET_SETS } from '../tokens.js';
import { ResourceNotFound } from '../errors.js';
import { AsOfLedger } from './as-of-ledger.js';
import { type LedgerCut, knownAtDate } from './ledger-cut.js';

/** A view computed at a cut of the ledger: the answer and the position that reproduces it. */
export interface AsOfAnswer<T> {
  readonly body: T;
  readonly position: bigint;
  readonly head: bigint;
}

/** The year's targets, or a 404 naming the years that have some. */
export function targetSetFor(targetSets: ReadonlyMap<number, TargetSet>, fy: number): TargetSet {
  const targets = targetSets.get(fy);
  if (targets === undefined) {
    throw new ResourceNotFound(
      `no targets for ${fy}; years with targets: ${[...targetSets.keys()].join(', ')}`,
    );
  }
  return targets;
}

/**
 * The query views answered at a past cut of the ledger instead of from the live read
 * models. A view's own "as at" date defaults to the known-at date when the cut is one
 * (the numbers of 15 August as known on 15 August), else to today.
 */
@Injectable()
export class AsOfQueries {
  constructor(
    private readonly ledger: AsOfLedger,
    private readonly clock: Clock,
    @Inject(TARGET_SETS) private readonly targetSets: ReadonlyMap<number, TargetSet>,
    @Inject(RISK_RULES) private readonly rules: RiskRules,
  ) {}

  referenceDate(cut: LedgerCut): IsoDate {
    return cut.knownAt === undefined ? londonDate(this.clock.now()) : knownAtDate(cut.knownAt);
  }

  referenceYear(cut: LedgerCut): number {
    return financialYearOf(this.referenceDate(cut));
  }

  async takeUp(
    params: Omit<TakeUpParams, 'councils'>,
    cut: LedgerCut,
  ): Promise<AsOfAnswer<TakeUpResult>> {
    const { docs, position, head } = await this.ledger.councilDocs(cut);
    return { body: takeUp({ ...params, councils: docs }), position, head };
  }

  async targets(
    fy: number,
    date: IsoDate | undefined,
    cut: LedgerCut,
  ): Promise<AsOfAnswer<TargetsVsActualsResult>> {
    const targets = targetSetFor(this.targetSets, fy);
    const { docs, position, head } = await this.ledger.councilDocs(cut);
    const asOfDate = date ?? this.referenceDate(cut);
    return { body: targetsVsActuals({ fy, asOfDate, targets, docs }), position, head };
  }

  async interventionRisk(
    date: IsoDate | undefined,
    cut: LedgerCut,
  ): Promise<AsOfAnswer<InterventionRiskResult>> {
    const { docs, position, head } = await this.ledger.councilDocs(cut);
    const asOfDate = date ?? this.referenceDate(cut);
    return { body: interventionRisk({ asOfDate, rules: this.rules, docs }), position, head };
  }
}
