import { describe, it, expect } from 'vitest';
import { runEngine } from '../../src/engine/run';
import { BatchInputError, runBatch, type BatchSummary } from '../../src/cli/batch';
import { batchSeed } from '../../src/cli/batch-worker';
import { loadScenarioFile } from '../../src/cli/scenario-files';
import { DEFAULT_POLICY } from '../../src/sim/ai';
import { PLAYABLE_ACTORS } from '../../src/sim/ids';
import { defaultLevers } from '../../src/sim/setup';

/**
 * Batches: the summary must not depend on how the runs were spread (threads, chunk sizes), run
 * `i` must be the run a person gets from `run --seed <seedBase>-<i>`, and bad input must be a
 * `BatchInputError` (exit code 2 at the command line), raised before any worker starts.
 */

const RUNS = 20;

/** Everything but how the work was spread and how long it took. */
function comparable(s: BatchSummary): Omit<BatchSummary, 'threads' | 'seconds'> {
  const { threads: _t, seconds: _s, ...rest } = s;
  return rest;
}

function batch(
  threads: number,
  chunkSize?: number,
  policy?: 'planner' | 'one-step',
): Promise<BatchSummary> {
  return runBatch({
    scenario: 'two-front',
    runs: RUNS,
    seedBase: 'test',
    overrides: {},
    threads,
    ...(chunkSize === undefined ? {} : { chunkSize }),
    ...(policy ? { policies: Object.fromEntries(PLAYABLE_ACTORS.map((a) => [a, policy])) } : {}),
  });
}

describe('runBatch', () => {
  it('gives the same summary in-process, on worker threads, and with any chunking', async () => {
    const inProcess = await batch(0);
    const chunked = await batch(0, 3);
    const threaded = await batch(2, 1);
    const threadedBig = await batch(2, 7);
    expect(inProcess.threads).toBe(0);
    expect(threaded.threads).toBe(2);
    expect(inProcess.runs).toBe(RUNS);
    expect(comparable(chunked)).toEqual(comparable(inProcess));
    expect(comparable(threaded)).toEqual(comparable(inProcess));
    expect(comparable(threadedBig)).toEqual(comparable(inProcess));
    expect(JSON.stringify(comparable(threaded))).toBe(JSON.stringify(comparable(inProcess)));
  });

  it('says how the AI played each seat, the same on any number of threads', async () => {
    const [planner, plannerThreaded, oneStep] = await Promise.all([
      batch(0, undefined, 'planner'),
      batch(2, 3, 'planner'),
      batch(0, undefined, 'one-step'),
    ]);
    expect(JSON.stringify(comparable(plannerThreaded))).toBe(JSON.stringify(comparable(planner)));
    expect(Object.keys(planner.ai!)).toEqual([...PLAYABLE_ACTORS]);
    expect(Object.values(planner.policies)).toEqual(PLAYABLE_ACTORS.map(() => 'planner'));
    for (const [actor, a] of Object.entries(planner.ai!)) {
      expect(a.policy, actor).toBe('planner');
      expect(a.runs, actor).toBe(RUNS);
      // The planner is built never to act against its own logged reasons.
      expect(a.againstOwnCalculus, actor).toBe(0);
      expect(a.decisions, actor).toBeGreaterThan(0);
      expect(a.keyDecisions).toBeLessThanOrEqual(a.decisions);
      expect(a.distinctOpenings).toBeGreaterThanOrEqual(1);
      expect(a.distinctOpenings).toBeLessThanOrEqual(RUNS);
      expect(Number.isFinite(a.meanScore)).toBe(true);
    }
    for (const [actor, a] of Object.entries(oneStep.ai!)) {
      expect(a.policy, actor).toBe('one-step');
      expect(a.noiseDecidedShare, actor).toBeNull();
      expect(a.againstOwnCalculus, actor).toBeNull();
    }
    expect(oneStep.ai).not.toEqual(planner.ai);
    // The default is the default policy at every seat, spelled out or not.
    const spelledOut = DEFAULT_POLICY === 'planner' ? planner : oneStep;
    expect(comparable(await batch(0))).toEqual(comparable(spelledOut));
  });

  it('counts exactly the runs `run --seed <seedBase>-<i>` plays', async () => {
    const loaded = loadScenarioFile('two-front');
    if (!loaded.ok) throw new Error('two-front does not load');
    const sc = loaded.value.scenario;
    const levers = defaultLevers(sc);
    const outcomes: Record<string, number> = {};
    let secondFront = 0;
    let turns = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = runEngine(sc, { seed: batchSeed('test', i), levers });
      const id = r.state.outcome?.id ?? 'none';
      outcomes[id] = (outcomes[id] ?? 0) + 1;
      if (r.state.keyEvents.some((e) => e.name === 'secondFront')) secondFront++;
      turns += r.turnsPlayed;
    }
    const s = await batch(0);
    expect(s.outcomes).toEqual(outcomes);
    expect(s.events.secondFront.count).toBe(secondFront);
    expect(s.meanTurns).toBeCloseTo(turns / RUNS, 4);
    expect(s.scenarioHash).toBe(loaded.value.hash);
    expect(s.levers).toEqual(levers);
  });

  it('reports progress up to the total', async () => {
    const seen: number[] = [];
    await runBatch({
      scenario: 'two-front',
      runs: 6,
      seedBase: 'p',
      overrides: {},
      threads: 0,
      chunkSize: 4,
      onProgress: (done, total) => {
        expect(total).toBe(6);
        seen.push(done);
      },
    });
    expect(seen).toEqual([4, 6]);
  });

  it('refuses an unknown lever, a bad lever value and an unknown scenario as input errors', async () => {
    const base = { scenario: 'two-front', runs: 5, seedBase: 'x', overrides: {}, threads: 0 };
    await expect(runBatch({ ...base, overrides: { noSuchLever: '1' } })).rejects.toThrow(
      BatchInputError,
    );
    await expect(runBatch({ ...base, overrides: { noSuchLever: '1' } })).rejects.toThrow(
      /unknown lever "noSuchLever"/,
    );
    await expect(
      runBatch({ ...base, overrides: { article5Credibility: 'lots' } }),
    ).rejects.toBeInstanceOf(BatchInputError);
    await expect(runBatch({ ...base, scenario: 'no-such-scenario' })).rejects.toThrow(
      /unknown scenario "no-such-scenario"/,
    );
    await expect(runBatch({ ...base, scenario: 'no-such-scenario' })).rejects.toBeInstanceOf(
      BatchInputError,
    );
    await expect(runBatch({ ...base, scenario: './missing.json' })).rejects.toBeInstanceOf(
      BatchInputError,
    );
    await expect(runBatch({ ...base, runs: 0 })).rejects.toBeInstanceOf(BatchInputError);
    await expect(runBatch({ ...base, threads: -1 })).rejects.toBeInstanceOf(BatchInputError);
    await expect(runBatch({ ...base, policies: { china: 'oracle' as 'planner' } })).rejects.toThrow(
      /unknown AI policy "oracle"/,
    );
  });
});
