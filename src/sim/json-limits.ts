/**
 * Limits on the shape of input from outside (files, links, saved entries), checked before
 * anything recursive touches it. Zod, the merge of `extends`, `JSON.stringify` and the walks over a
 * scenario all recurse once per level of nesting, so a file nested a few thousand levels deep
 * overflows the stack; no honest file comes near the limit (the deepest bundled scenario nests
 * 8 levels, a `run --json` output or a saved game carrying a custom scenario about 11).
 *
 * `__proto__` is refused as a key anywhere: `JSON.parse` keeps it as an own property, but the
 * first copy or assignment (`{ ...x }` is fine, `out[k] = v` is not) turns it into the object's
 * prototype, so it would vanish from the data silently, or worse, change what every other key
 * looks up.
 */

/** The deepest nesting of objects and arrays accepted from outside (the top level is 1). */
export const MAX_JSON_DEPTH = 64;

/**
 * The offset of the bracket that opens a level deeper than `limit`, or null when the text stays
 * within it. A linear scan of brackets outside strings: cheap enough to run on every input before
 * `JSON.parse`, and it never recurses, whatever the text.
 *
 * @example
 * jsonDepthExceeded('[[[1]]]', 2) // 2, the offset of the third '['
 * jsonDepthExceeded('{"a": "[[[["}', 1) // null: brackets inside strings do not count
 */
export function jsonDepthExceeded(text: string, limit: number = MAX_JSON_DEPTH): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return null;
}

/** What is wrong with the shape of a value, and where (the path of the offending object). */
export type ShapeProblem =
  | { readonly kind: 'depth'; readonly path: readonly (string | number)[] }
  | { readonly kind: 'proto'; readonly path: readonly (string | number)[] };

/**
 * The first place where `value` nests deeper than `limit` or holds a `__proto__` key, or null.
 * For values that did not come through `parseJsonText` (saved entries from IndexedDB, which may
 * even be cyclic; data handed to `loadScenarioData`). Recursion stops at the limit, so the walk
 * itself cannot overflow.
 *
 * @example
 * findShapeProblem(JSON.parse('{"a": {"__proto__": {}}}')) // { kind: 'proto', path: ['a', '__proto__'] }
 */
export function findShapeProblem(
  value: unknown,
  limit: number = MAX_JSON_DEPTH,
): ShapeProblem | null {
  const path: (string | number)[] = [];
  const walk = (v: unknown, depth: number): ShapeProblem | null => {
    if (v === null || typeof v !== 'object') return null;
    if (depth > limit) return { kind: 'depth', path: [...path] };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        const p = walk(v[i], depth + 1);
        path.pop();
        if (p) return p;
      }
      return null;
    }
    if (Object.hasOwn(v, '__proto__')) return { kind: 'proto', path: [...path, '__proto__'] };
    for (const k of Object.keys(v)) {
      path.push(k);
      const p = walk((v as Record<string, unknown>)[k], depth + 1);
      path.pop();
      if (p) return p;
    }
    return null;
  };
  return walk(value, 1);
}
