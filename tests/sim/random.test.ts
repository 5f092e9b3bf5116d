import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { draws, stream, streamLabel } from '../../src/sim/random';

/**
 * Pinned values for the named random streams. Why: replays are a promise to users, and every saved
 * replay's hashes depend on these exact numbers. A change of generator, of label format or of the
 * way a double becomes a die roll shows up here as a reviewable diff (and must come with an engine
 * version bump), instead of as "your replay no longer verifies". The same idea as boardgame.io's
 * `random.test.ts`.
 */

const first = (seed: string, turn: number, purpose: string, n = 5): number[] => {
  const s = stream(seed, turn, purpose);
  return Array.from({ length: n }, () => s.d100());
};

describe('pinned stream values', () => {
  it('labels are seed:turn:purpose', () => {
    expect(streamLabel('42', 1, 'combat:crossing')).toBe('42:1:combat:crossing');
    expect(stream('42', 1, 'combat:crossing').label).toBe('42:1:combat:crossing');
  });

  it('the first five d100 of named streams', () => {
    expect(first('42', 1, 'combat:crossing')).toEqual([4, 77, 23, 98, 30]);
    expect(first('42', 2, 'combat:crossing')).toEqual([11, 65, 16, 31, 8]);
    expect(first('43', 1, 'combat:crossing')).toEqual([45, 66, 55, 21, 12]);
    expect(first('42', 3, 'ukraine:front')).toEqual([77, 14, 69, 1, 72]);
    expect(first('42', 1, 'incident:europe')).toEqual([93, 91, 31, 4, 93]);
  });

  it('int(lo, hi) and the memoised per-game draws', () => {
    const s = stream('42', 0, 'ai:russia');
    expect(Array.from({ length: 5 }, () => s.int(-3, 3))).toEqual([3, 2, 1, -2, 3]);
    expect(draws('42', 0, 'ai-temperament:russia', 10, -10, 10)).toEqual([
      2, 9, 1, 7, -7, 7, 10, -9, -8, -1,
    ]);
  });
});

describe("the generator is seedrandom's Alea, bit for bit", () => {
  // stream() reimplements seedrandom.alea (no closures per stream); every saved replay depends on
  // it giving the very same numbers, so compare both on many labels, unicode included.
  const same = (seed: string, turn: number, purpose: string): void => {
    const ours = stream(seed, turn, purpose);
    const ref = seedrandom.alea(streamLabel(seed, turn, purpose));
    for (let i = 0; i < 40; i++) {
      const d = ref();
      expect(ours.int(0, 2 ** 30)).toBe(Math.floor(d * (2 ** 30 + 1)));
    }
    expect(ours.label).toBe(streamLabel(seed, turn, purpose));
  };

  it('the same draws as seedrandom.alea(label) for fixed and generated labels', () => {
    same('42', 1, 'combat:crossing');
    same('bench-9999', 26, 'taiwan:landing:6');
    same('', 0, '');
    same('ünïcødé ✈', 3, '台湾:海峡');
    // The largest char codes push Mash's state to its highest values.
    same('\uffff'.repeat(64), 99_999, '\uffff'.repeat(256));
    fc.assert(
      fc.property(
        fc.string({ maxLength: 16, unit: 'binary' }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.string({ maxLength: 32, unit: 'binary' }),
        (seed, turn, purpose) => same(seed, turn, purpose),
      ),
      { numRuns: 300 },
    );
  });

  it('interleaved seeds and turns (the shared prefix is per seed and turn)', () => {
    for (const seed of ['a', 'b', 'a'])
      for (const turn of [1, 2, 1]) for (const p of ['x', 'y']) same(seed, turn, p);
  });
});

describe('stream properties', () => {
  const label = fc.tuple(
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.integer({ min: 0, max: 200 }),
    fc.string({ minLength: 1, maxLength: 24 }),
  );

  it('the same label always gives the same numbers', () => {
    fc.assert(
      fc.property(label, ([seed, turn, purpose]) => {
        expect(first(seed, turn, purpose, 20)).toEqual(first(seed, turn, purpose, 20));
      }),
      { numRuns: 100 },
    );
  });

  it('drawing from one label does not change another (independence)', () => {
    fc.assert(
      fc.property(
        label,
        fc.string({ minLength: 1, maxLength: 24 }),
        fc.integer({ min: 1, max: 200 }),
        ([seed, turn, purpose], other, extra) => {
          fc.pre(other !== purpose);
          const alone = first(seed, turn, purpose, 10);
          // Interleave: draw from the other stream between, before and after each draw.
          const a = stream(seed, turn, purpose);
          const b = stream(seed, turn, other);
          for (let i = 0; i < extra; i++) b.d100();
          const mixed: number[] = [];
          for (let i = 0; i < 10; i++) {
            mixed.push(a.d100());
            b.int(0, 1000);
          }
          expect(mixed).toEqual(alone);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('an extra draw in one turn does not shift the next turn’s rolls', () => {
    const before = first('42', 4, 'combat:crossing');
    const t3 = stream('42', 3, 'combat:crossing');
    for (let i = 0; i < 50; i++) t3.d100();
    expect(first('42', 4, 'combat:crossing')).toEqual(before);
  });

  it('different seeds, turns and purposes give different sequences', () => {
    const base = first('42', 1, 'combat:crossing', 10);
    expect(first('42', 1, 'combat:lodgement', 10)).not.toEqual(base);
    expect(first('42', 2, 'combat:crossing', 10)).not.toEqual(base);
    expect(first('42x', 1, 'combat:crossing', 10)).not.toEqual(base);
  });

  it('d100 stays in 1..100 and int(lo, hi) in lo..hi inclusive, reaching both ends', () => {
    const s = stream('range', 1, 'check');
    const d = Array.from({ length: 5000 }, () => s.d100());
    expect(Math.min(...d)).toBe(1);
    expect(Math.max(...d)).toBe(100);
    expect(d.every((x) => Number.isInteger(x))).toBe(true);
    const i = Array.from({ length: 2000 }, () => s.int(-3, 3));
    expect(new Set(i)).toEqual(new Set([-3, -2, -1, 0, 1, 2, 3]));
  });

  it('d100 is close to uniform (chi-square over 10 bins)', () => {
    const s = stream('uniform', 1, 'check');
    const n = 20000;
    const bins = new Array<number>(10).fill(0);
    for (let k = 0; k < n; k++) bins[Math.floor((s.d100() - 1) / 10)]!++;
    const expected = n / 10;
    const chi2 = bins.reduce((t, o) => t + (o - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: the 99.9th percentile is 27.9.
    expect(chi2).toBeLessThan(27.9);
  });

  it('draws() equals the stream it memoises, and its cache does not leak between calls', () => {
    const s = stream('7', 0, 'ai-temperament:china');
    const direct = Array.from({ length: 8 }, () => s.int(-5, 5));
    const a = draws('7', 0, 'ai-temperament:china', 8, -5, 5);
    expect(a).toEqual(direct);
    expect(draws('7', 0, 'ai-temperament:china', 8, -5, 5)).toEqual(direct);
    // Fill the cache past its bound, then ask again: still the same numbers.
    for (let k = 0; k < 300; k++) draws(`fill-${k}`, 0, 'x', 2, 0, 9);
    expect(draws('7', 0, 'ai-temperament:china', 8, -5, 5)).toEqual(direct);
    // A longer request of the same stream starts with the same numbers.
    expect(draws('7', 0, 'ai-temperament:china', 12, -5, 5).slice(0, 8)).toEqual(direct);
  });
});
