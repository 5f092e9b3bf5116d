import type { z } from 'zod';
import {
  MAX_JSON_DEPTH,
  findShapeProblem,
  jsonDepthExceeded,
  type ShapeProblem,
} from './json-limits';
import { quoteSafe } from './safe-text';

/**
 * Turning schema failures into messages a person can act on: the file, the JSON path, what was
 * expected and what was found. Shared by scenario files and replay records.
 */
export interface InputProblem {
  readonly file: string;
  /** JSONPath-style location, e.g. `$.regions.estonia.adjacent[2]`. */
  readonly path: string;
  readonly expected: string;
  readonly found: string;
  readonly message: string;
}

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** The longest `found` text (and file name) a message carries; `found` quotes input. */
const MAX_PART = 300;
/** The longest JSON path a message carries. */
const MAX_PATH = 400;
/** `expected` is our own text, but may list values a file declared. */
const MAX_EXPECTED = 2000;

/**
 * One problem at a place in a file, with the message a person reads. The file name and both
 * texts pass through the control-character escape and a length cut, as a last guard: callers
 * quote values with `quoteSafe`, but a file name is outside text too.
 *
 * @example
 * problemAt('game.json', '$.format', '"second-front-replay"', 'no "format" key').message
 * // 'game.json: at $.format: expected "second-front-replay", found no "format" key'
 */
export function problemAt(
  file: string,
  path: string,
  expected: string,
  found: string,
): InputProblem {
  const e = quoteSafe(expected, MAX_EXPECTED);
  const f = quoteSafe(found, MAX_PART);
  return {
    file,
    path,
    expected: e,
    found: f,
    message: `${quoteSafe(file, MAX_PART)}: at ${path}: expected ${e}, found ${f}`,
  };
}

/**
 * `$`, `$.a.b[3]`, with odd keys quoted (and made safe: a key is outside text, and may be long or
 * hold control characters).
 *
 * @example
 * jsonPath(['regions', 'estonia', 'adjacent', 2]) // '$.regions.estonia.adjacent[2]'
 * jsonPath(['options', 'china.blockade']) // '$.options["china.blockade"]'
 */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && p.length <= 80 && /^[A-Za-z_][\w-]*$/.test(p)) out += `.${p}`;
    else out += `["${quoteSafe(String(p)).replace(/"/g, '\\"')}"]`;
  }
  // A path 64 levels deep of long keys would fill the screen: keep its start and its end.
  return out.length > MAX_PATH ? `${out.slice(0, 120)}…${out.slice(-(MAX_PATH - 121))}` : out;
}

/**
 * A key or string value from input, quoted for a message: escaped and cut.
 *
 * @example
 * quoted('atlantis') // '"atlantis"'
 */
export function quoted(s: string): string {
  return `"${quoteSafe(s)}"`;
}

/**
 * A short, safe rendering of a found value (never the whole of a large input).
 *
 * @example
 * describeValue([1, 2, 3]) // 'an array of 3'
 * describeValue(undefined) // 'nothing (the key is missing)'
 */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing (the key is missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return quoted(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // Saved entries come from IndexedDB, which stores more kinds than JSON has.
  return `a ${typeof v}`;
}

function problemOf(file: string, issue: z.core.$ZodIssue): InputProblem {
  const path = jsonPath(issue.path);
  const input = (issue as { input?: unknown }).input;
  let expected: string;
  let found = describeValue(input);
  switch (issue.code) {
    case 'invalid_type':
      expected = issue.expected;
      break;
    case 'unrecognized_keys':
      expected = 'only the keys the format defines';
      found = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .slice(0, 5)
        .map(quoted)
        .join(', ')}${issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : ''}`;
      break;
    case 'invalid_value':
      expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}`;
      break;
    case 'too_small':
      expected =
        issue.origin === 'array' || issue.origin === 'string'
          ? `at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'items' : 'characters'}`
          : `a value >= ${String(issue.minimum)}`;
      if (issue.origin === 'array' && Array.isArray(input)) found = `${input.length} items`;
      break;
    case 'too_big':
      expected =
        issue.origin === 'array' || issue.origin === 'string'
          ? `at most ${String(issue.maximum)} ${issue.origin === 'array' ? 'items' : 'characters'}`
          : `a value <= ${String(issue.maximum)}`;
      break;
    case 'invalid_format':
      expected = issue.message ?? `a ${issue.format}`;
      break;
    case 'invalid_union':
      expected = 'one of the allowed forms';
      break;
    case 'custom': {
      // Our own refinements phrase the message as "expected X, found Y".
      const m = /^expected (.*?)(?:, found (.*))?$/.exec(issue.message);
      expected = m?.[1] ?? issue.message;
      found = m?.[2] ?? found;
      break;
    }
    default:
      expected = issue.message;
  }
  if (issue.code === 'invalid_type' && input === undefined) found = 'nothing (the key is missing)';
  return problemAt(file, path, expected, found);
}

/**
 * Parse `data` with `schema`, collecting every problem (at most `limit`).
 *
 * @example
 * const checked = validate(ReplaySchema, data, 'game.json');
 * if (!checked.ok) for (const p of checked.error) console.error(p.message);
 */
export function validate<T>(
  schema: z.ZodType<T>,
  data: unknown,
  file: string,
  limit = 20,
): Result<T, InputProblem[]> {
  // Checked before zod recurses into it: data from storage never went through parseJsonText.
  const shape = findShapeProblem(data);
  if (shape) return { ok: false, error: [shapeProblem(file, shape)] };
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  const problems = r.error.issues.map((i) => problemOf(file, i));
  return { ok: false, error: problems.slice(0, limit) };
}

/**
 * The problem for a value nested too deep or holding a `__proto__` key.
 *
 * @example
 * shapeProblem('x.json', { kind: 'proto', path: ['a', '__proto__'] }).message
 * // 'x.json: at $.a.__proto__: expected no key named "__proto__" (...), found one'
 */
export function shapeProblem(file: string, p: ShapeProblem): InputProblem {
  return p.kind === 'depth'
    ? problemAt(
        file,
        jsonPath(p.path),
        `objects and arrays nested at most ${MAX_JSON_DEPTH} levels deep`,
        'deeper nesting',
      )
    : problemAt(
        file,
        jsonPath(p.path),
        'no key named "__proto__" (objects cannot hold it: it would be dropped or change the object)',
        'one',
      );
}

/**
 * JSON.parse with a message that says where the text went wrong. Text nested deeper than
 * `MAX_JSON_DEPTH`, or with a `__proto__` key anywhere, is refused here, so every decoder built
 * on it (scenarios, replays, links, `run --json` output) is safe from both.
 *
 * @example
 * const parsed = parseJsonText(text, 'scenarios/two-front.json');
 * if (!parsed.ok) return { ok: false, error: [parsed.error] };
 */
export function parseJsonText(text: string, file: string): Result<unknown, InputProblem> {
  if (text.trim() === '') {
    return {
      ok: false,
      error: {
        file,
        path: '$',
        expected: 'a JSON document',
        found: 'an empty file',
        message: `${quoteSafe(file, MAX_PART)}: expected a JSON document, found an empty file`,
      },
    };
  }
  const deep = jsonDepthExceeded(text);
  if (deep !== null) {
    const where = lineColumn(text, deep);
    return {
      ok: false,
      error: problemAt(
        file,
        '$',
        `objects and arrays nested at most ${MAX_JSON_DEPTH} levels deep`,
        `deeper nesting at line ${where.line}, column ${where.column}`,
      ),
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (e) {
    // Engines quote a piece of the text in their message: outside text like any other.
    const detail = quoteSafe(e instanceof Error ? e.message : String(e), 160);
    // Engines differ in whether the message says where; find the place ourselves.
    const at = jsonErrorOffset(text);
    let where = '';
    let cut = '';
    if (at !== null) {
      const lc = lineColumn(text, at);
      where = ` at line ${lc.line}, column ${lc.column}`;
      // A download or copy that stopped early fails at its very end: say so, it is the fix.
      if (text.slice(at).trim() === '') cut = ' (the text ends before the JSON does: cut short?)';
    }
    return {
      ok: false,
      error: {
        file,
        path: '$',
        expected: 'valid JSON',
        found: `a syntax error${where} (${detail})${cut}`,
        message: `${quoteSafe(file, MAX_PART)}: expected valid JSON, found a syntax error${where}: ${detail}${cut}`,
      },
    };
  }
  const shape = findShapeProblem(value);
  if (shape) return { ok: false, error: shapeProblem(file, shape) };
  return { ok: true, value };
}

function lineColumn(text: string, at: number): { line: number; column: number } {
  const upto = text.slice(0, at);
  let line = 1;
  for (let i = upto.indexOf('\n'); i >= 0; i = upto.indexOf('\n', i + 1)) line++;
  return { line, column: upto.length - upto.lastIndexOf('\n') };
}

/**
 * The offset of the first syntax error in JSON text, or null if it parses: a small scanner, used
 * only after JSON.parse has failed, so messages can give a line and column in every engine.
 *
 * @example
 * jsonErrorOffset('{"a": }') // 6, the offset of the stray '}'
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const str = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') str();
    else if (c !== undefined && /[-0-9]/.test(c)) {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += m![0].length;
    } else {
      for (const lit of ['true', 'false', 'null'])
        if (text.startsWith(lit, i)) {
          i += lit.length;
          return;
        }
      fail();
    }
  };
  try {
    value();
    ws();
    return i < text.length ? i : null;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : null;
  }
}
