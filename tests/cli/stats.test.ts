import { describe, it, expect } from 'vitest';
import { KEY_EVENTS } from '../../src/sim/ids';
import {
  createAggregator,
  histogramPercentile,
  wilson95,
  type RunSummary,
} from '../../src/cli/stats';

/**
 * Batch statistics. The Wilson values are pinned from the closed form (z = 1.96) so a change of
 * formula or rounding shows up here; the aggregator is checked on hand-made histograms where the
 * nearest-rank percentiles can be worked out on paper.
 */

describe('wilson95', () => {
  it.each([
    [50, 100, [0.4038, 0.5962]],
    [0, 10, [0, 0.2775]],
    [10, 10, [0.7225, 1]],
    [1, 1000, [0.0002, 0.0056]],
    [0, 0, [0, 1]],
  ] as const)('%i of %i → %j', (k, n, expected) => {
    expect(wilson95(k, n)).toEqual(expected);
  });

  it('always contains the observed rate and stays in [0, 1]', () => {
    for (const n of [1, 7, 100, 9999])
      for (const k of [0, 1, Math.floor(n / 3), n]) {
        const [lo, hi] = wilson95(k, n);
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        expect(lo).toBeLessThanOrEqual(k / n + 1e-4);
        expect(hi).toBeGreaterThanOrEqual(k / n - 1e-4);
      }
  });
});

describe('histogramPercentile (nearest rank)', () => {
  it('picks the smallest bin whose cumulative count reaches ceil(q × n)', () => {
    // Observations: 1, 1, 3, 3, 3.
    const h = new Uint32Array([0, 2, 0, 3]);
    expect(histogramPercentile(h, 5, 0.1)).toBe(1); // rank 1
    expect(histogramPercentile(h, 5, 0.4)).toBe(1); // rank 2
    expect(histogramPercentile(h, 5, 0.5)).toBe(3); // rank 3
    expect(histogramPercentile(h, 5, 0.9)).toBe(3); // rank 5
  });
});

function run(outcome: string, turnsPlayed: number, events: RunSummary['events'] = []): RunSummary {
  return { outcome, turnsPlayed, events };
}

describe('createAggregator', () => {
  it('counts outcomes and events and lists every key event', () => {
    const agg = createAggregator(100);
    agg.add(run('b', 10, [{ name: 'secondFront', hour: 5 }]));
    agg.add(run('a', 20));
    agg.add(
      run('b', 30, [
        { name: 'secondFront', hour: 7 },
        { name: 'ceasefire', hour: 50 },
      ]),
    );
    agg.add(run('b', 20));
    const s = agg.summary();
    expect(s.runs).toBe(4);
    expect(s.outcomes).toEqual({ a: 1, b: 3 });
    expect(Object.keys(s.outcomes)).toEqual(['a', 'b']);
    expect(s.meanTurns).toBe(20);
    expect(Object.keys(s.events)).toEqual([...KEY_EVENTS]);
    expect(s.events.secondFront).toEqual({
      count: 2,
      rate: 0.5,
      ci95: wilson95(2, 4),
      hour: { p10: 5, median: 5, p90: 7 },
    });
    expect(s.events.nuclearUse).toEqual({ count: 0, rate: 0, ci95: wilson95(0, 4) });
    expect('hour' in s.events.nuclearUse).toBe(false);
  });

  it('takes percentiles from the hour histogram', () => {
    const agg = createAggregator(1000);
    // Hours 1..100, one run each: p10 = 10, median = 50, p90 = 90 by nearest rank.
    for (let h = 100; h >= 1; h--) agg.add(run('x', 1, [{ name: 'article5Invoked', hour: h }]));
    expect(agg.summary().events.article5Invoked.hour).toEqual({ p10: 10, median: 50, p90: 90 });
    expect(agg.summary().events.article5Invoked.rate).toBe(1);
  });

  it('clamps hours outside 0..maxHour into the end bins', () => {
    const agg = createAggregator(10);
    agg.add(run('x', 1, [{ name: 'ceasefire', hour: -3 }]));
    agg.add(run('x', 1, [{ name: 'ceasefire', hour: 99 }]));
    expect(agg.summary().events.ceasefire.hour).toEqual({ p10: 0, median: 0, p90: 10 });
  });

  it('does not depend on the order runs arrive in', () => {
    const runs = Array.from({ length: 60 }, (_, i) =>
      run(
        `o${i % 4}`,
        10 + (i % 7),
        i % 3 === 0 ? [{ name: 'nuclearSignal', hour: (i * 37) % 200 }] : [],
      ),
    );
    const a = createAggregator(300);
    const b = createAggregator(300);
    runs.forEach((r) => a.add(r));
    [...runs].reverse().forEach((r) => b.add(r));
    expect(JSON.stringify(b.summary())).toBe(JSON.stringify(a.summary()));
  });

  it('keeps fixed-size buffers: the same after 10 and 10,000 runs', () => {
    const agg = createAggregator(26 * 84);
    const sizes = (): number[] => KEY_EVENTS.map((n) => agg.histograms[n].length);
    const before = sizes();
    const buffers = KEY_EVENTS.map((n) => agg.histograms[n]);
    const outcomes = ['taiwan-holds', 'two-front-war', 'nuclear-use'];
    const add = (i: number): void =>
      agg.add(
        run(outcomes[i % 3]!, 26, [{ name: KEY_EVENTS[i % KEY_EVENTS.length]!, hour: i % 3000 }]),
      );
    for (let i = 0; i < 10; i++) add(i);
    const after10 = sizes();
    const outcomes10 = Object.keys(agg.summary().outcomes).length;
    for (let i = 10; i < 10_000; i++) add(i);
    expect(after10).toEqual(before);
    expect(sizes()).toEqual(before);
    expect(before.every((n) => n === 26 * 84 + 1)).toBe(true);
    // The very same typed arrays: nothing was reallocated or appended.
    KEY_EVENTS.forEach((n, i) => expect(agg.histograms[n]).toBe(buffers[i]));
    expect(Object.keys(agg.summary().outcomes).length).toBe(outcomes10);
    expect(agg.summary().runs).toBe(10_000);
  });
});
