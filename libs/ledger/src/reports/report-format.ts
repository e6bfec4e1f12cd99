// Fixed-locale formatting: the page must read the same wherever it is rendered.

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const NOT_APPLICABLE = 'n/a';

export function formatNumber(value: number | null): string {
  return value === null ? NOT_APPLICABLE : NUMBER.format(value);
}

export function formatPounds(value: number | null): string {
  return value === null ? NOT_APPLICABLE : `£${NUMBER.format(value)}`;
}

export function formatPercent(value: number | null): string {
  return value === null ? NOT_APPLICABLE : `${NUMBER.format(value)}%`;
}

/** '2019-09-30' -> '30 September 2019'; anything else is shown as given. */
export function formatDate(value: string | null): string {
  if (value === null) return 'none';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : value;
}

export function formatRange(range: { readonly from: string; readonly to: string }): string {
  return `${formatDate(range.from)} to ${formatDate(range.to)}`;
}

export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

const WORDS: Readonly<Record<string, string>> = {
  met: 'Met',
  on_track: 'On track',
  behind: 'Behind',
  universal: 'Universal',
  tailored: 'Tailored',
  bespoke: 'Bespoke / intensive',
  in_intervention: 'In intervention',
};

/** Status and tier codes as words; an unknown code is shown as it is. */
export const wordFor = (code: string): string => WORDS[code] ?? code.replaceAll('_', ' ');
