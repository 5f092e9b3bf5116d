import { perceive } from './ai/perceive';
import { PLAYABLE_ACTORS, type ActorId, type PlayableActorId } from './ids';
import type { LogEntry } from './log';
import type { Scenario } from './scenario/schema';
import type { ActorState, GameState } from './state';

/**
 * Fog of war, as one pure function of state, log and side: what a team may know of the game.
 * The classroom server sends each team only this; hot seat and the replay viewer show the same.
 */

/**
 * Whose eyes a screen shows: one actor's (fog of war), `public` (what every side knows: hot-seat
 * play between hand-overs) or the all-seeing control view.
 */
export type Viewpoint = ActorId | 'public' | 'control';

/** One log entry as a viewpoint is shown it: its index in the full log is its stable id. */
export interface ShownEntry {
  readonly index: number;
  readonly entry: LogEntry;
}

/**
 * Whether a viewpoint may see a log entry: a side sees entries meant for everyone and those
 * addressed to it (its own decisions and reasoning, its intelligence estimates, what adjudication
 * reveals to it); `public` sees only what everyone sees; `control` sees everything.
 *
 * @example
 * canSee(entry, 'usa') // false for China's undetected mobilisation
 */
export function canSee(entry: LogEntry, viewpoint: Viewpoint): boolean {
  if (viewpoint === 'control' || entry.visibleTo === 'all') return true;
  if (viewpoint === 'public') return false;
  return entry.visibleTo.includes(viewpoint);
}

/**
 * The entries a viewpoint may see, oldest first. The log only grows, so a previous result for the
 * same viewpoint is extended rather than rebuilt (thousands of entries, redrawn every phase).
 *
 * @example
 * let shown = visibleLog(ctx.log, 'usa', []);
 * shown = visibleLog(ctx.log, 'usa', shown); // only the new entries are checked
 */
export function visibleLog(
  log: readonly LogEntry[],
  viewpoint: Viewpoint,
  previous: readonly ShownEntry[],
): ShownEntry[] {
  const last = previous[previous.length - 1];
  // A previous result is reusable only if it came from this log under this viewpoint: callers
  // pass [] after a viewpoint change.
  const from = last && log[last.index] === last.entry ? last.index + 1 : 0;
  const out = from === 0 ? [] : [...previous];
  for (let i = from; i < log.length; i++) {
    const entry = log[i]!;
    if (canSee(entry, viewpoint)) out.push({ index: i, entry });
  }
  return out;
}

/** What a team is sent: the game as its side knows it, and the log entries it may read. */
export interface TeamView {
  readonly viewpoint: Viewpoint;
  readonly state: GameState;
  readonly log: ShownEntry[];
}

const HIDDEN_ACTOR: Pick<ActorState, 'lastDecisions' | 'taken' | 'plan'> = {
  lastDecisions: [],
  taken: {},
  plan: null,
};

/**
 * The state as a viewpoint may know it. A side sees what `perceive` says it knows (the other
 * side's forces as estimates, secrets between Beijing and Moscow, an undetected mobilisation),
 * never the seed (which would let it foresee every roll), never another actor's orders or how
 * often it took each, and no AI plan. `control` sees the true state. The result is a new object
 * that shares unchanged parts with the state: read it, never write it.
 *
 * @example
 * const v = redactState(state, scenario, 'usa');
 * v.seed // ''
 */
export function redactState(s: GameState, sc: Scenario, viewpoint: Viewpoint): GameState {
  if (viewpoint === 'control') return s;
  const known = viewpoint === 'public' ? publicState(s, sc) : perceive(s, sc, viewpoint);
  const actors = {} as Record<ActorId, ActorState>;
  for (const k in known.actors) {
    const id = k as ActorId;
    const a = known.actors[id];
    actors[id] = id === viewpoint ? { ...a, plan: null } : { ...a, ...HIDDEN_ACTOR };
  }
  return { ...known, seed: '', actors };
}

/** What every side knows: the flags neither side's perception would reveal to the other. */
function publicState(s: GameState, sc: Scenario): GameState {
  const west = perceive(s, sc, 'usa');
  const east = perceive(s, sc, 'china');
  const flags = { ...s.flags };
  for (const k in flags) {
    const f = k as keyof GameState['flags'];
    flags[f] = west.flags[f] && east.flags[f];
  }
  return { ...west, flags };
}

/**
 * A team's view of the game: the state as its side knows it and the log entries it may read.
 *
 * @example
 * const v = teamView(state, log, scenario, 'usa');
 * v.log.every((e) => canSee(e.entry, 'usa')) // true
 */
export function teamView(
  state: GameState,
  log: readonly LogEntry[],
  sc: Scenario,
  viewpoint: Viewpoint,
): TeamView {
  return {
    viewpoint,
    state: redactState(state, sc, viewpoint),
    log: visibleLog(log, viewpoint, []),
  };
}

/** The playable seat a viewpoint plays, if it is one. */
export function seatOf(viewpoint: Viewpoint): PlayableActorId | null {
  return (PLAYABLE_ACTORS as readonly string[]).includes(viewpoint)
    ? (viewpoint as PlayableActorId)
    : null;
}
