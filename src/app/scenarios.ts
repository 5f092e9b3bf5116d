import type { ReplayRecord } from '../sim/replay';
import { loadScenarioData, loadScenarioText, type LoadedScenario } from '../sim/scenario/load';
import { quoteSafe } from '../sim/safe-text';
import { quoted, type InputProblem, type Result } from '../sim/validation';

/**
 * The scenarios shipped in `scenarios/`, bundled as text and loaded through the same schema and
 * `extends` resolution as the CLI, so the browser and the CLI play byte-identical scenarios (and
 * a scenario's hash matches between them).
 */
const FILES = import.meta.glob<string>('../../scenarios/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/**
 * By id. A Map, because ids arrive from files, replays and links: a plain object would answer
 * `constructor` or `toString` with one of its own methods.
 */
const TEXTS = new Map<string, string>();
for (const [path, text] of Object.entries(FILES)) {
  TEXTS.set(path.replace(/^.*\//, '').replace(/\.json$/, ''), text);
}

/** Ids of the bundled scenarios, the baseline first. */
export function bundledScenarioIds(): string[] {
  return [...TEXTS.keys()].sort((a, b) =>
    a === 'two-front' ? -1 : b === 'two-front' ? 1 : a.localeCompare(b),
  );
}

const cache = new Map<string, Result<LoadedScenario, InputProblem[]>>();

/** Load a bundled scenario by id (cached: loading validates the whole file). */
export function loadBundled(id: string): Result<LoadedScenario, InputProblem[]> {
  const hit = cache.get(id);
  if (hit) return hit;
  const text = TEXTS.get(id);
  const r: Result<LoadedScenario, InputProblem[]> =
    text === undefined
      ? {
          ok: false,
          error: [
            {
              file: `${quoteSafe(id)}.json`,
              path: '$',
              expected: `one of ${bundledScenarioIds().join(', ')}`,
              found: quoted(id),
              message: `unknown scenario ${quoted(id)}; the scenarios are ${bundledScenarioIds().join(', ')}`,
            },
          ],
        }
      : loadScenarioText(text, `scenarios/${id}.json`, bundledBase);
  // Only bundled ids are kept: a miss is cheap, and caching every id asked for would let
  // outside input grow the cache without bound.
  if (text !== undefined) cache.set(id, r);
  return r;
}

/** Resolves `extends` against the bundled scenarios (custom files may extend them). */
function bundledBase(base: string): { text: string; file: string } | null {
  const text = TEXTS.get(base);
  return text === undefined ? null : { text, file: `scenarios/${base}.json` };
}

/**
 * Load a scenario file the player opened: the same schema and `extends` resolution as the CLI,
 * with errors that name the file and the JSON path.
 *
 * @example
 * const r = loadScenarioFromText(await file.text(), file.name);
 * if (!r.ok) showErrors(r.error.map((p) => p.message));
 */
export function loadScenarioFromText(
  text: string,
  file: string,
): Result<LoadedScenario, InputProblem[]> {
  return loadScenarioText(text, file, bundledBase);
}

/** Whether a loaded scenario is exactly one of the bundled files (same id, same content). */
export function isBundled(loaded: LoadedScenario): boolean {
  const b = TEXTS.has(loaded.scenario.id) ? loadBundled(loaded.scenario.id) : null;
  return b !== null && b.ok && b.value.hash === loaded.hash;
}

/**
 * The scenario a replay was played on: the one it carries (a custom scenario, checked against the
 * record's hash), else the bundled one of that id. A replay of a different version of a bundled
 * scenario loads the bundled one; the engine's header check then names both versions.
 *
 * @example
 * const sc = scenarioForRecord(record, 'game.json');
 * if (!sc.ok) show(sc.error.message);
 */
export function scenarioForRecord(
  record: ReplayRecord,
  file: string,
): Result<LoadedScenario, InputProblem> {
  if (record.scenario) {
    const r = loadScenarioData(record.scenario, `${file} (its scenario)`, bundledBase);
    if (!r.ok) return { ok: false, error: r.error[0]! };
    if (r.value.hash !== record.scenarioHash || r.value.scenario.id !== record.scenarioId)
      return {
        ok: false,
        error: {
          file,
          path: '$.scenario',
          expected: `the scenario ${quoted(record.scenarioId)} of version ${record.scenarioHash}`,
          found: `${quoted(r.value.scenario.id)} of version ${r.value.hash} (the file was altered)`,
          message: `${quoteSafe(file)}: the scenario it carries is not the one it was played on: the record names ${quoted(record.scenarioId)} version ${record.scenarioHash}, the scenario inside is ${quoted(r.value.scenario.id)} version ${r.value.hash}. The file was altered.`,
        },
      };
    return r;
  }
  const b = loadBundled(record.scenarioId);
  if (!b.ok)
    return {
      ok: false,
      error: {
        file,
        path: '$.scenarioId',
        expected: `a scenario this game has (${bundledScenarioIds().join(', ')})`,
        found: quoted(record.scenarioId),
        message: `${quoteSafe(file)}: the replay is of scenario ${quoted(record.scenarioId)}, which this game does not have (it has ${bundledScenarioIds().join(', ')}), and the replay does not carry it.`,
      },
    };
  return { ok: true, value: b.value };
}
