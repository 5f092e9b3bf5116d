import { describe, it, expect } from 'vitest';
import { runEngine } from '../../src/engine/run';
import { BatchInputError, runBatch, type BatchSummary } from '../../src/cli/batch';
import { batchSeed } from '../../src/cli/batch-worker';
import { loadScenarioFile } from '../../src/cli/scenario-files';
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

function batch(threads: number, chunkSize?: number): Promise<BatchSummary> {
  return runBatch({
    scenario: 'two-front',
    runs: RUNS,
    seedBase: 'test',
    overrides: {},
    threads,
    ...(chunkSize === undefined ? {} : { chunkSize }),
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
  });
});
