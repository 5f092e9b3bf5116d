import { PLAYABLE_ACTORS, type ActorId, type PlayableActorId } from '../../sim/ids';
import type { ReplayRecord } from '../../sim/replay';
import type { Scenario } from '../../sim/scenario/schema';
import type { Decision } from '../../sim/state';
import type { GameSource, SourceView, SubmitResult } from '../game-source';
import type { Connection, SessionState } from './connection';
import { readyText } from './clock';

/**
 * A classroom session's game as the game screen plays it: the server runs the engine and keeps the
 * pace; this page shows the view the server sent (a team's redacted state and the log entries
 * it may read; the facilitator's control view) and sends its team's orders. It has no pace
 * controls, and only the facilitator has the replay to export.
 */
export class RemoteGame implements GameSource {
  readonly pace = null;
  private cached: { version: number; view: SourceView } | null = null;
  private readonly unsubscribes: (() => void)[] = [];
  private listeners: (() => void)[] = [];

  constructor(
    private readonly conn: Connection,
    private readonly sc: Scenario,
  ) {}

  /** The session as last sent (the classroom screens around the game read it too). */
  get session(): SessionState | null {
    return this.conn.state;
  }

  view(): SourceView {
    const s = this.conn.state;
    if (!s?.game) throw new Error('the session has no game yet');
    if (this.cached?.version === s.version) return this.cached.view;
    const view = remoteView(s, this.sc);
    this.cached = { version: s.version, view };
    return view;
  }

  onChange(cb: (v: SourceView) => void): () => void {
    let last = -1;
    const call = (): void => {
      const s = this.conn.state;
      if (!s?.game || s.version === last) return;
      last = s.version;
      cb(this.view());
    };
    this.listeners.push(call);
    const off = this.conn.onChange(call);
    this.unsubscribes.push(off);
    return () => {
      off();
      this.listeners = this.listeners.filter((l) => l !== call);
    };
  }

  async submit(_actor: PlayableActorId, decisions: readonly Decision[]): Promise<SubmitResult> {
    const turn = this.conn.state?.game?.turn;
    if (turn === undefined) return { ok: false, reason: 'the session has no game yet' };
    const r = await this.conn.request('orders:submit', { turn, decisions: [...decisions] });
    return r.ok ? { ok: true } : { ok: false, reason: r.error };
  }

  async replay(): Promise<ReplayRecord> {
    const r = await this.conn.request('control:export', {});
    if (!r.ok) throw new Error(r.error);
    return r.record;
  }

  /** The turns the AI played a seat control handed to it, as the server's game view lists them. */
  aiDecided(turn: number, seat: ActorId): boolean {
    return this.conn.state?.game?.aiChosen.includes(`${turn}:${seat}`) ?? false;
  }

  /** The game is already on at the server: the screen is told what it holds now. */
  start(): void {
    for (const l of [...this.listeners]) l();
  }

  stop(): void {
    for (const off of this.unsubscribes.splice(0)) off();
    this.listeners = [];
  }
}

/**
 * The game screen's view of a session: a team decides while the decisions phase waits for its
 * orders (not yet sent, its seat not handed to the AI); the status line says what the session is
 * doing rather than the engine's phase.
 */
export function remoteView(s: SessionState, sc: Scenario): SourceView {
  const g = s.game!;
  const info = s.session;
  const team = info.role === 'team' ? info.team : null;
  const seat = team ? info.teams.find((t) => t.team === team) : undefined;
  const ended = g.ended || info.status === 'ended';
  const deciding =
    !ended && info.status === 'playing' && g.phase === 'decisions' && seat?.by === 'team';
  const waiting: PlayableActorId[] = deciding && g.submitted === null && team ? [team] : [];
  const ready = readyText(info.ready);
  let status: string | undefined;
  if (ended) status = undefined;
  else if (info.status === 'lobby') status = 'Waiting for the facilitator to start the session.';
  else if (info.paused) status = `Turn ${g.turn}: paused by the facilitator.`;
  else if (team && seat?.by === 'ai')
    status = `Turn ${g.turn}: the AI is playing ${sc.actors[team]?.name ?? team} for now (the facilitator's choice).`;
  else if (deciding && g.submitted !== null) status = `Turn ${g.turn}: orders locked. ${ready}.`;
  else if (deciding) status = `Turn ${g.turn}: your orders. ${ready}.`;
  else if (!team && g.phase === 'decisions') status = `Turn ${g.turn}: decisions. ${ready}.`;
  return {
    ctx: { state: g.state, log: s.log, tracks: g.tracks },
    phase: g.phase,
    ended,
    waiting,
    playing: !info.paused && info.status === 'playing',
    speed: 'normal',
    aiForHumans: false,
    seen: true,
    ...(status ? { status } : {}),
  };
}

/** Who plays each seat, as the game screen reads it: this team's seat is the one human. */
export function remoteControllers(
  team: PlayableActorId | null,
): Record<PlayableActorId, 'human' | 'ai'> {
  return Object.fromEntries(PLAYABLE_ACTORS.map((a) => [a, a === team ? 'human' : 'ai'])) as Record<
    PlayableActorId,
    'human' | 'ai'
  >;
}
