import type { z } from 'zod';

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

/**
 * One problem at a place in a file, with the message a person reads.
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
  return {
    file,
    path,
    expected,
    found,
    message: `${file}: at ${path}: expected ${expected}, found ${found}`,
  };
}

/**
 * `$`, `$.a.b[3]`, with odd keys quoted.
 *
 * @example
 * jsonPath(['regions', 'estonia', 'adjacent', 2]) // '$.regions.estonia.adjacent[2]'
 */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_][\w-]*$/.test(p)) out += `.${p}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
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
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
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
      found = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
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
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  const problems = r.error.issues.map((i) => problemOf(file, i));
  return { ok: false, error: problems.slice(0, limit) };
}

/**
 * JSON.parse with a message that says where the text went wrong.
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
        message: `${file}: expected a JSON document, found an empty file`,
      },
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    // Engines differ in whether the message says where; find the place ourselves.
    const at = jsonErrorOffset(text);
    let where = '';
    let cut = '';
    if (at !== null) {
      const upto = text.slice(0, at);
      const line = upto.split('\n').length;
      const col = upto.length - upto.lastIndexOf('\n');
      where = ` at line ${line}, column ${col}`;
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
        message: `${file}: expected valid JSON, found a syntax error${where}: ${detail}${cut}`,
      },
    };
  }
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
