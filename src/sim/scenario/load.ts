import { hashString } from '../hash';
import { parseJsonText, problemAt, validate, type InputProblem, type Result } from '../validation';
import { ScenarioSchema, type Scenario } from './schema';

/**
 * Loading a scenario: JSON text → (optional `extends` of a base scenario, as an RFC 7386 merge
 * patch) → schema validation → a trusted `Scenario` plus its content hash.
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
}

/** Finds the text of a base scenario by id; returns null when there is none. */
export type BaseResolver = (id: string) => { text: string; file: string } | null;

/**
 * RFC 7386 JSON merge patch: objects merge, `null` deletes, everything else replaces.
 *
 * @example
 * mergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null }, e: [1] })
 * // → { a: 1, b: { d: 3 }, e: [1] }
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete base[k];
    else base[k] = mergePatch(base[k], v);
  }
  return base;
}

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
  if (typeof baseId !== 'string')
    return {
      ok: false,
      error: [problem(file, '$.extends', 'a scenario id', JSON.stringify(baseId))],
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
      error: [problem(file, '$.extends', 'the id of a known scenario', `"${baseId}"`)],
    };
  const parsed = parseJsonText(base.text, base.file);
  if (!parsed.ok) return { ok: false, error: [parsed.error] };
  const resolvedBase = resolveExtends(parsed.value, base.file, resolveBase, depth + 1);
  if (!resolvedBase.ok) return resolvedBase;
  return { ok: true, value: mergePatch(resolvedBase.value, rest) };
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
      error: [
        problem(
          file,
          '$',
          'a scenario object',
          Array.isArray(data) ? 'an array' : JSON.stringify(data),
        ),
      ],
    };
  const format = (data as Record<string, unknown>)['format'];
  if (format !== 'second-front-scenario' && !('extends' in data)) {
    // A file of the wrong kind gets one clear sentence, not a page of missing keys.
    const found = format === undefined ? 'no "format" key' : `"format": ${JSON.stringify(format)}`;
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
  if (!checked.ok) return checked;
  const scenario = checked.value as unknown as Scenario;
  return { ok: true, value: { scenario, hash: hashString(JSON.stringify(scenario)) } };
}
