/**
 * The statistics of the validation suite: a proportion's Wilson score interval, the Newcombe
 * interval of a difference of two proportions, and quantiles (median, quartiles) of a sample.
 * Unrounded: rounding is for display (see `report.ts`).
 */

/** The two-sided 95% normal quantile. */
export const Z95 = 1.96;

/** A closed interval [lo, hi]. */
export type Interval = readonly [number, number];

/**
 * The Wilson score interval for `x` successes out of `n` (95% by default). It stays inside
 * [0, 1] and is sensible at 0 and at n successes, where the normal approximation collapses to a
 * point.
 *
 * Wilson (1927): centre = (p + z²/2n) / (1 + z²/n),
 * half-width = z √(p(1−p)/n + z²/4n²) / (1 + z²/n).
 *
 * @example
 * wilson(50, 100) // [0.4038..., 0.5961...]
 * wilson(0, 400)  // [0, 0.00951...]
 * wilson(0, 0)    // [0, 1]: no runs, no information
 */
export function wilson(x: number, n: number, z = Z95): Interval {
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || x > n)
    throw new RangeError(`wilson needs integers 0 <= x <= n, found x=${x}, n=${n}`);
  if (n === 0) return [0, 1];
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At x = 0 (or n) the bound is 0 (or 1) exactly; floating point can miss it by 1e-17.
  return [x === 0 ? 0 : Math.max(0, centre - half), x === n ? 1 : Math.min(1, centre + half)];
}

/** A difference of two proportions, pA − pB, with its 95% interval. */
export interface Difference {
  readonly d: number;
  readonly ci: Interval;
}

/**
 * The difference pA − pB of two independent proportions with Newcombe's hybrid score interval
 * (Newcombe 1998, method 10), built from each proportion's Wilson interval [lA, uA], [lB, uB]:
 *
 *   lower = d − √((pA − lA)² + (uB − pB)²),  upper = d + √((uA − pA)² + (pB − lB)²).
 *
 * Like Wilson's it behaves at 0 and 1, where the Wald interval does not. The validation suite
 * plays both arms of a comparison on the same seeds; the interval treats them as independent,
 * which can only make it wider (common random numbers reduce the variance of the difference).
 *
 * @example
 * difference(60, 100, 40, 100) // { d: 0.2, ci: [0.0614..., 0.3281...] }
 */
export function difference(xA: number, nA: number, xB: number, nB: number, z = Z95): Difference {
  if (nA === 0 || nB === 0) return { d: 0, ci: [-1, 1] };
  const pA = xA / nA;
  const pB = xB / nB;
  const [lA, uA] = wilson(xA, nA, z);
  const [lB, uB] = wilson(xB, nB, z);
  const d = pA - pB;
  const lower = d - Math.sqrt((pA - lA) ** 2 + (uB - pB) ** 2);
  const upper = d + Math.sqrt((uA - pA) ** 2 + (pB - lB) ** 2);
  return { d, ci: [Math.max(-1, lower), Math.min(1, upper)] };
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of a sample by linear interpolation between order statistics
 * (Hyndman and Fan type 7, the default of R and NumPy): with the sorted sample x₀ ≤ … ≤ xₙ₋₁
 * and h = (n − 1)q, the quantile is x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋). Its q = 0.5 is the usual
 * median (the middle value, or the mean of the two middle values). NaN for an empty sample.
 *
 * @example
 * quantile([1, 2, 3, 4], 0.25) // 1.75
 * quantile([7, 1, 3], 0.5)     // 3
 */
export function quantile(sample: readonly number[], q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile needs 0 <= q <= 1, found ${q}`);
  if (sample.length === 0) return NaN;
  const x = [...sample].sort((a, b) => a - b);
  const h = (x.length - 1) * q;
  const i = Math.floor(h);
  const lo = x[i]!;
  const hi = x[Math.min(i + 1, x.length - 1)]!;
  return lo + (h - i) * (hi - lo);
}

/**
 * The median of a sample (NaN for an empty one).
 *
 * @example
 * median([4, 1, 3, 2]) // 2.5
 */
export function median(sample: readonly number[]): number {
  return quantile(sample, 0.5);
}

/** Median and quartiles of a sample. */
export interface Spread {
  readonly n: number;
  readonly median: number;
  /** First and third quartiles: the interquartile range. */
  readonly q1: number;
  readonly q3: number;
}

/**
 * Median and interquartile range of a sample, by {@link quantile}.
 *
 * @example
 * spread([1, 2, 3, 4, 5]) // { n: 5, median: 3, q1: 2, q3: 4 }
 */
export function spread(sample: readonly number[]): Spread {
  return {
    n: sample.length,
    median: quantile(sample, 0.5),
    q1: quantile(sample, 0.25),
    q3: quantile(sample, 0.75),
  };
}
