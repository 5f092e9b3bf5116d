import { describe, expect, it } from 'vitest';
import { createBatchPool, runBatch, type BatchSummary } from '../../src/cli/batch';
import type { RunSummary } from '../../src/cli/stats';

/**
 * A pool of batch workers kept between batches (the validation suite's): each batch on it must
 * give the summary `runBatch` gives, whatever ran on the pool before, and hand every run to
 * `onRun` under its own index.
 */

const RUNS = 12;

function comparable(s: BatchSummary): Omit<BatchSummary, 'threads' | 'seconds'> {
  const { threads: _t, seconds: _s, ...rest } = s;
  return rest;
}

describe('createBatchPool', () => {
  it('runs batch after batch with the results of separate batches', async () => {
    const a = { scenario: 'two-front', runs: RUNS, seedBase: 'pool-a', overrides: {} };
    const b = {
      scenario: 'skeptic',
      runs: RUNS,
      seedBase: 'pool-b',
      overrides: { chinaCourse: 'invasion' },
    };
    const pool = createBatchPool(2);
    const seen: (RunSummary | undefined)[] = new Array<RunSummary | undefined>(RUNS);
    try {
      const pa = await pool.run({ ...a, chunkSize: 5 });
      const pb = await pool.run({
        ...b,
        chunkSize: 5,
        onRun: (i, r) => {
          expect(seen[i]).toBeUndefined();
          seen[i] = r;
        },
      });
      expect(pa.threads).toBe(2);
      expect(comparable(pa)).toEqual(comparable(await runBatch({ ...a, threads: 0 })));
      expect(comparable(pb)).toEqual(comparable(await runBatch({ ...b, threads: 0 })));
      const inOrder: RunSummary[] = [];
      await runBatch({ ...b, threads: 0, onRun: (i, r) => (inOrder[i] = r) });
      expect(seen).toEqual(inOrder);
    } finally {
      await pool.close();
    }
  });

  it('refuses bad input before any thread starts, and any batch once closed', async () => {
    expect(() => createBatchPool(0)).toThrow(/pool threads/);
    const pool = createBatchPool(1);
    await expect(
      pool.run({ scenario: 'no-such-scenario', runs: 1, seedBase: 'x', overrides: {} }),
    ).rejects.toThrow(/cannot load scenario/);
    await pool.close();
    await expect(
      pool.run({ scenario: 'two-front', runs: 1, seedBase: 'x', overrides: {} }),
    ).rejects.toThrow(/closed/);
  });
});
