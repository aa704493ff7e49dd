/** A rate with its counts and 95% Wilson score interval, or `tooFew` below the minimum count. */
export type Rate =
  | { successes: number; n: number; rate: number; low: number; high: number }
  | { successes: number; n: number; tooFew: true };

// z for a two-sided 95% interval.
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927; the interval
 * Agresti & Coull 1998 recommend over the normal approximation, which fails at small n
 * and at rates near 0 or 1). Returns `{ low, high }` in [0, 1]; n = 0 gives [0, 1].
 */
export function wilsonInterval(successes: number, n: number, z = Z95): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** `successes / n` with its interval, or `tooFew` when `n < minCount`: a rate on a handful of leads says nothing. */
export function rate(successes: number, n: number, minCount: number): Rate {
  if (n < Math.max(1, minCount)) return { successes, n, tooFew: true };
  const { low, high } = wilsonInterval(successes, n);
  return { successes, n, rate: successes / n, low, high };
}
