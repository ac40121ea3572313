/**
 * Medians and app/floor ratios. A missing value (a timeout) counts as worse than every measured one,
 * so a figure whose runs mostly timed out has a median of +Infinity and shows as "timeout".
 */

export function median(values: ReadonlyArray<number | null>): number | null {
  if (values.length === 0) return null;
  const sorted = values.map((value) => (value === null ? Number.POSITIVE_INFINITY : value)).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return value === undefined || Number.isNaN(value) ? null : value;
}

/**
 * The app/floor ratio of runs measured in alternation (A B A B): the median of the per-pair ratios,
 * which cancels drift in machine load between pairs. Falls back to the ratio of medians when a pair
 * cannot be divided (a floor value of 0, say), and to null when that cannot be divided either.
 */
export function pairedRatio(app: ReadonlyArray<number | null>, floor: ReadonlyArray<number | null>): number | null {
  const pairs = app.map((value, index) => [value, floor[index]] as const);
  const divisible = pairs.every(
    ([a, b]) => a !== null && b !== null && b !== undefined && b > 0 && Number.isFinite(a) && Number.isFinite(b),
  );
  if (divisible && pairs.length > 0) return median(pairs.map(([a, b]) => (a ?? 0) / (b ?? 1)));
  return ratioOf(median(app), median(floor));
}

export function ratioOf(app: number | null, floor: number | null): number | null {
  if (app === null || floor === null || floor <= 0 || !Number.isFinite(floor)) return null;
  return app / floor;
}
