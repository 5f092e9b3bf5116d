import { hashString } from '../hash';
import { findShapeProblem } from '../json-limits';
import {
  describeValue,
  jsonPath,
  parseJsonText,
  problemAt,
  quoted,
  shapeProblem,
  validate,
  type InputProblem,
  type Result,
} from '../validation';
import { mergeScenarioPatch } from './merge';
import { undeclaredTagSources } from './provenance';
import { ScenarioSchema, type Scenario } from './schema';

/**
 * Loading a scenario: JSON text → (optional `extends` of a base scenario, as a merge patch that
 * merges lists of items with ids by id: see `./merge.ts`) → schema validation → a trusted
 * `Scenario` plus its content hash.
 *
 * Variants are written as `{ "extends": "two-front", ...only what differs }` so that a change to
 * the baseline's data flows into every variant and a reviewer sees only what each variant changes.
 *
 * @example
 * const r = loadScenarioText(text, 'scenarios/skeptic.json', (id) => readBaseText(id));
 * if (r.ok) startGame(r.value.scenario);
 */
export interface LoadedScenario {
  readonly scenario: Scenario;
  /** Hash of the resolved scenario; replays carry it to detect a changed scenario. */
  readonly hash: string;
  /**
   * The scenario as resolved from its file (a variant merged onto its base), before parsing:
   * the figures' provenance tags are still there. `npm run sim -- sources` reads it.
   */
  readonly resolved: unknown;
}

/**
 * Finds the text of a base scenario by id; returns null when there is none. The id is always a
 * scenario id (checked against `SCENARIO_ID` first), never a path. A resolver may return a
 * problem instead, when the id is ambiguous (two different files claim it).
 */
export type BaseResolver = (
  id: string,
) => { text: string; file: string } | { problem: string } | null;

/**
 * What `extends` may name: a scenario id, which is also a file name. No `.`, `/` or `\`, so an
 * `extends` can never reach outside the scenarios folder (or the folder of the file), whatever
 * resolves it.
 */
export const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

const problem = problemAt;

function resolveExtends(
  data: unknown,
  file: string,
  resolveBase: BaseResolver,
  depth: number,
): Result<unknown, InputProblem[]> {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { ok: true, value: data };
  const { extends: baseId, ...rest } = data as Record<string, unknown>;
  if (baseId === undefined) return { ok: true, value: data };
  if (typeof baseId !== 'string' || !SCENARIO_ID.test(baseId))
    return {
      ok: false,
      error: [
        problem(
          file,
          '$.extends',
          'a scenario id (a bundled scenario, or a file of that name in the same folder; no paths)',
          describeValue(baseId),
        ),
      ],
    };
  if (depth > 4)
    return {
      ok: false,
      error: [problem(file, '$.extends', 'at most 4 levels of extends', 'more (a cycle?)')],
    };
  const base = resolveBase(baseId);
  if (!base)
    return {
      ok: false,
      error: [problem(file, '$.extends', 'the id of a known scenario', quoted(baseId))],
    };
  if ('problem' in base)
    return {
      ok: false,
      error: [problem(file, '$.extends', 'a scenario id that names one scenario', base.problem)],
    };
  const parsed = parseJsonText(base.text, base.file);
  if (!parsed.ok) return { ok: false, error: [parsed.error] };
  const resolvedBase = resolveExtends(parsed.value, base.file, resolveBase, depth + 1);
  if (!resolvedBase.ok) return resolvedBase;
  return mergeScenarioPatch(resolvedBase.value, rest, file);
}

/**
 * Parse, resolve and validate a scenario file's text. Never throws on bad input.
 *
 * @example
 * const r = loadScenarioText(text, 'scenarios/skeptic.json', (id) => readBaseText(id));
 * if (!r.ok) for (const p of r.error) console.error(p.message);
 */
export function loadScenarioText(
  text: string,
  file: string,
  resolveBase: BaseResolver = () => null,
): Result<LoadedScenario, InputProblem[]> {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return { ok: false, error: [parsed.error] };
  return loadScenarioData(parsed.value, file, resolveBase);
}

/**
 * As `loadScenarioText`, for data already parsed from JSON.
 *
 * @example
 * const r = loadScenarioData(twoFrontJson, 'two-front.json');
 * if (r.ok) createInitialState(r.value.scenario, '42', defaultLevers(r.value.scenario));
 */
export function loadScenarioData(
  data: unknown,
  file: string,
  resolveBase: BaseResolver = () => null,
): Result<LoadedScenario, InputProblem[]> {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return {
      ok: false,
      error: [problem(file, '$', 'a scenario object', describeValue(data))],
    };
  // Data may come from elsewhere than parseJsonText (a replay's embedded scenario): the merge
  // below recurses, and must not meet a cycle, great depth or a `__proto__` key.
  const shape = findShapeProblem(data);
  if (shape) return { ok: false, error: [shapeProblem(file, shape)] };
  const format = Object.hasOwn(data, 'format')
    ? (data as Record<string, unknown>)['format']
    : undefined;
  if (format !== 'second-front-scenario' && !Object.hasOwn(data, 'extends')) {
    // A file of the wrong kind gets one clear sentence, not a page of missing keys.
    const found = format === undefined ? 'no "format" key' : `"format": ${describeValue(format)}`;
    return {
      ok: false,
      error: [
        problem(file, '$.format', '"second-front-scenario" (a Second Front scenario file)', found),
      ],
    };
  }
  const resolved = resolveExtends(data, file, resolveBase, 0);
  if (!resolved.ok) return resolved;
  const checked = validate(ScenarioSchema, resolved.value, file);
  // The schema checks a tag's source is shaped like an id; whether it is declared can only be
  // seen here, on the resolved data: the parsed scenario keeps the number and drops the tag.
  const tags = tagProblems(resolved.value, file);
  if (!checked.ok) return { ok: false, error: [...checked.error, ...tags].slice(0, 20) };
  if (tags.length > 0) return { ok: false, error: tags };
  const scenario = checked.value as unknown as Scenario;
  return {
    ok: true,
    value: { scenario, hash: hashString(JSON.stringify(scenario)), resolved: resolved.value },
  };
}

/** A figure tag's `source` must be "judgement" or name sources the scenario declares. */
function tagProblems(resolved: unknown, file: string): InputProblem[] {
  return undeclaredTagSources(resolved)
    .slice(0, 20)
    .map(([path, id]) =>
      problem(
        file,
        jsonPath(path),
        typeof path[path.length - 1] === 'number'
          ? 'a source id declared in "sources"'
          : 'a source id declared in "sources", or "judgement"',
        quoted(id),
      ),
    );
}
