import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/sim/state';
import { Client, FakeClock, replicaOf, serverStarter, settle } from './harness';

/**
 * Nothing lost: a server stopped in the middle of a turn and a new one started on the same data
 * folder rebuild the session from its events alone. Clients come back with the keys their
 * browsers kept and find the same state hash, the same orders in (and locked), the same clock
 * deadline, log and messages; the game then goes on. A deadline that passed while the server was
 * down holds the teams not in as soon as it is back.
 */

const clock = new FakeClock();
const start = serverStarter(clock);

describe('a server restart', () => {
  it('rebuilds every open session from its events; clients re-attach to the same game', async () => {
    const a = await start();
    const control = await Client.connect(a.url);
    const code = await control.create(a.adminKey, {
      teams: ['china', 'usa', 'taiwan'],
      decisionSeconds: 600,
      turnLimit: 5,
    });
    const id = control.sessionId!;
    const clients = {
      control,
      china: await Client.connect(a.url),
      usa: await Client.connect(a.url),
      taiwan: await Client.connect(a.url),
    };
    await clients.china.join(code, 'Chen', 'china');
    await clients.usa.join(code, 'Una', 'usa');
    await clients.taiwan.join(code, 'Tai', 'taiwan');
    await control.must('control', { action: 'start' });
    for (const t of ['china', 'usa', 'taiwan'] as const)
      await clients[t].must('orders:submit', { turn: 1, decisions: [] });
    await settle(a.store, id, Object.values(clients));
    // Turn 2, mid-turn: China is in with real orders, the others are not; a message is out.
    const chinaIn: Decision[] = [{ type: 'china.gray-zone-pressure' }];
    await clients.china.must('orders:submit', { turn: 2, decisions: chinaIn });
    await clients.usa.must('message:send', { to: 'taiwan', text: 'Convoys sail tonight.' });
    clock.advance(120_000);
    await settle(a.store, id, Object.values(clients));
    const before = {
      hash: control.game!.stateHash,
      deadline: control.session!.clock.deadline,
      ready: control.session!.ready,
      chinaSubmitted: clients.china.game!.submitted,
      taiwanLog: clients.taiwan.log.map((e) => e.index),
      taiwanMessages: clients.taiwan.messages,
      usaState: clients.usa.game!.state,
    };
    expect(before.ready).toEqual({ submitted: 1, of: 3 });
    expect(before.chinaSubmitted).toEqual(chinaIn);
    const keys = Object.fromEntries(Object.entries(clients).map(([k, c]) => [k, c.key!]));
    await a.stop();
    for (const c of Object.values(clients)) c.close();

    // A new server on the same folder (and a new facilitator key: sessions keep their own).
    const b = await start({ dir: a.dir });
    const back = {
      control: await Client.connect(b.url),
      china: await Client.connect(b.url),
      usa: await Client.connect(b.url),
      taiwan: await Client.connect(b.url),
    };
    expect(await back.control.attach(id, keys['control']!)).toMatchObject({
      ok: true,
      role: 'facilitator',
    });
    for (const t of ['china', 'usa', 'taiwan'] as const)
      expect(await back[t].attach(id, keys[t]!)).toMatchObject({ ok: true, role: 'team' });
    await settle(b.store, id, Object.values(back));
    expect(back.control.game!.stateHash).toBe(before.hash);
    expect(back.usa.game!.stateHash).toBe(before.hash);
    expect(back.control.session!.clock.deadline).toBe(before.deadline);
    expect(back.control.session!.ready).toEqual(before.ready);
    expect(back.china.game!.submitted).toEqual(before.chinaSubmitted);
    expect(back.taiwan.log.map((e) => e.index)).toEqual(before.taiwanLog);
    expect(back.taiwan.messages).toEqual(before.taiwanMessages);
    expect(back.usa.game!.state).toEqual(before.usaState);
    // Locked orders stay locked across the restart.
    expect((await back.china.req('orders:submit', { turn: 2, decisions: [] })).ok).toBe(false);

    // The game goes on from there.
    await back.usa.must('orders:submit', { turn: 2, decisions: [] });
    await back.taiwan.must('orders:submit', { turn: 2, decisions: [] });
    await settle(b.store, id, Object.values(back));
    expect(back.control.game!.turn).toBe(3);
    expect(back.control.game!.stateHash).toBe((await replicaOf(b.store, id)).stateHash());

    // Down past a deadline: back up, the teams not in hold at once.
    const deadline = back.control.session!.clock.deadline!;
    await b.stop();
    for (const c of Object.values(back)) c.close();
    clock.t = deadline + 5_000;
    const c2 = await start({ dir: a.dir });
    const watcher = await Client.connect(c2.url);
    await watcher.attach(id, keys['control']!);
    await settle(c2.store, id, [watcher]);
    expect(watcher.game!.turn).toBe(4);
    expect(watcher.messages.at(-1)!.text).toMatch(/Turn 3: time ran out/);
    expect(watcher.session!.clock.deadline).toBe(clock.t + 600_000);
    watcher.close();
    await c2.stop();
  });

  it('gives a student who closed the tab the whole view again by the same key', async () => {
    const s = await start();
    const control = await Client.connect(s.url);
    const code = await control.create(s.adminKey, { teams: ['russia', 'nato-europe'] });
    const id = control.sessionId!;
    const student = await Client.connect(s.url);
    await student.join(code, 'Rita', 'russia');
    await control.must('control', { action: 'start' });
    await control.must('message:send', { to: 'russia', text: 'Your move.' });
    await settle(s.store, id, [control, student]);
    const held = { log: student.log, messages: student.messages, game: student.game };
    student.close();
    await control.until(
      (c) => c.session!.teams[0]!.members[0]!.connected === false,
      'disconnected',
    );
    const again = await Client.connect(s.url);
    expect(await again.attach(id, student.key!)).toMatchObject({ ok: true, role: 'team' });
    await settle(s.store, id, [again]);
    expect(again.log).toEqual(held.log);
    expect(again.messages).toEqual(held.messages);
    expect(again.game).toEqual(held.game);
    await control.until((c) => c.session!.teams[0]!.members[0]!.connected === true, 'reconnected');
    again.close();
    control.close();
    await s.stop();
  });
});
