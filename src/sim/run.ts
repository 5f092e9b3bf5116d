import { decideAI, type AiDecisionRecord, type AiPolicy } from './ai';
import { validateSubmission, type Rejection } from './decisions';
import { PLAYABLE_ACTORS, type ActorId, type PlayableActorId } from './ids';
import type { LogEntry } from './log';
import {
  adjudicate,
  assessment,
  briefing,
  events,
  intelligence,
  type DecidedBy,
  type TrackSnapshot,
} from './phases';
import type { Controllers, TurnDecisions } from './replay';
import type { Levers } from './scenario/levers';
import type { Scenario } from './scenario/schema';
import { createInitialState } from './setup';
import type { Decision, GameState, PlanMemory } from './state';

/**
 * The plain loop: the same phases as the xstate engine, called directly. The engine is the
 * product and plays every interactive and recorded game; this loop is the benchmark's and the
 * parity test's baseline (what the engine costs; both give the same bits), and `batch` runs it by
 * default because there the engine's fixed cost shows: about 1.6× the plain loop's CPU time at
 * batch settings, which would put the 10,000-run batch over its 20 s target on 2 cores
 * (`--engine` runs it through the engine, with the same results).
 */
export interface RunOptions {
  readonly seed: string;
  readonly levers: Levers;
  /** Turns to play; the scenario's maximum by default. */
  readonly turns?: number;
  readonly controllers?: Partial<Controllers>;
  /** Decisions for human seats by turn (index 0 = turn 1). */
  readonly script?: readonly TurnDecisions[];
  /** Keep the log (a batch run can drop it to save memory and time). */
  readonly keepLog?: boolean;
  /** Hash the state after every turn (replays need it; a batch needs no hash, and gets '' as finalHash). */
  readonly turnHashes?: boolean;
  /** Which AI plays each AI seat: the planner unless set (a duel sets one seat to 'one-step'). */
  readonly policies?: Readonly<Partial<Record<PlayableActorId, AiPolicy>>>;
  /** Called with every AI seat's decision record (the batch's `ai` figures). */
  readonly onAiDecision?: (r: AiDecisionRecord) => void;
  /**
   * Plain loop only (the engine continues from a `Checkpoint`). Play on from this state (a turn-end state, left untouched: the first turn copies it) instead
   * of the scenario's start: the after-action report's counterfactual branches. Its `seed` names
   * the streams of every turn played here.
   */
  readonly fromState?: GameState;
  /**
   * Plain loop only. One turn’s decisions imposed on the seats listed, AI seats included (a counterfactual branch
   * plays the recorded turn, or the recorded turn with one choice changed). Invalid decisions are
   * still handed to adjudication, which logs and skips what is illegal; a forced AI seat keeps
   * the plan it had.
   */
  readonly forced?: { readonly turn: number; readonly decisions: TurnDecisions };
}

export interface RunResult {
  readonly state: GameState;
  readonly log: LogEntry[];
  readonly tracks: TrackSnapshot[];
  readonly decisions: TurnDecisions[];
  readonly turnHashes: string[];
  readonly finalHash: string;
  readonly turnsPlayed: number;
  readonly rejection: (Rejection & { turn: number }) | null;
}

/**
 * Every playable seat under AI control: the default that callers override seat by seat.
 *
 * @example
 * const controllers = { ...allAi(), ...opts.controllers }; // e.g. { usa: 'human' } on top
 */
export function allAi(): Controllers {
  return Object.fromEntries(PLAYABLE_ACTORS.map((a) => [a, 'ai'])) as Controllers;
}

/**
 * @example
 * const r = runPlain(scenario, { seed: '42', levers: defaultLevers(scenario) });
 * r.finalHash // identical to the engine's for the same inputs
 */
export function runPlain(sc: Scenario, opts: RunOptions): RunResult {
  const controllers = { ...allAi(), ...opts.controllers };
  const lastTurn = opts.turns ?? sc.calendar.maxTurns;
  const keep = opts.keepLog ?? true;
  const hashEach = opts.turnHashes ?? true;
  const po = { quiet: !keep, inPlace: true, hash: hashEach };
  // The loop keeps no turn-end state, so after the first turn (whose copy leaves the initial
  // state, which may share parts with the scenario, untouched) each turn advances in place.
  const turnPo = { ...po, turnInPlace: true };
  const log: LogEntry[] = [];
  const push = (entries: readonly LogEntry[]): void => {
    if (keep) for (const e of entries) log.push(e);
  };
  const tracks: TrackSnapshot[] = [];
  const turnHashes: string[] = [];
  const decisions: TurnDecisions[] = [];
  let s = opts.fromState ?? createInitialState(sc, opts.seed, opts.levers);
  let rejection: RunResult['rejection'] = null;
  let first = true;
  while (s.turn < lastTurn && !s.outcome) {
    let r = briefing(s, sc, first ? po : turnPo);
    first = false;
    push(r.log);
    r = intelligence(r.state, sc, po);
    push(r.log);
    s = r.state;
    const submissions: Partial<Record<ActorId, Decision[]>> = {};
    const by: Partial<Record<ActorId, DecidedBy>> = {};
    const plans: Partial<Record<ActorId, PlanMemory | null>> = {};
    const forced = opts.forced?.turn === s.turn ? opts.forced.decisions : undefined;
    for (const actor of PLAYABLE_ACTORS) {
      const imposed = forced?.[actor];
      if (imposed !== undefined) {
        const v = validateSubmission(s, sc, actor, imposed);
        submissions[actor] = v.ok ? v.value : [...imposed];
        by[actor] = 'human';
      } else if (controllers[actor] === 'human') {
        const v = validateSubmission(s, sc, actor, opts.script?.[s.turn - 1]?.[actor] ?? []);
        if (!v.ok) {
          rejection = { ...v.error, turn: s.turn };
          break;
        }
        submissions[actor] = v.value;
        by[actor] = 'human';
      } else {
        const c = decideAI(s, sc, actor, keep, opts.policies?.[actor]);
        if (c.reasoning) push([c.reasoning]);
        if (c.record && opts.onAiDecision) opts.onAiDecision(c.record);
        if (c.plan !== undefined) plans[actor] = c.plan;
        submissions[actor] = c.decisions;
        by[actor] = 'ai';
      }
    }
    if (rejection) break;
    decisions.push(submissions);
    r = adjudicate(s, sc, submissions, by, po, plans);
    push(r.log);
    r = events(r.state, sc, po);
    push(r.log);
    const a = assessment(r.state, sc, lastTurn, po);
    push(a.log);
    s = a.state;
    turnHashes.push(a.hash);
    if (a.snapshot) tracks.push(a.snapshot);
  }
  return {
    state: s,
    log,
    tracks,
    decisions,
    turnHashes,
    finalHash: hashEach ? (turnHashes[turnHashes.length - 1] ?? '') : '',
    turnsPlayed: s.turn,
    rejection,
  };
}
