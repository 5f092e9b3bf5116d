import { writeFileSync } from 'node:fs';
import type { ReplayRecord } from '../sim/replay';
import { decodeReplayFile } from '../sim/replay-codec';
import type { Result } from '../sim/validation';
import { MAX_REPLAY_BYTES } from './limits';
import { loadReplayScenario } from './scenario-files';
import { jsonSafe, quoted } from './terminal';

/**
 * `run --replay <file>`: the record is written only if `verify` and the browser would open it,
 * so a file the CLI made is never one the game refuses.
 */

/**
 * A replay record as compact JSON: the pretty form of the browser's export is a third larger,
 * and a long game of a custom scenario (which carries the scenario) is near the size limit.
 */
export function replayText(record: ReplayRecord): string {
  return `${jsonSafe(JSON.stringify(record))}\n`;
}

/**
 * The text to write, or why it would not be read back: over the size limit, or refused by the
 * same decoder and scenario check `verify` uses.
 *
 * @example
 * const text = checkedReplayText(record, 'game.json');
 * if (text.ok) writeFileSync('game.json', text.value);
 */
export function checkedReplayText(record: ReplayRecord, file: string): Result<string, string> {
  const text = replayText(record);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_REPLAY_BYTES)
    return {
      ok: false,
      error: `the replay would be ${bytes} bytes, and the game and verify open at most ${MAX_REPLAY_BYTES}; nothing was written`,
    };
  const decoded = decodeReplayFile(text, file);
  if (!decoded.ok)
    return { ok: false, error: `the replay would not verify: ${decoded.error.message}` };
  const loaded = loadReplayScenario(decoded.value, file);
  if (!loaded.ok)
    return {
      ok: false,
      error: `the replay's scenario would not load: ${loaded.error[0]?.message ?? 'unknown problem'}`,
    };
  return { ok: true, value: text };
}

/** Why a write failed, in words: the error codes a person meets when naming a file. */
function writeProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** Write a replay file, or say in one line why it cannot be written. */
export function writeReplayFile(path: string, record: ReplayRecord): Result<void, string> {
  const text = checkedReplayText(record, path);
  if (!text.ok)
    return { ok: false, error: `cannot write the replay to ${quoted(path)}: ${text.error}` };
  try {
    writeFileSync(path, text.value);
    return { ok: true, value: undefined };
  } catch (e) {
    return { ok: false, error: `cannot write the replay to ${quoted(path)}: ${writeProblem(e)}` };
  }
}
