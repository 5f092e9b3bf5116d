import type { Ctx } from './context';
import { PLAYABLE_ACTORS, type PlayableActorId, type TrackPath } from './ids';
import type { Condition, OutcomeRule, Scenario } from './scenario/schema';
import { clamp, type GameState } from './state';

/**
 * The scenario's condition language (used by scripted events and outcome rules) and the named
 * outcomes with per-actor scores.
 */

/**
 * Read a track by the dotted path a scenario condition names, so conditions need no knowledge of
 * the state's shape.
 *
 * @example
 * trackValue(state, 'escalation.europe') // current rung of the European ladder
 */
export function trackValue(s: GameState, path: TrackPath): number {
  const t = s.tracks;
  switch (path) {
    case 'escalation.indoPacific':
      return t.escalation.indoPacific;
    case 'escalation.europe':
      return t.escalation.europe;
    case 'deterrence.indoPacific':
      return t.deterrence.indoPacific;
    case 'deterrence.europe':
      return t.deterrence.europe;
    case 'coordination':
    case 'natoCohesion':
    case 'article5Credibility':
    case 'miscalcRisk':
    case 'nonAligned':
    case 'usPacificShare':
    case 'taiwanSupply':
      return t[path];
    case 'ukraineTerritoryHeld':
      return Math.trunc(s.ukraine.territoryHeldBp / 100);
    default: {
      const never: never = path;
      throw new Error(`unknown track ${String(never)}`);
    }
  }
}

/**
 * @example
 * holds(state, { all: [{ flag: 'blockadeActive' }, { track: 'taiwanSupply', lte: 30 }] })
 */
export function holds(s: GameState, c: Condition): boolean {
  if ('flag' in c) return s.flags[c.flag] === (c.is ?? true);
  if ('track' in c) {
    const v = trackValue(s, c.track);
    return (c.gte === undefined || v >= c.gte) && (c.lte === undefined || v <= c.lte);
  }
  if ('event' in c) return s.keyEvents.some((e) => e.name === c.event);
  if ('turn' in c)
    return (
      (c.turn.gte === undefined || s.turn >= c.turn.gte) &&
      (c.turn.lte === undefined || s.turn <= c.turn.lte)
    );
  if ('lever' in c) return s.levers[c.lever] === c.eq;
  if ('all' in c) return c.all.every((x) => holds(s, x));
  if ('any' in c) return c.any.some((x) => holds(s, x));
  return !holds(s, c.not);
}

/**
 * Scores: the outcome's base score for each actor, adjusted by how its people and economy came
 * through (domestic support against its start, economic cost).
 *
 * @example
 * const scores = scoreOutcome(state, scenario, scenario.outcomes[0]!); // { china: 40, ... }
 */
export function scoreOutcome(
  s: GameState,
  sc: Scenario,
  rule: OutcomeRule,
): Record<PlayableActorId, number> {
  const out = {} as Record<PlayableActorId, number>;
  for (const a of PLAYABLE_ACTORS) {
    const supportDelta = s.actors[a].support - sc.actors[a].domesticSupport;
    out[a] = clamp(
      rule.scores[a] + Math.trunc(supportDelta / 5) - Math.trunc(s.actors[a].economicCost / 5),
      -100,
      100,
    );
  }
  return out;
}

/**
 * Check outcome rules: `immediate` ones every turn; `end` ones too when `final`. First match wins.
 *
 * @example
 * checkOutcome(ctx, ctx.s.turn >= lastTurn); // sets ctx.s.outcome when a rule holds
 */
export function checkOutcome(ctx: Ctx, final: boolean): void {
  const s = ctx.s;
  for (const rule of ctx.sc.outcomes) {
    if (rule.check === 'end' && !final) continue;
    if (!holds(s, rule.when)) continue;
    const scores = scoreOutcome(s, ctx.sc, rule);
    s.outcome = { id: rule.id, label: rule.label, turn: s.turn, scores };
    ctx.emit({
      type: 'outcome',
      outcome: rule.id,
      label: rule.label,
      scores,
      theater: 'global',
      actors: [],
      visibleTo: 'all',
      text: `Outcome: ${rule.label}. ${rule.description} Scores: ${PLAYABLE_ACTORS.map((a) => `${a} ${scores[a]}`).join(', ')} (base ± support change/5 − economic cost/5).`,
    });
    return;
  }
}
