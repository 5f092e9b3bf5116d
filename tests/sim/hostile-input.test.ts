import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundled, loadScenarioFromText, scenarioForRecord } from '../../src/app/scenarios';
import { loadReplayScenario } from '../../src/cli/scenario-files';
import { MAX_JSON_DEPTH, findShapeProblem, jsonDepthExceeded } from '../../src/sim/json-limits';
import { parseReplayText, type ReplayRecord } from '../../src/sim/replay';
import { decodeOpenedFile, decodeReplayFile } from '../../src/sim/replay-codec';
import { MAX_CONDITION_DEPTH } from '../../src/sim/scenario/schema';
import { mergeScenarioPatch } from '../../src/sim/scenario/merge';
import {
  loadScenarioData,
  loadScenarioText,
  type LoadedScenario,
} from '../../src/sim/scenario/load';
import {
  describeValue,
  jsonPath,
  parseJsonText,
  validate,
  type InputProblem,
  type Result,
} from '../../src/sim/validation';
import { z } from 'zod';
import { BASELINE, BASELINE_TEXT, baselineResolver, type Json } from '../helpers/baseline';

/**
 * Input written to break the loader rather than to describe a game: keys that plain objects
 * answer by themselves (`constructor`, `toString`, `__proto__`), nesting deep enough to overflow
 * the stack, and values long or strange enough to wreck a message. Each must end in a problem
 * with a path, never in an exception.
 */

const RECORD_TEXT = readFileSync(
  new URL('../golden/baseline-seed-42.replay.json', import.meta.url),
  'utf8',
);
const resolver = baselineResolver;

function problems<T>(r: Result<T, InputProblem[]>): InputProblem[] {
  if (r.ok) throw new Error('expected problems, the input was accepted');
  return r.error;
}

function loadMutated(mutate: (d: Json) => void): Result<LoadedScenario, InputProblem[]> {
  const d = structuredClone(BASELINE);
  mutate(d);
  return loadScenarioData(d, 'bad.json');
}

/** `{ "not": { "not": ... leaf } }`, `levels` conditions deep in all (the leaf included). */
function nestedNot(levels: number): Json {
  let c: Json = { flag: 'secondFront' };
  for (let i = 1; i < levels; i++) c = { not: c };
  return c;
}

/** Define an own `__proto__` key, as JSON.parse does (an assignment would set the prototype). */
function withProto(o: Json, v: unknown): Json {
  Object.defineProperty(o, '__proto__', { value: v, enumerable: true, writable: true });
  return o;
}

describe('keys a plain object answers by itself', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'an option named %s is an unknown option, not a crash',
    (key) => {
      const r = loadMutated((d) => {
        d.options[key] = structuredClone(d.options['china.blockade']);
      });
      const p = problems(r).find((x) => x.path === `$.options.${key}`);
      expect(p?.message).toContain(`a known option id, found "${key}"`);
    },
  );

  it('a neighbour named constructor is an unknown region (ids are lower case)', () => {
    const r = loadMutated((d) => {
      d.regions.estonia.adjacent.push('constructor');
    });
    const at = BASELINE.regions.estonia.adjacent.length;
    const p = problems(r).find((x) => x.path === `$.regions.estonia.adjacent[${at}]`);
    expect(p?.message).toContain('expected a region id, found "constructor"');
  });

  it('a region, force and source really named constructor are plain data', () => {
    const r = loadMutated((d) => {
      d.regions.constructor = { ...structuredClone(d.regions.narva), adjacent: ['estonia'] };
      d.regions.estonia.adjacent.push('constructor');
      d.sources.constructor = structuredClone(d.sources['csis-2023']);
      d.forces.constructor = { ...structuredClone(d.forces['efp-estonia']), region: 'constructor' };
      d.forces.constructor.sources = ['constructor'];
    });
    expect(r.ok, r.ok ? '' : r.error.map((p) => p.message).join('\n')).toBe(true);
    if (r.ok) expect(Object.hasOwn(r.value.scenario.regions, 'constructor')).toBe(true);
  });

  it.each(['constructor', 'toString'])('a role naming %s is an unknown region', (key) => {
    const r = loadMutated((d) => {
      d.roles.taiwanMain = key;
    });
    expect(problems(r).map((p) => p.path)).toContain('$.roles.taiwanMain');
  });

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    'the browser: extends, a bundled scenario and a replay of scenario %s',
    (key) => {
      const ext = problems(loadScenarioFromText(`{"extends": "${key}"}`, 'x.json'));
      expect(ext[0]!.path).toBe('$.extends');
      const bundled = problems(loadBundled(key));
      expect(bundled[0]!.message).toContain(`unknown scenario "${key}"`);
      const record = JSON.parse(RECORD_TEXT) as ReplayRecord;
      const r = scenarioForRecord({ ...record, scenarioId: key }, 'g.json');
      expect(r.ok).toBe(false);
    },
  );

  it('a "__proto__" key is refused with its path, in text and in parsed data', () => {
    const text = BASELINE_TEXT.replace('"regions": {', '"regions": { "__proto__": {},');
    const fromText = problems(loadScenarioText(text, 'bad.json'));
    expect(fromText[0]!.path).toBe('$.regions.__proto__');
    expect(fromText[0]!.message).toContain('no key named "__proto__"');
    // JSON.parse keeps it as an own key: data parsed elsewhere must be caught too.
    const data = JSON.parse(text) as Json;
    expect(Object.hasOwn(data.regions, '__proto__')).toBe(true);
    expect(problems(loadScenarioData(data, 'bad.json'))[0]!.path).toBe('$.regions.__proto__');
  });

  it('a "__proto__" key in a variant patch is refused, not dropped', () => {
    const r = loadScenarioText(
      '{"extends": "two-front", "id": "v", "levers": {"__proto__": {"default": 1}}}',
      'v.json',
      resolver,
    );
    expect(problems(r)[0]!.path).toBe('$.levers.__proto__');
    // The merge refuses it by itself, for callers that skip the parse.
    const merged = mergeScenarioPatch({ a: 1 }, withProto({}, { polluted: true }), 'v.json');
    expect(problems(merged)[0]!.path).toBe('$.__proto__');
  });

  it('a "__proto__" key in a replay, its carried scenario and a saved value', () => {
    const replay = RECORD_TEXT.replace('"levers": {', '"levers": { "__proto__": 1,');
    expect(problems(parseReplayText(replay, 'g.json'))[0]!.path).toBe('$.levers.__proto__');
    const schema = z.record(z.string(), z.unknown());
    const stored = withProto({ kind: 'x' }, { admin: true });
    expect(problems(validate(schema, stored, 'saved game'))[0]!.path).toBe('$.__proto__');
  });
});

describe('depth limits: checked before anything recurses', () => {
  it('the text scan counts brackets outside strings, to the exact limit', () => {
    const deep = (n: number): string => '['.repeat(n) + ']'.repeat(n);
    expect(jsonDepthExceeded(deep(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonDepthExceeded(deep(MAX_JSON_DEPTH + 1))).toBe(MAX_JSON_DEPTH);
    expect(jsonDepthExceeded(`{"a": "${'['.repeat(500)}"}`)).toBeNull();
    expect(jsonDepthExceeded(`{"a": "\\"${'['.repeat(500)}"}`)).toBeNull();
    expect(jsonDepthExceeded(`["\\\\", ${deep(3)}]`, 3)).toBe(9);
    expect(parseJsonText(deep(MAX_JSON_DEPTH), 'x.json').ok).toBe(true);
  });

  it('text nested 50,000 deep is one problem with a line and column', () => {
    const text = `{\n"a": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const r = parseJsonText(text, 'deep.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe(
      `deep.json: at $: expected objects and arrays nested at most ${MAX_JSON_DEPTH} levels deep, found deeper nesting at line 2, column ${6 + MAX_JSON_DEPTH - 1}`,
    );
  });

  it('a value nested too deep, or cyclic, is refused by the walk (data from storage)', () => {
    const cyclic: Json = { a: [] };
    cyclic.a.push(cyclic);
    const p = findShapeProblem(cyclic);
    expect(p?.kind).toBe('depth');
    const r = validate(z.unknown(), cyclic, 'saved game');
    expect(problems(r)[0]!.message).toContain(`at most ${MAX_JSON_DEPTH} levels`);
  });

  it('a trigger nested 3,000 `not` deep: text, data and the trigger limit', () => {
    const withTrigger = (levels: number): Json => {
      const d = structuredClone(BASELINE);
      d.events[0].trigger = nestedNot(levels);
      return d;
    };
    expect(problems(loadScenarioText(JSON.stringify(withTrigger(3000)), 'bad.json'))[0]!.path).toBe(
      '$',
    );
    expect(problems(loadScenarioData(withTrigger(3000), 'bad.json'))[0]!.message).toContain(
      'nested at most',
    );
    // Under the JSON limit, over the trigger limit: the path leads to the first level too many.
    const over = problems(loadScenarioData(withTrigger(MAX_CONDITION_DEPTH + 1), 'bad.json'));
    const path = `$.events[0].trigger${'.not'.repeat(MAX_CONDITION_DEPTH)}`;
    expect(over.map((p) => p.path)).toContain(path);
    expect(over.find((p) => p.path === path)!.message).toContain(
      `nested at most ${MAX_CONDITION_DEPTH} levels deep (all, any, not)`,
    );
    // At the limit it loads (an even number of `not`s around a flag is a plain flag test).
    const at = loadScenarioData(withTrigger(MAX_CONDITION_DEPTH - 1), 'ok.json');
    expect(at.ok, at.ok ? '' : at.error.map((p) => p.message).join('\n')).toBe(true);
  });

  it('the depth limit also follows `all` and `any` lists', () => {
    let c: Json = { flag: 'secondFront' };
    for (let i = 1; i <= MAX_CONDITION_DEPTH; i++)
      c = i % 2 ? { all: [{ flag: 'secondFront' }, c] } : { any: [c] };
    const r = loadMutated((d) => {
      d.outcomes[0].when = c;
    });
    expect(problems(r).some((p) => p.message.includes('(all, any, not)'))).toBe(true);
  });

  it('a merge patch 50,000 deep, as text, as data and straight into the merge', () => {
    let patch: Json = 1;
    for (let i = 0; i < 50_000; i++) patch = { a: patch };
    const deepText = `{"extends": "two-front", "sources": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`;
    expect(problems(loadScenarioText(deepText, 'v.json', resolver))[0]!.message).toContain(
      'nested at most',
    );
    expect(
      problems(loadScenarioData({ extends: 'two-front', sources: patch }, 'v.json', resolver))[0]!
        .message,
    ).toContain('nested at most');
    const merged = mergeScenarioPatch({}, patch, 'v.json');
    expect(problems(merged)[0]!.message).toContain(`a patch nested at most ${MAX_JSON_DEPTH}`);
  });

  it('`run --json` output with a deep key under `replay`', () => {
    const text = `{"seed": "1", "replay": {"format": "second-front-replay", "x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
    const r = decodeReplayFile(text, 'out.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('nested at most');
    expect(decodeOpenedFile(text, 'out.json').ok).toBe(false);
  });

  it('a replay whose carried scenario nests deep (CLI and browser)', () => {
    const record = JSON.parse(RECORD_TEXT) as ReplayRecord;
    let deep: Json = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const carried = { ...record, scenario: { extends: 'two-front', sources: deep } };
    expect(loadReplayScenario(carried, 'g.json').ok).toBe(false);
    expect(scenarioForRecord(carried, 'g.json').ok).toBe(false);
  });
});

describe('messages quote input safely', () => {
  it('a 4 MB value makes a short message', () => {
    const huge = 'x'.repeat(4 * 1024 * 1024);
    const r = loadMutated((d) => {
      d.calendar.start = huge;
    });
    const p = problems(r).find((x) => x.path === '$.calendar.start')!;
    expect(p.message.length).toBeLessThan(400);
    expect(describeValue(huge)).toContain(`(${huge.length} characters)`);
  });

  it('terminal escapes in a value, an unknown key and a key in a path are never printed raw', () => {
    const esc = '\u001b[2J\u009b31m\u202e';
    const r = loadMutated((d) => {
      d[esc] = 1;
      d.regions.estonia.adjacent[0] = esc;
      d.sources[`a${esc}`] = d.sources['csis-2023'];
    });
    const all = problems(r);
    expect(all.length).toBeGreaterThan(0);
    for (const p of all) {
      // eslint-disable-next-line no-control-regex
      expect(p.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
    expect(all.some((p) => p.message.includes('\\x1b[2J'))).toBe(true);
    expect(jsonPath(['a', 'b\u001b'])).toBe('$.a["b\\x1b"]');
  });

  it('a long path keeps its start and its end', () => {
    const path = jsonPath(Array.from({ length: 60 }, (_, i) => `key-number-${i}`));
    expect(path.length).toBeLessThanOrEqual(400);
    expect(path.startsWith('$.key-number-0.')).toBe(true);
    expect(path.endsWith('.key-number-59')).toBe(true);
  });
});
