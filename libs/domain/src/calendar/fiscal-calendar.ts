import type { DateRange, IsoDate } from '../values/iso-date.js';

/** Q1 = April-June ... Q4 = January-March, as in the MoU's quarterly reports. */
export type FiscalQuarter = 1 | 2 | 3 | 4;
export const FISCAL_QUARTERS: readonly FiscalQuarter[] = [1, 2, 3, 4];

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

function monthOf(date: IsoDate): number {
  return Number(date.slice(5, 7));
}

/** The financial year a date falls in, named by the year it starts: 2019 for 2019/20. */
export function financialYearOf(date: IsoDate): number {
  return monthOf(date) >= 4 ? yearOf(date) : yearOf(date) - 1;
}

export function fiscalQuarterOf(date: IsoDate): FiscalQuarter {
  const month = monthOf(date);
  if (month >= 4 && month <= 6) return 1;
  if (month >= 7 && month <= 9) return 2;
  if (month >= 10) return 3;
  return 4;
}

/** 2019 -> '2019/20', the label reports and the reference-data files use. */
export function financialYearLabel(fy: number): string {
  return `${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
}

/** '2019/20' -> 2019; null if the label is malformed or the two halves do not follow on. */
export function parseFinancialYearLabel(label: string): number | null {
  const match = /^(\d{4})\/(\d{2})$/.exec(label);
  if (!match) return null;
  const fy = Number(match[1]);
  return financialYearLabel(fy) === label ? fy : null;
}

/** '2019-20', the form used in reference-data file names. */
export function financialYearFileStem(fy: number): string {
  return financialYearLabel(fy).replace('/', '-');
}

export function financialYearBounds(fy: number): DateRange {
  return { from: `${fy}-04-01`, to: `${fy + 1}-03-31` };
}

export function quarterBounds(fy: number, quarter: FiscalQuarter): DateRange {
  switch (quarter) {
    case 1:
      return { from: `${fy}-04-01`, to: `${fy}-06-30` };
    case 2:
      return { from: `${fy}-07-01`, to: `${fy}-09-30` };
    case 3:
      return { from: `${fy}-10-01`, to: `${fy}-12-31` };
    case 4:
      return { from: `${fy + 1}-01-01`, to: `${fy + 1}-03-31` };
    default: {
      const unreachable: never = quarter;
      throw new Error(`unknown quarter ${String(unreachable)}`);
    }
  }
}

/** From the start of the year to the end of the quarter: the quarterly report's year to date. */
export function yearToDateBounds(fy: number, quarter: FiscalQuarter): DateRange {
  return { from: financialYearBounds(fy).from, to: quarterBounds(fy, quarter).to };
}
