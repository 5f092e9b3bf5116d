import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli';
import { Client, fixtureDist, removeDir } from './harness';

/**
 * `npm run serve` as a person starts it: `--help`, then a real process on a free port that
 * answers /api/health, prints the facilitator's link with the key it keeps in the data folder
 * (the same key on the next start), prints the students' join link and a QR code when a session
 * is created, and stops cleanly on SIGTERM. `--no-build` and a fixture `--dist` keep Vite out of
 * it (building the game takes longer than the rest of the server tests).
 */

const dir = mkdtempSync(join(tmpdir(), 'sf-serve-'));
afterAll(() => removeDir(dir));

/** Start the server; resolves once it printed its facilitator link. */
function serve(): Promise<{ child: ChildProcess; out: () => string; port: number; key: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/server/main.ts',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      join(dir, 'data'),
      '--dist',
      fixtureDist(dir),
      '--no-build',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no link printed:\n${out}`)), 30_000);
    const look = (): void => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/#facilitate=([A-Za-z0-9_-]{43})/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', look);
      resolve({ child, out: () => out, port: Number(m[1]), key: m[2]! });
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('npm run serve', () => {
  it('--help says what it does and every option', async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile('npm', ['run', '--silent', 'serve', '--', '--help'], { cwd: ROOT }, (err, stdout) =>
        err ? reject(err) : resolve(stdout),
      ),
    );
    for (const flag of [
      '--port',
      '--host',
      '--data',
      '--dist',
      '--no-build',
      '--join-limit',
      '--help',
    ])
      expect(out).toContain(flag);
    expect(out).toMatch(/default 8080/);
    expect(out).toMatch(/default \.\/data/);
  });

  it('starts, answers /api/health, prints the links and a QR code, and keeps its key', async () => {
    const first = await serve();
    const health = await fetch(`http://127.0.0.1:${first.port}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true, sessions: 0 });
    const keyFile = join(dir, 'data', 'facilitator.key');
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(first.key);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    const control = await Client.connect(`http://127.0.0.1:${first.port}`);
    const code = await control.create(first.key, { title: 'Room 12' });
    const joinLine = new RegExp(
      `Students join at http://127\\.0\\.0\\.1:${first.port}/#join=${code}`,
    );
    await control.until(
      () => joinLine.test(first.out()) && /[▀▄█]/.test(first.out()),
      'the join link',
    );
    // The join link carries the code only: no key of any kind.
    expect(first.out().match(/#join=\S+/)![0]).toBe(`#join=${code}`);
    control.close();
    expect(await stop(first.child)).toBe(0);

    const second = await serve();
    expect(second.key).toBe(first.key);
    const again = await fetch(`http://127.0.0.1:${second.port}/api/health`);
    expect(await again.json()).toMatchObject({ ok: true, sessions: 1 });
    expect(await stop(second.child)).toBe(0);
  }, 60_000);
});
