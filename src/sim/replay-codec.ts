import { quoteSafe } from './safe-text';
import LZString from 'lz-string';
import { hashString } from './hash';
import { parseJsonText, problemAt, type InputProblem, type Result } from './validation';
import { REPLAY_FORMAT, REPLAY_FORMAT_VERSION, parseReplayText, type ReplayRecord } from './replay';

/**
 * Replay files and share links: the two ways a replay leaves the game and comes back. Both are
 * outside input on the way back in, so decoding never throws and every failure is one
 * `InputProblem` that names the file (or link), where the problem is and what was found.
 *
 * A file is the record as pretty JSON. A link carries the record's JSON compressed with lz-string
 * (URI-safe alphabet) in the URL fragment, behind a version tag and followed by a check:
 * `#replay=1.<payload>.<check>`. The fragment never reaches a server, so a shared game stays
 * between the people who share it.
 *
 * The check (8 hex digits of the payload's hash) is there because lz-string has none of its own:
 * most single-character changes to a payload still decompress, often to valid JSON, and would
 * surface later as a baffling "state hash differs at turn 1" instead of "this link is damaged".
 * Placed last, it also makes a link cut short recognisable as such.
 */

/** The largest file the game reads (bad input must not exhaust memory). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/**
 * The longest share link fragment we make. Chat tools and mail clients cut longer URLs; a replay
 * that does not fit (a long game of a custom scenario, whose record embeds the scenario) is
 * offered as a file instead.
 */
export const MAX_LINK_CHARS = 16_000;
/** The fragment key and version of share links. */
export const LINK_PREFIX = '#replay=';
export const LINK_VERSION = '1';
/** How many hex digits of the payload's hash a link ends with. */
const CHECK_DIGITS = 8;

function linkCheck(payload: string): string {
  return hashString(payload).slice(0, CHECK_DIGITS);
}

/** What a dropped or opened file turned out to be. */
export type OpenedFile =
  | { readonly kind: 'replay'; readonly record: ReplayRecord }
  | { readonly kind: 'scenario'; readonly data: Record<string, unknown>; readonly text: string };

const problem = problemAt;

/**
 * A replay record as the text of a `.json` file.
 *
 * @example
 * download(`${record.scenarioId}-${record.seed}.json`, encodeReplayFile(record));
 */
export function encodeReplayFile(record: ReplayRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/**
 * Decode a replay file: the record itself, or the JSON output of `npm run sim -- run --json`
 * (which carries one under `replay`).
 *
 * @example
 * const r = decodeReplayFile(await file.text(), file.name);
 * if (!r.ok) showError(r.error.message);
 */
export function decodeReplayFile(text: string, file: string): Result<ReplayRecord, InputProblem> {
  const opened = decodeOpenedFile(text, file);
  if (!opened.ok) return opened;
  if (opened.value.kind !== 'replay')
    return {
      ok: false,
      error: problem(
        file,
        '$.format',
        `"${REPLAY_FORMAT}" (a Second Front replay file)`,
        'a scenario file (load it as a scenario instead)',
      ),
    };
  return { ok: true, value: opened.value.record };
}

/**
 * Decode any file the game opens: a replay (or `run --json` output) or a scenario. The kind is
 * read from `format`; anything else is refused with one sentence, not a page of missing keys.
 * The scenario's contents are validated later, against the bundled scenarios it may extend.
 *
 * @example
 * const r = decodeOpenedFile(text, 'game.json');
 * if (r.ok && r.value.kind === 'replay') openViewer(r.value.record);
 */
export function decodeOpenedFile(text: string, file: string): Result<OpenedFile, InputProblem> {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  let data = parsed.value;
  let wrapped = false;
  if (isObject(data) && !('format' in data) && 'replay' in data) {
    data = data['replay'];
    wrapped = true;
  }
  if (!isObject(data))
    return {
      ok: false,
      error: problem(
        file,
        wrapped ? '$.replay' : '$',
        'a Second Front replay or scenario (a JSON object)',
        Array.isArray(data) ? 'an array' : describeScalar(data),
      ),
    };
  const format = data['format'];
  if (format === 'second-front-scenario' || (!wrapped && format === undefined && 'extends' in data))
    return { ok: true, value: { kind: 'scenario', data, text } };
  if (format !== REPLAY_FORMAT)
    return {
      ok: false,
      error: problem(
        file,
        wrapped ? '$.replay.format' : '$.format',
        `"${REPLAY_FORMAT}" or "second-front-scenario" (a Second Front replay or scenario file)`,
        format === undefined ? 'no "format" key' : JSON.stringify(format).slice(0, 60),
      ),
    };
  const record = parseReplayText(wrapped ? JSON.stringify(data) : text, file);
  if (!record.ok) {
    const p = record.error[0]!;
    return { ok: false, error: wrapped ? underReplayKey(p) : p };
  }
  return { ok: true, value: { kind: 'replay', record: record.value } };
}

/**
 * A problem in the record inside `run --json` output, located in that file: `$.seed` there is
 * the run's own seed, so a problem in the record's must say `$.replay.seed`.
 */
function underReplayKey(p: InputProblem): InputProblem {
  const path = `$.replay${p.path.slice(1)}`;
  return { ...p, path, message: p.message.replace(`at ${p.path}:`, `at ${path}:`) };
}

/**
 * The fragment of a share link (`#replay=1.…`), or a problem when it would be too long to share
 * as a link (the caller offers a file instead).
 *
 * @example
 * const link = encodeShareLink(record);
 * if (link.ok) navigator.clipboard.writeText(location.origin + location.pathname + link.value);
 */
export function encodeShareLink(record: ReplayRecord): Result<string, InputProblem> {
  const body = LZString.compressToEncodedURIComponent(JSON.stringify(record));
  const fragment = `${LINK_PREFIX}${LINK_VERSION}.${body}.${linkCheck(body)}`;
  if (fragment.length > MAX_LINK_CHARS) {
    const expected = `a replay that compresses to at most ${MAX_LINK_CHARS.toLocaleString('en')} characters`;
    const found = `${fragment.length.toLocaleString('en')} characters${record.scenario ? ' (the record carries its custom scenario)' : ''}`;
    return {
      ok: false,
      error: {
        file: 'share link',
        path: '$',
        expected,
        found,
        message: `This replay is too long for a share link: ${found}, and a link holds at most ${MAX_LINK_CHARS.toLocaleString('en')}. Share it as a file instead.`,
      },
    };
  }
  return { ok: true, value: fragment };
}

/** Whether a URL fragment is a share link at all (as opposed to no fragment, or another one). */
export function isShareLink(hash: string): boolean {
  return hash.startsWith(LINK_PREFIX);
}

/**
 * Decode a share link's fragment back into a replay record. A cut, altered or foreign link is a
 * problem with a message, never an exception.
 *
 * @example
 * if (isShareLink(location.hash)) {
 *   const r = decodeShareLink(location.hash);
 *   r.ok ? openViewer(r.value) : showError(r.error.message);
 * }
 */
export function decodeShareLink(hash: string): Result<ReplayRecord, InputProblem> {
  const where = 'share link';
  const refuse = (expected: string, found: string, message: string) => ({
    ok: false as const,
    error: { file: where, path: '$', expected, found, message },
  });
  const fail = (expected: string, found: string): Result<ReplayRecord, InputProblem> =>
    refuse(
      expected,
      found,
      `This share link is damaged or incomplete: expected ${expected}, found ${found}. Ask for the link again, or for the replay as a file.`,
    );
  if (!isShareLink(hash))
    return fail(`a link starting "${LINK_PREFIX}"`, describeScalar(hash.slice(0, 20)));
  const rest = hash.slice(LINK_PREFIX.length);
  const dot = rest.indexOf('.');
  const version = dot < 0 ? '' : rest.slice(0, dot);
  if (dot < 0 || !/^\d{1,6}$/.test(version))
    return fail('a version number then a dot', describeScalar(rest.slice(0, 12)));
  if (version !== LINK_VERSION)
    return refuse(
      `link version ${LINK_VERSION}`,
      `version ${version}`,
      `This share link was made by a ${Number(version) > Number(LINK_VERSION) ? 'newer' : 'different'} Second Front (link version ${version}); this version reads link version ${LINK_VERSION}.`,
    );
  // Nothing we make is longer, and lz-string can inflate a crafted payload about quadratically,
  // so a longer one is refused before it is decompressed.
  if (rest.length > MAX_LINK_CHARS)
    return fail(
      `at most ${MAX_LINK_CHARS.toLocaleString('en')} characters`,
      `${rest.length.toLocaleString('en')}`,
    );
  const end = rest.lastIndexOf('.');
  const body = rest.slice(dot + 1, end > dot ? end : undefined);
  const check = end > dot ? rest.slice(end + 1) : '';
  if (!/^[A-Za-z0-9+\-$]*$/.test(body) || !/^[0-9a-f]*$/.test(check))
    return fail(
      'only the characters a share link uses',
      'other characters (was it cut or edited?)',
    );
  if (body === '' || check.length !== CHECK_DIGITS)
    return fail(
      `a compressed replay and its ${CHECK_DIGITS}-digit check`,
      'the link cut short (its end is missing)',
    );
  if (linkCheck(body) !== check)
    return fail(
      'a compressed replay that matches its check digits',
      'one that does not (a character was changed or lost)',
    );
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(body);
  } catch {
    json = null;
  }
  if (json === null || json === '')
    return fail('a compressed replay', 'data that does not decompress');
  const parsed = parseReplayText(json, where);
  if (!parsed.ok) {
    const p = parsed.error[0]!;
    // The check digits matched, so the link arrived whole: a record this version cannot read
    // was made by a newer game, not damaged on the way.
    if (p.path === '$.formatVersion' && Number(p.found) > REPLAY_FORMAT_VERSION)
      return refuse(
        p.expected,
        p.found,
        `This share link was made by a newer Second Front (replay format ${p.found}); this version cannot open it.`,
      );
    return fail(`a replay record (${p.path}: ${p.expected})`, p.found);
  }
  return { ok: true, value: parsed.value };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function describeScalar(v: unknown): string {
  return quoteSafe(JSON.stringify(v) ?? String(v), 40);
}
