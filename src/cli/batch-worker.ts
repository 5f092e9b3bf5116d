import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { runEngine } from '../engine/run';
import { runPlain } from '../sim/run';
import type { AiPolicy } from '../sim/ai';
import { FLAGS, type PlayableActorId } from '../sim/ids';
import type { Levers } from '../sim/scenario/levers';
import type { Scenario } from '../sim/scenario/schema';
import type { RunResult } from '../sim/run';
import { createAiCollector, type RunAi } from './ai-stats';
import type { RunSummary } from './stats';

/**
 * The work of a batch: running seeds and reducing each run to the few numbers the summary counts.
 * Loaded two ways: imported by `batch.ts` (in-process batches, `threads: 0`), and as the body of a
 * pool's worker thread, which receives each batch's job (scenario and levers) once and then
 * ranges of seed indices on demand, batch after batch.
 */

/** What a batch runs: the validated scenario and levers (sent as a structured clone). */
export interface BatchJob {
  readonly scenario: Scenario;
  readonly levers: Levers;
  readonly seedBase: string;
  readonly runner: BatchRunner;
  /** The AI policy of each playable seat (a seat left out plays the default policy). */
  readonly policies?: BatchPolicies;
}

/** Which AI plays each playable seat in a batch. */
export type BatchPolicies = Readonly<Partial<Record<PlayableActorId, AiPolicy>>>;

/** What a worker is started with; each batch then sends it its job (`{ type: 'job' }`). */
export interface PoolWorkerData {
  readonly kind: 'second-front-pool';
  /** The worker module and tsx's API, for the bootstrap in `batch.ts`. */
  readonly entry: string;
  readonly tsxApi: string | null;
}

/**
 * What plays each run: the plain loop of sim phases (the default: about twice as fast) or the
 * xstate engine. Both run the same phase functions and give the same bits (tests check it); the
 * engine earns its keep in interactive play, where seats wait for people.
 */
export type BatchRunner = 'plain' | 'engine';

/** Main thread → worker: the job for the chunks that follow, or a chunk of seed indices. */
export type ToWorker =
  | { readonly type: 'job'; readonly job: BatchJob }
  | { readonly type: 'chunk'; readonly start: number; readonly end: number };

/** Worker → main thread. */
export type FromWorker =
  | { readonly type: 'runs'; readonly start: number; readonly runs: RunSummary[] }
  | { readonly type: 'failed'; readonly seed: string; readonly message: string };

/**
 * The seed of run `i` of a batch. Any run of a batch can be replayed on its own with
 * `npm run sim -- run --scenario <id> --seed <seedBase>-<i>` (and the same `--set` levers).
 *
 * @example
 * batchSeed('batch', 17) // 'batch-17'
 */
export function batchSeed(seedBase: string, i: number): string {
  return `${seedBase}-${i}`;
}

/**
 * What a batch keeps of a finished run: outcome, turns, key events with hour and turn, the
 * flags set at the end, and (when given) how each AI seat played and scored.
 *
 * @example
 * summariseRun(runEngine(sc, { seed: 'batch-0', levers, keepLog: false }))
 * // { outcome: 'taiwan-holds', turnsPlayed: 26,
 * //   events: [{ name: 'ceasefire', hour: 377, turn: 5 }], flags: ['chinaMobilised', ...] }
 */
export function summariseRun(r: RunResult, ai?: RunAi): RunSummary {
  const flags = r.state.flags;
  return {
    outcome: r.state.outcome?.id ?? 'none',
    turnsPlayed: r.turnsPlayed,
    events: r.state.keyEvents.map((e) => ({ name: e.name, hour: e.hour, turn: e.turn })),
    flags: FLAGS.filter((f) => flags[f]),
    ...(ai ? { ai } : {}),
  };
}

/**
 * Run number `i` of a batch, without the log or per-turn hashes (a batch needs neither; the
 * result is the same bits either way), with its AI seats' figures.
 *
 * @example
 * runOne(sc, levers, 'batch', 17).outcome // the outcome of `run --seed batch-17`
 */
export function runOne(
  sc: Scenario,
  levers: Levers,
  seedBase: string,
  i: number,
  runner: BatchRunner = 'plain',
  policies?: BatchPolicies,
): RunSummary {
  const seed = batchSeed(seedBase, i);
  const run = runner === 'engine' ? runEngine : runPlain;
  const ai = createAiCollector();
  const r = run(sc, {
    seed,
    levers,
    keepLog: false,
    turnHashes: false,
    onAiDecision: ai.record,
    ...(policies ? { policies } : {}),
  });
  return summariseRun(r, ai.finish(r.state, sc));
}

function kindOf(d: unknown): unknown {
  return typeof d === 'object' && d !== null ? (d as { kind?: unknown }).kind : undefined;
}

function serve(port: MessagePort): void {
  let job: BatchJob | null = null;
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'job') {
      job = msg.job;
      return;
    }
    const data = job;
    let i = msg.start;
    try {
      if (!data) throw new Error('a chunk arrived before its job');
      const runs: RunSummary[] = [];
      for (; i < msg.end; i++)
        runs.push(runOne(data.scenario, data.levers, data.seedBase, i, data.runner, data.policies));
      const reply: FromWorker = { type: 'runs', start: msg.start, runs };
      port.postMessage(reply);
    } catch (e) {
      // A throwing run is a bug in the simulation: name the seed so it can be reproduced.
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
      const seed = data ? batchSeed(data.seedBase, i) : `#${i}`;
      const reply: FromWorker = { type: 'failed', seed, message };
      port.postMessage(reply);
    }
  });
}

if (!isMainThread && parentPort && kindOf(workerData) === 'second-front-pool') serve(parentPort);
