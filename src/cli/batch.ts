import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Levers } from '../sim/scenario/levers';
import type { Scenario } from '../sim/scenario/schema';
import { resolveLevers } from '../sim/setup';
import {
  batchSeed,
  runOne,
  type BatchRunner,
  type BatchWorkerData,
  type FromWorker,
  type ToWorker,
} from './batch-worker';
import { MAX_SEED_CHARS } from './limits';
import { loadScenarioFile } from './scenario-files';
import { createAggregator, type Aggregator, type BatchStats } from './stats';

/**
 * Monte Carlo batches: many all-AI campaigns of one scenario with one set of levers, spread over
 * worker threads, reduced to outcome counts and key-event rates as results stream in.
 *
 * Seeds: run `i` (0-based) of a batch uses the seed `${seedBase}-${i}`, so any single run can be
 * reproduced and inspected with `npm run sim -- run --seed <seedBase>-<i>` and the same levers.
 * The summary is a set of counts and histograms, so it is the same for any number of threads and
 * any chunking; only `threads` and `seconds` differ.
 */

/** Bad input to a batch (unknown scenario, invalid file, bad lever): the CLI exits with code 2. */
export class BatchInputError extends Error {
  override readonly name = 'BatchInputError';
  /** One line per problem; `message` joins them for a person. */
  readonly problems: readonly string[];
  constructor(message: string, problems: readonly string[] = [message]) {
    super(message);
    this.problems = problems;
  }
}

export interface BatchOptions {
  /** A scenario id (`two-front`) or a path to a scenario file. */
  readonly scenario: string;
  readonly runs: number;
  /** Run `i` uses the seed `${seedBase}-${i}`. */
  readonly seedBase: string;
  /** Lever values as typed at a command line (`article5Credibility=0.9`). */
  readonly overrides: Readonly<Record<string, string>>;
  /** The plain loop (default) or the xstate engine; both give the same results. */
  readonly runner?: BatchRunner;
  /** Worker threads; one per core by default; 0 runs everything in this thread. */
  readonly threads?: number;
  /** Seeds handed to a worker at a time (default: up to 50, smaller for small batches). */
  readonly chunkSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface BatchSummary extends BatchStats {
  readonly scenario: string;
  readonly scenarioHash: string;
  readonly seedBase: string;
  readonly levers: Levers;
  readonly runner: BatchRunner;
  /** Worker threads actually used (0: in-process). */
  readonly threads: number;
  /** Wall time, seconds. */
  readonly seconds: number;
}

const MAX_CHUNK = 50;
const MAX_THREADS = 64;
const MAX_RUNS = 10_000_000;

/**
 * The worker runs TypeScript sources. On Node 20 a worker does not inherit the main thread's
 * module hooks and ignores `--import tsx` in `execArgv` (nodejs/node#47747, privatenumber/tsx#354),
 * so a tiny CommonJS bootstrap registers tsx inside the worker, then imports the worker module.
 */
const WORKER_ENTRY = new URL('./batch-worker.ts', import.meta.url).href;
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const ready = workerData.tsxApi
  ? import(workerData.tsxApi).then((tsx) => tsx.register())
  : Promise.resolve();
ready.then(() => import(workerData.entry));
`;

/** tsx's ESM API (its import condition: the CommonJS build cannot register ESM hooks here). */
function tsxApiUrl(): string | null {
  if (!WORKER_ENTRY.endsWith('.ts')) return null;
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return null;
  }
}

interface Prepared {
  readonly sc: Scenario;
  readonly hash: string;
  readonly levers: Levers;
}

function prepare(opts: BatchOptions): Prepared {
  if (!Number.isInteger(opts.runs) || opts.runs < 1 || opts.runs > MAX_RUNS)
    throw new BatchInputError(`runs must be an integer in 1..${MAX_RUNS}, found ${opts.runs}`);
  if (
    opts.threads !== undefined &&
    (!Number.isInteger(opts.threads) || opts.threads < 0 || opts.threads > MAX_THREADS)
  )
    throw new BatchInputError(
      `threads must be an integer in 0..${MAX_THREADS}, found ${opts.threads}`,
    );
  // Every run's seed must be one `run --seed` accepts and a replay can carry, or the promise
  // that any run of a batch can be replayed on its own would break for the last ones.
  const longest = batchSeed(opts.seedBase, opts.runs - 1).length;
  if (opts.seedBase.length < 1 || longest > MAX_SEED_CHARS)
    throw new BatchInputError(
      `seed base must be 1..${MAX_SEED_CHARS - (longest - opts.seedBase.length)} characters for ${opts.runs} runs (run i uses the seed <base>-i, and a seed is at most ${MAX_SEED_CHARS} characters), found ${opts.seedBase.length}`,
    );
  if (opts.chunkSize !== undefined && (!Number.isInteger(opts.chunkSize) || opts.chunkSize < 1))
    throw new BatchInputError(`chunkSize must be a positive integer, found ${opts.chunkSize}`);
  const loaded = loadScenarioFile(opts.scenario);
  if (!loaded.ok) {
    const problems = loaded.error.map((p) => p.message);
    const shown = problems.slice(0, 8).map((m) => `  - ${m}`);
    if (problems.length > 8) shown.push(`  - ...and ${problems.length - 8} more`);
    throw new BatchInputError(
      `cannot load scenario "${opts.scenario}":\n${shown.join('\n')}`,
      problems,
    );
  }
  const sc = loaded.value.scenario;
  const levers = resolveLevers(sc, opts.overrides);
  if (!levers.ok) throw new BatchInputError(levers.error.message);
  return { sc, hash: loaded.value.hash, levers: levers.value };
}

async function runInProcess(
  p: Prepared,
  opts: BatchOptions,
  chunk: number,
  agg: Aggregator,
): Promise<void> {
  for (let start = 0; start < opts.runs; start += chunk) {
    const end = Math.min(opts.runs, start + chunk);
    for (let i = start; i < end; i++)
      agg.add(runOne(p.sc, p.levers, opts.seedBase, i, opts.runner ?? 'plain'));
    opts.onProgress?.(end, opts.runs);
    // Let timers and I/O (a progress line, a Ctrl-C) through between chunks.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function runInWorkers(
  p: Prepared,
  opts: BatchOptions,
  threads: number,
  chunk: number,
  agg: Aggregator,
): Promise<void> {
  const data: BatchWorkerData & { entry: string; tsxApi: string | null } = {
    kind: 'second-front-batch',
    scenario: p.sc,
    levers: p.levers,
    seedBase: opts.seedBase,
    runner: opts.runner ?? 'plain',
    entry: WORKER_ENTRY,
    tsxApi: tsxApiUrl(),
  };
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (err?: unknown): void => {
      if (settled) return;
      settled = true;
      void Promise.all(workers.map((w) => w.terminate())).then(
        () => (err === undefined ? resolve() : reject(err)),
        reject,
      );
    };
    // Chunks are handed out on demand, one in flight per worker, so a slow chunk delays no one.
    const feed = (w: Worker): void => {
      if (next >= opts.runs) return;
      const msg: ToWorker = { type: 'chunk', start: next, end: Math.min(opts.runs, next + chunk) };
      next = msg.end;
      w.postMessage(msg);
    };
    for (let t = 0; t < threads; t++) {
      const w = new Worker(BOOTSTRAP, { eval: true, workerData: data });
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        if (settled) return;
        if (m.type === 'failed') {
          finish(new Error(`the run with seed ${m.seed} failed: ${m.message}`));
          return;
        }
        try {
          for (const r of m.runs) agg.add(r);
          done += m.runs.length;
          opts.onProgress?.(done, opts.runs);
        } catch (e) {
          finish(e);
          return;
        }
        if (done >= opts.runs) finish();
        else feed(w);
      });
      w.on('error', (e) => finish(e));
      w.on('exit', (code) => finish(new Error(`a batch worker stopped early (exit code ${code})`)));
      feed(w);
    }
  });
}

/**
 * Run `runs` all-AI campaigns and summarise them. Scenario and levers are checked here first;
 * bad input throws a {@link BatchInputError}. Each worker gets the validated scenario once and
 * then ranges of seed indices; it sends back only outcome, turns and key events per run, which
 * are counted at once, so memory does not grow with the number of runs.
 *
 * @example
 * const s = await runBatch({ scenario: 'two-front', runs: 1000, seedBase: 'batch', overrides: {} });
 * console.log(s.events.secondFront.rate, s.events.secondFront.ci95);
 */
export async function runBatch(opts: BatchOptions): Promise<BatchSummary> {
  const t0 = performance.now();
  const p = prepare(opts);
  const wanted = opts.threads ?? availableParallelism();
  const chunk =
    opts.chunkSize ??
    Math.min(MAX_CHUNK, Math.max(1, Math.ceil(opts.runs / (4 * Math.max(1, wanted)))));
  const threads = Math.min(wanted, Math.ceil(opts.runs / chunk));
  const agg = createAggregator(p.sc.calendar.turnHours * p.sc.calendar.maxTurns);
  if (threads === 0) await runInProcess(p, opts, chunk, agg);
  else await runInWorkers(p, opts, threads, chunk, agg);
  const stats = agg.summary();
  return {
    scenario: p.sc.id,
    scenarioHash: p.hash,
    runs: stats.runs,
    seedBase: opts.seedBase,
    levers: p.levers,
    outcomes: stats.outcomes,
    events: stats.events,
    meanTurns: stats.meanTurns,
    threads,
    runner: opts.runner ?? 'plain',
    seconds: Math.round(performance.now() - t0) / 1000,
  };
}
