import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServer, Reply, ServerToClient } from '../../src/net/protocol';

/**
 * A device's socket as the server tests and the classroom load bench (`bench/classroom-load.ts`)
 * open one: a real socket.io-client on the websocket transport, a connection of its own, no
 * reconnection (a test says when a device comes back).
 */

export type ClientSocket = Socket<ServerToClient, ClientToServer>;

/** Connect to the server at `url`; resolves once connected. */
export async function openSocket(url: string): Promise<ClientSocket> {
  const socket: ClientSocket = connect(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Send a request and wait (at most `timeoutMs`) for its answer. */
export async function request<R = Record<never, never>>(
  socket: ClientSocket,
  event: keyof ClientToServer,
  body: unknown,
  timeoutMs: number,
): Promise<Reply<R>> {
  return (await socket.timeout(timeoutMs).emitWithAck(event as 'view:resync', body)) as Reply<R>;
}
