import type { UseStore } from 'idb-keyval';

/**
 * The saved games' IndexedDB connection, opened here rather than by idb-keyval's `createStore`,
 * for what that one does not do:
 *
 * - **A time limit on every request.** Some browsers (a locked-down profile, a wedged storage
 *   backend, an open blocked by another tab) never answer `indexedDB.open`; without a limit the
 *   autosaver, the saved-games list and "Back to the game" would wait for ever. Past the limit a
 *   request fails with {@link StorageTimeout}, which the callers turn into the usual "not saved,
 *   export it" notice.
 * - **Failing fast once the open has stalled.** After the open has outlived the limit once, later
 *   requests fail at once instead of each waiting the limit again (opening Game ▾ → Watch would
 *   otherwise stall for seconds every time); the open itself is left pending, and if it ever
 *   succeeds storage works again.
 * - **`versionchange`.** Another tab (a newer build) asking to upgrade the database gets its way:
 *   this connection closes and the next request reopens. Left open, it would block that tab.
 * - **`blocked`.** Noted, so the timeout can say that another tab holds the database.
 *
 * It has idb-keyval's `UseStore` shape, so idb-keyval's helpers (`get`, `entries`, `del`) run on it
 * unchanged. As with idb-keyval, one store keeps one connection.
 */

/** How long any storage request may take before the game gives up on it (a few seconds). */
export const STORAGE_TIMEOUT_MS = 3000;

/** A storage request that did not answer within the limit. */
export class StorageTimeout extends Error {
  override readonly name = 'StorageTimeout';
}

export interface GuardOptions {
  /** The time limit in milliseconds (tests use a short one). */
  readonly timeoutMs?: number;
}

/**
 * A `UseStore` over `dbName`/`storeName` with a time limit on every request.
 *
 * @example
 * const store = guardedStore('second-front', 'games');
 * const value = await get('game:abc', store); // or a StorageTimeout after STORAGE_TIMEOUT_MS
 */
export function guardedStore(dbName: string, storeName: string, opts: GuardOptions = {}): UseStore {
  const limit = opts.timeoutMs ?? STORAGE_TIMEOUT_MS;
  let db: Promise<IDBDatabase> | null = null;
  let connected = false;
  let stalled = false;
  let blocked = false;

  const open = (): Promise<IDBDatabase> => {
    if (db) return db;
    connected = false;
    stalled = false;
    blocked = false;
    const p = new Promise<IDBDatabase>((resolve, reject) => {
      let req: IDBOpenDBRequest;
      try {
        // `indexedDB` is read at call time, so fake-indexeddb in tests and a replaced
        // `indexedDB.open` in browser tests are honoured.
        req = indexedDB.open(dbName);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(storeName))
          req.result.createObjectStore(storeName);
      };
      req.onblocked = () => void (blocked = true);
      req.onsuccess = () => {
        const conn = req.result;
        const drop = (): void => {
          if (db === p) db = null;
        };
        conn.onversionchange = () => {
          conn.close();
          drop();
        };
        // Safari (and a cleared profile) can close the connection under us.
        conn.onclose = drop;
        connected = true;
        stalled = false;
        resolve(conn);
      };
      req.onerror = (e) => {
        // Handled here: the caller hears of it through the rejection, not the console.
        e.preventDefault();
        if (db === p) db = null;
        reject(req.error ?? new Error('IndexedDB did not open'));
      };
    });
    db = p;
    return p;
  };

  const timeout = (): StorageTimeout =>
    new StorageTimeout(
      blocked
        ? 'the saved games are held open by another tab; close it or reload it'
        : `the browser's storage did not answer within ${limit / 1000} s`,
    );

  return <T>(mode: IDBTransactionMode, callback: (store: IDBObjectStore) => T | PromiseLike<T>) => {
    if (stalled && db && !connected) return Promise.reject(timeout());
    const work = open().then((conn) =>
      callback(conn.transaction(storeName, mode).objectStore(storeName)),
    );
    return withTimeout(work, limit, () => {
      if (!connected) stalled = true;
      return timeout();
    });
  };
}

/** `work`, or the error from `late()` if it has not settled within `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(late()), ms);
    // Both outcomes are handled, so a request that settles after the limit is no unhandled
    // rejection (the browser tests count those as errors).
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
