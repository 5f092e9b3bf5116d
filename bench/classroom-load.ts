import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../src/cli/scenario-files';
import {
  PROTOCOL_VERSION,
  type ClientToServer,
  type ClientView,
  type GameView,
  type Reply,
  type SessionInfo,
} from '../src/net/protocol';
import { newKey } from '../src/server/keys';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../src/sim/ids';
import type { Scenario } from '../src/sim/scenario/schema';
import type { Decision } from '../src/sim/state';
import { mulberry32, randomLegal } from '../tests/helpers/random-legal';
import { startProcess } from '../tests/server/processes';
import { openSocket, request, type ClientSocket } from '../tests/server/socket';
import { fmt, percentile, table } from './report';

/**
 * e) The classroom server under load, on loopback (issue 13): SESSIONS sessions, each with a
 * facilitator and one client per playable seat (8 real socket.io-client sockets, websocket
 * transport), play TURNS turns at once against one server in its own process
 * (`src/server/main.ts` as `npm run serve` runs it, with a fresh data folder).
 *
 * In each session the teams submit one after another in a shuffled order, each a random pause
 * (0 to 2 × THINK_MS) after every client saw the previous submit, with random legal orders chosen
 * on the team's own view (an order the fog allowed but the true state does not is refused, and the
 * team submits no orders instead). With THINK_MS at 500 a session moves on a turn every 4 s or so,
 * far faster than any class, and 30 sessions send the server some 50 submits a second, the kind
 * of load a busy server might meet at its busiest; `--think-ms` sets another pace (0: each submit
 * as soon as the last was seen, the most one server process can take). For each submit, the time
 * from sending it to the moment every one of the session's 8 clients has been sent what it
 * changed:
 *  - the submit that completes the turn: until each client holds the next turn's game view (the
 *    server adjudicated the turn, ran the AI of the background actors and sent 8 fogged views);
 *  - every other submit: until each client's ready count ("4 of 7 teams ready") has moved.
 * The clients all run in this process, so on a small machine their own work (parsing 8 views per
 * change, for every session) competes with the server's for the same cores and is counted in.
 *
 * One session played alone first, with no pause, warms the server up and gives the same times
 * with nothing else on the server (its first turn is not counted).
 *
 * Memory is read from the server process itself, over the fork's IPC channel
 * (`bench/classroom-probe.ts`, after a full GC): when it has started, after one warm-up session
 * (so the one-time costs, the scenario loaded and the code compiled, are in the baseline), and with
 * the SESSIONS sessions open after their turns; per session is that last difference / SESSIONS.
 * Nothing is added to the server for this.
 */

export interface ClassroomOptions {
  readonly quick: boolean;
  /** The mean pause between two submits of a session (THINK_MS if unset). */
  readonly thinkMs?: number;
}

const GOAL_MS = 150;
const THINK_MS = 500;

/** `--think-ms <n>` from the command line, if given. */
export function thinkMsOption(argv: readonly string[]): number | undefined {
  const i = argv.indexOf('--think-ms');
  if (i < 0) return undefined;
  const n = Number(argv[i + 1]);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`--think-ms: expected a number of milliseconds, found "${argv[i + 1] ?? ''}"`);
  return n;
}
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Latencies {
  readonly samples: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly goalMet: boolean;
}

export interface ServerMemory {
  readonly rssMB: number;
  readonly heapUsedMB: number;
  /** What V8 holds for its heap (used or not), and memory outside it (buffers, native objects). */
  readonly heapTotalMB: number;
  readonly externalMB: number;
}

export interface ClassroomResult {
  readonly sessions: number;
  readonly clientsPerSession: number;
  readonly turns: number;
  readonly thinkMs: number;
  readonly goalMs: number;
  /** Wall time of the play (every session's turns), seconds. */
  readonly playSeconds: number;
  readonly submits: number;
  /** Orders refused by the true state (the team then submitted none). */
  readonly refused: number;
  /** Sessions whose game ended before TURNS turns (they stopped there). */
  readonly endedEarly: number;
  /** Views whose log or messages did not follow on from what the client held. */
  readonly gaps: number;
  readonly turnCompleting: Latencies;
  readonly readyCount: Latencies;
  /** The warm-up session's turns after its first, played with no other session on the server. */
  readonly alone: { readonly turnCompleting: Latencies; readonly readyCount: Latencies };
  /** Views the clients received during the play, and their mean size (JSON characters / 1024). */
  readonly views: number;
  readonly meanViewKB: number;
  readonly memory: {
    readonly started: ServerMemory;
    readonly before: ServerMemory;
    readonly after: ServerMemory;
    readonly perSession: ServerMemory;
    readonly gcForced: boolean;
  };
  /** CPU time during the play: the server process, and this one (the clients). */
  readonly cpuSeconds: { readonly server: number; readonly clients: number };
}

/** A view the client waits for: resolved with the time the view that satisfied it arrived. */
interface Waiter {
  readonly pred: (c: LoadClient) => boolean;
  readonly resolve: (at: number) => void;
  readonly reject: (e: Error) => void;
}

/** One device's socket, keeping what a browser would keep and telling waiters when it changes. */
class LoadClient {
  session: SessionInfo | null = null;
  game: GameView | null = null;
  gaps = 0;
  views = 0;
  /** Characters of the Socket.IO packets received (views, mostly, and acknowledgements). */
  received = 0;
  private logLength = 0;
  private messageCount = 0;
  private waiters: Waiter[] = [];

  private constructor(readonly socket: ClientSocket) {
    socket.on('view', (v) => this.take(v, performance.now()));
    // The server gone: nothing awaited will come.
    socket.on('disconnect', (why) => {
      for (const w of this.waiters.splice(0)) w.reject(new Error(`disconnected: ${why}`));
    });
    socket.io.engine.on('packet', (p) => {
      if (typeof p.data === 'string') this.received += p.data.length;
    });
  }

  static async connect(url: string): Promise<LoadClient> {
    return new LoadClient(await openSocket(url));
  }

  req<R = Record<never, never>>(event: keyof ClientToServer, body: unknown): Promise<Reply<R>> {
    return request<R>(this.socket, event, body, 60_000);
  }

  async must<R = Record<never, never>>(event: keyof ClientToServer, body: unknown): Promise<R> {
    const r = await this.req<R>(event, body);
    if (!r.ok) throw new Error(`${event}: ${r.error}`);
    return r;
  }

  /** When this client holds a view satisfying `pred` (now, if it already does). */
  when(pred: (c: LoadClient) => boolean): Promise<number> {
    if (pred(this)) return Promise.resolve(performance.now());
    return new Promise((resolve, reject) => this.waiters.push({ pred, resolve, reject }));
  }

  close(): void {
    this.socket.disconnect();
  }

  private take(v: ClientView, at: number): void {
    this.views++;
    this.session = v.session;
    if ('game' in v) this.game = v.game ?? null;
    this.logLength = follow(this.logLength, v.log) ?? this.gap();
    this.messageCount = follow(this.messageCount, v.messages) ?? this.gap();
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) {
      if (w.pred(this)) w.resolve(at);
      else this.waiters.push(w);
    }
  }

  private gap(): number {
    this.gaps++;
    void this.req('view:resync', {});
    return 0;
  }
}

/** What a client holds after an incremental part of a view; null if it does not follow on. */
function follow(held: number, part: { from: number; entries: readonly unknown[] }): number | null {
  if (part.from === 0 || part.from === held) return part.from + part.entries.length;
  return null;
}

// ---- the server process ----------------------------------------------------------------------

interface Probe {
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
  collected: boolean;
}

interface Server {
  readonly url: string;
  readonly adminKey: string;
  probe(): Promise<Probe>;
  stop(): Promise<void>;
}

/** `src/server/main.ts` in a child process, with the probe loaded first and a fresh data folder. */
async function startServer(dir: string): Promise<Server> {
  const adminKey = newKey();
  const dist = join(dir, 'dist');
  mkdirSync(dist, { recursive: true });
  const server = await startProcess(
    'classroom server',
    [...['--data', join(dir, 'data'), '--dist', dist, '--no-build'], ...['--join-limit', '100000']],
    { FACILITATOR_KEY: adminKey },
    { nodeFlags: ['--expose-gc', '--import', join(ROOT, 'bench/classroom-probe.ts')], ipc: true },
  );
  const child = server.child;
  return {
    url: server.url,
    adminKey,
    probe: () =>
      new Promise<Probe>((resolve, reject) => {
        const gone = (): void => reject(new Error(`the server exited:\n${server.output()}`));
        child.once('exit', gone);
        child.once('message', (m) => {
          child.off('exit', gone);
          resolve(m as Probe);
        });
        child.send('memory');
      }),
    stop: () => server.stop(),
  };
}

// ---- one session -----------------------------------------------------------------------------

interface Samples {
  turnCompleting: number[];
  readyCount: number[];
  submits: number;
  refused: number;
  endedEarly: number;
}

const noSamples = (): Samples => ({
  turnCompleting: [],
  readyCount: [],
  submits: 0,
  refused: 0,
  endedEarly: 0,
});

interface Table {
  readonly control: LoadClient;
  readonly teams: ReadonlyMap<PlayableActorId, LoadClient>;
  readonly all: readonly LoadClient[];
}

/** A session with its facilitator and a client on every seat, started: everyone sees turn 1. */
async function openSession(server: Server, index: number, turns: number): Promise<Table> {
  const control = await LoadClient.connect(server.url);
  const created = await control.must<{ joinCode: string }>('session:create', {
    protocol: PROTOCOL_VERSION,
    adminKey: server.adminKey,
    title: `Load ${index}`,
    scenarioId: 'two-front',
    seed: `load-${index}`,
    levers: {},
    // One turn more than is played: the last submit measured moves the game on, not to its end.
    turnLimit: turns + 1,
    teams: [...PLAYABLE_ACTORS],
    decisionSeconds: 0,
    teamChoice: 'pick',
  });
  const teams = new Map<PlayableActorId, LoadClient>();
  for (const team of PLAYABLE_ACTORS) {
    const c = await LoadClient.connect(server.url);
    await c.must('session:join', {
      protocol: PROTOCOL_VERSION,
      code: created.joinCode,
      name: `${team} ${index}`,
      team,
    });
    teams.set(team, c);
  }
  const all = [control, ...teams.values()];
  await control.must('control', { action: 'start' });
  await Promise.all(all.map((c) => c.when((x) => x.game?.turn === 1)));
  return { control, teams, all };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Play `turns` turns, every team submitting in turn, and time what each submit changed (from turn
 * `recordFrom` on).
 */
async function playSession(
  t: Table,
  index: number,
  turns: number,
  sc: Scenario,
  samples: Samples,
  thinkMs: number,
  recordFrom = 1,
): Promise<void> {
  const rnd = mulberry32(1000 + index);
  const policies = new Map(PLAYABLE_ACTORS.map((a, i) => [a, randomLegal(index * 10 + i)]));
  for (let turn = 1; turn <= turns; turn++) {
    if (t.control.game?.ended) {
      samples.endedEarly++;
      return;
    }
    const order = [...PLAYABLE_ACTORS].sort(() => rnd() - 0.5);
    for (let k = 0; k < order.length; k++) {
      await sleep(rnd() * 2 * thinkMs);
      const team = order[k]!;
      const c = t.teams.get(team)!;
      const last = k === order.length - 1;
      const seen: (x: LoadClient) => boolean = last
        ? (x) => !!x.game && (x.game.turn > turn || x.game.ended)
        : (x) => (x.session?.ready.submitted ?? 0) > k;
      const everyone = Promise.all(t.all.map((x) => x.when(seen)));
      const decisions = policies.get(team)!({
        state: c.game!.state,
        sc,
        actor: team,
        turn,
      }) as Decision[];
      let sent = performance.now();
      let r = await c.req('orders:submit', { turn, decisions });
      if (!r.ok && decisions.length > 0) {
        samples.refused++;
        sent = performance.now();
        r = await c.req('orders:submit', { turn, decisions: [] });
      }
      if (!r.ok) throw new Error(`session ${index}, turn ${turn}, ${team}: ${r.error}`);
      const ms = Math.max(...(await everyone)) - sent;
      if (turn < recordFrom) continue;
      samples.submits++;
      (last ? samples.turnCompleting : samples.readyCount).push(ms);
    }
  }
}

function latencies(xs: readonly number[]): Latencies {
  const p95 = percentile(xs, 95);
  return {
    samples: xs.length,
    p50: percentile(xs, 50),
    p95,
    max: Math.max(0, ...xs),
    goalMet: xs.length > 0 && p95 < GOAL_MS,
  };
}

const MB = 1024 * 1024;
const memoryOf = (p: Probe): ServerMemory => ({
  rssMB: p.memory.rss / MB,
  heapUsedMB: p.memory.heapUsed / MB,
  heapTotalMB: p.memory.heapTotal / MB,
  externalMB: p.memory.external / MB,
});

export async function runClassroomLoad(opts: ClassroomOptions): Promise<ClassroomResult> {
  const sessions = opts.quick ? 8 : 30;
  const turns = opts.quick ? 2 : 5;
  const thinkMs = opts.thinkMs ?? THINK_MS;
  const loaded = loadScenarioFile('two-front');
  if (!loaded.ok) throw new Error('cannot load two-front');
  const sc = loaded.value.scenario;
  const dir = mkdtempSync(join(tmpdir(), 'sf-classroom-bench-'));
  const server = await startServer(dir);
  const tables: Table[] = [];
  try {
    const started = await server.probe();
    // One session alone first: it warms the server up (its first turn is not counted) and
    // gives the times of a session with no other on the server.
    const warm = await openSession(server, 0, turns + 1);
    const alone = noSamples();
    await playSession(warm, 0, turns + 1, sc, alone, 0, 2);
    warm.all.forEach((c) => c.close());
    const before = await server.probe();

    process.stderr.write(`  classroom: opening ${sessions} sessions`);
    for (let i = 1; i <= sessions; i++) tables.push(await openSession(server, i, turns));
    process.stderr.write(`, playing ${turns} turns...\n`);
    const clients = tables.flatMap((t) => t.all);
    const traffic = (): { views: number; chars: number } => ({
      views: clients.reduce((n, c) => n + c.views, 0),
      chars: clients.reduce((n, c) => n + c.received, 0),
    });
    const samples = noSamples();
    const serverCpu0 = (await server.probe()).cpu;
    const traffic0 = traffic();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(tables.map((t, i) => playSession(t, i + 1, turns, sc, samples, thinkMs)));
    const playSeconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const traffic1 = traffic();
    const after = await server.probe();
    const serverCpu = after.cpu.user - serverCpu0.user + after.cpu.system - serverCpu0.system;

    const mBefore = memoryOf(before);
    const mAfter = memoryOf(after);
    const views = traffic1.views - traffic0.views;
    return {
      sessions,
      clientsPerSession: 1 + PLAYABLE_ACTORS.length,
      turns,
      thinkMs,
      goalMs: GOAL_MS,
      playSeconds,
      submits: samples.submits,
      refused: samples.refused + alone.refused,
      endedEarly: samples.endedEarly + alone.endedEarly,
      gaps: [...warm.all, ...clients].reduce((n, c) => n + c.gaps, 0),
      turnCompleting: latencies(samples.turnCompleting),
      readyCount: latencies(samples.readyCount),
      alone: {
        turnCompleting: latencies(alone.turnCompleting),
        readyCount: latencies(alone.readyCount),
      },
      views,
      meanViewKB: views > 0 ? (traffic1.chars - traffic0.chars) / views / 1024 : 0,
      memory: {
        started: memoryOf(started),
        before: mBefore,
        after: mAfter,
        perSession: {
          rssMB: (mAfter.rssMB - mBefore.rssMB) / sessions,
          heapUsedMB: (mAfter.heapUsedMB - mBefore.heapUsedMB) / sessions,
          heapTotalMB: (mAfter.heapTotalMB - mBefore.heapTotalMB) / sessions,
          externalMB: (mAfter.externalMB - mBefore.externalMB) / sessions,
        },
        gcForced: after.collected,
      },
      cpuSeconds: { server: serverCpu / 1e6, clients: (cpu.user + cpu.system) / 1e6 },
    };
  } finally {
    for (const t of tables) t.all.forEach((c) => c.close());
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The section as bench.ts prints it. */
export function formatClassroom(r: ClassroomResult): string {
  const verdict = (l: Latencies): string => (l.goalMet ? 'ok' : 'MISSED');
  const ms = (n: number): string => `${fmt(n)} ms`;
  const latency = table([
    ['submit → every client updated', 'samples', 'p50', 'p95', 'max', `p95 < ${r.goalMs} ms`],
    ...(
      [
        [`${r.sessions} at once: completes the turn`, r.turnCompleting],
        [`${r.sessions} at once: any other (ready count)`, r.readyCount],
        ['one session alone, no pause: completes the turn', r.alone.turnCompleting],
        ['one session alone, no pause: any other', r.alone.readyCount],
      ] as const
    ).map(([name, l]) => [name, String(l.samples), ms(l.p50), ms(l.p95), ms(l.max), verdict(l)]),
  ]);
  const mb = (n: number): string => `${fmt(n)} MB`;
  const row = (name: string, m: ServerMemory): string[] => [
    name,
    ...[m.rssMB, m.heapUsedMB, m.heapTotalMB, m.externalMB].map(mb),
  ];
  const memory = table([
    ['server process', 'RSS', 'heap used', 'heap total', 'external'],
    row('started', r.memory.started),
    row('after a warm-up session (before)', r.memory.before),
    row(`${r.sessions} sessions open (after)`, r.memory.after),
    row(`per session ((after - before) / ${r.sessions})`, r.memory.perSession),
  ]);
  const notes = [
    `${r.sessions} at once: ${r.submits} submits in ${fmt(r.playSeconds, 2)} s (${fmt(r.submits / r.playSeconds)}/s); CPU time: server ${fmt(r.cpuSeconds.server, 2)} s (${fmt((r.cpuSeconds.server * 1000) / r.submits, 2)} ms a submit), clients ${fmt(r.cpuSeconds.clients, 2)} s`,
    `${r.views} views received (${fmt(r.views / r.submits, 1)} a submit), ${fmt(r.meanViewKB)} KB each on average`,
    `${r.refused} orders refused by the true state (resubmitted empty), ${r.gaps} view gaps, ${r.endedEarly} games ended early`,
    `memory read ${r.memory.gcForced ? 'after a full GC' : 'without a forced GC'}; RSS keeps much of what the busiest moment took, heap used is the steadier figure`,
  ];
  return [
    `e) classroom server on loopback: ${r.sessions} sessions × ${r.clientsPerSession} clients (facilitator + ${r.clientsPerSession - 1} teams, websocket), ${r.turns} turns each, all at once; teams submit one after another, 0-${2 * r.thinkMs} ms apart; server in its own process`,
    latency,
    ...notes.map((n) => `  ${n}`),
    '',
    memory,
  ].join('\n');
}
