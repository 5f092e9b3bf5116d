import { fromCallback } from 'xstate';
import { decideAI, type AiDecisionRecord, type AiPolicy } from '../sim/ai';
import type { ActorId, PlayableActorId } from '../sim/ids';
import type { LogEntry } from '../sim/log';
import type { Scenario } from '../sim/scenario/schema';
import type { Decision, GameState, PlanMemory } from '../sim/state';

/**
 * Seats are child actors of the turn machine. Each turn the machine sends `DECIDE` with the state
 * to the AI seats' actor and to every human seat.
 *
 * - The AI seats share one child (`seats:ai`, logic `aiSeat`): it decides every seat it plays, in
 *   `PLAYABLE_ACTORS` order, and answers once with `SEATS.DECIDED` (a ballot per seat). One answer
 *   per turn instead of one per seat keeps the engine's cost close to the plain loop's.
 * - Each human seat is its own child (`seat:<actor>`, logic `humanSeat`): it waits for the machine
 *   to forward it a validated `SUBMIT` and answers with `SEAT.DECIDED`. Handed to the AI
 *   (`SEAT.AUTO` on, or `auto` in its input: "AI plays my side", a fork's seat the AI now plays),
 *   it answers `DECIDE` itself with the AI's choice, as the seat's own `by: 'human'` decision
 *   (marked `aiChosen`), so the record lists it like any human order and replays it exactly.
 *
 * The machine accepts either answer from any seat, so a replacement seat may answer per seat or
 * in one batch. Tests and the browser swap either logic with
 * `machine.provide({ actors: { aiSeat, humanSeat } })`.
 */
export type SeatEvent =
  | { type: 'DECIDE'; state: GameState }
  | { type: 'SUBMIT'; decisions: Decision[] }
  | { type: 'SEAT.AUTO'; on: boolean };

/** One seat's decisions for the turn. */
export interface Ballot {
  actor: ActorId;
  decisions: Decision[];
  by: 'ai' | 'human';
  reasoning: LogEntry | null;
  /** The AI's plan for the next turn (AI ballots only). */
  plan?: PlanMemory | null;
  /** A human seat's decisions that the AI chose (the seat was handed to the AI). */
  aiChosen?: boolean;
}

/** One seat has decided. */
export interface SeatDecided extends Ballot {
  type: 'SEAT.DECIDED';
}

/** Several seats have decided (the AI seats, once per turn); ballots in `PLAYABLE_ACTORS` order. */
export interface SeatsDecided {
  type: 'SEATS.DECIDED';
  ballots: Ballot[];
}

/** Input of a human seat. */
export interface SeatInput {
  actor: PlayableActorId;
  sc: Scenario;
  /** Log the AI's reasons (off in batches). */
  explain: boolean;
  /** Handed to the AI from the start (a fork's human seat the AI now plays). */
  auto?: boolean;
}

/** Input of the AI seats' actor. */
export interface AiSeatsInput {
  /** The seats it plays, in `PLAYABLE_ACTORS` order (may be empty). */
  actors: readonly PlayableActorId[];
  sc: Scenario;
  /** Log the AI's reasons (off in batches). */
  explain: boolean;
  /** Which AI plays each seat (the planner unless set). */
  policies?: Readonly<Partial<Record<PlayableActorId, AiPolicy>>>;
  /** Called with every decision's record. */
  onAiDecision?: ((r: AiDecisionRecord) => void) | null;
}

export const aiSeat = fromCallback<SeatEvent, AiSeatsInput>(({ input, receive, sendBack }) => {
  receive((event) => {
    if (event.type !== 'DECIDE' || input.actors.length === 0) return;
    const ballots: Ballot[] = [];
    for (const actor of input.actors) {
      const choice = decideAI(event.state, input.sc, actor, input.explain, input.policies?.[actor]);
      if (choice.record && input.onAiDecision) input.onAiDecision(choice.record);
      const ballot: Ballot = {
        actor,
        decisions: choice.decisions,
        by: 'ai',
        reasoning: choice.reasoning,
      };
      if (choice.plan !== undefined) ballot.plan = choice.plan;
      ballots.push(ballot);
    }
    const reply: SeatsDecided = { type: 'SEATS.DECIDED', ballots };
    sendBack(reply);
  });
});

/**
 * A human seat: it answers with the validated `SUBMIT` the machine forwards, or, while handed to
 * the AI, with the AI's choice (unexplained, as a person's orders are, so the log is the same
 * whoever chose them).
 *
 * @example
 * const machine = gameMachine.provide({ actors: { humanSeat } }); // the default
 * actor.send({ type: 'SEAT.AUTO', actor: 'usa', on: true }); // the AI plays the US from now on
 */
export const humanSeat = fromCallback<SeatEvent, SeatInput>(({ input, receive, sendBack }) => {
  let auto = input.auto ?? false;
  /** The state of a DECIDE not yet answered. */
  let asked: GameState | null = null;
  const answer = (decisions: Decision[], aiChosen: boolean): void => {
    asked = null;
    const reply: SeatDecided = {
      type: 'SEAT.DECIDED',
      actor: input.actor,
      decisions,
      by: 'human',
      reasoning: null,
    };
    if (aiChosen) reply.aiChosen = true;
    sendBack(reply);
  };
  const decideForSeat = (state: GameState): void =>
    answer(decideAI(state, input.sc, input.actor, false).decisions, true);
  receive((event) => {
    switch (event.type) {
      case 'DECIDE':
        asked = event.state;
        if (auto) decideForSeat(event.state);
        return;
      case 'SUBMIT':
        if (asked) answer(event.decisions, false);
        return;
      case 'SEAT.AUTO':
        auto = event.on;
        if (auto && asked) decideForSeat(asked);
        return;
      default: {
        const never: never = event;
        return never;
      }
    }
  });
});
