import { describe, expect, it } from 'vitest';
import { verifyReplay, type VerifyResult } from '../../src/engine/run';
import {
  RULES_VERSION,
  REPLAY_FORMAT_VERSION,
  parseReplayText,
  type ReplayRecord,
} from '../../src/sim/replay';
import type { InputProblem, Result } from '../../src/sim/validation';
import { game, scenario } from '../helpers/game';

/**
 * Replays check themselves: a record carries the seed, levers, seats, every decision and the state
 * hash after each turn. Verifying re-simulates it and must report the first turn that differs,
 * with a reason a person can act on. Parsing a replay file refuses anything that is not one.
 */

const loaded = scenario('two-front');
const TURNS = 6;

/** A game with a scripted US seat, so the record holds both human and AI decisions. */
const played = game('two-front')
  .seed('replay')
  .set('chinaCourse', 'invasion')
  .decide(1, 'usa', [{ type: 'usa.reaffirm-article5' }])
  .decide(2, 'usa', [{ type: 'usa.surge-production' }])
  // The invasion sails in turn 4, and the prompt-intervention lever brings the US in with it; the
  // US seat's own choice in turn 5 is a Pacific reinforcement.
  .decide(5, 'usa', [{ type: 'usa.reinforce-pacific' }])
  .turns(TURNS)
  .play();
const record = played.replay();

function copy(): ReplayRecord {
  return structuredClone(record);
}

function mismatch(v: VerifyResult): { turn: number | null; reason: string } {
  expect(v.ok).toBe(false);
  if (v.ok) throw new Error('unreachable');
  return v;
}

describe('verifyReplay', () => {
  it('a fresh record verifies', () => {
    expect(played.rejection).toBeNull();
    expect(record.turnHashes).toHaveLength(TURNS);
    expect(record.controllers.usa).toBe('human');
    expect(verifyReplay(loaded, copy())).toEqual({
      ok: true,
      turns: TURNS,
      finalHash: played.finalHash,
    });
  });

  it('an AI seat’s decision altered in turn k: mismatch at turn k naming the seat', () => {
    for (const k of [1, 4, TURNS]) {
      const r = copy();
      const before = r.decisions[k - 1]!.russia ?? [];
      r.decisions[k - 1]!.russia = before.some((d) => d.type === 'russia.disinformation')
        ? []
        : [...before, { type: 'russia.disinformation' }];
      const v = mismatch(verifyReplay(loaded, r));
      expect(v.turn).toBe(k);
      expect(v.reason).toContain("russia's decisions differ");
    }
  });

  it('a human seat’s decision changed to another legal one in turn k: the state differs from turn k', () => {
    const r = copy();
    r.decisions[1]!.usa = [{ type: 'usa.reaffirm-article5' }];
    const v = mismatch(verifyReplay(loaded, r));
    expect(v.turn).toBe(2);
    expect(v.reason).toMatch(/state hash differs|decisions differ/);
  });

  it('a human seat’s decision made illegal in turn k: reported at turn k with the rule', () => {
    const r = copy();
    r.decisions[2]!.usa = [{ type: 'usa.nuclear-signal', target: 'russia' }];
    const v = mismatch(verifyReplay(loaded, r));
    expect(v.turn).toBe(3);
    expect(v.reason).toContain('illegal decision for usa');
    expect(v.reason).toContain('only in answer to a nuclear signal');
  });

  it('an altered turn hash: mismatch at that turn, naming both hashes', () => {
    const r = copy();
    const k = 5;
    const real = r.turnHashes[k - 1]!;
    r.turnHashes[k - 1] = real.startsWith('0') ? `1${real.slice(1)}` : `0${real.slice(1)}`;
    const v = mismatch(verifyReplay(loaded, r));
    expect(v.turn).toBe(k);
    expect(v.reason).toContain('state hash differs');
    expect(v.reason).toContain(r.turnHashes[k - 1]);
    expect(v.reason).toContain(real);
  });

  it('an altered final hash, a missing turn, an extra turn', () => {
    const a = copy();
    a.finalHash = '0123456789abcdef';
    expect(mismatch(verifyReplay(loaded, a)).reason).toContain('final hash differs');

    const b = copy();
    b.turnHashes.pop();
    expect(mismatch(verifyReplay(loaded, b)).turn).toBe(TURNS);

    const c = copy();
    c.turnHashes.push('0123456789abcdef');
    expect(mismatch(verifyReplay(loaded, c)).turn).toBe(TURNS + 1);
  });

  it('a changed scenario: mismatch naming both scenario hashes', () => {
    const r = copy();
    r.scenarioHash = 'ffffffffffffffff';
    const v = mismatch(verifyReplay(loaded, r));
    expect(v.turn).toBeNull();
    expect(v.reason).toContain('ffffffffffffffff');
    expect(v.reason).toContain(loaded.hash);
    expect(v.reason).toContain('two-front');
  });

  it('another scenario, another engine, a bad lever, another seed', () => {
    const skeptic = scenario('skeptic');
    expect(mismatch(verifyReplay(skeptic, copy())).reason).toContain('"two-front"');

    const e = copy();
    e.engineVersion = '0.0.1';
    const ve = mismatch(verifyReplay(loaded, e));
    expect(ve.reason).toContain('0.0.1');
    expect(ve.reason).toContain(RULES_VERSION);

    // Other rules are named before anything else, even when the scenario changed too.
    e.scenarioHash = 'ffffffffffffffff';
    expect(mismatch(verifyReplay(loaded, e)).reason).toMatch(
      /made under rules 0\.0\.1; this is rules/,
    );

    // Orders recorded for a background actor are not this game's, even though nobody plays it.
    const bg = copy();
    (bg.decisions[0] as Record<string, unknown>)['iran'] = [{ type: 'iran.strike' }];
    const vb = mismatch(verifyReplay(loaded, bg));
    expect(vb.turn).toBe(1);
    expect(vb.reason).toContain("iran's decisions differ");

    const l = copy();
    (l.levers as Record<string, unknown>)['article5Credibility'] = 7;
    expect(mismatch(verifyReplay(loaded, l)).reason).toContain('article5Credibility');

    const s = copy();
    s.seed = 'another';
    expect(mismatch(verifyReplay(loaded, s)).turn).toBe(1);
  });
});

describe('parseReplayText', () => {
  const text = JSON.stringify(record, null, 2);

  function problems(r: Result<ReplayRecord, InputProblem[]>): InputProblem[] {
    expect(r.ok).toBe(false);
    if (r.ok) throw new Error('unreachable');
    expect(r.error.length).toBeGreaterThan(0);
    for (const p of r.error) {
      expect(p.file).toBe('game.json');
      expect(p.message.startsWith('game.json')).toBe(true);
      expect(p.message).not.toMatch(/\n\s+at /);
    }
    return r.error;
  }

  it('round-trips a record', () => {
    const r = parseReplayText(text, 'game.json');
    expect(r).toEqual({ ok: true, value: record });
  });

  it('malformed JSON: says where', () => {
    const broken = text.replace('"seed": "replay",', '"seed": "replay"');
    const [p] = problems(parseReplayText(broken, 'game.json'));
    expect(p!.expected).toBe('valid JSON');
    expect(p!.message).toMatch(/line \d+, column \d+/);
  });

  it('a stray token: says which line and column, whatever the JavaScript engine’s wording', () => {
    // Node 20's JSON.parse gives no position for "Unexpected token" errors; the line and column
    // must still be reported (column 11 is the "}" after `  "seed": `).
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('"seed"'));
    lines[at] = '  "seed": },';
    const [p] = problems(parseReplayText(lines.join('\n'), 'game.json'));
    expect(p!.expected).toBe('valid JSON');
    expect(p!.message).toContain(`line ${at + 1}, column 11`);
  });

  it('an empty file', () => {
    const [p] = problems(parseReplayText('  \n', 'game.json'));
    expect(p!.message).toContain('empty file');
  });

  it('the wrong kind of file (a scenario, an array, a number)', () => {
    const scenarioText = JSON.stringify({ format: 'second-front-scenario', id: 'x' });
    const [a] = problems(parseReplayText(scenarioText, 'game.json'));
    expect(a!.path).toBe('$.format');
    expect(a!.message).toContain('second-front-replay');
    expect(a!.message).toContain('"second-front-scenario"');
    expect(problems(parseReplayText('[1,2]', 'game.json'))[0]!.message).toContain('an array');
    expect(problems(parseReplayText('42', 'game.json'))[0]!.path).toBe('$.format');
  });

  it('a newer format version: says a newer Second Front made it', () => {
    const newer = JSON.stringify({ ...record, formatVersion: REPLAY_FORMAT_VERSION + 1 });
    const [p] = problems(parseReplayText(newer, 'game.json'));
    expect(p!.path).toBe('$.formatVersion');
    expect(p!.message).toContain('newer');
    expect(p!.message).toContain(String(REPLAY_FORMAT_VERSION + 1));
  });

  it('fields of the wrong shape: each problem at its JSON path', () => {
    const bad = {
      ...record,
      seed: 42,
      turnHashes: ['nothex'],
      extra: true,
      decisions: [{ mars: [] }],
    };
    const ps = problems(parseReplayText(JSON.stringify(bad), 'game.json'));
    const at = (path: string) => ps.find((p) => p.path === path);
    expect(at('$.seed')?.message).toContain('string');
    expect(at('$.turnHashes[0]')).toBeDefined();
    expect(ps.some((p) => p.message.includes('"extra"'))).toBe(true);
    expect(ps.some((p) => p.message.includes('"mars"'))).toBe(true);
  });
});
