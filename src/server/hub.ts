import type { Socket } from 'socket.io';
import type { ClientToServer, ServerToClient } from '../net/protocol';
import { SessionRuntime, type RuntimeDeps } from './runtime';
import type { ScenarioSource } from './session';
import { sessionRoom, type InterServer, type Peers } from './peers';
import type { SessionStore } from './store';
import { ViewCache, clientView, freshCursor, type Cursor, type Viewer } from './views';

/**
 * The sessions this process holds and the sockets attached to them. A session is loaded from the
 * store when the server starts (every open one) or when someone first asks for it (an ended one,
 * for its export); after every change each attached socket gets its own next view.
 *
 * With {@link Peers} (several processes sharing the store), the hub tells the others when it
 * appended to a session or a device came or went here, catches up when they tell it, and counts
 * a device connected if it has a socket on any process.
 */

export interface SocketData {
  attachment: { sessionId: string; viewer: Viewer } | null;
  cursor: Cursor;
}

export type IoSocket = Socket<ClientToServer, ServerToClient, InterServer, SocketData>;

export interface HubDeps {
  readonly store: SessionStore;
  readonly now: () => number;
  readonly scenarios: ScenarioSource;
  readonly log: (line: string) => void;
  /** The other server processes (none: this process is the only one). */
  readonly peers?: Peers;
}

export class Hub {
  /** Loads under way, by id. */
  private readonly loading = new Map<string, Promise<SessionRuntime>>();
  /** Sessions loaded, by id. */
  private readonly runtimes = new Map<string, SessionRuntime>();
  /** Why a session could not be rebuilt (other rules, a changed scenario), by id. */
  private readonly broken = new Map<string, string>();
  private readonly attached = new Map<string, Set<IoSocket>>();
  private readonly caches = new Map<string, ViewCache>();
  private readonly runtimeDeps: RuntimeDeps;
  /** With peers: views being sent (by session), and those asked for again meanwhile. */
  private readonly sending = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  /** With peers: the devices counted connected in each session's last views. */
  private readonly online = new Map<string, ReadonlySet<string>>();

  constructor(private readonly deps: HubDeps) {
    this.runtimeDeps = {
      store: deps.store,
      now: deps.now,
      scenarios: deps.scenarios,
      changed: (rt, wrote) => {
        this.push(rt.id);
        if (wrote) deps.peers?.announce(rt.id);
      },
    };
  }

  /** Rebuild every open session from its events (a restart). */
  async restore(): Promise<void> {
    for (const row of await this.deps.store.openSessions()) await this.get(row.id);
  }

  /** A session held here, loaded from the store on first use; null if there is none. */
  async get(id: string): Promise<SessionRuntime | null> {
    const held = this.runtimes.get(id);
    if (held) return held;
    if (this.broken.has(id)) return null;
    let load = this.loading.get(id);
    if (!load) {
      if (!(await this.deps.store.byId(id))) return null;
      // A second caller while the first loads waits for the same load.
      load = this.loading.get(id) ?? SessionRuntime.load(id, this.runtimeDeps);
      this.loading.set(id, load);
    }
    try {
      const rt = await load;
      this.runtimes.set(id, rt);
      return rt;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.broken.set(id, why);
      this.deps.log(`session ${id} cannot be resumed: ${why}`);
      return null;
    } finally {
      this.loading.delete(id);
    }
  }

  /**
   * A session as the store has it now: one held here is caught up first (another process may
   * have appended to it since this one last heard), one not held is loaded.
   */
  async fresh(id: string): Promise<SessionRuntime | null> {
    const held = this.runtimes.get(id);
    if (!held) return this.get(id);
    await held.refresh();
    return held;
  }

  /** A session this process holds now (it does not load one). */
  held(id: string): SessionRuntime | null {
    return this.runtimes.get(id) ?? null;
  }

  /**
   * Another process changed a session (appended to it, or a device came or went there): catch
   * up if it is held here, and send views if anything this process's sockets see moved.
   */
  async peerChanged(id: string): Promise<void> {
    const rt = this.runtimes.get(id);
    if (!rt) return;
    const seq = rt.session.seq;
    await rt.refresh();
    // New events have been pushed already (the runtime's `changed`); otherwise presence moved.
    if (rt.session.seq === seq) this.push(id, { unlessSameOnline: true });
  }

  /**
   * With peers, what a missed announcement would have brought: every session with sockets here
   * catches up with the store and re-checks who is connected (announcements are not queued for a
   * process that was briefly cut off from Redis).
   */
  async sweep(): Promise<void> {
    for (const id of this.attached.keys()) await this.peerChanged(id);
  }

  /** Why a session could not be loaded, if it could not. */
  brokenReason(id: string): string | null {
    return this.broken.get(id) ?? null;
  }

  /** Sessions held here and still open. */
  openCount(): number {
    let n = 0;
    for (const rt of this.runtimes.values()) if (rt.session.status !== 'ended') n++;
    return n;
  }

  /** Every session held here. */
  all(): SessionRuntime[] {
    return [...this.runtimes.values()];
  }

  /** Attach a socket to a session as a viewer, and send it everything. */
  attach(socket: IoSocket, rt: SessionRuntime, viewer: Viewer): void {
    this.detach(socket);
    socket.data.attachment = { sessionId: rt.id, viewer };
    socket.data.cursor = freshCursor();
    let set = this.attached.get(rt.id);
    if (!set) this.attached.set(rt.id, (set = new Set()));
    set.add(socket);
    if (viewer.role === 'device') void socket.join(`device:${viewer.deviceId}`);
    void socket.join(sessionRoom(rt.id));
    // The others see this device connected.
    this.push(rt.id);
    this.deps.peers?.announce(rt.id);
  }

  detach(socket: IoSocket): void {
    const a = socket.data.attachment;
    if (!a) return;
    socket.data.attachment = null;
    this.attached.get(a.sessionId)?.delete(socket);
    if (a.viewer.role === 'device') void socket.leave(`device:${a.viewer.deviceId}`);
    void socket.leave(sessionRoom(a.sessionId));
    this.push(a.sessionId);
    this.deps.peers?.announce(a.sessionId);
  }

  /** Whether a device has a socket here now (with peers, the hub asks them all: see `push`). */
  connected(sessionId: string, deviceId: string): boolean {
    for (const s of this.attached.get(sessionId) ?? [])
      if (
        s.data.attachment?.viewer.role === 'device' &&
        s.data.attachment.viewer.deviceId === deviceId
      )
        return true;
    return false;
  }

  /** Send a socket everything again. */
  resync(socket: IoSocket): void {
    socket.data.cursor = freshCursor();
    const a = socket.data.attachment;
    if (a) this.sendView(socket, a.sessionId);
  }

  /**
   * Each socket of the session gets its next view; a device no longer in it is told and let go.
   * With peers, who is connected is asked of every process first, so views go out a moment
   * later; pushes asked for meanwhile are made once, after it, with the newest state.
   */
  push(sessionId: string, opts: { unlessSameOnline?: boolean } = {}): void {
    const peers = this.deps.peers;
    if (!peers) return this.pushWith(sessionId, (d) => this.connected(sessionId, d));
    if (this.sending.has(sessionId)) {
      this.again.add(sessionId);
      return;
    }
    const run = (async () => {
      do {
        const repeat = this.again.delete(sessionId);
        if (!this.attached.get(sessionId)?.size) continue;
        const online = await peers.online(sessionId);
        const before = this.online.get(sessionId);
        this.online.set(sessionId, online);
        if (opts.unlessSameOnline && !repeat && before && sameSet(before, online)) continue;
        this.pushWith(sessionId, (d) => online.has(d));
      } while (this.again.has(sessionId));
    })();
    this.sending.set(sessionId, run);
    void run
      .catch((e: unknown) => {
        this.deps.log(`views of ${sessionId}: ${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => this.sending.delete(sessionId));
  }

  private pushWith(sessionId: string, connected: (deviceId: string) => boolean): void {
    const set = this.attached.get(sessionId);
    const rt = this.runtimes.get(sessionId);
    if (!set || !rt) return;
    for (const socket of [...set]) {
      const a = socket.data.attachment;
      if (a?.viewer.role === 'device' && !rt.session.device(a.viewer.deviceId)) {
        set.delete(socket);
        socket.data.attachment = null;
        socket.emit('removed', {
          reason: 'this device has left the session, or the facilitator removed it',
        });
        // After the request that removed it has had its answer (a device leaving asked itself).
        setImmediate(() => socket.disconnect(true));
        continue;
      }
      this.sendView(socket, sessionId, connected);
    }
  }

  private sendView(
    socket: IoSocket,
    sessionId: string,
    connected: (deviceId: string) => boolean = (d) =>
      this.online.get(sessionId)?.has(d) ?? this.connected(sessionId, d),
  ): void {
    const a = socket.data.attachment;
    const rt = this.runtimes.get(sessionId);
    if (!a || a.sessionId !== sessionId || !rt) return;
    let cache = this.caches.get(sessionId);
    if (!cache) this.caches.set(sessionId, (cache = new ViewCache()));
    socket.emit(
      'view',
      clientView(rt.session, a.viewer, socket.data.cursor, cache, connected, this.deps.now()),
    );
  }

  close(): void {
    this.again.clear();
    this.online.clear();
    for (const rt of this.runtimes.values()) rt.close();
    this.runtimes.clear();
    this.attached.clear();
    this.caches.clear();
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
