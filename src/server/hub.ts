import type { Socket } from 'socket.io';
import type { ClientToServer, ServerToClient } from '../net/protocol';
import { SessionRuntime, type RuntimeDeps } from './runtime';
import type { ScenarioSource } from './session';
import type { SessionStore } from './store';
import { ViewCache, clientView, freshCursor, type Cursor, type Viewer } from './views';

/**
 * The sessions this process holds and the sockets attached to them. A session is loaded from the
 * store when the server starts (every open one) or when someone first asks for it (an ended one,
 * for its export); after every change each attached socket gets its own next view.
 */

export interface SocketData {
  attachment: { sessionId: string; viewer: Viewer } | null;
  cursor: Cursor;
}

export type IoSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

export interface HubDeps {
  readonly store: SessionStore;
  readonly now: () => number;
  readonly scenarios: ScenarioSource;
  readonly log: (line: string) => void;
  readonly appended?: (sessionId: string, seq: number) => void;
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

  constructor(private readonly deps: HubDeps) {
    this.runtimeDeps = {
      store: deps.store,
      now: deps.now,
      scenarios: deps.scenarios,
      changed: (rt) => this.push(rt.id),
      ...(deps.appended ? { appended: deps.appended } : {}),
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

  /** A session already held here (no load). */
  held(id: string): SessionRuntime | null {
    return this.runtimes.get(id) ?? null;
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
    // The others see this device connected.
    this.push(rt.id);
  }

  detach(socket: IoSocket): void {
    const a = socket.data.attachment;
    if (!a) return;
    socket.data.attachment = null;
    this.attached.get(a.sessionId)?.delete(socket);
    if (a.viewer.role === 'device') void socket.leave(`device:${a.viewer.deviceId}`);
    this.push(a.sessionId);
  }

  /** Whether a device has a socket here now. */
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

  /** Each socket of the session gets its next view; a device no longer in it is told and let go. */
  push(sessionId: string): void {
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
      this.sendView(socket, sessionId);
    }
  }

  private sendView(socket: IoSocket, sessionId: string): void {
    const a = socket.data.attachment;
    const rt = this.runtimes.get(sessionId);
    if (!a || a.sessionId !== sessionId || !rt) return;
    let cache = this.caches.get(sessionId);
    if (!cache) this.caches.set(sessionId, (cache = new ViewCache()));
    socket.emit(
      'view',
      clientView(
        rt.session,
        a.viewer,
        socket.data.cursor,
        cache,
        (d) => this.connected(sessionId, d),
        this.deps.now(),
      ),
    );
  }

  close(): void {
    for (const rt of this.runtimes.values()) rt.close();
    this.runtimes.clear();
    this.attached.clear();
    this.caches.clear();
  }
}
