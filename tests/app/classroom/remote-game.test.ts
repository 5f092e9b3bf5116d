import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../../../src/app/classroom/connection';
import { RemoteGame } from '../../../src/app/classroom/remote-game';
import { PROTOCOL_VERSION } from '../../../src/net/protocol';
import { removeDir, scenarios, startServer, type Running } from '../../server/harness';

/**
 * RemoteGame, the game screen's source in a classroom, over the browser's own connection code
 * against the real server (no browser, no mocks): a team waits for its orders, sends them and
 * reads "orders locked"; the facilitator waits for nobody and has the replay; a pause says so.
 */

let run: Running;
const open: Connection[] = [];
beforeAll(async () => {
  run = await startServer();
});
afterAll(async () => {
  for (const c of open) c.close();
  await run.stop();
  removeDir(run.dir);
});

function until(c: Connection, ok: (c: Connection) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ok(c)) return resolve();
    const timer = setTimeout(() => reject(new Error('timed out')), 10_000);
    const off = c.onChange(() => {
      if (!ok(c)) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

const sc = scenarios('two-front')!.scenario;

describe('RemoteGame', () => {
  it('plays a turn from a team and from control', async () => {
    const control = connect({ url: run.url });
    open.push(control);
    const created = await control.request('session:create', {
      protocol: PROTOCOL_VERSION,
      adminKey: run.adminKey,
      title: 'Unit',
      scenarioId: 'two-front',
      seed: 'remote-game',
      levers: {},
      turnLimit: 3,
      teams: ['usa', 'china'],
      decisionSeconds: 0,
      teamChoice: 'pick',
    });
    if (!created.ok) throw new Error(created.error);
    const teams: Connection[] = [];
    for (const t of ['usa', 'china'] as const) {
      const c = connect({ url: run.url });
      open.push(c);
      const r = await c.request('session:join', {
        protocol: PROTOCOL_VERSION,
        code: created.joinCode,
        name: `Student ${t}`,
        team: t,
      });
      expect(r.ok).toBe(true);
      teams.push(c);
    }
    const [usa, china] = teams as [Connection, Connection];
    expect((await control.request('control', { action: 'start' })).ok).toBe(true);
    await until(usa, (c) => c.state?.game?.phase === 'decisions');
    await until(control, (c) => c.state?.game?.phase === 'decisions');

    const mine = new RemoteGame(usa, sc);
    const theirs = new RemoteGame(control, sc);
    expect(mine.pace).toBeNull();
    let v = mine.view();
    expect(v.waiting).toEqual(['usa']);
    expect(v.status).toBe('Turn 1: your orders. 0 of 2 teams ready.');
    // The team's state is its own: no seed, and its log holds only what it may read.
    expect(v.ctx.state.seed).toBe('');
    expect(v.ctx.log.every((e) => e.visibleTo === 'all' || e.visibleTo.includes('usa'))).toBe(true);
    expect(theirs.view().waiting).toEqual([]);
    expect(theirs.view().ctx.log.length).toBeGreaterThan(v.ctx.log.length);
    await expect(mine.replay()).rejects.toThrow(/only the facilitator/);

    const changes: number[] = [];
    mine.onChange((x) => changes.push(x.ctx.state.turn));
    expect(await mine.submit('usa', [])).toEqual({ ok: true });
    await until(usa, (c) => c.state?.game?.submitted !== null);
    v = mine.view();
    expect(v.waiting).toEqual([]);
    expect(v.status).toBe('Turn 1: orders locked. 1 of 2 teams ready.');
    expect(changes.length).toBeGreaterThan(0);
    // Locked: a second submission is refused with the server's reason.
    const again = await mine.submit('usa', []);
    expect(again.ok).toBe(false);

    expect((await control.request('control', { action: 'pause' })).ok).toBe(true);
    await until(china, (c) => c.state?.session.paused === true);
    const paused = new RemoteGame(china, sc).view();
    expect(paused.playing).toBe(false);
    expect(paused.status).toBe('Turn 1: paused by the facilitator.');
    expect((await control.request('control', { action: 'resume' })).ok).toBe(true);
    expect(await new RemoteGame(china, sc).submit('china', [])).toEqual({ ok: true });
    await until(usa, (c) => c.state?.game?.turn === 2);
    expect(mine.view().waiting).toEqual(['usa']);

    const record = await theirs.replay();
    expect(record.seed).toBe('remote-game');
    expect(record.turnHashes).toHaveLength(1);
    mine.stop();
  });
});
