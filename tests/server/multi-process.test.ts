import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyReplay } from '../../src/engine/run';
import type { Exported, SessionInfo } from '../../src/net/protocol';
import { newKey } from '../../src/server/keys';
import type { SessionStore, StoredEvent } from '../../src/server/store';
import { openPostgresStore } from '../../src/server/store-postgres';
import type { PlayableActorId } from '../../src/sim/ids';
import { randomLegal } from '../helpers/random-legal';
import { Client, fixtureDist, replicaOf, scenarios, settle } from './harness';
import { startProcess, type ServerProcess } from './processes';
import { describeWith, dropSchema, probePostgres, probeRedis, testSchema } from './services';

/**
 * Two real server processes (`src/server/main.ts`, as `npm run serve` runs it) against one
 * PostgreSQL database and one Redis: the facilitator on one, the teams split across both (one
 * team with a member on each). They play turns with orders, messages and a pause; one process is
 * killed and started again mid-game. After every step every client must hold the same true state
 * hash and the same session view (members, seats, readiness, pause, clock), and the two members
 * of one team on different processes exactly the same team view. Also: a phase clock held by both
 * processes runs out once, not twice.
 */

const postgres = await probePostgres();
const redis = await probeRedis();

describeWith([postgres, redis], 'two server processes', () => {
  const schema = testSchema('multi');
  const prefix = `sf-test-${randomBytes(4).toString('hex')}`;
  const adminKey = newKey();
  const dir = mkdtempSync(join(tmpdir(), 'sf-multi-'));
  const dist = fixtureDist(dir);
  const env = {
    DATABASE_URL: postgres.url!,
    DATABASE_SCHEMA: schema,
    REDIS_URL: redis.url!,
    REDIS_PREFIX: prefix,
    FACILITATOR_KEY: adminKey,
    // No sweep: every view here must come from a process's word to the others, not a re-read.
    PEER_SWEEP_MS: '0',
  };
  const start = (name: string) =>
    startProcess(name, ['--no-build', '--dist', dist, '--data', join(dir, name)], env);
  const clients: Client[] = [];
  const connect = async (p: ServerProcess) => {
    const c = await Client.connect(p.url);
    clients.push(c);
    return c;
  };
  let a: ServerProcess;
  let b: ServerProcess;
  let store: SessionStore;

  beforeAll(async () => {
    const t = Date.now();
    [a, b] = await Promise.all([start('a'), start('b')]);
    store = await openPostgresStore({ connectionString: postgres.url!, schema, max: 2 });
    console.log(`two processes listening in ${Date.now() - t} ms`);
  }, 90_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await store?.close();
    await dropSchema(postgres.url!, schema);
    const r = createClient({ url: redis.url! });
    await r.connect();
    await r.del(prefix);
    await r.close();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  /** What every viewer of a session is shown alike (the rest names the viewer, or its clock). */
  const shared = (s: SessionInfo) => {
    const { role: _r, team: _t, deviceId: _d, serverTime: _s, ...rest } = s;
    return rest;
  };

  /** Every client holds the session as the store has it: same state hash, same session view. */
  async function converged(id: string, all: Client[], what: string): Promise<void> {
    await settle(store, id, all);
    const replica = await replicaOf(store, id);
    const hash = replica.stateHash();
    // Presence and seq can land in separate views: wait until the session views agree.
    const first = all[0]!;
    for (const c of all)
      await c.until(
        (x) => JSON.stringify(shared(x.session!)) === JSON.stringify(shared(first.session!)),
        `${what}: the same session view`,
      );
    for (const c of all) {
      expect(c.session!.seq, what).toBe(replica.seq);
      expect(shared(c.session!), what).toEqual(shared(first.session!));
      if (replica.game) expect(c.game?.stateHash, what).toBe(hash);
      expect(c.gaps, what).toBe(0);
    }
  }

  const teamsOf = (s: SessionInfo) =>
    Object.fromEntries(s.teams.map((t) => [t.team, t.members.map((m) => m.connected)]));

  let sessionId = '';
  let control: Client;
  /** Each student's client, by team and process. */
  const members = new Map<string, Client>();
  const all = () => [control, ...members.values()];
  const policies = new Map<PlayableActorId, ReturnType<typeof randomLegal>>();
  const sc = scenarios('two-front')!.scenario;
  let before: StoredEvent[] = [];

  /** One member of each team: USA's two (one on each process) take turns. */
  const submitters = (turn: number) => ({
    china: members.get('china@a')!,
    usa: members.get(turn % 2 ? 'usa@b' : 'usa@a')!,
    russia: members.get('russia@b')!,
    taiwan: members.get('taiwan@a')!,
  });

  /** Each team not yet in puts in random legal orders from its own view. */
  async function submitAll(turn: number, teams: Record<string, Client>): Promise<number> {
    let refused = 0;
    for (const [team, c] of Object.entries(teams)) {
      await c.until((x) => x.game?.turn === turn, `${team} at turn ${turn}`);
      if (c.game!.submitted !== null || control.game!.turn !== turn) continue;
      const actor = team as PlayableActorId;
      let policy = policies.get(actor);
      if (!policy) policies.set(actor, (policy = randomLegal(7 + policies.size)));
      const decisions = policy({ state: c.game!.state, sc, actor, turn });
      let r = await c.req('orders:submit', { turn, decisions });
      if (!r.ok) {
        refused++;
        r = await c.req('orders:submit', { turn, decisions: [] });
      }
      expect(r.ok, `${team}, turn ${turn}: ${JSON.stringify(r)}`).toBe(true);
    }
    return refused;
  }

  it('joins and plays one session from both processes: orders, messages, a pause', async () => {
    const t = Date.now();
    control = await connect(a);
    const code = await control.create(adminKey, {
      title: 'Two processes',
      seed: 'multi-1',
      turnLimit: 4,
      teams: ['china', 'usa', 'russia', 'taiwan'],
    });
    sessionId = control.sessionId!;
    const joinOn = async (p: ServerProcess, team: string, name: string) => {
      const c = await connect(p);
      const r = await c.join(code, name, team);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      return c;
    };
    members.set('china@a', await joinOn(a, 'china', 'Chen'));
    members.set('usa@b', await joinOn(b, 'usa', 'Bea'));
    members.set('usa@a', await joinOn(a, 'usa', 'Al'));
    members.set('russia@b', await joinOn(b, 'russia', 'Rita'));
    members.set('taiwan@a', await joinOn(a, 'taiwan', 'Tsai'));
    await converged(sessionId, all(), 'lobby');
    // The facilitator on A sees the students on B connected, as on A.
    expect(teamsOf(control.session!)).toEqual({
      china: [true],
      usa: [true, true],
      russia: [true],
      taiwan: [true],
    });

    await control.must('control', { action: 'start' });
    await members.get('usa@b')!.must('message:send', { to: 'china', text: 'From B to China' });
    await members.get('china@a')!.must('message:send', { to: 'usa', text: 'From A to the USA' });
    await members.get('russia@b')!.must('message:send', { to: 'control', text: 'Rita asks' });
    await control.must('message:send', { to: 'all', text: 'Control to all' });
    await converged(sessionId, all(), 'turn 1 messages');
    const texts = (k: string) => members.get(k)!.messages.map((m) => m.text);
    expect(texts('usa@a')).toEqual(texts('usa@b'));
    expect(texts('usa@a')).toEqual(['From B to China', 'From A to the USA', 'Control to all']);
    expect(texts('taiwan@a')).toEqual(['Control to all']);
    expect(control.messages.map((m) => m.text)).toContain('Rita asks');

    let refused = 0;
    for (let turn = 1; turn <= 2; turn++) {
      if (turn === 2) {
        refused += await submitAll(turn, { china: members.get('china@a')! });
        await control.must('control', { action: 'pause' });
        await converged(sessionId, all(), 'paused');
        expect(all().every((c) => c.session!.paused)).toBe(true);
        const r = await members.get('russia@b')!.req('orders:submit', { turn, decisions: [] });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatch(/paused/);
        await control.must('control', { action: 'resume' });
        await converged(sessionId, all(), 'resumed');
        expect(all().some((c) => c.session!.paused)).toBe(false);
      }
      refused += await submitAll(turn, submitters(turn));
      await control.until((x) => x.game!.turn === turn + 1, `turn ${turn + 1}`);
      await converged(sessionId, all(), `turn ${turn} played`);
    }
    // Two members of one team, on two processes, hold exactly the same team view.
    const [ua, ub] = [members.get('usa@a')!, members.get('usa@b')!];
    expect(ua.game!.viewHash).toBe(ub.game!.viewHash);
    expect(ua.log).toEqual(ub.log);
    expect(ua.messages).toEqual(ub.messages);
    console.log(`two turns on two processes: ${refused} orders refused, ${Date.now() - t} ms`);
  }, 120_000);

  it('loses nothing when one process is killed and started again', async () => {
    const t = Date.now();
    before = await store.events(sessionId);
    await b.stop('SIGKILL');
    // The game goes on without B: A's teams decide, control moves on for Russia.
    const turn = control.game!.turn;
    await submitAll(turn, {
      china: members.get('china@a')!,
      usa: members.get('usa@a')!,
      taiwan: members.get('taiwan@a')!,
    });
    // B never said goodbye; A, asking who is connected, gets no answer from it and counts it out.
    await control.until(
      (x) => teamsOf(x.session!)['russia']!.join() === 'false',
      'B gone from the facilitator view',
    );
    expect(teamsOf(control.session!)).toEqual({
      china: [true],
      usa: [false, true],
      russia: [false],
      taiwan: [true],
    });
    await control.must('control', { action: 'advance' });
    await control.until((x) => x.game!.turn === turn + 1, `turn ${turn + 1} without B`);

    b = await start('b');
    for (const k of ['usa@b', 'russia@b']) {
      const old = members.get(k)!;
      const c = await connect(b);
      const r = await c.attach(sessionId, old.key!);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      members.set(k, c);
    }
    await converged(sessionId, all(), 'after the restart');
    expect(teamsOf(control.session!)).toEqual({
      china: [true],
      usa: [true, true],
      russia: [true],
      taiwan: [true],
    });
    const after = await store.events(sessionId);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.map((e) => e.seq)).toEqual(after.map((_, i) => i + 1));
    expect(
      members.get('russia@b')!.messages.some((m) => /Russian Federation holds/.test(m.text)),
    ).toBe(true);
    console.log(`kill, play on, restart, reattach: ${Date.now() - t} ms`);
  }, 120_000);

  it('plays to the end across both, and the export replays exactly', async () => {
    const t = Date.now();
    while (control.session!.status !== 'ended') {
      const turn = control.game!.turn;
      await submitAll(turn, submitters(turn));
      await control.until(
        (x) => x.session!.status === 'ended' || x.game!.turn === turn + 1,
        `after turn ${turn}`,
      );
    }
    await converged(sessionId, all(), 'the end');
    expect(all().every((c) => c.session!.status === 'ended' && c.game!.ended)).toBe(true);
    const exported = await control.req<Exported>('control:export', {});
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    const v = verifyReplay(scenarios('two-front')!, exported.record);
    expect(v.ok, JSON.stringify(v)).toBe(true);
    expect((await store.byId(sessionId))!.open).toBe(false);
    console.log(`to the end and verified: ${Date.now() - t} ms`);
  }, 120_000);

  it('runs a phase clock held by both processes out once a turn', async () => {
    const t = Date.now();
    const facilitator = await connect(a);
    const code = await facilitator.create(adminKey, {
      title: 'Clock',
      seed: 'clock-1',
      turnLimit: 2,
      teams: ['japan'],
      decisionSeconds: 1,
    });
    const id = facilitator.sessionId!;
    const japan = await connect(b);
    expect((await japan.join(code, 'Jun', 'japan')).ok).toBe(true);
    await facilitator.must('control', { action: 'start' });
    await facilitator.until((x) => x.session!.status === 'ended', 'two clocks run out', 20_000);
    await converged(id, [facilitator, japan], 'clock game over');
    const types = (await store.events(id)).map((e) => e.type);
    expect(types.filter((x) => x === 'clock')).toHaveLength(2);
    expect(types.filter((x) => x === 'timeout')).toHaveLength(2);
    expect(types.filter((x) => x === 'ended')).toHaveLength(1);
    console.log(`two one-second clocks on two processes: ${Date.now() - t} ms`);
  }, 60_000);
});
