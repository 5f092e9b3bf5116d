import type { Speed } from '../engine/pacer';
import type { PlayableActorId, ActorId } from '../sim/ids';
import type { LogEntry } from '../sim/log';
import type { TrackSnapshot } from '../sim/phases';
import type { ReplayRecord } from '../sim/replay';
import type { Decision, GameState } from '../sim/state';

/**
 * What the game screen plays: a game it can show, submit orders to and hear change. Two sources
 * implement it: `GameDriver` (the engine in this page, paced by the player) and `RemoteGame` (a
 * classroom session, where the server runs the engine and keeps the pace). The screen computes no
 * rules from either: it shows what the source says.
 */

export type { Speed } from '../engine/pacer';

export interface SourceView {
  /** The game as this screen may show it (a team's redacted state; its log; the charted tracks). */
  readonly ctx: {
    readonly state: GameState;
    readonly log: readonly LogEntry[];
    readonly tracks: readonly TrackSnapshot[];
  };
  /** The engine state: a phase name, `decided`, or `ended`. */
  readonly phase: string;
  readonly ended: boolean;
  /** Seats this screen is to decide for now, in seat order. */
  readonly waiting: readonly PlayableActorId[];
  readonly playing: boolean;
  readonly speed: Speed;
  /** The AI is choosing for the human seats (the player handed them over). */
  readonly aiForHumans: boolean;
  /** What the status line says instead of the engine's phase (a classroom: "orders locked"). */
  readonly status?: string;
  /**
   * The state and log are already the viewer's side's (a classroom server sends each team only
   * its `teamView`): the screen shows them as they are, never redacting twice (a side's estimate
   * of an estimate would be off twice over).
   */
  readonly seen?: boolean;
}

export type SubmitResult = { ok: true } | { ok: false; reason: string };

/** Auto-play and "AI plays my side": only where this page keeps the game's pace. */
export interface PaceControls {
  play(): void;
  pause(): void;
  step(): void;
  setSpeed(speed: Speed): void;
  setAiForHumans(on: boolean): void;
}

export interface GameSource {
  view(): SourceView;
  onChange(cb: (v: SourceView) => void): () => void;
  /** A seat's orders; an illegal submission changes nothing and says why. */
  submit(
    actor: PlayableActorId,
    decisions: readonly Decision[],
  ): SubmitResult | Promise<SubmitResult>;
  /** The replay record of the game so far (a classroom asks the server: the facilitator only). */
  replay(): ReplayRecord | Promise<ReplayRecord>;
  /** The AI chose for this human seat in this turn (the end screen marks such choices). */
  aiDecided(turn: number, seat: ActorId): boolean;
  /** Null where someone else keeps the pace (the classroom server): the screen hides them. */
  readonly pace: PaceControls | null;
  start(): void;
  stop(): void;
}
