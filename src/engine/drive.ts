import type { SnapshotFrom } from 'xstate';
import type { PlayableActorId } from '../sim/ids';
import type { Decision } from '../sim/state';
import { waitingSeats, type GameEvent, type gameMachine } from './machine';

/**
 * The one scripted loop: a game driven to its end (or until told to stop) with decisions from a
 * script. `runEngine` (CLI runs, batches, tests) and `buildTimeline` (replays, verification,
 * resume) both play through it; paced or not, it submits for each human seat in seat order as the
 * engine waits for it and otherwise moves the engine on with `CONTINUE`.
 */

export type GameSnapshot = SnapshotFrom<typeof gameMachine>;

/** What the loop needs of a running game. */
export interface Drivable {
  getSnapshot(): GameSnapshot;
  send(event: GameEvent): void;
}

/** Why the loop stopped: the game ended, `visit` stopped it, a submission was refused, or the cap. */
export type DriveEnd = 'ended' | 'stopped' | 'rejected' | 'stuck';

export interface DriveOptions {
  /** The decisions a human seat makes in a turn. */
  readonly decide: (turn: number, seat: PlayableActorId) => readonly Decision[];
  /** Seen before every move (and at the end); return false to stop there. */
  readonly visit?: (snap: GameSnapshot) => boolean;
  /** At most this many moves (a phase or a seat each). */
  readonly cap: number;
}

/**
 * Drive a started game with scripted decisions.
 *
 * @example
 * const end = drive(actor, { decide: (turn, seat) => script[turn - 1]?.[seat] ?? [], cap: 10_000 });
 * if (end === 'rejected') console.log(actor.getSnapshot().context.lastRejection?.reason);
 */
export function drive(actor: Drivable, opts: DriveOptions): DriveEnd {
  for (let moves = 0; moves < opts.cap; moves++) {
    const snap = actor.getSnapshot();
    if (opts.visit && !opts.visit(snap)) return 'stopped';
    if (snap.status !== 'active') return 'ended';
    if (snap.value === 'decisions') {
      const seat = waitingSeats(snap.context, true)[0];
      // Nobody to wait for, yet still deciding: only a seat that never answers leaves it here.
      if (!seat) return 'stuck';
      actor.send({
        type: 'SUBMIT',
        actor: seat,
        decisions: [...opts.decide(snap.context.state.turn, seat)],
      });
      if (actor.getSnapshot().context.lastRejection) return 'rejected';
      continue;
    }
    // Unpaced, the engine only ever stops in decisions or at the end.
    if (!snap.context.paced) return 'stuck';
    actor.send({ type: 'CONTINUE' });
  }
  return 'stuck';
}
