import type {
  ChatMessage,
  ClientView,
  GameView,
  Member,
  SessionInfo,
  TeamInfo,
} from '../net/protocol';
import { hashValue } from '../sim/hash';
import { teamView, withoutSeed, type ShownEntry, type Viewpoint } from '../sim/view';
import type { Session, Team } from './session';

/**
 * What each socket is shown. The facilitator sees the game from `control`; a team's devices see
 * it through `teamView` (src/sim/view.ts, the one fog function) for their team; a student not yet
 * on a team sees the lobby and nothing of the game. Messages go only to those they are addressed
 * to. The seed is never sent, not even to control (the exported replay record carries it): not in
 * the state, and not in the names of the random streams the log's rolls came from.
 */

/** Who a socket is. */
export type Viewer =
  { readonly role: 'facilitator' } | { readonly role: 'device'; readonly deviceId: string };

/** What one socket already holds: the views after it are sent as what is new. */
export interface Cursor {
  /** The viewpoint the counts below are of: a change of team starts the socket afresh. */
  viewpoint: Viewpoint | null;
  log: number;
  messages: number;
  /** The session's `viewSeq` for this viewpoint when the game was last sent (sent again only when it changed). */
  gameSeq: number;
}

export const freshCursor = (): Cursor => ({ viewpoint: null, log: 0, messages: 0, gameSeq: -1 });

/** Views of one session version, by viewpoint: every socket of a team shares one. */
export class ViewCache {
  private seq = -1;
  private readonly byViewpoint = new Map<
    Viewpoint,
    { seq: number; game: GameView; log: ShownEntry[] }
  >();
  /** Entries as sent, by index: the log only grows, and an entry never changes once logged. */
  private readonly sent = new Map<number, ShownEntry>();

  private shown(e: ShownEntry, seed: string): ShownEntry {
    let hit = this.sent.get(e.index);
    if (!hit || hit.index !== e.index) {
      hit = { index: e.index, entry: withoutSeed(e.entry, seed) };
      this.sent.set(e.index, hit);
    }
    return hit;
  }

  of(s: Session, viewpoint: Viewpoint): { game: GameView; log: ShownEntry[] } | null {
    const g = s.game;
    if (!g) return null;
    if (this.seq !== s.gameSeq) {
      this.byViewpoint.clear();
      this.seq = s.gameSeq;
    }
    const seq = s.viewSeq(viewpoint);
    const hit = this.byViewpoint.get(viewpoint);
    if (hit?.seq === seq) return hit;
    const v = teamView(g.state, g.log, s.loaded.scenario, viewpoint);
    // Control sees the true state but for its seed, which would let anyone looking over the
    // facilitator's shoulder foresee every roll.
    const state = v.viewpoint === 'control' ? { ...v.state, seed: '' } : v.state;
    const team = seatTeam(s, viewpoint);
    const game: GameView = {
      turn: g.state.turn,
      turnLimit: g.turnLimit,
      phase: s.phase ?? 'lobby',
      ended: s.engineEnded(),
      state,
      tracks: g.tracks,
      submitted: team ? s.pendingOf(team) : null,
      aiChosen: [...s.aiChosen],
      stateHash: s.stateHash(),
      viewHash: viewHash(state, v.log.length),
    };
    const out = { seq, game, log: v.log.map((e) => this.shown(e, s.setup.seed)) };
    this.byViewpoint.set(viewpoint, out);
    return out;
  }
}

function seatTeam(s: Session, viewpoint: Viewpoint): Team | null {
  return (s.setup.teams as readonly string[]).includes(viewpoint) ? (viewpoint as Team) : null;
}

/**
 * The hash a client checks what it holds against: the state it was sent and how many log entries
 * it has.
 *
 * @example
 * viewHash(view.game.state, myLog.length) === view.game.viewHash
 */
export function viewHash(state: GameView['state'], logLength: number): string {
  return hashValue({ state, log: logLength });
}

/** The viewpoint a viewer sees the game from (null: the lobby only). */
export function viewpointOf(s: Session, viewer: Viewer): Viewpoint | null {
  if (viewer.role === 'facilitator') return 'control';
  return s.device(viewer.deviceId)?.team ?? null;
}

/**
 * Whether a message is for this viewpoint: control reads everything (it runs the exercise and
 * the debrief); a team reads what its members wrote, what was written to it, and what control
 * wrote to everyone; a student not on a team, only what control wrote to everyone.
 *
 * @example
 * addressedTo({ from: { team: 'usa' }, to: 'china' }, 'japan') // false
 */
export function addressedTo(
  m: Pick<ChatMessage, 'from' | 'to'>,
  viewpoint: Viewpoint | null,
): boolean {
  if (viewpoint === 'control') return true;
  if (m.to === 'all') return true;
  if (viewpoint === null) return false;
  return m.from.team === viewpoint || m.to === viewpoint;
}

/** The lobby and seat information every member of the session sees. */
export function sessionInfo(
  s: Session,
  viewer: Viewer,
  connected: (deviceId: string) => boolean,
  now: number,
): SessionInfo {
  const member = (id: string, name: string): Member => ({
    deviceId: id,
    name,
    connected: connected(id),
  });
  const byTeam = new Map<Team, Member[]>(s.setup.teams.map((t) => [t, []]));
  const unassigned: Member[] = [];
  for (const d of s.devices.values()) {
    if (d.removed) continue;
    (d.team ? byTeam.get(d.team)! : unassigned).push(member(d.id, d.name));
  }
  const teams: TeamInfo[] = s.setup.teams.map((t) => ({
    team: t,
    by: s.seats.get(t) ?? 'team',
    members: byTeam.get(t)!,
    submitted: s.pendingOf(t) !== null,
  }));
  const clock = s.currentClock();
  const device = viewer.role === 'device' ? s.device(viewer.deviceId) : null;
  return {
    id: s.id,
    seq: s.seq,
    title: s.setup.title,
    code: s.setup.code,
    scenarioId: s.setup.scenarioId,
    role: viewer.role === 'facilitator' ? 'facilitator' : 'team',
    team: device?.team ?? null,
    deviceId: device?.id ?? null,
    teamChoice: s.setup.teamChoice,
    status: s.status,
    paused: s.paused,
    teams,
    unassigned,
    clock: {
      seconds: s.setup.decisionSeconds,
      deadline: clock?.deadline ?? null,
      remainingMs: clock?.remainingMs ?? null,
    },
    serverTime: now,
    ready: { submitted: teams.filter((t) => t.submitted).length, of: teams.length },
  };
}

/**
 * A socket's next view, and its cursor moved past it. A socket whose viewpoint changed (placed
 * on a team, moved to another) starts again from nothing: `from` 0 tells its client to replace
 * what it holds.
 */
export function clientView(
  s: Session,
  viewer: Viewer,
  cursor: Cursor,
  cache: ViewCache,
  connected: (deviceId: string) => boolean,
  now: number,
): ClientView {
  const viewpoint = viewpointOf(s, viewer);
  if (viewpoint !== cursor.viewpoint) {
    cursor.viewpoint = viewpoint;
    cursor.log = 0;
    cursor.messages = 0;
    cursor.gameSeq = -1;
  }
  const seen = viewpoint === null ? null : cache.of(s, viewpoint);
  const log = seen?.log ?? [];
  const messages = s.messages.filter((m) => addressedTo(m, viewpoint));
  const view: ClientView = {
    session: sessionInfo(s, viewer, connected, now),
    log: { from: cursor.log, entries: log.slice(cursor.log) },
    messages: { from: cursor.messages, entries: messages.slice(cursor.messages) },
  };
  const seq = viewpoint === null ? s.gameSeq : s.viewSeq(viewpoint);
  if (cursor.gameSeq !== seq) view.game = seen?.game ?? null;
  cursor.log = log.length;
  cursor.messages = messages.length;
  cursor.gameSeq = seq;
  return view;
}
