import { PLAYABLE_ACTORS, type ActorId } from '../ids';
import type { Scenario } from '../scenario/schema';
import type { GameState } from '../state';
import { decideOneStep, type AiChoice } from './one-step';
import { decidePlanned } from './planner';
import type { AiPolicy } from './record';

export { weigh, type AiChoice } from './one-step';
export { decideOneStep } from './one-step';
export { decidePlanned, leverHolds } from './planner';
export { situation } from './stages';
export { perceive, estimateErrors } from './perceive';
export { AI_POLICIES, isKeyOption, type AiDecisionRecord, type AiPolicy } from './record';

const PLAYABLE: ReadonlySet<string> = new Set(PLAYABLE_ACTORS);

/**
 * The AI that plays a seat unless a run asks for another: the planner. The one-step AI stays for
 * duels and comparisons (`RunOptions.policies`, `batch --policy one-step`).
 */
export const DEFAULT_POLICY: AiPolicy = 'planner';

/**
 * An AI actor's decisions for this turn: `policy` (the default policy unless set) for playable
 * actors, the one-step AI for the background actors, which have no plans.
 *
 * @example
 * const { decisions, reasoning, plan } = decideAI(state, scenario, 'russia');
 */
export function decideAI(
  s: GameState,
  sc: Scenario,
  actor: ActorId,
  explain = true,
  policy: AiPolicy = DEFAULT_POLICY,
): AiChoice {
  if (policy === 'one-step' || !PLAYABLE.has(actor)) {
    const c = decideOneStep(s, sc, actor, explain);
    return policy === 'one-step' && PLAYABLE.has(actor)
      ? { ...c, plan: null, record: oneStepRecord(s, actor, c) }
      : c;
  }
  return decidePlanned(s, sc, actor, explain);
}

function oneStepRecord(s: GameState, actor: ActorId, c: AiChoice): NonNullable<AiChoice['record']> {
  return {
    actor,
    turn: s.turn,
    policy: 'one-step',
    plan: null,
    stage: null,
    replanned: false,
    decisions: c.decisions,
    key: 0,
    noiseDecided: 0,
    againstCalculus: 0,
  };
}
