import { PLAYABLE_ACTORS, type PlayableActorId } from '../sim/ids';
import type { Controllers, ReplayRecord, TurnDecisions } from '../sim/replay';
import type { LoadedScenario } from '../sim/scenario/load';
import type { Result } from '../sim/validation';
import type { SnapshotFrom } from 'xstate';
import { waitingSeats, type Checkpoint, type GameEvent, type gameMachine } from './machine';
import { buildTimeline, checkpointAt, type ReplayMismatch, type Timeline } from './timeline';

/**
 * Continuing a game from its record: resuming one saved part-way through a turn, and forking one
 * at a turn with other seats. Both are game rules rather than storage or screens, so the browser
 * and the classroom server share them.
 */

/** Where a game part-way through a turn stood. */
export interface ResumePoint {
  /** The phase the engine was in (`briefing` … `assessment`, `decided`). */
  readonly phase: string;
  /** Decisions the human seats had already submitted this turn (hot seat: the first of several). */
  readonly pending: TurnDecisions;
}

/** A record made ready to play on from where it stood. */
export interface Resumed {
  /** The record up to the start of the current turn, re-simulated and verified. */
  readonly timeline: Timeline;
  /** The engine's starting point: the end of the last turn the timeline holds. */
  readonly from: Checkpoint;
  /** The phase to play on to, and the human decisions to make again on the way. */
  readonly point: ResumePoint;
}

/**
 * Put a record back where it stood: cut it at the start of the current turn, re-simulate and
 * verify it, and give the checkpoint there with the phase to return to and the human decisions
 * already made this turn. At `assessment` the record already holds the current turn, which is
 * played again (with its recorded human decisions) to get back there.
 *
 * @example
 * const r = resumePoint(loaded, saved.record, saved.point);
 * if (r.ok) playOnTo(createActor(gameMachine, { input: { ...setup, from: r.value.from } }), r.value.point);
 */
export function resumePoint(
  loaded: LoadedScenario,
  record: ReplayRecord,
  point: ResumePoint,
): Result<Resumed, ReplayMismatch> {
  const atAssessment = point.phase === 'assessment';
  const done = record.turnHashes.length;
  const keep = atAssessment ? Math.max(0, done - 1) : done;
  const pending = atAssessment ? humanOnly(record.decisions[keep] ?? {}, record) : point.pending;
  const cut: ReplayRecord = {
    ...record,
    decisions: record.decisions.slice(0, keep),
    turnHashes: record.turnHashes.slice(0, keep),
    finalHash: record.turnHashes[keep - 1] ?? '',
  };
  const t = buildTimeline(loaded, cut);
  if (!t.ok) return t;
  return {
    ok: true,
    value: {
      timeline: t.value,
      from: checkpointAt(t.value, keep),
      point: { phase: point.phase, pending },
    },
  };
}

/** The human seats' part of a turn's decisions. */
function humanOnly(d: TurnDecisions, rec: ReplayRecord): TurnDecisions {
  const out: TurnDecisions = {};
  for (const a of PLAYABLE_ACTORS) if (rec.controllers[a] === 'human' && d[a]) out[a] = d[a];
  return out;
}

/** How a fork is seated and where it starts. */
export interface ForkSetup {
  /** The record's controllers: a seat once played by a human stays 'human'. */
  readonly controllers: Controllers;
  /** Human seats of the parent that the AI plays from here (`GameInput.autoSeats`). */
  readonly autoSeats: readonly PlayableActorId[];
  readonly from: Checkpoint;
  /** The game it branched from and after which turn (none from turn 0 or an unhashed record). */
  readonly parent?: { readonly finalHash: string; readonly turn: number };
}

/**
 * The setup of a game that plays on from the end of turn `turn` of a timeline with the chosen
 * seats. A seat once played by a human keeps 'human' in the record, so its recorded decisions
 * replay as they were; if the AI plays it from here, it is handed to the AI (`autoSeats`).
 *
 * @example
 * const f = forkSetup(timeline, 3, { ...allAi(), usa: 'human' });
 * createActor(gameMachine, { input: { ...common, controllers: f.controllers, from: f.from, autoSeats: f.autoSeats } });
 */
export function forkSetup(t: Timeline, turn: number, chosen: Controllers): ForkSetup {
  const rec = t.record;
  const controllers = { ...chosen };
  const autoSeats: PlayableActorId[] = [];
  for (const a of PLAYABLE_ACTORS)
    if (rec.controllers[a] === 'human' && chosen[a] === 'ai') {
      controllers[a] = 'human';
      autoSeats.push(a);
    }
  return {
    controllers,
    autoSeats,
    from: checkpointAt(t, turn),
    ...(rec.finalHash && turn > 0 ? { parent: { finalHash: rec.finalHash, turn } } : {}),
  };
}

/** What `playOnTo` needs of a running game: a paced game machine's actor. */
export interface GameActorLike {
  getSnapshot(): SnapshotFrom<typeof gameMachine>;
  send(event: GameEvent): void;
}

/**
 * Play a paced game started from `Resumed.from` on to where it stood: to the saved phase of the
 * current turn, making again the human decisions already made. Stops early (and says why) if a
 * decision is refused or the engine cannot get there.
 *
 * @example
 * const r = playOnTo(actor, resumed.point);
 * if (!r.ok) show(r.reason);
 */
export function playOnTo(
  actor: GameActorLike,
  point: ResumePoint,
): { ok: true } | { ok: false; reason: string } {
  for (let guard = 0; guard < 64; guard++) {
    const snap = actor.getSnapshot();
    if (snap.status !== 'active') return { ok: true };
    const phase = String(snap.value);
    const waiting = waitingSeats(snap.context, phase === 'decisions');
    // Decisions already made this turn are made again, even when the game stood in this phase.
    const seat = waiting.find((a) => point.pending[a] !== undefined);
    if (seat) {
      actor.send({ type: 'SUBMIT', actor: seat, decisions: [...point.pending[seat]!] });
      const r = actor.getSnapshot().context.lastRejection;
      if (r) return { ok: false, reason: r.reason };
      continue;
    }
    if (phase === point.phase) return { ok: true };
    // Seats handed to the AI answer at once, so a turn saved before they had is back with their
    // answers in.
    if (waiting.length > 0 || (point.phase === 'decisions' && phase === 'decided'))
      return { ok: true };
    actor.send({ type: 'CONTINUE' });
  }
  return { ok: false, reason: `could not get back to the ${point.phase} phase` };
}
