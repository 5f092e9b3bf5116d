import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEntry, formatLevers } from '../../src/cli/format';
import { jsonSafe, safeBlock } from '../../src/cli/terminal';
import { loadScenarioFile } from '../../src/cli/scenario-files';
import type { LogEntry } from '../../src/sim/log';
import { ROOT, cli, expectInputError, type Cli } from './run-cli';

/**
 * A custom scenario file is outside input, and the CLI prints its names, briefings and event
 * titles. An escape sequence there (`ESC [2J` clears the screen; C1 `CSI` U+009B does the same on
 * some terminals) must come out as visible text, in the log, in `--json`, in `levers` and in
 * error messages, which also quote input and are cut when long.
 */

const ESC = '\u001b';
const CSI = '\u009b';

/** No byte that starts a terminal control sequence, anywhere the process wrote. */
function expectNoControls(r: Cli): void {
  for (const out of [r.stdout, r.stderr]) {
    expect(out.includes(ESC), out.slice(0, 200)).toBe(false);
    expect(out.includes(CSI)).toBe(false);
    expect(out.includes('\u202e')).toBe(false);
  }
}

let dir = '';
let evil = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'second-front-escape-'));
  // A whole scenario (an `extends` would replace the events array, and we want its first event,
  // which fires on turn 1, to carry the sequence).
  const sc = JSON.parse(readFileSync(join(ROOT, 'scenarios/two-front.json'), 'utf8')) as {
    id: string;
    name: string;
    summary: string;
    events: { title: string; text: string }[];
    levers: Record<string, { meaning: string }>;
  };
  sc.id = 'escape-test';
  sc.name = `Clear${ESC}[2J name`;
  sc.summary = `Summary ${CSI}2J\u202e reversed\nfake line`;
  sc.events[0]!.title = `Clear ${ESC}[2J screen`;
  sc.events[0]!.text = `Retitle ${ESC}]0;pwned\u0007 the window`;
  sc.levers['usIntervention']!.meaning = `Red ${ESC}[31m text`;
  evil = join(dir, 'escape-test.json');
  writeFileSync(evil, JSON.stringify(sc));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a custom scenario with escape sequences', () => {
  it('is printed with the sequences visible, never raw: run, run --json, levers', async () => {
    const [text, json, levers] = await Promise.all([
      cli('run', '--scenario', evil, '--seed', '42', '--turns', '1'),
      cli('run', '--scenario', evil, '--seed', '42', '--turns', '1', '--json'),
      cli('levers', '--scenario', evil),
    ]);
    for (const r of [text, json, levers]) {
      expect(r.code, r.stderr).toBe(0);
      expectNoControls(r);
    }
    expect(text.stdout).toContain('Clear\\x1b[2J name');
    expect(text.stdout).toContain('Clear \\x1b[2J screen');
    expect(text.stdout).toContain('\\x1b]0;pwned\\x07');
    // The summary's newline does not start a line of its own.
    expect(text.stdout).toContain('\\x9b2J\\u202e reversed\\nfake line');
    expect(text.stdout.split('\n')).not.toContain('fake line');
    expect(levers.stdout).toContain('Red \\x1b[31m text');
    // --json stays JSON with the same values, written with escapes.
    const out = JSON.parse(json.stdout) as { log: { text: string }[] };
    expect(out.log.some((e) => e.text.includes(`Clear ${ESC}[2J screen`))).toBe(true);
  });

  it('error messages quoting input are escaped and cut', async () => {
    const [path, long] = await Promise.all([
      cli('run', '--scenario', join(dir, `no${ESC}[2Jsuch.json`), '--seed', '1'),
      cli('run', '--scenario', 'two-front', '--seed', '1', '--set', `nukes${'x'.repeat(20_000)}=1`),
    ]);
    expectInputError(path, 'no\\x1b[2Jsuch.json', 'no such file');
    expectNoControls(path);
    expectInputError(long, 'unknown lever', '(20005 characters)');
    expect(long.stderr.length).toBeLessThan(600);
  });
});

describe('the printing functions', () => {
  const loaded = loadScenarioFile('two-front');
  if (!loaded.ok) throw new Error('two-front does not load');
  const sc = loaded.value.scenario;

  it('formatEntry escapes an entry’s text and keeps it on its line', () => {
    const entry = {
      type: 'inject',
      turn: 1,
      hour: 0,
      text: `a${ESC}[2Jb\nc${CSI}d`,
    } as unknown as LogEntry;
    const line = formatEntry(sc, entry);
    expect(line).toBe('    ✉ a\\x1b[2Jb\\nc\\x9bd');
  });

  it('formatEntry cuts a line no valid scenario makes', () => {
    const entry = { type: 'inject', turn: 1, hour: 0, text: 'x'.repeat(50_000) } as LogEntry;
    const line = formatEntry(sc, entry);
    expect(line.length).toBeLessThan(5100);
    expect(line).toMatch(/… \(50006 characters\)$/);
  });

  it('formatLevers prints bundled meanings unchanged', () => {
    expect(formatLevers(sc)).toContain(sc.levers.usIntervention.meaning);
  });

  it('safeBlock keeps the message’s own lines, escapes the rest and cuts long lines', () => {
    expect(safeBlock(`one\ntwo${ESC}[2J`)).toBe('one\ntwo\\x1b[2J');
    const cut = safeBlock(`${'y'.repeat(2000)}\nshort`);
    expect(cut.split('\n')[0]).toMatch(/^y{400}… \(2000 characters\)$/);
    expect(cut.split('\n')[1]).toBe('short');
    const many = safeBlock(Array.from({ length: 100 }, (_, i) => `l${i}`).join('\n'));
    expect(many.split('\n')).toHaveLength(31);
    expect(many.endsWith('...and 70 more lines')).toBe(true);
  });

  it('jsonSafe leaves the JSON value unchanged and no raw C1, separator or bidi character', () => {
    const value = { t: `a${CSI}b\u2028c\u202ed\u007fe${ESC}f` };
    const safe = jsonSafe(JSON.stringify(value));
    expect(JSON.parse(safe)).toEqual(value);
    expect(safe.includes(ESC)).toBe(false);
    expect(safe).not.toMatch(/[\u007f-\u009f\u2028\u202e]/);
  });
});
