import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplayRecord } from '../../src/sim/replay';
import { cli, expectInputError } from './run-cli';

/**
 * What the command line accepts is bounded by what reads its output back: `verify` and the
 * browser hold a replay to 1..100 seed characters and at most 200 turns, and a game cannot run
 * past its scenario's calendar. Bad bounds, unknown levers, lever values `Number()` would have
 * coerced and an unwritable `--replay` are all exit 2 with a one-paragraph message; `--help`
 * works for every command.
 */

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'second-front-bounds-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const RUN = ['run', '--scenario', 'two-front'] as const;

describe('--turns and --seed', () => {
  it('refuses turns outside 1..maxTurns and anything but digits', async () => {
    const custom = join(dir, 'long-war.json');
    writeFileSync(
      custom,
      JSON.stringify({ extends: 'two-front', id: 'long-war', calendar: { maxTurns: 40 } }),
    );
    const [over, huge, zero, hex, exp, customOver] = await Promise.all([
      cli(...RUN, '--seed', '1', '--turns', '300'),
      cli(...RUN, '--seed', '1', '--turns', '1000000'),
      cli(...RUN, '--seed', '1', '--turns', '0'),
      cli(...RUN, '--seed', '1', '--turns', '0x3'),
      cli(...RUN, '--seed', '1', '--turns', '1e1'),
      cli('run', '--scenario', custom, '--seed', '1', '--turns', '41'),
    ]);
    expectInputError(over, '--turns', '1..26', '"300"');
    expectInputError(huge, '--turns', '1..26', '"1000000"');
    expectInputError(zero, '--turns', '"0"');
    expectInputError(hex, '--turns', '"0x3"');
    expectInputError(exp, '--turns', '"1e1"');
    expectInputError(customOver, '--turns', '1..40', '"41"');
  });

  it('refuses a seed a replay cannot carry; the longest one allowed makes a replay that verifies', async () => {
    const file = join(dir, 'long-seed.json');
    const longest = 's'.repeat(100);
    const [tooLong, ok, batchBase] = await Promise.all([
      cli(...RUN, '--seed', 's'.repeat(101), '--turns', '1', '--replay', join(dir, 'no.json')),
      cli(...RUN, '--seed', longest, '--turns', '1', '--replay', file),
      // Run 9 of 10 would have the seed <98 characters>-9: 100 is the limit, 101 is over.
      cli('batch', '--scenario', 'two-front', '--runs', '10', '--seed-base', 'b'.repeat(99)),
    ]);
    expectInputError(tooLong, '--seed', '1..100', '101');
    expect(existsSync(join(dir, 'no.json'))).toBe(false);
    expect(ok.code, ok.stderr).toBe(0);
    expectInputError(batchBase, 'seed base', '1..98', '10 runs', 'found 99');
    const verified = await cli('verify', file);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('match: 1 turns');
  });
});

describe('--set', () => {
  it('refuses unknown lever names, prototype keys included, naming the lever and listing the known ones', async () => {
    const [proto, ctor, dup] = await Promise.all([
      cli(...RUN, '--seed', '1', '--set', '__proto__=1'),
      cli(...RUN, '--seed', '1', '--set', 'constructor=1'),
      cli(
        ...RUN,
        '--seed',
        '1',
        '--set',
        'article5Credibility=0.2',
        '--set',
        'article5Credibility=0.9',
      ),
    ]);
    expectInputError(proto, 'unknown lever "__proto__"', 'article5Credibility', 'russiaCourse');
    expectInputError(ctor, 'unknown lever "constructor"', 'article5Credibility', 'russiaCourse');
    expectInputError(dup, 'article5Credibility twice');
  });

  it('reads only plain decimal numbers, naming the lever and the bad value', async () => {
    const [hex, spaced, exp, empty, plain] = await Promise.all([
      cli(...RUN, '--seed', '1', '--set', 'article5Credibility=0x1'),
      cli(...RUN, '--seed', '1', '--set', 'article5Credibility= 0.5'),
      cli(...RUN, '--seed', '1', '--set', 'balticForwardBrigades=1e1'),
      cli(...RUN, '--seed', '1', '--set', 'article5Credibility='),
      cli(...RUN, '--seed', '1', '--turns', '1', '--set', 'article5Credibility=0.5', '--json'),
    ]);
    expectInputError(hex, 'article5Credibility', '"0x1"');
    expectInputError(spaced, 'article5Credibility', '" 0.5"');
    expectInputError(exp, 'balticForwardBrigades', '"1e1"');
    expectInputError(empty, 'article5Credibility', '""');
    expect(plain.code, plain.stderr).toBe(0);
    const out = JSON.parse(plain.stdout) as { levers: Record<string, unknown> };
    expect(out.levers['article5Credibility']).toBe(0.5);
  });
});

describe('--replay', () => {
  it('an unwritable path is exit 2 with one line, and no output', async () => {
    const [noDir, isDir] = await Promise.all([
      cli(...RUN, '--seed', '1', '--turns', '1', '--replay', '/nonexistent/x.json'),
      cli(...RUN, '--seed', '1', '--turns', '1', '--replay', dir),
    ]);
    expectInputError(noDir, 'cannot write the replay to "/nonexistent/x.json"', 'does not exist');
    expect(noDir.stderr.trim().split('\n')).toHaveLength(1);
    expectInputError(isDir, 'cannot write the replay', 'it is a folder');
    expect(isDir.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('is written as one line of compact JSON', async () => {
    const file = join(dir, 'compact.json');
    const r = await cli(...RUN, '--seed', 'c', '--turns', '3', '--replay', file);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd()).not.toContain('\n');
    const record = JSON.parse(text) as ReplayRecord;
    expect(record.seed).toBe('c');
    expect(record.turnLimit).toBe(3);
    expect(record.turnHashes).toHaveLength(3);
  });
});

describe('--help', () => {
  it('prints each command’s own usage and exits 0', async () => {
    const commands = ['run', 'batch', 'verify', 'scenarios', 'levers'] as const;
    const long = await Promise.all(commands.map((c) => cli(c, '--help')));
    const short = await Promise.all(commands.map((c) => cli(c, '-h')));
    const [viaHelp, top] = await Promise.all([cli('help', 'batch'), cli('--help')]);
    commands.forEach((c, i) => {
      for (const r of [long[i]!, short[i]!]) {
        expect(r.code, `${c}: ${r.stderr}`).toBe(0);
        expect(r.stderr).toBe('');
        expect(r.stdout.startsWith(`npm run sim -- ${c}`), r.stdout).toBe(true);
      }
    });
    expect(long[0]!.stdout).toContain('--turns');
    expect(long[1]!.stdout).toContain('--threads');
    expect(viaHelp.stdout).toBe(long[1]!.stdout);
    expect(top.code).toBe(0);
    for (const c of commands) expect(top.stdout).toContain(`npm run sim -- ${c}`);
  });
});

describe('batch progress', () => {
  it('on a pipe is whole lines, never a carriage return', async () => {
    const r = await cli('batch', '--scenario', 'two-front', '--runs', '4', '--threads', '0');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('\r');
    const lines = r.stderr.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.at(-1)).toBe('4/4 runs (100%)');
    for (const l of lines) expect(l).toMatch(/^\d+\/4 runs \(\d+%\)$/);
  });
});
