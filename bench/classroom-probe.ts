/**
 * Loaded (`--import`) into the classroom server that `bench/classroom-load.ts` forks, before
 * `src/server/main.ts`: over the fork's IPC channel, and nowhere else, it answers `memory` with the
 * server process's `process.memoryUsage()` and CPU time, after a full garbage collection when the
 * process was started with `--expose-gc`. Nothing is added to the server itself or to what it
 * serves.
 */

process.on('message', (m: unknown) => {
  if (m !== 'memory' || !process.send) return;
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: the first pass may leave what only a second can free (weak references, finalizers).
  gc?.();
  gc?.();
  process.send({ memory: process.memoryUsage(), cpu: process.cpuUsage(), collected: !!gc });
});

// The bench gone (finished or killed): stop as `npm run serve` does on Ctrl-C, leaving no server.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
