import { describe, expect, it } from 'vitest';
import { Client, FakeClock, replicaOf, serverStarter, settle, type Running } from './harness';

/**
 * Two servers on one store, as two processes behind a load balancer would be: each holds its own
 * replica of the session, and an append at a seq the other took is refused by the store, so the
 * late one catches up and decides again. Nothing is applied twice or lost, and both end in the
 * same state. Each server tells the other of its appends (`onAppended` → `refresh`, what a
 * Redis channel would carry between processes), so every socket sees every change at once.
 */

const start = serverStarter(new FakeClock());

describe('two servers sharing a store', () => {
  it('interleave appends to one session without losing or repeating any', async () => {
    const peers: { a?: Running; b?: Running } = {};
    const tell = (to: 'a' | 'b') => (id: string) => void peers[to]?.server.refresh(id);
    const a = (peers.a = await start({ onAppended: tell('b') }));
    const b = (peers.b = await start({ dir: a.dir, adminKey: a.adminKey, onAppended: tell('a') }));
    const control = await Client.connect(a.url);
    const code = await control.create(a.adminKey, {
      teams: ['china', 'usa', 'japan'],
      turnLimit: 4,
    });
    const id = control.sessionId!;
    // China joins through A, the US and Japan through B (which loads the session from the store).
    const china = await Client.connect(a.url);
    const usa = await Client.connect(b.url);
    const japan = await Client.connect(b.url);
    await china.join(code, 'Chen', 'china');
    await usa.join(code, 'Una', 'usa');
    // A is behind B now: its next append is refused, it catches up and appends after B's.
    await japan.join(code, 'Jun', 'japan');
    await control.must('control', { action: 'start' });
    await china.must('orders:submit', { turn: 1, decisions: [] });
    await usa.must('orders:submit', { turn: 1, decisions: [] });
    // A message through A and orders through B, at once, twice over.
    await Promise.all([
      control.must('message:send', { to: 'all', text: 'one' }),
      japan.must('orders:submit', { turn: 1, decisions: [] }),
      usa.must('message:send', { to: 'japan', text: 'two' }),
    ]);
    const events = await a.store.events(id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'joined')).toHaveLength(3);
    expect(events.filter((e) => e.type === 'started')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'submitted')).toHaveLength(3);
    await settle(a.store, id, [control, china, usa, japan]);
    const truth = (await replicaOf(a.store, id)).stateHash();
    expect(truth).not.toBe('');
    for (const c of [control, china, usa, japan]) expect(c.game!.stateHash).toBe(truth);
    expect(control.game!.turn).toBe(2);
    expect(japan.messages.map((m) => m.text)).toEqual(['one', 'two']);
    for (const c of [control, china, usa, japan]) c.close();
    await b.stop();
    await a.stop();
  });
});
