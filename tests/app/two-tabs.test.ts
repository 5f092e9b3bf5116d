import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Autosaver, type Conflict } from '../../src/app/autosaver';
import { GameDriver, type GameSetup } from '../../src/app/driver';
import { toSavedGame } from '../../src/app/resume';
import { NO_REVISION, createSaves, type SavedGame, type Saves } from '../../src/app/saves';
import { loadBundled } from '../../src/app/scenarios';
import { allAi } from '../../src/sim/run';
import { defaultLevers } from '../../src/sim/setup';

/**
 * Two tabs, one saved game. Each "tab" here is its own Saves (its own tab id and BroadcastChannel)
 * over one fake-indexeddb database, as two pages of one browser are. What must hold: a write from
 * a tab that is behind is refused and changes nothing; two writes racing from the same revision
 * cannot both land; the tab that is behind hears of it, writes nothing more, and can keep its game
 * as a new saved game without touching the other.
 */

const loaded = (() => {
  const r = loadBundled('two-front');
  if (!r.ok) throw new Error('two-front did not load');
  return r.value;
})();

function setup(): GameSetup {
  return {
    loaded,
    seed: 'tabs',
    levers: defaultLevers(loaded.scenario),
    controllers: { ...allAi(), usa: 'human' },
    turnLimit: 5,
  };
}

const driver = new GameDriver(setup(), { autoplay: false, speed: 'max' });
driver.start();
/** A saved game told apart from others by its save time and (claimed) turn. */
function game(id: string, savedAt: string, turn = 1): SavedGame {
  return { ...toSavedGame(driver, { id, createdAt: savedAt, savedAt }), turn };
}

let n = 0;
const open: Saves[] = [];
/** Two tabs on one new database. */
function tabs(): [Saves, Saves] {
  n += 1;
  const a = createSaves({ db: `tabs-${n}`, tab: 'tab-a' });
  const b = createSaves({ db: `tabs-${n}`, tab: 'tab-b' });
  open.push(a, b);
  return [a, b];
}
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function storedAt(s: Saves, id: string): Promise<string | undefined> {
  const e = await s.get(id);
  return e?.ok ? e.game.savedAt : undefined;
}

function until(check: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = (): void => {
      if (check()) resolve();
      else if (Date.now() - started > 2000) reject(new Error('timed out waiting'));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

describe('check-and-set', () => {
  it('a write from a tab behind the stored revision is refused and not applied', async () => {
    const [a, b] = tabs();
    const first = await a.put(game('g', 'A-1'), NO_REVISION);
    expect(first).toEqual({ ok: true, revision: { n: 1, tab: 'tab-a' } });
    // Tab B continues from what it read, and plays on.
    const read = await b.get('g');
    if (!read?.ok || !read.game.revision) throw new Error('not stored with a revision');
    let base = read.game.revision;
    for (let i = 1; i <= 3; i++) {
      const r = await b.put(game('g', `B-${i}`, 1 + i), base);
      if (!r.ok) throw new Error('B refused');
      base = r.revision;
    }
    expect(base).toEqual({ n: 4, tab: 'tab-b' });
    // Tab A still holds revision 1.
    const stale = await a.put(game('g', 'A-2', 2), first.ok ? first.revision : NO_REVISION);
    expect(stale).toEqual({ ok: false, stored: { revision: { n: 4, tab: 'tab-b' }, turn: 4 } });
    expect(await storedAt(a, 'g')).toBe('B-3');
  });

  it('two writes racing from one revision: exactly one lands', async () => {
    const [a, b] = tabs();
    const r0 = await a.put(game('g', 'start'), NO_REVISION);
    if (!r0.ok) throw new Error('first write refused');
    const [ra, rb] = await Promise.all([
      a.put(game('g', 'from-a'), r0.revision),
      b.put(game('g', 'from-b'), r0.revision),
    ]);
    expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1);
    expect(await storedAt(a, 'g')).toBe(ra.ok ? 'from-a' : 'from-b');
  });

  it("a tab's own write that landed late is not a conflict; a deleted game may be written again", async () => {
    const [a, b] = tabs();
    expect((await a.put(game('g', 'one'), NO_REVISION)).ok).toBe(true);
    // As if the answer to that write had come after the time limit: A still holds no revision.
    expect(await a.put(game('g', 'two'), NO_REVISION)).toEqual({
      ok: true,
      revision: { n: 2, tab: 'tab-a' },
    });
    await b.remove('g');
    expect((await a.put(game('g', 'three'), { n: 2, tab: 'tab-a' })).ok).toBe(true);
    expect(await storedAt(b, 'g')).toBe('three');
  });
});

describe('the autosaver in a tab that falls behind', () => {
  function saver(s: Saves, base = NO_REVISION, conflicts: Conflict[] = []): Autosaver {
    return new Autosaver(s, {
      id: 'g',
      createdAt: 'created',
      base,
      failed: (e) => {
        throw e;
      },
      stale: (c) => conflicts.push(c),
    });
  }

  it('hears at once that another tab moved the game on, then writes nothing over it', async () => {
    const [a, b] = tabs();
    const conflicts: Conflict[] = [];
    const inA = saver(a, NO_REVISION, conflicts);
    inA.save(game('g', 'A-1', 1));
    await inA.flush();
    const read = await b.get('g');
    if (!read?.ok) throw new Error('not stored');
    const inB = saver(b, read.game.revision);
    for (let i = 1; i <= 3; i++) inB.save(game('g', `B-${i}`, 1 + i));
    await inB.flush();
    // Told over the channel, before A has tried to write anything.
    await until(() => conflicts.length > 0);
    expect(conflicts[0]).toMatchObject({ id: 'g', here: 1, revision: { tab: 'tab-b' } });
    expect(conflicts[0]!.there).toBeGreaterThan(1);
    inA.save(game('g', 'A-2', 2));
    await inA.flush();
    expect(await storedAt(a, 'g')).toBe('B-3');
    expect(inA.stale).not.toBeNull();
    expect(conflicts).toHaveLength(1);
    inA.dispose();
    inB.dispose();
  });

  it('without the channel, the refused write makes it stale; kept as a new game, both survive', async () => {
    const [a, b] = tabs();
    // A tab that hears nothing (no BroadcastChannel, or the message lost).
    const deaf: Saves = { ...a, watch: () => () => undefined };
    const conflicts: Conflict[] = [];
    const inA = saver(deaf, NO_REVISION, conflicts);
    inA.save(game('g', 'A-1', 1));
    await inA.flush();
    const read = await b.get('g');
    if (!read?.ok) throw new Error('not stored');
    const inB = saver(b, read.game.revision);
    inB.save(game('g', 'B-1', 4));
    await inB.flush();
    expect(conflicts).toHaveLength(0);
    inA.save(game('g', 'A-2', 2));
    await inA.flush();
    expect(conflicts).toEqual([{ id: 'g', there: 4, here: 2, revision: { n: 2, tab: 'tab-b' } }]);
    expect(await storedAt(a, 'g')).toBe('B-1');

    inA.keepAs('copy', 'copied');
    await inA.flush();
    expect(inA.id).toBe('copy');
    const copy = await a.get('copy');
    expect(copy?.ok && [copy.game.savedAt, copy.game.turn, copy.game.createdAt]).toEqual([
      'A-2',
      2,
      'copied',
    ]);
    // It goes on saving under the new id; the other tab's game is untouched.
    inA.save(game('g', 'A-3', 3));
    await inA.flush();
    expect(await storedAt(a, 'copy')).toBe('A-3');
    expect(await storedAt(a, 'g')).toBe('B-1');
    inA.dispose();
    inB.dispose();
  });
});
