import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/server/store-sqlite';
import { removeDir } from './harness';

/**
 * The SQLite store against a real database file: events in order with no gaps, an append at a
 * taken seq refused without writing (what lets two processes share a session), sessions found by
 * code and id, and everything still there when the file is opened again.
 */

const dir = mkdtempSync(join(tmpdir(), 'sf-store-'));
afterAll(() => removeDir(dir));

describe('SqliteStore', () => {
  it('appends in order, refuses a taken or skipped seq, and keeps everything across a reopen', async () => {
    const a = new SqliteStore(dir);
    await a.create(
      { id: 'aaaaaaaaaaaa', code: 'ABCDEFGH', createdAt: 1 },
      { at: 1, type: 'created', data: { n: 1 } },
    );
    expect(await a.append('aaaaaaaaaaaa', 2, { at: 2, type: 'joined', data: { n: 2 } })).toBe(true);
    // Two writers that both read seq 2: the second is refused and writes nothing.
    const b = new SqliteStore(dir);
    expect(await b.append('aaaaaaaaaaaa', 3, { at: 3, type: 'picked', data: { n: 3 } })).toBe(true);
    expect(await a.append('aaaaaaaaaaaa', 3, { at: 3, type: 'other', data: { n: 99 } })).toBe(
      false,
    );
    // Ahead of the store is refused too: a gap would make every later replica wrong.
    expect(await a.append('aaaaaaaaaaaa', 5, { at: 5, type: 'x', data: {} })).toBe(false);
    expect((await a.events('aaaaaaaaaaaa')).map((e) => [e.seq, e.type, e.data])).toEqual([
      [1, 'created', { n: 1 }],
      [2, 'joined', { n: 2 }],
      [3, 'picked', { n: 3 }],
    ]);
    expect((await a.events('aaaaaaaaaaaa', 2)).map((e) => e.seq)).toEqual([3]);
    expect(await a.byCode('ABCDEFGH')).toEqual({
      id: 'aaaaaaaaaaaa',
      code: 'ABCDEFGH',
      createdAt: 1,
      open: true,
    });
    expect(await a.byCode('ZZZZZZZZ')).toBeNull();
    // A second session with the same code is refused by the database.
    await expect(
      a.create(
        { id: 'bbbbbbbbbbbb', code: 'ABCDEFGH', createdAt: 2 },
        { at: 2, type: 'created', data: {} },
      ),
    ).rejects.toThrow();
    await a.create(
      { id: 'cccccccccccc', code: 'JKMNPQRS', createdAt: 3 },
      { at: 3, type: 'created', data: {} },
    );
    expect((await a.openSessions()).map((r) => r.id)).toEqual(['aaaaaaaaaaaa', 'cccccccccccc']);
    await a.markEnded('aaaaaaaaaaaa');
    await a.close();
    await b.close();

    const c = new SqliteStore(dir);
    expect((await c.openSessions()).map((r) => r.id)).toEqual(['cccccccccccc']);
    expect((await c.byId('aaaaaaaaaaaa'))?.open).toBe(false);
    expect((await c.events('aaaaaaaaaaaa')).length).toBe(3);
    expect((await c.events('bbbbbbbbbbbb')).length).toBe(0);
    await c.close();
  });
});
