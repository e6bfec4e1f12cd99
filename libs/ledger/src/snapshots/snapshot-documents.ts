import { Inject, Injectable } from '@nestjs/common';
import {
  type CouncilDocs,
  type RiskRules,
  interventionRisk,
  quarterlyReport,
  takeUp,
  targetsVsActuals,
} from '#projections';
import type { OfferCatalogue, TargetSet } from '#domain';
import { OFFER_CATALOGUE, RISK_RULES, TARGET_SETS } from '../tokens.js';
import { InvalidRequest } from '../http/validation.js';
import type { SnapshotSpec } from './snapshot-params.js';

/**
 * A snapshot's document from its kind, its complete parameters and the council documents
 * at its position: the same pure views the query endpoints answer with, plus the
 * reference data loaded at start (catalogue, targets, risk rules). Nothing here reads the
 * clock, so creating and verifying compute byte-identical documents.
 */
@Injectable()
export class SnapshotDocuments {
  constructor(
    @Inject(OFFER_CATALOGUE) private readonly catalogue: OfferCatalogue,
    @Inject(TARGET_SETS) private readonly targetSets: ReadonlyMap<number, TargetSet>,
    @Inject(RISK_RULES) private readonly rules: RiskRules,
  ) {}

  compute(spec: SnapshotSpec, docs: CouncilDocs): unknown {
    switch (spec.kind) {
      case 'quarterly-report': {
        const { fy, quarter, date } = spec.params;
        return quarterlyReport({
          fy,
          quarter,
          asOfDate: date,
          docs,
          targets: this.targets(fy),
          rules: this.rules,
          catalogue: this.catalogue,
        });
      }
      case 'take-up': {
        const { lowBelow, ...params } = spec.params;
        return takeUp({ ...params, lowTakeUpBelow: lowBelow, councils: docs });
      }
      case 'targets': {
        const { fy, date } = spec.params;
        return targetsVsActuals({ fy, asOfDate: date, targets: this.targets(fy), docs });
      }
      case 'risk-list':
        return interventionRisk({ asOfDate: spec.params.date, rules: this.rules, docs });
      default: {
        const unknownSpec: never = spec;
        throw new Error(`no document for ${JSON.stringify(unknownSpec)}`);
      }
    }
  }

  /** Checked before any folding, so a year without targets is a 400, not a wasted read. */
  checkReferenceData(spec: SnapshotSpec): void {
    if (spec.kind === 'quarterly-report' || spec.kind === 'targets') this.targets(spec.params.fy);
  }

  private targets(fy: number): TargetSet {
    const targets = this.targetSets.get(fy);
    if (targets === undefined) {
      const years = [...this.targetSets.keys()].join(', ');
      throw new InvalidRequest([
        { field: 'params.fy', reason: `no targets for ${fy}; years with targets: ${years}` },
      ]);
    }
    return targets;
  }
}
