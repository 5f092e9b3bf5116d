import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type ServerOptions } from 'socket.io';
import { securityHeaders } from '../app/security-headers';
import {
  LIMITS,
  PROTOCOL_VERSION,
  type ClientToServer,
  type ServerToClient,
} from '../net/protocol';
import { RULES_VERSION } from '../sim/replay';
import { registerHandlers } from './handlers';
import { Hub, type SocketData } from './hub';
import { hashKey } from './keys';
import { RateLimiter } from './rate-limit';
import { bundledScenarios } from './scenarios';
import type { ScenarioSource } from './session';
import { StaticSite, plain } from './static-files';
import type { SessionStore } from './store';
import { freshCursor } from './views';

/**
 * The classroom server: the built game over HTTP, `GET /api/health`, and the sessions over
 * Socket.IO 4. One factory for `npm run serve`, the tests and a multi-process setup (pass a
 * shared store and a Socket.IO adapter; each process rebuilds the sessions it is asked about from
 * the store and catches up when its append is refused).
 */

export interface ClassroomServerOptions {
  readonly store: SessionStore;
  /** The built game (`dist/`). */
  readonly distDir: string;
  /** The server's facilitator key: whoever holds it may create sessions. Kept here as a hash. */
  readonly adminKey: string;
  /** The clock (epoch ms): injected so tests move time instead of waiting. */
  readonly now?: () => number;
  /** A Socket.IO adapter for several processes (Redis streams); the in-memory one if unset. */
  readonly adapter?: ServerOptions['adapter'];
  /** The scenarios sessions may use (the bundled ones if unset). */
  readonly scenarios?: ScenarioSource;
  /** Join attempts per address: at most `max` in `windowMs` (10 a minute if unset). */
  readonly joinLimit?: { readonly max: number; readonly windowMs: number };
  /** Where the server's notes go (stderr if unset). */
  readonly log?: (line: string) => void;
  /** Told of every session created here (the CLI prints its join link and QR code). */
  readonly onSessionCreated?: (s: { id: string; code: string; title: string }) => void;
  /**
   * Told of every event this process appended: with several processes, tell the others, whose
   * `refresh(sessionId)` catches their replica up and sends their sockets the new views.
   */
  readonly onAppended?: (sessionId: string, seq: number) => void;
}

export interface ClassroomServer {
  readonly httpServer: HttpServer;
  readonly io: Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
  /** Rebuild the open sessions from the store, then listen. Resolves with the bound address. */
  listen(port: number, host: string): Promise<{ port: number; host: string }>;
  /** Disconnect everyone and stop (the store stays open: its owner closes it). */
  close(): Promise<void>;
  /** Look at every session's clock now (timers do this by themselves; tests move `now`). */
  tick(): Promise<void>;
  /**
   * Catch a session up with events another process appended, and send the new views (a session
   * this process does not hold is left alone: it is read from the store when first asked for).
   */
  refresh(sessionId: string): Promise<void>;
}

/** A `Host` header fit to name in a policy: a host name or address, and a port. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The headers of every response: the game's policy (src/app/security-headers.ts) with the page's
 * own websocket origins in `connect-src`, which browsers of CSP level 2 do not count as `'self'`.
 */
export function responseHeaders(hostHeader: string | undefined): Record<string, string> {
  const sockets =
    hostHeader && HOST.test(hostHeader) ? [`ws://${hostHeader}`, `wss://${hostHeader}`] : [];
  return securityHeaders(undefined, sockets);
}

/**
 * A websocket or polling request from a page of another site is refused: sessions are opened
 * by keys, not cookies, but no other site has any business here. Clients that send no `Origin`
 * (Node, curl) are let in.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Make a classroom server (not yet listening).
 *
 * @example
 * const server = createClassroomServer({ store: new SqliteStore('./data'), distDir: 'dist', adminKey });
 * const { port } = await server.listen(8080, '0.0.0.0');
 */
export function createClassroomServer(opts: ClassroomServerOptions): ClassroomServer {
  const now = opts.now ?? (() => Date.now());
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const scenarios = opts.scenarios ?? bundledScenarios();
  const hub = new Hub({
    store: opts.store,
    now,
    scenarios,
    log,
    ...(opts.onAppended ? { appended: opts.onAppended } : {}),
  });
  const site = new StaticSite(opts.distDir);

  const httpServer = createServer((req, res) => {
    for (const [name, value] of Object.entries(responseHeaders(req.headers.host)))
      res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://server');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return plain(res, 405, 'method not allowed');
    }
    if (url.pathname === '/api/health') {
      const body = JSON.stringify({
        ok: true,
        rules: RULES_VERSION,
        protocol: PROTOCOL_VERSION,
        sessions: hub.openCount(),
      });
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.writeHead(200);
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    if (url.pathname.startsWith('/api/')) return plain(res, 404, 'not found');
    site.serve(req, res, url.pathname).catch((e: unknown) => {
      log(`GET ${url.pathname} failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) plain(res, 500, 'server error');
      else res.destroy();
    });
  });

  const io = new Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>(
    httpServer,
    {
      maxHttpBufferSize: LIMITS.messageBytes,
      serveClient: false,
      allowRequest: (req, cb) => cb(null, sameOrigin(req)),
      ...(opts.adapter ? { adapter: opts.adapter } : {}),
    },
  );
  // Socket.IO's own HTTP answers (long-polling) carry the same headers.
  io.engine.on('headers', (headers: Record<string, string>, req: IncomingMessage) => {
    Object.assign(headers, responseHeaders(req.headers.host));
  });

  const windowMs = opts.joinLimit?.windowMs ?? 60_000;
  const deps = {
    hub,
    store: opts.store,
    now,
    scenarios,
    adminKeyHash: hashKey(opts.adminKey),
    joins: new RateLimiter(opts.joinLimit?.max ?? 10, windowMs),
    badKeys: new RateLimiter(10, 60_000),
    chatter: new RateLimiter(30, 60_000),
    log,
    onSessionCreated: opts.onSessionCreated ?? (() => undefined),
  };
  io.on('connection', (socket) => {
    socket.data = { attachment: null, cursor: freshCursor() };
    registerHandlers(socket, deps);
  });

  return {
    httpServer,
    io,
    async listen(port, host) {
      await hub.restore();
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      const a = httpServer.address() as AddressInfo;
      return { port: a.port, host: a.address };
    },
    async close() {
      hub.close();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
    },
    async tick() {
      await Promise.all(hub.all().map((rt) => rt.tick()));
    },
    async refresh(sessionId) {
      // A session this process does not hold has nobody here to tell; it loads when asked for.
      await hub.held(sessionId)?.refresh();
    },
  };
}
