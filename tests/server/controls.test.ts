import { describe, expect, it } from 'vitest';
import { verifyReplay } from '../../src/engine/run';
import type { Exported } from '../../src/net/protocol';
import { Client, FakeClock, replicaOf, scenarios, settle, useServer } from './harness';

/**
 * The facilitator's controls and the clock, through real sockets with the server's clock in the
 * test's hand: a decisions phase's countdown, the ready count, pause (clock frozen, orders
 * refused) and resume, extend, a deadline that passes (the teams not in hold, and everyone is
 * told), advance, seats handed to the AI and back, placing and moving students, removing a
 * device, ending mid-game with an export that verifies.
 */

const clock = new FakeClock();
const run = useServer({ clock });
/** A server on the real clock, for the one test that lets a real timer fire. */
const real = useServer();

async function classroom(teamChoice: 'pick' | 'assigned' = 'pick') {
  const control = await Client.connect(run.url);
  const code = await control.create(run.adminKey, {
    teams: ['china', 'usa', 'japan'],
    decisionSeconds: 300,
    turnLimit: 6,
    teamChoice,
  });
  const id = control.sessionId!;
  const [china, usa, japan] = await Promise.all([0, 1, 2].map(() => Client.connect(run.url)));
  await china!.join(code, 'Chen', teamChoice === 'pick' ? 'china' : undefined);
  await usa!.join(code, 'Una', teamChoice === 'pick' ? 'usa' : undefined);
  await japan!.join(code, 'Jun', teamChoice === 'pick' ? 'japan' : undefined);
  const all = [control, china!, usa!, japan!];
  const settled = () =>
    settle(
      run.store,
      id,
      all.filter((c) => c.socket.connected),
    );
  return { control, china: china!, usa: usa!, japan: japan!, id, code, all, settled };
}

describe('facilitator controls and the clock', () => {
  it('counts down, pauses, extends, times out, advances and ends', async () => {
    const { control, china, usa, japan, id, all, settled } = await classroom();
    await control.must('control', { action: 'start' });
    await settled();
    const t0 = clock.t;
    expect(control.session!.clock).toMatchObject({ seconds: 300, deadline: t0 + 300_000 });
    expect(usa.session!.ready).toEqual({ submitted: 0, of: 3 });

    const sentBefore = all.map((c) => c.views.length);
    await china.must('orders:submit', { turn: 1, decisions: [] });
    await settled();
    // Orders that lock one team in without completing the turn change only that team's view of
    // the game: the others get the new ready count, not the whole game again.
    const sent = all.map((c, i) => c.views.slice(sentBefore[i]));
    for (const c of [control, usa, japan])
      expect(sent[all.indexOf(c)]!.some((v) => v.game !== undefined)).toBe(false);
    expect(sent[all.indexOf(china)]!.some((v) => v.game !== undefined)).toBe(true);
    expect(usa.session!.ready).toEqual({ submitted: 1, of: 3 });
    expect(usa.session!.teams.find((t) => t.team === 'china')!.submitted).toBe(true);
    // The US sees that China is in, never what China ordered.
    expect(usa.game!.submitted).toBeNull();
    expect(china.game!.submitted).toEqual([]);

    // Paused: the clock stops with what was left, and orders wait.
    clock.advance(100_000);
    await control.must('control', { action: 'pause' });
    await settled();
    expect(usa.session!.paused).toBe(true);
    expect(usa.session!.clock).toMatchObject({ deadline: null, remainingMs: 200_000 });
    const refused = await usa.req('orders:submit', { turn: 1, decisions: [] });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/paused/) });
    clock.advance(1_000_000);
    await run.server.tick();
    expect(control.game!.turn).toBe(1);
    expect((await control.req('control', { action: 'advance' })).ok).toBe(false);
    await control.must('control', { action: 'extend', seconds: 60 });
    await control.must('control', { action: 'resume' });
    await settled();
    expect(usa.session!.clock).toMatchObject({ deadline: clock.t + 260_000, remainingMs: null });
    await control.must('control', { action: 'extend', seconds: 40 });
    await settled();
    expect(usa.session!.clock.deadline).toBe(clock.t + 300_000);

    // The deadline passes: the US and Japan hold, and everyone reads why.
    await usa.must('orders:submit', { turn: 1, decisions: [] });
    clock.advance(299_999);
    await run.server.tick();
    await settled();
    expect(control.game!.turn).toBe(1);
    clock.advance(1);
    await run.server.tick();
    await settled();
    expect(control.game!.turn).toBe(2);
    expect(japan.messages.at(-1)!.text).toMatch(/Turn 1: time ran out\. Japan holds/);
    expect(usa.session!.ready).toEqual({ submitted: 0, of: 3 });
    expect(usa.session!.clock.deadline).toBe(clock.t + 300_000);

    // Control moves on at once: everyone not in holds.
    await japan.must('orders:submit', { turn: 2, decisions: [] });
    await control.must('control', { action: 'advance' });
    await settled();
    expect(control.game!.turn).toBe(3);
    expect(china.messages.at(-1)!.text).toMatch(
      /Turn 2: control moved on\. .*China, United States hold \(no new orders\)/,
    );

    // A seat with the AI decides by itself; its team's orders are refused meanwhile.
    await control.must('control', { action: 'seat', team: 'japan', by: 'ai' });
    await settled();
    expect(control.session!.teams.find((t) => t.team === 'japan')!).toMatchObject({
      by: 'ai',
      submitted: true,
    });
    expect(japan.game!.submitted).not.toBeNull();
    expect(japan.game!.aiChosen).toEqual(['3:japan']);
    const taken = await japan.req('orders:submit', { turn: 3, decisions: [] });
    expect(taken).toMatchObject({ ok: false });
    expect((await control.req('control', { action: 'seat', team: 'japan', by: 'ai' })).ok).toBe(
      false,
    );
    await control.must('control', { action: 'seat', team: 'japan', by: 'team' });
    await china.must('orders:submit', { turn: 3, decisions: [] });
    await usa.must('orders:submit', { turn: 3, decisions: [] });
    await settled();
    expect(control.game!.turn).toBe(4);
    // Once the turn is played every side's view says the AI chose Japan's turn-3 orders (the
    // end screen marks that turn); the seat's return is not such a turn.
    for (const c of [control, china, usa, japan]) expect(c.game!.aiChosen).toEqual(['3:japan']);
    expect(japan.session!.teams.find((t) => t.team === 'japan')!.by).toBe('team');

    // Ended mid-game by control: the export holds the three turns played, and verifies.
    await control.must('control', { action: 'end' });
    await settled();
    expect(usa.session!.status).toBe('ended');
    expect((await usa.req('orders:submit', { turn: 4, decisions: [] })).ok).toBe(false);
    const ex = await control.req<Exported>('control:export', {});
    expect(ex.ok).toBe(true);
    if (!ex.ok) return;
    expect(ex.record.turnHashes.length).toBe(3);
    expect(ex.record.controllers).toMatchObject({ china: 'human', usa: 'human', japan: 'human' });
    expect(ex.record.controllers.russia).toBe('ai');
    // Japan's turn-3 orders were the AI's, recorded as the seat's own.
    expect(ex.record.decisions[2]!.japan).toEqual(
      (await replicaOf(run.store, id)).game!.decisions[2]!.japan,
    );
    expect(verifyReplay(scenarios('two-front')!, ex.record).ok).toBe(true);
    expect((await run.store.byId(id))!.open).toBe(false);
    for (const c of all) c.close();
  });

  it('places, moves and removes students; a removed device is told, let go, and its key is dead', async () => {
    const { control, china, usa, japan, id, code, settled } = await classroom('assigned');
    await settled();
    expect(control.session!.unassigned.map((m) => m.name)).toEqual(['Chen', 'Una', 'Jun']);
    expect(china.game).toBeNull();
    // In an assigned session students do not choose.
    expect((await china.req('team:pick', { team: 'china' })).ok).toBe(false);
    const late = await Client.connect(run.url);
    expect((await late.join(code, 'Lee', 'usa')).ok).toBe(false);
    late.close();

    const ids = Object.fromEntries(control.session!.unassigned.map((m) => [m.name, m.deviceId]));
    await control.must('control', { action: 'assign', deviceId: ids['Chen'], team: 'china' });
    await control.must('control', { action: 'assign', deviceId: ids['Una'], team: 'usa' });
    await control.must('control', { action: 'assign', deviceId: ids['Jun'], team: 'usa' });
    await control.must('control', { action: 'start' });
    await settled();
    expect(china.session!.team).toBe('china');
    expect(china.game!.turn).toBe(1);
    expect(japan.session!.team).toBe('usa');
    expect(
      control.session!.teams.find((t) => t.team === 'usa')!.members.map((m) => m.name),
    ).toEqual(['Una', 'Jun']);

    // Moved to Japan: the view starts afresh from Japan's eyes.
    await control.must('control', { action: 'assign', deviceId: ids['Jun'], team: 'japan' });
    await settled();
    expect(japan.session!.team).toBe('japan');
    expect(japan.views.at(-1)!.log.from).toBe(0);
    expect(
      japan.log.every((e) => e.entry.visibleTo === 'all' || e.entry.visibleTo.includes('japan')),
    ).toBe(true);

    // Removed: told, disconnected, and the key no longer opens the session.
    const key = japan.key!;
    await control.must('control', { action: 'remove', deviceId: ids['Jun'] });
    await japan.until((c) => c.removed !== null && !c.socket.connected, 'removal');
    const back = await Client.connect(run.url);
    expect(await back.attach(id, key)).toMatchObject({ ok: false, field: 'key' });
    back.close();
    await settle(run.store, id, [control, china, usa]);
    expect(control.session!.teams.find((t) => t.team === 'japan')!.members).toEqual([]);
    expect((await control.req('control', { action: 'remove', deviceId: ids['Jun'] })).ok).toBe(
      false,
    );

    // A student who leaves is gone for good too.
    const usaKey = usa.key!;
    await usa.must('session:leave', {});
    await usa.until((c) => !c.socket.connected, 'leaving');
    const again = await Client.connect(run.url);
    expect((await again.attach(id, usaKey)).ok).toBe(false);
    again.close();
    for (const c of [control, china]) c.close();
  });
});

describe('every seat with the AI', () => {
  it('plays the game to its end by itself, each choice recorded as the seat’s', async () => {
    const control = await Client.connect(run.url);
    const teams = ['china', 'russia', 'usa', 'nato-europe', 'taiwan', 'japan', 'ukraine'] as const;
    await control.create(run.adminKey, { teams: [...teams], turnLimit: 12, seed: 'autopilot' });
    const id = control.sessionId!;
    for (const team of teams) await control.must('control', { action: 'seat', team, by: 'ai' });
    await control.must('control', { action: 'start' });
    // More seat decisions than the server makes in one go: it goes on by itself.
    await control.until((c) => c.session!.status === 'ended', 'the end', 60_000);
    const ex = await control.req<Exported>('control:export', {});
    if (!ex.ok) throw new Error(ex.error);
    expect(ex.record.turnHashes.length).toBe((await replicaOf(run.store, id)).turn);
    expect(ex.record.turnHashes.length * teams.length).toBeGreaterThan(64);
    expect(Object.values(ex.record.controllers).every((c) => c === 'human')).toBe(true);
    expect(verifyReplay(scenarios('two-front')!, ex.record).ok).toBe(true);
    control.close();
  });
});

describe('the real clock', () => {
  it('holds the teams not in when a one-second phase runs out, with no one asking', async () => {
    const control = await Client.connect(real.url);
    const code = await control.create(real.adminKey, { teams: ['usa'], decisionSeconds: 1 });
    const usa = await Client.connect(real.url);
    await usa.join(code, 'Una', 'usa');
    await control.must('control', { action: 'start' });
    const started = Date.now();
    await usa.until((c) => c.game?.turn === 2, 'turn 2', 10_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(usa.messages.at(-1)!.text).toMatch(/Turn 1: time ran out\. United States holds/);
    for (const c of [control, usa]) c.close();
  });
});
