import { describe, expect, it } from 'vitest';
import { Ctx } from '../../src/sim/context';
import { hashValue } from '../../src/sim/hash';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../../src/sim/ids';
import { checkOutcome } from '../../src/sim/outcomes';
import { provenance } from '../../src/sim/scenario/provenance';
import { loadScenarioData, type LoadedScenario } from '../../src/sim/scenario/load';
import type { OutcomeRule } from '../../src/sim/scenario/schema';
import {
  METRIC_INFO,
  SCORE_METRICS,
  formatWeight,
  provisionalOutcome,
  provisionalScores,
  scoreActor,
  scoreTotal,
} from '../../src/sim/score';
import { createInitialState, resolveLevers } from '../../src/sim/setup';
import { regionForWrite, type GameState } from '../../src/sim/state';
import type { InputProblem, Result } from '../../src/sim/validation';
import { BASELINE, type Json } from '../helpers/baseline';
import { game, scenario } from '../helpers/game';

/**
 * Scores as the scenario's objectives make them (src/sim/score.ts). Golden tables on purpose: each
 * row is a small constructed state with every term's points worked out by hand in its comment, so
 * a change to a weight, a metric or the rounding shows up here as a reviewable diff, not as a
 * silent drift of the outcome scores.
 */

const sc = scenario('two-front').scenario;

function initial(): GameState {
  const levers = resolveLevers(sc, {});
  if (!levers.ok) throw new Error(levers.error.message);
  const s = createInitialState(sc, 'score', levers.value);
  s.turn = 5;
  return s;
}

function rule(id: string): OutcomeRule {
  const r = sc.outcomes.find((o) => o.id === id);
  if (!r) throw new Error(`no outcome ${id}`);
  return r;
}

/** Each term's points, by term id, and the total. */
function pointsOf(
  s: GameState,
  actor: PlayableActorId,
  r: OutcomeRule | null,
): [Record<string, number>, number] {
  const x = scoreActor(s, sc, actor, r);
  return [Object.fromEntries(x.terms.map((t) => [t.id, t.points])), x.total];
}

describe('the bundled objectives', () => {
  // Pinned on purpose: each actor's terms and weights are the balance of the scores.
  it('are these terms and weights, the first three today’s formula', () => {
    const table = Object.fromEntries(
      PLAYABLE_ACTORS.map((a) => [
        a,
        sc.objectives[a].terms.map((t) => `${t.id}:${t.metric}:${t.weight}`).join(' '),
      ]),
    );
    const base = 'outcome:outcome:100 support:supportChange:20 cost:economicCost:-20';
    expect(table).toEqual({
      china: `${base} taiwan:taiwanControl:20 allies:alliesEngaged:-10`,
      russia: `${base} ukraine:ukraineLine:-20 cohesion:natoCohesionChange:-10`,
      usa: `${base} taiwan:taiwanControl:-15 cohesion:natoCohesionChange:10`,
      'nato-europe': `${base} ground:alliedGroundLost:-50 cohesion:natoCohesionChange:15`,
      taiwan: `${base} survival:taiwanControl:-30 allies:alliesEngaged:10`,
      japan: `${base} taiwan:taiwanControl:-10 escalation:escalationIndoPacific:-200`,
      ukraine: `${base} line:ukraineLine:20 guarantees:ukraineGuarantees:300`,
    });
    for (const a of PLAYABLE_ACTORS) {
      const n = sc.objectives[a].terms.length;
      expect(n, a).toBeGreaterThanOrEqual(3);
      expect(n, a).toBeLessThanOrEqual(5);
      expect(sc.objectives[a].summary.length, a).toBeGreaterThan(20);
    }
  });

  it('every metric of the catalog says what it measures and in what unit', () => {
    for (const m of SCORE_METRICS) {
      expect(METRIC_INFO[m].label.length, m).toBeGreaterThan(2);
      expect(METRIC_INFO[m].unit.length, m).toBeGreaterThan(2);
      expect(METRIC_INFO[m].explain.length, m).toBeGreaterThan(20);
    }
  });

  it('every variant scores with them (the objectives come through `extends`)', () => {
    for (const id of ['csis-base', 'skeptic', 'taiwan-alone', 'ukraine-falls', 'hague-target'])
      expect(scenario(id).scenario.objectives).toEqual(sc.objectives);
  });
});

describe('scoreActor: a golden table', () => {
  it('at the start nothing but the outcome counts', () => {
    const s = initial();
    // Deterrence holds: US base 30; support, cost, Taiwan and cohesion all 0.
    expect(pointsOf(s, 'usa', rule('deterrence-holds'))).toEqual([
      { outcome: 30, support: 0, cost: 0, taiwan: 0, cohesion: 0 },
      30,
    ]);
  });

  it('Taiwan falls: China’s terms, and Taiwan’s clamped at -100', () => {
    const s = initial();
    s.flags.taipeiFallen = true;
    s.flags.usIntervened = true;
    s.flags.japanJoined = true;
    s.actors.china.support = sc.actors.china.domesticSupport - 20;
    s.actors.china.economicCost = 45;
    // China: 70; trunc(-20 × 20 / 100) = -4; trunc(45 × -20 / 100) = -9; Taiwan 100 × 20% = 20;
    // both allies engaged 100 × -10% = -10. 67.
    expect(pointsOf(s, 'china', rule('taiwan-falls'))).toEqual([
      { outcome: 70, support: -4, cost: -9, taiwan: 20, allies: -10 },
      67,
    ]);
    // Taiwan: -100, 0, 0, 100 × -30% = -30, +10: -120, clamped to -100.
    const tw = scoreActor(s, sc, 'taiwan', rule('taiwan-falls'));
    expect(tw.terms.map((t) => t.points)).toEqual([-100, 0, 0, -30, 10]);
    expect(tw.total).toBe(-100);
    expect(tw.outcome).toBe('taiwan-falls');
  });

  it('a Baltic fait accompli: allied ground by value, cohesion, and Russia’s gain', () => {
    const s = initial();
    regionForWrite(s, 'estonia').owner = 'russia';
    regionForWrite(s, 'latvia').owner = 'russia';
    s.tracks.natoCohesion = sc.tracks.natoCohesion - 32;
    s.actors['nato-europe'].support = sc.actors['nato-europe'].domesticSupport - 60;
    s.actors['nato-europe'].economicCost = 100;
    const r = rule('baltic-fait-accompli');
    // NATO's regions are worth 640 points; Estonia and Latvia 90 each: trunc(18000 / 640) = 28%.
    const ground = scoreActor(s, sc, 'nato-europe', r).terms.find((t) => t.id === 'ground')!;
    expect([ground.value, ground.points]).toEqual([28, -14]);
    // -80, -12, -20, trunc(28 × -50 / 100) = -14, trunc(-32 × 15 / 100) = -4: -130 → -100.
    expect(pointsOf(s, 'nato-europe', r)).toEqual([
      { outcome: -80, support: -12, cost: -20, ground: -14, cohesion: -4 },
      -100,
    ]);
    // Russia: 50, 0, 0, the Ukraine line unmoved 0, trunc(-32 × -10 / 100) = 3: 53.
    expect(pointsOf(s, 'russia', r)).toEqual([
      { outcome: 50, support: 0, cost: 0, ukraine: 0, cohesion: 3 },
      53,
    ]);
  });

  it('the Ukraine line in tenths of a point, and its guarantees', () => {
    const s = initial();
    s.ukraine.territoryHeldBp = sc.ukraine.territoryHeldBp - 250;
    s.ukraine.guarantees = { ownForces: true, coalition: true, usBackstop: true };
    s.actors.ukraine.support = sc.actors.ukraine.domesticSupport + 7;
    const r = rule('negotiated-settlement');
    // 250 bp lost = 25‰ of the country. Ukraine: -5, trunc(7 × 20 / 100) = 1, 0,
    // trunc(-25 × 20 / 100) = -5, 3 guarantees × 300% = 9: 0.
    expect(pointsOf(s, 'ukraine', r)).toEqual([
      { outcome: -5, support: 1, cost: 0, line: -5, guarantees: 9 },
      0,
    ]);
    // Russia: 20, 0, 0, trunc(-25 × -20 / 100) = 5, 0: 25.
    expect(pointsOf(s, 'russia', r)[1]).toBe(25);
    // The line saturates at ±100‰: Ukraine lost whole (a lever can start it so) is -100.
    s.ukraine.territoryHeldBp = 0;
    expect(scoreActor(s, sc, 'ukraine', r).terms.find((t) => t.id === 'line')!.value).toBe(-100);
  });

  it('Japan under a squeeze: the blockade as Beijing’s hold, the ladder’s rung', () => {
    const s = initial();
    s.tracks.escalation.indoPacific = 5;
    s.tracks.taiwanSupply = 40;
    s.actors.japan.economicCost = 12;
    // Pacific war: Japan 0; 0; trunc(12 × -20 / 100) = -2; hold 100 - 40 = 60 × -10% = -6;
    // rung 5 × -200% = -10: -18.
    expect(pointsOf(s, 'japan', rule('pacific-war'))).toEqual([
      { outcome: 0, support: 0, cost: -2, taiwan: -6, escalation: -10 },
      -18,
    ]);
  });

  it('terms sum to the total unless it is clamped, and the cheap total agrees', () => {
    const states: GameState[] = [initial()];
    for (const seed of ['sum-1', 'sum-2', 'sum-3'])
      states.push(game('two-front').seed(seed).set('chinaCourse', 'invasion').quiet().play().state);
    for (const s of states)
      for (const r of [...sc.outcomes, null])
        for (const a of PLAYABLE_ACTORS) {
          const x = scoreActor(s, sc, a, r);
          const sum = x.terms.reduce((t, term) => t + term.points, 0);
          expect(x.total).toBe(Math.max(-100, Math.min(100, sum)));
          expect(scoreTotal(s, sc, a, r)).toBe(x.total);
          for (const t of x.terms)
            expect(t.points).toBe(Math.trunc((t.value * t.weight) / 100) + 0);
        }
  });

  it('the first three terms are today’s formula: base + support/5 − cost/5, each truncated', () => {
    for (const seed of ['old-1', 'old-2']) {
      const s = game('two-front').seed(seed).quiet().play().state;
      const r = rule(s.outcome!.id);
      for (const a of PLAYABLE_ACTORS) {
        const old =
          r.scores[a] +
          Math.trunc((s.actors[a].support - sc.actors[a].domesticSupport) / 5) -
          Math.trunc(s.actors[a].economicCost / 5);
        const first = scoreActor(s, sc, a, r).terms.slice(0, 3);
        expect(
          first.reduce((t, x) => t + x.points, 0),
          `${seed} ${a}`,
        ).toBe(old);
      }
    }
  });

  it('no rule: the outcome term is 0 and names no outcome', () => {
    const s = initial();
    const x = scoreActor(s, sc, 'usa', null);
    expect([x.outcome, x.terms[0]!.value, x.total]).toEqual([null, 0, 0]);
  });

  it('reads the state and changes nothing', () => {
    const s = game('two-front').seed('pure').turns(6).quiet().play().state;
    const before = hashValue(s);
    provisionalScores(s, sc);
    for (const a of PLAYABLE_ACTORS) scoreTotal(s, sc, a);
    expect(hashValue(s)).toBe(before);
  });
});

describe('the provisional outcome and scores', () => {
  it('is the first rule that holds now, immediate or end', () => {
    const s = initial();
    expect(provisionalOutcome(s, sc)?.id).toBe('deterrence-holds');
    s.flags.blockadeActive = true;
    s.tracks.taiwanSupply = 25;
    expect(provisionalOutcome(s, sc)?.id).toBe('coerced-taiwan');
    s.flags.taipeiFallen = true;
    expect(provisionalOutcome(s, sc)?.id).toBe('taiwan-falls');
  });

  it('scores every actor under that rule (left out, `rule` means the provisional one)', () => {
    const s = initial();
    s.flags.blockadeActive = true;
    s.tracks.taiwanSupply = 25;
    const all = provisionalScores(s, sc);
    for (const a of PLAYABLE_ACTORS) {
      expect(all[a]).toEqual(scoreActor(s, sc, a, rule('coerced-taiwan')));
      expect(scoreActor(s, sc, a)).toEqual(all[a]);
      expect(all[a].outcome).toBe('coerced-taiwan');
    }
    // Taiwan: -60, 0, 0, trunc(75 × -30 / 100) = -22, 0.
    expect(all.taiwan.total).toBe(-82);
  });

  it('a game’s last provisional scores are its outcome’s scores', () => {
    const r = game('two-front').seed('prov-end').quiet().play();
    const o = r.state.outcome!;
    const prov = provisionalScores(r.state, sc);
    for (const a of PLAYABLE_ACTORS) {
      expect(prov[a].outcome).toBe(o.id);
      expect(prov[a].total).toBe(o.scores[a]);
      expect(prov[a].terms).toEqual(o.terms[a]);
    }
  });
});

describe('the outcome carries the terms', () => {
  it('in the state and in the log entry’s text', () => {
    const s = initial();
    s.flags.taipeiFallen = true;
    const ctx = new Ctx(s, sc, 'assessment', { inPlace: true });
    checkOutcome(ctx, false);
    const o = s.outcome!;
    expect(o.id).toBe('taiwan-falls');
    for (const a of PLAYABLE_ACTORS) {
      const x = scoreActor(s, sc, a, rule('taiwan-falls'));
      expect(o.terms[a]).toEqual(x.terms);
      expect(o.scores[a]).toBe(x.total);
    }
    const entry = ctx.log.find((e) => e.type === 'outcome');
    expect(entry?.text).toContain(
      'china 90 (Outcome +70, Support at home 0, Economic cost 0, Hold on Taiwan +20, US and Japan kept out 0)',
    );
    expect(entry?.text).toContain('taiwan -100 (Outcome −100');
  });
});

describe('weights on the screens', () => {
  it('read as multipliers', () => {
    expect([100, 20, -20, -250, 300, 5, 0].map(formatWeight)).toEqual([
      '×1',
      '×0.2',
      '×−0.2',
      '×−2.5',
      '×3',
      '×0.05',
      '×0',
    ]);
  });
});

describe('the objectives in a scenario file', () => {
  function broken(mutate: (d: Json) => void): Result<LoadedScenario, InputProblem[]> {
    const d = structuredClone(BASELINE);
    mutate(d);
    return loadScenarioData(d, 'bad.json');
  }
  function problem(r: Result<LoadedScenario, InputProblem[]>, path: string): string {
    expect(r.ok).toBe(false);
    if (r.ok) return '';
    const hit = r.error.find((p) => p.path === path);
    expect(
      hit,
      `no problem at ${path}; got:\n${r.error.map((p) => p.message).join('\n')}`,
    ).toBeDefined();
    return hit?.message ?? '';
  }

  it('refuse an unknown metric, naming where and what the catalog has', () => {
    const msg = problem(
      broken((d) => {
        d.objectives.china.terms[3].metric = 'taiwanStatus';
      }),
      '$.objectives.china.terms[3].metric',
    );
    expect(msg).toContain('bad.json: at $.objectives.china.terms[3].metric');
    expect(msg).toContain('"taiwanControl"');
    expect(msg).toContain('found "taiwanStatus"');
  });

  it('need every playable actor', () => {
    const msg = problem(
      broken((d) => {
        delete d.objectives.ukraine;
      }),
      '$.objectives.ukraine',
    );
    expect(msg).toContain('object');
  });

  it('refuse a term id used twice for one actor, and a weight past the bounds', () => {
    expect(
      problem(
        broken((d) => {
          d.objectives.usa.terms[4].id = 'taiwan';
        }),
        '$.objectives.usa.terms[4].id',
      ),
    ).toContain('"taiwan" twice');
    expect(
      problem(
        broken((d) => {
          d.objectives.usa.terms[3].weight.value = 5000;
        }),
        '$.objectives.usa.terms[3].weight.value',
      ),
    ).toContain('<= 1000');
  });

  it('count a bare weight as an untagged figure', () => {
    const d = structuredClone(BASELINE);
    expect(provenance(d).counts.untagged).toBe(0);
    d.objectives.japan.terms[4].weight = -200;
    expect(loadScenarioData(d, 'bare.json').ok).toBe(true);
    const untagged = provenance(d).figures.filter((f) => f.status === 'untagged');
    expect(untagged.map((f) => f.path)).toEqual(['$.objectives.japan.terms[4].weight']);
  });
});
