import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createStore, set } from 'idb-keyval';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { createSaves } from '../../src/app/saves';
import { loadScenarioFromText, scenarioForRecord } from '../../src/app/scenarios';
import { SCENARIO_DIR, loadReplayScenario } from '../../src/cli/scenario-files';
import { hashString } from '../../src/sim/hash';
import { parseReplayText, type ReplayRecord } from '../../src/sim/replay';
import { decodeOpenedFile, decodeReplayFile, decodeShareLink } from '../../src/sim/replay-codec';
import { loadScenarioText, type BaseResolver } from '../../src/sim/scenario/load';
import type { InputProblem, Result } from '../../src/sim/validation';

/**
 * Every decoder of outside input, fed hostile JSON: keys that plain objects answer by themselves
 * (`constructor`, `__proto__`, `toString`, `hasOwnProperty`, `valueOf`), keys the formats give
 * meaning to, nesting far past any limit, huge strings and control characters, both as random
 * documents and planted inside otherwise valid scenarios and replays. Each decoder must return a
 * result (random documents: problems) and never throw; the scenario decoders' messages must also
 * stay short and free of raw control characters.
 */

// Values are built and planted freely below, so they are typed loosely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const BASELINE_TEXT = readFileSync(join(SCENARIO_DIR, 'two-front.json'), 'utf8');
const BASELINE: Json = JSON.parse(BASELINE_TEXT);
const RECORD: Json = JSON.parse(
  readFileSync(new URL('../golden/baseline-seed-42.replay.json', import.meta.url), 'utf8'),
);
const resolver: BaseResolver = (id) =>
  id === 'two-front' ? { text: BASELINE_TEXT, file: 'scenarios/two-front.json' } : null;

const HOSTILE_KEYS = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'format',
  'extends',
  'id',
  'events',
  'outcomes',
  'trigger',
  'when',
  'not',
  'all',
  'any',
  'replay',
  'scenario',
  'regions',
  'options',
  'levers',
  'adjacent',
  'sources',
  '$remove',
];
const HUGE = 'x'.repeat(300_000);

const keyArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const leafArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    'second-front-scenario',
    'second-front-replay',
    'two-front',
    'constructor',
    '__proto__',
    '../two-front',
    '\u001b[2J\u009b31m\u202e',
    HUGE,
  ),
);

/** An object with these entries as own keys, `__proto__` included (as JSON.parse makes them). */
function objectOf(entries: [string, unknown][]): Json {
  const o: Json = {};
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const { value: valueArb } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(keyArb, tie('value')), { maxLength: 4 }).map(objectOf),
  ),
}));

/** JSON text: a value, or a value wrapped in thousands of levels of nesting. */
const textArb: fc.Arbitrary<string> = fc.oneof(
  valueArb.map((v) => JSON.stringify(v) ?? 'null'),
  fc
    .tuple(
      fc.integer({ min: 1, max: 5000 }),
      fc.constantFrom(['[', ']'], ['{"not":', '}'], ['{"a":', '}'], ['{"__proto__":', '}']),
      valueArb,
    )
    .map(
      ([n, [open, close], v]) =>
        `${open!.repeat(n)}${JSON.stringify(v) ?? 'null'}${close!.repeat(n)}`,
    ),
);

/**
 * A value nested thousands of levels deep, in the shapes the recursive parts of the formats
 * follow: conditions (`not`, `all`), merge patches (objects) and plain arrays.
 */
const deepArb: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.integer({ min: 1, max: 2000 }),
    fc.constantFrom('not', 'all', 'object', 'array'),
    leafArb,
  )
  .map(([n, shape, leaf]) => {
    let v: Json = shape === 'not' || shape === 'all' ? { flag: 'secondFront' } : leaf;
    for (let i = 0; i < n; i++)
      v =
        shape === 'not'
          ? { not: v }
          : shape === 'all'
            ? { all: [v] }
            : shape === 'object'
              ? { a: v }
              : [v];
    return v;
  });

/** Plant `value` under `key` at one of `places` in a copy of `base`. */
function plant(base: Json, places: (string | number)[][]) {
  const value = fc.oneof({ weight: 3, arbitrary: valueArb }, { weight: 1, arbitrary: deepArb });
  return fc.tuple(fc.constantFrom(...places), keyArb, value).map(([place, key, value]) => {
    const copy = structuredClone(base);
    let at: Json = copy;
    for (const step of place) at = at[step];
    Object.defineProperty(at, key, { value, enumerable: true, writable: true, configurable: true });
    return JSON.stringify(copy);
  });
}

/** Plant a deep value where the formats recurse: conditions, and a variant's merge patch. */
function plantDeep(base: Json, spots: [(string | number)[], string][]) {
  return fc.tuple(fc.constantFrom(...spots), deepArb).map(([[place, key], value]) => {
    const copy = structuredClone(base);
    let at: Json = copy;
    for (const step of place) at = at[step];
    at[key] = value;
    return JSON.stringify(copy);
  });
}

const VARIANT = { extends: 'two-front', id: 'v', events: [{ id: BASELINE.events[0].id }] };

const scenarioTextArb = fc.oneof(
  textArb,
  plantDeep(BASELINE, [
    [['events', 0], 'trigger'],
    [['outcomes', 0], 'when'],
    [['events', 0, 'trigger'], 'not'],
  ]),
  plantDeep(VARIANT, [
    [[], 'sources'],
    [[], 'levers'],
    [['events', 0], 'trigger'],
  ]),
  plant(BASELINE, [
    [],
    ['calendar'],
    ['regions'],
    ['regions', 'estonia'],
    ['regions', 'estonia', 'adjacent'],
    ['options'],
    ['options', 'china.blockade', 'params'],
    ['levers'],
    ['roles'],
    ['sources'],
    ['events'],
    ['events', 0],
    ['events', 0, 'trigger'],
    ['outcomes', 0],
    ['outcomes', 0, 'when'],
    ['outcomes', 0, 'scores'],
  ]),
  plant({ ...VARIANT, levers: {} }, [[], ['events'], ['events', 0], ['levers']]),
);

const replayTextArb = fc.oneof(
  textArb,
  plantDeep({ ...RECORD, scenario: VARIANT }, [
    [['scenario'], 'sources'],
    [['scenario', 'events', 0], 'trigger'],
    [['levers'], 'usIntervention'],
  ]),
  plant({ ...RECORD, scenario: { extends: 'two-front', id: 'v' } }, [
    [],
    ['levers'],
    ['controllers'],
    ['decisions'],
    ['decisions', 0],
    ['turnHashes'],
    ['scenario'],
  ]),
);

/** Run a decoder; it must return, and a refusal must carry problems with messages. */
function decoded<T>(run: () => Result<T, InputProblem | InputProblem[]>): InputProblem[] {
  let r: Result<T, InputProblem | InputProblem[]>;
  try {
    r = run();
  } catch (e) {
    throw new Error(`the decoder threw: ${String(e).slice(0, 300)}`, { cause: e });
  }
  if (r.ok) return [];
  const list = Array.isArray(r.error) ? r.error : [r.error];
  expect(list.length).toBeGreaterThan(0);
  for (const p of list) expect(typeof p.message).toBe('string');
  return list;
}

/** A message that quotes input safely: bounded, and no raw control character. */
function expectSafe(list: InputProblem[]): void {
  for (const p of list) {
    expect(p.message.length).toBeLessThan(4000);
    // eslint-disable-next-line no-control-regex
    expect(p.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
  }
}

function linkOf(text: string): string {
  const body = LZString.compressToEncodedURIComponent(text);
  return `#replay=1.${body}.${hashString(body).slice(0, 8)}`;
}

const RUNS = { numRuns: 150 };

describe('hostile JSON never makes a decoder throw', () => {
  it('builds own __proto__ keys the way JSON.parse does', () => {
    expect(JSON.stringify(objectOf([['__proto__', 1]]))).toBe('{"__proto__":1}');
  });

  it('scenario text (CLI loader and the browser’s file open)', () => {
    fc.assert(
      fc.property(scenarioTextArb, (text) => {
        expectSafe(decoded(() => loadScenarioText(text, 'hostile.json', resolver)));
        expectSafe(decoded(() => loadScenarioFromText(text, 'hostile.json')));
      }),
      RUNS,
    );
  });

  it('random documents are always refused as scenarios', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(
          decoded(() => loadScenarioText(text, 'hostile.json', resolver)).length,
        ).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('replay files, `run --json` output, and the scenario a replay carries', () => {
    fc.assert(
      fc.property(replayTextArb, (text) => {
        decoded(() => parseReplayText(text, 'hostile.json'));
        decoded(() => decodeReplayFile(text, 'hostile.json'));
        decoded(() => decodeOpenedFile(`{"seed": "1", "replay": ${text}}`, 'out.json'));
        const record = parseReplayText(text, 'hostile.json');
        if (record.ok) {
          const r: ReplayRecord = record.value;
          expectSafe(decoded(() => loadReplayScenario(r, 'hostile.json')));
          decoded(() => scenarioForRecord(r, 'hostile.json'));
        }
      }),
      RUNS,
    );
  });

  it('share links', () => {
    fc.assert(
      fc.property(replayTextArb, (text) => {
        decoded(() => decodeShareLink(linkOf(text)));
      }),
      RUNS,
    );
  });

  it('saved entries read back from storage', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          valueArb,
          valueArb.map((v) => ({ kind: 'second-front-save', version: 1, id: 'x', record: v })),
          // Deeper than ~2,000 levels IndexedDB's own structured clone overflows on the way in,
          // so such an entry cannot be in storage.
          fc.integer({ min: 1, max: 1000 }).map((depth) => {
            let v: Json = { kind: 'second-front-save' };
            for (let i = 0; i < depth; i++) v = { record: v };
            return v;
          }),
        ),
        async (value) => {
          n += 1;
          const db = `hostile-${n}`;
          await set('game:x', value, createStore(db, 'games'));
          const saves = createSaves({ db });
          try {
            const listed = await saves.list();
            expect(listed).toHaveLength(1);
            expect(listed[0]!.ok).toBe(false);
            const got = await saves.get('x');
            expect(got?.ok).toBe(false);
          } finally {
            saves.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
