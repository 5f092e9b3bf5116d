import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEngine, toReplay } from '../../src/engine/run';
import { MAX_REPLAY_BYTES, MAX_SEED_CHARS, MAX_TURN_LIMIT } from '../../src/cli/limits';
import { checkedReplayText, writeReplayFile } from '../../src/cli/replay-out';
import { loadScenarioFile } from '../../src/cli/scenario-files';
import type { ReplayRecord } from '../../src/sim/replay';
import { MAX_FILE_BYTES } from '../../src/sim/replay-codec';
import { parseReplayText } from '../../src/sim/replay';
import { defaultLevers } from '../../src/sim/setup';

/**
 * `run --replay` writes only what `verify` and the browser open: compact JSON under the size
 * limit both enforce, checked by the same decoder before a byte reaches the disk.
 */

const loaded = loadScenarioFile('two-front');
if (!loaded.ok) throw new Error('two-front does not load');
const opts = { seed: 'out', levers: defaultLevers(loaded.value.scenario), turns: 2 };
const record: ReplayRecord = toReplay(loaded.value, opts, runEngine(loaded.value.scenario, opts));

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'second-front-replay-out-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the limits', () => {
  it('are the replay schema’s and the browser’s', () => {
    expect(MAX_SEED_CHARS).toBe(100);
    expect(MAX_TURN_LIMIT).toBe(200);
    expect(MAX_REPLAY_BYTES).toBe(MAX_FILE_BYTES);
  });
});

describe('checkedReplayText', () => {
  it('is one line of JSON that parses back to the record', () => {
    const text = checkedReplayText(record, 'g.json');
    if (!text.ok) throw new Error(text.error);
    expect(text.value.trimEnd()).not.toContain('\n');
    const back = parseReplayText(text.value, 'g.json');
    expect(back.ok && back.value).toEqual(record);
  });

  it('refuses a record over the size limit', () => {
    const big = { ...record, scenario: { pad: 'x'.repeat(MAX_REPLAY_BYTES) } };
    const text = checkedReplayText(big, 'big.json');
    expect(text.ok).toBe(false);
    if (!text.ok) {
      expect(text.error).toContain(`at most ${MAX_REPLAY_BYTES}`);
      expect(text.error).toContain('nothing was written');
    }
  });

  it('refuses a record verify would refuse', () => {
    const text = checkedReplayText({ ...record, seed: 's'.repeat(101) }, 'seed.json');
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.error).toMatch(/would not verify: .*\$\.seed/);
  });

  it('refuses a record whose carried scenario does not load', () => {
    const text = checkedReplayText({ ...record, scenario: { id: 'two-front' } }, 'sc.json');
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.error).toContain("the replay's scenario would not load");
  });
});

describe('writeReplayFile', () => {
  it('writes the checked text, or says in one line why it cannot', () => {
    const file = join(dir, 'ok.json');
    expect(writeReplayFile(file, record)).toEqual({ ok: true, value: undefined });
    const back = parseReplayText(readFileSync(file, 'utf8'), file);
    expect(back.ok).toBe(true);
    const noDir = writeReplayFile(join(dir, 'missing', 'x.json'), record);
    expect(noDir).toEqual({
      ok: false,
      error: `cannot write the replay to "${join(dir, 'missing', 'x.json')}": its folder does not exist`,
    });
    const isDir = writeReplayFile(dir, record);
    expect(isDir.ok).toBe(false);
    if (!isDir.ok) expect(isDir.error).toContain('it is a folder');
  });
});
