import { readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/app/security-headers';
import { CODE_ALPHABET, LIMITS, PROTOCOL_VERSION } from '../../src/net/protocol';
import { newKey } from '../../src/server/keys';
import { Client, FakeClock, settle, useServer } from './harness';

/**
 * What a hostile or confused client can and cannot do: every message is parsed at the edge (a
 * bad one gets a one-line error naming the field and changes nothing), keys are checked (and
 * stored only as hashes), a device acts only for its own team, join attempts and wrong keys are
 * rate-limited per address, nothing secret reaches a socket, and every HTTP answer carries the
 * game's security headers.
 */

const clock = new FakeClock();
const run = useServer({ clock, joinLimit: { max: 10, windowMs: 60_000 } });

const SEED = 'seed-nobody-may-see-7731';

/** GET a raw path (no URL normalisation), with the answer's status, headers and body. */
function get(
  path: string,
  method = 'GET',
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  const u = new URL(run.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('security', () => {
  it('parses every message at the edge: a bad one names its field and changes nothing', async () => {
    const control = await Client.connect(run.url);
    const code = await control.create(run.adminKey, { teams: ['usa', 'china'], seed: SEED });
    const id = control.sessionId!;
    const usa = await Client.connect(run.url);
    await usa.join(code, 'Una', 'usa');
    await control.must('control', { action: 'start' });
    const events = (await run.store.events(id)).length;

    expect(await usa.req('orders:submit', 5)).toMatchObject({ ok: false });
    expect(await usa.req('orders:submit', { turn: 'one', decisions: [] })).toMatchObject({
      ok: false,
      field: 'turn',
      error: expect.stringMatching(/^turn: /),
    });
    expect(
      await usa.req('orders:submit', { turn: 1, decisions: [{ type: 'usa.x', extra: 1 }] }),
    ).toMatchObject({ ok: false, field: 'decisions.0' });
    expect(
      await usa.req('message:send', { to: 'usa', text: 'x'.repeat(LIMITS.message + 1) }),
    ).toMatchObject({ ok: false, field: 'text' });
    expect(await usa.req('message:send', { to: 'everyone', text: 'hi' })).toMatchObject({
      ok: false,
      field: 'to',
    });
    expect(await control.req('control', { action: 'explode' })).toMatchObject({
      ok: false,
      field: 'action',
    });
    expect(await control.req('control', { action: 'extend', seconds: 99_999 })).toMatchObject({
      ok: false,
      field: 'seconds',
    });
    expect(
      await usa.req('session:join', { protocol: PROTOCOL_VERSION + 1, code, name: 'x' }),
    ).toMatchObject({ ok: false, field: 'protocol' });
    for (const r of [
      await usa.req('orders:submit', { turn: 'one' }),
      await usa.req('session:attach', { sessionId: '../../etc', key: 'k' }),
    ])
      if (!r.ok) expect(r.error).not.toContain('\n');
    expect((await run.store.events(id)).length).toBe(events);

    // A message larger than Socket.IO's buffer limit closes that socket.
    const big = await Client.connect(run.url);
    big.socket.emit(
      'message:send',
      { to: 'team', text: 'x'.repeat(LIMITS.messageBytes + 10) },
      () => undefined,
    );
    await big.until((c) => !c.socket.connected, 'the oversized message to close the socket');
    for (const c of [control, usa]) c.close();
  });

  it('lets a device act only for its own team, and only control use the controls', async () => {
    const control = await Client.connect(run.url);
    const code = await control.create(run.adminKey, { teams: ['usa', 'china'], seed: SEED });
    const id = control.sessionId!;
    const usa = await Client.connect(run.url);
    const china = await Client.connect(run.url);
    await usa.join(code, 'Una', 'usa');
    await china.join(code, 'Chen', 'china');
    await control.must('control', { action: 'start' });
    const events = (await run.store.events(id)).length;
    // A submission names no team: naming one is refused by the schema.
    expect(await usa.req('orders:submit', { turn: 1, decisions: [], team: 'china' })).toMatchObject(
      { ok: false },
    );
    // China's options are not on the US menu.
    expect(
      await usa.req('orders:submit', { turn: 1, decisions: [{ type: 'china.blockade' }] }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/not on usa's menu/) });
    expect(await usa.req('control', { action: 'advance' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/only the facilitator/),
    });
    expect(await usa.req('control', { action: 'seat', team: 'china', by: 'ai' })).toMatchObject({
      ok: false,
    });
    expect(await usa.req('control:export', {})).toMatchObject({ ok: false });
    expect(await usa.req('message:send', { to: 'all', text: 'I am control' })).toMatchObject({
      ok: false,
    });
    expect((await run.store.events(id)).length).toBe(events);
    // A socket attached to nothing can do nothing.
    const stranger = await Client.connect(run.url);
    expect(await stranger.req('orders:submit', { turn: 1, decisions: [] })).toMatchObject({
      ok: false,
      error: 'attach to a session first',
    });

    // Nothing secret reached any socket: not the seed, not a key, not another team's orders.
    await china.must('orders:submit', {
      turn: 1,
      decisions: [{ type: 'china.gray-zone-pressure' }],
    });
    await usa.must('message:send', { to: 'team', text: 'US eyes only' });
    await settle(run.store, id, [control, usa, china]);
    for (const c of [control, usa, china]) {
      const wire = JSON.stringify(c.views);
      expect(wire).not.toContain(SEED);
      for (const k of [control.key!, usa.key!, china.key!]) expect(wire).not.toContain(k);
    }
    expect(JSON.stringify(usa.views)).not.toContain('china.gray-zone-pressure');
    expect(JSON.stringify(china.views)).not.toContain('US eyes only');
    // Keys are stored only as hashes.
    const files = readdirSync(join(run.dir, 'data')).map((f) =>
      readFileSync(join(run.dir, 'data', f)),
    );
    for (const k of [control.key!, usa.key!, run.adminKey])
      for (const f of files) expect(f.includes(Buffer.from(k))).toBe(false);
    for (const c of [control, usa, china, stranger]) c.close();
  });

  it('refuses wrong keys, rate-limits join attempts and wrong keys per address', async () => {
    const control = await Client.connect(run.url);
    expect(
      await control.req('session:create', {
        protocol: PROTOCOL_VERSION,
        adminKey: newKey(),
        scenarioId: 'two-front',
        seed: 's',
        levers: {},
        turnLimit: 2,
        teams: ['usa'],
        decisionSeconds: 0,
      }),
    ).toMatchObject({ ok: false, field: 'adminKey' });
    const code = await control.create(run.adminKey, { teams: ['usa'] });
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
    const id = control.sessionId!;
    const other = await Client.connect(run.url);
    // A wrong key and an unknown session read the same: nothing says which sessions exist.
    const wrong = await other.attach(id, newKey());
    const unknown = await other.attach('zzzzzzzzzzzz', newKey());
    expect(wrong).toMatchObject({ ok: false, field: 'key' });
    expect(unknown).toEqual(wrong);

    // Join attempts: ten a minute from one address, then a clear message until the minute is up.
    clock.advance(60_000);
    const guesser = await Client.connect(run.url);
    for (let i = 0; i < 10; i++)
      expect(await guesser.join('ZZZZ-ZZZZ', 'g')).toMatchObject({ ok: false, field: 'code' });
    expect(await guesser.join(code, 'g')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/too many join attempts from this address: wait 60 s/),
    });
    clock.advance(60_000);
    expect((await guesser.join(code, 'Late but honest')).ok).toBe(true);

    // Wrong keys: ten a minute, then even the right key waits.
    for (let i = 0; i < 10; i++)
      expect(await other.attach(id, newKey())).toMatchObject({ ok: false, field: 'key' });
    expect(await other.attach(id, control.key!)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/too many wrong keys/),
    });
    clock.advance(60_000);
    expect(await other.attach(id, control.key!)).toMatchObject({ ok: true, role: 'facilitator' });
    for (const c of [control, other, guesser]) c.close();
  });

  it('refuses a socket opened from another site', async () => {
    const socket = connect(run.url, {
      transports: ['polling'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { Origin: 'https://evil.example' },
    });
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error).toBeInstanceOf(Error);
    socket.close();
  });

  it('serves the game with its security headers, the right types, and nothing outside dist', async () => {
    const host = new URL(run.url).host;
    const policy = contentSecurityPolicy({ sockets: [`ws://${host}`, `wss://${host}`] });
    for (const path of ['/', '/api/health', '/assets/main-abc.js', '/nope.js', '/classroom/join'])
      expect((await get(path)).headers, path).toMatchObject({
        'content-security-policy': policy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
      });
    expect(policy).toContain(`connect-src 'self' ws://${host} wss://${host}`);
    const health = await get('/api/health');
    expect(health.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(health.body)).toMatchObject({ ok: true, protocol: PROTOCOL_VERSION });
    const page = await get('/');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    // The header carries the whole policy; the build's narrower meta tag is dropped.
    expect(page.body).not.toContain('http-equiv');
    expect((await get('/assets/main-abc.js')).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await get('/assets/style-abc.css')).headers['content-type']).toMatch(/^text\/css/);
    // The page routes itself: a path without an extension is the page, a missing file is not.
    expect((await get('/session/abc')).body).toBe(page.body);
    expect((await get('/assets/missing.js')).status).toBe(404);
    for (const path of [
      '/../package.json',
      '/..%2f..%2fpackage.json',
      '/assets/..%2f..%2fdata%2fsessions.sqlite',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/.hidden',
      '/assets%5c..%5c..%5cpackage.json',
    ]) {
      const r = await get(path);
      expect(r.body, path).not.toMatch(/"name"|SQLite|root:/);
      expect([200, 404], path).toContain(r.status);
      if (r.status === 200) expect(r.body).toBe(page.body);
    }
    expect((await get('/', 'POST')).status).toBe(405);
    expect((await get('/api/nothing')).status).toBe(404);
  });
});
