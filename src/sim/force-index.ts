import type { ActorId } from './ids';
import type { ForceState, GameState } from './state';

/**
 * An index of the state's forces by actor, for the derived quantities (`./measures.ts`,
 * `./us-pool.ts`) that sum forces many times a step.
 */

interface ActorIndex {
  readonly length: number;
  readonly index: Map<ActorId, ForceState[]>;
}

const byActor = new WeakMap<ForceState[], ActorIndex>();
/** The index last used (one game runs at a time per thread: most calls hit it). */
let lastForces: ForceState[] | null = null;
let lastEntry: ActorIndex | null = null;

const NO_FORCES: readonly ForceState[] = [];

/**
 * An actor's forces, from an index kept per forces array. Forces are only ever appended (a
 * destroyed force keeps strength 0), so the array and its length identify the index; the force
 * objects themselves are shared, so strength changes show through without a rebuild.
 *
 * @example
 * forcesOf(state, 'russia').length // how many Russian force counters exist
 */
export function forcesOf(s: GameState, actor: ActorId): readonly ForceState[] {
  let entry = s.forces === lastForces ? lastEntry : byActor.get(s.forces);
  if (!entry || entry.length !== s.forces.length) {
    const index = new Map<ActorId, ForceState[]>();
    for (const f of s.forces) {
      const list = index.get(f.actor);
      if (list) list.push(f);
      else index.set(f.actor, [f]);
    }
    entry = { length: s.forces.length, index };
    byActor.set(s.forces, entry);
  }
  lastForces = s.forces;
  lastEntry = entry;
  return entry.index.get(actor) ?? NO_FORCES;
}
