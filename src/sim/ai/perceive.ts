import { ACTORS, type ActorId, type Flag } from '../ids';
import { draws } from '../random';
import type { Scenario } from '../scenario/schema';
import type { ForceState, GameState } from '../state';

/**
 * What a side knows. An AI decides on this, not on the true state:
 *
 * - the other side's forces are known only as estimates: each force's strength is off by the same
 *   error for every force of that side in one theater this turn, drawn from a seeded stream within
 *   ±`rules.aiPlanner.estimateErrorPct` (every actor of a side shares its intelligence);
 * - China's mobilisation is unknown to the West unless it was detected (`chinaMobilisationSeen`);
 * - Beijing's request to Moscow, and Moscow's answer, are known only to the two of them.
 *
 * Own forces, tracks, the map and everything announced are known as they are. The perceived
 * state is a shallow copy that shares every unchanged part with the true state: read it, never
 * write it.
 *
 * @example
 * const seen = perceive(state, scenario, 'usa');
 * seen.flags.chinaRequestPending // false unless the US could know (it cannot)
 */
export function perceive(s: GameState, sc: Scenario, actor: ActorId): GameState {
  const key = sideOf(sc, actor);
  let bySide = CACHE.get(s);
  if (!bySide || bySide.turn !== s.turn) {
    bySide = { turn: s.turn };
    CACHE.set(s, bySide);
  }
  const hit = bySide[key];
  if (hit) return hit;
  const seen = build(s, sc, key);
  bySide[key] = seen;
  return seen;
}

/**
 * The same as `perceive`, built afresh rather than taken from the cache: for a screen or a server
 * that reads a state at any phase (the engine advances a turn's state in place, so a perception
 * cached before adjudication would show the turn as it stood then). `public` is what no side's
 * intelligence adds: every side's forces as a third, public estimate (what the press reports)
 * and the West's secrets kept, so it tells neither side how the other sees it.
 *
 * @example
 * perceiveNow(state, scenario, 'public').forces // every strength an estimate
 */
export function perceiveNow(s: GameState, sc: Scenario, who: ActorId | 'public'): GameState {
  return build(s, sc, who === 'public' ? 'public' : sideOf(sc, who));
}

/**
 * The actors who share `actor`'s intelligence, itself included: a side knows as one (the
 * scenario's east, or everyone else).
 *
 * @example
 * sameSide(scenario, 'china') // ['china', 'russia', 'north-korea', 'iran']
 */
export function sameSide(sc: Scenario, actor: ActorId): ActorId[] {
  const side = sideOf(sc, actor);
  return ACTORS.filter((a) => sideOf(sc, a) === side);
}

function sideOf(sc: Scenario, actor: ActorId): 'east' | 'west' {
  return sc.actors[actor].side === 'east' ? 'east' : 'west';
}

/**
 * The perceived states of a true state, by side and turn. A state is perceived between its
 * intelligence phase and its adjudication (the calculus in the log, then the AI seats), when
 * nothing changes it; a turn advanced in place starts afresh.
 */
const CACHE = new WeakMap<GameState, { turn: number; east?: GameState; west?: GameState }>();

const SECRET_TO_WEST: readonly Flag[] = [
  'chinaRequestPending',
  'chinaRequestAccepted',
  'chinaRequestRefused',
];

/**
 * The estimate error, in percent, a side makes of the other side's forces in each theater this
 * turn.
 *
 * @example
 * estimateErrors(state, scenario, 'west') // { indoPacific: -7, europe: 4 }
 */
export function estimateErrors(
  s: GameState,
  sc: Scenario,
  side: 'east' | 'west' | 'public',
): { indoPacific: number; europe: number } {
  const e = sc.rules.aiPlanner.estimateErrorPct;
  const d = draws(s.seed, s.turn, `estimate:${side}`, 2, -e, e);
  return { indoPacific: d[0]!, europe: d[1]! };
}

function build(s: GameState, sc: Scenario, side: 'east' | 'west' | 'public'): GameState {
  const err = estimateErrors(s, sc, side);
  const forces: ForceState[] = s.forces.map((f) => {
    if (sideOf(sc, f.actor) === side) return f;
    const theater = sc.regions[f.region]?.theater;
    const pct = theater === 'indoPacific' ? err.indoPacific : theater === 'europe' ? err.europe : 0;
    if (pct === 0) return f;
    return { ...f, strength: Math.max(0, Math.trunc((f.strength * (100 + pct)) / 100)) };
  });
  let flags = s.flags;
  if (side !== 'east') {
    flags = { ...s.flags };
    for (const f of SECRET_TO_WEST) flags[f] = false;
    if (!s.flags.chinaMobilisationSeen) flags.chinaMobilised = false;
  }
  return { ...s, forces, flags };
}
