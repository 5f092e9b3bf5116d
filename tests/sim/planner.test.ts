import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/scenario-files';
import type { AiDecisionRecord, AiPolicy } from '../../src/sim/ai';
import { hashString } from '../../src/sim/hash';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../../src/sim/ids';
import { runPlain } from '../../src/sim/run';
import { defaultLevers } from '../../src/sim/setup';

/**
 * The planning AI (src/sim/ai/planner.ts), played in every seat. It is opt-in while the default
 * stays the one-step AI, so no golden campaign moves with its constants (rules.aiPlanner, the
 * plans' odds): the pinned digest below does. It covers the decisions and the logged reasoning of
 * three seeded games; a deliberate change to a planner constant shows up as a new digest.
 */
const loaded = loadScenarioFile('two-front');
if (!loaded.ok) throw new Error('two-front does not load');
const sc = loaded.value.scenario;
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
    expect(hashString(text)).toBe('8834a456072a96d9');
  });
});
