import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveCombat, type CombatInput } from '../../src/sim/combat';
import { TERRAINS, type Terrain } from '../../src/sim/ids';
import { scenario } from '../helpers/game';

/**
 * Golden tables for combat. Why they exist: combat is the one place where a small edit to the
 * results table, a column boundary, a terrain modifier or a rounding rule silently changes every
 * campaign. These tables pin what `resolveCombat` gives today for the two-front scenario's table,
 * so a deliberate balance change shows up here as a reviewable diff (update the literal in the
 * same commit and say why), and an accidental one fails the build. The same idea as OpenFrontIO's
 * `tests/AttackLogicGolden.test.ts`.
 *
 * Each row is a force ratio (attack per 100 defence) and its column; each cell the result for a
 * d100 roll of 1, 25, 50, 75 and 100, with supply, air/sea control and readiness equal on both
 * sides, so only the column shift and the terrain modifier move the score.
 */

const TABLE = scenario('two-front').scenario.combat;
const RATIOS = [50, 100, 150, 200, 300, 400, 600] as const;
const ROLLS = [1, 25, 50, 75, 100] as const;

function even(attack: number, terrain: Terrain, extra: Partial<CombatInput> = {}): CombatInput {
  return {
    attacker: 'russia',
    defender: 'nato-europe',
    attack,
    defence: 100,
    terrain,
    attackerSupply: 50,
    defenderSupply: 50,
    airSea: 0,
    attackerReadiness: 70,
    defenderReadiness: 70,
    extra: [],
    ...extra,
  };
}

/** One line per ratio: `ratio% column | result for each roll`. */
function golden(terrain: Terrain): string[] {
  return RATIOS.map((ratio) => {
    const row = ROLLS.map((roll) => resolveCombat(even(ratio, terrain), TABLE, roll));
    return `${String(ratio).padStart(3)}% ${row[0]!.column.padEnd(3)} | ${row.map((o) => o.result.padEnd(15)).join(' ')}`.trimEnd();
  });
}

// Rolls:                  1               25              50              75              100
const OPEN = [
  ' 50% 1:2 | attacker-routed attacker-routed repulsed        stalemate       breakthrough',
  '100% 1:1 | attacker-routed repulsed        stalemate       advance         breakthrough',
  '150% 3:2 | attacker-routed repulsed        stalemate       advance         breakthrough',
  '200% 2:1 | attacker-routed repulsed        advance         breakthrough    breakthrough',
  '300% 3:1 | repulsed        stalemate       advance         breakthrough    breakthrough',
  '400% 4:1 | repulsed        stalemate       breakthrough    breakthrough    breakthrough',
  '600% 6:1 | stalemate       advance         breakthrough    breakthrough    breakthrough',
];

// Urban (-15): the fight for Taipei after a breakout, or for a Baltic capital.
const URBAN = [
  ' 50% 1:2 | attacker-routed attacker-routed repulsed        stalemate       advance',
  '100% 1:1 | attacker-routed attacker-routed repulsed        stalemate       advance',
  '150% 3:2 | attacker-routed attacker-routed repulsed        advance         breakthrough',
  '200% 2:1 | attacker-routed repulsed        stalemate       advance         breakthrough',
  '300% 3:1 | attacker-routed repulsed        stalemate       breakthrough    breakthrough',
  '400% 4:1 | repulsed        stalemate       advance         breakthrough    breakthrough',
  '600% 6:1 | repulsed        stalemate       advance         breakthrough    breakthrough',
];

// The Strait (-15): the amphibious crossing. Same modifier as urban today, by design data.
const STRAIT = URBAN;

describe('combat golden table (two-front combat table)', () => {
  it('open terrain', () => {
    expect(golden('open')).toEqual(OPEN);
  });

  it('urban terrain', () => {
    expect(golden('urban')).toEqual(URBAN);
  });

  it('the Taiwan Strait', () => {
    expect(golden('strait')).toEqual(STRAIT);
  });

  it('pins the columns, the terrain modifiers and the loss/control row of each result', () => {
    expect(TABLE.columns.map((c) => `${c.label}@${c.minRatioPct}:${c.shift}`)).toEqual([
      '1:3@0:-30',
      '1:2@50:-20',
      '1:1@100:-10',
      '3:2@150:0',
      '2:1@200:10',
      '3:1@300:20',
      '4:1@400:30',
      '6:1@600:40',
    ]);
    expect(TABLE.terrain).toEqual({
      open: 0,
      forest: -5,
      marsh: -10,
      urban: -15,
      mountain: -15,
      coastal: -5,
      island: -10,
      sea: 0,
      strait: -15,
    });
    expect(
      TABLE.results.map(
        (r) =>
          `${r.result}>=${r.minScore} losses ${r.attackerLossPct}/${r.defenderLossPct} control ${r.controlShift}`,
      ),
    ).toEqual([
      'attacker-routed>=-999 losses 25/4 control 0',
      'repulsed>=15 losses 14/6 control 0',
      'stalemate>=40 losses 8/8 control 5',
      'advance>=60 losses 6/12 control 25',
      'breakthrough>=80 losses 4/20 control 50',
    ]);
  });

  it('reads column boundaries inclusively and truncates the ratio', () => {
    const col = (attack: number, defence = 100) =>
      resolveCombat({ ...even(attack, 'open'), defence }, TABLE, 50).column;
    expect([col(49), col(50), col(99), col(100), col(149), col(150), col(599), col(600)]).toEqual([
      '1:3',
      '1:2',
      '1:2',
      '1:1',
      '1:1',
      '3:2',
      '4:1',
      '6:1',
    ]);
    // 299/100 is 2.99:1, which is still the 2:1 column (integer percent, truncated).
    expect(resolveCombat({ ...even(299, 'open') }, TABLE, 50).ratioPct).toBe(299);
    expect(col(2, 3)).toBe('1:2'); // 66%
    // No defenders at all is the best column, not a division by zero.
    const empty = resolveCombat({ ...even(10, 'open'), defence: 0 }, TABLE, 1);
    expect(empty.ratioPct).toBe(10000);
    expect(empty.column).toBe('6:1');
  });

  it('adds supply, air/sea and readiness modifiers, each truncated towards zero', () => {
    const out = resolveCombat(
      even(200, 'forest', {
        attackerSupply: 33,
        defenderSupply: 60, // -27 / 5 → -5
        airSea: -30, // -30 / 4 → -7
        attackerReadiness: 81,
        defenderReadiness: 70, // 11 / 5 → 2
        extra: [{ name: 'hardened beaches', value: -4 }],
      }),
      TABLE,
      77,
    );
    expect(out.modifiers).toEqual([
      { name: 'force ratio 2:1', value: 10 },
      { name: 'terrain (forest)', value: -5 },
      { name: 'supply', value: -5 },
      { name: 'air and sea control', value: -7 },
      { name: 'readiness', value: 2 },
      { name: 'hardened beaches', value: -4 },
    ]);
    expect(out.score).toBe(77 + 10 - 5 - 5 - 7 + 2 - 4);
    expect(out.score).toBe(68);
    expect(out).toMatchObject({
      result: 'advance',
      attackerLossPct: 6,
      defenderLossPct: 12,
      controlShift: 25,
      roll: 77,
    });
  });
});

const RANK = TABLE.results.map((r) => r.result);
const rank = (o: { result: string }): number => RANK.indexOf(o.result as (typeof RANK)[number]);

const inputArb = fc.record({
  attack: fc.integer({ min: 0, max: 2000 }),
  defence: fc.integer({ min: 0, max: 2000 }),
  terrain: fc.constantFrom(...TERRAINS),
  attackerSupply: fc.integer({ min: 0, max: 100 }),
  defenderSupply: fc.integer({ min: 0, max: 100 }),
  airSea: fc.integer({ min: -100, max: 100 }),
  attackerReadiness: fc.integer({ min: 0, max: 100 }),
  defenderReadiness: fc.integer({ min: 0, max: 100 }),
});

function input(v: typeof inputArb extends fc.Arbitrary<infer T> ? T : never): CombatInput {
  return { attacker: 'china', defender: 'taiwan', extra: [], ...v };
}

describe('combat monotonicity (any inputs)', () => {
  it('a higher roll is never worse for the attacker', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (v, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(rank(resolveCombat(input(v), TABLE, hi))).toBeGreaterThanOrEqual(
            rank(resolveCombat(input(v), TABLE, lo)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a higher force ratio (more attack, or less defence) is never worse', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 100 }),
        (v, more, roll) => {
          const base = resolveCombat(input(v), TABLE, roll);
          const stronger = resolveCombat({ ...input(v), attack: v.attack + more }, TABLE, roll);
          const thinner = resolveCombat(
            { ...input(v), defence: Math.max(0, v.defence - more) },
            TABLE,
            roll,
          );
          expect(stronger.ratioPct).toBeGreaterThanOrEqual(base.ratioPct);
          expect(rank(stronger)).toBeGreaterThanOrEqual(rank(base));
          expect(rank(thinner)).toBeGreaterThanOrEqual(rank(base));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is a pure integer function: same inputs, same outcome, integer score', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 100 }), (v, roll) => {
        const a = resolveCombat(input(v), TABLE, roll);
        expect(resolveCombat(input(v), TABLE, roll)).toEqual(a);
        expect(Number.isInteger(a.score)).toBe(true);
        expect(a.modifiers.every((m) => Number.isInteger(m.value))).toBe(true);
        expect(a.score).toBe(a.modifiers.reduce((t, m) => t + m.value, roll));
      }),
      { numRuns: 200 },
    );
  });

  it('every scenario’s table orders its columns and results so that monotonicity can hold', () => {
    for (const id of [
      'two-front',
      'skeptic',
      'hague-target',
      'ukraine-falls',
      'taiwan-alone',
      'europe-first',
    ]) {
      const t = scenario(id).scenario.combat;
      for (let i = 1; i < t.columns.length; i++) {
        expect(t.columns[i]!.minRatioPct, id).toBeGreaterThan(t.columns[i - 1]!.minRatioPct);
        expect(t.columns[i]!.shift, id).toBeGreaterThanOrEqual(t.columns[i - 1]!.shift);
      }
      for (let i = 1; i < t.results.length; i++) {
        expect(t.results[i]!.minScore, id).toBeGreaterThan(t.results[i - 1]!.minScore);
        expect(t.results[i]!.controlShift, id).toBeGreaterThanOrEqual(
          t.results[i - 1]!.controlShift,
        );
      }
    }
  });
});
