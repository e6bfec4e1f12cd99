import {
  type ChangeOfControlStatus,
  type ChangeOfControlTrigger,
  type DateRange,
  type IsoDate,
  financialYearBounds,
  financialYearLabel,
} from '#domain';
import { type CouncilDocs, sortedCouncils } from '../council-docs.js';
import { upTo } from '../shared/dates.js';
import { percentOf } from '../shared/numbers.js';
import { sortedEntries } from '../shared/records.js';
import type { ChangeOfControlDoc, PoliticalChange } from './change-of-control.projection.js';

export interface ChangeOfControlTrackerParams {
  readonly fy: number;
  /** Changes and offer steps after this date are left out ("as at" a report date). */
  readonly asOfDate?: IsoDate;
  readonly docs: Pick<CouncilDocs, 'changeOfControl'> & Partial<Pick<CouncilDocs, 'summaries'>>;
  /** The MoU's 9.1 target: support in place for at least this percentage; default 75. */
  readonly targetPercent?: number;
}

export interface TrackedOffer {
  readonly offerId: string;
  readonly trigger: ChangeOfControlTrigger;
  readonly status: ChangeOfControlStatus;
  readonly offeredOn: IsoDate;
  readonly acceptedOn: IsoDate | null;
  readonly declinedOn: IsoDate | null;
  readonly supportDeliveredOn: IsoDate | null;
}

export interface ChangeOfControlTrackerRow {
  readonly gss: string;
  readonly name: string | null;
  readonly changes: readonly Omit<PoliticalChange, 'fy'>[];
  readonly offers: readonly TrackedOffer[];
  readonly offerMade: boolean;
  /** Accepted, or support delivered (support implies acceptance). */
  readonly accepted: boolean;
  /** Declined, with no support in place from another offer. */
  readonly declined: boolean;
  readonly supportInPlace: boolean;
}

export interface ChangeOfControlTrackerResult {
  readonly fy: number;
  readonly financialYear: string;
  readonly period: DateRange;
  readonly councils: number;
  readonly offerMade: number;
  readonly accepted: number;
  readonly declined: number;
  readonly supportInPlace: number;
  readonly percentSupportInPlace: number | null;
  readonly targetPercent: number;
  readonly targetMet: boolean;
  readonly rows: readonly ChangeOfControlTrackerRow[];
}

/**
 * The offers that answer a council's changes in the year: made on or after its first change
 * in the year and before its first change after the year (an offer made then answers that
 * later change). Offers are not linked to a change in the events, so this is by date.
 */
function offersFor(doc: ChangeOfControlDoc, firstChange: IsoDate, yearEnd: IsoDate, asOf: IsoDate) {
  const nextChange = doc.changes.find((change) => change.on > yearEnd)?.on ?? '9999-12-31';
  const offers: TrackedOffer[] = [];
  for (const [offerId, offer] of sortedEntries(doc.offers)) {
    const steps = offer.st.filter((step) => step.on <= asOf);
    const made = steps.find((step) => step.s === 'offered');
    const last = steps[steps.length - 1];
    if (made === undefined || last === undefined) continue;
    if (made.on < firstChange || made.on >= nextChange) continue;
    const on = (status: ChangeOfControlStatus) =>
      steps.find((step) => step.s === status)?.on ?? null;
    offers.push({
      offerId,
      trigger: offer.trigger,
      status: last.s,
      offeredOn: made.on,
      acceptedOn: on('accepted'),
      declinedOn: on('declined'),
      supportDeliveredOn: on('support_delivered'),
    });
  }
  return offers;
}

/** One council's row for the year as at a date; null when neither control nor leader changed. */
export function trackCouncil(
  doc: ChangeOfControlDoc,
  name: string | null,
  fy: number,
  asOf: IsoDate,
): ChangeOfControlTrackerRow | null {
  const yearEnd = financialYearBounds(fy).to;
  const period = upTo(financialYearBounds(fy), asOf);
  const changes = doc.changes.filter(
    (change) => change.on >= period.from && change.on <= period.to,
  );
  const first = changes[0];
  if (first === undefined) return null;
  const offers = offersFor(doc, first.on, yearEnd, asOf);
  const supportInPlace = offers.some((offer) => offer.supportDeliveredOn !== null);
  return {
    gss: doc.gss,
    name,
    changes: changes.map(({ on, kind, to }) => ({ on, kind, to })),
    offers,
    offerMade: offers.length > 0,
    accepted: offers.some(
      (offer) => offer.acceptedOn !== null || offer.supportDeliveredOn !== null,
    ),
    declined: !supportInPlace && offers.some((offer) => offer.status === 'declined'),
    supportInPlace,
  };
}

/** Councils whose control or leader changed in the year, and where their offer stands. */
export function changeOfControlTracker(
  params: ChangeOfControlTrackerParams,
): ChangeOfControlTrackerResult {
  const asOf = params.asOfDate ?? '9999-12-31';
  const period = upTo(financialYearBounds(params.fy), asOf);
  const rows: ChangeOfControlTrackerRow[] = [];
  for (const gss of sortedCouncils(params.docs.changeOfControl)) {
    const doc = params.docs.changeOfControl.get(gss);
    const name = params.docs.summaries?.get(gss)?.facts.name ?? null;
    const row = doc === undefined ? null : trackCouncil(doc, name, params.fy, asOf);
    if (row !== null) rows.push(row);
  }
  const count = (test: (row: ChangeOfControlTrackerRow) => boolean) => rows.filter(test).length;
  const supportInPlace = count((row) => row.supportInPlace);
  const percent = percentOf(supportInPlace, rows.length);
  const targetPercent = params.targetPercent ?? 75;
  return {
    fy: params.fy,
    financialYear: financialYearLabel(params.fy),
    period,
    councils: rows.length,
    offerMade: count((row) => row.offerMade),
    accepted: count((row) => row.accepted),
    declined: count((row) => row.declined),
    supportInPlace,
    percentSupportInPlace: percent,
    targetPercent,
    // No council with a change leaves nothing to support: the target is not missed.
    targetMet: supportInPlace * 100 >= targetPercent * rows.length,
    rows,
  };
}
