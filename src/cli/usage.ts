import { AI_POLICIES, DEFAULT_POLICY } from '../sim/ai';
import { LEVER_NAMES } from '../sim/scenario/levers';
import { PLAYABLE_ACTORS } from '../sim/ids';
import { MAX_DUEL_RUNS, MAX_SEED_CHARS, MAX_TURN_LIMIT } from './limits';
import { listScenarioIds } from './scenario-files';

/** Usage text: one block per command (`<command> --help`) and the summary of them all. */

export const COMMANDS = [
  'run',
  'batch',
  'duel',
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
  duel: `${PREFIX} duel --actor <id|all> --runs N [--seed S] [--scenario <id|path>] [--threads T] [--set lever=value]... [--json]

  Does the planner play a seat better than the one-step AI? For the actor (or each playable
  actor, with all): arm A plays its seat with the planner, arm B with the one-step AI, every
  other seat ${DEFAULT_POLICY} in both, on the same seeds S-0 .. S-(N-1) (default S "duel"). Prints per
  actor the mean final score of each arm, the mean paired difference A − B, its sd and 95%
  interval (normal: mean ± 1.96·sd/√n) and the seeds where A scored more, the same, less.
  --actor     ${PLAYABLE_ACTORS.join(', ')}, or all
  --runs      paired seeds, 2..${MAX_DUEL_RUNS}
  --scenario  a scenario id or a path to a scenario file (default two-front)
  --threads   worker threads, 0..64 (0: in this process); default one per core
  --json      print the duel as one JSON object`,
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
