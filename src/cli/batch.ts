import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AI_POLICIES, DEFAULT_POLICY, type AiPolicy } from '../sim/ai';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../sim/ids';
import type { Levers } from '../sim/scenario/levers';
import type { Scenario } from '../sim/scenario/schema';
import { resolveLevers } from '../sim/setup';
import {
  batchSeed,
  runOne,
  type BatchJob,
  type BatchPolicies,
  type BatchRunner,
  type FromWorker,
  type PoolWorkerData,
  type ToWorker,
} from './batch-worker';
import { MAX_SEED_CHARS } from './limits';
import { loadScenarioFile } from './scenario-files';
import { createAggregator, type Aggregator, type BatchStats, type RunSummary } from './stats';

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
  /** The AI policy of each playable seat; a seat left out plays `DEFAULT_POLICY`. */
  readonly policies?: BatchPolicies;
  /** Worker threads; one per core by default; 0 runs everything in this thread. */
  readonly threads?: number;
  /** Seeds handed to a worker at a time (default: up to 50, smaller for small batches). */
  readonly chunkSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Each run's summary as it arrives, with its index `i` (seed `${seedBase}-${i}`). Runs arrive
   * in any order; a caller that needs them in order stores them by index.
   */
  readonly onRun?: (i: number, run: RunSummary) => void;
}

export interface BatchSummary extends BatchStats {
  readonly scenario: string;
  readonly scenarioHash: string;
  readonly seedBase: string;
  readonly levers: Levers;
  readonly runner: BatchRunner;
  /** The AI policy that played each playable seat. */
  readonly policies: Record<PlayableActorId, AiPolicy>;
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
  readonly policies: Record<PlayableActorId, AiPolicy>;
}

/** Every playable seat's policy: as asked, `DEFAULT_POLICY` for the rest; checked. */
function policiesOf(asked: BatchPolicies | undefined): Record<PlayableActorId, AiPolicy> {
  const out = {} as Record<PlayableActorId, AiPolicy>;
  for (const a of PLAYABLE_ACTORS) out[a] = DEFAULT_POLICY;
  for (const [actor, policy] of Object.entries(asked ?? {})) {
    if (!(PLAYABLE_ACTORS as readonly string[]).includes(actor))
      throw new BatchInputError(
        `no playable actor "${actor}" to set a policy for; the actors are: ${PLAYABLE_ACTORS.join(', ')}`,
      );
    if (!AI_POLICIES.includes(policy))
      throw new BatchInputError(
        `unknown AI policy "${String(policy)}"; the policies are: ${AI_POLICIES.join(', ')}`,
      );
    out[actor as PlayableActorId] = policy;
  }
  return out;
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
  const policies = policiesOf(opts.policies);
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
  return { sc, hash: loaded.value.hash, levers: levers.value, policies };
}

async function runInProcess(
  p: Prepared,
  opts: BatchOptions,
  chunk: number,
  agg: Aggregator,
): Promise<void> {
  for (let start = 0; start < opts.runs; start += chunk) {
    const end = Math.min(opts.runs, start + chunk);
    for (let i = start; i < end; i++) {
      const run = runOne(p.sc, p.levers, opts.seedBase, i, opts.runner ?? 'plain', p.policies);
      agg.add(run);
      opts.onRun?.(i, run);
    }
    opts.onProgress?.(end, opts.runs);
    // Let timers and I/O (a progress line, a Ctrl-C) through between chunks.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** One batch on a pool's threads: its data, how far it has got, and how it ends. */
interface PoolBatch {
  readonly runs: number;
  readonly chunk: number;
  readonly agg: Aggregator;
  readonly opts: BatchOptions;
  next: number;
  done: number;
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Worker threads that stay up from one batch to the next. `runBatch` makes one for a single
 * batch; the validation suite keeps one for its dozens of batches, so each thread loads the
 * simulation once. Batches run one at a time: each starts by sending every thread its job (the
 * validated scenario and levers), then hands out chunks of seed indices on demand, one in flight
 * per thread, so a slow chunk delays no one. A thread that fails or stops fails the batch in
 * progress and the pool: later batches are refused.
 */
export interface BatchPool {
  /** Threads in the pool. */
  readonly threads: number;
  /**
   * Run a batch on the pool's threads (`threads` in the options is ignored); the same summary as
   * {@link runBatch} gives for the same scenario, levers, seeds and runs.
   */
  run(opts: BatchOptions): Promise<BatchSummary>;
  /** Stop the threads; the pool cannot be used again. */
  close(): Promise<void>;
}

/**
 * A pool of `threads` batch workers (one per core by default), started on its first batch.
 *
 * @example
 * const pool = createBatchPool();
 * try {
 *   const a = await pool.run({ scenario: 'two-front', runs: 400, seedBase: 'a', overrides: {} });
 *   const b = await pool.run({ scenario: 'skeptic', runs: 400, seedBase: 'b', overrides: {} });
 * } finally {
 *   await pool.close();
 * }
 */
export function createBatchPool(threads: number = availableParallelism()): BatchPool {
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS)
    throw new BatchInputError(
      `pool threads must be an integer in 1..${MAX_THREADS}, found ${threads}`,
    );
  const workers: Worker[] = [];
  let current: PoolBatch | null = null;
  let broken: unknown = null;
  /** No more batches may start. */
  let closed = false;
  /** The threads are being stopped: their exits are expected. */
  let terminating = false;
  let queue: Promise<unknown> = Promise.resolve();

  const fail = (err: unknown): void => {
    if (broken === null) broken = err;
    const b = current;
    current = null;
    b?.reject(err);
  };
  const feed = (w: Worker, b: PoolBatch): void => {
    if (b.next >= b.runs) return;
    const msg: ToWorker = { type: 'chunk', start: b.next, end: Math.min(b.runs, b.next + b.chunk) };
    b.next = msg.end;
    w.postMessage(msg);
  };
  const onMessage = (w: Worker, m: FromWorker): void => {
    const b = current;
    if (!b) return;
    if (m.type === 'failed') {
      // Other threads may still be busy with this batch's chunks: their replies must not be
      // counted in the next batch, so a failed batch ends the pool.
      fail(new Error(`the run with seed ${m.seed} failed: ${m.message}`));
      return;
    }
    try {
      m.runs.forEach((r, k) => {
        b.agg.add(r);
        b.opts.onRun?.(m.start + k, r);
      });
      b.done += m.runs.length;
      b.opts.onProgress?.(b.done, b.runs);
    } catch (e) {
      fail(e);
      return;
    }
    if (b.done >= b.runs) {
      current = null;
      b.resolve();
    } else feed(w, b);
  };
  const start = (): void => {
    const data: PoolWorkerData = {
      kind: 'second-front-pool',
      entry: WORKER_ENTRY,
      tsxApi: tsxApiUrl(),
    };
    for (let t = 0; t < threads; t++) {
      const w = new Worker(BOOTSTRAP, { eval: true, workerData: data });
      workers.push(w);
      w.on('message', (m: FromWorker) => onMessage(w, m));
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (!terminating) fail(new Error(`a batch worker stopped early (exit code ${code})`));
      });
    }
  };
  const runOn = (p: Prepared, opts: BatchOptions, chunk: number, agg: Aggregator): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (broken !== null) throw broken;
      if (workers.length === 0) start();
      const job: BatchJob = {
        scenario: p.sc,
        levers: p.levers,
        seedBase: opts.seedBase,
        runner: opts.runner ?? 'plain',
        policies: p.policies,
      };
      const b: PoolBatch = {
        runs: opts.runs,
        chunk,
        agg,
        opts,
        next: 0,
        done: 0,
        resolve,
        reject,
      };
      current = b;
      const used = Math.min(workers.length, Math.ceil(opts.runs / chunk));
      for (let t = 0; t < used; t++) {
        const w = workers[t]!;
        const msg: ToWorker = { type: 'job', job };
        w.postMessage(msg);
        feed(w, b);
      }
    });

  return {
    threads,
    run(opts) {
      if (closed) return Promise.reject(new Error('the batch pool is closed'));
      const result = queue.then(async () => {
        const t0 = performance.now();
        const p = prepare({ ...opts, threads });
        const chunk = chunkFor(opts, threads);
        const agg = createAggregator(p.sc.calendar.turnHours * p.sc.calendar.maxTurns);
        await runOn(p, opts, chunk, agg);
        return summaryOf(p, opts, agg, Math.min(threads, Math.ceil(opts.runs / chunk)), t0);
      });
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue;
      terminating = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Seeds per chunk: as asked, or up to 50, smaller for small batches (4 chunks per thread). */
function chunkFor(opts: BatchOptions, threads: number): number {
  return (
    opts.chunkSize ??
    Math.min(MAX_CHUNK, Math.max(1, Math.ceil(opts.runs / (4 * Math.max(1, threads)))))
  );
}

function summaryOf(
  p: Prepared,
  opts: BatchOptions,
  agg: Aggregator,
  threads: number,
  t0: number,
): BatchSummary {
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
    ...(stats.ai ? { ai: stats.ai } : {}),
    threads,
    runner: opts.runner ?? 'plain',
    policies: p.policies,
    seconds: Math.round(performance.now() - t0) / 1000,
  };
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
  const chunk = chunkFor(opts, wanted);
  const threads = Math.min(wanted, Math.ceil(opts.runs / chunk));
  if (threads === 0) {
    const agg = createAggregator(p.sc.calendar.turnHours * p.sc.calendar.maxTurns);
    await runInProcess(p, opts, chunk, agg);
    return summaryOf(p, opts, agg, 0, t0);
  }
  // Input is checked above, before any thread starts; the pool lives for this one batch.
  const pool = createBatchPool(threads);
  try {
    const summary = await pool.run({ ...opts, chunkSize: chunk });
    return { ...summary, seconds: Math.round(performance.now() - t0) / 1000 };
  } finally {
    await pool.close();
  }
}
