import { availableParallelism } from 'node:os';
import { AI_POLICIES, DEFAULT_POLICY, type AiPolicy } from '../sim/ai';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../sim/ids';
import type { Levers } from '../sim/scenario/levers';
import {
  BatchInputError,
  createBatchPool,
  runBatch,
  type BatchOptions,
  type BatchSummary,
} from './batch';
import type { BatchPolicies } from './batch-worker';
import { MAX_DUEL_RUNS } from './limits';
import { safeLine } from './terminal';

/**
 * Duels: does the planner play a seat better than the one-step AI? For one actor, arm A plays
 * that seat with the planner and arm B with the one-step AI, every other seat on
 * `DEFAULT_POLICY` in both, on the same seeds (`${seedBase}-${i}`, i < runs), so each seed gives
 * a pair of final scores for the actor and the difference A − B is measured pair by pair.
 *
 * Both arms are batches on one pool of worker threads. Arms with the same policies at every seat
 * are the same games, so each distinct arm is played once: with `DEFAULT_POLICY` the planner, every
 * actor's arm A is the all-planner batch, and `--actor all` plays 1 + 7 batches, not 14.
 */

/** A duel's 95% interval: normal approximation, mean ± 1.96·sd/√n (sd: the sample's, n − 1). */
export const DUEL_INTERVAL = 'normal: mean ± 1.96·sd/√n';

export interface DuelOptions {
  /** A scenario id (`two-front`) or a path to a scenario file. */
  readonly scenario: string;
  /** The actor whose seat changes policy between the arms, or every playable actor in turn. */
  readonly actor: PlayableActorId | 'all';
  /** Paired seeds: run `i` of both arms uses the seed `${seedBase}-${i}`. */
  readonly runs: number;
  readonly seedBase: string;
  /** Lever values as typed at a command line. */
  readonly overrides: Readonly<Record<string, string>>;
  /** Worker threads; one per core by default; 0 runs everything in this thread. */
  readonly threads?: number;
  /**
   * The policies of arm A and arm B at the actor's seat (default planner, one-step). For tests:
   * the same policy twice must give a difference of exactly 0.
   */
  readonly arms?: readonly [AiPolicy, AiPolicy];
  readonly onProgress?: (done: number, total: number) => void;
}

/** Paired differences of one actor's final score. */
export interface PairedStats {
  readonly n: number;
  readonly meanA: number;
  readonly meanB: number;
  /** Mean of A − B over the pairs. */
  readonly meanDifference: number;
  /** Sample standard deviation of A − B (n − 1). */
  readonly sd: number;
  /** {@link DUEL_INTERVAL}. */
  readonly ci95: readonly [number, number];
  /** Pairs where A scored more, the same, less. */
  readonly wins: number;
  readonly ties: number;
  readonly losses: number;
}

export interface DuelActorResult extends PairedStats {
  readonly actor: PlayableActorId;
}

export interface DuelSummary {
  readonly scenario: string;
  readonly scenarioHash: string;
  readonly seedBase: string;
  readonly runs: number;
  readonly levers: Levers;
  /** The actor's policy in each arm. */
  readonly arms: { readonly a: AiPolicy; readonly b: AiPolicy };
  /** The policy of every other seat, in both arms. */
  readonly others: AiPolicy;
  readonly interval: string;
  readonly actors: readonly DuelActorResult[];
  /** Distinct batches played (arms shared between actors are played once). */
  readonly batches: number;
  /** Worker threads used (0: in-process). */
  readonly threads: number;
  /** Wall time, seconds. */
  readonly seconds: number;
}

const Z95 = 1.96;

function round4(x: number): number {
  const r = Math.round(x * 10_000) / 10_000;
  return r === 0 ? 0 : r;
}

/**
 * Paired statistics of two equally long score lists (pair `i`: `a[i]`, `b[i]`), at least 2.
 *
 * @example
 * pairedStats([3, 1, 2], [1, 1, 0])
 * // { n: 3, meanA: 2, meanB: 0.6667, meanDifference: 1.3333, sd: 1.1547,
 * //   ci95: [0.0267, 2.64], wins: 2, ties: 1, losses: 0 }
 */
export function pairedStats(a: readonly number[], b: readonly number[]): PairedStats {
  const n = a.length;
  if (n !== b.length || n < 2)
    throw new RangeError(
      `paired stats need two lists of the same length ≥ 2, found ${n} and ${b.length}`,
    );
  let sumA = 0;
  let sumB = 0;
  let wins = 0;
  let ties = 0;
  let losses = 0;
  for (let i = 0; i < n; i++) {
    sumA += a[i]!;
    sumB += b[i]!;
    if (a[i]! > b[i]!) wins++;
    else if (a[i]! < b[i]!) losses++;
    else ties++;
  }
  const mean = (sumA - sumB) / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (a[i]! - b[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const half = (Z95 * sd) / Math.sqrt(n);
  return {
    n,
    meanA: round4(sumA / n),
    meanB: round4(sumB / n),
    meanDifference: round4(mean),
    sd: round4(sd),
    ci95: [round4(mean - half), round4(mean + half)],
    wins,
    ties,
    losses,
  };
}

/** The actor's policy at its seat, `DEFAULT_POLICY` elsewhere. */
function armPolicies(actor: PlayableActorId, policy: AiPolicy): Record<PlayableActorId, AiPolicy> {
  const out = {} as Record<PlayableActorId, AiPolicy>;
  for (const a of PLAYABLE_ACTORS) out[a] = a === actor ? policy : DEFAULT_POLICY;
  return out;
}

/** One batch's final scores per actor, by run index. */
type ArmScores = Record<PlayableActorId, number[]>;

/**
 * Play a duel and measure, for each actor asked, the paired difference of its final score with
 * the planner at its seat and with the one-step AI. Bad input throws a {@link BatchInputError}.
 *
 * @example
 * const d = await runDuel({ scenario: 'two-front', actor: 'russia', runs: 100, seedBase: 'duel', overrides: {} });
 * d.actors[0].meanDifference // > 0: the planner scores more for Russia
 */
export async function runDuel(opts: DuelOptions): Promise<DuelSummary> {
  const t0 = performance.now();
  if (!Number.isInteger(opts.runs) || opts.runs < 2 || opts.runs > MAX_DUEL_RUNS)
    throw new BatchInputError(
      `runs must be an integer in 2..${MAX_DUEL_RUNS} (a standard deviation needs two pairs), found ${opts.runs}`,
    );
  if (opts.actor !== 'all' && !PLAYABLE_ACTORS.includes(opts.actor))
    throw new BatchInputError(
      `unknown actor "${String(opts.actor)}"; the playable actors are: ${PLAYABLE_ACTORS.join(', ')}, or all`,
    );
  const [policyA, policyB] = opts.arms ?? (['planner', 'one-step'] as const);
  for (const p of [policyA, policyB])
    if (!AI_POLICIES.includes(p))
      throw new BatchInputError(
        `unknown AI policy "${String(p)}"; the policies are: ${AI_POLICIES.join(', ')}`,
      );
  const actors = opts.actor === 'all' ? PLAYABLE_ACTORS : [opts.actor];
  // Each distinct arm (policies at every seat), in the order first needed.
  const arms = new Map<string, BatchPolicies>();
  const keyOf = (p: BatchPolicies): string => PLAYABLE_ACTORS.map((a) => p[a]).join(',');
  const pairs = actors.map((actor) => {
    const a = armPolicies(actor, policyA);
    const b = armPolicies(actor, policyB);
    arms.set(keyOf(a), a);
    arms.set(keyOf(b), b);
    return { actor, a: keyOf(a), b: keyOf(b) };
  });

  const threads = opts.threads ?? availableParallelism();
  const pool = threads === 0 ? null : createBatchPool(Math.min(threads, opts.runs));
  const run = (o: BatchOptions): Promise<BatchSummary> =>
    pool ? pool.run(o) : runBatch({ ...o, threads: 0 });
  const scores = new Map<string, ArmScores>();
  let first: BatchSummary | null = null;
  let used = 0;
  try {
    let k = 0;
    const total = arms.size * opts.runs;
    for (const [key, policies] of arms) {
      const got = {} as ArmScores;
      for (const a of PLAYABLE_ACTORS) got[a] = new Array<number>(opts.runs);
      const done = k * opts.runs;
      const summary = await run({
        scenario: opts.scenario,
        runs: opts.runs,
        seedBase: opts.seedBase,
        overrides: opts.overrides,
        policies,
        onRun: (i, r) => {
          for (const a of PLAYABLE_ACTORS) {
            const s = r.ai?.[a]?.score;
            if (s === undefined) throw new Error(`run ${i} has no score for ${a}`);
            got[a][i] = s;
          }
        },
        ...(opts.onProgress
          ? { onProgress: (d: number) => opts.onProgress!(done + d, total) }
          : {}),
      });
      first ??= summary;
      used = Math.max(used, summary.threads);
      scores.set(key, got);
      k++;
    }
  } finally {
    await pool?.close();
  }
  const results: DuelActorResult[] = pairs.map(({ actor, a, b }) => ({
    actor,
    ...pairedStats(scores.get(a)![actor], scores.get(b)![actor]),
  }));
  return {
    scenario: first!.scenario,
    scenarioHash: first!.scenarioHash,
    seedBase: opts.seedBase,
    runs: opts.runs,
    levers: first!.levers,
    arms: { a: policyA, b: policyB },
    others: DEFAULT_POLICY,
    interval: DUEL_INTERVAL,
    actors: results,
    batches: arms.size,
    threads: used,
    seconds: Math.round(performance.now() - t0) / 1000,
  };
}

function signed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return x > 0 ? `+${s}` : s;
}

/** A duel as a table: per actor the arms' mean scores, the difference, its sd and interval, W/T/L. */
export function formatDuel(d: DuelSummary): string {
  const head = ['actor', 'mean A', 'mean B', 'A − B', 'sd', '95% CI', 'W', 'T', 'L'];
  const rows = [
    head,
    ...d.actors.map((r) => [
      r.actor,
      r.meanA.toFixed(2),
      r.meanB.toFixed(2),
      signed(r.meanDifference, 2),
      r.sd.toFixed(2),
      `[${signed(r.ci95[0], 2)}, ${signed(r.ci95[1], 2)}]`,
      String(r.wins),
      String(r.ties),
      String(r.losses),
    ]),
  ];
  const widths = head.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const table = rows.map(
    (r) =>
      `  ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}`,
  );
  return [
    `Duel on ${d.scenario}: ${d.arms.a} (A) vs ${d.arms.b} (B) at one seat, every other seat ${d.others}`,
    `${d.runs} paired seeds (${d.seedBase}-0..${d.runs - 1}), ${d.batches} batches in ${d.seconds.toFixed(1)} s on ${d.threads} threads`,
    `Both arms (and every other seat) play at aiNoise ${d.levers.aiNoise}: that percent of each side's doctrine noise`,
    `Final score of the actor; A − B per seed; 95% CI ${d.interval}; W/T/L: seeds where A scored more/the same/less`,
    '',
    ...table,
  ]
    .map((l) => safeLine(l))
    .join('\n');
}
