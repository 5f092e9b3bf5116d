import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type {
  ChatMessage,
  ClientToServer,
  ClientView,
  CreateSession,
  GameView,
  Reply,
  SessionInfo,
} from '../../src/net/protocol';
import { PROTOCOL_VERSION } from '../../src/net/protocol';
import { parseStoredEvent } from '../../src/server/events';
import { newKey } from '../../src/server/keys';
import { bundledScenarios } from '../../src/server/scenarios';
import { createClassroomServer, type ClassroomServer } from '../../src/server/server';
import { Session } from '../../src/server/session';
import type { SessionStore } from '../../src/server/store';
import { SqliteStore } from '../../src/server/store-sqlite';
import type { ShownEntry } from '../../src/sim/view';
import { openSocket, request, type ClientSocket } from './socket';

/**
 * The classroom server as tests meet it: a real server on 127.0.0.1 (port 0), a real SQLite store
 * in a temporary folder, and real Socket.IO clients that keep what they were sent the way a
 * browser would (incremental log and messages, the last game view). No mocks; the one thing
 * injected is the clock, so a deadline passes when a test says so.
 */

export const scenarios = bundledScenarios();

/** A clock that moves only when told. */
export class FakeClock {
  t = Date.UTC(2026, 8, 1, 9, 0, 0);
  readonly now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface Running {
  readonly server: ClassroomServer;
  readonly store: SessionStore;
  readonly url: string;
  readonly dir: string;
  readonly adminKey: string;
  /** Stop the server and close the store (the folder stays, for a restart). */
  stop(): Promise<void>;
}

/** A built game of one page, enough for the HTTP tests. */
export function fixtureDist(root: string): string {
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html><head><meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="default-src \'self\'" /><title>t</title></head><body><script type="module" src="./assets/main-abc.js"></script></body></html>',
  );
  writeFileSync(join(dist, 'assets', 'main-abc.js'), 'document.title = "ok";\n');
  writeFileSync(join(dist, 'assets', 'style-abc.css'), 'body{}\n');
  return dist;
}

export interface ServerSetup {
  /** The folder (a restart reuses one); a new temporary one if unset. */
  dir?: string;
  clock?: FakeClock;
  adminKey?: string;
  joinLimit?: { max: number; windowMs: number };
}

export async function startServer(opts: ServerSetup = {}): Promise<Running> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'sf-server-'));
  const store = new SqliteStore(join(dir, 'data'));
  const adminKey = opts.adminKey ?? newKey();
  const server = createClassroomServer({
    store,
    distDir: fixtureDist(dir),
    adminKey,
    scenarios,
    joinLimit: opts.joinLimit ?? { max: 1000, windowMs: 60_000 },
    log: () => undefined,
    ...(opts.clock ? { now: opts.clock.now } : {}),
  });
  const { port } = await server.listen(0, '127.0.0.1');
  return {
    server,
    store,
    url: `http://127.0.0.1:${port}`,
    dir,
    adminKey,
    async stop() {
      await server.close();
      await store.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * One server for every test of a file: started before the first, stopped (and its folder
 * removed) after the last. The object returned is filled in when the server is up.
 */
export function useServer(opts: ServerSetup = {}): Running {
  const run = {} as Running;
  beforeAll(async () => {
    Object.assign(run, await startServer(opts));
  });
  afterAll(async () => {
    await run.stop();
    removeDir(run.dir);
  });
  return run;
}

/** Servers a file's tests start themselves (restarts on one folder); every folder removed after. */
export function serverStarter(clock: FakeClock): (opts?: ServerSetup) => Promise<Running> {
  const dirs = new Set<string>();
  afterAll(() => dirs.forEach(removeDir));
  return async (opts = {}) => {
    const run = await startServer({ clock, ...opts });
    dirs.add(run.dir);
    return run;
  };
}

/** A session's replica rebuilt from the store alone: what every view must agree with. */
export async function replicaOf(store: SessionStore, id: string): Promise<Session> {
  const events = (await store.events(id)).map((e) => {
    const p = parseStoredEvent(e);
    if (!p.ok) throw new Error(p.error);
    return p.value;
  });
  const s = Session.fromCreated(id, events[0]!, scenarios);
  for (const e of events.slice(1)) s.apply(e);
  return s;
}

type Events = keyof ClientToServer;

/**
 * One device's socket, holding what it was sent as a browser would: `log` and `messages` grow
 * by what each view says is new, `game` is the last one sent. `views` keeps every view as it came,
 * for the tests that check nothing leaked.
 */
export class Client {
  readonly views: ClientView[] = [];
  session: SessionInfo | null = null;
  game: GameView | null = null;
  log: ShownEntry[] = [];
  messages: ChatMessage[] = [];
  removed: string | null = null;
  /** Views whose `from` did not match what this client held (each answered by a resync). */
  gaps = 0;
  /** Set when the server sent a device key or a facilitator key. */
  key: string | null = null;
  sessionId: string | null = null;

  private constructor(readonly socket: ClientSocket) {
    socket.on('view', (v) => this.take(v));
    socket.on('removed', (why) => {
      this.removed = why.reason;
    });
  }

  static async connect(url: string): Promise<Client> {
    return new Client(await openSocket(url));
  }

  /** Send a request and wait for its answer. */
  req<R = Record<never, never>>(event: Events, body: unknown): Promise<Reply<R>> {
    return request<R>(this.socket, event, body, 20_000);
  }

  async create(adminKey: string, setup: Partial<CreateSession> = {}): Promise<string> {
    const r = await this.req<{ sessionId: string; joinCode: string; facilitatorKey: string }>(
      'session:create',
      {
        protocol: PROTOCOL_VERSION,
        adminKey,
        title: 'Test',
        scenarioId: 'two-front',
        seed: 'class-1',
        levers: {},
        turnLimit: 3,
        teams: ['china', 'usa'],
        decisionSeconds: 0,
        teamChoice: 'pick',
        ...setup,
      },
    );
    if (!r.ok) throw new Error(r.error);
    this.key = r.facilitatorKey;
    this.sessionId = r.sessionId;
    return r.joinCode;
  }

  async join(code: string, name: string, team?: string): Promise<Reply<{ deviceId: string }>> {
    const r = await this.req<{ sessionId: string; deviceId: string; deviceKey: string }>(
      'session:join',
      { protocol: PROTOCOL_VERSION, code, name, ...(team ? { team } : {}) },
    );
    if (r.ok) {
      this.key = r.deviceKey;
      this.sessionId = r.sessionId;
    }
    return r;
  }

  async attach(sessionId: string, key: string): Promise<Reply<{ role: string }>> {
    const r = await this.req<{ role: string }>('session:attach', {
      protocol: PROTOCOL_VERSION,
      sessionId,
      key,
    });
    if (r.ok) {
      this.key = key;
      this.sessionId = sessionId;
    }
    return r;
  }

  async must(event: Events, body: unknown): Promise<void> {
    const r = await this.req(event, body);
    if (!r.ok) throw new Error(`${event}: ${r.error}`);
  }

  /** Wait until this client has seen the session at least at `seq`. */
  async until(pred: (c: Client) => boolean, what = 'a view', ms = 20_000): Promise<void> {
    const start = Date.now();
    while (!pred(this)) {
      if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  close(): void {
    this.socket.disconnect();
  }

  private take(v: ClientView): void {
    this.views.push(v);
    this.session = v.session;
    if ('game' in v) this.game = v.game ?? null;
    if (v.log.from === 0) this.log = [...v.log.entries];
    else if (v.log.from === this.log.length) this.log.push(...v.log.entries);
    else this.gap();
    if (v.messages.from === 0) this.messages = [...v.messages.entries];
    else if (v.messages.from === this.messages.length) this.messages.push(...v.messages.entries);
    else this.gap();
  }

  private gap(): void {
    this.gaps++;
    void this.req('view:resync', {});
  }
}

/** Wait until every client holds the session's latest view. */
export async function settle(store: SessionStore, id: string, clients: Client[]): Promise<void> {
  const seq = (await store.events(id)).length;
  for (const c of clients) await c.until((x) => (x.session?.seq ?? 0) >= seq, `seq ${seq}`);
}
