import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { GameDriver, type GameSetup } from '../../src/app/driver';
import { resumeSaved, toSavedGame } from '../../src/app/resume';
import { Autosaver } from '../../src/app/autosaver';
import { NO_REVISION, createSaves, type SavedGame } from '../../src/app/saves';
import { loadBundled } from '../../src/app/scenarios';
import { allAi } from '../../src/sim/run';
import { defaultLevers } from '../../src/sim/setup';

/**
 * Saved games: kept in IndexedDB (fake-indexeddb here), listed newest first, checked on the way
 * out like any outside input, and put back exactly where they stood: after a reload the state
 * hash is the one before it, whatever phase the game was in.
 */

function setup(seed: string, humans: ('usa' | 'china')[]): GameSetup {
  const loaded = loadBundled('two-front');
  if (!loaded.ok) throw new Error('two-front did not load');
  const controllers = { ...allAi() };
  for (const h of humans) controllers[h] = 'human';
  return {
    loaded: loaded.value,
    seed,
    levers: defaultLevers(loaded.value.scenario),
    controllers,
    turnLimit: 5,
  };
}

let n = 0;
function store() {
  n += 1;
  return createSaves({ db: `test-${n}` });
}

function saved(d: GameDriver, id: string, at: string): SavedGame {
  return toSavedGame(d, { id, createdAt: at, savedAt: at });
}

describe('the saved-games store', () => {
  it('lists games newest first, gets and deletes them', async () => {
    const s = store();
    const d = new GameDriver(setup('a', ['usa']), { autoplay: false, speed: 'max' });
    d.start();
    await s.put(saved(d, 'one', '2026-12-01T10:00:00.000Z'), NO_REVISION);
    await s.put(saved(d, 'two', '2026-12-01T11:00:00.000Z'), NO_REVISION);
    const list = await s.list();
    expect(list.map((e) => (e.ok ? e.game.id : e.id))).toEqual(['two', 'one']);
    const one = await s.get('one');
    expect(one?.ok && one.game.id).toBe('one');
    await s.remove('one');
    expect((await s.list()).map((e) => (e.ok ? e.game.id : e.id))).toEqual(['two']);
    expect(await s.get('one')).toBeNull();
    d.stop();
  });

  it('a damaged entry is listed as unreadable with the reason, not loaded', async () => {
    const raw = createStore('test-damaged', 'games');
    const s = createSaves({ db: 'test-damaged' });
    await set('game:bad', { kind: 'second-front-save', version: 1, id: 'bad' }, raw);
    await set('game:future', { kind: 'second-front-save', version: 9 }, raw);
    const list = await s.list();
    expect(list).toHaveLength(2);
    for (const e of list) {
      expect(e.ok).toBe(false);
      if (!e.ok) expect(e.problem).toMatch(/saved game: at \$\./);
    }
  });

  it('the autosaver writes the latest game once a write in flight is done', async () => {
    const s = store();
    const writes: string[] = [];
    const spy = {
      ...s,
      put: async (g: SavedGame, base: typeof NO_REVISION) => (
        writes.push(g.savedAt),
        s.put(g, base)
      ),
    };
    const a = new Autosaver(spy, {
      id: 'g',
      createdAt: '2026-12-01T10:00:00.000Z',
      failed: (e) => {
        throw e;
      },
      stale: () => {
        throw new Error('no other tab here');
      },
    });
    const d = new GameDriver(setup('b', []), { autoplay: false, speed: 'max' });
    d.start();
    for (let i = 0; i < 5; i++) a.save(saved(d, 'g', `2026-12-01T10:00:0${i}.000Z`));
    await a.flush();
    // The first write started at once; the three in between were replaced by the last.
    expect(writes).toEqual(['2026-12-01T10:00:00.000Z', '2026-12-01T10:00:04.000Z']);
    const back = await s.get('g');
    expect(back?.ok && back.game.savedAt).toBe('2026-12-01T10:00:04.000Z');
    d.stop();
  });
});

describe('resuming a saved game', () => {
  it('from any phase of a hot-seat game, through storage, gives the same state hash', async () => {
    const s = store();
    const live = new GameDriver(setup('resume', ['usa', 'china']), {
      autoplay: false,
      speed: 'max',
    });
    live.start();
    let checked = 0;
    for (let i = 0; i < 200 && !live.view().ended; i++) {
      await s.put(saved(live, 'live', '2026-12-01T10:00:00.000Z'), NO_REVISION);
      const entry = await s.get('live');
      if (!entry?.ok) throw new Error('not saved');
      const r = resumeSaved(entry.game);
      if (!r.ok) throw new Error(r.error);
      const back = new GameDriver(r.value.setup, { autoplay: false, speed: 'max' });
      back.start();
      expect(back.advanceTo(r.value.point).ok).toBe(true);
      const v = live.view();
      expect(back.view().phase, `turn ${v.ctx.state.turn}`).toBe(v.phase);
      expect(back.stateHash()).toBe(live.stateHash());
      expect(back.view().waiting).toEqual(v.waiting);
      back.stop();
      checked++;
      const seat = v.waiting[0];
      if (seat) live.submit(seat, []);
      else live.step();
    }
    expect(checked).toBeGreaterThan(30);
    live.stop();
  });

  it('a saved game whose record was altered is refused with the turn named', () => {
    const d = new GameDriver(setup('alt', ['usa']), { autoplay: false, speed: 'max' });
    d.start();
    for (let i = 0; i < 40; i++) {
      const v = d.view();
      if (v.waiting[0]) d.submit(v.waiting[0], []);
      else d.step();
    }
    const g = saved(d, 'x', '2026-12-01T10:00:00.000Z');
    d.stop();
    expect(g.record.turnHashes.length).toBeGreaterThan(2);
    const bad = structuredClone(g) as { -readonly [K in keyof SavedGame]: SavedGame[K] };
    bad.record.turnHashes[1] = 'ffffffffffffffff';
    const r = resumeSaved(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/turn 2/);
  });
});
