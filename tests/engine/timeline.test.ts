import { describe, expect, it } from 'vitest';
import { GameDriver, type GameSetup } from '../../src/app/driver';
import { isBundled, loadBundled, scenarioForRecord } from '../../src/app/scenarios';
import { verifyReplay } from '../../src/engine/run';
import { buildTimeline, checkpointAt, stateHash } from '../../src/engine/timeline';
import { hashValue } from '../../src/sim/hash';
import { PLAYABLE_ACTORS } from '../../src/sim/ids';
import type { ReplayRecord } from '../../src/sim/replay';
import { loadScenarioData } from '../../src/sim/scenario/load';
import { allAi } from '../../src/sim/run';
import { defaultLevers } from '../../src/sim/setup';
import { game, scenario } from '../helpers/game';

/**
 * The replay viewer's timeline: a record re-simulated through the paced engine, with the state at
 * the end of every turn. Every frame must be the state the record hashed; taking over from any
 * turn (fork) or resuming a saved game part-way through a turn must give the game an
 * uninterrupted run would have given.
 */

const loaded = scenario('two-front');
const played = game('two-front')
  .seed('timeline')
  .human('usa')
  .decide(1, 'usa', [{ type: 'usa.reaffirm-article5' }])
  .decide(3, 'usa', [{ type: 'usa.surge-production' }])
  .turns(10)
  .play();
const record = played.replay();

function timeline(r: ReplayRecord = record) {
  const t = buildTimeline(loaded, r);
  if (!t.ok) throw new Error(`turn ${t.error.turn}: ${t.error.reason}`);
  return t.value;
}

function setupFrom(r: ReplayRecord, extra: Partial<GameSetup> = {}): GameSetup {
  return {
    loaded,
    seed: r.seed,
    levers: defaultLevers(loaded.scenario),
    controllers: r.controllers,
    turnLimit: r.turnLimit,
    ...extra,
  };
}

/** Step a paused driver, deciding for the human seats with `choose`, until it ends. */
function playOut(d: GameDriver, choose: (turn: number) => Record<string, unknown[]> = () => ({})) {
  for (let i = 0; i < 2000; i++) {
    const v = d.view();
    if (v.ended) return;
    const seat = v.waiting[0];
    if (seat) {
      const r = d.submit(seat, (choose(v.ctx.state.turn)[seat] ?? []) as never);
      if (!r.ok) throw new Error(r.reason);
    } else d.step();
  }
  throw new Error('the game never ended');
}

describe('buildTimeline', () => {
  it('keeps a frame per turn whose state hashes to the record’s hash for that turn', () => {
    const t = timeline();
    expect(t.frames).toHaveLength(11);
    expect(t.frames[0]!.turn).toBe(0);
    for (let turn = 1; turn <= 10; turn++) {
      const f = t.frames[turn]!;
      expect(f.turn).toBe(turn);
      expect(hashValue(f.state)).toBe(record.turnHashes[turn - 1]);
      expect(f.hash).toBe(record.turnHashes[turn - 1]);
    }
    // The log grows turn by turn and is the log a straight run writes.
    const lengths = t.frames.map((f) => f.logLength);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    expect(t.log.length).toBe(played.log.length);
    expect(t.tracks).toEqual(played.tracks);
  });

  it('names the turn of an altered decision and of an altered hash', () => {
    const altered = structuredClone(record);
    altered.decisions[5]!.usa = [{ type: 'usa.surge-production' }];
    const r = buildTimeline(loaded, altered);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.turn).toBe(6);
    const hashed = structuredClone(record);
    hashed.turnHashes[2] = '0123456789abcdef';
    const h = buildTimeline(loaded, hashed);
    expect(h.ok).toBe(false);
    if (!h.ok) expect(h.error).toMatchObject({ turn: 3, reason: expect.stringMatching(/hash/) });
  });

  it('a record cut short part-way (a saved game) builds up to its last turn', () => {
    const part = { ...structuredClone(record) };
    part.decisions = part.decisions.slice(0, 4);
    part.turnHashes = part.turnHashes.slice(0, 4);
    part.finalHash = part.turnHashes[3]!;
    expect(timeline(part).frames).toHaveLength(5);
    const none = { ...part, decisions: [], turnHashes: [], finalHash: '' };
    expect(timeline(none).frames).toHaveLength(1);
  });

  it('names a different version of the scenario by both hashes', () => {
    const r = buildTimeline(loaded, { ...record, scenarioHash: '0000000000000000' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.reason).toContain('0000000000000000');
    if (!r.ok) expect(r.error.reason).toContain(loaded.hash);
  });
});

describe('fork: taking over from turn k', () => {
  it('with the same decisions, a fork from any turn ends where the parent did', () => {
    const t = timeline();
    for (const k of [0, 4, 9]) {
      const d = new GameDriver(
        setupFrom(record, {
          from: checkpointAt(t, k),
          parent: { finalHash: record.finalHash, turn: k },
          turnLimit: 10,
        }),
        { autoplay: false, speed: 'max' },
      );
      d.start();
      playOut(d, (turn) => ({ usa: record.decisions[turn - 1]?.usa ?? [] }));
      const fork = d.replay();
      expect(fork.turnHashes).toEqual(record.turnHashes);
      expect(fork.parent).toEqual({ finalHash: record.finalHash, turn: k });
      d.stop();
    }
  });

  it('with new decisions it diverges after the branch, and its own record verifies', () => {
    const t = timeline();
    const d = new GameDriver(
      setupFrom(record, {
        from: checkpointAt(t, 5),
        parent: { finalHash: record.finalHash, turn: 5 },
        turnLimit: 10,
      }),
      { autoplay: false, speed: 'max' },
    );
    d.start();
    playOut(d, (turn) => ({ usa: turn === 6 ? [{ type: 'usa.intervene-taiwan' }] : [] }));
    const fork = d.replay();
    d.stop();
    expect(fork.turnHashes.slice(0, 5)).toEqual(record.turnHashes.slice(0, 5));
    expect(fork.turnHashes[5]).not.toBe(record.turnHashes[5]);
    expect(verifyReplay(loaded, fork)).toMatchObject({ ok: true, finalHash: fork.finalHash });
  });

  it('a human seat handed to the AI in the fork stays human in the record and still verifies', () => {
    const t = timeline();
    const d = new GameDriver(
      setupFrom(record, { from: checkpointAt(t, 2), autoSeats: ['usa'], turnLimit: 10 }),
      { autoplay: false, speed: 'max' },
    );
    d.start();
    playOut(d);
    const fork = d.replay();
    d.stop();
    expect(fork.controllers.usa).toBe('human');
    expect(verifyReplay(loaded, fork).ok).toBe(true);
  });
});

describe('resume: a saved game put back where it stood', () => {
  it('at every phase of a turn, with a hot-seat decision already made, the state hash is the same', () => {
    const controllers = { ...allAi(), usa: 'human' as const, china: 'human' as const };
    const base: GameSetup = {
      loaded,
      seed: 'resume',
      levers: defaultLevers(loaded.scenario),
      controllers,
      turnLimit: 8,
    };
    const live = new GameDriver(base, { autoplay: false, speed: 'max' });
    live.start();
    const seen = new Set<string>();
    for (let i = 0; i < 400 && !live.view().ended; i++) {
      const v = live.view();
      // Save here, then put a fresh driver back at this point and compare.
      const saved = live.replay();
      const turn = v.ctx.state.turn;
      const done = saved.turnHashes.length;
      const keep = v.phase === 'assessment' ? done - 1 : done;
      const rec = {
        ...saved,
        decisions: saved.decisions.slice(0, keep),
        turnHashes: saved.turnHashes.slice(0, keep),
        finalHash: saved.turnHashes[keep - 1] ?? '',
      };
      const pending =
        v.phase === 'assessment' ? (saved.decisions[turn - 1] ?? {}) : live.pendingHuman();
      const t = buildTimeline(loaded, rec);
      expect(t.ok).toBe(true);
      if (!t.ok) return;
      const back = new GameDriver(
        { ...base, from: checkpointAt(t.value, keep) },
        {
          autoplay: false,
          speed: 'max',
        },
      );
      back.start();
      expect(back.advanceTo({ phase: v.phase, pending }).ok).toBe(true);
      expect(back.view().phase).toBe(v.phase);
      expect(back.stateHash(), `turn ${turn} ${v.phase}`).toBe(live.stateHash());
      expect(back.replay().turnHashes).toEqual(saved.turnHashes);
      back.stop();
      seen.add(v.phase);
      const seat = v.waiting[0];
      if (seat) live.submit(seat, seat === 'usa' ? [{ type: 'usa.reaffirm-article5' }] : []);
      else live.step();
    }
    expect([...seen].sort()).toEqual(
      [
        'adjudication',
        'assessment',
        'briefing',
        'decided',
        'decisions',
        'events',
        'intelligence',
      ].sort(),
    );
    expect(stateHash(live.view().ctx.state)).toBe(live.stateHash());
    live.stop();
  });
});

describe('custom scenarios in records', () => {
  it('a record of a custom scenario carries it, and the carried scenario hashes the same', () => {
    const base = loadBundled('two-front');
    if (!base.ok) throw new Error('no baseline');
    const data = JSON.parse(JSON.stringify(base.value.scenario)) as Record<string, unknown>;
    data['id'] = 'my-variant';
    data['name'] = 'My variant';
    const custom = loadScenarioData(data, 'my-variant.json');
    expect(custom.ok).toBe(true);
    if (!custom.ok) return;
    expect(isBundled(custom.value)).toBe(false);
    expect(isBundled(base.value)).toBe(true);
    const d = new GameDriver(
      {
        loaded: custom.value,
        seed: 'c',
        levers: defaultLevers(custom.value.scenario),
        controllers: allAi(),
        turnLimit: 3,
        custom: true,
      },
      { autoplay: false, speed: 'max' },
    );
    d.start();
    playOut(d);
    const r = d.replay();
    d.stop();
    expect(r.scenario).toBeDefined();
    const back = scenarioForRecord(JSON.parse(JSON.stringify(r)) as ReplayRecord, 'x.json');
    expect(back.ok && back.value.hash).toBe(custom.value.hash);
    expect(PLAYABLE_ACTORS.every((a) => r.controllers[a] === 'ai')).toBe(true);
    // Altering the carried scenario is caught.
    const tampered = structuredClone(r);
    (tampered.scenario as Record<string, unknown>)['name'] = 'Changed';
    const t = scenarioForRecord(tampered, 'x.json');
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.error.message).toMatch(/altered/);
  });
});
