import { assign, enqueueActions, setup } from 'xstate';
import { validateSubmission, type Rejection } from '../sim/decisions';
import { ACTORS, PLAYABLE_ACTORS, type ActorId, type PlayableActorId } from '../sim/ids';

const isPlayable = (a: ActorId): a is PlayableActorId =>
  (PLAYABLE_ACTORS as readonly string[]).includes(a);
import type { PhaseOptions } from '../sim/context';
import type { LogEntry } from '../sim/log';
import {
  adjudicate,
  assessment,
  briefing,
  events,
  intelligence,
  type DecidedBy,
  type TrackSnapshot,
} from '../sim/phases';
import type { Controllers, TurnDecisions } from '../sim/replay';
import type { Levers } from '../sim/scenario/levers';
import type { Scenario } from '../sim/scenario/schema';
import { createInitialState } from '../sim/setup';
import type { AiDecisionRecord, AiPolicy } from '../sim/ai';
import type { Decision, GameState, PlanMemory } from '../sim/state';
import { noPacer, type PaceEvent } from './pacer';
import { aiSeat, humanSeat, type SeatDecided, type SeatsDecided } from './seats';

/**
 * The turn engine: briefing → intelligence → decisions → adjudication → events → assessment →
 * next turn or end. Guards and actions are thin, named calls into `sim`; seats are child actors
 * (see `./seats`): one for the AI seats, which answers once per turn, and one per human seat.
 * Everything is synchronous: with only AI seats, `createActor(machine).start()` plays the whole
 * campaign before it returns.
 *
 * Each phase's work is one `assign` (xstate copies the context and the snapshot for each). A
 * snapshot is never changed afterwards: phases work on a copy of the state and the log is a new
 * array per phase, except in a run that owns its turns (`turnInPlace`: runEngine, which returns
 * only the final state), where both are changed in place so a batch costs little beyond the
 * phases themselves.
 */

/** A game part-way through, to continue from (resume or fork). */
export interface Checkpoint {
  readonly state: GameState;
  readonly log: readonly LogEntry[];
  readonly tracks: readonly TrackSnapshot[];
  readonly turnHashes: readonly string[];
  readonly decisions: readonly TurnDecisions[];
}

export interface GameInput {
  readonly sc: Scenario;
  readonly seed: string;
  readonly levers: Levers;
  readonly controllers: Controllers;
  readonly turnLimit: number;
  /** Keep log entries (a batch may drop them to save memory). */
  readonly keepLog?: boolean;
  /** Hash the state after every turn (on by default; replays need it). */
  readonly turnHashes?: boolean;
  readonly from?: Checkpoint;
  /**
   * Stop after every phase until `CONTINUE` (the browser shows each phase and lets the player
   * set the pace). Off by default: headless runs go straight through. A paced game has a `pacer`
   * child (`./pacer`) that hears every phase shown and may answer `CONTINUE`; the default one
   * never does.
   */
  readonly paced?: boolean;
  /**
   * Nobody but this actor will read a turn-end state (runEngine: it returns only the final one):
   * after its first briefing, which copies, each turn advances the state in place.
   */
  readonly turnInPlace?: boolean;
  /** Which AI plays each AI seat (the planner unless set). */
  readonly policies?: Readonly<Partial<Record<PlayableActorId, AiPolicy>>>;
  /** Called with every AI seat's decision record. */
  readonly onAiDecision?: (r: AiDecisionRecord) => void;
  /**
   * Human seats the AI plays from the start (a fork handing a human seat of its parent to the
   * AI): they stay 'human' in the record, and their seat answers with the AI's choice.
   */
  readonly autoSeats?: readonly PlayableActorId[];
}

export interface GameContext {
  readonly sc: Scenario;
  /** `GameInput.policies` and `GameInput.onAiDecision`. */
  readonly policies: Readonly<Partial<Record<PlayableActorId, AiPolicy>>>;
  readonly onAiDecision: ((r: AiDecisionRecord) => void) | null;
  readonly controllers: Controllers;
  readonly turnLimit: number;
  readonly keepLog: boolean;
  readonly po: PhaseOptions;
  readonly paced: boolean;
  /** `GameInput.turnInPlace`. */
  readonly ownsTurns: boolean;
  /** The next briefing may advance the state in place (`ownsTurns`, after the first briefing). */
  turnInPlace: boolean;
  state: GameState;
  /** Append-only. Grows in place only when the actor owns its turns (`ownsTurns`); else a new array per phase. */
  log: LogEntry[];
  tracks: TrackSnapshot[];
  turnHashes: string[];
  decisions: TurnDecisions[];
  pending: Partial<Record<ActorId, Decision[]>>;
  by: Partial<Record<ActorId, DecidedBy>>;
  /** The AI seats' plans for the next turn (src/sim/ai/planner.ts). */
  plans: Partial<Record<ActorId, PlanMemory | null>>;
  /** Human seats handed to the AI (`SEAT.AUTO`): they answer for themselves. */
  auto: Partial<Record<PlayableActorId, true>>;
  /**
   * Every human seat's turn whose decisions the AI chose in this run, as `turn:seat` (the record
   * lists them as the seat's own; only this run knows).
   */
  aiChosen: readonly string[];
  lastRejection: (Rejection & { turn: number }) | null;
}

export type GameEvent =
  | { type: 'SUBMIT'; actor: ActorId; decisions: unknown }
  | { type: 'CONTINUE' }
  /** Hand a human seat to the AI (on) or give it back (off). */
  | { type: 'SEAT.AUTO'; actor: PlayableActorId; on: boolean }
  /** Auto-play on or off and its speed, for the pacer. */
  | Extract<PaceEvent, { type: 'PACE.SET' }>
  | SeatDecided
  | SeatsDecided;

/** The engine's phase names, in the order a turn runs them. */
export const ENGINE_PHASES = [
  'briefing',
  'intelligence',
  'decisions',
  'adjudication',
  'events',
  'assessment',
] as const;

/**
 * The human seats still to decide this turn (empty outside the decisions phase); a seat handed to
 * the AI answers for itself and is not waited for.
 *
 * @example
 * const who = waitingSeats(actor.getSnapshot().context, actor.getSnapshot().value === 'decisions');
 */
export function waitingSeats(ctx: GameContext, inDecisions: boolean): PlayableActorId[] {
  if (!inDecisions) return [];
  return PLAYABLE_ACTORS.filter(
    (a) => ctx.controllers[a] === 'human' && ctx.pending[a] === undefined && !ctx.auto[a],
  );
}

/**
 * The log with a phase's entries added. A headless run that owns its turns appends in place; any
 * other run gives each snapshot its own array, so a snapshot kept from one phase never grows
 * under its holder (the browser, the server and the timeline keep snapshots).
 */
function append(ctx: GameContext, entries: readonly LogEntry[]): LogEntry[] {
  if (!ctx.keepLog || entries.length === 0) return ctx.log;
  if (!ctx.ownsTurns) return [...ctx.log, ...entries];
  for (const e of entries) ctx.log.push(e);
  return ctx.log;
}

/** The id of the child actor that plays every AI seat. */
const AI_SEATS = 'seats:ai';
/** The id of a paced game's pacer. */
const PACER = 'pacer';

/** The phases a paced game stops after (and the pacer times). */
type PacedPhase = (typeof ENGINE_PHASES)[number] | 'decided';

/** Whether this seat answer leaves no seat undecided. */
function completes(ctx: GameContext, event: GameEvent): boolean {
  if (event.type === 'SEAT.DECIDED')
    return PLAYABLE_ACTORS.every((a) => a === event.actor || ctx.pending[a] !== undefined);
  if (event.type === 'SEATS.DECIDED')
    return PLAYABLE_ACTORS.every(
      (a) => ctx.pending[a] !== undefined || event.ballots.some((b) => b.actor === a),
    );
  return false;
}

/** Either kind of seat answer records the seats; the one that leaves none undecided moves on. */
const seatAnswered = [
  { guard: 'lastSeatUnpaced', target: 'adjudication', actions: 'recordSeat' },
  { guard: 'lastSeat', target: 'decided', actions: 'recordSeat' },
  { actions: ['recordSeat', { type: 'pace', params: { phase: 'decisions' } }] },
] as const;

/** A state's entry: its work, then telling the pacer what is on screen. */
const shown = <A extends string>(phase: PacedPhase, ...work: A[]) =>
  [...work, { type: 'pace', params: { phase } }] as const;

export const gameMachine = setup({
  types: {
    context: {} as GameContext,
    events: {} as GameEvent,
    input: {} as GameInput,
  },
  actors: { aiSeat, humanSeat, pacer: noPacer },
  guards: {
    lastSeat: ({ context, event }) => completes(context, event),
    lastSeatUnpaced: ({ context, event }) => !context.paced && completes(context, event),
    unpaced: ({ context }) => !context.paced,
    gameOver: ({ context }) =>
      context.state.outcome !== null || context.state.turn >= context.turnLimit,
    submissionValid: ({ context, event }) => {
      if (event.type !== 'SUBMIT') return false;
      if (
        !isPlayable(event.actor) ||
        context.controllers[event.actor] !== 'human' ||
        context.pending[event.actor] !== undefined
      )
        return false;
      return validateSubmission(context.state, context.sc, event.actor, event.decisions).ok;
    },
  },
  actions: {
    spawnSeats: enqueueActions(({ context, enqueue }) => {
      const ai = PLAYABLE_ACTORS.filter((a) => context.controllers[a] === 'ai');
      enqueue.spawnChild('aiSeat', {
        id: AI_SEATS,
        input: {
          actors: ai,
          sc: context.sc,
          explain: context.keepLog,
          policies: context.policies,
          onAiDecision: context.onAiDecision,
        },
      });
      if (context.paced) enqueue.spawnChild('pacer', { id: PACER });
      for (const actor of PLAYABLE_ACTORS)
        if (context.controllers[actor] !== 'ai')
          enqueue.spawnChild('humanSeat', {
            id: `seat:${actor}`,
            input: {
              actor,
              sc: context.sc,
              explain: context.keepLog,
              ...(context.auto[actor] ? { auto: true } : {}),
            },
          });
    }),
    runBriefing: assign(({ context }) => {
      const po = context.turnInPlace ? { ...context.po, turnInPlace: true } : context.po;
      const r = briefing(context.state, context.sc, po);
      return { state: r.state, log: append(context, r.log), turnInPlace: context.ownsTurns };
    }),
    runIntelligence: assign(({ context }) => {
      const r = intelligence(context.state, context.sc, context.po);
      return { state: r.state, log: append(context, r.log) };
    }),
    clearPending: assign({
      pending: () => ({}),
      by: () => ({}),
      plans: () => ({}),
      lastRejection: () => null,
    }),
    pace: enqueueActions(({ context, enqueue }, params: { phase: PacedPhase }) => {
      if (!context.paced) return;
      const still =
        waitingSeats(context, params.phase === 'decisions').length > 0 ||
        (params.phase === 'assessment' &&
          (context.state.outcome !== null || context.state.turn >= context.turnLimit));
      enqueue.sendTo(PACER, {
        type: 'PACE.SHOW',
        key: `${context.state.turn}:${params.phase}`,
        log: context.log,
        still,
      } satisfies PaceEvent);
    }),
    forwardPace: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'PACE.SET' && context.paced) enqueue.sendTo(PACER, event);
    }),
    setAuto: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'SEAT.AUTO' || context.controllers[event.actor] !== 'human') return;
      const auto = { ...context.auto };
      if (event.on) auto[event.actor] = true;
      else delete auto[event.actor];
      enqueue.assign({ auto });
      enqueue.sendTo(`seat:${event.actor}`, { type: 'SEAT.AUTO', on: event.on });
    }),
    askSeats: enqueueActions(({ context, enqueue }) => {
      const decide = { type: 'DECIDE', state: context.state } as const;
      enqueue.sendTo(AI_SEATS, decide);
      for (const actor of PLAYABLE_ACTORS)
        if (context.controllers[actor] !== 'ai') enqueue.sendTo(`seat:${actor}`, decide);
    }),
    recordSeat: assign(({ context, event }) => {
      if (event.type !== 'SEAT.DECIDED' && event.type !== 'SEATS.DECIDED') return {};
      const ballots = event.type === 'SEATS.DECIDED' ? event.ballots : [event];
      const pending = { ...context.pending };
      const by = { ...context.by };
      const plans = { ...context.plans };
      let aiChosen = context.aiChosen;
      const reasons: LogEntry[] = [];
      for (const b of ballots) {
        if (b.reasoning) reasons.push(b.reasoning);
        pending[b.actor] = b.decisions;
        by[b.actor] = b.by;
        if (b.plan !== undefined) plans[b.actor] = b.plan;
        if (b.aiChosen) aiChosen = [...aiChosen, `${context.state.turn}:${b.actor}`];
      }
      return { pending, by, plans, aiChosen, log: append(context, reasons) };
    }),
    forwardSubmission: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'SUBMIT') return;
      const v = validateSubmission(context.state, context.sc, event.actor, event.decisions);
      if (!v.ok) return;
      enqueue.assign({ lastRejection: null });
      enqueue.sendTo(`seat:${event.actor}`, { type: 'SUBMIT', decisions: v.value });
    }),
    rejectSubmission: assign(({ context, event }) => {
      if (event.type !== 'SUBMIT') return {};
      const turn = context.state.turn;
      if (!isPlayable(event.actor) || context.controllers[event.actor] !== 'human')
        return {
          lastRejection: {
            actor: event.actor,
            index: null,
            option: null,
            reason: (ACTORS as readonly string[]).includes(event.actor)
              ? `${event.actor} is played by the AI`
              : `no such seat "${String(event.actor)}"; the seats are ${PLAYABLE_ACTORS.join(', ')}`,
            turn,
          },
        };
      if (context.pending[event.actor] !== undefined)
        return {
          lastRejection: {
            actor: event.actor,
            index: null,
            option: null,
            reason: `${event.actor} has already decided this turn`,
            turn,
          },
        };
      const v = validateSubmission(context.state, context.sc, event.actor, event.decisions);
      return { lastRejection: v.ok ? null : { ...v.error, turn } };
    }),
    rejectOutOfPhase: assign(({ context, event }) => ({
      lastRejection:
        event.type === 'SUBMIT'
          ? {
              actor: event.actor,
              index: null,
              option: null,
              reason: 'decisions are only accepted in the decisions phase',
              turn: context.state.turn,
            }
          : context.lastRejection,
    })),
    runAdjudication: assign(({ context }) => {
      const r = adjudicate(
        context.state,
        context.sc,
        context.pending,
        context.by,
        context.po,
        context.plans,
      );
      return {
        state: r.state,
        log: append(context, r.log),
        decisions: [...context.decisions, context.pending],
      };
    }),
    runEvents: assign(({ context }) => {
      const r = events(context.state, context.sc, context.po);
      return { state: r.state, log: append(context, r.log) };
    }),
    runAssessment: assign(({ context }) => {
      const r = assessment(context.state, context.sc, context.turnLimit, context.po);
      return {
        state: r.state,
        log: append(context, r.log),
        turnHashes:
          context.po.hash === false ? context.turnHashes : [...context.turnHashes, r.hash],
        tracks: r.snapshot ? [...context.tracks, r.snapshot] : context.tracks,
      };
    }),
  },
}).createMachine({
  id: 'second-front',
  context: ({ input }) => ({
    sc: input.sc,
    policies: input.policies ?? {},
    onAiDecision: input.onAiDecision ?? null,
    controllers: input.controllers,
    turnLimit: input.turnLimit,
    keepLog: input.keepLog ?? true,
    paced: input.paced ?? false,
    ownsTurns: input.turnInPlace ?? false,
    turnInPlace: false,
    // Phases change the state in place only for a run that owns its turns (runEngine): anyone
    // else may hold a snapshot, and a snapshot must not change under its holder.
    po: {
      quiet: !(input.keepLog ?? true),
      inPlace: input.turnInPlace ?? false,
      hash: input.turnHashes ?? true,
    },
    state: input.from?.state ?? createInitialState(input.sc, input.seed, input.levers),
    log: [...(input.from?.log ?? [])],
    tracks: [...(input.from?.tracks ?? [])],
    turnHashes: [...(input.from?.turnHashes ?? [])],
    decisions: [...(input.from?.decisions ?? [])],
    pending: {},
    by: {},
    plans: {},
    auto: Object.fromEntries(
      (input.autoSeats ?? [])
        .filter((a) => input.controllers[a] === 'human')
        .map((a) => [a, true] as const),
    ),
    aiChosen: [],
    lastRejection: null,
  }),
  entry: 'spawnSeats',
  initial: 'start',
  on: {
    SUBMIT: { actions: 'rejectOutOfPhase' },
    'SEAT.AUTO': { actions: 'setAuto' },
    'PACE.SET': { actions: 'forwardPace' },
  },
  states: {
    start: { always: [{ guard: 'gameOver', target: 'ended' }, { target: 'briefing' }] },
    briefing: {
      entry: shown('briefing', 'runBriefing'),
      always: { guard: 'unpaced', target: 'intelligence' },
      on: { CONTINUE: 'intelligence' },
    },
    intelligence: {
      entry: shown('intelligence', 'runIntelligence'),
      always: { guard: 'unpaced', target: 'decisions' },
      on: { CONTINUE: 'decisions' },
    },
    decisions: {
      entry: shown('decisions', 'clearPending', 'askSeats'),
      on: {
        // The AI seats answer together (SEATS.DECIDED), each human seat on its own
        // (SEAT.DECIDED). The answer that leaves no seat undecided moves the turn on (a guarded
        // transition rather than an eventless one, so the check runs only when seats answer).
        // Paced, the engine waits in `decided` so the player sees every seat has answered.
        'SEAT.DECIDED': seatAnswered,
        'SEATS.DECIDED': seatAnswered,
        SUBMIT: [
          { guard: 'submissionValid', actions: 'forwardSubmission' },
          { actions: 'rejectSubmission' },
        ],
      },
    },
    decided: { entry: shown('decided'), on: { CONTINUE: 'adjudication' } },
    adjudication: {
      entry: shown('adjudication', 'runAdjudication'),
      always: { guard: 'unpaced', target: 'events' },
      on: { CONTINUE: 'events' },
    },
    events: {
      entry: shown('events', 'runEvents'),
      always: { guard: 'unpaced', target: 'assessment' },
      on: { CONTINUE: 'assessment' },
    },
    assessment: {
      entry: shown('assessment', 'runAssessment'),
      always: [
        { guard: 'gameOver', target: 'ended' },
        { guard: 'unpaced', target: 'briefing' },
      ],
      on: { CONTINUE: 'briefing' },
    },
    ended: { type: 'final' },
  },
});
