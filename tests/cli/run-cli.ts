import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/**
 * The command line as a person uses it: a real process through tsx, real files. Each invocation
 * costs about a second, so test files keep to a handful and run independent ones side by side.
 *
 * Exit codes: 0 success; 2 bad input, with a one-paragraph message and no stack trace; 1 a bug.
 */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Cli {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(...args: string[]): Promise<Cli> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** Exit 2, nothing on stdout, one paragraph on stderr with no stack frames, mentioning `words`. */
export function expectInputError(r: Cli, ...words: string[]): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const msg = r.stderr.trim();
  expect(msg.startsWith('error: '), msg).toBe(true);
  expect(msg).not.toMatch(/^\s+at /m);
  expect(msg).not.toContain('internal error');
  expect(msg, 'one paragraph: no blank lines').not.toContain('\n\n');
  for (const w of words) expect(msg).toContain(w);
}
