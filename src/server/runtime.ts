import type { Decided } from './commands';
import { parseStoredEvent, type AppliedEvent, type SessionEvent } from './events';
import { nextDeadline, nextReaction } from './reactions';
import { Session, type ScenarioSource } from './session';
import type { SessionStore, StoredEvent } from './store';

/**
 * A session held by this process: its replica, the one way events get into it, and its clock.
 *
 * Every change goes the same way: decide the event against the replica, append it to the store at
 * the replica's next seq, and apply it only once the store has taken it. If the store refuses the
 * seq (another process appended first), the replica catches up from the store and the request is
 * decided again against the newer state. Requests to one session run one at a time here, so
 * within a process only another process can take a seq.
 */

export interface RuntimeDeps {
  readonly store: SessionStore;
  readonly now: () => number;
  readonly scenarios: ScenarioSource;
  /** Called after anything changed the session (views are due). */
  readonly changed: (rt: SessionRuntime) => void;
  /** Called after each event this process appended (to tell other processes: `refresh`). */
  readonly appended?: (sessionId: string, seq: number) => void;
}

export type Outcome = { ok: true } | { ok: false; error: string };

/** Attempts at one request before giving up (each refusal means another process moved on). */
const ATTEMPTS = 8;
/** Reactions in a row before stopping to let requests in (a turn needs at most a few). */
const REACTIONS = 64;
/** setTimeout's largest delay; a later deadline is looked at again then. */
const MAX_DELAY = 2 ** 31 - 1;

export class SessionRuntime {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  private constructor(
    readonly session: Session,
    private readonly deps: RuntimeDeps,
  ) {}

  get id(): string {
    return this.session.id;
  }

  /**
   * Rebuild a session from its events, then let it do what its time calls for (a deadline that
   * passed while the server was down holds the teams not in, as it would have).
   *
   * @example
   * const rt = await SessionRuntime.load('k3j4h5g6f7d8', deps);
   */
  static async load(id: string, deps: RuntimeDeps): Promise<SessionRuntime> {
    const events = (await deps.store.events(id)).map(mustParse);
    const first = events[0];
    if (!first) throw new Error(`session ${id} has no events`);
    const session = Session.fromCreated(id, first, deps.scenarios);
    for (const e of events.slice(1)) session.apply(e);
    const rt = new SessionRuntime(session, deps);
    await rt.tick();
    return rt;
  }

  /** Run a request: decide, append, apply, then the reactions it calls for. */
  command(decide: (s: Session) => Decided): Promise<Outcome> {
    return this.exclusive(async () => {
      const r = await this.appendDecided(decide);
      if (r.ok) await this.react();
      return r;
    });
  }

  /** Look at the clock now (a timer fired, or a test moved its clock). */
  tick(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.exclusive(() => this.react());
  }

  /** Catch up with events another process appended, then react. */
  refresh(): Promise<void> {
    return this.exclusive(async () => {
      await this.catchUp();
      await this.react();
    });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One request at a time per session; views go out once each has finished. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const seq = this.session.seq;
      try {
        return await fn();
      } finally {
        if (this.session.seq !== seq) this.deps.changed(this);
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Decide and append, catching up whenever the store is ahead. A refusal is checked against the
   * store too (`recheck`): another process may have moved the session on (started it, say), and
   * a request is refused only for what the session is, not for what this replica last knew.
   */
  private async appendDecided(decide: (s: Session) => Decided, recheck = true): Promise<Outcome> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const d = decide(this.session);
      if (!d.ok) {
        if (!recheck || !(await this.catchUp())) return d;
        continue;
      }
      if (await this.tryAppend(d.event)) return { ok: true };
      await this.catchUp();
    }
    return { ok: false, error: 'the session is busy; try again' };
  }

  private async tryAppend(event: SessionEvent): Promise<boolean> {
    const { store, now } = this.deps;
    const seq = this.session.seq + 1;
    const at = now();
    if (!(await store.append(this.id, seq, { at, type: event.type, data: event.data })))
      return false;
    this.session.apply({ ...event, seq, at } as AppliedEvent);
    if (event.type === 'ended') await store.markEnded(this.id);
    this.deps.appended?.(this.id, seq);
    return true;
  }

  /** Apply what the store has beyond this replica; true if there was anything. */
  private async catchUp(): Promise<boolean> {
    const events = await this.deps.store.events(this.id, this.session.seq);
    for (const e of events) this.session.apply(mustParse(e));
    return events.length > 0;
  }

  private async react(): Promise<void> {
    for (let i = 0; i < REACTIONS; i++) {
      const now = this.deps.now();
      const r = await this.appendDecided((s) => {
        const e = nextReaction(s, now);
        return e ? { ok: true, event: e } : { ok: false, error: '' };
      }, false);
      if (!r.ok) return this.schedule();
    }
    // More to do (every seat with the AI plays on by itself): go on after what is waiting.
    this.schedule();
    if (!this.closed) setImmediate(() => void this.tick().catch(() => undefined));
  }

  /** A timer for the running clock's deadline; it only prompts a look (`tick`). */
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const deadline = nextDeadline(this.session);
    if (deadline === null || this.closed) return;
    const delay = Math.min(MAX_DELAY, Math.max(0, deadline - this.deps.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tick().catch(() => undefined);
    }, delay);
    this.timer.unref();
  }
}

function mustParse(e: StoredEvent): AppliedEvent {
  const p = parseStoredEvent(e);
  if (!p.ok) throw new Error(`session ${e.sessionId}: ${p.error}`);
  return p.value;
}
