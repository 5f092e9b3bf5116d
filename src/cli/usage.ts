import { AI_POLICIES, DEFAULT_POLICY } from '../sim/ai';
import { LEVER_NAMES } from '../sim/scenario/levers';
import { MAX_SEED_CHARS, MAX_TURN_LIMIT } from './limits';
import { listScenarioIds } from './scenario-files';

/** Usage text: one block per command (`<command> --help`) and the summary of them all. */

export const COMMANDS = [
  'run',
  'batch',
  'verify',
  'scenarios',
  'levers',
  'sources',
  'validate',
] as const;
export type Command = (typeof COMMANDS)[number];

const PREFIX = 'npm run sim --';

const COMMAND_USAGE: Readonly<Record<Command, string>> = {
  run: `${PREFIX} run --scenario <id|path> --seed <s> [--turns N] [--set lever=value]... [--json] [--replay <out.json>]

  Play one all-AI campaign and print its log (or, with --json, one JSON object).
  --scenario  a scenario id or a path to a scenario file
  --seed      1..${MAX_SEED_CHARS} characters; the same seed gives the same game
  --turns     1..the scenario's maxTurns (at most ${MAX_TURN_LIMIT}); default maxTurns
  --set       lever=value, repeatable (see \`levers\`)
  --json      print the game as one JSON object
  --replay    also write the replay record (compact JSON) to this file`,
  batch: `${PREFIX} batch --scenario <id|path> --runs N [--seed-base S] [--threads T] [--engine] [--policy P] [--set lever=value]... [--json]

  Run N seeded all-AI campaigns (seeds S-0 .. S-(N-1), default S "batch") and print outcome
  counts and key-event rates with 95% intervals, then how the AI played each seat.
  --threads   worker threads, 0..64 (0: in this process); default one per core
  --engine    run through the xstate engine instead of the plain loop (same results)
  --policy    the AI at every playable seat: ${AI_POLICIES.join(' | ')} (default ${DEFAULT_POLICY})
  --json      print the summary as one JSON object`,
  verify: `${PREFIX} verify <replay.json>

  Re-simulate a replay record (a browser export, run --replay, or run --json output) and report
  "match" or the first turn that differs.`,
  scenarios: `${PREFIX} scenarios

  List the bundled scenarios.`,
  levers: `${PREFIX} levers [--scenario <id|path>]

  List a scenario's levers (default two-front) with defaults, ranges and meanings.`,
  sources: `${PREFIX} sources [--scenario <id|path>] [--untagged] [--json] [--strict]

  List every figure of a scenario (default two-front; a variant as resolved onto its base) with
  its provenance, by section: path, value, source ids or "judgement", and the reason. Rules and
  option parameters carry a tag each; other numbers are cited by their object's "sources". Ends
  with the counts: sourced, judgement, untagged (the goal is 0).
  --untagged  list only the untagged figures (the counts stay those of the whole scenario)
  --json      print the figures and counts as one JSON object
  --strict    exit 1 when any figure is untagged (the listing is printed either way)`,
  validate: `${PREFIX} validate [--case <id>]... [--threads T] [--out <file.md>] [--json]

  Run the validation suite (also: npm run validate): published wargame results and lever
  directions, each played as 400 seeded runs per arm (seeds validate-<case>-0 ..
  validate-<case>-399). Prints case, published (source), measured with its 95% interval,
  accepted band and PASS/FAIL; writes docs/validation.md; exits 1 if any case fails.
  --case      run only this case, repeatable (the page is then not written)
  --threads   worker threads, 0..64 (0: in this process); default one per core
  --out       where to write the page (default docs/validation.md)
  --json      print the results as one JSON object instead of the table`,
};

export function isCommand(s: string | undefined): s is Command {
  return s !== undefined && (COMMANDS as readonly string[]).includes(s);
}

/** One command's usage, for `<command> --help`. */
export function commandUsage(command: Command): string {
  return COMMAND_USAGE[command];
}

/** Every command in one line each, with the scenarios and levers there are. */
export function usage(): string {
  const lines = COMMANDS.map((c) => `  ${COMMAND_USAGE[c].split('\n')[0]}`);
  return `Second Front — headless simulator

${lines.join('\n')}

  ${PREFIX} <command> --help  for one command's options

Scenarios: ${listScenarioIds().join(', ')}
Levers: ${LEVER_NAMES.join(', ')}`;
}
