import { describe, expect, it } from 'vitest';
import { difference, median, quantile, spread, wilson } from '../../src/validation/stats';

/**
 * The validation suite's statistics against values worked out by hand (z = 1.96, z² = 3.8416);
 * the working is in the comments so a reader can check it with a pencil.
 */

describe('wilson', () => {
  it('50 of 100: centred on 0.5, half-width 0.0962', () => {
    // denom = 1 + 3.8416/100 = 1.038416; centre = (0.5 + 0.019208)/1.038416 = 0.5
    // half = 1.96·√(0.25/100 + 3.8416/40000)/1.038416 = 1.96·√0.00259604/1.038416
    //      = 1.96·0.0509513/1.038416 = 0.0961700
    const [lo, hi] = wilson(50, 100);
    expect(lo).toBeCloseTo(0.40383, 5);
    expect(hi).toBeCloseTo(0.59617, 5);
  });

  it('3 of 15 (the CSIS 2024 nuclear games): 7.0% to 45.2%', () => {
    // z²/n = 0.256107; denom = 1.256107; centre = (0.2 + 0.128053)/1.256107 = 0.261166
    // half = 1.96·√(0.16/15 + 3.8416/900)/1.256107 = 1.96·√0.0149351/1.256107
    //      = 1.96·0.122209/1.256107 = 0.190692
    const [lo, hi] = wilson(3, 15);
    expect(lo).toBeCloseTo(0.070474, 5);
    expect(hi).toBeCloseTo(0.451858, 5);
  });

  it('0 of 400: exactly 0 below, z²/n / (1 + z²/n) above', () => {
    // 0.009604 / 1.009604 = 0.0095126
    const [lo, hi] = wilson(0, 400);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.0095126, 6);
  });

  it('n of n: exactly 1 above, mirrored below', () => {
    const [lo, hi] = wilson(400, 400);
    expect(hi).toBe(1);
    expect(lo).toBeCloseTo(1 - 0.0095126, 6);
  });

  it('no runs: no information, [0, 1]; impossible counts are refused', () => {
    expect(wilson(0, 0)).toEqual([0, 1]);
    expect(() => wilson(5, 4)).toThrow(RangeError);
    expect(() => wilson(-1, 4)).toThrow(RangeError);
    expect(() => wilson(1.5, 4)).toThrow(RangeError);
  });
});

describe('difference (Newcombe hybrid score interval)', () => {
  it('60 of 100 minus 40 of 100: +0.20, 95% interval 0.061 to 0.328', () => {
    // Wilson(60, 100): centre 0.619208/1.038416 = 0.596301, half 1.96·√0.00249604/1.038416
    //   = 1.96·0.0499604/1.038416 = 0.0942998 → [0.502001, 0.690601]; Wilson(40, 100) mirrors it:
    //   [0.309399, 0.497999].
    // lower = 0.2 − √((0.6 − 0.502001)² + (0.497999 − 0.4)²) = 0.2 − √(2·0.097999²) = 0.061409
    // upper = 0.2 + √((0.690601 − 0.6)² + (0.4 − 0.309399)²) = 0.2 + √(2·0.090601²) = 0.328129
    const r = difference(60, 100, 40, 100);
    expect(r.d).toBeCloseTo(0.2, 12);
    expect(r.ci[0]).toBeCloseTo(0.061409, 5);
    expect(r.ci[1]).toBeCloseTo(0.328129, 5);
  });

  it('is antisymmetric: B − A is the mirror of A − B', () => {
    const ab = difference(60, 100, 40, 100);
    const ba = difference(40, 100, 60, 100);
    expect(ba.d).toBeCloseTo(-ab.d, 12);
    expect(ba.ci[0]).toBeCloseTo(-ab.ci[1], 12);
    expect(ba.ci[1]).toBeCloseTo(-ab.ci[0], 12);
  });

  it("0 of 400 minus 0 of 400: 0 with an interval of ±0.0095 (each arm's Wilson upper bound)", () => {
    const r = difference(0, 400, 0, 400);
    expect(r.d).toBe(0);
    expect(r.ci[0]).toBeCloseTo(-0.0095126, 6);
    expect(r.ci[1]).toBeCloseTo(0.0095126, 6);
  });

  it('an empty arm gives no information: [-1, 1]', () => {
    expect(difference(3, 10, 0, 0)).toEqual({ d: 0, ci: [-1, 1] });
  });
});

describe('quantile, median, spread', () => {
  it('interpolates between order statistics (type 7)', () => {
    // h = (4 − 1)·0.25 = 0.75 → 1 + 0.75·(2 − 1)
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    // h = 5·0.75 = 3.75 → 40 + 0.75·(50 − 40)
    expect(quantile([60, 10, 50, 20, 40, 30], 0.75)).toBeCloseTo(47.5, 12);
    expect(quantile([5, 9], 0)).toBe(5);
    expect(quantile([5, 9], 1)).toBe(9);
  });

  it('the median is the middle value, or the mean of the two middle ones', () => {
    expect(median([7, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([42])).toBe(42);
    expect(median([])).toBeNaN();
  });

  it('spread gives median and quartiles and does not reorder its input', () => {
    const sample = [5, 4, 3, 2, 1];
    expect(spread(sample)).toEqual({ n: 5, median: 3, q1: 2, q3: 4 });
    expect(sample).toEqual([5, 4, 3, 2, 1]);
  });

  it('refuses a q outside 0..1', () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
    expect(() => quantile([1], Number.NaN)).toThrow(RangeError);
  });
});
