import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/scenario-files';
import { decidePlanned, perceive, situation } from '../../src/sim/ai';
import {
  advanceStages,
  conditionText,
  firstOpenStage,
  situationChanges,
} from '../../src/sim/ai/stages';
import type { Condition, PlanDef } from '../../src/sim/scenario/schema';
import type { GameState } from '../../src/sim/state';
import { OPTION_SPECS, type OptionId } from '../../src/sim/options/params';
import { holds as holdsOn } from '../../src/sim/outcomes';
import { runPlain } from '../../src/sim/run';
import { createInitialState, defaultLevers } from '../../src/sim/setup';
import { playDecisions } from '../helpers/ai-turns';

/**
 * How a plan moves through its stages (src/sim/ai/stages.ts) and what the log says about it: a
 * stage gives way when it is done, when it has run its turns, or when the next stage's premise
 * holds, never by a timer into a stage whose premise does not hold; and every re-plan says why in
 * words that are true (done is done, a timer is a timer, a changed situation names the change).
 */
const loaded = loadScenarioFile('two-front');
if (!loaded.ok) throw new Error('two-front does not load');
const sc = loaded.value.scenario;
const s0 = createInitialState(sc, 'st', defaultLevers(sc));

const plan: PlanDef = {
  id: 'p',
  name: 'P',
  summary: 'a test plan',
  sources: [],
  stages: [
    { id: 'a', name: 'hold', take: ['usa.sanctions'] },
    {
      id: 'b',
      name: 'act if attacked',
      take: ['usa.intervene-taiwan'],
      when: { flag: 'blockadeActive' },
    },
  ],
};

describe('stages', () => {
  it('a timer never starts a stage whose premise does not hold', () => {
    const r = advanceStages(plan, 0, 1, s0, 30, 6);
    expect(r.stage).toBe(0);
    expect(r.steps).toEqual([]);
  });

  it('a stage with a premise starts the turn its premise holds, however young the stage before', () => {
    const seen = { ...s0, flags: { ...s0.flags, blockadeActive: true } };
    const r = advanceStages(plan, 0, 2, seen, 3, 6);
    expect(r).toEqual({
      stage: 1,
      stageSince: 3,
      steps: [{ kind: 'premise', from: 0, premise: { flag: 'blockadeActive' } }],
    });
    expect(firstOpenStage(seen, plan)).toBe(1);
    expect(firstOpenStage(s0, plan)).toBe(0);
  });

  it('without premises a stage gives way when done or after its turns, and says which', () => {
    const p2: PlanDef = {
      ...plan,
      stages: [
        { id: 'a', name: 'hold', take: ['usa.sanctions'], until: { flag: 'usIntervened' } },
        { id: 'b', name: 'then', take: ['usa.sanctions'] },
      ],
    };
    expect(advanceStages(p2, 0, 1, s0, 7, 6).steps).toEqual([
      { kind: 'timed-out', from: 0, turns: 6 },
    ]);
    const done = { ...s0, flags: { ...s0.flags, usIntervened: true } };
    expect(advanceStages(p2, 0, 5, done, 6, 6).steps).toEqual([
      { kind: 'done', from: 0, until: { flag: 'usIntervened' } },
    ]);
  });

  it('a last stage with no aim is the plan’s steady state: no timer ends it', () => {
    const steady: PlanDef = { ...plan, stages: [plan.stages[0]!] };
    expect(advanceStages(steady, 0, 1, s0, 30, 6)).toEqual({ stage: 0, stageSince: 1, steps: [] });
    // With an aim, it may fail: after its turns the plan has run its course.
    const aimed: PlanDef = {
      ...plan,
      stages: [{ ...plan.stages[0]!, until: { flag: 'usIntervened' } }],
    };
    expect(advanceStages(aimed, 0, 1, s0, 7, 6).stage).toBe(1);
  });

  it('conditions read as words', () => {
    expect(
      conditionText({
        all: [{ flag: 'blockadeActive' }, { track: 'taiwanSupply', lte: 60 }],
      }),
    ).toBe('blockadeActive and taiwanSupply ≤ 60');
    expect(
      conditionText({ any: [{ flag: 'strikesActive' }, { war: 'europe', is: ['war'] }] }),
    ).toBe('strikesActive or Europe war');
  });

  it('the situation is exact and reads back as what changed', () => {
    const a = situation(s0);
    const b = situation({
      ...s0,
      tracks: { ...s0.tracks, escalation: { ...s0.tracks.escalation, indoPacific: 3 } },
      wars: { ...s0.wars, indoPacific: { ...s0.wars.indoPacific, status: 'war' } },
      flags: { ...s0.flags, blockadeActive: true },
    });
    expect(a).not.toBe(b);
    expect(situationChanges(a, b)).toEqual([
      `Indo-Pacific rung ${s0.tracks.escalation.indoPacific}→3`,
      `Indo-Pacific ${s0.wars.indoPacific.status}→war`,
      'blockadeActive set',
    ]);
    expect(situationChanges(a, a)).toEqual([]);
  });
});

describe('the log says why a plan changed', () => {
  const games = ['rs0', 'rs1', 'rs2', 'rs3', 'rs4', 'rs5'].map(
    (seed) => runPlain(sc, { seed, levers: defaultLevers(sc) }).log,
  );
  const entries = games.flatMap((log) =>
    log.flatMap((e) => (e.type === 'ai-reasoning' && e.plan ? [e] : [])),
  );

  it('every re-plan names its reason: done (with the aim met), timed out, or what changed', () => {
    const max = sc.rules.aiPlanner.stageMaxTurns;
    for (const e of entries) {
      const why = e.plan!.replanned;
      if (why === null) continue;
      expect(why, e.text).toMatch(
        /^(no plan yet|.+ no longer applies|.+ is done: .+ its aim holds \(.+\)|.+ ran its course: its last stage timed out after \d+ turns|the situation changed: \S.*|\d+ turns on, it is re-examined|noise chose .+ over .+, and now they differ on a key decision \(\w+: .+ against .+\): chosen again on merit)$/,
      );
      const t = /timed out after (\d+) turns/.exec(why);
      if (t) expect(Number(t[1])).toBeGreaterThanOrEqual(max);
    }
  });

  it('a stage change under a kept plan is logged with its reason', () => {
    let changes = 0;
    for (const log of games) {
      const last = new Map<string, { plan: string; stage: string }>();
      for (const e of log) {
        if (e.type !== 'ai-reasoning' || !e.plan) continue;
        const before = last.get(e.actor);
        last.set(e.actor, { plan: e.plan.id, stage: e.plan.stage });
        if (!before || e.plan.replanned !== null || before.stage === e.plan.stage) continue;
        changes++;
        expect(e.text, e.text).toMatch(
          /Plan kept\. Stage \d+ of \d+ \(.+\) (is done: its aim holds|timed out after \d+ turns|gave way: the premise of stage \d+ holds)/,
        );
      }
    }
    expect(changes).toBeGreaterThan(0);
  });

  it('the stage in hand names the option it takes in its best option’s slot', () => {
    // "fight +0 (usa.reinforce-europe)" while the plan took usa.intervene-taiwan there, carried
    // by its commitment, was the audit's P14: the log now names the option taken as well (the
    // stage is still worth its best option on its own terms).
    let named = 0;
    for (const e of entries) {
      const plan = sc.aiPlans[e.actor as keyof typeof sc.aiPlans]!.find(
        (p) => p.id === e.plan!.id,
      )!;
      const stage = plan.stages.find((st) => st.id === e.plan!.stage)!;
      const m = new RegExp(
        `Value -?\\d+ \\(${stage.id} [-+]\\d+ \\(([a-z.-]+)(?:; the turn takes ([a-z.-]+) there, [^)]+(?:\\(\\+\\d+\\))?)?\\)`,
      ).exec(e.text);
      if (!m) continue;
      const best = m[1] as OptionId;
      const takes = (m[2] ?? m[1]) as OptionId;
      const inSlot = e.chosen.filter(
        (o) => OPTION_SPECS[o].slot === OPTION_SPECS[best].slot && stage.take.includes(o),
      );
      if (inSlot.length === 0) continue;
      named++;
      expect(inSlot, e.text).toEqual([takes]);
    }
    expect(named).toBeGreaterThan(20);
  });

  it('a plan chosen on a tie says so and names what broke it', () => {
    let ties = 0;
    for (const e of entries) {
      if (e.plan!.replanned === null) continue;
      const chosen = e.plan!.considered.find((x) => x.plan === e.plan!.id)!;
      for (const x of e.plan!.considered) {
        if (x === chosen || x.value !== chosen.value) continue;
        ties++;
        const other = sc.aiPlans[e.actor as keyof typeof sc.aiPlans]!.find((p) => p.id === x.plan)!;
        expect(e.text).toMatch(
          new RegExp(
            `${e.plan!.name} tied with ${other.name.replace(/[(),]/g, '.')} at ${chosen.value}; (the lower rung \\(\\d+ against \\d+\\)|a seeded draw) chose ${e.plan!.name}\\.`,
          ),
        );
      }
    }
    expect(ties).toBeGreaterThan(0);
  });
});

describe('the US acts on the premise "if Taiwan is attacked", not on a timer', () => {
  /** The US on Hold on both fronts, stage 1 since turn 1, at `turn`, plan just re-examined. */
  const usOnTwoFronts = (turn: number, flags: Partial<GameState['flags']>): GameState => {
    const s = { ...s0, turn, flags: { ...s0.flags, ...flags } };
    const seen = perceive(s, sc, 'usa');
    const plan = {
      id: 'two-fronts',
      stage: 0,
      adopted: turn,
      stageSince: 1,
      situation: situation(seen),
      value: 0,
    };
    return { ...s, actors: { ...s.actors, usa: { ...s.actors.usa, plan } } };
  };

  it('stage 1 holds past its turns while Taiwan is not attacked', () => {
    const c = decidePlanned(usOnTwoFronts(9, {}), sc, 'usa');
    expect(c.record!.plan).toBe('two-fronts');
    expect(c.record!.stage).toBe('both');
    expect(c.decisions.map((d) => d.type)).not.toContain('usa.intervene-taiwan');
  });

  it('the turn Taiwan is blockaded, the stage that intervenes begins, and says why', () => {
    const c = decidePlanned(usOnTwoFronts(3, { blockadeActive: true }), sc, 'usa');
    expect(c.record!.stage).toBe('fight');
    expect(c.reasoning!.text).toContain(
      'Stage 1 of 2 (production, sanctions and both commitments) gave way: the premise of stage 2 holds (blockadeActive or strikesActive or invasionLaunched)',
    );
  });

  it('over seeded games, the US enters that stage when Taiwan is attacked, and only then', () => {
    // Checked at every US decision on either plan in 30 games (default levers, and China's
    // course fixed to a blockade): under rules 4.0.0 the stage began at turn 7, attack or not.
    const premise: Condition = {
      any: [{ flag: 'blockadeActive' }, { flag: 'strikesActive' }, { flag: 'invasionLaunched' }],
    };
    let checked = 0;
    for (const course of ['ai', 'blockade'] as const)
      for (let i = 0; i < 15; i++) {
        let before: string | null = null;
        playDecisions(
          sc,
          `us${i}`,
          { ...defaultLevers(sc), chinaCourse: course },
          (s, actor, c) => {
            if (actor !== 'usa') return;
            const plan = c.record!.plan;
            const stage = `${plan}/${c.record!.stage}`;
            const was = before;
            before = stage;
            if (plan !== 'two-fronts' && plan !== 'pacific-first') return;
            checked++;
            const attacked = holdsOn(perceive(s, sc, 'usa'), premise);
            const where = `${course} us${i} turn ${s.turn} ${stage}`;
            if (attacked) expect(c.record!.stage, where).toBe('fight');
            else if (stage !== was) expect(c.record!.stage, where).not.toBe('fight');
          },
        );
      }
    expect(checked).toBeGreaterThan(20);
  });
});
