import pg from 'pg';
import type { SessionRow, SessionStore, StoredEvent } from './store';

/**
 * The session store on PostgreSQL (`pg`), for several server processes sharing one database.
 *
 * Two tables: `sessions` (one row a session) and `events` (one row an event, primary key
 * `(session_id, seq)`). The primary key is what makes {@link SessionStore.append} safe across
 * processes: two processes that both append event 7 race on the index, PostgreSQL lets exactly one
 * insert commit and the other gets a unique violation, which resolves false. No lock is taken
 * and nothing is read first but the session's last seq.
 *
 * Event bodies are kept as `json`, not `jsonb`: `json` keeps the text exactly as written, so an
 * event's object keys come back in the order they went in (`jsonb` sorts them, and a replay that
 * iterates a record's keys would then differ from the SQLite store's).
 */

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database` (the server's `DATABASE_URL`). */
  connectionString?: string;
  /** Use this pool instead of opening one (then `close()` leaves it open). */
  pool?: pg.Pool;
  /**
   * The schema that holds the tables (created if missing); several classroom deployments, or
   * test runs, can share one database this way. Lower-case letters, digits and `_`.
   */
  schema?: string;
  /** Connections in the pool (default 10). */
  max?: number;
}

/** A taken `(session_id, seq)` or join code: PostgreSQL's `unique_violation`. */
const UNIQUE_VIOLATION = '23505';
/** One key for every process creating the schema at once (`CREATE ... IF NOT EXISTS` can race). */
const SCHEMA_LOCK = 0x5ec0f7;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens the store, creating its schema and tables if they are missing.
 *
 * @example
 * const store = await openPostgresStore({ connectionString: process.env.DATABASE_URL });
 * await store.append(sessionId, 8, { at: Date.now(), type: 'message', data: { text: 'hi' } });
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<SessionStore> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`not a schema name: ${JSON.stringify(schema)}`);
  const owned = !options.pool;
  const pool =
    options.pool ??
    new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  // An idle connection the server drops (a restart, a failover) is reported here; without a
  // listener it would crash the process. The next query opens a new connection.
  if (owned) pool.on('error', (err) => console.error(`PostgreSQL: ${err.message}`));
  try {
    await createSchema(pool, schema);
  } catch (err) {
    if (owned) await pool.end();
    throw err;
  }
  return new PostgresStore(pool, `"${schema}"`, owned);
}

/** Runs `fn` in one transaction on one connection of the pool: committed, or rolled back. */
async function transaction(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<void>,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await fn(client);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  return transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "${schema}".sessions (
        id text PRIMARY KEY,
        code text NOT NULL UNIQUE,
        created_at bigint NOT NULL,
        open boolean NOT NULL DEFAULT true
      )`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "${schema}".events (
        session_id text NOT NULL REFERENCES "${schema}".sessions (id),
        seq integer NOT NULL CHECK (seq >= 1),
        at bigint NOT NULL,
        type text NOT NULL,
        data json NOT NULL,
        PRIMARY KEY (session_id, seq)
      )`);
    await client.query(
      `CREATE INDEX IF NOT EXISTS sessions_open ON "${schema}".sessions (created_at) WHERE open`,
    );
  });
}

interface SessionRecord {
  id: string;
  code: string;
  created_at: string;
  open: boolean;
}

interface EventRecord {
  session_id: string;
  seq: number;
  at: string;
  type: string;
  data: unknown;
}

/** `bigint` comes back from `pg` as a string: epoch milliseconds fit a double exactly. */
function toRow(r: SessionRecord): SessionRow {
  return { id: r.id, code: r.code, createdAt: Number(r.created_at), open: r.open };
}

function toEvent(r: EventRecord): StoredEvent {
  return { sessionId: r.session_id, seq: r.seq, at: Number(r.at), type: r.type, data: r.data };
}

/**
 * Bodies go in as JSON text: `pg` would turn a JS array into a PostgreSQL array literal.
 * `undefined` is stored as `null`.
 */
function body(data: unknown): string {
  return JSON.stringify(data ?? null);
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && (err as { code?: unknown }).code === UNIQUE_VIOLATION;
}

class PostgresStore implements SessionStore {
  private readonly sessionsTable: string;
  private readonly eventsTable: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
    private readonly owned: boolean,
  ) {
    this.sessionsTable = `${schema}.sessions`;
    this.eventsTable = `${schema}.events`;
  }

  async create(
    row: Omit<SessionRow, 'open'>,
    first: Omit<StoredEvent, 'sessionId' | 'seq'>,
  ): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO ${this.sessionsTable} (id, code, created_at, open) VALUES ($1, $2, $3, true)`,
        [row.id, row.code, row.createdAt],
      );
      await client.query(
        `INSERT INTO ${this.eventsTable} (session_id, seq, at, type, data) VALUES ($1, 1, $2, $3, $4)`,
        [row.id, first.at, first.type, body(first.data)],
      );
    });
  }

  async append(
    sessionId: string,
    expectedSeq: number,
    event: Omit<StoredEvent, 'sessionId' | 'seq'>,
  ): Promise<boolean> {
    // Inserted only as the next number, so the log never has a gap (a caller ahead of the store,
    // or a session that does not exist, is refused like one behind it). Two processes appending
    // the same next number both pass that check; the primary key lets one commit, and the other
    // waits for it and gets a unique violation.
    try {
      const r = await this.pool.query(
        `INSERT INTO ${this.eventsTable} (session_id, seq, at, type, data)
         SELECT $1::text, $2::integer, $3::bigint, $4::text, $5::json
         WHERE (SELECT max(seq) FROM ${this.eventsTable} WHERE session_id = $1) = $2::integer - 1`,
        [sessionId, expectedSeq, event.at, event.type, body(event.data)],
      );
      return r.rowCount === 1;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  async events(sessionId: string, afterSeq = 0): Promise<StoredEvent[]> {
    const r = await this.pool.query<EventRecord>(
      `SELECT session_id, seq, at, type, data FROM ${this.eventsTable}
       WHERE session_id = $1 AND seq > $2 ORDER BY seq`,
      [sessionId, afterSeq],
    );
    return r.rows.map(toEvent);
  }

  async byCode(code: string): Promise<SessionRow | null> {
    const r = await this.pool.query<SessionRecord>(
      `SELECT id, code, created_at, open FROM ${this.sessionsTable} WHERE code = $1`,
      [code],
    );
    return r.rows[0] ? toRow(r.rows[0]) : null;
  }

  async byId(id: string): Promise<SessionRow | null> {
    const r = await this.pool.query<SessionRecord>(
      `SELECT id, code, created_at, open FROM ${this.sessionsTable} WHERE id = $1`,
      [id],
    );
    return r.rows[0] ? toRow(r.rows[0]) : null;
  }

  async openSessions(): Promise<SessionRow[]> {
    const r = await this.pool.query<SessionRecord>(
      `SELECT id, code, created_at, open FROM ${this.sessionsTable} WHERE open
       ORDER BY created_at, id`,
    );
    return r.rows.map(toRow);
  }

  async markEnded(id: string): Promise<void> {
    await this.pool.query(`UPDATE ${this.sessionsTable} SET open = false WHERE id = $1`, [id]);
  }

  async close(): Promise<void> {
    if (this.owned) await this.pool.end();
  }
}
