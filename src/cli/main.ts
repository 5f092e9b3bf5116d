import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runEngine, toReplay, verifyReplay } from '../engine/run';
import { AI_POLICIES, type AiPolicy } from '../sim/ai';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../sim/ids';
import { LEVER_NAMES, isLeverName } from '../sim/scenario/levers';
import type { ReplayRecord } from '../sim/replay';
import { decodeReplayFile } from '../sim/replay-codec';
import type { RunOptions } from '../sim/run';
import { resolveLevers } from '../sim/setup';
import type { InputProblem } from '../sim/validation';
import { BatchInputError, runBatch } from './batch';
import { formatDuel, runDuel } from './duel';
import { formatBatch, formatLevers, formatRun, tracksByName } from './format';
import { MAX_DUEL_RUNS, MAX_SEED_CHARS, MAX_TURN_LIMIT, MIN_SEED_CHARS } from './limits';
import { progressReporter } from './progress';
import { writeReplayFile } from './replay-out';
import { provenance } from '../sim/scenario/provenance';
import { formatSources, sourcesJson } from './sources';
import {
  isBundledScenario,
  listScenarioIds,
  loadReplayScenario,
  loadScenarioFile,
  readInputFile,
} from './scenario-files';
import { jsonSafe, quoted, safeBlock, safeLine } from './terminal';
import { COMMANDS, commandUsage, isCommand, usage } from './usage';
import { CASES } from '../validation/cases';
import { formatDoc, formatTable } from '../validation/report';
import { runSuite } from '../validation/run';

/**
 * `npm run sim -- <command>`: the headless simulator. Exit codes: 0 success; 2 bad input
 * (unreadable or invalid file, unknown scenario or lever, bad value, tampered replay) with a
 * one-paragraph message and no stack trace; 1 a bug, or (`validate`, `sources --strict`) a
 * check that failed.
 */

class InputError extends Error {}

function problems(ps: readonly InputProblem[]): string {
  const shown = ps.slice(0, 8).map((p) => `  - ${p.message}`);
  if (ps.length > 8) shown.push(`  - ...and ${ps.length - 8} more`);
  return shown.join('\n');
}

function loadScenario(
  idOrPath: string | undefined,
): ReturnType<typeof loadScenarioFile> & { ok: true } {
  if (!idOrPath) throw new InputError('missing --scenario <id|path>');
  const r = loadScenarioFile(idOrPath);
  if (!r.ok)
    throw new InputError(`cannot load scenario ${quoted(idOrPath)}:\n${problems(r.error)}`);
  return r;
}

/**
 * `--set lever=value` pairs, names checked here: a name that is not a lever (a typo, or
 * `__proto__`, which a plain object would swallow as its prototype) is refused, not ignored.
 * Built with `Object.fromEntries`, whose keys are always own properties.
 */
function overridesOf(sets: readonly string[] | undefined): Record<string, string> {
  const out = new Map<string, string>();
  for (const s of sets ?? []) {
    const i = s.indexOf('=');
    if (i <= 0) throw new InputError(`--set expects lever=value, found ${quoted(s)}`);
    const name = s.slice(0, i);
    if (!isLeverName(name))
      throw new InputError(
        `unknown lever ${quoted(name)} in --set; the levers are: ${LEVER_NAMES.join(', ')}`,
      );
    if (out.has(name)) throw new InputError(`--set gives the lever ${name} twice`);
    out.set(name, s.slice(i + 1));
  }
  return Object.fromEntries(out);
}

/**
 * A whole number typed at the command line, in min..max. Only digits: `Number()` would also
 * take `1e3`, `0x10` and `" 5"`.
 */
function wholeNumber(name: string, raw: string, min: number, max: number, why = ''): number {
  const n = /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InputError(
      `${name} must be a whole number in ${min}..${max}${why}, found ${quoted(raw)}`,
    );
  return n;
}

/** `--policy`: one of the AI policies. */
function policyOf(raw: string): AiPolicy {
  const p = AI_POLICIES.find((x) => x === raw);
  if (!p)
    throw new InputError(`--policy must be one of ${AI_POLICIES.join(', ')}, found ${quoted(raw)}`);
  return p;
}

/** The same policy at every playable seat. */
function everySeat(policy: AiPolicy): Record<PlayableActorId, AiPolicy> {
  return Object.fromEntries(PLAYABLE_ACTORS.map((a) => [a, policy])) as Record<
    PlayableActorId,
    AiPolicy
  >;
}

function cmdRun(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string' },
      seed: { type: 'string' },
      turns: { type: 'string' },
      set: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      replay: { type: 'string' },
    },
    strict: true,
  });
  const loaded = loadScenario(values.scenario);
  const sc = loaded.value.scenario;
  const seed = values.seed;
  if (seed === undefined) throw new InputError('missing --seed <s>');
  // The seed goes into the replay record, whose schema `verify` and the browser hold it to.
  if (seed.length < MIN_SEED_CHARS || seed.length > MAX_SEED_CHARS)
    throw new InputError(
      `--seed must be ${MIN_SEED_CHARS}..${MAX_SEED_CHARS} characters, found ${seed.length}`,
    );
  const levers = resolveLevers(sc, overridesOf(values.set));
  if (!levers.ok) throw new InputError(levers.error.message);
  // A game longer than the scenario's calendar has no meaning, and a replay set to more than
  // MAX_TURN_LIMIT turns is one the game refuses to open.
  const maxTurns = Math.min(sc.calendar.maxTurns, MAX_TURN_LIMIT);
  const opts: RunOptions = {
    seed,
    levers: levers.value,
    turns:
      values.turns === undefined
        ? maxTurns
        : wholeNumber(
            '--turns',
            values.turns,
            1,
            maxTurns,
            ` (${sc.id} lasts at most ${maxTurns} turns)`,
          ),
  };
  const result = runEngine(sc, opts);
  const replay: ReplayRecord = {
    ...toReplay(loaded.value, opts, result),
    // A game of a scenario that is not one of ours carries it, so `verify` works anywhere.
    ...(isBundledScenario(loaded.value)
      ? {}
      : { scenario: JSON.parse(JSON.stringify(sc)) as Record<string, unknown> }),
  };
  // Written before anything is printed: a replay that cannot be written is bad input (exit 2)
  // and leaves stdout empty, as every other input error does.
  if (values.replay !== undefined) {
    const written = writeReplayFile(values.replay, replay);
    if (!written.ok) throw new InputError(written.error);
  }
  if (values.json) {
    const out = {
      scenario: sc.id,
      scenarioHash: loaded.value.hash,
      seed,
      levers: levers.value,
      outcome: result.state.outcome,
      turnsPlayed: result.turnsPlayed,
      turnHours: sc.calendar.turnHours,
      finalHash: result.finalHash,
      events: result.state.keyEvents,
      log: result.log,
      tracks: tracksByName(result.tracks),
      replay,
    };
    process.stdout.write(`${jsonSafe(JSON.stringify(out))}\n`);
  } else process.stdout.write(`${formatRun(sc, seed, result)}\n`);
}

async function cmdBatch(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string' },
      runs: { type: 'string' },
      'seed-base': { type: 'string' },
      threads: { type: 'string' },
      engine: { type: 'boolean' },
      policy: { type: 'string' },
      set: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  if (!values.scenario) throw new InputError('missing --scenario <id|path>');
  if (values.runs === undefined) throw new InputError('missing --runs N');
  const policy = values.policy === undefined ? undefined : policyOf(values.policy);
  const runs = wholeNumber('--runs', values.runs, 1, 10_000_000);
  const threads =
    values.threads === undefined ? undefined : wholeNumber('--threads', values.threads, 0, 64);
  const progress = values.json ? null : progressReporter(process.stderr);
  try {
    const summary = await runBatch({
      scenario: values.scenario,
      runs,
      seedBase: values['seed-base'] ?? 'batch',
      overrides: overridesOf(values.set),
      runner: values.engine ? 'engine' : 'plain',
      ...(policy ? { policies: everySeat(policy) } : {}),
      ...(threads !== undefined ? { threads } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    });
    progress?.end();
    process.stdout.write(
      values.json ? `${jsonSafe(JSON.stringify(summary))}\n` : `${formatBatch(summary)}\n`,
    );
  } catch (e) {
    progress?.end();
    if (e instanceof BatchInputError) throw new InputError(e.message);
    throw e;
  }
}

/** `--actor`: a playable actor or `all`. */
function duelActorOf(raw: string | undefined): PlayableActorId | 'all' {
  if (raw === undefined) throw new InputError('missing --actor <id|all>');
  if (raw === 'all') return raw;
  const a = PLAYABLE_ACTORS.find((x) => x === raw);
  if (!a)
    throw new InputError(
      `unknown actor ${quoted(raw)} for --actor; the playable actors are: ${PLAYABLE_ACTORS.join(', ')}, or all`,
    );
  return a;
}

async function cmdDuel(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      actor: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      scenario: { type: 'string' },
      threads: { type: 'string' },
      set: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const actor = duelActorOf(values.actor);
  if (values.runs === undefined) throw new InputError('missing --runs N');
  const runs = wholeNumber(
    '--runs',
    values.runs,
    2,
    MAX_DUEL_RUNS,
    ' (a standard deviation needs two pairs)',
  );
  const threads =
    values.threads === undefined ? undefined : wholeNumber('--threads', values.threads, 0, 64);
  const progress = values.json ? null : progressReporter(process.stderr);
  try {
    const summary = await runDuel({
      scenario: values.scenario ?? 'two-front',
      actor,
      runs,
      seedBase: values.seed ?? 'duel',
      overrides: overridesOf(values.set),
      ...(threads !== undefined ? { threads } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    });
    progress?.end();
    process.stdout.write(
      values.json ? `${jsonSafe(JSON.stringify(summary))}\n` : `${formatDuel(summary)}\n`,
    );
  } catch (e) {
    progress?.end();
    if (e instanceof BatchInputError) throw new InputError(e.message);
    throw e;
  }
}

function cmdVerify(args: string[]): void {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file)
    throw new InputError('verify needs a replay file: npm run sim -- verify <replay.json>');
  const text = readInputFile(file);
  if (!text.ok) throw new InputError(text.error.message);
  // The same decoder as the browser's: a bare record or `run --json` output (which carries one).
  const record = decodeReplayFile(text.value, file);
  if (!record.ok) throw new InputError(`invalid replay: ${record.error.message}`);
  const loaded = loadReplayScenario(record.value, file);
  if (!loaded.ok)
    throw new InputError(
      `cannot load the replay's scenario ${quoted(record.value.scenarioId)}:\n${problems(loaded.error)}`,
    );
  const v = verifyReplay(loaded.value, record.value);
  if (v.ok) {
    process.stdout.write(`match: ${v.turns} turns reproduced exactly; final hash ${v.finalHash}\n`);
    return;
  }
  throw new InputError(`mismatch${v.turn !== null ? ` at turn ${v.turn}` : ''}: ${v.reason}`);
}

function cmdLevers(args: string[]): void {
  const { values } = parseArgs({ args, options: { scenario: { type: 'string' } }, strict: true });
  const sc = loadScenario(values.scenario ?? 'two-front').value.scenario;
  process.stdout.write(`${formatLevers(sc)}\n`);
}

/**
 * Every figure of a scenario with its provenance. Exit 0, or with `--strict` 1 when a figure is
 * untagged (so a check in CI fails); the listing is printed either way.
 */
function cmdSources(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string' },
      untagged: { type: 'boolean' },
      json: { type: 'boolean' },
      strict: { type: 'boolean' },
    },
    strict: true,
  });
  const idOrPath = values.scenario ?? 'two-front';
  const loaded = loadScenario(idOrPath).value;
  const p = provenance(loaded.resolved);
  const view = { scenarioId: loaded.scenario.id, file: idOrPath, untaggedOnly: !!values.untagged };
  process.stdout.write(
    values.json
      ? `${jsonSafe(JSON.stringify(sourcesJson(p, view)))}\n`
      : `${formatSources(p, view)}\n`,
  );
  return values.strict && p.counts.untagged > 0 ? 1 : 0;
}

function cmdScenarios(args: string[]): void {
  parseArgs({ args, options: {}, strict: true });
  for (const id of listScenarioIds()) {
    const r = loadScenarioFile(id);
    const line = r.ok
      ? `${id.padEnd(16)} ${r.value.scenario.name}: ${r.value.scenario.summary}`
      : `${id.padEnd(16)} INVALID: ${r.error[0]?.message}`;
    process.stdout.write(`${safeLine(line)}\n`);
  }
}

/** The analyst's page the suite writes, relative to the repository (not the working directory). */
const VALIDATION_DOC = fileURLToPath(new URL('../../docs/validation.md', import.meta.url));

/** `validate`: the suite's table on stdout, the page written; exit 1 if any case fails. */
async function cmdValidate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      case: { type: 'string', multiple: true },
      threads: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const only = values.case;
  for (const id of only ?? [])
    if (!CASES.some((c) => c.id === id))
      throw new InputError(
        `unknown validation case ${quoted(id)}; the cases are: ${CASES.map((c) => c.id).join(', ')}`,
      );
  const threads =
    values.threads === undefined ? undefined : wholeNumber('--threads', values.threads, 0, 64);
  const suite = await runSuite({
    ...(only ? { only } : {}),
    ...(threads !== undefined ? { threads } : {}),
    onCase: (done, total, r) => {
      if (!values.json)
        process.stderr.write(`[${done}/${total}] ${r.case.id}: ${r.pass ? 'PASS' : 'FAIL'}\n`);
    },
  });
  if (values.json) {
    const out = {
      runsPerArm: suite.runsPerArm,
      pass: suite.pass,
      cases: suite.results.map((r) => ({
        id: r.case.id,
        pass: r.pass,
        reason: r.reason,
        ...(r.kind === 'level'
          ? { measure: r.measure, band: r.band }
          : { a: r.a, b: r.b, difference: r.diff }),
      })),
    };
    process.stdout.write(`${jsonSafe(JSON.stringify(out))}\n`);
  } else process.stdout.write(formatTable(suite));
  if (only) process.stderr.write('a subset of the cases: docs/validation.md not written\n');
  else {
    const file = values.out ?? VALIDATION_DOC;
    try {
      writeFileSync(file, formatDoc(suite));
    } catch (e) {
      throw new InputError(`cannot write ${quoted(file)}: ${(e as Error).message}`);
    }
    if (!values.json) process.stderr.write(`wrote ${safeLine(file)}\n`);
  }
  return suite.pass ? 0 : 1;
}

/**
 * Whether the arguments ask for help (`--help` or `-h` anywhere before a `--`). Checked before
 * the command's own parsing, so `run --help` needs no `--scenario` and is never an error.
 */
function wantsHelp(args: string[]): boolean {
  const { tokens } = parseArgs({ args, strict: false, allowPositionals: true, tokens: true });
  return tokens.some((t) => t.kind === 'option' && (t.name === 'help' || t.name === 'h'));
}

async function runCommand(command: string | undefined, rest: string[]): Promise<number> {
  if (command === undefined) {
    process.stdout.write(`${usage()}\n`);
    return 2;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    const about = rest[0];
    process.stdout.write(`${isCommand(about) ? commandUsage(about) : usage()}\n`);
    return 0;
  }
  if (!isCommand(command))
    throw new InputError(
      `unknown command ${quoted(command)}; the commands are: ${COMMANDS.join(', ')} (npm run sim -- --help for their usage)`,
    );
  if (wantsHelp(rest)) {
    process.stdout.write(`${commandUsage(command)}\n`);
    return 0;
  }
  switch (command) {
    case 'run':
      cmdRun(rest);
      return 0;
    case 'batch':
      await cmdBatch(rest);
      return 0;
    case 'duel':
      await cmdDuel(rest);
      return 0;
    case 'verify':
      cmdVerify(rest);
      return 0;
    case 'levers':
      cmdLevers(rest);
      return 0;
    case 'scenarios':
      cmdScenarios(rest);
      return 0;
    case 'validate':
      return cmdValidate(rest);
    case 'sources':
      return cmdSources(rest);
    default: {
      const never: never = command;
      throw new Error(`unhandled command ${String(never)}`);
    }
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    return await runCommand(command, rest);
  } catch (e) {
    // parseArgs reports unknown or malformed options as TypeErrors with an ERR_PARSE_ARGS code.
    const code = (e as { code?: string }).code;
    if (
      e instanceof InputError ||
      (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    ) {
      // Messages quote input (file names, values, a replay's decisions): escaped and cut.
      process.stderr.write(`error: ${safeBlock((e as Error).message)}\n`);
      return 2;
    }
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    process.stderr.write(
      `internal error (a bug; please report it with the command you ran):\n${safeBlock(detail, 1000, 60)}\n`,
    );
    return 1;
  }
}

// `run ... | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`internal error: ${safeBlock(String(e))}\n`);
    process.exitCode = 1;
  },
);
