import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIO_DIR, loadScenarioFile } from '../../src/cli/scenario-files';
import { loadScenarioData } from '../../src/sim/scenario/load';
import {
  decideOneStep,
  decidePlanned,
  isKeyOption,
  perceive,
  situation,
  type AiDecisionRecord,
  type AiPolicy,
} from '../../src/sim/ai';
import { decisionLabel } from '../../src/sim/ai/one-step';
import { OPTION_SPECS, type OptionId } from '../../src/sim/options/params';

const OPTION_SLOT = (id: OptionId): string => OPTION_SPECS[id].slot;
import { hashString } from '../../src/sim/hash';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../../src/sim/ids';
import { runPlain } from '../../src/sim/run';
import type { Scenario } from '../../src/sim/scenario/schema';
import type { Decision } from '../../src/sim/state';
import { createInitialState, defaultLevers } from '../../src/sim/setup';
import { checkReasons } from '../helpers/ai-reasons';
import { playDecisions } from '../helpers/ai-turns';

/**
 * The planning AI (src/sim/ai/planner.ts), the default AI, played in every seat. The pinned
 * digest below covers the decisions and the logged reasoning of three seeded games, so a
 * deliberate change to a planner constant shows up as a new digest, including the few the golden
 * campaigns cannot move (tests/sim/constants.test.ts names them).
 */
const loaded = loadScenarioFile('two-front');
if (!loaded.ok) throw new Error('two-front does not load');
const sc = loaded.value.scenario;
const raw: unknown = JSON.parse(readFileSync(join(SCENARIO_DIR, 'two-front.json'), 'utf8'));
const planner = Object.fromEntries(PLAYABLE_ACTORS.map((a) => [a, 'planner'])) as Record<
  PlayableActorId,
  AiPolicy
>;

function play(seed: string, extra: Record<string, unknown> = {}) {
  const records: AiDecisionRecord[] = [];
  const r = runPlain(sc, {
    seed,
    levers: { ...defaultLevers(sc), ...extra },
    policies: planner,
    onAiDecision: (x) => records.push(x),
  });
  return { r, records };
}

describe('the planning AI', () => {
  const games = ['p1', 'p2', 'p3'].map((s) => play(s));

  it('acts on what it logs: no choice goes against its own logged reasons', () => {
    for (const g of games) for (const x of g.records) expect(x.againstCalculus).toBe(0);
  });

  it('follows a plan every actor can read in the log, and says why it re-planned', () => {
    const entries = games[0]!.r.log.filter((e) => e.type === 'ai-reasoning' && e.actor === 'china');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]!.text).toMatch(/plan: .* Stage 1 of \d+/);
    expect(entries[0]!.text).toContain('Re-planned (no plan yet)');
  });

  it('never has Russia attack NATO while its logged second-front calculus says no', () => {
    for (const g of games)
      for (const e of g.r.log)
        if (e.type === 'ai-reasoning' && e.actor === 'russia') {
          const net = /net (-?\+?\d+)/.exec(e.text);
          if (net && Number(net[1]) <= 0)
            expect(
              e.chosen.some(
                (c) => c === 'russia.limited-incursion' || c === 'russia.baltic-offensive',
              ),
            ).toBe(false);
        }
  });

  it('with aiNoise 0, noise decides nothing', () => {
    const g = play('p1', { aiNoise: 0 });
    expect(g.records.reduce((n, x) => n + x.noiseDecided, 0)).toBe(0);
  });

  it('replays exactly: the same seed gives the same games', () => {
    const again = play('p1');
    expect(again.r.turnHashes).toEqual(games[0]!.r.turnHashes);
  });

  it('pins a digest of three games, decisions and reasons (a planner constant changed moves it)', () => {
    const text = games
      .map(
        (g) =>
          JSON.stringify(g.r.decisions) +
          g.r.log
            .filter((e) => e.type === 'ai-reasoning')
            .map((e) => e.text)
            .join('\n'),
      )
      .join('|');
    expect(hashString(text)).toBe('875e56708dc9fdd8');
  });

  it('pins the plans China and Russia value under five postures (a plan’s odds changed moves it)', () => {
    const postures: Record<string, unknown>[] = [
      {},
      { usIntervention: 'none' },
      { japanBases: false },
      { usIntervention: 'delayed' },
      { balticForwardBrigades: 7, balticHeavyBrigades: 3, article5Credibility: 0.9 },
    ];
    const text = postures
      .map((set, i) => {
        const r = runPlain(sc, {
          seed: `v${i}`,
          levers: { ...defaultLevers(sc), ...set },
          turns: 8,
        });
        return JSON.stringify(
          r.log.flatMap((e) =>
            e.type === 'ai-reasoning' && e.plan ? [[e.actor, e.plan.considered, e.text]] : [],
          ),
        );
      })
      .join('|');
    expect(hashString(text)).toBe('9b19e0cfcb9edeed');
  });
});

describe('the numbers shown are the numbers that decided', () => {
  it('every chosen option is shown at the utility that ranked it, and every left-out reason is true', () => {
    // Seeds where the audit of rules 4.0.0 found a chosen option shown at 0 or below (the value
    // that decided it, noise set aside, only in another option's reason: read1 turn 3, batch-1
    // turn 7, batch-275 turn 7) and a clash said to be lost on worth while the winner was worth
    // less but of the plan's stage (batch-10 turn 7); then a few seeds of three scenarios.
    const cases: [string, string][] = [
      ...['read1', 'read4', 'batch-1', 'batch-10', 'batch-275'].map((x): [string, string] => [
        'two-front',
        x,
      ]),
      ...['two-front', 'skeptic', 'ukraine-falls'].flatMap((id) =>
        ['sr0', 'sr1', 'sr2'].map((x): [string, string] => [id, x]),
      ),
    ];
    const problems: string[] = [];
    let entries = 0;
    for (const [id, seed] of cases) {
      const l = loadScenarioFile(id);
      if (!l.ok) throw new Error(`${id} does not load`);
      const s2 = l.value.scenario;
      for (const e of runPlain(s2, { seed, levers: defaultLevers(s2) }).log) {
        if (e.type !== 'ai-reasoning' || !e.plan) continue;
        entries++;
        problems.push(...checkReasons(e, s2).map((p) => `${id} ${seed} ${p}`));
      }
    }
    expect(entries).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });

  it('every option the log shows worth more than its slot’s choice comes with its reason', () => {
    const playable = new Set<string>(PLAYABLE_ACTORS);
    let checked = 0;
    for (const id of ['two-front', 'skeptic', 'ukraine-falls']) {
      const l = loadScenarioFile(id);
      if (!l.ok) throw new Error(`${id} does not load`);
      const s2 = l.value.scenario;
      for (const seed of ['ag0', 'ag1', 'ag2']) {
        for (const e of runPlain(s2, { seed, levers: defaultLevers(s2) }).log) {
          if (e.type !== 'ai-reasoning' || !playable.has(e.actor)) continue;
          const chosen = new Set<string>(e.chosen);
          const slotBest = new Map<string, number>();
          for (const o of e.considered)
            if (chosen.has(o.option))
              slotBest.set(o.slot, Math.max(slotBest.get(o.slot) ?? -Infinity, o.utility));
          for (const o of e.considered) {
            if (chosen.has(o.option) || o.utility <= 0) continue;
            if ((slotBest.get(o.slot) ?? -Infinity) >= o.utility) continue;
            checked++;
            // A reason in the entry: left out (plan, stage, clash, noise) or held back (a lever,
            // Russia's calculus).
            expect(e.text, `${id} ${seed} turn ${e.turn} ${e.actor}: ${o.option}`).toContain(
              `${o.option} (`,
            );
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('a tie in a slot is broken by the lower rung or a seeded draw, and the log says which', () => {
    // Russia's incursion: Narva and the Suwałki gap are worth the same to it (the one-step AI
    // always took Narva, the first in the list).
    const l = loadScenarioFile('ukraine-falls');
    if (!l.ok) throw new Error('ukraine-falls does not load');
    const s2 = l.value.scenario;
    const targets = new Set<string>();
    let ties = 0;
    for (let i = 0; i < 40; i++) {
      const r = runPlain(s2, { seed: `tie${i}`, levers: defaultLevers(s2) });
      for (const e of r.log) {
        if (e.type !== 'ai-reasoning') continue;
        for (const m of e.text.matchAll(
          /\(([^\s()]+) tied with ([^\s()]+) at (-?\d+); (the lower rung|a seeded draw) chose ([^\s()]+)\)/g,
        )) {
          ties++;
          // What it says was chosen was chosen, and both were shown at the value it names.
          expect(m[5]).toBe(m[2]);
          const shown = e.considered
            .filter((o) => o.utility === Number(m[3]))
            .map((o) => decisionLabel({ type: o.option, target: o.target, amount: o.amount }));
          expect(shown.some((x) => x.endsWith(m[1]!))).toBe(true);
          expect(shown.some((x) => x.endsWith(m[2]!))).toBe(true);
        }
      }
      for (const d of r.decisions)
        for (const x of d.russia ?? [])
          if (x.type === 'russia.limited-incursion' && x.target) targets.add(x.target);
    }
    expect(ties).toBeGreaterThan(0);
    // The draw is seeded per game, not list order: both tied targets are taken in some games.
    expect(targets.size).toBeGreaterThan(1);
  });
});

describe('doctrine shows', () => {
  it('the skeptic scenario’s Russia names its low trust in China where it made the difference', () => {
    const sk = loadScenarioFile('skeptic');
    if (!sk.ok) throw new Error('skeptic does not load');
    const s2 = sk.value.scenario;
    const notes = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'].flatMap((seed) =>
      runPlain(s2, { seed, levers: defaultLevers(s2) }).log.flatMap((e) =>
        e.type === 'ai-reasoning' && e.actor === 'russia' && e.text.includes('Doctrine:')
          ? [e.text]
          : [],
      ),
    );
    expect(notes.some((t) => /Doctrine: trustInPartners 20 made the difference/.test(t))).toBe(
      true,
    );
    // Each note says what a neutral trait would change: a plan, or a choice of the turn.
    for (const t of notes)
      expect(t).toMatch(
        /at a neutral 50 Russian Federation would (follow|take|also take|not take) /,
      );
  });
});

describe('the nuclear threshold (rules.aiPlanner.thresholdNoise)', () => {
  // The CSIS 2024 case: China's invasion fails under a prompt US entry with Japan's bases open.
  const CSIS = {
    chinaCourse: 'invasion',
    russiaCourse: 'stay-out',
    usIntervention: 'prompt',
    japanBases: true,
  } as const;
  const withThreshold = (n: number) => {
    const d = structuredClone(raw) as {
      rules: { aiPlanner: { thresholdNoise: { value: number } } };
    };
    d.rules.aiPlanner.thresholdNoise.value = n;
    const l = loadScenarioData(d, 'two-front (threshold).json');
    if (!l.ok) throw new Error(l.error[0]!.message);
    return l.value.scenario;
  };
  const nuclearRuns = (s: typeof sc, extra: Record<string, unknown>, seeds: number) => {
    let n = 0;
    for (let i = 0; i < seeds; i++) {
      const r = runPlain(s, {
        seed: `nt${i}`,
        levers: { ...defaultLevers(s), ...CSIS, ...extra },
        keepLog: false,
      });
      if (r.state.keyEvents.some((e) => e.name === 'nuclearUse')) n++;
    }
    return n;
  };

  it('at the default, a leadership’s temperament tips a failing invasion across it in some games', () => {
    expect(nuclearRuns(withThreshold(0), {}, 40)).toBe(0);
    expect(nuclearRuns(sc, {}, 40)).toBeGreaterThan(0);
  });

  it('at aiNoise 0 nothing is left to temperament: the threshold’s value changes no game', () => {
    const a = withThreshold(0);
    const b = withThreshold(90);
    for (const seed of ['nz1', 'nz2', 'nz3']) {
      const levers = { ...defaultLevers(sc), ...CSIS, aiNoise: 0 };
      expect(runPlain(b, { seed, levers }).turnHashes).toEqual(
        runPlain(a, { seed, levers }).turnHashes,
      );
    }
  });
});

describe('bounded noise: at the default, noise decides at most 15% of each actor’s key decisions', () => {
  /**
   * Plays a game and, at every decision, asks the same actor in the same state, with the same plan
   * in hand, what it would decide with `aiNoise` 0: a key decision (a slot where either choice is
   * key) that differs is one noise decided. Returns per actor [key decisions, noise-decided, the
   * noise-decided count the actor's own decision records give].
   */
  function noiseShare(s2: Scenario, seed: string) {
    const out = new Map<string, [number, number, number]>();
    const isKey = (label: string | undefined) =>
      label !== undefined && isKeyOption(label.split(/[→=]/)[0] as OptionId);
    const end = playDecisions(s2, seed, defaultLevers(s2), (s, actor, c) => {
      const c0 = decidePlanned({ ...s, levers: { ...s.levers, aiNoise: 0 } }, s2, actor, false);
      const slotOf = (ds: readonly Decision[]) =>
        new Map(ds.map((d) => [OPTION_SLOT(d.type), decisionLabel(d)]));
      const a = slotOf(c.decisions);
      const b = slotOf(c0.decisions);
      const row = out.get(actor) ?? [0, 0, 0];
      for (const slot of new Set([...a.keys(), ...b.keys()])) {
        if (!isKey(a.get(slot)) && !isKey(b.get(slot))) continue;
        row[0]++;
        if (a.get(slot) !== b.get(slot)) row[1]++;
      }
      row[2] += c.record!.noiseDecided;
      out.set(actor, row);
    });
    // The helper plays the game runPlain plays.
    expect(end.turn).toBe(
      runPlain(s2, { seed, levers: defaultLevers(s2), keepLog: false }).turnsPlayed,
    );
    return out;
  }

  it('per actor, over 40 games of two-front and skeptic, and the records count it the same', () => {
    const totals = new Map<string, [number, number, number]>();
    for (const id of ['two-front', 'skeptic']) {
      const l = loadScenarioFile(id);
      if (!l.ok) throw new Error(`${id} does not load`);
      for (let i = 0; i < 20; i++)
        for (const [actor, [k, n, rec]] of noiseShare(l.value.scenario, `ns${i}`)) {
          const t = totals.get(actor) ?? [0, 0, 0];
          totals.set(actor, [t[0] + k, t[1] + n, t[2] + rec]);
        }
    }
    for (const [actor, [key, noise, recorded]] of totals) {
      // The records' count (`noiseDecidedShare` in a batch) is this count: the decision without
      // noise, same state, same plan in hand.
      expect(recorded, actor).toBe(noise);
      if (key >= 10) expect(noise / key, `${actor}: ${noise} of ${key}`).toBeLessThanOrEqual(0.15);
    }
  });

  it('a plan noise chose is kept only while it agrees with merit’s on the key decisions', () => {
    // The US holds Negotiate, chosen by its temperament over Hold on both fronts; Taiwan is now
    // blockaded, so the one would negotiate and the other intervene: merit decides.
    const base = createInitialState(sc, 'veto', defaultLevers(sc));
    const s = {
      ...base,
      turn: 4,
      flags: { ...base.flags, blockadeActive: true },
      tracks: { ...base.tracks, escalation: { ...base.tracks.escalation, indoPacific: 3 } },
    };
    const seen = perceive(s, sc, 'usa');
    const held = (rival?: string) => ({
      ...s,
      actors: {
        ...s.actors,
        usa: {
          ...s.actors.usa,
          plan: {
            id: 'negotiate',
            stage: 0,
            adopted: 4,
            stageSince: 4,
            situation: situation(seen),
            value: 0,
            ...(rival ? { rival } : {}),
          },
        },
      },
    });
    const byMerit = decidePlanned(held(), sc, 'usa');
    expect(byMerit.record!.plan).toBe('negotiate');
    expect(byMerit.reasoning!.text).toContain('Plan kept.');
    const byNoise = decidePlanned(held('two-fronts'), sc, 'usa');
    expect(byNoise.reasoning!.text).toMatch(
      /Plan re-examined \(noise chose Negotiate over Hold on both fronts, and now they differ on a key decision \(\w+: .+ against .+\): chosen again on merit\) and kept, against /,
    );
    expect(byNoise.record!.noiseDecided).toBe(0);
  });
});

describe('the aiNoise lever scales the one-step AI too (a duel’s arms play at the same noise)', () => {
  it('at 0 the one-step AI has no noise; at the default at most its share of the doctrine’s', () => {
    const s0 = createInitialState(sc, 'one-step-noise', defaultLevers(sc));
    for (const actor of PLAYABLE_ACTORS) {
      const calm = decideOneStep({ ...s0, levers: { ...s0.levers, aiNoise: 0 } }, sc, actor);
      if (calm.reasoning?.type !== 'ai-reasoning') throw new Error('no reasoning');
      for (const o of calm.reasoning.considered) expect(o.noise, actor).toBe(0);
      const d = decideOneStep(s0, sc, actor);
      if (d.reasoning?.type !== 'ai-reasoning') throw new Error('no reasoning');
      const m = Math.trunc((sc.actors[actor].doctrine.noise * s0.levers.aiNoise) / 100);
      for (const o of d.reasoning.considered)
        expect(Math.abs(o.noise), actor).toBeLessThanOrEqual(m + Math.trunc(m / 3));
    }
  });
});

describe('repeats: what an option offers shrinks each time it is taken', () => {
  it('its domestic support too (Japan stayed out 20 times in 300 games of rules 4.0.0)', () => {
    const s0 = createInitialState(sc, 'repeats', defaultLevers(sc));
    const stayOut = (taken: number) => {
      // Legal once the Indo-Pacific ladder reaches a blockade.
      const s = {
        ...s0,
        tracks: { ...s0.tracks, escalation: { ...s0.tracks.escalation, indoPacific: 3 } },
        actors: { ...s0.actors, japan: { ...s0.actors.japan, taken: { 'japan.stay-out': taken } } },
      };
      const e = decidePlanned(s, sc, 'japan').reasoning;
      if (e?.type !== 'ai-reasoning') throw new Error('no reasoning');
      return e.considered.find((o) => o.option === 'japan.stay-out')!;
    };
    const fresh = stayOut(0);
    const worn = stayOut(3);
    expect(fresh.weighted.domestic).toBeGreaterThan(0);
    expect(worn.weighted.domestic).toBeLessThan(fresh.weighted.domestic);
    expect(worn.repeatLoss).toBe(
      fresh.weighted.domestic - worn.weighted.domestic + fresh.weighted.gain - worn.weighted.gain,
    );
  });
});
