import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEngine, verifyReplay } from '../../src/engine/run';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../../src/sim/ids';
import type { TrackSnapshot } from '../../src/sim/phases';
import { parseReplayText } from '../../src/sim/replay';
import { runPlain } from '../../src/sim/run';
import { LEVER_DOMAINS, LEVER_NAMES } from '../../src/sim/scenario/levers';
import type { Scenario } from '../../src/sim/scenario/schema';
import type { GameState } from '../../src/sim/state';
import { game, scenario } from '../helpers/game';
import { randomLegal } from '../helpers/random-legal';

/**
 * Property tests over the whole game: for any seed, any lever settings within the scenario's
 * ranges and any legal decisions by any set of human seats, the game never throws, keeps every
 * track inside its bounds, and replays to the same hashes (engine and plain loop alike).
 */

const SCENARIOS = [
  'two-front',
  'skeptic',
  'hague-target',
  'ukraine-falls',
  'taiwan-alone',
  'europe-first',
] as const;

/** Lever values inside a scenario's declared range (numbers on its step grid). */
function leversArb(sc: Scenario): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of LEVER_NAMES) {
    const def = sc.levers[name];
    const dom = LEVER_DOMAINS[name];
    if (dom.kind === 'enum') fields[name] = fc.constantFrom(...(def.values ?? dom.values));
    else if (dom.kind === 'boolean') fields[name] = fc.boolean();
    else {
      const min = def.min ?? dom.min;
      const max = def.max ?? dom.max;
      const step = def.step ?? (dom.kind === 'integer' ? 1 : 0.05);
      const steps = Math.floor((max - min) / step + 1e-9);
      fields[name] = fc
        .integer({ min: 0, max: steps })
        .map((k) => Math.round((min + k * step) * 100) / 100);
    }
  }
  return fc.record(fields);
}

const seedArb = fc.string({ minLength: 1, maxLength: 12 });

/** Every bounded number in the state, with its bounds; returns the violations. */
function outOfBounds(s: GameState): string[] {
  const bad: string[] = [];
  const check = (name: string, v: number, lo: number, hi = Infinity) => {
    if (!Number.isInteger(v) || v < lo || v > hi) bad.push(`${name}=${v} (expected ${lo}..${hi})`);
  };
  const t = s.tracks;
  for (const k of ['indoPacific', 'europe'] as const) {
    check(`escalation.${k}`, t.escalation[k], 0, 7);
    check(`deterrence.${k}`, t.deterrence[k], 0, 100);
  }
  for (const k of [
    'coordination',
    'natoCohesion',
    'article5Credibility',
    'miscalcRisk',
    'usPacificShare',
    'usPacificTarget',
    'taiwanSupply',
  ] as const)
    check(k, t[k], 0, 100);
  check('nonAligned', t.nonAligned, -100, 100);
  check('ukraine.territoryHeldBp', s.ukraine.territoryHeldBp, 0, 10000);
  check('ukraine.russianCasualties', s.ukraine.russianCasualties, 0);
  check('ukraine.ukrainianCasualties', s.ukraine.ukrainianCasualties, 0);
  check('taiwan.lodgement', s.taiwan.lodgement, 0, 100);
  for (const [a, st] of Object.entries(s.actors)) {
    check(`support.${a}`, st.support, 0, 100);
    check(`economicCost.${a}`, st.economicCost, 0, 100);
    check(`readiness.${a}`, st.readiness, 0, 100);
  }
  for (const [b, st] of Object.entries(s.blocs)) {
    check(`${b}.readiness`, st.readiness, 0, 100);
    check(`${b}.production`, st.production, 0, 100);
    check(`${b}.munitions`, st.munitions, 0, 100);
    check(`${b}.spendingBp`, st.spendingBp, 0, 800);
  }
  for (const [r, st] of Object.entries(s.regions)) check(`control.${r}`, st.control, 0, 100);
  for (const f of s.forces) {
    check(`strength.${f.id}`, f.strength, 0);
    check(`readiness.${f.id}`, f.readiness, 0, 100);
  }
  for (const e of s.keyEvents) check(`keyEvent.${e.name}.turn`, e.turn, 1, s.turn);
  return bad;
}

/** The charted tracks at the end of each turn, against the same bounds. */
function snapshotOutOfBounds(snaps: readonly TrackSnapshot[]): string[] {
  const bad: string[] = [];
  snaps.forEach((snap, i) => {
    for (const [k, v] of Object.entries(snap)) {
      const [lo, hi] = k.startsWith('escalation.')
        ? [0, 7]
        : k === 'nonAligned'
          ? [-100, 100]
          : k === 'ukraineTerritoryHeldBp'
            ? [0, 10000]
            : k === 'nato.spendingBp'
              ? [0, 800]
              : k === 'turn' || k === 'hour'
                ? [0, Infinity]
                : [0, 100];
      if (!Number.isInteger(v) || v < lo! || v > hi!)
        bad.push(`turn ${i + 1}: ${k}=${v} (expected ${lo}..${hi})`);
    }
  });
  return bad;
}

describe('any seed, any levers', () => {
  it('never throws and keeps every track in bounds (whole campaigns, every scenario)', () => {
    const arb = fc
      .constantFrom(...SCENARIOS)
      .chain((id) => fc.tuple(fc.constant(id), seedArb, leversArb(scenario(id).scenario)));
    fc.assert(
      fc.property(arb, ([id, seed, levers]) => {
        const g = game(id).seed(seed).levers(levers).quiet().plain().play();
        expect(outOfBounds(g.state)).toEqual([]);
        expect(g.turnsPlayed).toBeGreaterThanOrEqual(1);
        expect(g.turnsPlayed).toBeLessThanOrEqual(g.sc.calendar.maxTurns);
        expect(g.state.outcome, 'every campaign ends with an outcome').not.toBeNull();
        expect(g.rejection).toBeNull();
      }),
      { numRuns: 30 },
    );
  });

  it('keeps the charted tracks in bounds at the end of every turn', () => {
    fc.assert(
      fc.property(seedArb, leversArb(scenario('two-front').scenario), (seed, levers) => {
        const g = game('two-front').seed(seed).levers(levers).turns(8).plain().play();
        expect(snapshotOutOfBounds(g.tracks)).toEqual([]);
        expect(outOfBounds(g.state)).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });
});

describe('any legal decision sequence', () => {
  const humansArb = fc.subarray([...PLAYABLE_ACTORS] as PlayableActorId[], { minLength: 1 });
  const caseArb = fc.record({
    id: fc.constantFrom(...SCENARIOS),
    seed: seedArb,
    humans: humansArb,
    turns: fc.integer({ min: 1, max: 8 }),
    policySeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    course: fc.constantFrom<Record<string, string>>(
      {},
      { chinaCourse: 'invasion' },
      { russiaCourse: 'baltic-offensive', usIntervention: 'none' },
    ),
  });

  it('never throws, is never rejected, stays in bounds, and replays to the same hashes', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const b = game(c.id).seed(c.seed).levers(c.course).turns(c.turns);
        for (const h of c.humans) b.policy(h, randomLegal(c.policySeed));
        const g = b.play();
        expect(g.rejection).toBeNull();
        expect(outOfBounds(g.state)).toEqual([]);
        expect(snapshotOutOfBounds(g.tracks)).toEqual([]);
        expect(g.turnHashes).toHaveLength(g.turnsPlayed);
        expect(g.decisions).toHaveLength(g.turnsPlayed);
        for (const d of g.entries('decision'))
          if (d.by === 'human') expect(c.humans).toContain(d.actor);

        // Replaying the recorded decisions gives the same bits, through both loops.
        const opts = { ...g.opts, script: g.decisions };
        const again = runEngine(g.sc, opts);
        const plain = runPlain(g.sc, opts);
        expect(again.turnHashes).toEqual(g.turnHashes);
        expect(again.finalHash).toBe(g.finalHash);
        expect(plain.turnHashes).toEqual(g.turnHashes);
        expect(plain.finalHash).toBe(g.finalHash);
        expect(plain.decisions).toEqual(g.decisions);
      }),
      { numRuns: 25 },
    );
  });

  it('a replay record survives JSON, parses, and verifies', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const b = game(c.id).seed(c.seed).levers(c.course).turns(c.turns);
        for (const h of c.humans) b.policy(h, randomLegal(c.policySeed, 0.7));
        const g = b.play();
        const text = JSON.stringify(g.replay(), null, 2);
        const parsed = parseReplayText(text, 'property.json');
        expect(parsed.ok, parsed.ok ? '' : parsed.error.map((p) => p.message).join('\n')).toBe(
          true,
        );
        if (!parsed.ok) return;
        const v = verifyReplay(g.loaded, parsed.value);
        expect(v).toEqual({ ok: true, turns: g.turnsPlayed, finalHash: g.finalHash });
      }),
      { numRuns: 20 },
    );
  });
});

describe('sanity of the generators', () => {
  it('the random policy does take options (it is not always empty)', () => {
    const g = game('two-front')
      .seed('policy')
      .set('chinaCourse', 'invasion')
      .turns(6)
      .policy('usa', randomLegal(1, 0.9))
      .policy('china', randomLegal(2, 0.9))
      .play();
    const human = g.entries('decision').filter((d) => d.by === 'human');
    expect(human.length).toBeGreaterThan(5);
    expect(new Set(human.map((d) => d.actor))).toEqual(new Set(['usa', 'china']));
  });
});
