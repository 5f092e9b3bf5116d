import { decideAI, type AiChoice } from '../../src/sim/ai';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../../src/sim/ids';
import { adjudicate, assessment, briefing, events, intelligence } from '../../src/sim/phases';
import type { Levers } from '../../src/sim/scenario/levers';
import type { Scenario } from '../../src/sim/scenario/schema';
import { createInitialState } from '../../src/sim/setup';
import type { Decision, GameState, PlanMemory } from '../../src/sim/state';

/**
 * An all-AI game played through the simulation's phases (as `runPlain` does, without a log), that
 * shows every AI decision together with the state it was made on: for tests that ask what the
 * same actor would decide on the same state under other settings.
 *
 * @example
 * playDecisions(sc, 'seed', levers, (s, actor, c) => expect(c.decisions.length).toBeLessThan(5));
 */
export function playDecisions(
  sc: Scenario,
  seed: string,
  levers: Levers,
  onDecision: (s: GameState, actor: PlayableActorId, c: AiChoice) => void,
): GameState {
  let s = createInitialState(sc, seed, levers);
  const po = { quiet: true };
  while (s.turn < sc.calendar.maxTurns && !s.outcome) {
    s = intelligence(briefing(s, sc, po).state, sc, po).state;
    const submissions: Partial<Record<PlayableActorId, Decision[]>> = {};
    const plans: Partial<Record<PlayableActorId, PlanMemory | null>> = {};
    for (const actor of PLAYABLE_ACTORS) {
      const c = decideAI(s, sc, actor, false);
      onDecision(s, actor, c);
      submissions[actor] = c.decisions;
      if (c.plan !== undefined) plans[actor] = c.plan;
    }
    const by = Object.fromEntries(PLAYABLE_ACTORS.map((a) => [a, 'ai' as const]));
    const r = events(adjudicate(s, sc, submissions, by, po, plans).state, sc, po);
    s = assessment(r.state, sc, sc.calendar.maxTurns, po).state;
  }
  return s;
}
