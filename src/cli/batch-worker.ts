import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { runEngine } from '../engine/run';
import { runPlain } from '../sim/run';
import type { Levers } from '../sim/scenario/levers';
import type { Scenario } from '../sim/scenario/schema';
import type { RunResult } from '../sim/run';
import type { RunSummary } from './stats';

/**
 * The work of a batch: running seeds and reducing each run to the few numbers the summary counts.
 * Loaded two ways: imported by `batch.ts` (in-process batches, `threads: 0`), and as the body of a
 * worker thread, where it receives the scenario once and then ranges of seed indices on demand.
 */

/** Everything a worker needs, sent once as `workerData` (structured clone of validated data). */
export interface BatchWorkerData {
  readonly kind: 'second-front-batch';
  readonly scenario: Scenario;
  readonly levers: Levers;
  readonly seedBase: string;
  readonly runner: BatchRunner;
}

/**
 * What plays each run: the plain loop of sim phases (the default: about twice as fast) or the
 * xstate engine. Both run the same phase functions and give the same bits (tests check it); the
 * engine earns its keep in interactive play, where seats wait for people.
 */
export type BatchRunner = 'plain' | 'engine';

/** Main thread → worker. */
export type ToWorker = { readonly type: 'chunk'; readonly start: number; readonly end: number };

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
 * What a batch keeps of a finished run.
 *
 * @example
 * summariseRun(runEngine(sc, { seed: 'batch-0', levers, keepLog: false }))
 * // { outcome: 'taiwan-holds', turnsPlayed: 26, events: [{ name: 'ceasefire', hour: 377 }] }
 */
export function summariseRun(r: RunResult): RunSummary {
  return {
    outcome: r.state.outcome?.id ?? 'none',
    turnsPlayed: r.turnsPlayed,
    events: r.state.keyEvents.map((e) => ({ name: e.name, hour: e.hour })),
  };
}

/**
 * Run number `i` of a batch, without the log or per-turn hashes (a batch needs neither; the
 * result is the same bits either way).
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
): RunSummary {
  const seed = batchSeed(seedBase, i);
  const run = runner === 'engine' ? runEngine : runPlain;
  return summariseRun(run(sc, { seed, levers, keepLog: false, turnHashes: false }));
}

function isBatchWorkerData(d: unknown): d is BatchWorkerData {
  return (
    typeof d === 'object' && d !== null && (d as { kind?: unknown }).kind === 'second-front-batch'
  );
}

function serve(port: MessagePort, data: BatchWorkerData): void {
  port.on('message', (msg: ToWorker) => {
    let i = msg.start;
    try {
      const runs: RunSummary[] = [];
      for (; i < msg.end; i++)
        runs.push(runOne(data.scenario, data.levers, data.seedBase, i, data.runner));
      const reply: FromWorker = { type: 'runs', start: msg.start, runs };
      port.postMessage(reply);
    } catch (e) {
      // A throwing run is a bug in the simulation: name the seed so it can be reproduced.
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
      const reply: FromWorker = { type: 'failed', seed: batchSeed(data.seedBase, i), message };
      port.postMessage(reply);
    }
  });
}

if (!isMainThread && parentPort && isBatchWorkerData(workerData)) serve(parentPort, workerData);
