import { decideAI } from '../sim/ai';
import { validateSubmission } from '../sim/decisions';
import type { SessionEvent } from './events';
import type { Session } from './session';

/**
 * What a session does by itself, as events the server records like any other: its AI-held
 * seats decide, each decisions phase gets its clock, a clock that ran out holds the teams not
 * in, and a game that reached its end is closed. Each is a function of the session and the time,
 * so any process holding the session may append it; if two try, the store takes one and the other
 * catches up and finds nothing left to do.
 */

/**
 * The next event the session calls for at `now`, or null when it is waiting for people.
 *
 * @example
 * for (let e = nextReaction(s, now()); e; e = nextReaction(s, now())) await append(e);
 */
export function nextReaction(s: Session, now: number): SessionEvent | null {
  if (s.endReason === null && s.engineEnded())
    return { type: 'ended', data: { reason: 'game-over' } };
  if (s.status !== 'playing' || s.paused || !s.inDecisions()) return null;
  const game = s.game!;
  const turn = s.turn;
  const waiting = s.waitingTeams();
  // A seat control handed to the AI: the AI chooses and the choice is recorded as the seat's
  // orders, so the replay record lists the seat as human and still replays exactly.
  const held = waiting.find((t) => s.seats.get(t) === 'ai');
  if (held) {
    const choice = decideAI(game.state, s.loaded.scenario, held, false);
    const ok = validateSubmission(game.state, s.loaded.scenario, held, choice.decisions);
    return {
      type: 'submitted',
      data: { team: held, turn, decisions: ok.ok ? ok.value : [], by: 'ai', deviceId: null },
    };
  }
  const clock = s.currentClock();
  if (!clock && s.setup.decisionSeconds > 0)
    return {
      type: 'clock',
      data: { turn, deadline: now + s.setup.decisionSeconds * 1000, remainingMs: null },
    };
  if (clock?.deadline != null && clock.deadline <= now)
    return { type: 'timeout', data: { turn, held: waiting } };
  return null;
}

/** When the session next needs looking at by itself (its running clock's deadline), or null. */
export function nextDeadline(s: Session): number | null {
  if (s.paused) return null;
  return s.currentClock()?.deadline ?? null;
}
