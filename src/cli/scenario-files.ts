import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReplayRecord } from '../sim/replay';
import { quoteSafe } from '../sim/safe-text';
import {
  SCENARIO_ID,
  loadScenarioData,
  loadScenarioText,
  type BaseResolver,
  type LoadedScenario,
} from '../sim/scenario/load';
import { quoted, type InputProblem, type Result } from '../sim/validation';

/** The repository's `scenarios/` folder. */
export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

/** The largest scenario or replay file we read (bad input must not exhaust memory). */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export function listScenarioIds(dir = SCENARIO_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
}

/** Read a text file with a size limit; problems come back as data, never as exceptions. */
export function readInputFile(path: string): Result<string, InputProblem> {
  const fail = (expected: string, found: string): Result<string, InputProblem> => ({
    ok: false,
    error: {
      file: path,
      path: '$',
      expected,
      found,
      message: `${quoteSafe(path, 300)}: expected ${expected}, found ${quoteSafe(found, 300)}`,
    },
  });
  if (!existsSync(path)) return fail('a readable file', 'no such file');
  const st = statSync(path);
  if (!st.isFile()) return fail('a file', 'a directory or special file');
  if (st.size > MAX_INPUT_BYTES)
    return fail(`at most ${MAX_INPUT_BYTES} bytes`, `${st.size} bytes`);
  try {
    return { ok: true, value: readFileSync(path, 'utf8') };
  } catch (e) {
    return fail('a readable file', e instanceof Error ? e.message : String(e));
  }
}

/**
 * Load a scenario by id (`two-front`) or by path (`./my.json`). Variants that `extends` a scenario
 * find their base in the scenarios folder (or beside the file).
 */
export function loadScenarioFile(
  idOrPath: string,
  dir = SCENARIO_DIR,
): Result<LoadedScenario, InputProblem[]> {
  const looksLikePath =
    idOrPath.includes('/') || idOrPath.includes('\\') || idOrPath.endsWith('.json');
  const path = looksLikePath ? idOrPath : join(dir, `${idOrPath}.json`);
  if (!looksLikePath && !existsSync(path)) {
    const known = listScenarioIds(dir).join(', ');
    return {
      ok: false,
      error: [
        {
          file: idOrPath,
          path: '$',
          expected: `a scenario id (${known}) or a path to a .json file`,
          found: quoted(idOrPath),
          message: `unknown scenario ${quoted(idOrPath)}; the scenarios are: ${known} (or give a path to a .json file)`,
        },
      ],
    };
  }
  const text = readInputFile(path);
  if (!text.ok) return { ok: false, error: [text.error] };
  const shown = looksLikePath ? idOrPath : `scenarios/${idOrPath}.json`;
  const r = loadScenarioText(text.value, shown, baseResolver(dir, dirname(path)));
  return looksLikePath && r.ok ? refuseShadow(r.value, path, shown, dir) : r;
}

/**
 * A file given by path whose id is a bundled scenario's, with other content, is refused. Every
 * output names a scenario by its id (the log, `run --json`, batch statistics, the replay's
 * `scenarioId`), so results of an edited copy would read as the bundled scenario's; a warning on
 * stderr is lost in `--json | jq` and in batch output. The cure is one line in the file: its own
 * `id`. A file with the bundled content (a plain copy) is the same scenario and loads.
 */
function refuseShadow(
  loaded: LoadedScenario,
  path: string,
  shown: string,
  dir: string,
): Result<LoadedScenario, InputProblem[]> {
  const id = loaded.scenario.id;
  const bundledPath = join(dir, `${id}.json`);
  if (!listScenarioIds(dir).includes(id) || resolve(path) === resolve(bundledPath))
    return { ok: true, value: loaded };
  const bundled = loadScenarioFile(id, dir);
  if (!bundled.ok || bundled.value.hash === loaded.hash) return { ok: true, value: loaded };
  const found = `"${id}", the id of the bundled scenario scenarios/${id}.json, with other content`;
  return {
    ok: false,
    error: [
      {
        file: shown,
        path: '$.id',
        expected: 'an id of its own (a bundled scenario of that id exists)',
        found,
        message: `${quoteSafe(shown, 300)}: at $.id: expected an id of its own, found ${found}; its results would be reported as "${id}"'s. Give it its own "id" (for example "${id}-custom"), or run the bundled one with --scenario ${id}.`,
      },
    ],
  };
}

/**
 * Finds a base scenario's text: in `dir` (the bundled scenarios) or beside the file. An id is
 * never a path (`SCENARIO_ID`: no `.`, `/` or `\`), so nothing outside those two folders is
 * read. Two different files of one id (an edited `two-front.json` beside a variant of
 * `two-front`) are refused by name rather than one silently winning.
 */
function baseResolver(dir: string, beside?: string): BaseResolver {
  return (baseId) => {
    if (!SCENARIO_ID.test(baseId)) return null;
    const bundledPath = join(dir, `${baseId}.json`);
    const localPath =
      beside && resolve(beside) !== resolve(dir) ? join(beside, `${baseId}.json`) : null;
    const read = (p: string): string | null => {
      if (!existsSync(p)) return null;
      const t = readInputFile(p);
      return t.ok ? t.value : null;
    };
    const bundled = read(bundledPath);
    const local = localPath ? read(localPath) : null;
    if (bundled !== null && local !== null && bundled !== local)
      return {
        problem: `"${baseId}" names both the bundled scenarios/${baseId}.json and ${quoteSafe(localPath!, 200)} beside this file, which differ (rename the local one, and its "id")`,
      };
    if (bundled !== null) return { text: bundled, file: `scenarios/${baseId}.json` };
    if (local !== null) return { text: local, file: localPath! };
    return null;
  };
}

/**
 * Whether a loaded scenario is exactly a file of `dir` (same id, same content). A replay of any
 * other scenario carries it, so the replay still verifies where that file is not at hand.
 *
 * @example
 * if (!isBundledScenario(loaded)) replay.scenario = structuredClone(loaded.scenario);
 */
export function isBundledScenario(loaded: LoadedScenario, dir = SCENARIO_DIR): boolean {
  const id = loaded.scenario.id;
  if (!listScenarioIds(dir).includes(id)) return false;
  const bundled = loadScenarioFile(id, dir);
  return bundled.ok && bundled.value.hash === loaded.hash;
}

/**
 * The scenario a replay was played on: the one it carries (a custom scenario), checked against
 * the record's id and hash, else the bundled file of that id. A carried scenario that does not
 * match was edited after the game, and replaying on it would only report a confusing mismatch.
 *
 * @example
 * const loaded = loadReplayScenario(record, 'game.json');
 * if (loaded.ok) verifyReplay(loaded.value, record);
 */
export function loadReplayScenario(
  record: ReplayRecord,
  file: string,
  dir = SCENARIO_DIR,
): Result<LoadedScenario, InputProblem[]> {
  if (!record.scenario) return loadScenarioFile(record.scenarioId, dir);
  const r = loadScenarioData(
    record.scenario,
    `${file} (the scenario it carries)`,
    baseResolver(dir),
  );
  if (!r.ok) return r;
  const { scenario, hash } = r.value;
  if (hash === record.scenarioHash && scenario.id === record.scenarioId) return r;
  return {
    ok: false,
    error: [
      {
        file,
        path: '$.scenario',
        expected: `scenario ${quoted(record.scenarioId)} version ${record.scenarioHash}`,
        found: `${quoted(scenario.id)} version ${hash}`,
        message: `${quoteSafe(file, 300)}: the scenario the replay carries was altered: the record was played on ${quoted(record.scenarioId)} version ${record.scenarioHash}, the scenario inside is ${quoted(scenario.id)} version ${hash}`,
      },
    ],
  };
}
