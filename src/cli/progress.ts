/**
 * Batch progress on stderr. On a terminal one line is redrawn in place with `\r`. On a pipe or
 * a file `\r` would pile every update onto one very long line, so there the reporter writes a
 * whole line (ending in `\n`) at each tenth of the batch: a log of a ten-minute batch shows it is
 * moving, and never more than ten lines however many runs there are.
 */

/** The part of a stream the reporter needs (`process.stderr` or a test's stand-in). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): boolean;
}

export interface ProgressReporter {
  update(done: number, total: number): void;
  /** Ends the redrawn line on a terminal; nothing to do on a pipe. */
  end(): void;
}

/**
 * A progress reporter for `out`, in place on a terminal, a line per tenth otherwise.
 *
 * @example
 * const progress = progressReporter(process.stderr);
 * await runBatch({ ...opts, onProgress: progress.update });
 * progress.end();
 */
export function progressReporter(out: ProgressStream): ProgressReporter {
  const tty = out.isTTY === true;
  let drawn = false;
  let lastTenth = 0;
  return {
    update(done, total) {
      if (tty) {
        out.write(`\r${done}/${total} runs`);
        drawn = true;
        return;
      }
      const tenth = total > 0 ? Math.floor((done * 10) / total) : 10;
      if (tenth <= lastTenth) return;
      lastTenth = tenth;
      out.write(`${done}/${total} runs (${Math.floor((done * 100) / total)}%)\n`);
    },
    end() {
      if (drawn) out.write('\n');
      drawn = false;
    },
  };
}
