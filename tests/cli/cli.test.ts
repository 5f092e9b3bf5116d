import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplayRecord } from '../../src/sim/replay';
import { ROOT, cli, expectInputError } from './run-cli';

/** The command line end to end: runs, replays, verification, bad input, batches. */

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'second-front-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('run', () => {
  it('is deterministic and shows its arithmetic: rolls and the AI’s reasons', async () => {
    const [a, b] = await Promise.all([
      cli('run', '--scenario', 'two-front', '--seed', '42'),
      cli('run', '--scenario', 'two-front', '--seed', '42'),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/roll \d+/);
    expect(a.stdout).toContain('[stream 42:');
    expect(a.stdout).toContain('why: ');
    expect(a.stdout).toContain('Top options');
    expect(a.stdout).toMatch(/Final state hash: [0-9a-f]{16}/);
    expect(a.stdout).toMatch(/Result after \d+ turns/);
  });

  it('--json carries the whole game, and --replay saves a record that verifies', async () => {
    const file = join(dir, 'game.json');
    const r = await cli(
      'run',
      '--scenario',
      'two-front',
      '--seed',
      '7',
      '--turns',
      '6',
      '--set',
      'chinaCourse=invasion',
      '--json',
      '--replay',
      file,
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const k of [
      'scenario',
      'seed',
      'levers',
      'outcome',
      'turnsPlayed',
      'finalHash',
      'events',
      'log',
      'tracks',
      'replay',
    ])
      expect(out, k).toHaveProperty(k);
    expect(out['scenario']).toBe('two-front');
    expect(out['seed']).toBe('7');
    expect(out['turnsPlayed']).toBe(6);
    expect((out['levers'] as Record<string, unknown>)['chinaCourse']).toBe('invasion');
    expect(out['finalHash']).toMatch(/^[0-9a-f]{16}$/);
    const events = out['events'] as Record<string, unknown>[];
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(typeof e['name']).toBe('string');
      expect(Number.isInteger(e['turn'])).toBe(true);
      expect(Number.isInteger(e['hour'])).toBe(true);
    }
    const log = out['log'] as Record<string, unknown>[];
    expect(log.length).toBeGreaterThan(100);
    for (const e of log) {
      expect(Number.isInteger(e['turn'])).toBe(true);
      expect(Number.isInteger(e['hour'])).toBe(true);
      expect(typeof e['type']).toBe('string');
      expect(typeof e['text']).toBe('string');
    }
    const tracks = out['tracks'] as Record<string, number[]>;
    expect(tracks['taiwanSupply']).toHaveLength(6);
    expect(tracks['escalation.indoPacific']).toHaveLength(6);
    const replay = out['replay'] as ReplayRecord;
    expect(replay.format).toBe('second-front-replay');
    expect(replay.finalHash).toBe(out['finalHash']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(replay);

    // Tamper with a copy: one AI decision of turn 3.
    const tampered = structuredClone(replay);
    const turn3 = tampered.decisions[2]!;
    turn3.russia = (turn3.russia ?? []).some((d) => d.type === 'russia.disinformation')
      ? []
      : [...(turn3.russia ?? []), { type: 'russia.disinformation' }];
    const bad = join(dir, 'tampered.json');
    writeFileSync(bad, JSON.stringify(tampered));
    // `verify` also accepts the `run --json` output, which carries the record.
    const jsonOut = join(dir, 'run-output.json');
    writeFileSync(jsonOut, r.stdout);

    const [ok, fromJson, mismatch] = await Promise.all([
      cli('verify', file),
      cli('verify', jsonOut),
      cli('verify', bad),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('match');
    expect(ok.stdout).toContain(replay.finalHash);
    expect(fromJson.code, fromJson.stderr).toBe(0);
    expectInputError(mismatch, 'mismatch at turn 3', 'russia');
  });
});

describe('a replay that carries its scenario', () => {
  it('a custom scenario’s replay verifies without the file; an altered carried one is refused', async () => {
    const custom = join(dir, 'long-war.json');
    writeFileSync(
      custom,
      JSON.stringify({ extends: 'two-front', id: 'long-war', calendar: { maxTurns: 40 } }),
    );
    const file = join(dir, 'long-war-replay.json');
    const r = await cli(
      'run',
      '--scenario',
      custom,
      '--seed',
      'carried',
      '--turns',
      '4',
      '--replay',
      file,
    );
    expect(r.code, r.stderr).toBe(0);
    const record = JSON.parse(readFileSync(file, 'utf8')) as ReplayRecord;
    expect(record.scenarioId).toBe('long-war');
    expect(record.scenario?.['id']).toBe('long-war');
    // The scenario file is gone: verify can only be using the one the replay carries.
    rmSync(custom);

    const altered = structuredClone(record);
    (altered.scenario!['calendar'] as Record<string, unknown>)['maxTurns'] = 41;
    const alteredFile = join(dir, 'long-war-altered.json');
    writeFileSync(alteredFile, JSON.stringify(altered));
    const renamed = structuredClone(record);
    renamed.scenario!['id'] = 'short-war';
    const renamedFile = join(dir, 'long-war-renamed.json');
    writeFileSync(renamedFile, JSON.stringify(renamed));
    const broken = { ...structuredClone(record), scenario: { id: 'long-war' } };
    const brokenFile = join(dir, 'long-war-broken.json');
    writeFileSync(brokenFile, JSON.stringify(broken));

    const [ok, bad, badId, notScenario] = await Promise.all([
      cli('verify', file),
      cli('verify', alteredFile),
      cli('verify', renamedFile),
      cli('verify', brokenFile),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('match: 4 turns');
    expect(ok.stdout).toContain(record.finalHash);
    expectInputError(bad, 'long-war-altered.json', 'carries was altered', record.scenarioHash);
    expectInputError(badId, 'carries was altered', '"short-war"');
    expectInputError(notScenario, 'long-war-broken.json', 'second-front-scenario');
  });
});

describe('bad input: exit 2 with a one-paragraph message', () => {
  it('unknown scenario, unknown lever, bad lever value, malformed replay, missing file', async () => {
    const malformed = join(dir, 'malformed.json');
    writeFileSync(malformed, '{\n  "format": "second-front-replay"\n  "seed": "1"\n}\n');
    const notReplay = join(dir, 'scenario-copy.json');
    writeFileSync(notReplay, readFileSync(join(ROOT, 'scenarios/skeptic.json')));
    const [scenario, lever, value, json, kind, missing] = await Promise.all([
      cli('run', '--scenario', 'atlantis', '--seed', '1'),
      cli('run', '--scenario', 'two-front', '--seed', '1', '--set', 'nukes=lots'),
      cli('run', '--scenario', 'two-front', '--seed', '1', '--set', 'article5Credibility=2'),
      cli('verify', malformed),
      cli('verify', notReplay),
      cli('verify', join(dir, 'nope.json')),
    ]);
    expectInputError(scenario, 'unknown scenario "atlantis"', 'two-front');
    expectInputError(lever, 'unknown lever "nukes"', 'article5Credibility');
    expectInputError(value, 'article5Credibility', '0..1', '"2"');
    expectInputError(json, 'malformed.json', 'valid JSON', 'line 3');
    expectInputError(kind, 'second-front-replay');
    expectInputError(missing, 'nope.json', 'no such file');
  });
});

describe('batch', () => {
  it('--json summarises outcomes and key-event rates for the runs asked for', async () => {
    const r = await cli(
      'batch',
      '--scenario',
      'two-front',
      '--runs',
      '6',
      '--threads',
      '0',
      '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as {
      runs: number;
      scenario: string;
      outcomes: Record<string, number>;
      events: Record<string, { count: number; rate: number; ci95: [number, number] }>;
    };
    expect(s.runs).toBe(6);
    expect(s.scenario).toBe('two-front');
    expect(Object.values(s.outcomes).reduce((t, n) => t + n, 0)).toBe(6);
    expect(Object.keys(s.events)).toContain('secondFront');
    for (const e of Object.values(s.events)) {
      expect(e.rate).toBeCloseTo(e.count / 6, 4);
      expect(e.ci95[0]).toBeLessThanOrEqual(e.rate);
      expect(e.ci95[1]).toBeGreaterThanOrEqual(e.rate);
    }
  });

  it('--policy sets the AI at every seat and the summary says how it played; a bad one is exit 2', async () => {
    const [planner, text, bogus, missing] = await Promise.all([
      cli(
        'batch',
        '--scenario',
        'two-front',
        '--runs',
        '4',
        '--threads',
        '0',
        '--policy',
        'planner',
        '--json',
      ),
      cli(
        'batch',
        '--scenario',
        'two-front',
        '--runs',
        '4',
        '--threads',
        '0',
        '--policy',
        'planner',
      ),
      cli('batch', '--scenario', 'two-front', '--runs', '4', '--policy', 'bogus'),
      cli('batch', '--scenario', 'two-front', '--runs', '4', '--policy'),
    ]);
    expect(planner.code, planner.stderr).toBe(0);
    const s = JSON.parse(planner.stdout) as {
      policies: Record<string, string>;
      ai: Record<string, { policy: string; againstOwnCalculus: number; meanScore: number }>;
    };
    expect(Object.values(s.policies).every((p) => p === 'planner')).toBe(true);
    expect(s.ai['russia']?.policy).toBe('planner');
    expect(s.ai['russia']?.againstOwnCalculus).toBe(0);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^AI: +policy/m);
    expect(text.stdout).toMatch(/^ {2}china +planner /m);
    expectInputError(bogus, '--policy', 'planner, one-step', '"bogus"');
    expectInputError(missing, 'policy');
  });
});

describe('duel', () => {
  it('--json pairs the arms for one actor; bad input is exit 2 with a clear message', async () => {
    const [ok, text, noActor, badActor, noRuns, oneRun, badSet] = await Promise.all([
      cli('duel', '--actor', 'japan', '--runs', '3', '--threads', '0', '--json'),
      cli('duel', '--actor', 'japan', '--runs', '2', '--threads', '0'),
      cli('duel', '--runs', '3'),
      cli('duel', '--actor', 'mars', '--runs', '3'),
      cli('duel', '--actor', 'china'),
      cli('duel', '--actor', 'china', '--runs', '1'),
      cli('duel', '--actor', 'china', '--runs', '3', '--set', 'nukes=lots'),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const d = JSON.parse(ok.stdout) as {
      scenario: string;
      runs: number;
      actors: { actor: string; wins: number; ties: number; losses: number }[];
    };
    expect(d.scenario).toBe('two-front');
    expect(d.runs).toBe(3);
    expect(d.actors.map((r) => r.actor)).toEqual(['japan']);
    expect(d.actors[0]!.wins + d.actors[0]!.ties + d.actors[0]!.losses).toBe(3);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^ {2}actor +mean A +mean B +A − B/m);
    expect(text.stdout).toMatch(/^ {2}japan /m);
    expectInputError(noActor, 'missing --actor');
    expectInputError(badActor, 'unknown actor "mars"', 'china', 'all');
    expectInputError(noRuns, 'missing --runs');
    expectInputError(oneRun, '--runs', '2..', '"1"');
    expectInputError(badSet, 'unknown lever "nukes"');
  });
});
