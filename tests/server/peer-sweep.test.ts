import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newKey } from '../../src/server/keys';
import type { SessionStore } from '../../src/server/store';
import { openPostgresStore } from '../../src/server/store-postgres';
import { Client, fixtureDist } from './harness';
import { startProcess, type ServerProcess } from './processes';
import { describeWith, dropSchema, probePostgres, probeRedis, testSchema } from './services';

/**
 * The peer sweep: a server process sharing its store re-reads the sessions its sockets are on
 * every `PEER_SWEEP_MS`, so a change whose announcement never reached it (a process cut off from
 * Redis for a moment, or one that appended and died before telling anyone) still reaches its
 * clients. Here the change is an event written straight into PostgreSQL, which no process
 * announces: only the sweep can bring it to the process's sockets.
 */

const postgres = await probePostgres();
const redis = await probeRedis();

describeWith([postgres, redis], 'peer sweep', () => {
  const schema = testSchema('sweep');
  const prefix = `sf-test-${randomBytes(4).toString('hex')}`;
  const adminKey = newKey();
  const dir = mkdtempSync(join(tmpdir(), 'sf-sweep-'));
  const dist = fixtureDist(dir);
  const clients: Client[] = [];
  let server: ServerProcess;
  let store: SessionStore;

  beforeAll(async () => {
    server = await startProcess('sweep', ['--no-build', '--dist', dist, '--data', dir], {
      DATABASE_URL: postgres.url!,
      DATABASE_SCHEMA: schema,
      REDIS_URL: redis.url!,
      REDIS_PREFIX: prefix,
      FACILITATOR_KEY: adminKey,
      PEER_SWEEP_MS: '300',
    });
    store = await openPostgresStore({ connectionString: postgres.url!, schema, max: 2 });
  }, 90_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.stop();
    await store?.close();
    await dropSchema(postgres.url!, schema);
    const r = createClient({ url: redis.url! });
    await r.connect();
    await r.del(prefix);
    await r.close();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('brings a change nobody announced to every socket within a sweep or two', async () => {
    const control = await Client.connect(server.url);
    clients.push(control);
    const code = await control.create(adminKey, { teams: ['china', 'usa'], turnLimit: 3 });
    const id = control.sessionId!;
    const student = await Client.connect(server.url);
    clients.push(student);
    expect((await student.join(code, 'Chen', 'china')).ok).toBe(true);
    await student.until((c) => c.session?.seq === control.session?.seq, 'the join seen');
    const seq = control.session!.seq;

    // Another process's message, appended where that process would have put it, never announced.
    const wrote = await store.append(id, seq + 1, {
      at: Date.now(),
      type: 'message',
      data: {
        turn: 0,
        from: { team: 'control', name: 'Control', deviceId: null },
        to: 'all',
        text: 'from a process that never said so',
      },
    });
    expect(wrote).toBe(true);
    const t0 = Date.now();
    for (const c of [control, student])
      await c.until(
        (x) => x.messages.some((m) => m.text === 'from a process that never said so'),
        'the sweep bringing the message',
        10_000,
      );
    const waited = Date.now() - t0;
    console.log(`peer sweep: an unannounced event reached both sockets in ${waited} ms`);
    expect(control.session!.seq).toBe(seq + 1);
    expect(student.session!.seq).toBe(seq + 1);
    // The session goes on from there: the next append comes after the swept one.
    await control.must('message:send', { to: 'all', text: 'and after it' });
    const events = await store.events(id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.at(-1)!.type).toBe('message');
  }, 60_000);
});
