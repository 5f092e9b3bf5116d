import 'fake-indexeddb/auto';
import { get, set } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Autosaver } from '../../src/app/autosaver';
import { StorageTimeout, guardedStore } from '../../src/app/idb-store';
import { createSaves, type SavedGame } from '../../src/app/saves';

/**
 * Storage that never answers, or that another tab wants to upgrade. Nothing may wait for ever: a
 * request past the time limit fails with StorageTimeout (and once the open has stalled, later
 * requests fail at once); a `versionchange` from another connection closes ours so that one is
 * not blocked.
 */

afterEach(() => {
  vi.unstubAllGlobals();
});

/** An `indexedDB` whose open returns a request that never fires, as some browsers do. */
function hangingOpen(): { opens: () => number } {
  let opens = 0;
  vi.stubGlobal('indexedDB', {
    open: () => {
      opens += 1;
      return {};
    },
  });
  return { opens: () => opens };
}

describe('a time limit on storage', () => {
  it('an open that never answers: the request fails after the limit, later ones at once', async () => {
    const h = hangingOpen();
    const saves = createSaves({ db: 'hang-1', timeoutMs: 300 });
    const t0 = Date.now();
    await expect(saves.list()).rejects.toBeInstanceOf(StorageTimeout);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    const t1 = Date.now();
    await expect(saves.get('x')).rejects.toThrow(/did not answer within 0.3 s/);
    expect(Date.now() - t1).toBeLessThan(150);
    // The stalled open is kept (it may still answer), not opened again and again.
    expect(h.opens()).toBe(1);
    saves.close();
  });

  it('the autosaver reports the failure once and its flush resolves', async () => {
    hangingOpen();
    const saves = createSaves({ db: 'hang-2', timeoutMs: 30 });
    const failures: unknown[] = [];
    const a = new Autosaver(saves, {
      id: 'g',
      createdAt: 'c',
      failed: (e) => failures.push(e),
      stale: () => undefined,
    });
    const g = { id: 'g', turn: 1 } as unknown as SavedGame;
    a.save(g);
    await a.flush();
    a.save({ ...g, turn: 2 });
    await a.flush();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(StorageTimeout);
    // Still in memory, to go back to.
    expect(a.latest()).toMatchObject({ game: { turn: 2 }, stored: false });
    a.dispose();
    saves.close();
  });

  it('a request on an open database that never completes also fails after the limit', async () => {
    const store = guardedStore('slow', 'games', { timeoutMs: 40 });
    await set('k', 1, store);
    await expect(store('readonly', () => new Promise<never>(() => undefined))).rejects.toThrow(
      StorageTimeout,
    );
    // The connection is fine for the next request.
    expect(await get('k', store)).toBe(1);
  });
});

describe('another connection upgrading the database', () => {
  it('closes ours on versionchange, so the upgrade is not blocked; ours then reopens', async () => {
    const store = guardedStore('upgrade', 'games', { timeoutMs: 1000 });
    await set('k', 'before', store);
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('upgrade', 2);
      req.onupgradeneeded = () => req.result.createObjectStore('other');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('blocked by our open connection'));
    });
    expect(upgraded.version).toBe(2);
    upgraded.close();
    expect(await get('k', store)).toBe('before');
  });
});
