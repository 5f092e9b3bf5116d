import { createActor } from 'xstate';
import {
  RULES_VERSION,
  REPLAY_FORMAT,
  REPLAY_FORMAT_VERSION,
  type Controllers,
  type ReplayRecord,
} from '../sim/replay';
import { allAi, type RunOptions, type RunResult } from '../sim/run';
import type { LoadedScenario } from '../sim/scenario/load';
import type { Scenario } from '../sim/scenario/schema';
import { drive } from './drive';
import { gameMachine, type Checkpoint } from './machine';
import { buildTimeline } from './timeline';

/**
 * Running whole games through the xstate engine: all-AI campaigns (the CLI, batches), scripted
 * human seats (replays, tests, the browser-vs-CLI check), and replay verification.
 */

/**
 * Play a game to its end. Human seats take their decisions from `opts.script`; a rejected
 * submission stops the game and is reported in `rejection`.
 *
 * @example
 * const r = runEngine(scenario, { seed: '42', levers: defaultLevers(scenario) });
 * console.log(r.state.outcome?.label, r.finalHash);
 */
export function runEngine(sc: Scenario, opts: RunOptions & { from?: Checkpoint }): RunResult {
  const controllers: Controllers = { ...allAi(), ...opts.controllers };
  const actor = createActor(gameMachine, {
    input: {
      sc,
      seed: opts.seed,
      levers: opts.levers,
      controllers,
      turnLimit: opts.turns ?? sc.calendar.maxTurns,
      keepLog: opts.keepLog ?? true,
      turnHashes: opts.turnHashes ?? true,
      // Only the final state leaves this function: the turns may advance in place.
      turnInPlace: true,
      ...(opts.from ? { from: opts.from } : {}),
      ...(opts.policies ? { policies: opts.policies } : {}),
      ...(opts.onAiDecision ? { onAiDecision: opts.onAiDecision } : {}),
    },
  });
  actor.start();
  drive(actor, { decide: (turn, seat) => opts.script?.[turn - 1]?.[seat] ?? [], cap: 10_000 });
  const c = actor.getSnapshot().context;
  actor.stop();
  return {
    state: c.state,
    log: c.log,
    tracks: c.tracks,
    decisions: c.decisions,
    turnHashes: c.turnHashes,
    finalHash: opts.turnHashes === false ? '' : (c.turnHashes[c.turnHashes.length - 1] ?? ''),
    turnsPlayed: c.state.turn,
    rejection: c.lastRejection,
  };
}

/**
 * The replay record of a finished (or stopped) run.
 *
 * @example
 * const replay = toReplay(loaded, opts, runEngine(loaded.scenario, opts));
 * verifyReplay(loaded, replay).ok // true
 */
export function toReplay(
  loaded: LoadedScenario,
  opts: RunOptions,
  result: RunResult,
): ReplayRecord {
  return {
    format: REPLAY_FORMAT,
    formatVersion: REPLAY_FORMAT_VERSION,
    engineVersion: RULES_VERSION,
    scenarioId: loaded.scenario.id,
    scenarioHash: loaded.hash,
    seed: opts.seed,
    levers: opts.levers,
    controllers: { ...allAi(), ...opts.controllers },
    turnLimit: opts.turns ?? loaded.scenario.calendar.maxTurns,
    decisions: result.decisions,
    turnHashes: result.turnHashes,
    finalHash: result.finalHash,
  };
}

export type VerifyResult =
  | { ok: true; turns: number; finalHash: string }
  | { ok: false; turn: number | null; reason: string };

/**
 * Re-simulate a replay and compare it turn by turn: decisions (AI seats are re-decided, human seats
 * replayed) and state hashes. Reports the first turn that differs.
 *
 * @example
 * const v = verifyReplay(loaded, record);
 * if (!v.ok) console.log(`mismatch at turn ${v.turn}: ${v.reason}`);
 */
export function verifyReplay(loaded: LoadedScenario, record: ReplayRecord): VerifyResult {
  // The timeline stops where the record stops, so a game saved part-way verifies as far as it
  // went (a full run would play on and call the first unrecorded turn a mismatch).
  const t = buildTimeline(loaded, record, { keepLog: false });
  if (!t.ok) return { ok: false, ...t.error };
  return { ok: true, turns: record.turnHashes.length, finalHash: record.finalHash };
}
