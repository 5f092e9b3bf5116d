import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIO_DIR, loadScenarioFile } from '../../src/cli/scenario-files';

/**
 * Scenario files given to the CLI by path: a file must not pass for a bundled scenario it is
 * not, and `extends` finds its base among the bundled scenarios or beside the file, nowhere
 * else, refusing to guess when both places have a different file of that name.
 */

const dir = mkdtempSync(join(tmpdir(), 'sf-scenario-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASELINE_TEXT = readFileSync(join(SCENARIO_DIR, 'two-front.json'), 'utf8');

function write(rel: string, data: unknown): string {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
}

function edited(id: string): string {
  const d = JSON.parse(BASELINE_TEXT) as { id: string; name: string };
  d.id = id;
  d.name = 'An edited copy';
  return JSON.stringify(d);
}

describe('a file named or identified like a bundled scenario', () => {
  it('an edited copy keeping the bundled id is refused, naming both', () => {
    const path = write('two-front.json', edited('two-front'));
    const r = loadScenarioFile(path);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]!.path).toBe('$.id');
    expect(r.error[0]!.message).toContain(path);
    expect(r.error[0]!.message).toContain('scenarios/two-front.json');
    expect(r.error[0]!.message).toContain('--scenario two-front');
  });

  it('a plain copy is the same scenario and loads, with the same hash', () => {
    const path = write('copy/two-front.json', BASELINE_TEXT);
    const r = loadScenarioFile(path);
    const bundled = loadScenarioFile('two-front');
    expect(r.ok && bundled.ok && r.value.hash === bundled.value.hash).toBe(true);
  });

  it('an edited copy with an id of its own loads', () => {
    const r = loadScenarioFile(write('two-front-mine.json', edited('two-front-mine')));
    expect(r.ok).toBe(true);
  });

  it('the bundled file by its path is the bundled scenario', () => {
    expect(loadScenarioFile(join(SCENARIO_DIR, 'skeptic.json')).ok).toBe(true);
  });
});

describe('extends: the bundled scenarios or the same folder, nothing else', () => {
  it('a base beside the file, under an id that is not bundled', () => {
    write('local/my-base.json', edited('my-base'));
    const r = loadScenarioFile(write('local/mine.json', { extends: 'my-base', id: 'mine' }));
    expect(r.ok, r.ok ? '' : r.error[0]!.message).toBe(true);
    if (r.ok) expect(r.value.scenario.name).toBe('An edited copy');
  });

  it('a different file beside the variant under a bundled id is refused, naming both', () => {
    write('clash/two-front.json', edited('two-front'));
    const r = loadScenarioFile(write('clash/v.json', { extends: 'two-front', id: 'v' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]!.path).toBe('$.extends');
    expect(r.error[0]!.message).toContain('scenarios/two-front.json');
    expect(r.error[0]!.message).toContain(join(dir, 'clash', 'two-front.json'));
  });

  it('an identical copy beside the variant is no clash', () => {
    write('same/two-front.json', BASELINE_TEXT);
    expect(loadScenarioFile(write('same/v.json', { extends: 'two-front', id: 'v' })).ok).toBe(true);
  });

  it.each(['../two-front', './two-front', 'local/my-base', `${dir}/local/my-base`])(
    'extends %s is refused',
    (ext) => {
      const r = loadScenarioFile(write('escape.json', { extends: ext, id: 'escape' }));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error[0]!.message).toContain('no paths');
    },
  );
});
