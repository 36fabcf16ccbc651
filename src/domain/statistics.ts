/**
 * Percentiles by the nearest-rank method: the value at rank ceil(p × n) of the sorted values, so
 * every figure reported is a real duration some request took. `null` when there is no value.
 */
export function percentile(values: readonly number[], fraction: number): number | null {
  if (!(fraction > 0 && fraction <= 1))
    throw new RangeError(`percentile fraction must be in (0, 1]: ${fraction}`);
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return null;
  const sorted = [...finite].sort((a, b) => a - b);
  return sorted[Math.ceil(fraction * sorted.length) - 1]!;
}

export const median = (values: readonly number[]) => percentile(values, 0.5);

/** Whole days between two instants, rounded down: a request answered after 13.9 days took 13. */
export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000);
}

/** Share of `part` in `whole` as a whole percentage; 0 when there is nothing to share. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}
