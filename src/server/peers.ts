import type { Server } from 'socket.io';
import type { ClientToServer, ServerToClient } from '../net/protocol';
import type { SocketData } from './hub';

/**
 * The other server processes sharing the store, seen through Socket.IO's cluster adapter (the
 * Redis streams adapter in production). The store is the one truth: a process only tells the
 * others *that* a session changed, and each catches up from the store by itself, so a lost or
 * late word delays a view and never changes what it shows.
 */
export interface Peers {
  /** Tell every other process that this one changed a session (appended, a device came or went). */
  announce(sessionId: string): void;
  /** The devices of a session with a socket on any process now. */
  online(sessionId: string): Promise<ReadonlySet<string>>;
}

/** The Socket.IO room of every socket attached to a session, on every process. */
export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

/** What the processes say to each other (`io.serverSideEmit`). */
export interface InterServer {
  'session:changed': (sessionId: string) => void;
}

export type IoServer = Server<ClientToServer, ServerToClient, InterServer, SocketData>;

/**
 * How long to wait for the other processes' sockets: a process that died without closing is
 * counted by the adapter until its heartbeats have been missing for 10 s, and views should not
 * wait that long; until then its devices count as disconnected (they are).
 */
const ONLINE_TIMEOUT_MS = 1500;

/**
 * Peers over a Socket.IO server with a cluster adapter: announcements by `serverSideEmit`, who is
 * connected from the sockets in the session's room on every process (`fetchSockets`).
 *
 * @example
 * const peers = socketPeers(io, log);
 * io.on('session:changed', (id) => void hub.peerChanged(id));
 */
export function socketPeers(io: IoServer, log: (line: string) => void): Peers {
  let warned = false;
  return {
    announce(sessionId) {
      io.serverSideEmit('session:changed', sessionId);
    },
    async online(sessionId) {
      const room = sessionRoom(sessionId);
      let sockets;
      try {
        sockets = await io.in(room).timeout(ONLINE_TIMEOUT_MS).fetchSockets();
        warned = false;
      } catch (e) {
        // A process that stopped answering: what this one knows is the best there is.
        if (!warned) log(`other processes did not answer (${(e as Error).message}); local view`);
        warned = true;
        sockets = await io.in(room).local.fetchSockets();
      }
      const online = new Set<string>();
      for (const s of sockets) {
        const a = s.data.attachment;
        if (a?.sessionId === sessionId && a.viewer.role === 'device') online.add(a.viewer.deviceId);
      }
      return online;
    },
  };
}
