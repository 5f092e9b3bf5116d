import { createActor, type Actor } from 'xstate';
import { gameMachine, waitingSeats, type Checkpoint, type GameContext } from '../engine/machine';
import { stateHash } from '../engine/timeline';
import { PLAYABLE_ACTORS, type ActorId, type PlayableActorId } from '../sim/ids';
import {
  RULES_VERSION,
  REPLAY_FORMAT,
  REPLAY_FORMAT_VERSION,
  type Controllers,
  type ReplayRecord,
  type TurnDecisions,
} from '../sim/replay';
import type { LoadedScenario } from '../sim/scenario/load';
import type { Levers } from '../sim/scenario/levers';
import type { Rejection } from '../sim/decisions';
import type { Decision } from '../sim/state';
import type { GameSource, PaceControls, Speed, SourceView, SubmitResult } from './game-source';

export type { Speed, SubmitResult } from './game-source';

/**
 * Drives the paced turn engine for the browser: the engine stops after every phase and the driver
 * sends `CONTINUE` at the chosen speed (auto-play), on a click (step), or not at all (paused).
 * Human seats stop the flow in the decisions phase until they submit. The driver owns no rules:
 * everything it shows comes from the engine's snapshot.
 */

export interface GameSetup {
  readonly loaded: LoadedScenario;
  readonly seed: string;
  readonly levers: Levers;
  /** Who plays each seat, as the record says (a seat once played by a human stays 'human'). */
  readonly controllers: Controllers;
  readonly turnLimit: number;
  /** The resolved scenario is not a bundled one: the record carries it. */
  readonly custom?: boolean;
  /** Continue from this point (a fork or a resumed game) instead of from the start. */
  readonly from?: Checkpoint;
  /** For a fork: the game it branched from, and after which turn. */
  readonly parent?: { readonly finalHash: string; readonly turn: number };
  /**
   * Seats the record lists as human that the AI now plays (a fork handing a human seat of the
   * parent to the AI). Their choices are submitted as the seat's, so the record still replays.
   */
  readonly autoSeats?: readonly PlayableActorId[];
}

/** Where a saved game stood, to put a new driver back exactly there. */
export interface ResumePoint {
  /** The phase the engine was in (`briefing` … `assessment`, `decided`). */
  readonly phase: string;
  /** Decisions the human seats had already submitted this turn (hot seat: the first of several). */
  readonly pending: TurnDecisions;
}

/** Milliseconds between phases for each auto-play speed, for a phase that logged nothing. */
export const SPEEDS = { slow: 1400, normal: 600, fast: 180, max: 0 } as const satisfies Record<
  Speed,
  number
>;

/**
 * Milliseconds a phase that logged entries stays on screen before the next one runs. At Normal a
 * turn's six phases once passed in under 4 s, too fast to read what each had done; now a phase
 * with something to read holds for 2.2 s (Slow: 4 s). Fast and Fastest keep their pace.
 */
export const READ_TIME: Readonly<Record<Speed, number>> = {
  slow: 4000,
  normal: 2200,
  fast: 180,
  max: 0,
};

/**
 * How long auto-play shows a phase: its reading time if it logged entries (phase markers aside),
 * the speed's plain interval if not.
 *
 * @example
 * phaseDelay('normal', 12) // 2200
 * phaseDelay('normal', 0) // 600
 */
export function phaseDelay(speed: Speed, logged: number): number {
  return logged > 0 ? Math.max(SPEEDS[speed], READ_TIME[speed]) : SPEEDS[speed];
}

export interface DriverView extends SourceView {
  readonly ctx: GameContext;
  /** Human seats still to decide this turn, in seat order. */
  readonly waiting: readonly PlayableActorId[];
  readonly rejection: (Rejection & { turn: number }) | null;
}

export class GameDriver implements GameSource, PaceControls {
  private readonly actor: Actor<typeof gameMachine>;
  private timer: { cancel(): void } | null = null;
  private listeners: ((v: DriverView) => void)[] = [];
  private playingFlag: boolean;
  private speedValue: Speed;
  private aiForHumansFlag = false;
  /**
   * The phase auto-play last timed (turn and name), the log's length once it had run, and how many
   * entries it logged: a speed change while it is on screen times it again from the same count.
   */
  private timed: { phase: string; to: number; logged: number } = { phase: '', to: 0, logged: 0 };

  constructor(
    readonly setup: GameSetup,
    opts: { autoplay: boolean; speed: Speed },
  ) {
    this.playingFlag = opts.autoplay;
    this.speedValue = opts.speed;
    this.actor = createActor(gameMachine, {
      input: {
        sc: setup.loaded.scenario,
        seed: setup.seed,
        levers: setup.levers,
        controllers: setup.controllers,
        turnLimit: setup.turnLimit,
        paced: true,
        ...(setup.from ? { from: setup.from } : {}),
        ...(setup.autoSeats?.length ? { autoSeats: setup.autoSeats } : {}),
      },
    });
    this.actor.subscribe(() => this.changed());
  }

  /** This page keeps the pace: auto-play, step and "AI plays my side" are the driver's own. */
  get pace(): PaceControls {
    return this;
  }

  /** Begin the game (the engine runs the first briefing and waits). */
  start(): void {
    this.actor.start();
    this.changed();
  }

  onChange(cb: (v: DriverView) => void): () => void {
    this.listeners.push(cb);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== cb);
    };
  }

  view(): DriverView {
    const snap = this.actor.getSnapshot();
    const phase = String(snap.value);
    return {
      ctx: snap.context,
      phase,
      ended: snap.status !== 'active',
      waiting: waitingSeats(snap.context, phase === 'decisions'),
      playing: this.playingFlag,
      speed: this.speedValue,
      rejection: snap.context.lastRejection,
      aiForHumans: this.aiForHumansFlag,
    };
  }

  /** Auto-play on: phases follow each other at the chosen speed. */
  play(): void {
    this.playingFlag = true;
    this.schedule();
    this.emit();
  }

  pause(): void {
    this.playingFlag = false;
    this.clearTimer();
    this.emit();
  }

  setSpeed(speed: Speed): void {
    this.speedValue = speed;
    if (this.playingFlag) {
      this.clearTimer();
      this.schedule();
    }
    this.emit();
  }

  /**
   * Let the AI choose for the human seats (or give them back): each seat is told (`SEAT.AUTO`) and
   * answers with the AI's choice as its own, so the replay records it like any human decision and
   * replays it exactly. A fork's seats handed to the AI stay with it.
   */
  setAiForHumans(on: boolean): void {
    this.aiForHumansFlag = on;
    this.clearTimer();
    for (const actor of this.humans())
      this.actor.send({
        type: 'SEAT.AUTO',
        actor,
        on: on || (this.setup.autoSeats?.includes(actor) ?? false),
      });
    this.schedule();
    this.emit();
  }

  /** Move on one phase (when nothing is waiting for a human). */
  step(): void {
    const v = this.view();
    if (v.ended) return;
    this.clearTimer();
    if (v.waiting.length > 0) return;
    this.actor.send({ type: 'CONTINUE' });
  }

  /**
   * The AI chose for this human seat in this turn ("AI plays my side", or a fork's seat handed
   * to the AI). The record lists such choices as the seat's own; only this driver knows (a game
   * continued from storage remembers it from then on).
   */
  aiDecided(turn: number, seat: ActorId): boolean {
    return this.actor.getSnapshot().context.aiChosen.includes(`${turn}:${seat}`);
  }

  /**
   * Put a driver built from a checkpoint back where a saved game stood: play on to the saved
   * phase of the current turn, re-submitting the human decisions already made. Stops early (and
   * says so) if a decision is refused or the engine cannot get there.
   */
  advanceTo(point: ResumePoint): SubmitResult {
    const target = point.phase === 'decided' ? 'decided' : point.phase;
    for (let guard = 0; guard < 64; guard++) {
      const v = this.view();
      if (v.ended) return { ok: true };
      const snap = this.actor.getSnapshot();
      const waiting = waitingSeats(snap.context, v.phase === 'decisions');
      // Decisions already made this turn are made again, even when the game stood in this phase.
      const seat = waiting.find((a) => point.pending[a] !== undefined);
      if (seat) {
        const r = this.submit(seat, point.pending[seat]!);
        if (!r.ok) return r;
        continue;
      }
      if (v.phase === target) return { ok: true };
      // Seats handed to the AI answer at once, so a turn saved while they had not yet is back
      // with their answers in.
      if (waiting.length > 0 || (target === 'decisions' && v.phase === 'decided'))
        return { ok: true };
      this.actor.send({ type: 'CONTINUE' });
    }
    return { ok: false, reason: `could not get back to the ${point.phase} phase` };
  }

  /** The decisions human seats have submitted in the current turn (saved with the game). */
  pendingHuman(): TurnDecisions {
    const c = this.actor.getSnapshot().context;
    const out: TurnDecisions = {};
    for (const a of this.humans()) {
      const d = c.pending[a];
      if (d !== undefined) out[a] = [...d];
    }
    return out;
  }

  /** The hash of the state right now (after any phase, not only at turn ends). */
  stateHash(): string {
    return stateHash(this.actor.getSnapshot().context.state);
  }

  /** A human seat's decisions; an illegal submission changes nothing and says why. */
  submit(actor: PlayableActorId, decisions: readonly Decision[]): SubmitResult {
    this.actor.send({ type: 'SUBMIT', actor, decisions: [...decisions] });
    const r = this.actor.getSnapshot().context.lastRejection;
    return r ? { ok: false, reason: r.reason } : { ok: true };
  }

  /** The replay record of the game so far (complete once the game has ended). */
  replay(): ReplayRecord {
    const c = this.actor.getSnapshot().context;
    return {
      format: REPLAY_FORMAT,
      formatVersion: REPLAY_FORMAT_VERSION,
      engineVersion: RULES_VERSION,
      scenarioId: this.setup.loaded.scenario.id,
      scenarioHash: this.setup.loaded.hash,
      seed: this.setup.seed,
      levers: this.setup.levers,
      controllers: this.setup.controllers,
      turnLimit: this.setup.turnLimit,
      // Completed turns only: after adjudication the turn's decisions are in, its hash not yet.
      decisions: c.decisions.slice(0, c.turnHashes.length),
      turnHashes: [...c.turnHashes],
      finalHash: c.turnHashes[c.turnHashes.length - 1] ?? '',
      ...(this.setup.parent ? { parent: { ...this.setup.parent } } : {}),
      ...(this.setup.custom
        ? {
            scenario: JSON.parse(JSON.stringify(this.setup.loaded.scenario)) as Record<
              string,
              unknown
            >,
          }
        : {}),
    };
  }

  humans(): PlayableActorId[] {
    return PLAYABLE_ACTORS.filter((a) => this.setup.controllers[a] === 'human');
  }

  stop(): void {
    this.clearTimer();
    this.listeners = [];
    this.actor.stop();
  }

  private changed(): void {
    this.emit();
    this.schedule();
  }

  private emit(): void {
    const v = this.view();
    for (const l of this.listeners) l(v);
  }

  private clearTimer(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  private schedule(): void {
    if (!this.playingFlag) return;
    const v = this.view();
    const phase = `${v.ctx.state.turn}:${v.phase}`;
    // The engine can pass a phase at once (AI seats decide without a stop): the phase now on
    // screen is timed afresh, by what it logged.
    if (this.timer !== null) {
      if (phase === this.timed.phase) return;
      this.clearTimer();
    }
    if (v.ended || v.waiting.length > 0) return;
    const run = (): void => {
      this.timer = null;
      if (!this.playingFlag) return;
      const now = this.view();
      if (now.ended || now.waiting.length > 0) return;
      this.actor.send({ type: 'CONTINUE' });
    };
    if (phase !== this.timed.phase) {
      const log = v.ctx.log;
      let logged = 0;
      const from = Math.min(this.timed.to, log.length);
      for (let i = from; i < log.length; i++) if (log[i]!.type !== 'phase') logged++;
      this.timed = { phase, to: log.length, logged };
    }
    const delay = phaseDelay(this.speedValue, this.timed.logged);
    // Full speed is one phase per animation frame: as fast as the screen can show, and a phase's
    // work never piles onto a frame that already has one.
    if (delay === 0 && typeof requestAnimationFrame === 'function') {
      const id = requestAnimationFrame(run);
      this.timer = { cancel: () => cancelAnimationFrame(id) };
    } else {
      const id = setTimeout(run, delay);
      this.timer = { cancel: () => clearTimeout(id) };
    }
  }
}
