import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/scenario-files';
import { decideAI } from '../../src/sim/ai';
import { hashValue } from '../../src/sim/hash';
import { PLAYABLE_ACTORS, type ActorId } from '../../src/sim/ids';
import { adjudicate, assessment, briefing, events, intelligence } from '../../src/sim/phases';
import { resolveLevers } from '../../src/sim/setup';
import { createInitialState } from '../../src/sim/setup';
import type { Decision, GameState } from '../../src/sim/state';

/**
 * Turn-end states are kept (replays, the viewer, forks), and phases share unchanged parts of the
 * state with them (regions are copied only when written). This plays whole games the way the
 * engine does, with in-place phases, and checks that no earlier turn-end state ever changes.
 */
function play(id: string, seed: string, overrides: Record<string, string>): void {
  const loaded = loadScenarioFile(id);
  if (!loaded.ok) throw new Error(loaded.error[0]!.message);
  const sc = loaded.value.scenario;
  const levers = resolveLevers(sc, overrides);
  if (!levers.ok) throw new Error(levers.error.message);
  const po = { quiet: true, inPlace: true, hash: false };
  let s: GameState = createInitialState(sc, seed, levers.value);
  const kept: { state: GameState; hash: string }[] = [];
  while (s.turn < sc.calendar.maxTurns && !s.outcome) {
    s = intelligence(briefing(s, sc, po).state, sc, po).state;
    const subs: Partial<Record<ActorId, Decision[]>> = {};
    for (const a of PLAYABLE_ACTORS) subs[a] = decideAI(s, sc, a, false).decisions;
    s = adjudicate(s, sc, subs, {}, po).state;
    s = assessment(events(s, sc, po).state, sc, sc.calendar.maxTurns, po).state;
    kept.push({ state: s, hash: hashValue(s) });
  }
  for (const k of kept) expect(hashValue(k.state), `turn ${k.state.turn}`).toBe(k.hash);
}

describe('earlier turn-end states never change', () => {
  it('while Russia seizes NATO territory (regions change hands)', () => {
    for (const seed of ['imm-1', 'imm-2', 'imm-3']) play('europe-first', seed, {});
  });
  it('while China fights ashore on Taiwan (lodgement control changes every turn)', () => {
    for (const seed of ['imm-4', 'imm-5', 'imm-6'])
      play('taiwan-alone', seed, { chinaCourse: 'invasion' });
  });
});
