import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SessionRow, SessionStore, StoredEvent } from './store';

/**
 * The session store in one SQLite file (`<data>/sessions.sqlite`), through better-sqlite3.
 *
 * WAL journal: readers never block the writer, and several processes on one machine may share the
 * file (`busy_timeout` makes a writer wait for another's transaction rather than fail).
 * `synchronous = NORMAL` is SQLite's advice for WAL: a committed event survives the process
 * crashing or being killed (what "nothing lost" needs on a restart); only a power cut may lose the
 * last few, which FULL would keep at one fsync per event.
 *
 * `(session_id, seq)` is the primary key, so an append at a taken seq fails in the database itself,
 * whichever process tried first: that conflict is what {@link SessionStore.append} reports as false.
 */
export class SqliteStore implements SessionStore {
  private readonly db: Database.Database;
  private readonly stmt: {
    insertSession: Database.Statement<[string, string, number]>;
    insertEvent: Database.Statement<[string, number, number, string, string]>;
    lastSeq: Database.Statement<[string], { seq: number | null }>;
    events: Database.Statement<[string, number], EventRow>;
    byCode: Database.Statement<[string], Row>;
    byId: Database.Statement<[string], Row>;
    open: Database.Statement<[], Row>;
    markEnded: Database.Statement<[string]>;
  };
  private readonly appendTx: (
    sessionId: string,
    seq: number,
    at: number,
    type: string,
    data: string,
  ) => boolean;

  /** Open (or create) the store in `dir`, a folder made if missing; `:memory:` for a scratch one. */
  constructor(dir: string) {
    const file = dir === ':memory:' ? dir : join(mkdirAnd(dir), 'sessions.sqlite');
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS sessions (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        open INTEGER NOT NULL DEFAULT 1
      );
      CREATE TABLE IF NOT EXISTS events (
        session_id TEXT NOT NULL REFERENCES sessions(id),
        seq INTEGER NOT NULL,
        at INTEGER NOT NULL,
        type TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
      ) WITHOUT ROWID;
    `);
    this.stmt = {
      insertSession: this.db.prepare(
        'INSERT INTO sessions (id, code, created_at) VALUES (?, ?, ?)',
      ),
      insertEvent: this.db.prepare(
        'INSERT INTO events (session_id, seq, at, type, data) VALUES (?, ?, ?, ?, ?)',
      ),
      lastSeq: this.db.prepare('SELECT MAX(seq) AS seq FROM events WHERE session_id = ?'),
      events: this.db.prepare(
        'SELECT session_id, seq, at, type, data FROM events WHERE session_id = ? AND seq > ? ORDER BY seq',
      ),
      byCode: this.db.prepare('SELECT id, code, created_at, open FROM sessions WHERE code = ?'),
      byId: this.db.prepare('SELECT id, code, created_at, open FROM sessions WHERE id = ?'),
      open: this.db.prepare(
        'SELECT id, code, created_at, open FROM sessions WHERE open = 1 ORDER BY created_at, id',
      ),
      markEnded: this.db.prepare('UPDATE sessions SET open = 0 WHERE id = ?'),
    };
    // IMMEDIATE: the write lock is taken before the seq is read, so no other process can slip an
    // event in between the check and the insert.
    const tx = this.db.transaction(
      (sessionId: string, seq: number, at: number, type: string, data: string): boolean => {
        const last = this.stmt.lastSeq.get(sessionId)?.seq ?? 0;
        // Only the next number is accepted: a caller ahead of the store (a bug) must not leave
        // a gap, and one behind it must catch up.
        if (seq !== last + 1) return false;
        this.stmt.insertEvent.run(sessionId, seq, at, type, data);
        return true;
      },
    );
    this.appendTx = (...args) => tx.immediate(...args);
  }

  create(
    row: Omit<SessionRow, 'open'>,
    first: Omit<StoredEvent, 'sessionId' | 'seq'>,
  ): Promise<void> {
    return run(() =>
      this.db.transaction(() => {
        this.stmt.insertSession.run(row.id, row.code, row.createdAt);
        this.stmt.insertEvent.run(row.id, 1, first.at, first.type, JSON.stringify(first.data));
      })(),
    );
  }

  append(
    sessionId: string,
    expectedSeq: number,
    event: Omit<StoredEvent, 'sessionId' | 'seq'>,
  ): Promise<boolean> {
    return run(() =>
      this.appendTx(sessionId, expectedSeq, event.at, event.type, JSON.stringify(event.data)),
    );
  }

  events(sessionId: string, afterSeq = 0): Promise<StoredEvent[]> {
    return run(() =>
      this.stmt.events.all(sessionId, afterSeq).map((r) => ({
        sessionId: r.session_id,
        seq: r.seq,
        at: r.at,
        type: r.type,
        data: JSON.parse(r.data) as unknown,
      })),
    );
  }

  byCode(code: string): Promise<SessionRow | null> {
    return run(() => toRow(this.stmt.byCode.get(code)));
  }

  byId(id: string): Promise<SessionRow | null> {
    return run(() => toRow(this.stmt.byId.get(id)));
  }

  openSessions(): Promise<SessionRow[]> {
    return run(() => this.stmt.open.all().map((r) => toRow(r)!));
  }

  markEnded(id: string): Promise<void> {
    return run(() => {
      this.stmt.markEnded.run(id);
    });
  }

  close(): Promise<void> {
    return run(() => {
      if (this.db.open) this.db.close();
    });
  }
}

interface Row {
  id: string;
  code: string;
  created_at: number;
  open: number;
}

interface EventRow {
  session_id: string;
  seq: number;
  at: number;
  type: string;
  data: string;
}

function toRow(r: Row | undefined): SessionRow | null {
  return r ? { id: r.id, code: r.code, createdAt: r.created_at, open: r.open === 1 } : null;
}

/** better-sqlite3 is synchronous; the interface is asynchronous (PostgreSQL's is). */
function run<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

function mkdirAnd(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
