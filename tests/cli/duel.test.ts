import { describe, expect, it } from 'vitest';
import { BatchInputError } from '../../src/cli/batch';
import { pairedStats, runDuel, type DuelSummary } from '../../src/cli/duel';
import { PLAYABLE_ACTORS } from '../../src/sim/ids';

/**
 * Duels: paired seeds, so an arm against itself differs by exactly nothing; a real duel gives
 * finite figures whose wins, ties and losses add up to the seeds played, the same on any number
 * of threads.
 */

const base = { scenario: 'two-front', seedBase: 'duel-test', overrides: {}, threads: 0 } as const;

describe('pairedStats', () => {
  it('measures the paired difference, its sd and normal 95% interval, and counts W/T/L', () => {
    expect(pairedStats([3, 1, 2], [1, 1, 0])).toEqual({
      n: 3,
      meanA: 2,
      meanB: 0.6667,
      meanDifference: 1.3333,
      sd: 1.1547,
      ci95: [0.0267, 2.64],
      wins: 2,
      ties: 1,
      losses: 0,
    });
    expect(pairedStats([0, 5], [1, 5])).toMatchObject({ wins: 0, ties: 1, losses: 1 });
    expect(() => pairedStats([1], [1])).toThrow(RangeError);
    expect(() => pairedStats([1, 2], [1])).toThrow(RangeError);
  });
});

describe('runDuel', () => {
  it('an arm against itself gives a difference of exactly 0 and only ties', async () => {
    const same = await runDuel({ ...base, actor: 'all', runs: 4, arms: ['one-step', 'one-step'] });
    // Each actor's two arms are one batch (that actor on one-step, the rest on the default AI),
    // played once: one batch per actor.
    expect(same.batches).toBe(PLAYABLE_ACTORS.length);
    const planner = await runDuel({
      ...base,
      actor: 'china',
      runs: 4,
      arms: ['planner', 'planner'],
    });
    expect(planner.batches).toBe(1);
    for (const d of [same, planner])
      for (const r of d.actors) {
        expect(r.meanDifference, r.actor).toBe(0);
        expect(r.sd, r.actor).toBe(0);
        expect(r.ci95).toEqual([0, 0]);
        expect(r.meanA).toBe(r.meanB);
        expect([r.wins, r.ties, r.losses]).toEqual([0, 4, 0]);
      }
    expect(same.actors.map((r) => r.actor)).toEqual([...PLAYABLE_ACTORS]);
  });

  it('a real duel gives finite figures, W + T + L = N, the same on threads as in-process', async () => {
    const comparable = ({ threads: _t, seconds: _s, ...rest }: DuelSummary) => rest;
    const [inProcess, threaded] = await Promise.all([
      runDuel({ ...base, actor: 'russia', runs: 6 }),
      runDuel({ ...base, actor: 'russia', runs: 6, threads: 2 }),
    ]);
    expect(comparable(threaded)).toEqual(comparable(inProcess));
    expect(inProcess.arms).toEqual({ a: 'planner', b: 'one-step' });
    expect(inProcess.batches).toBe(2);
    const [r] = inProcess.actors;
    expect(r!.actor).toBe('russia');
    for (const x of [r!.meanA, r!.meanB, r!.meanDifference, r!.sd, ...r!.ci95])
      expect(Number.isFinite(x)).toBe(true);
    expect(r!.wins + r!.ties + r!.losses).toBe(6);
    expect(r!.meanDifference).toBeCloseTo(r!.meanA - r!.meanB, 3);
    expect(r!.ci95[0]).toBeLessThanOrEqual(r!.meanDifference);
    expect(r!.ci95[1]).toBeGreaterThanOrEqual(r!.meanDifference);
  });

  it('refuses too few runs, an unknown actor and a bad lever as input errors', async () => {
    await expect(runDuel({ ...base, actor: 'china', runs: 1 })).rejects.toThrow(BatchInputError);
    await expect(runDuel({ ...base, actor: 'mars' as 'china', runs: 3 })).rejects.toThrow(
      /unknown actor "mars"/,
    );
    await expect(
      runDuel({ ...base, actor: 'china', runs: 3, overrides: { noSuchLever: '1' } }),
    ).rejects.toBeInstanceOf(BatchInputError);
  });
});
