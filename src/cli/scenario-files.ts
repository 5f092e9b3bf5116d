import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReplayRecord } from '../sim/replay';
import {
  loadScenarioData,
  loadScenarioText,
  type BaseResolver,
  type LoadedScenario,
} from '../sim/scenario/load';
import type { InputProblem, Result } from '../sim/validation';

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
      message: `${path}: expected ${expected}, found ${found}`,
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
          found: `"${idOrPath}"`,
          message: `unknown scenario "${idOrPath}"; the scenarios are: ${known} (or give a path to a .json file)`,
        },
      ],
    };
  }
  const text = readInputFile(path);
  if (!text.ok) return { ok: false, error: [text.error] };
  const shown = looksLikePath ? idOrPath : `scenarios/${idOrPath}.json`;
  return loadScenarioText(text.value, shown, baseResolver(dir, dirname(path)));
}

/** Finds a base scenario's text beside the file (when there is one), else in `dir`. */
function baseResolver(dir: string, beside?: string): BaseResolver {
  return (baseId) => {
    const places = [
      ...(beside ? [join(beside, `${baseId}.json`)] : []),
      join(dir, `${baseId}.json`),
    ];
    for (const p of places) {
      if (existsSync(p)) {
        const t = readInputFile(p);
        if (t.ok) return { text: t.value, file: `scenarios/${baseId}.json` };
      }
    }
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
        expected: `scenario "${record.scenarioId}" version ${record.scenarioHash}`,
        found: `"${scenario.id}" version ${hash}`,
        message: `${file}: the scenario the replay carries was altered: the record was played on "${record.scenarioId}" version ${record.scenarioHash}, the scenario inside is "${scenario.id}" version ${hash}`,
      },
    ],
  };
}
