import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_DIR, loadScenarioFile } from '../../src/cli/scenario-files';
import { runEngine, toReplay } from '../../src/engine/run';
import { REPLAY_FORMAT_VERSION, parseReplayText, type ReplayRecord } from '../../src/sim/replay';
import {
  LINK_PREFIX,
  MAX_LINK_CHARS,
  decodeOpenedFile,
  decodeReplayFile,
  decodeShareLink,
  encodeReplayFile,
  encodeShareLink,
  isShareLink,
} from '../../src/sim/replay-codec';
import type { RunOptions } from '../../src/sim/run';
import { loadScenarioData } from '../../src/sim/scenario/load';
import { defaultLevers } from '../../src/sim/setup';
import type { InputProblem, Result } from '../../src/sim/validation';
import { game } from '../helpers/game';

/**
 * Replay files and share links are the two ways a game comes back in from outside: a file someone
 * edited, a download cut short, a link a chat tool mangled. Every bad one must be refused with one
 * sentence that says where and what (a JSON path, a line and column), never with an exception,
 * and a good one must come back exactly as it left.
 */

const played = game('two-front')
  .seed('codec')
  .human('usa')
  .decide(1, 'usa', [{ type: 'usa.reaffirm-article5' }])
  .decide(2, 'usa', [{ type: 'usa.surge-production' }])
  .turns(6)
  .play();
const record = played.replay();
const text = encodeReplayFile(record);
/** The characters lz-string's URI-safe output uses. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const scenarioText = (id: string) => readFileSync(join(SCENARIO_DIR, `${id}.json`), 'utf8');

/** The problem a refused input gives, checked for the things every problem must have. */
function refused<T>(r: Result<T, InputProblem>): InputProblem {
  expect(r.ok, 'expected the input to be refused').toBe(false);
  if (r.ok) throw new Error('unreachable');
  const p = r.error;
  expect(p.message.length).toBeGreaterThan(20);
  expect(p.message).not.toMatch(/\n\s+at /);
  expect(p.message).not.toContain('undefined');
  return p;
}

function decodeFile(t: string, file = 'game.json'): Result<ReplayRecord, InputProblem> {
  return decodeReplayFile(t, file);
}

/** A copy of the record's JSON with `change` applied, as file text. */
function edited(change: (r: Record<string, unknown>) => void): string {
  const r = JSON.parse(text) as Record<string, unknown>;
  change(r);
  return JSON.stringify(r, null, 2);
}

describe('replay files', () => {
  it('round-trip exactly', () => {
    expect(played.rejection).toBeNull();
    expect(decodeFile(text)).toEqual({ ok: true, value: record });
    expect(decodeOpenedFile(text, 'game.json')).toEqual({
      ok: true,
      value: { kind: 'replay', record },
    });
  });

  it('malformed JSON: the message gives the line and column', () => {
    const p = refused(
      decodeFile('{\n  "format": "second-front-replay"\n  "seed": "1"\n}\n', 'broken.json'),
    );
    expect(p.expected).toBe('valid JSON');
    expect(p.message).toContain('broken.json');
    expect(p.message).toContain('line 3, column 3');
  });

  it('a file cut in half: says where, and that it was cut short', () => {
    const p = refused(decodeFile(text.slice(0, Math.floor(text.length / 2)), 'cut.json'));
    expect(p.expected).toBe('valid JSON');
    expect(p.message).toMatch(/^cut\.json: .*line \d+, column \d+/);
    expect(p.message).toContain('cut short');
  });

  it('an empty file, and one of whitespace only', () => {
    for (const t of ['', '   \n\t\r\n  ']) {
      const p = refused(decodeFile(t, 'empty.json'));
      expect(p.message).toContain('empty.json');
      expect(p.message).toContain('empty file');
    }
  });

  it('a file of the wrong kind: an array, a number, a string, null, another format', () => {
    const cases: [string, string, string][] = [
      ['[1, 2, 3]', '$', 'an array'],
      ['42', '$', '42'],
      ['"second-front-replay"', '$', '"second-front-replay"'],
      ['null', '$', 'null'],
      ['{"format": "geojson", "type": "FeatureCollection"}', '$.format', '"geojson"'],
      ['{"seed": "1", "decisions": []}', '$.format', 'no "format" key'],
    ];
    for (const [t, path, found] of cases) {
      const p = refused(decodeFile(t));
      expect(p.path, t).toBe(path);
      expect(p.found, t).toBe(found);
      expect(p.message, t).toMatch(/second.front replay/i);
      // The opener says the same: it is neither a replay nor a scenario.
      expect(refused(decodeOpenedFile(t, 'game.json')).path, t).toBe(path);
    }
  });

  it('a scenario file where a replay is expected: says it is a scenario', () => {
    const p = refused(decodeFile(scenarioText('two-front'), 'two-front.json'));
    expect(p.path).toBe('$.format');
    expect(p.found).toContain('a scenario file');
    expect(p.message).toContain('"second-front-replay"');
  });

  it('the opener recognises a scenario file, and a variant that only `extends` one', () => {
    for (const id of ['two-front', 'skeptic']) {
      const t = scenarioText(id);
      const r = decodeOpenedFile(t, `${id}.json`);
      expect(r.ok, id).toBe(true);
      if (!r.ok || r.value.kind !== 'scenario') throw new Error(`${id} not opened as a scenario`);
      expect(r.value.data['id']).toBe(id);
      expect(r.value.text).toBe(t);
    }
  });

  it('a newer format version: says a newer Second Front made it', () => {
    const p = refused(decodeFile(edited((r) => (r['formatVersion'] = 3))));
    expect(REPLAY_FORMAT_VERSION).toBeLessThan(3);
    expect(p.path).toBe('$.formatVersion');
    expect(p.message).toContain('newer');
    expect(p.message).toContain('format 3');
  });

  it('an unknown field, at the top and deep inside: named', () => {
    const top = refused(decodeFile(edited((r) => (r['cheat'] = true))));
    expect(top.path).toBe('$');
    expect(top.message).toContain('unknown key "cheat"');
    const deep = refused(
      decodeFile(
        edited((r) => {
          (r['decisions'] as Record<string, unknown[]>[])[0]!['usa'] = [
            { type: 'usa.reaffirm-article5', note: 'x' },
          ];
        }),
      ),
    );
    expect(deep.path).toBe('$.decisions[0].usa[0]');
    expect(deep.message).toContain('unknown key "note"');
  });

  it('an invalid value: names the JSON path and what is allowed', () => {
    const p = refused(
      decodeFile(edited((r) => ((r['controllers'] as Record<string, string>)['usa'] = 'robot'))),
    );
    expect(p.path).toBe('$.controllers.usa');
    expect(p.message).toContain('$.controllers.usa');
    expect(p.message).toContain('"ai" | "human"');
    expect(p.message).toContain('"robot"');
  });

  it('a wrong-typed field: names its JSON path', () => {
    const hashes = refused(decodeFile(edited((r) => ((r['turnHashes'] as unknown[])[2] = 42))));
    expect(hashes.path).toBe('$.turnHashes[2]');
    expect(hashes.message).toContain('at $.turnHashes[2]: expected string, found 42');
    const limit = refused(decodeFile(edited((r) => (r['turnLimit'] = 'ten'))));
    expect(limit.path).toBe('$.turnLimit');
    expect(limit.message).toContain('found "ten"');
    const missing = refused(decodeFile(edited((r) => delete r['seed'])));
    expect(missing.path).toBe('$.seed');
    expect(missing.message).toContain('missing');
  });

  it('accepts the output of `run --json`, and locates its problems under $.replay', () => {
    const output = { scenario: 'two-front', seed: 'codec', turnsPlayed: 6, replay: record };
    expect(decodeFile(JSON.stringify(output, null, 2), 'run.json')).toEqual({
      ok: true,
      value: record,
    });
    // `$.seed` of that file is the run's own seed: a problem in the record's must say so.
    const bad = refused(decodeFile(JSON.stringify({ ...output, replay: { ...record, seed: 5 } })));
    expect(bad.path).toBe('$.replay.seed');
    expect(bad.message).toContain('at $.replay.seed: expected string, found 5');
    const newer = refused(
      decodeFile(JSON.stringify({ ...output, replay: { ...record, formatVersion: 3 } })),
    );
    expect(newer.path).toBe('$.replay.formatVersion');
    expect(newer.message).toContain('newer');
    const notRecord = refused(decodeFile(JSON.stringify({ ...output, replay: [1] })));
    expect(notRecord.path).toBe('$.replay');
    expect(notRecord.found).toBe('an array');
  });

  it('text fields carrying HTML or script decode as the same plain strings (they are data)', () => {
    // The decoder must neither refuse nor "clean" them: the UI sets them as textContent, and a
    // changed seed would no longer replay. Decisions of unknown types are refused by the engine.
    const html = '<img src=x onerror=alert(1)>';
    const script = '</script><script>alert("x")</script>';
    const t = edited((r) => {
      r['seed'] = html;
      (r['decisions'] as Record<string, unknown[]>[])[0]!['usa'] = [{ type: script, target: html }];
    });
    const r = decodeFile(t);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.seed).toBe(html);
    expect(r.value.decisions[0]!.usa).toEqual([{ type: script, target: html }]);
    const viaLink = encodeShareLink(r.value);
    if (!viaLink.ok) throw new Error(viaLink.error.message);
    expect(decodeShareLink(viaLink.value)).toEqual({ ok: true, value: r.value });
  });

  it('a seed of up to 100 characters is read, a longer one refused', () => {
    const at100 = decodeFile(edited((r) => (r['seed'] = 's'.repeat(100))));
    expect(at100.ok).toBe(true);
    const p = refused(decodeFile(edited((r) => (r['seed'] = 's'.repeat(101)))));
    expect(p.path).toBe('$.seed');
    expect(p.message).toContain('at most 100 characters');
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.integer({ min: 0, max: text.length }).map((n) => text.slice(0, n)),
        ),
        (t) => {
          const r = decodeOpenedFile(t, 'fuzz.json');
          if (!r.ok) expect(r.error.message).toContain('fuzz.json');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('share links', () => {
  const encoded = encodeShareLink(record);
  if (!encoded.ok) throw new Error(encoded.error.message);
  const link = encoded.value;
  const head = `${LINK_PREFIX}1.`;
  const payload = link.slice(head.length);

  it('round-trip exactly', () => {
    expect(link.startsWith(head)).toBe(true);
    expect(isShareLink(link)).toBe(true);
    expect(link).toMatch(/^#replay=1\.[A-Za-z0-9+\-$]+\.[0-9a-f]{8}$/);
    expect(decodeShareLink(link)).toEqual({ ok: true, value: record });
  });

  it('a character changed anywhere: refused as damaged (the check catches what lz-string cannot)', () => {
    const checkAt = link.lastIndexOf('.') + 1;
    let tried = 0;
    for (let i = head.length; i < link.length; i += 3) {
      if (i === checkAt - 1) continue;
      const set = i >= checkAt ? '0123456789abcdef' : ALPHABET;
      const other = set[(set.indexOf(link[i]!) + 1 + (i % 7)) % set.length]!;
      const p = refused(decodeShareLink(link.slice(0, i) + other + link.slice(i + 1)));
      expect(p.message, `position ${i}`).toContain('damaged or incomplete');
      tried++;
    }
    expect(tried).toBeGreaterThan(100);
    // Most such changes still decompress, often to valid JSON: only the check tells.
    const mid = head.length + Math.floor(payload.length / 2);
    const other = link[mid] === 'Q' ? 'R' : 'Q';
    const p = refused(decodeShareLink(link.slice(0, mid) + other + link.slice(mid + 1)));
    expect(p.found).toContain('a character was changed');
  });

  it('cut short anywhere: refused', () => {
    for (let n = 0; n < link.length; n += 7) {
      const p = refused(decodeShareLink(link.slice(0, n)));
      expect(p.message, `cut to ${n}`).toContain('damaged or incomplete');
    }
    const p = refused(decodeShareLink(link.slice(0, Math.floor(link.length / 2))));
    expect(p.found).toContain('cut short');
  });

  it('characters outside the alphabet: refused', () => {
    const mid = head.length + Math.floor(payload.length / 2);
    for (const bad of ['%20', ' ', '<', '"', 'é', '.', '\n', '=', '/', '#']) {
      const p = refused(decodeShareLink(link.slice(0, mid) + bad + link.slice(mid)));
      expect(p.message, JSON.stringify(bad)).toContain('damaged or incomplete');
    }
    expect(refused(decodeShareLink('#replay=1.<script>alert(1)</script>')).found).toContain(
      'other characters',
    );
  });

  it('an empty payload, or no version: refused', () => {
    for (const l of ['#replay=1.', '#replay=1..', '#replay=1', '#replay=', `#replay=${payload}`]) {
      const p = refused(decodeShareLink(l));
      expect(p.message, l).toContain('damaged or incomplete');
    }
    expect(refused(decodeShareLink(`#replay=${payload}`)).expected).toContain('version');
  });

  it('an unknown link version: says a newer (or a different) Second Front made it', () => {
    const newer = refused(decodeShareLink(`${LINK_PREFIX}2.${payload}`));
    expect(newer.message).toContain('newer Second Front (link version 2)');
    const other = refused(decodeShareLink(`${LINK_PREFIX}0.${payload}`));
    expect(other.message).toContain('different Second Front (link version 0)');
    expect(refused(decodeShareLink(`${LINK_PREFIX}v1.${payload}`)).expected).toContain('version');
  });

  it('a whole link holding a newer record format: says newer, not damaged', () => {
    const newer = encodeShareLink({ ...record, formatVersion: REPLAY_FORMAT_VERSION + 1 });
    if (!newer.ok) throw new Error(newer.error.message);
    const p = refused(decodeShareLink(newer.value));
    expect(p.message).toContain('newer Second Front');
    expect(p.message).not.toContain('damaged');
  });

  it('a whole link holding something that is not a valid record: refused with the path', () => {
    const bad = encodeShareLink({ ...record, seed: 's'.repeat(101) });
    if (!bad.ok) throw new Error(bad.error.message);
    const p = refused(decodeShareLink(bad.value));
    expect(p.message).toContain('$.seed');
  });

  it('not a share link at all: refused, and isShareLink says so', () => {
    for (const h of ['', '#', '#section-2', 'replay=1.abc', `https://example.org/${link}`]) {
      expect(isShareLink(h), h).toBe(false);
      const p = refused(decodeShareLink(h));
      expect(p.expected, h).toContain(LINK_PREFIX);
    }
  });

  it('never throws, whatever follows the prefix', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.stringMatching(/^[A-Za-z0-9+\-$.]{0,300}$/),
          fc.integer({ min: 0, max: payload.length }).map((n) => payload.slice(0, n)),
        ),
        (rest) => {
          const r = decodeShareLink(`${head}${rest}`);
          if (!r.ok) expect(r.error.message.length).toBeGreaterThan(20);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a record carrying a big custom scenario is too long for a link: refused, with the reason', () => {
    const loaded = loadScenarioFile('two-front');
    if (!loaded.ok) throw new Error(loaded.error[0]!.message);
    const carried = JSON.parse(JSON.stringify(loaded.value.scenario)) as Record<string, unknown>;
    const r = encodeShareLink({ ...record, scenario: carried });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain('too long for a share link');
    expect(r.error.message).toContain(MAX_LINK_CHARS.toLocaleString('en'));
    expect(r.error.message).toContain('file');
    expect(r.error.found).toContain('carries its custom scenario');
  });
});

describe('link length of real games', () => {
  // Measured when written: the 26-turn game below makes a link of 4,072 characters, the 30-turn
  // one 4,807 (other seeds: 3.8k to 5.5k; all seven seats human, ordering all they may: 5.2k).
  // 8,000 leaves room for busier games and still fits what chat tools and mail pass on unbroken.
  const LIMIT = 8000;

  it('a full 26-turn two-front game’s link is well under 8,000 characters', () => {
    const g = game('two-front')
      .seed('link-length')
      .human('usa')
      .decide(1, 'usa', [{ type: 'usa.reaffirm-article5' }])
      .decide(2, 'usa', [{ type: 'usa.surge-production' }])
      .turns(26)
      .play();
    expect(g.turnsPlayed).toBe(26);
    const l = encodeShareLink(g.replay());
    if (!l.ok) throw new Error(l.error.message);
    expect(l.value.length).toBeLessThan(LIMIT);
    expect(decodeShareLink(l.value)).toEqual({ ok: true, value: g.replay() });
  });

  it('a 30-turn game of a custom scenario: its link (without the scenario) is under 8,000', () => {
    const data = JSON.parse(scenarioText('two-front')) as {
      id: string;
      calendar: { maxTurns: number };
    };
    data.id = 'two-front-long';
    data.calendar.maxTurns = 100;
    const loaded = loadScenarioData(data, 'two-front-long.json');
    if (!loaded.ok) throw new Error(loaded.error[0]!.message);
    const opts: RunOptions = {
      seed: 'long-war',
      levers: defaultLevers(loaded.value.scenario),
      turns: 30,
      controllers: { usa: 'human' },
      script: [{ usa: [{ type: 'usa.reaffirm-article5' }] }],
    };
    const result = runEngine(loaded.value.scenario, opts);
    expect(result.rejection).toBeNull();
    expect(result.turnsPlayed).toBe(30);
    const rec = toReplay(loaded.value, opts, result);
    expect(rec.turnLimit).toBe(30);
    expect(rec.turnHashes).toHaveLength(30);
    expect(rec.scenario).toBeUndefined();
    const l = encodeShareLink(rec);
    if (!l.ok) throw new Error(l.error.message);
    expect(l.value.length).toBeLessThan(LIMIT);
    expect(decodeShareLink(l.value)).toEqual({ ok: true, value: rec });
  });
});

describe('messages quote a replay file safely', () => {
  it('a 4 MB format value with terminal escapes gives a short message with no raw control character', () => {
    const huge = `\u001b[2J${'x'.repeat(4 * 1024 * 1024)}\u009b`;
    const r = parseReplayText(JSON.stringify({ format: huge }), 'big.json');
    expect(r.ok).toBe(false);
    const msg = r.ok ? '' : r.error[0]!.message;
    expect(msg.length).toBeLessThan(400);
    expect(msg).toContain('\\u001b[2J');
    // eslint-disable-next-line no-control-regex
    expect(msg).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});
