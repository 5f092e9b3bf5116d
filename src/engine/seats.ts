import { fromCallback } from 'xstate';
import { decideAI } from '../sim/ai';
import type { ActorId } from '../sim/ids';
import type { LogEntry } from '../sim/log';
import type { Scenario } from '../sim/scenario/schema';
import type { Decision, GameState } from '../sim/state';

/**
 * Seats are child actors of the turn machine. Each turn the machine sends every seat `DECIDE`
 * with the state; an AI seat answers at once from the sim's policy, a human seat answers when the
 * machine forwards it a validated `SUBMIT`. Tests and the browser can swap either with
 * `machine.provide({ actors: { aiSeat, humanSeat } })`.
 */
export type SeatEvent =
  { type: 'DECIDE'; state: GameState } | { type: 'SUBMIT'; decisions: Decision[] };

export interface SeatDecided {
  type: 'SEAT.DECIDED';
  actor: ActorId;
  decisions: Decision[];
  by: 'ai' | 'human';
  reasoning: LogEntry | null;
}

export interface SeatInput {
  actor: ActorId;
  sc: Scenario;
  /** Log the AI's reasons (off in batches). */
  explain: boolean;
}

export const aiSeat = fromCallback<SeatEvent, SeatInput>(({ input, receive, sendBack }) => {
  receive((event) => {
    if (event.type !== 'DECIDE') return;
    const choice = decideAI(event.state, input.sc, input.actor, input.explain);
    const reply: SeatDecided = {
      type: 'SEAT.DECIDED',
      actor: input.actor,
      decisions: choice.decisions,
      by: 'ai',
      reasoning: choice.reasoning,
    };
    sendBack(reply);
  });
});

export const humanSeat = fromCallback<SeatEvent, SeatInput>(({ input, receive, sendBack }) => {
  receive((event) => {
    if (event.type !== 'SUBMIT') return;
    const reply: SeatDecided = {
      type: 'SEAT.DECIDED',
      actor: input.actor,
      decisions: event.decisions,
      by: 'human',
      reasoning: null,
    };
    sendBack(reply);
  });
});
