import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runBatch, type BatchSummary } from '../src/cli/batch';
import { loadScenarioFile } from '../src/cli/scenario-files';
import { runEngine } from '../src/engine/run';
import type { AiPolicy } from '../src/sim/ai';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../src/sim/ids';
import { runPlain, type RunOptions, type RunResult } from '../src/sim/run';
import type { Levers } from '../src/sim/scenario/levers';
import type { Scenario } from '../src/sim/scenario/schema';
import { defaultLevers } from '../src/sim/setup';
import { formatClassroom, runClassroomLoad, thinkMsOption } from './classroom-load';
import { fmt, table } from './report';

/**
 * `npm run bench [-- --quick] [--only classroom] [--think-ms <n>]`: what a campaign costs, and
 * what the classroom server does under load.
 *
 *  a) full baseline campaigns per second on one thread through the xstate engine, with and
 *     without the log;
 *  b) the same seeds through the plain loop, and the engine's overhead (engine time / plain
 *     time; target ≤ 1.5 for full campaigns, with and without the log; the batch-settings row,
 *     no log and no hashes, is a diagnostic), each engine mode interleaved with the plain mode
 *     of the same settings;
 *     the ratio by process CPU time is printed beside it (steadier when the machine is shared);
 *  c) batches on all cores: 2,000 runs (runs/s, peak memory), then 10,000 runs (wall time, target
 *     < 20 s on 2 cores; peak memory, which must not grow with the number of runs);
 *  d) what the planning AI costs: time per campaign with every playable seat on the planner over
 *     the same seeds with every seat on the one-step AI (one thread, plain loop, batch settings,
 *     best of ROUNDS, the two interleaved), and a 10,000-run batch on 2 threads under each
 *     (`batch --policy`);
 *  e) the classroom server under load on loopback (`./classroom-load.ts`): 30 sessions of 8
 *     clients, the time from a submit to every client's view updated (p95 goal < 150 ms on 2
 *     cores) and the server process's memory per session. `--only classroom` runs this alone.
 *
 * The batches run first so the single-thread runs (which keep whole logs) do not set the
 * process's memory high-water mark; the classroom runs last, its server in a process of its own.
 * Results go to bench/results.json (`--only classroom`: bench/classroom-results.json; neither is
 * committed).
 */

const QUICK = process.argv.includes('--quick');
const ONLY = onlySection(process.argv);
const THINK_MS = thinkMsOption(process.argv);
const SCENARIO = 'two-front';
const SINGLE_RUNS = QUICK ? 20 : 200;
const WARMUP_RUNS = QUICK ? 3 : 20;
const ROUNDS = QUICK ? 2 : 3;
const SMALL_BATCH = QUICK ? 200 : 2_000;
const FULL_BATCH = QUICK ? 1_000 : 10_000;
const TARGET_RATIO = 1.5;
const TARGET_FULL_SECONDS = 20;
const POLICY_THREADS = 2;

type Runner = (sc: Scenario, opts: RunOptions) => RunResult;

interface Mode {
  readonly name: string;
  readonly runner: 'engine' | 'plain';
  readonly keepLog: boolean;
  readonly turnHashes: boolean;
}

const MODES: readonly Mode[] = [
  { name: 'engine, log kept', runner: 'engine', keepLog: true, turnHashes: true },
  { name: 'engine, no log', runner: 'engine', keepLog: false, turnHashes: true },
  { name: 'engine, batch settings', runner: 'engine', keepLog: false, turnHashes: false },
  { name: 'plain, log kept', runner: 'plain', keepLog: true, turnHashes: true },
  { name: 'plain, no log', runner: 'plain', keepLog: false, turnHashes: true },
  { name: 'plain, batch settings', runner: 'plain', keepLog: false, turnHashes: false },
];

const RUNNERS: Record<Mode['runner'], Runner> = { engine: runEngine, plain: runPlain };

interface ModeResult {
  readonly mode: string;
  readonly runs: number;
  readonly msPerCampaign: number;
  /**
   * Process CPU time per campaign (best round by CPU time). Other work on a shared machine
   * stretches wall time far more than CPU time, so this ratio is the steadier one.
   */
  readonly cpuMsPerCampaign: number;
  readonly campaignsPerSecond: number;
  /**
   * Per seed: outcome, turns, key events and (when hashing) the final hash, to check that every
   * mode plays the same games: the engine and the plain loop, with or without log and hashes.
   */
  readonly fingerprints: string[];
  readonly turns: number;
}

function seeds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `bench-${i}`);
}

interface Round {
  readonly ms: number;
  readonly cpuMs: number;
  readonly fingerprints: string[];
  readonly turns: number;
}

function timeRound(sc: Scenario, levers: Levers, mode: Mode, list: readonly string[]): Round {
  const run = RUNNERS[mode.runner];
  const fingerprints: string[] = [];
  let turns = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const seed of list) {
    const r = run(sc, { seed, levers, keepLog: mode.keepLog, turnHashes: mode.turnHashes });
    const ev = r.state.keyEvents.map((e) => `${e.name}@${e.hour}`).join(',');
    const hash = mode.turnHashes ? r.finalHash : '';
    fingerprints.push(`${r.state.outcome?.id ?? 'none'}|${r.turnsPlayed}|${ev}|${hash}`);
    turns += r.turnsPlayed;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, fingerprints, turns };
}

/**
 * Best of ROUNDS per mode (a GC pause or a neighbour on the machine should not pass for engine
 * cost). Each engine mode and the plain mode with the same settings run back to back in every
 * round, in alternating order, so a busy spell on the machine falls on both sides of a ratio
 * rather than on whichever ran later.
 */
function timeModes(sc: Scenario, levers: Levers, list: readonly string[]): ModeResult[] {
  const best = new Map<Mode, Round>();
  const bestCpu = new Map<Mode, number>();
  const pairs = MODES.filter((m) => m.runner === 'engine').map((e) => [
    e,
    MODES.find(
      (p) => p.runner === 'plain' && p.keepLog === e.keepLog && p.turnHashes === e.turnHashes,
    )!,
  ]);
  for (let round = 0; round < ROUNDS; round++)
    for (const pair of pairs)
      for (const mode of round % 2 === 0 ? pair : [...pair].reverse()) {
        const r = timeRound(sc, levers, mode, list);
        const prev = best.get(mode);
        if (!prev || r.ms < prev.ms) best.set(mode, r);
        bestCpu.set(mode, Math.min(bestCpu.get(mode) ?? Infinity, r.cpuMs));
      }
  return MODES.map((mode) => {
    const r = best.get(mode)!;
    return {
      mode: mode.name,
      runs: list.length,
      msPerCampaign: r.ms / list.length,
      cpuMsPerCampaign: bestCpu.get(mode)! / list.length,
      campaignsPerSecond: (list.length * 1000) / r.ms,
      fingerprints: r.fingerprints,
      turns: r.turns,
    };
  });
}

interface BatchMeasure {
  readonly runs: number;
  readonly threads: number;
  readonly seconds: number;
  readonly runsPerSecond: number;
  /** CPU time of the whole process (all threads) during the batch, seconds. */
  readonly cpuSeconds: number;
  /** Highest `process.memoryUsage().rss` sampled every 100 ms during this batch, MB. */
  readonly peakSampledRssMB: number;
  /** `process.resourceUsage().maxRSS` after this batch (process high-water mark, all threads), MB. */
  readonly maxRssMB: number;
  readonly summary: BatchSummary;
}

const MB = 1024 * 1024;

async function measureBatch(
  runs: number,
  more: { readonly threads?: number; readonly policy?: AiPolicy } = {},
): Promise<BatchMeasure> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let summary: BatchSummary;
  try {
    summary = await runBatch({
      scenario: SCENARIO,
      runs,
      seedBase: 'bench',
      overrides: {},
      ...(more.threads !== undefined ? { threads: more.threads } : {}),
      ...(more.policy ? { policies: everySeat(more.policy) } : {}),
      onProgress: (done, total) => process.stderr.write(`\r  batch: ${done}/${total} runs`),
    });
  } finally {
    clearInterval(timer);
    process.stderr.write('\n');
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    runs,
    threads: summary.threads,
    seconds,
    runsPerSecond: runs / seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakSampledRssMB: peak / MB,
    maxRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
    summary,
  };
}

function everySeat(policy: AiPolicy): Record<PlayableActorId, AiPolicy> {
  return Object.fromEntries(PLAYABLE_ACTORS.map((a) => [a, policy])) as Record<
    PlayableActorId,
    AiPolicy
  >;
}

interface PolicyCost {
  readonly policy: AiPolicy;
  readonly msPerCampaign: number;
  readonly cpuMsPerCampaign: number;
  readonly turns: number;
}

/**
 * d) Per campaign, every playable seat on one policy: best of ROUNDS on the same seeds, the
 * planner and the one-step AI back to back in alternating order (as the engine/plain pairs).
 */
function timePolicies(sc: Scenario, levers: Levers, list: readonly string[]): PolicyCost[] {
  const policies: readonly AiPolicy[] = ['planner', 'one-step'];
  const best = new Map<AiPolicy, { ms: number; cpuMs: number; turns: number }>();
  for (let round = 0; round < ROUNDS; round++)
    for (const policy of round % 2 === 0 ? policies : [...policies].reverse()) {
      const seats = everySeat(policy);
      let turns = 0;
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      for (const seed of list)
        turns += runPlain(sc, {
          seed,
          levers,
          keepLog: false,
          turnHashes: false,
          policies: seats,
        }).turnsPlayed;
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const prev = best.get(policy);
      best.set(policy, {
        ms: Math.min(prev?.ms ?? Infinity, ms),
        cpuMs: Math.min(prev?.cpuMs ?? Infinity, cpuMs),
        turns,
      });
    }
  return policies.map((policy) => {
    const b = best.get(policy)!;
    return {
      policy,
      msPerCampaign: b.ms / list.length,
      cpuMsPerCampaign: b.cpuMs / list.length,
      turns: b.turns,
    };
  });
}

function ratio(
  results: readonly ModeResult[],
  engine: string,
  plain: string,
  by: 'msPerCampaign' | 'cpuMsPerCampaign' = 'msPerCampaign',
): number {
  const e = results.find((r) => r.mode === engine)!;
  const p = results.find((r) => r.mode === plain)!;
  return e[by] / p[by];
}

/** `--only classroom` (the one section that runs alone), or null for every section. */
function onlySection(argv: readonly string[]): 'classroom' | null {
  const i = argv.indexOf('--only');
  if (i < 0) return null;
  if (argv[i + 1] === 'classroom') return 'classroom';
  process.stderr.write(`--only: expected "classroom", found "${argv[i + 1] ?? ''}"\n`);
  process.exit(2);
}

function machine(loadAtStart: number[]): Record<string, unknown> {
  return {
    cpus: cpus().length,
    availableParallelism: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? null,
    totalMemoryMB: Math.round(totalmem() / MB),
    node: process.version,
    platform: process.platform,
    loadAverageAtStart: loadAtStart,
    arch: process.arch,
  };
}

/** e) alone: the header, the section, and its own results file. */
async function classroomOnly(): Promise<void> {
  const loadAtStart = loadavg();
  process.stdout.write(
    `Second Front bench${QUICK ? ' (--quick)' : ''}, classroom only: Node ${process.version}, ` +
      `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
      `load average ${loadAtStart.map((l) => fmt(l, 2)).join(' ')}\n\n`,
  );
  const classroom = await runClassroomLoad({ quick: QUICK, thinkMs: THINK_MS });
  process.stdout.write(`${formatClassroom(classroom)}\n\n`);
  const out = {
    date: new Date().toISOString(),
    quick: QUICK,
    machine: machine(loadAtStart),
    classroom,
  };
  const path = fileURLToPath(new URL('./classroom-results.json', import.meta.url));
  writeFileSync(path, `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`Wrote ${path}\n`);
}

async function main(): Promise<void> {
  if (ONLY === 'classroom') return classroomOnly();
  const loaded = loadScenarioFile(SCENARIO);
  if (!loaded.ok) {
    process.stderr.write(
      `cannot load ${SCENARIO}: ${loaded.error.map((p) => p.message).join('; ')}\n`,
    );
    process.exit(2);
  }
  const sc = loaded.value.scenario;
  const levers = defaultLevers(sc);
  const cores = availableParallelism();
  // Other work on the machine skews every figure; record how busy it was at the start.
  const loadAtStart = loadavg();
  process.stdout.write(
    `Second Front bench${QUICK ? ' (--quick)' : ''}: ${SCENARIO} (${loaded.value.hash}), default levers, ` +
      `Node ${process.version}, ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
      `load average ${loadAtStart.map((l) => fmt(l, 2)).join(' ')}\n\n`,
  );

  // c) first: the batches, so their memory figures are not inflated by the single-thread runs.
  process.stdout.write(`Batches on all cores (${SMALL_BATCH} then ${FULL_BATCH} runs)...\n`);
  const small = await measureBatch(SMALL_BATCH);
  const full = await measureBatch(FULL_BATCH);
  // d) the batches under each policy, on 2 threads (the target machine's cores).
  process.stdout.write(
    `Batches of ${FULL_BATCH} runs on ${POLICY_THREADS} threads, every seat on the planner, then on the one-step AI...\n`,
  );
  const policyBatches = {
    planner: await measureBatch(FULL_BATCH, { threads: POLICY_THREADS, policy: 'planner' }),
    oneStep: await measureBatch(FULL_BATCH, { threads: POLICY_THREADS, policy: 'one-step' }),
  };

  // a) and b): one thread, same seeds for every mode, after a warm-up of every mode.
  process.stdout.write(
    `One thread: ${WARMUP_RUNS} warm-up + ${SINGLE_RUNS} campaigns per mode (load average ${loadavg()
      .map((l) => fmt(l, 2))
      .join(' ')})...\n`,
  );
  const warm = seeds(WARMUP_RUNS).map((s) => `${s}-warm`);
  for (const mode of MODES) timeRound(sc, levers, mode, warm);
  const list = seeds(SINGLE_RUNS);
  const results = timeModes(sc, levers, list);
  for (const policy of ['planner', 'one-step'] as const)
    runPlain(sc, {
      seed: 'bench-warm-policy',
      levers,
      keepLog: false,
      policies: everySeat(policy),
    });
  const policyCosts = timePolicies(sc, levers, list);
  const [plannerCost, oneStepCost] = policyCosts as [PolicyCost, PolicyCost];
  const plannerRatio = plannerCost.msPerCampaign / oneStepCost.msPerCampaign;
  const plannerCpuRatio = plannerCost.cpuMsPerCampaign / oneStepCost.cpuMsPerCampaign;
  // Modes without per-turn hashes have no final hash; compare the rest of their fingerprint.
  const strip = (f: string): string => f.slice(0, f.lastIndexOf('|'));
  const reference = results[0]!.fingerprints;
  const mismatched = results.filter((r, m) =>
    r.fingerprints.some((f, i) =>
      MODES[m]!.turnHashes ? f !== reference[i] : strip(f) !== strip(reference[i]!),
    ),
  );

  const ratios = {
    logKept: ratio(results, 'engine, log kept', 'plain, log kept'),
    noLog: ratio(results, 'engine, no log', 'plain, no log'),
    batchSettings: ratio(results, 'engine, batch settings', 'plain, batch settings'),
  };
  const cpuRatios = {
    logKept: ratio(results, 'engine, log kept', 'plain, log kept', 'cpuMsPerCampaign'),
    noLog: ratio(results, 'engine, no log', 'plain, no log', 'cpuMsPerCampaign'),
    batchSettings: ratio(
      results,
      'engine, batch settings',
      'plain, batch settings',
      'cpuMsPerCampaign',
    ),
  };
  const meanTurns = results[0]!.turns / SINGLE_RUNS;

  const single = table([
    ['mode (one thread)', 'campaigns/s', 'ms/campaign', 'ms/turn', 'CPU ms/campaign (all threads)'],
    ...results.map((r) => [
      r.mode,
      fmt(r.campaignsPerSecond),
      fmt(r.msPerCampaign, 2),
      fmt(r.msPerCampaign / meanTurns, 3),
      fmt(r.cpuMsPerCampaign, 2),
    ]),
  ]);
  const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');
  const overhead = table([
    ['engine time / plain time', 'ratio', `target ≤ ${TARGET_RATIO}`, 'by CPU time'],
    ...(['logKept', 'noLog', 'batchSettings'] as const).map((k) => [
      { logKept: 'log kept', noLog: 'no log', batchSettings: 'batch settings' }[k],
      `${fmt(ratios[k], 2)}×`,
      // The target is for full campaigns (the "full baseline campaigns"); batch settings
      // strip the log and the hashes, leaving the engine's fixed cost bare. That row is shown as
      // a diagnostic: it is why `batch` runs the plain loop unless asked for --engine.
      k === 'batchSettings'
        ? `${ratios[k] <= TARGET_RATIO ? 'ok' : 'over'} (diagnostic)`
        : verdict(ratios[k] <= TARGET_RATIO),
      `${fmt(cpuRatios[k], 2)}×`,
    ]),
  ]);
  const batches = table([
    [
      'batch (all cores)',
      'threads',
      'wall time',
      'runs/s',
      'CPU time',
      'CPU ms/run',
      'peak RSS sampled',
      'maxRSS so far',
    ],
    ...[small, full].map((b) => [
      `${b.runs} runs`,
      String(b.threads),
      `${fmt(b.seconds, 2)} s`,
      fmt(b.runsPerSecond),
      `${fmt(b.cpuSeconds, 2)} s`,
      fmt((b.cpuSeconds * 1000) / b.runs, 2),
      `${fmt(b.peakSampledRssMB)} MB`,
      `${fmt(b.maxRssMB)} MB`,
    ]),
  ]);
  // The target is for 10,000 runs; a --quick run projects its steady rate to that size.
  const to10k = (b: BatchMeasure): number =>
    b.runs === 10_000 ? b.seconds : (10_000 * b.seconds) / b.runs;
  const projected10k = to10k(full);
  const planner = table([
    ['every playable seat on', 'ms/campaign', 'CPU ms/campaign', 'mean turns'],
    ...policyCosts.map((c) => [
      c.policy,
      fmt(c.msPerCampaign, 2),
      fmt(c.cpuMsPerCampaign, 2),
      fmt(c.turns / SINGLE_RUNS, 2),
    ]),
    ['planner / one-step', `${fmt(plannerRatio, 2)}×`, `${fmt(plannerCpuRatio, 2)}×`, '-'],
  ]);
  const policyBatchRows = table([
    [
      `batch (${POLICY_THREADS} threads)`,
      'runs',
      'wall time',
      'runs/s',
      'CPU ms/run',
      '10000 runs',
    ],
    ...(
      [
        ['planner', policyBatches.planner],
        ['one-step', policyBatches.oneStep],
      ] as const
    ).map(([name, b]) => [
      name,
      String(b.runs),
      `${fmt(b.seconds, 2)} s`,
      fmt(b.runsPerSecond),
      fmt((b.cpuSeconds * 1000) / b.runs, 2),
      `${fmt(to10k(b), 2)} s${b.runs === 10_000 ? '' : ' (projected)'}`,
    ]),
  ]);
  const fullOk = projected10k < TARGET_FULL_SECONDS;
  process.stdout.write(
    [
      '',
      `a) + b) ${SINGLE_RUNS} campaigns (seeds bench-0..${SINGLE_RUNS - 1}), mean ${fmt(meanTurns, 2)} turns, best of ${ROUNDS} (engine and plain interleaved)`,
      single,
      '',
      overhead,
      mismatched.length === 0
        ? '  every mode plays the same games (outcome, turns, key events, final hash when hashing)'
        : `  WARNING: these modes play different games from "${results[0]!.mode}": ${mismatched.map((r) => r.mode).join(', ')}`,
      '',
      'c) batches',
      batches,
      full.runs === 10_000
        ? `  10000 runs in ${fmt(full.seconds, 2)} s (target < ${TARGET_FULL_SECONDS} s on 2 cores: ${verdict(fullOk)})`
        : `  10000 runs projected at ${fmt(projected10k, 1)} s from ${full.runs} (target < ${TARGET_FULL_SECONDS} s on 2 cores: ${verdict(fullOk)})`,
      `  peak RSS ${fmt(small.peakSampledRssMB)} MB at ${SMALL_BATCH} runs vs ${fmt(full.peakSampledRssMB)} MB at ${FULL_BATCH} runs`,
      '',
      `d) the planning AI: ${SINGLE_RUNS} campaigns (seeds bench-0..${SINGLE_RUNS - 1}), one thread, plain loop, batch settings, best of ${ROUNDS}`,
      planner,
      '',
      policyBatchRows,
      '',
    ].join('\n'),
  );

  // e) last: the classroom server in its own process, with this one as its clients.
  process.stdout.write(
    `Classroom server under load (load average ${loadavg()
      .map((l) => fmt(l, 2))
      .join(' ')})...\n`,
  );
  const classroom = await runClassroomLoad({ quick: QUICK, thinkMs: THINK_MS });
  process.stdout.write(`\n${formatClassroom(classroom)}\n\n`);

  const out = {
    date: new Date().toISOString(),
    quick: QUICK,
    machine: machine(loadAtStart),
    scenario: { id: sc.id, hash: loaded.value.hash },
    singleThread: {
      campaigns: SINGLE_RUNS,
      warmup: WARMUP_RUNS,
      rounds: ROUNDS,
      meanTurns,
      modes: results.map(({ fingerprints: _f, ...r }) => r),
      engineOverPlain: ratios,
      engineOverPlainByCpu: cpuRatios,
      modesAgree: mismatched.length === 0,
    },
    batches: [small, full].map(({ summary, ...b }) => ({
      ...b,
      outcomes: summary.outcomes,
      meanTurns: summary.meanTurns,
    })),
    planner: {
      campaigns: SINGLE_RUNS,
      rounds: ROUNDS,
      perCampaign: policyCosts.map((c) => ({ ...c, meanTurns: c.turns / SINGLE_RUNS })),
      plannerOverOneStep: plannerRatio,
      plannerOverOneStepByCpu: plannerCpuRatio,
      batches: (['planner', 'oneStep'] as const).map((k) => {
        const { summary, ...b } = policyBatches[k];
        return {
          policy: k === 'planner' ? 'planner' : 'one-step',
          ...b,
          seconds10k: to10k(policyBatches[k]),
          projected: b.runs !== 10_000,
          outcomes: summary.outcomes,
          meanTurns: summary.meanTurns,
        };
      }),
    },
    targets: {
      engineOverPlain: { target: TARGET_RATIO, met: ratios.noLog <= TARGET_RATIO },
      fullBatchSeconds: {
        target: TARGET_FULL_SECONDS,
        runs: 10_000,
        seconds: projected10k,
        projected: full.runs !== 10_000,
        met: fullOk,
      },
      classroomP95Ms: {
        target: classroom.goalMs,
        turnCompleting: classroom.turnCompleting.p95,
        readyCount: classroom.readyCount.p95,
        met: classroom.turnCompleting.goalMet && classroom.readyCount.goalMet,
      },
    },
    classroom,
  };
  const path = fileURLToPath(new URL('./results.json', import.meta.url));
  writeFileSync(path, `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`Wrote ${path}\n`);
}

await main();
