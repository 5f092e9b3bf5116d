import { describe, expect, it } from 'vitest';
import { progressReporter, type ProgressStream } from '../../src/cli/progress';

/**
 * Batch progress: redrawn in place on a terminal; on a pipe, whole lines at each tenth, so a log
 * file gets at most ten lines and no carriage returns however long the batch.
 */

function stream(isTTY: boolean): ProgressStream & { text: string } {
  return {
    isTTY,
    text: '',
    write(t: string) {
      this.text += t;
      return true;
    },
  };
}

describe('progressReporter', () => {
  it('redraws one line with \\r on a terminal and ends it with a newline', () => {
    const out = stream(true);
    const p = progressReporter(out);
    p.update(1, 3);
    p.update(3, 3);
    p.end();
    expect(out.text).toBe('\r1/3 runs\r3/3 runs\n');
  });

  it('writes at most a line per tenth on a pipe, never \\r', () => {
    const out = stream(false);
    const p = progressReporter(out);
    for (let done = 1; done <= 1000; done++) p.update(done, 1000);
    p.end();
    expect(out.text).not.toContain('\r');
    const lines = out.text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('100/1000 runs (10%)');
    expect(lines[9]).toBe('1000/1000 runs (100%)');
  });

  it('on a pipe, a small batch gets a line per update that crosses a tenth', () => {
    const out = stream(false);
    const p = progressReporter(out);
    p.update(4, 6);
    p.update(6, 6);
    p.end();
    expect(out.text).toBe('4/6 runs (66%)\n6/6 runs (100%)\n');
  });
});
