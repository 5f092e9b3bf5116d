import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The real classroom server (`src/server/main.ts`) for the browser tests: spawned on the built game
 * (`dist/`, no build of its own) with its store in `data`, on 127.0.0.1:`port`. Resolves once it
 * prints the facilitator's link (rewritten to the loopback address); `stop` ends its whole process
 * group (npx, tsx and node), with SIGKILL for a crash.
 */
export interface Server {
  proc: ChildProcess;
  facilitatorUrl: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startClassroomServer(data: string, port: number): Promise<Server> {
  const base = `http://127.0.0.1:${port}`;
  const proc = spawn(
    'npx',
    ['tsx', 'src/server/main.ts', '--port', String(port), '--host', '127.0.0.1'].concat([
      '--data',
      data,
      '--dist',
      'dist',
      '--no-build',
    ]),
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${out}`)), 60_000);
    const read = (b: Buffer): void => {
      out += b.toString();
      const m = /Facilitator[^:]*: (\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      proc.stdout!.off('data', read);
      resolve({
        proc,
        facilitatorUrl: m[1]!.replace(/^http:\/\/[^/]+/, base),
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (proc.exitCode !== null) return done();
            proc.once('exit', () => done());
            // The whole group: npx, tsx and node.
            process.kill(-proc.pid!, signal);
          }),
      });
    };
    proc.stdout!.on('data', read);
    proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    proc.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
}
