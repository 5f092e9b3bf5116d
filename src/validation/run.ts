import { createBatchPool, runBatch, type BatchOptions } from '../cli/batch';
import { loadScenarioFile } from '../cli/scenario-files';
import type { RunSummary } from '../cli/stats';
import { CASES, RUNS_PER_CASE, caseSeedBase, type Arm, type ValidationCase } from './cases';
import { judge, type CaseResult } from './evaluate';

/**
 * Running the suite: every arm of every case is a batch of seeded runs on one pool of the batch
 * workers (seeds `validate-<caseId>-<i>`, both arms of a comparison on the same seeds), kept in
 * seed order and judged by `evaluate.ts`. The results depend only on the seeds, the scenarios and
 * the levers: not on the number of threads or the order in which runs come back.
 */

export interface SuiteOptions {
  /** Only these case ids (all by default). */
  readonly only?: readonly string[];
  /** Runs per arm; {@link RUNS_PER_CASE} by default (fewer is for trying things out). */
  readonly runs?: number;
  /** Worker threads per batch; one per core by default, 0 in this thread. */
  readonly threads?: number;
  /** Called after each case with its result. */
  readonly onCase?: (done: number, total: number, result: CaseResult) => void;
}

export interface SuiteResult {
  readonly runsPerArm: number;
  readonly results: readonly CaseResult[];
  readonly pass: boolean;
}

/** The arms of a case, in the order `judge` takes them. */
export function caseArms(c: ValidationCase): readonly Arm[] {
  return c.kind === 'level' ? [c.arm] : [c.a, c.b];
}

/**
 * Problems in the case table that would make a case meaningless: unknown ids, sources the
 * scenario does not declare, duplicate ids. Empty when the table is sound.
 *
 * @example
 * checkCases(CASES) // []
 */
export function checkCases(cases: readonly ValidationCase[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) problems.push(`case ${c.id}: duplicate id`);
    seen.add(c.id);
    for (const arm of caseArms(c)) {
      const loaded = loadScenarioFile(arm.scenario);
      if (!loaded.ok) {
        problems.push(`case ${c.id}: scenario ${arm.scenario} does not load`);
        continue;
      }
      const sources = loaded.value.scenario.sources;
      for (const s of c.sources)
        if (!Object.hasOwn(sources, s))
          problems.push(`case ${c.id}: source ${s} is not in ${arm.scenario}'s sources`);
    }
  }
  return problems;
}

/** Where an arm's batch runs: a pool's threads, or this thread. */
type Runner = (opts: BatchOptions) => Promise<unknown>;

/**
 * One arm's runs, in seed order.
 *
 * @example
 * const runs = await runArm(runBatch, CASES[0].arm, 'validate-csis-base', 400);
 */
export async function runArm(
  runner: Runner,
  arm: Arm,
  seedBase: string,
  runs: number,
): Promise<RunSummary[]> {
  const out = new Array<RunSummary>(runs);
  await runner({
    scenario: arm.scenario,
    runs,
    seedBase,
    overrides: arm.set as Record<string, string>,
    onRun: (i, r) => {
      out[i] = r;
    },
  });
  return out;
}

/**
 * Run the validation suite (or the cases in `only`) and judge every case.
 *
 * @example
 * const suite = await runSuite();
 * suite.pass // every case within its tolerance
 */
export async function runSuite(opts: SuiteOptions = {}): Promise<SuiteResult> {
  const runs = opts.runs ?? RUNS_PER_CASE;
  const unknown = (opts.only ?? []).filter((id) => !CASES.some((c) => c.id === id));
  if (unknown.length > 0)
    throw new RangeError(
      `unknown validation case ${unknown.join(', ')}; the cases are: ${CASES.map((c) => c.id).join(', ')}`,
    );
  const cases = opts.only ? CASES.filter((c) => opts.only!.includes(c.id)) : CASES;
  const problems = checkCases(cases);
  if (problems.length > 0) throw new Error(`the case table is broken:\n${problems.join('\n')}`);
  // One pool of threads for every batch: each thread loads the simulation once.
  const pool = opts.threads === 0 ? null : createBatchPool(opts.threads);
  const runner: Runner = pool ? (o) => pool.run(o) : (o) => runBatch({ ...o, threads: 0 });
  const results: CaseResult[] = [];
  try {
    for (const c of cases) {
      const arms: RunSummary[][] = [];
      for (const arm of caseArms(c)) arms.push(await runArm(runner, arm, caseSeedBase(c.id), runs));
      const r = judge(c, arms);
      results.push(r);
      opts.onCase?.(results.length, cases.length, r);
    }
  } finally {
    await pool?.close();
  }
  return { runsPerArm: runs, results, pass: results.every((r) => r.pass) };
}
