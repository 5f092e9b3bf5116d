import { createActor, type Actor } from 'xstate';
import { gameMachine, waitingSeats, type Checkpoint, type GameContext } from '../engine/machine';
import { pacer, type PaceClock } from '../engine/pacer';
import { playOnTo, type ResumePoint } from '../engine/resume';
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
 * Drives the paced turn engine for the browser: the engine stops after every phase; its pacer
 * (`engine/pacer.ts`, on the browser's clock) sends `CONTINUE` at the chosen speed (auto-play), the
 * driver on a click (step), or nobody (paused). Human seats stop the flow in the decisions phase
 * until they submit, or answer for themselves when handed to the AI. The driver owns no rules:
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

export type { ResumePoint } from '../engine/resume';

export { SPEEDS, READ_TIME, phaseDelay } from '../engine/pacer';

/**
 * The browser's timers for the pacer: setTimeout, and at Fastest one phase per animation frame
 * (as fast as the screen can show) where there are frames.
 *
 * @example
 * new GameDriver(setup, { autoplay: true, speed: 'normal', clock: browserClock() });
 */
export function browserClock(): PaceClock {
  return {
    after: (ms, fn) => {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    },
    frame:
      typeof requestAnimationFrame === 'function'
        ? (fn) => {
            const id = requestAnimationFrame(fn);
            return () => cancelAnimationFrame(id);
          }
        : undefined,
  };
}

export interface DriverView extends SourceView {
  readonly ctx: GameContext;
  /** Human seats still to decide this turn, in seat order. */
  readonly waiting: readonly PlayableActorId[];
  readonly rejection: (Rejection & { turn: number }) | null;
}

export class GameDriver implements GameSource, PaceControls {
  private readonly actor: Actor<typeof gameMachine>;
  private listeners: ((v: DriverView) => void)[] = [];
  private playingFlag: boolean;
  private speedValue: Speed;
  private aiForHumansFlag = false;

  constructor(
    readonly setup: GameSetup,
    opts: { autoplay: boolean; speed: Speed; clock?: PaceClock },
  ) {
    this.playingFlag = opts.autoplay;
    this.speedValue = opts.speed;
    const paced = gameMachine.provide({
      actors: {
        pacer: pacer(opts.clock ?? browserClock(), { playing: opts.autoplay, speed: opts.speed }),
      },
    });
    this.actor = createActor(paced, {
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
    this.tellPacer(false);
    this.emit();
  }

  pause(): void {
    this.playingFlag = false;
    this.tellPacer(false);
    this.emit();
  }

  setSpeed(speed: Speed): void {
    this.speedValue = speed;
    this.tellPacer(true);
    this.emit();
  }

  /** Tell the pacer whether to play and how fast (`restart`: time the phase on screen afresh). */
  private tellPacer(restart: boolean): void {
    this.actor.send({
      type: 'PACE.SET',
      playing: this.playingFlag,
      speed: this.speedValue,
      restart,
    });
  }

  /**
   * Let the AI choose for the human seats (or give them back): each seat is told (`SEAT.AUTO`) and
   * answers with the AI's choice as its own, so the replay records it like any human decision and
   * replays it exactly. A fork's seats handed to the AI stay with it.
   */
  setAiForHumans(on: boolean): void {
    this.aiForHumansFlag = on;
    this.tellPacer(true);
    for (const actor of this.humans())
      this.actor.send({
        type: 'SEAT.AUTO',
        actor,
        on: on || (this.setup.autoSeats?.includes(actor) ?? false),
      });
    this.emit();
  }

  /** Move on one phase (when nothing is waiting for a human). */
  step(): void {
    const v = this.view();
    if (v.ended || v.waiting.length > 0) return;
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
    return playOnTo(this.actor, point);
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
    this.listeners = [];
    this.actor.stop();
  }

  private changed(): void {
    this.emit();
  }

  private emit(): void {
    const v = this.view();
    for (const l of this.listeners) l(v);
  }
}
