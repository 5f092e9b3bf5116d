import { describe, expect, it } from 'vitest';
import {
  createAiAccumulator,
  createAiCollector,
  type RunActorAi,
  type RunAi,
} from '../../src/cli/ai-stats';
import { runOne } from '../../src/cli/batch-worker';
import { loadScenarioFile } from '../../src/cli/scenario-files';
import { DEFAULT_POLICY, type AiDecisionRecord, type AiPolicy } from '../../src/sim/ai';
import type { ActorId } from '../../src/sim/ids';
import type { OptionId } from '../../src/sim/options/params';
import { runPlain } from '../../src/sim/run';
import type { Scenario } from '../../src/sim/scenario/schema';
import { defaultLevers } from '../../src/sim/setup';
import type { GameState } from '../../src/sim/state';

/**
 * The batch's AI figures on hand-made decision records: what a collector keeps of one run
 * (decisions, key decisions, noise, openings, repeats), what the accumulator makes of many, and
 * that the order runs arrive in changes nothing.
 */

const loaded = loadScenarioFile('two-front');
if (!loaded.ok) throw new Error('two-front does not load');
const sc: Scenario = loaded.value.scenario;
const levers = defaultLevers(sc);
/** A finished game to score against (the collector reads only its final state). */
const final: GameState = runPlain(sc, { seed: 'ai-stats', levers, keepLog: false }).state;

function rec(
  actor: ActorId,
  turn: number,
  types: readonly OptionId[],
  extra: Partial<AiDecisionRecord> = {},
  policy: AiPolicy = 'planner',
): AiDecisionRecord {
  return {
    actor,
    turn,
    policy,
    plan: null,
    stage: null,
    replanned: false,
    decisions: types.map((type) => ({ type })),
    key: 0,
    noiseDecided: 0,
    againstCalculus: 0,
    ...extra,
  };
}

function collect(records: readonly AiDecisionRecord[]): RunAi {
  const c = createAiCollector();
  for (const r of records) c.record(r);
  return c.finish(final, sc);
}

describe('createAiCollector', () => {
  it('counts decisions, key decisions, noise and repeats per actor; background actors are left out', () => {
    const ai = collect([
      rec('china', 1, ['china.gray-zone-pressure', 'china.negotiate'], {
        key: 1,
        noiseDecided: 1,
      }),
      rec('china', 2, ['china.gray-zone-pressure'], { key: 2, againstCalculus: 1 }),
      rec('china', 3, ['china.gray-zone-pressure']),
      rec('north-korea', 1, []),
    ]);
    expect(Object.keys(ai)).toEqual(['china']);
    const china = ai.china!;
    expect(china).toMatchObject({
      policy: 'planner',
      decisions: 4,
      key: 3,
      noiseDecided: 1,
      againstCalculus: 1,
      maxRepeats: 3,
      mostRepeated: 'china.gray-zone-pressure',
    });
    expect(china.opening).toMatch(/^[0-9a-f]{16}$/);
    // The score is the one the outcome gave.
    expect(china.score).toBe(final.outcome!.scores.china);
  });

  it('counts a one-step seat’s key decisions from its choices; noise and calculus stay unknown', () => {
    const ai = collect([
      rec('russia', 1, ['russia.limited-incursion', 'russia.disinformation'], {}, 'one-step'),
      rec('russia', 2, ['russia.nuclear-signal'], {}, 'one-step'),
    ]);
    expect(ai.russia).toMatchObject({
      policy: 'one-step',
      decisions: 3,
      key: 2,
      noiseDecided: null,
      againstCalculus: null,
    });
  });

  it('an opening is the option ids of turns 1-3, sorted within a turn; later turns do not count', () => {
    const a = collect([
      rec('usa', 1, ['usa.negotiate', 'usa.allocate-forces']),
      rec('usa', 2, []),
      rec('usa', 3, ['usa.nuclear-signal']),
      rec('usa', 4, ['usa.negotiate']),
    ]).usa!;
    const sameInAnotherOrder = collect([
      rec('usa', 1, ['usa.allocate-forces', 'usa.negotiate']),
      rec('usa', 2, []),
      rec('usa', 3, ['usa.nuclear-signal']),
      rec('usa', 4, ['usa.allocate-forces']),
    ]).usa!;
    const shifted = collect([
      rec('usa', 1, ['usa.allocate-forces', 'usa.negotiate']),
      rec('usa', 2, ['usa.nuclear-signal']),
      rec('usa', 3, []),
    ]).usa!;
    expect(sameInAnotherOrder.opening).toBe(a.opening);
    expect(shifted.opening).not.toBe(a.opening);
  });

  it('breaks a tie for the most repeated option by option id', () => {
    const ai = collect([
      rec('taiwan', 1, ['taiwan.appeal', 'taiwan.negotiate']),
      rec('taiwan', 2, ['taiwan.negotiate', 'taiwan.appeal']),
    ]);
    expect(ai.taiwan).toMatchObject({ maxRepeats: 2, mostRepeated: 'taiwan.appeal' });
  });
});

function seat(over: Partial<RunActorAi>): RunActorAi {
  return {
    policy: 'planner',
    decisions: 5,
    key: 2,
    noiseDecided: 1,
    againstCalculus: 0,
    opening: 'aaaaaaaaaaaaaaaa',
    maxRepeats: 2,
    mostRepeated: 'china.gray-zone-pressure',
    score: 10,
    ...over,
  };
}

describe('createAiAccumulator', () => {
  const runs: RunAi[] = [
    {
      china: seat({}),
      usa: seat({ policy: 'one-step', noiseDecided: null, againstCalculus: null }),
    },
    {
      china: seat({ opening: 'bbbbbbbbbbbbbbbb', key: 4, noiseDecided: 0, score: -3 }),
      usa: seat({ policy: 'one-step', noiseDecided: null, againstCalculus: null, key: 0 }),
    },
    {
      china: seat({ maxRepeats: 7, mostRepeated: 'china.negotiate', score: 2 }),
      usa: seat({
        policy: 'one-step',
        noiseDecided: null,
        againstCalculus: null,
        maxRepeats: 7,
        mostRepeated: 'usa.negotiate',
      }),
    },
    {
      china: seat({ maxRepeats: 7, mostRepeated: 'china.blockade', againstCalculus: 2 }),
      usa: seat({
        policy: 'one-step',
        noiseDecided: null,
        againstCalculus: null,
        maxRepeats: 7,
        mostRepeated: 'usa.allocate-forces',
      }),
    },
  ];

  it('sums, counts distinct openings, keeps the largest repeat and averages scores', () => {
    const acc = createAiAccumulator();
    for (const r of runs) acc.add(r);
    const s = acc.summary();
    expect(Object.keys(s)).toEqual(['china', 'usa']);
    expect(s.china).toEqual({
      policy: 'planner',
      runs: 4,
      decisions: 20,
      keyDecisions: 10,
      noiseDecidedShare: 0.3,
      againstOwnCalculus: 2,
      distinctOpenings: 2,
      maxRepeats: 7,
      // Seven times each in two runs: the first id wins.
      maxRepeatsOption: 'china.blockade',
      meanScore: 4.75,
    });
    expect(s.usa).toMatchObject({
      policy: 'one-step',
      keyDecisions: 6,
      noiseDecidedShare: null,
      againstOwnCalculus: null,
      distinctOpenings: 1,
      maxRepeats: 7,
      maxRepeatsOption: 'usa.allocate-forces',
    });
  });

  it('gives a null share when there were no key decisions', () => {
    const acc = createAiAccumulator();
    acc.add({ japan: seat({ key: 0, noiseDecided: 0 }) });
    expect(acc.summary().japan?.noiseDecidedShare).toBeNull();
  });

  it('does not depend on the order runs arrive in', () => {
    const orders = [runs, [...runs].reverse(), [runs[2]!, runs[0]!, runs[3]!, runs[1]!]];
    const summaries = orders.map((order) => {
      const acc = createAiAccumulator();
      for (const r of order) acc.add(r);
      return JSON.stringify(acc.summary());
    });
    expect(summaries[1]).toBe(summaries[0]);
    expect(summaries[2]).toBe(summaries[0]);
  });
});

describe('a batch run’s AI figures', () => {
  it('scores every playable seat as the outcome did, under either policy', () => {
    for (const policy of ['planner', 'one-step'] as const) {
      const policies = { china: policy, russia: policy, usa: policy };
      const run = runOne(sc, levers, 'ai-stats', 3, 'plain', policies);
      const r = runPlain(sc, { seed: 'ai-stats-3', levers, keepLog: false, policies });
      expect(Object.keys(run.ai!)).toHaveLength(7);
      for (const [actor, a] of Object.entries(run.ai!))
        expect(a.score, actor).toBe(r.state.outcome!.scores[actor as 'china']);
      expect(run.ai!.china!.policy).toBe(policy);
      expect(run.ai!.japan!.policy).toBe(DEFAULT_POLICY);
    }
  });
});
