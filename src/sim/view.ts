import { perceiveNow } from './ai/perceive';
import { PLAYABLE_ACTORS, type ActorId, type PlayableActorId } from './ids';
import type { LogEntry } from './log';
import { unmobilised } from './options/china';
import type { Controllers } from './replay';
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
 * Given the game's seed, a viewpoint other than control is shown each roll's stream without it
 * (`…:3:incident:europe`): the seed would let a side foresee every roll to come.
 *
 * @example
 * let shown = visibleLog(ctx.log, 'usa', [], state.seed);
 * shown = visibleLog(ctx.log, 'usa', shown, state.seed); // only the new entries are checked
 */
export function visibleLog(
  log: readonly LogEntry[],
  viewpoint: Viewpoint,
  previous: readonly ShownEntry[],
  seed = '',
): ShownEntry[] {
  const shown = (e: LogEntry): LogEntry =>
    viewpoint === 'control' || seed === '' ? e : withoutSeed(e, seed);
  const last = previous[previous.length - 1];
  const kept = last ? log[last.index] : undefined;
  // A previous result is reusable only if it came from this log under this viewpoint: callers
  // pass [] after a viewpoint change.
  const from = kept && shown(kept) === last!.entry ? last!.index + 1 : 0;
  const out = from === 0 ? [] : [...previous];
  for (let i = from; i < log.length; i++) {
    const entry = log[i]!;
    if (canSee(entry, viewpoint)) out.push({ index: i, entry: shown(entry) });
  }
  return out;
}

/** Entries as shown without the seed, kept so that one entry is always shown as one object. */
const SEEDLESS = new WeakMap<LogEntry, LogEntry>();

/**
 * A log entry as it may be shown to anyone but control on this machine: a roll names its stream
 * `seed:turn:purpose`, and with the seed one could foresee every later roll, so the seed goes
 * (`…:3:ukraine:front`). One entry is always shown as one object; unchanged entries are shared.
 *
 * @example
 * withoutSeed(entry, '42').roll?.stream // '…:3:ukraine:front', was '42:3:ukraine:front'
 */
export function withoutSeed(e: LogEntry, seed: string): LogEntry {
  if (e.type !== 'adjudication' || !e.roll?.stream.startsWith(`${seed}:`)) return e;
  let hit = SEEDLESS.get(e);
  if (!hit) {
    hit = { ...e, roll: { ...e.roll, stream: `…${e.roll.stream.slice(seed.length)}` } };
    SEEDLESS.set(e, hit);
  }
  return hit;
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
 * The state as a viewpoint may know it. A side sees what its intelligence tells it (`perceive`:
 * the other side's forces as estimates, no secret between Beijing and Moscow, no undetected
 * mobilisation nor the campaign phase it opened), never the seed (which would let it foresee
 * every roll), never another actor's orders or how often it took each, and no AI plan. `public`
 * is what every side knows: both sides' forces as a public estimate and every side's secrets
 * kept. `control` sees the true state. The result is a new object that shares unchanged parts
 * with the state: read it, never write it.
 *
 * What a side sees of the tracks a secret action moved (the rung an undetected mobilisation
 * climbs, the miscalculation risk its ambiguity raises, the China–Russia coordination a request
 * moves): their true values. They are the crisis' public dials, not a side's secrets: every
 * briefing announces both rungs to all, the public incident rolls read the rung and the risk, the
 * West's own legal orders turn on the rung, and its AI decides on them as they are. A lower rung on
 * the West's map would contradict all of these, and keeping a second, believed set of tracks
 * would be a new rule. What the side is denied is the cause: every entry the action logs is its
 * parties' alone (`Ctx.secretly`), so a rung that climbs without a reason the side can read is
 * all it learns, as intelligence facing ambiguity would. The same holds for the PLA readiness a
 * mobilisation raises: the West's intelligence sees it (its estimates in the log count it), not
 * what raised it.
 *
 * @example
 * const v = redactState(state, scenario, 'usa');
 * v.seed // ''
 */
export function redactState(s: GameState, sc: Scenario, viewpoint: Viewpoint): GameState {
  if (viewpoint === 'control') return s;
  const perceived = viewpoint === 'public' ? publicState(s, sc) : perceiveNow(s, sc, viewpoint);
  const known =
    s.flags.chinaMobilised && !perceived.flags.chinaMobilised ? unmobilised(perceived) : perceived;
  const actors = {} as Record<ActorId, ActorState>;
  for (const k in known.actors) {
    const id = k as ActorId;
    const a = known.actors[id];
    actors[id] = id === viewpoint ? { ...a, plan: null } : { ...a, ...HIDDEN_ACTOR };
  }
  return { ...known, seed: '', actors };
}

/**
 * What every side knows: forces as the public estimate (which keeps the West's secrets), and only
 * the flags the East's perception shows too (a secret of either side is no one's public knowledge).
 */
function publicState(s: GameState, sc: Scenario): GameState {
  const known = perceiveNow(s, sc, 'public');
  const east = perceiveNow(s, sc, 'china');
  const flags = { ...known.flags };
  for (const k in flags) {
    const f = k as keyof GameState['flags'];
    flags[f] = flags[f] && east.flags[f];
  }
  return { ...known, flags };
}

/**
 * A team's view of the game: the state as its side knows it and the log entries it may read. A
 * screen that redraws as the game goes passes its previous view: the log is then extended, not
 * filtered again (a view of another viewpoint is ignored).
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
  previous?: TeamView,
): TeamView {
  return {
    viewpoint,
    state: redactState(state, sc, viewpoint),
    log: visibleLog(
      log,
      viewpoint,
      previous?.viewpoint === viewpoint ? previous.log : [],
      state.seed,
    ),
  };
}

/** The playable seat a viewpoint plays, if it is one. */
export function seatOf(viewpoint: Viewpoint): PlayableActorId | null {
  return (PLAYABLE_ACTORS as readonly string[]).includes(viewpoint)
    ? (viewpoint as PlayableActorId)
    : null;
}

/** The viewpoints a screen may offer on a game, and the one it opens in. */
export interface Entitled {
  readonly viewpoints: readonly Viewpoint[];
  readonly start: Viewpoint;
}

/**
 * Which viewpoints may be shown of a game, whoever is at the screen. While a game with human seats
 * is in progress, only what its players may all see: the seat's own view and the public one when
 * one seat is human, the public view alone when several are (a hot seat cannot tell which player
 * is looking). Once it has ended, or when no seat is human, every viewpoint, control first.
 *
 * @example
 * viewpointsFor(record.controllers, false).start // 'public' with two human seats
 * viewpointsFor(record.controllers, true).viewpoints[0] // 'control'
 */
export function viewpointsFor(controllers: Controllers, ended: boolean): Entitled {
  const humans = PLAYABLE_ACTORS.filter((a) => controllers[a] === 'human');
  if (ended || humans.length === 0)
    return { viewpoints: ['control', ...PLAYABLE_ACTORS], start: 'control' };
  if (humans.length === 1) return { viewpoints: [humans[0]!, 'public'], start: humans[0]! };
  return { viewpoints: ['public'], start: 'public' };
}
