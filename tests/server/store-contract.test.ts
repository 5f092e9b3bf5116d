import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionStore, StoredEvent } from '../../src/server/store';
import { openPostgresStore } from '../../src/server/store-postgres';
import { SqliteStore } from '../../src/server/store-sqlite';
import { describeWith, dropSchema, probePostgres, testSchema } from './services';

/**
 * The one contract every session store keeps (`src/server/store.ts`), run against each real
 * database: SQLite in a temporary folder and PostgreSQL from `TEST_DATABASE_URL` (or
 * `DATABASE_URL`). A server process trusts these rules to stay consistent with others: an event
 * number is taken once, refused appends write nothing, the log has no gaps, and two store
 * instances on one database see one log.
 */

interface Backend {
  /** A store on the backend's database: every call, another instance (another connection). */
  open(): Promise<SessionStore>;
  cleanUp(): Promise<void>;
}

const id = () => randomBytes(6).toString('hex').slice(0, 12);
const code = () => randomBytes(8).toString('hex').slice(0, 8).toUpperCase();
const ev = (type: string, data: unknown, at = 1_700_000_000_000) => ({ at, type, data });

/** Appends `n` events as one writer that catches up whenever it is refused. */
async function writer(store: SessionStore, sessionId: string, name: string, n: number) {
  let refused = 0;
  for (let i = 0; i < n;) {
    const seen = await store.events(sessionId);
    const next = (seen.at(-1)?.seq ?? 0) + 1;
    if (await store.append(sessionId, next, ev('write', { name, i }))) i++;
    else refused++;
  }
  return refused;
}

function contract(name: string, backend: () => Backend): void {
  describe(`${name} store`, () => {
    let b: Backend;
    let store: SessionStore;
    const others: SessionStore[] = [];
    const another = async () => {
      const s = await b.open();
      others.push(s);
      return s;
    };
    beforeAll(async () => {
      b = backend();
      store = await b.open();
    });
    afterAll(async () => {
      for (const s of others) await s.close();
      await store?.close();
      await b?.cleanUp();
    });

    async function created(createdAt = 1_700_000_000_000) {
      const row = { id: id(), code: code(), createdAt };
      await store.create(row, ev('created', { title: 'T', levers: { b: 1, a: [2, 3] } }));
      return row;
    }

    it('creates a session with its first event as seq 1', async () => {
      const row = await created();
      expect(await store.byId(row.id)).toEqual({ ...row, open: true });
      const events = await store.events(row.id);
      expect(events).toEqual<StoredEvent[]>([
        {
          sessionId: row.id,
          seq: 1,
          at: 1_700_000_000_000,
          type: 'created',
          data: { title: 'T', levers: { b: 1, a: [2, 3] } },
        },
      ]);
      // Keys in the order they were written (a replay may iterate them).
      expect(Object.keys((events[0]!.data as { levers: object }).levers)).toEqual(['b', 'a']);
    });

    it('refuses a second session with a taken id or code, and keeps the first whole', async () => {
      const row = await created();
      await expect(store.create({ ...row, code: code() }, ev('created', {}))).rejects.toThrow();
      await expect(store.create({ ...row, id: id() }, ev('created', {}))).rejects.toThrow();
      expect(await store.events(row.id)).toHaveLength(1);
      expect(await store.byCode(row.code)).toEqual({ ...row, open: true });
    });

    it('appends with the expected seq and refuses a taken one, writing nothing', async () => {
      const row = await created();
      expect(await store.append(row.id, 2, ev('a', { n: 2 }))).toBe(true);
      expect(await store.append(row.id, 3, ev('a', { n: 3 }))).toBe(true);
      expect(await store.append(row.id, 3, ev('b', { n: 'again' }))).toBe(false);
      expect(await store.append(row.id, 2, ev('b', { n: 'late' }))).toBe(false);
      const events = await store.events(row.id);
      expect(events.map((e) => [e.seq, e.type, e.data])).toEqual([
        [1, 'created', { title: 'T', levers: { b: 1, a: [2, 3] } }],
        [2, 'a', { n: 2 }],
        [3, 'a', { n: 3 }],
      ]);
    });

    it('never leaves a gap: a seq past the next one, or an unknown session, is refused', async () => {
      const row = await created();
      expect(await store.append(row.id, 5, ev('a', {}))).toBe(false);
      expect(await store.append(row.id, 1, ev('a', {}))).toBe(false);
      expect(await store.append('nosuchsessio', 2, ev('a', {}))).toBe(false);
      expect(await store.events(row.id)).toHaveLength(1);
    });

    it('keeps bodies as JSON: arrays, nesting, unicode, null', async () => {
      const row = await created();
      const data = { list: [1, [2, { x: null }]], text: 'Taïwan — 台灣 "q" \\ \n', n: -1.5 };
      expect(await store.append(row.id, 2, ev('j', data, 1_800_000_000_123))).toBe(true);
      expect(await store.append(row.id, 3, ev('top', [1, 2]))).toBe(true);
      expect(await store.append(row.id, 4, ev('none', null))).toBe(true);
      const [, a, c, d] = await store.events(row.id);
      expect(a).toMatchObject({ data, at: 1_800_000_000_123 });
      expect(c!.data).toEqual([1, 2]);
      expect(d!.data).toBeNull();
    });

    it('reads the events after a seq, in order', async () => {
      const row = await created();
      for (let s = 2; s <= 6; s++) expect(await store.append(row.id, s, ev('a', { s }))).toBe(true);
      expect((await store.events(row.id, 3)).map((e) => e.seq)).toEqual([4, 5, 6]);
      expect((await store.events(row.id, 0)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await store.events(row.id, 6)).toEqual([]);
      expect(await store.events('nosuchsessio')).toEqual([]);
    });

    it('finds sessions by code and by id, or null', async () => {
      const row = await created();
      expect(await store.byCode(row.code)).toEqual({ ...row, open: true });
      expect(await store.byId(row.id)).toEqual({ ...row, open: true });
      expect(await store.byCode('ZZZZZZZZ')).toBeNull();
      expect(await store.byId('nosuchsessio')).toBeNull();
    });

    it('lists open sessions oldest first; an ended one drops out but keeps its events', async () => {
      const late = await created(1_700_000_000_300);
      const early = await created(1_700_000_000_100);
      const middle = await created(1_700_000_000_200);
      const mine = new Set([late.id, early.id, middle.id]);
      const open = async () => (await store.openSessions()).filter((r) => mine.has(r.id));
      expect((await open()).map((r) => r.id)).toEqual([early.id, middle.id, late.id]);
      await store.markEnded(middle.id);
      expect((await open()).map((r) => r.id)).toEqual([early.id, late.id]);
      expect(await store.byId(middle.id)).toEqual({ ...middle, open: false });
      expect(await store.events(middle.id)).toHaveLength(1);
    });

    it('shares one log between two store instances: each sees what the other wrote', async () => {
      const row = await created();
      const other = await another();
      expect(await other.byCode(row.code)).toEqual({ ...row, open: true });
      expect(await other.append(row.id, 2, ev('from-other', {}))).toBe(true);
      expect(await store.append(row.id, 2, ev('from-first', {}))).toBe(false);
      expect((await store.events(row.id, 1)).map((e) => e.type)).toEqual(['from-other']);
      expect(await store.append(row.id, 3, ev('from-first', {}))).toBe(true);
      expect((await other.events(row.id, 2)).map((e) => e.type)).toEqual(['from-first']);
    });

    it('lets exactly one of two instances take a seq raced at once', async () => {
      const row = await created();
      const other = await another();
      for (let seq = 2; seq <= 11; seq++) {
        const won = await Promise.all([
          store.append(row.id, seq, ev('x', { by: 'first' })),
          other.append(row.id, seq, ev('x', { by: 'other' })),
        ]);
        expect(won.filter(Boolean)).toHaveLength(1);
      }
      expect((await store.events(row.id)).map((e) => e.seq)).toEqual(
        Array.from({ length: 11 }, (_, i) => i + 1),
      );
    });

    it('keeps every accepted event of two writers catching up, once each, with no gap', async () => {
      const row = await created();
      const other = await another();
      const n = 25;
      await Promise.all([writer(store, row.id, 'a', n), writer(other, row.id, 'b', n)]);
      const events = await other.events(row.id);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 2 * n + 1 }, (_, i) => i + 1));
      for (const w of ['a', 'b']) {
        const is = events
          .filter((e) => (e.data as { name?: string }).name === w)
          .map((e) => (e.data as { i: number }).i);
        expect(is).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    });
  });
}

contract('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sf-store-'));
  return {
    open: async () => new SqliteStore(dir),
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

const postgres = await probePostgres();

describeWith([postgres], 'PostgreSQL store', () => {
  const schema = testSchema('contract');
  contract('PostgreSQL', () => ({
    open: () => openPostgresStore({ connectionString: postgres.url!, schema, max: 4 }),
    cleanUp: () => dropSchema(postgres.url!, schema),
  }));

  it('creates its schema once when several processes open it at once', async () => {
    const fresh = testSchema('contract_open');
    const stores = await Promise.all(
      Array.from({ length: 4 }, () =>
        openPostgresStore({ connectionString: postgres.url!, schema: fresh, max: 1 }),
      ),
    );
    for (const s of stores) await s.close();
    await dropSchema(postgres.url!, fresh);
  });
});
