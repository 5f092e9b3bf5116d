import { loadScenarioText, type LoadedScenario } from '../sim/scenario/load';
import type { InputProblem, Result } from '../sim/validation';

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

const TEXTS: Record<string, string> = {};
for (const [path, text] of Object.entries(FILES)) {
  const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
  TEXTS[id] = text;
}

/** Ids of the bundled scenarios, the baseline first. */
export function bundledScenarioIds(): string[] {
  return Object.keys(TEXTS).sort((a, b) =>
    a === 'two-front' ? -1 : b === 'two-front' ? 1 : a.localeCompare(b),
  );
}

const cache = new Map<string, Result<LoadedScenario, InputProblem[]>>();

/** Load a bundled scenario by id (cached: loading validates the whole file). */
export function loadBundled(id: string): Result<LoadedScenario, InputProblem[]> {
  const hit = cache.get(id);
  if (hit) return hit;
  const text = TEXTS[id];
  const r: Result<LoadedScenario, InputProblem[]> =
    text === undefined
      ? {
          ok: false,
          error: [
            {
              file: `${id}.json`,
              path: '$',
              expected: `one of ${bundledScenarioIds().join(', ')}`,
              found: `"${id}"`,
              message: `unknown scenario "${id}"; the scenarios are ${bundledScenarioIds().join(', ')}`,
            },
          ],
        }
      : loadScenarioText(text, `scenarios/${id}.json`, (base) =>
          TEXTS[base] === undefined ? null : { text: TEXTS[base], file: `scenarios/${base}.json` },
        );
  cache.set(id, r);
  return r;
}
