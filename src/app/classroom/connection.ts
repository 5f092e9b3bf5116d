import { io, type Socket } from 'socket.io-client';
import type { LogEntry } from '../../sim/log';
import {
  PROTOCOL_VERSION,
  type Attached,
  type ChatMessage,
  type ClientToServer,
  type ClientView,
  type GameView,
  type Reply,
  type ServerToClient,
  type SessionInfo,
} from '../../net/protocol';

/**
 * One page's link to the classroom server: a Socket.IO socket to the page's own origin, the
 * session this page is attached to, and what the server has sent it, put together. The server
 * sends the log and the messages as what is new since this page's count; the page checks that
 * count and asks for everything again (`view:resync`) when it missed something. Socket.IO
 * reconnects by itself after a dropped connection or a server restart; the page then attaches
 * again with the key it keeps, and the server sends the whole view afresh.
 */

export type ClassroomSocket = Socket<ServerToClient, ClientToServer>;

/** What this page holds of its session: the server's last view, the log and messages in full. */
export interface SessionState {
  readonly session: SessionInfo;
  readonly game: GameView | null;
  /** Every log entry this page may read, oldest first (the array grows in place). */
  readonly log: LogEntry[];
  readonly messages: ChatMessage[];
  /** Bumped on every view: a cheap "has anything changed" for those who cache. */
  readonly version: number;
}

export type LinkStatus = 'connecting' | 'online' | 'offline';

type Events = ClientToServer;
type Ack<E extends keyof Events> = Parameters<Parameters<Events[E]>[1]>[0];

/** How long a request waits for the server's answer before it is given up as unanswered. */
const REQUEST_MS = 10_000;

export interface Connection {
  readonly state: SessionState | null;
  readonly link: LinkStatus;
  /** Ask the server; a dropped link or no answer in time is an error reply, never a throw. */
  request<E extends keyof Events>(event: E, body: unknown): Promise<Ack<E>>;
  /** Attach to a session with a kept key (and again after every reconnection). */
  attach(sessionId: string, key: string): Promise<Reply<Attached>>;
  /**
   * The server attached this socket itself (a session created or joined): keep the key to
   * attach again after a reconnection.
   */
  attached(sessionId: string, key: string): void;
  /** Called on every view, link change or removal; returns an unsubscribe. */
  onChange(cb: () => void): () => void;
  /** The reason this device was removed (by the facilitator, or the session closed), or null. */
  readonly removed: string | null;
  close(): void;
}

/**
 * Fold a view into what the page holds. A log or message list that continues from the page's
 * count (or restates part of it) is extended; one that starts past it leaves a gap, and the
 * answer is `false`: ask for everything again.
 *
 * @example
 * const s = { log: [], messages: [] };
 * applyView(s, view); // true when nothing was missed
 */
export function applyView(
  held: { log: LogEntry[]; messages: ChatMessage[] },
  v: Pick<ClientView, 'log' | 'messages'>,
): boolean {
  let whole = true;
  if (v.log.from <= held.log.length) {
    held.log.length = v.log.from;
    for (const e of v.log.entries) held.log.push(e.entry);
  } else whole = false;
  if (v.messages.from <= held.messages.length) {
    held.messages.length = v.messages.from;
    for (const m of v.messages.entries) held.messages.push(m);
  } else whole = false;
  return whole;
}

export function connect(opts: { url?: string; socket?: ClassroomSocket } = {}): Connection {
  const socket: ClassroomSocket =
    opts.socket ??
    io(opts.url ?? '/', {
      // A restarted server is back within seconds: try often, for a classroom's whole hour.
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
      transports: ['websocket', 'polling'],
    });
  let state: SessionState | null = null;
  let link: LinkStatus = socket.connected ? 'online' : 'connecting';
  let removed: string | null = null;
  let attachment: { sessionId: string; key: string } | null = null;
  const held = { log: [] as LogEntry[], messages: [] as ChatMessage[] };
  let version = 0;
  let resyncing = false;
  const listeners = new Set<() => void>();
  const emit = (): void => {
    for (const l of [...listeners]) l();
  };

  async function request<E extends keyof Events>(event: E, body: unknown): Promise<Ack<E>> {
    // Sent while the link is down, a request waits in Socket.IO's buffer for the reconnection
    // (the attachment is restated first); one not answered in time leaves the buffer unsent.
    try {
      // The typed emitWithAck of a union of events is beyond TypeScript: each event's own
      // signature is checked by `Events` above.
      const emitter = socket.timeout(REQUEST_MS) as unknown as {
        emitWithAck(e: string, b: unknown): Promise<Ack<E>>;
      };
      return await emitter.emitWithAck(event, body);
    } catch {
      return { ok: false, error: 'the classroom server did not answer' } as Ack<E>;
    }
  }

  async function resync(): Promise<void> {
    if (resyncing) return;
    resyncing = true;
    held.log.length = 0;
    held.messages.length = 0;
    await request('view:resync', {});
    resyncing = false;
  }

  async function attach(sessionId: string, key: string): Promise<Reply<Attached>> {
    attachment = { sessionId, key };
    // A fresh attachment is sent the whole view: what this page held is restated from 0.
    const r = await request('session:attach', { protocol: PROTOCOL_VERSION, sessionId, key });
    // A key the server refuses (a removed device) is not tried again at the next reconnection.
    if (!r.ok && attachment?.key === key && r.field === 'key') attachment = null;
    return r;
  }

  socket.on('view', (v) => {
    const whole = applyView(held, v);
    version++;
    // No game in a view: it did not change since the last one.
    const game = v.game === undefined ? (state?.game ?? null) : v.game;
    state = { session: v.session, game, log: held.log, messages: held.messages, version };
    emit();
    if (!whole) void resync();
  });
  socket.on('removed', (why) => {
    removed = why.reason;
    attachment = null;
    emit();
  });
  let connectedBefore = false;
  socket.on('connect', () => {
    link = 'online';
    emit();
    // The first connection carries the attachment asked for meanwhile (buffered); a later one
    // is a new socket to the server, which must be told again who this is.
    if (connectedBefore && attachment) void attach(attachment.sessionId, attachment.key);
    connectedBefore = true;
  });
  socket.on('disconnect', () => {
    link = 'offline';
    emit();
  });
  socket.io.on('reconnect_attempt', () => {
    link = 'connecting';
    emit();
  });

  return {
    get state() {
      return state;
    },
    get link() {
      return link;
    },
    get removed() {
      return removed;
    },
    request,
    attach,
    attached(sessionId, key) {
      attachment = { sessionId, key };
    },
    onChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    close() {
      listeners.clear();
      socket.close();
    },
  };
}
