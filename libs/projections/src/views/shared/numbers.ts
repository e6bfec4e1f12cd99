/** Two decimals, so view outputs are stable numbers rather than long binary fractions. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A percentage to two decimals; null when there is nobody to count against. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : round2((part / whole) * 100);
}

/**
 * Money is summed in pence: integer sums are exact whatever order records were added in,
 * so a total never depends on recording order.
 */
export function toPence(pounds: number): number {
  return Math.round(pounds * 100);
}

export function toPounds(pence: number): number {
  return pence / 100;
}
