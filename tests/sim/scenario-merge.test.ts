import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_DIR, listScenarioIds, loadScenarioFile } from '../../src/cli/scenario-files';
import { hashString } from '../../src/sim/hash';
import { mergeScenarioPatch } from '../../src/sim/scenario/merge';
import { ScenarioSchema } from '../../src/sim/scenario/schema';
import { loadScenarioData, type LoadedScenario } from '../../src/sim/scenario/load';
import { validate, type InputProblem, type Result } from '../../src/sim/validation';
import { BASELINE, baselineResolver, type Json } from '../helpers/baseline';

/**
 * `extends` merges lists of items with ids by id (add, patch, `$remove`) and everything else as
 * an RFC 7386 merge patch. The bundled variants were written against plain RFC 7386: a reference
 * implementation of it here shows they resolve to exactly the same scenario (and hash) as before.
 */

const resolver = baselineResolver;

function variant(patch: Json): Result<LoadedScenario, InputProblem[]> {
  return loadScenarioData({ extends: 'two-front', id: 'variant', ...patch }, 'v.json', resolver);
}

function ok(r: Result<LoadedScenario, InputProblem[]>): LoadedScenario['scenario'] {
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('\n'));
  return r.value.scenario;
}

const inject = {
  id: 'cable-cut',
  title: 'Undersea cable cut',
  text: 'A cable to Taiwan is cut.',
  theater: 'indoPacific',
  trigger: { flag: 'blockadeActive' },
  chancePct: 30,
  once: true,
  effects: [{ type: 'adjustTrack', track: 'taiwanSupply', delta: -5 }],
  sources: ['csis-2023'],
};

describe('lists of items with ids merge by id', () => {
  it('adding one inject keeps every baseline event, and appends it', () => {
    const sc = ok(variant({ events: [inject] }));
    expect(sc.events.map((e) => e.id)).toEqual([
      ...BASELINE.events.map((e: { id: string }) => e.id),
      'cable-cut',
    ]);
    expect(sc.events[0]).toEqual(BASELINE.events[0]);
  });

  it('an item with an existing id is merge-patched in place', () => {
    const id = BASELINE.events[3].id;
    const sc = ok(variant({ events: [{ id, chancePct: 90 }] }));
    expect(sc.events[3]).toEqual({ ...BASELINE.events[3], chancePct: 90 });
    expect(sc.events).toHaveLength(BASELINE.events.length);
  });

  it('$remove removes, and a removed id may come back at the end', () => {
    const id = BASELINE.events[0].id;
    const sc = ok(variant({ events: [{ id, $remove: true }] }));
    expect(sc.events.map((e) => e.id)).not.toContain(id);
    expect(sc.events).toHaveLength(BASELINE.events.length - 1);
    // A new end outcome goes before the catch-all: remove it, add the new one, add it back.
    const catchAll = BASELINE.outcomes[BASELINE.outcomes.length - 1];
    const draw = { ...structuredClone(BASELINE.outcomes[2]), id: 'stalemate' };
    const withDraw = ok(
      variant({ outcomes: [{ id: catchAll.id, $remove: true }, draw, catchAll] }),
    );
    expect(withDraw.outcomes.map((o) => o.id).slice(-2)).toEqual(['stalemate', catchAll.id]);
  });

  it('a new outcome appended after the catch-all is refused as unreachable', () => {
    const r = variant({ outcomes: [{ ...structuredClone(BASELINE.outcomes[2]), id: 'late' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.message).toContain('can be chosen');
  });

  it('a bad $remove is a problem at the patch’s path', () => {
    const at = (patch: Json) => {
      const r = variant(patch);
      if (r.ok) throw new Error('accepted');
      return r.error[0]!;
    };
    const unknown = at({ events: [inject, { id: 'no-such-event', $remove: true }] });
    expect(unknown.path).toBe('$.events[1]["$remove"]');
    expect(unknown.message).toContain('"no-such-event", which it lacks');
    expect(at({ events: [{ id: BASELINE.events[0].id, $remove: 'yes' }] }).message).toContain(
      'true (the only value',
    );
    expect(
      at({ events: [{ id: BASELINE.events[0].id, $remove: true, chancePct: 5 }] }).message,
    ).toContain('also "chancePct"');
  });

  it('an empty list empties, other arrays replace whole, null deletes', () => {
    expect(ok(variant({ events: [] })).events).toEqual([]);
    expect(ok(variant({ briefing: ['Only this.'] })).briefing).toEqual(['Only this.']);
    expect(ok(variant({ roles: { balticStates: ['estonia'] } })).roles.balticStates).toEqual([
      'estonia',
    ]);
    const merged = mergeScenarioPatch({ a: { b: 1, c: 2 } }, { a: { b: null } }, 'v.json');
    expect(merged).toEqual({ ok: true, value: { a: { c: 2 } } });
  });

  it('the base and the patch are left unchanged', () => {
    const base = { events: [{ id: 'a', n: 1 }] };
    const patch = { events: [{ id: 'a', n: 2 }, { id: 'b' }] };
    const before = JSON.stringify([base, patch]);
    mergeScenarioPatch(base, patch, 'v.json');
    expect(JSON.stringify([base, patch])).toBe(before);
  });
});

describe("README's example of one more inject", () => {
  it('loads, keeps every baseline event and patches the one it names', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /## Scenarios and levers[\s\S]*?```json\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const sc = ok(loadScenarioData(JSON.parse(block![1]!), 'readme.json', resolver));
    expect(sc.events).toHaveLength(BASELINE.events.length + 1);
    expect(sc.events.find((e) => e.id === 'pick-sides')!.chancePct).toBe(80);
  });
});

/** RFC 7386 as the loader applied it before lists merged by id. */
function rfc7386(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete base[k];
    else base[k] = rfc7386(base[k], v);
  }
  return base;
}

describe('the bundled variants resolve exactly as under plain RFC 7386', () => {
  const variants = listScenarioIds().filter(
    (id) => JSON.parse(readFileSync(join(SCENARIO_DIR, `${id}.json`), 'utf8')).extends,
  );

  it('there are variants to compare', () => {
    expect(variants.length).toBeGreaterThanOrEqual(5);
  });

  it.each(variants)('%s', (id) => {
    const { extends: base, ...patch } = JSON.parse(
      readFileSync(join(SCENARIO_DIR, `${id}.json`), 'utf8'),
    );
    const baseData = JSON.parse(readFileSync(join(SCENARIO_DIR, `${base}.json`), 'utf8'));
    const reference = validate(ScenarioSchema, rfc7386(baseData, patch), id);
    if (!reference.ok) throw new Error(reference.error.map((p) => p.message).join('\n'));
    const loaded = loadScenarioFile(id);
    if (!loaded.ok) throw new Error(loaded.error.map((p) => p.message).join('\n'));
    expect(loaded.value.scenario).toEqual(reference.value);
    expect(loaded.value.hash).toBe(hashString(JSON.stringify(reference.value)));
  });
});

describe('extends names a scenario, never a path', () => {
  it.each([
    '../two-front',
    '/etc/passwd',
    'sub/two-front',
    'two-front.json',
    'C:\\x',
    '',
    'Two-Front',
  ])('extends %j is refused before anything is read', (ext) => {
    let asked = false;
    const r = loadScenarioData({ extends: ext }, 'v.json', (id) => {
      asked = true;
      return resolver(id);
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error[0]!.path).toBe('$.extends');
      expect(r.error[0]!.message).toContain('no paths');
    }
    expect(asked).toBe(false);
  });

  it('a bundled id resolves', () => {
    const r = loadScenarioData({ extends: 'two-front', id: 'v' }, 'v.json', resolver);
    expect(r.ok).toBe(true);
  });
});
