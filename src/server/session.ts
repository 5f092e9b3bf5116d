import { createActor, type Actor } from 'xstate';
import { gameMachine, waitingSeats, type GameContext } from '../engine/machine';
import { stateHash } from '../engine/timeline';
import type { ChatMessage } from '../net/protocol';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../sim/ids';
import { RULES_VERSION, type Controllers } from '../sim/replay';
import type { Levers } from '../sim/scenario/levers';
import type { LoadedScenario } from '../sim/scenario/load';
import type { Decision } from '../sim/state';
import type { AppliedEvent, EventData } from './events';

/**
 * One classroom session as a replica of its events: `apply` each stored event in order and the
 * session is exactly where every other replica of it is (same engine state, members, seats,
 * clock and messages). Nothing here reads a clock or a random source; times come from the events.
 *
 * The engine is the unpaced `gameMachine`: it runs by itself to each decisions phase and waits
 * there for a `SUBMIT` from every team's seat, which `submitted`, `timeout` and `advanced` events
 * give it. Seats not played by a team are the engine's AI seats.
 */

export type Setup = EventData<'created'>;
export type Team = PlayableActorId;

/** A student's device, from the moment it joined. */
export interface Device {
  readonly id: string;
  name: string;
  readonly keyHash: string;
  team: Team | null;
  /** Left or removed: its key no longer works, and it is no longer listed. */
  removed: boolean;
}

/** This decisions phase's clock: running to a deadline, or frozen with what was left. */
export interface Clock {
  readonly turn: number;
  readonly deadline: number | null;
  readonly remainingMs: number | null;
}

/** An event that does not fit the session it is applied to: a bug, or a tampered store. */
export class EventMismatch extends Error {}

/** Finds a bundled scenario by id (the server reads `scenarios/`). */
export type ScenarioSource = (id: string) => LoadedScenario | null;

export class Session {
  /** The last event applied. */
  seq = 0;
  /**
   * The last event that moved the game on (the start, a turn resolved, a phase held or advanced).
   * Orders that lock one team's turn without completing it move only that team's `teamSeq`: the
   * other teams' views are unchanged, so they are not built or sent again.
   */
  gameSeq = 0;
  /** By team, the last event that changed only that team's view of the game (its locked orders). */
  private readonly teamSeqs = new Map<Team, number>();
  private hashAt = -1;
  private hash = '';
  readonly setup: Setup;
  readonly loaded: LoadedScenario;
  /** By id, in the order they joined. */
  readonly devices = new Map<string, Device>();
  /** Who plays each team's seat now. */
  readonly seats = new Map<Team, 'team' | 'ai'>();
  started = false;
  endReason: EventData<'ended'>['reason'] | null = null;
  paused = false;
  clock: Clock | null = null;
  readonly messages: ChatMessage[] = [];
  /** `turn:team` for every turn the AI chose a team's orders (its seat handed to the AI). */
  readonly aiChosen: string[] = [];
  private actor: Actor<typeof gameMachine> | null = null;

  private constructor(
    readonly id: string,
    created: AppliedEvent & { type: 'created' },
    loaded: LoadedScenario,
  ) {
    this.setup = created.data;
    this.loaded = loaded;
    this.seq = created.seq;
    for (const t of this.setup.teams) this.seats.set(t, 'team');
  }

  /**
   * A replica from the session's first event. Refuses (by name) a session made under other rules
   * or on another version of its scenario: replaying its events here would give another game.
   *
   * @example
   * const s = Session.fromCreated(id, events[0], byId);
   * for (const e of events.slice(1)) s.apply(e);
   */
  static fromCreated(id: string, first: AppliedEvent, scenarios: ScenarioSource): Session {
    if (first.type !== 'created' || first.seq !== 1)
      throw new EventMismatch(`session ${id}: its first event is ${first.type}, not created`);
    const d = first.data;
    if (d.rulesVersion !== RULES_VERSION)
      throw new EventMismatch(
        `session ${id} was played under rules ${d.rulesVersion}; this server has rules ${RULES_VERSION}`,
      );
    const loaded = scenarios(d.scenarioId);
    if (!loaded) throw new EventMismatch(`session ${id}: no scenario "${d.scenarioId}"`);
    if (loaded.hash !== d.scenarioHash)
      throw new EventMismatch(
        `session ${id} was played on scenario ${d.scenarioId} version ${d.scenarioHash}; this server has version ${loaded.hash}`,
      );
    return new Session(id, first, loaded);
  }

  // ---- reading -------------------------------------------------------------------------------

  get status(): 'lobby' | 'playing' | 'ended' {
    if (this.endReason !== null || this.engineEnded()) return 'ended';
    return this.started ? 'playing' : 'lobby';
  }

  /** The engine's context (null before the start). */
  get game(): GameContext | null {
    return this.actor?.getSnapshot().context ?? null;
  }

  /** The engine's state name: `decisions` while teams choose, `ended` at the end. */
  get phase(): string | null {
    return this.actor ? String(this.actor.getSnapshot().value) : null;
  }

  engineEnded(): boolean {
    return this.actor !== null && this.actor.getSnapshot().status !== 'active';
  }

  /** The turn being played (0 in the lobby). */
  get turn(): number {
    return this.game?.state.turn ?? 0;
  }

  /** Teams choose now: the game is on, not paused, in its decisions phase. */
  inDecisions(): boolean {
    return this.status === 'playing' && this.phase === 'decisions';
  }

  /** The teams whose orders are not in this turn, in seat order. */
  waitingTeams(): Team[] {
    const g = this.game;
    if (!g || this.status !== 'playing') return [];
    return waitingSeats(g, this.phase === 'decisions');
  }

  /** A team's orders for this turn, once in (locked). */
  pendingOf(team: Team): Decision[] | null {
    const g = this.game;
    if (!g || this.phase !== 'decisions') return null;
    return g.pending[team] ?? null;
  }

  /** The clock of this decisions phase, if one is set. */
  currentClock(): Clock | null {
    return this.clock && this.clock.turn === this.turn && this.inDecisions() ? this.clock : null;
  }

  /** The hash of the true state (what every replica of the session agrees on). */
  stateHash(): string {
    const g = this.game;
    if (!g) return '';
    if (this.hashAt !== this.gameSeq) {
      this.hash = stateHash(g.state);
      this.hashAt = this.gameSeq;
    }
    return this.hash;
  }

  /** A device still in the session. */
  device(id: string): Device | null {
    const d = this.devices.get(id);
    return d && !d.removed ? d : null;
  }

  /** Who plays each seat, as the replay record lists them: the teams' seats are human. */
  controllers(): Controllers {
    const c = {} as Controllers;
    for (const a of PLAYABLE_ACTORS) c[a] = this.setup.teams.includes(a) ? 'human' : 'ai';
    return c;
  }

  actorName(team: Team): string {
    return this.loaded.scenario.actors[team].name;
  }

  // ---- applying ------------------------------------------------------------------------------

  /**
   * Apply the next event. Throws {@link EventMismatch} if it is not the next one or does not fit
   * the session (the server only appends events it checked against this same state).
   */
  apply(e: AppliedEvent): void {
    if (e.seq !== this.seq + 1)
      throw new EventMismatch(`session ${this.id}: event ${e.seq} after ${this.seq}`);
    const before = e.type === 'submitted' ? this.progress() : '';
    this.applyBody(e);
    this.seq = e.seq;
    if (e.type === 'submitted' && this.progress() === before) this.teamSeqs.set(e.data.team, e.seq);
    else if (
      e.type === 'started' ||
      e.type === 'submitted' ||
      e.type === 'timeout' ||
      e.type === 'advanced'
    )
      this.gameSeq = e.seq;
  }

  /**
   * The version of the game a viewpoint sees: the last event that changed what it is shown.
   *
   * @example
   * s.viewSeq('china') >= s.gameSeq // true
   */
  viewSeq(viewpoint: string): number {
    return Math.max(this.gameSeq, this.teamSeqs.get(viewpoint as Team) ?? 0);
  }

  /** Where the engine stands: changes when orders complete a turn, not when one team locks in. */
  private progress(): string {
    const g = this.game;
    return g ? `${g.state.turn}/${this.phase}/${g.log.length}/${this.engineEnded()}` : '';
  }

  private applyBody(e: AppliedEvent): void {
    switch (e.type) {
      case 'created':
        throw new EventMismatch(`session ${this.id}: a second created event (${e.seq})`);
      case 'joined':
        this.devices.set(e.data.deviceId, {
          id: e.data.deviceId,
          name: e.data.name,
          keyHash: e.data.keyHash,
          team: e.data.team,
          removed: false,
        });
        return;
      case 'picked':
      case 'assigned':
        this.mustDevice(e.data.deviceId).team = e.data.team;
        return;
      case 'removed':
        this.mustDevice(e.data.deviceId).removed = true;
        return;
      case 'started':
        this.start();
        return;
      case 'submitted':
        this.mustTurn(e.data.turn, e.seq);
        this.submit(e.data.team, e.data.decisions as Decision[], e.seq);
        if (e.data.by === 'ai') this.aiChosen.push(`${e.data.turn}:${e.data.team}`);
        return;
      case 'clock':
        this.mustTurn(e.data.turn, e.seq);
        this.clock = { ...e.data };
        return;
      case 'paused': {
        this.paused = true;
        const c = this.currentClock();
        if (c) this.clock = { turn: c.turn, deadline: null, remainingMs: e.data.remainingMs };
        return;
      }
      case 'resumed': {
        this.paused = false;
        const c = this.currentClock();
        if (c) this.clock = { turn: c.turn, deadline: e.data.deadline, remainingMs: null };
        return;
      }
      case 'timeout':
      case 'advanced':
        this.hold(e);
        return;
      case 'seat':
        this.seats.set(e.data.team, e.data.by);
        this.notice(
          e,
          e.data.by === 'ai'
            ? `Control handed ${this.actorName(e.data.team)}'s seat to the AI.`
            : `${this.actorName(e.data.team)}'s seat is back with its team.`,
        );
        return;
      case 'message':
        this.messages.push({
          seq: e.seq,
          turn: e.data.turn,
          at: e.at,
          from: { team: e.data.from.team, name: e.data.from.name },
          to: e.data.to,
          text: e.data.text,
          ...(e.data.about !== undefined ? { about: e.data.about } : {}),
        });
        return;
      case 'ended':
        this.endReason = e.data.reason;
        return;
      default: {
        const never: never = e;
        throw new EventMismatch(`unknown event ${(never as AppliedEvent).type}`);
      }
    }
  }

  private start(): void {
    if (this.started) throw new EventMismatch(`session ${this.id}: started twice`);
    this.started = true;
    const s = this.setup;
    this.actor = createActor(gameMachine, {
      input: {
        sc: this.loaded.scenario,
        seed: s.seed,
        levers: s.levers as unknown as Levers,
        controllers: this.controllers(),
        turnLimit: s.turnLimit,
      },
    });
    this.actor.start();
  }

  private submit(team: Team, decisions: Decision[], seq: number): void {
    if (!this.actor || this.phase !== 'decisions')
      throw new EventMismatch(`session ${this.id}: orders (${seq}) outside a decisions phase`);
    this.actor.send({ type: 'SUBMIT', actor: team, decisions });
    const r = this.actor.getSnapshot().context.lastRejection;
    if (r) throw new EventMismatch(`session ${this.id}: event ${seq} refused: ${r.reason}`);
  }

  /** The clock ran out, or control moved on: every team not in holds. */
  private hold(e: AppliedEvent & { type: 'timeout' | 'advanced' }): void {
    this.mustTurn(e.data.turn, e.seq);
    const waiting = this.waitingTeams();
    if (waiting.join() !== e.data.held.join())
      throw new EventMismatch(
        `session ${this.id}: event ${e.seq} holds ${e.data.held.join(', ') || 'nobody'}, but ${waiting.join(', ') || 'nobody'} had not decided`,
      );
    if (waiting.length > 0) {
      const names = waiting.map((t) => this.actorName(t)).join(', ');
      this.notice(
        e,
        e.type === 'timeout'
          ? `Turn ${e.data.turn}: time ran out. ${names} ${waiting.length === 1 ? 'holds' : 'hold'} (no new orders).`
          : `Turn ${e.data.turn}: control moved on. ${names} ${waiting.length === 1 ? 'holds' : 'hold'} (no new orders).`,
      );
    }
    for (const t of waiting) this.submit(t, [], e.seq);
  }

  /** A line from control to everyone, kept with the messages for the debrief. */
  private notice(e: AppliedEvent, text: string): void {
    this.messages.push({
      seq: e.seq,
      turn: this.turn,
      at: e.at,
      from: { team: 'control', name: 'Control' },
      to: 'all',
      text,
    });
  }

  private mustDevice(id: string): Device {
    const d = this.devices.get(id);
    if (!d || d.removed) throw new EventMismatch(`session ${this.id}: no device ${id}`);
    return d;
  }

  private mustTurn(turn: number, seq: number): void {
    if (turn !== this.turn)
      throw new EventMismatch(
        `session ${this.id}: event ${seq} is for turn ${turn}, not ${this.turn}`,
      );
  }
}
