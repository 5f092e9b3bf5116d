import { MAX_JSON_DEPTH } from '../json-limits';
import {
  describeValue,
  jsonPath,
  problemAt,
  quoted,
  type InputProblem,
  type Result,
} from '../validation';

/**
 * How a variant's patch applies to its base (`extends`): RFC 7386 merge patch (objects merge,
 * `null` deletes a key, a value replaces), except for lists of items with ids, which merge by id.
 *
 * Plain RFC 7386 replaces arrays whole, so a variant that adds one inject to `events` would
 * delete all of the baseline's: a trap, and a variant that repeats the whole list stops following
 * the baseline. A list whose items (in the base and in the patch) are all objects with a string
 * `id` is therefore patched item by item, in the patch's order:
 * - an item with a new id is appended;
 * - an item with an id the list has is merge-patched onto that item (keeping its place);
 * - `{ "id": "x", "$remove": true }` removes item `x` (a later item may add `x` again, at the end).
 * An empty list still replaces (empties) the list, and every other array still replaces whole.
 */

/** The item key that removes an item from a list merged by id. */
export const REMOVE_KEY = '$remove';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function hasId(v: unknown): v is Json & { id: string } {
  return isObject(v) && typeof v['id'] === 'string';
}

/**
 * Apply a variant's patch to its resolved base. Problems (a `$remove` of an id the list lacks, a
 * malformed `$remove`, nesting past the limit, a `__proto__` key) come back with the patch's JSON
 * path; the base and the patch are left unchanged.
 *
 * @example
 * mergeScenarioPatch({ events: [{ id: 'a', chancePct: 10 }] }, { events: [{ id: 'b' }] }, 'v.json')
 * // → { ok: true, value: { events: [{ id: 'a', chancePct: 10 }, { id: 'b' }] } }
 * mergeScenarioPatch({ events: [{ id: 'a' }] }, { events: [{ id: 'a', $remove: true }] }, 'v.json')
 * // → { ok: true, value: { events: [] } }
 */
export function mergeScenarioPatch(
  base: unknown,
  patch: unknown,
  file: string,
): Result<unknown, InputProblem[]> {
  const problems: InputProblem[] = [];
  const path: (string | number)[] = [];
  const fail = (expected: string, found: string): undefined => {
    problems.push(problemAt(file, jsonPath(path), expected, found));
    return undefined;
  };

  const mergeList = (target: unknown, items: unknown[], depth: number): unknown[] => {
    const out = Array.isArray(target) ? [...target] : [];
    items.forEach((item, i) => {
      path.push(i);
      const { id } = item as { id: string };
      const at = out.findIndex((x) => hasId(x) && x.id === id);
      if (Object.hasOwn(item as Json, REMOVE_KEY)) {
        path.push(REMOVE_KEY);
        const flag = (item as Json)[REMOVE_KEY];
        const extra = Object.keys(item as Json).filter((k) => k !== 'id' && k !== REMOVE_KEY);
        if (flag !== true) fail('true (the only value "$remove" takes)', describeValue(flag));
        else if (extra.length > 0)
          fail(
            'only "id" beside "$remove" (a removed item takes no other keys)',
            `also ${extra.slice(0, 3).map(quoted).join(', ')}`,
          );
        else if (at < 0)
          fail('the id of an item of the base list (to remove)', `${quoted(id)}, which it lacks`);
        else out.splice(at, 1);
        path.pop();
      } else if (at >= 0) out[at] = merge(out[at], item, depth + 1);
      else out.push(merge(undefined, item, depth + 1));
      path.pop();
    });
    return out;
  };

  const merge = (target: unknown, p: unknown, depth: number): unknown => {
    if (depth > MAX_JSON_DEPTH)
      return fail(`a patch nested at most ${MAX_JSON_DEPTH} levels deep`, 'deeper nesting');
    if (Array.isArray(p)) {
      const byId =
        p.length > 0 &&
        p.every(hasId) &&
        (target === undefined || (Array.isArray(target) && target.every(hasId)));
      return byId ? mergeList(target, p, depth) : p;
    }
    if (!isObject(p)) return p;
    const out: Json = isObject(target) ? { ...target } : {};
    for (const k of Object.keys(p)) {
      path.push(k);
      const v = p[k];
      // An assignment to `__proto__` would set the prototype and drop the key silently.
      if (k === '__proto__') fail('no key named "__proto__"', 'one');
      else if (v === null) delete out[k];
      else out[k] = merge(Object.hasOwn(out, k) ? out[k] : undefined, v, depth + 1);
      path.pop();
    }
    return out;
  };

  const value = merge(base, patch, 1);
  return problems.length > 0 ? { ok: false, error: problems } : { ok: true, value };
}
