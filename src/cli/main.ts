import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runEngine, toReplay, verifyReplay } from '../engine/run';
import { LEVER_NAMES } from '../sim/scenario/levers';
import type { ReplayRecord } from '../sim/replay';
import { decodeReplayFile, encodeReplayFile } from '../sim/replay-codec';
import type { RunOptions } from '../sim/run';
import { resolveLevers } from '../sim/setup';
import type { InputProblem } from '../sim/validation';
import { BatchInputError, runBatch } from './batch';
import { formatRun, tracksByName } from './format';
import {
  isBundledScenario,
  listScenarioIds,
  loadReplayScenario,
  loadScenarioFile,
  readInputFile,
} from './scenario-files';

/**
 * `npm run sim -- <command>`: the headless simulator. Exit codes: 0 success; 2 bad input
 * (unreadable or invalid file, unknown scenario or lever, bad value, tampered replay) with a
 * one-paragraph message and no stack trace; 1 a bug.
 */

class InputError extends Error {}

const USAGE = `Second Front — headless simulator

  npm run sim -- run --scenario <id|path> --seed <s> [--turns N] [--set lever=value]... [--json] [--replay <out.json>]
  npm run sim -- batch --scenario <id|path> --runs N [--seed-base S] [--threads T] [--engine] [--set lever=value]... [--json]
  npm run sim -- verify <replay.json>
  npm run sim -- scenarios
  npm run sim -- levers --scenario <id|path>

Scenarios: ${listScenarioIds().join(', ')}
Levers: ${LEVER_NAMES.join(', ')}`;

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
  if (!r.ok) throw new InputError(`cannot load scenario "${idOrPath}":\n${problems(r.error)}`);
  return r;
}

function overridesOf(sets: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sets ?? []) {
    const i = s.indexOf('=');
    if (i <= 0) throw new InputError(`--set expects lever=value, found "${s}"`);
    out[s.slice(0, i)] = s.slice(i + 1);
  }
  return out;
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
    throw new InputError(`${name} must be a positive integer, found "${raw}"`);
  return n;
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
  if (!values.seed) throw new InputError('missing --seed <s>');
  const levers = resolveLevers(sc, overridesOf(values.set));
  if (!levers.ok) throw new InputError(levers.error.message);
  const opts: RunOptions = {
    seed: values.seed,
    levers: levers.value,
    turns: positiveInt('--turns', values.turns, sc.calendar.maxTurns),
  };
  const result = runEngine(sc, opts);
  const replay: ReplayRecord = {
    ...toReplay(loaded.value, opts, result),
    // A game of a scenario that is not one of ours carries it, so `verify` works anywhere.
    ...(isBundledScenario(loaded.value)
      ? {}
      : { scenario: JSON.parse(JSON.stringify(sc)) as Record<string, unknown> }),
  };
  if (values.replay) writeFileSync(values.replay, encodeReplayFile(replay));
  if (values.json) {
    const out = {
      scenario: sc.id,
      scenarioHash: loaded.value.hash,
      seed: values.seed,
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
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else process.stdout.write(`${formatRun(sc, values.seed, result)}\n`);
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
      set: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  if (!values.scenario) throw new InputError('missing --scenario <id|path>');
  if (values.runs === undefined) throw new InputError('missing --runs N');
  const runs = positiveInt('--runs', values.runs, 1);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 0 || threads > 64))
    throw new InputError(`--threads must be an integer 0..64, found "${values.threads}"`);
  try {
    const summary = await runBatch({
      scenario: values.scenario,
      runs,
      seedBase: values['seed-base'] ?? 'batch',
      overrides: overridesOf(values.set),
      runner: values.engine ? 'engine' : 'plain',
      ...(threads !== undefined ? { threads } : {}),
      ...(values.json
        ? {}
        : {
            onProgress: (done: number, total: number) =>
              process.stderr.write(`\r${done}/${total} runs`),
          }),
    });
    if (!values.json) process.stderr.write('\n');
    if (values.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      return;
    }
    const lines = [
      `${summary.runs} runs of ${summary.scenario} in ${summary.seconds.toFixed(1)} s on ${summary.threads} threads (seeds ${summary.seedBase}-0..${summary.runs - 1})`,
      '',
      'Outcomes:',
    ];
    for (const [k, v] of Object.entries(summary.outcomes).sort((a, b) => b[1] - a[1]))
      lines.push(
        `  ${k.padEnd(24)} ${String(v).padStart(6)}  ${((v * 100) / summary.runs).toFixed(1)}%`,
      );
    lines.push('', 'Key events:          rate    95% CI           hour p10/median/p90');
    for (const [k, e] of Object.entries(summary.events))
      lines.push(
        `  ${k.padEnd(20)} ${(e.rate * 100).toFixed(1).padStart(5)}%  [${(e.ci95[0] * 100).toFixed(1)}, ${(e.ci95[1] * 100).toFixed(1)}]%  ${e.hour ? `${e.hour.p10}/${e.hour.median}/${e.hour.p90}` : '-'}`,
      );
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (e) {
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
      `cannot load the replay's scenario "${record.value.scenarioId}":\n${problems(loaded.error)}`,
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
  for (const name of LEVER_NAMES) {
    const d = sc.levers[name];
    const range = d.values
      ? d.values.join(' | ')
      : d.min !== undefined
        ? `${d.min}..${d.max}`
        : 'true | false';
    process.stdout.write(
      `${name.padEnd(24)} default ${String(d.default).padEnd(10)} ${range}\n${' '.repeat(26)}${d.meaning}\n`,
    );
  }
}

function cmdScenarios(): void {
  for (const id of listScenarioIds()) {
    const r = loadScenarioFile(id);
    process.stdout.write(
      r.ok
        ? `${id.padEnd(16)} ${r.value.scenario.name}: ${r.value.scenario.summary}\n`
        : `${id.padEnd(16)} INVALID: ${r.error[0]?.message}\n`,
    );
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        cmdRun(rest);
        return 0;
      case 'batch':
        await cmdBatch(rest);
        return 0;
      case 'verify':
        cmdVerify(rest);
        return 0;
      case 'levers':
        cmdLevers(rest);
        return 0;
      case 'scenarios':
        cmdScenarios();
        return 0;
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new InputError(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (e) {
    // parseArgs reports unknown or malformed options as TypeErrors with an ERR_PARSE_ARGS code.
    const code = (e as { code?: string }).code;
    if (
      e instanceof InputError ||
      (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      return 2;
    }
    process.stderr.write(
      `internal error (a bug; please report it with the command you ran):\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
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
    process.stderr.write(`internal error: ${String(e)}\n`);
    process.exitCode = 1;
  },
);
