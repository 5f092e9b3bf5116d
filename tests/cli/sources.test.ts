import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, expectInputError } from './run-cli';

/** `npm run sim -- sources`: every figure of a scenario with its provenance, and the counts. */

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'second-front-sources-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const COUNTS = /^Figures: (\d+); sourced (\d+), judgement (\d+), untagged (\d+) \(goal 0\)\.$/m;

interface SourcesJson {
  scenario: string;
  counts: { total: number; sourced: number; judgement: number; untagged: number };
  figures: { section: string; path: string; value: number; status: string; why: string | null }[];
}

describe('sources', () => {
  it('lists every figure by section and ends with the counts, which --json repeats', async () => {
    const [text, json] = await Promise.all([
      cli('sources', '--scenario', 'two-front'),
      cli('sources', '--scenario', 'two-front', '--json'),
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(json.code, json.stderr).toBe(0);
    const last = text.stdout.trim().split('\n').at(-1)!;
    const m = COUNTS.exec(last);
    expect(m, last).not.toBeNull();
    const out = JSON.parse(json.stdout) as SourcesJson;
    expect(out.scenario).toBe('two-front');
    const { total, sourced, judgement, untagged } = out.counts;
    expect([total, sourced, judgement, untagged]).toEqual(m!.slice(1).map(Number));
    expect(sourced + judgement + untagged).toBe(total);
    expect(out.figures).toHaveLength(total);
    // A heading per section with its counts, then a line per figure: path, value, basis, why.
    expect(text.stdout).toMatch(
      /^rules\.deterrence: \d+ figures \(\d+ sourced, \d+ judgement, \d+ untagged\)$/m,
    );
    const line = text.stdout
      .split('\n')
      .find((l) => l.includes('$.rules.deterrence.balanceWeight'));
    const fig = out.figures.find((f) => f.path.startsWith('$.rules.deterrence.balanceWeight'))!;
    expect(line).toContain(String(fig.value));
    if (fig.why) expect(line).toContain(fig.why.slice(0, 40));
    expect(text.stdout).toMatch(
      /\$\.forces\.[a-z0-9-]+\.strength +\d+ +[a-z0-9-]+(, [a-z0-9-]+)* — cited by/,
    );
  });

  it('--untagged lists only the untagged figures and keeps the whole counts', async () => {
    const [all, only] = await Promise.all([
      cli('sources', '--json'),
      cli('sources', '--untagged', '--json'),
    ]);
    const a = JSON.parse(all.stdout) as SourcesJson;
    const u = JSON.parse(only.stdout) as SourcesJson;
    expect(u.counts).toEqual(a.counts);
    expect(u.figures).toHaveLength(a.counts.untagged);
    expect(u.figures.every((f) => f.status === 'untagged')).toBe(true);
  });

  it('reads a variant as resolved, and --strict exits 1 when a figure is untagged', async () => {
    const file = join(dir, 'bare-variant.json');
    writeFileSync(
      file,
      JSON.stringify({ extends: 'two-front', id: 'bare-variant', rules: { miscalc: { base: 9 } } }),
    );
    const [text, strict] = await Promise.all([
      cli('sources', '--scenario', file, '--untagged'),
      cli('sources', '--scenario', file, '--untagged', '--strict'),
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^ {2}\$\.rules\.miscalc\.base +9 {2}UNTAGGED$/m);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(text.stdout);
    expect(strict.stderr).toBe('');
  });

  it('refuses a tag naming an undeclared source, naming the path (exit 2)', async () => {
    const file = join(dir, 'bad-tag.json');
    writeFileSync(
      file,
      JSON.stringify({
        extends: 'two-front',
        id: 'bad-tag',
        rules: { miscalc: { base: { value: 4, source: 'no-such-study', why: 'a test' } } },
      }),
    );
    expectInputError(
      await cli('sources', '--scenario', file),
      '$.rules.miscalc.base.source',
      'no-such-study',
    );
  });

  it('has --help', async () => {
    const r = await cli('sources', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sources [--scenario <id|path>] [--untagged] [--json] [--strict]');
  });
});
