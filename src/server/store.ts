/**
 * Where sessions are kept: an append-only event log per session. A session is never stored as
 * its state: its state is rebuilt by applying its events in order (replays are exact), so a
 * restarted server, or a second server process, holds exactly the same game.
 *
 * Two implementations: SQLite (`better-sqlite3`, one process, the default) and PostgreSQL (`pg`,
 * `DATABASE_URL`, several processes). Both are tested against the real database.
 */

/** One event as stored. `seq` counts from 1 within its session, with no gaps. */
export interface StoredEvent {
  readonly sessionId: string;
  readonly seq: number;
  /** Epoch milliseconds when the server accepted it (clocks are recorded, never read on replay). */
  readonly at: number;
  readonly type: string;
  /** The event's body, as JSON-compatible data. */
  readonly data: unknown;
}

/** What identifies a session without reading its events: for lookups by code and on restart. */
export interface SessionRow {
  readonly id: string;
  /** The join code (normalised: no dash). */
  readonly code: string;
  readonly createdAt: number;
  /** Still running (not ended): rebuilt when the server starts. */
  readonly open: boolean;
}

export interface SessionStore {
  /** Create the session's row and its first event (seq 1) in one transaction. */
  create(
    row: Omit<SessionRow, 'open'>,
    first: Omit<StoredEvent, 'sessionId' | 'seq'>,
  ): Promise<void>;
  /**
   * Append an event as number `expectedSeq`. Resolves false, writing nothing, if that number is
   * already taken (another process appended first): the caller catches up and tries again.
   */
  append(
    sessionId: string,
    expectedSeq: number,
    event: Omit<StoredEvent, 'sessionId' | 'seq'>,
  ): Promise<boolean>;
  /** The session's events from `afterSeq` + 1 on, in order. */
  events(sessionId: string, afterSeq?: number): Promise<StoredEvent[]>;
  byCode(code: string): Promise<SessionRow | null>;
  byId(id: string): Promise<SessionRow | null>;
  /** Sessions not ended, oldest first. */
  openSessions(): Promise<SessionRow[]>;
  markEnded(id: string): Promise<void>;
  close(): Promise<void>;
}
