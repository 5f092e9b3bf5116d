import { MAX_FILE_BYTES } from '../sim/replay-codec';
import type { ReplayRecord } from '../sim/replay';
import type { InputProblem, Result } from '../sim/validation';

/**
 * Files in and out of the browser. Reading checks the size before a byte is read (a 2 GB file
 * dropped by mistake must not freeze the tab); writing goes through a Blob download.
 */

/**
 * The text of a file the player opened or dropped, or why it cannot be read.
 *
 * @example
 * const text = await readFileText(input.files[0]);
 * if (!text.ok) notice(text.error.message);
 */
export async function readFileText(file: File): Promise<Result<string, InputProblem>> {
  const fail = (expected: string, found: string): Result<string, InputProblem> => ({
    ok: false,
    error: {
      file: file.name,
      path: '$',
      expected,
      found,
      message: `${file.name}: expected ${expected}, found ${found}`,
    },
  });
  if (file.size > MAX_FILE_BYTES)
    return fail(
      `a file of at most ${MAX_FILE_BYTES / (1024 * 1024)} MB`,
      `${(file.size / (1024 * 1024)).toFixed(1)} MB (too large to be a Second Front replay or scenario)`,
    );
  try {
    return { ok: true, value: await file.text() };
  } catch (e) {
    return fail('a readable file', e instanceof Error ? e.message : String(e));
  }
}

/** Offer text as a file download (JSON unless `type` says otherwise). */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name that says what the replay is: `two-front-seed-abc123-t12.json`. */
export function replayFileName(record: ReplayRecord): string {
  const safe = (s: string): string => s.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40);
  const fork = record.parent ? `-fork${record.parent.turn}` : '';
  return `${safe(record.scenarioId)}-seed-${safe(record.seed)}${fork}-t${record.turnHashes.length}.json`;
}

/**
 * Ask for one file with the browser's own picker (for a question the app asks, not the general
 * Open button). Resolves with null when the picker is dismissed.
 */
export function pickFile(accept = '.json,application/json'): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}
