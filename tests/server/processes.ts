import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real `npm run serve` processes for the multi-process tests: `src/server/main.ts` started by
 * Node with tsx's loader (what `npx tsx` does, without npx's extra process), each on a free port
 * on loopback, configured only through its command line and environment as in production.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** The process itself (with `ipc`, its `send` and `message` reach it). */
  readonly child: ChildProcess;
  /** Everything it wrote (stdout and stderr), for a failing test's message. */
  output(): string;
  /** SIGTERM (a clean stop) or SIGKILL (a crash); resolves once it has exited. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

export interface ProcessOptions {
  /** Node's own flags, after tsx's loader and before the script (`--expose-gc`, `--import`). */
  readonly nodeFlags?: readonly string[];
  /** Open an IPC channel to the process (Node's `process.send` and `message` there). */
  readonly ipc?: boolean;
}

/** Start one server process and wait until it listens. */
export async function startProcess(
  name: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  opts: ProcessOptions = {},
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...['--import', 'tsx', ...(opts.nodeFlags ?? []), 'src/server/main.ts'],
      ...['--port', '0', '--host', '127.0.0.1', ...args],
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe', ...(opts.ipc ? (['ipc'] as const) : [])],
    },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`${name} did not listen in 60 s:\n${out}`)),
      60_000,
    );
    const look = (): void => {
      const m = /on port (\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', look);
      done(Number(m[1]));
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${name} exited (${code}) before listening:\n${out}`));
    });
  });
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const late = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(late);
    },
  };
}
