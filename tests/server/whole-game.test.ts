import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyReplay } from '../../src/engine/run';
import type { Exported } from '../../src/net/protocol';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../../src/sim/ids';
import { canSee } from '../../src/sim/view';
import { cli } from '../cli/run-cli';
import { randomLegal } from '../helpers/random-legal';
import { Client, replicaOf, scenarios, settle, useServer } from './harness';

/**
 * A whole classroom game: the facilitator and seven teams, each on its own socket, play the
 * two-front scenario from the lobby to its end. Every team decides from what it was sent (random
 * legal orders on its own view of the state); an order its view allowed but the true state does
 * not is refused, and the team then holds. Messages go between teams and to control, one seat
 * spends two turns with the AI, and the export is a replay record that re-simulates exactly.
 */

const run = useServer();

describe('a whole two-front game with eight clients', () => {
  it('plays to the end and exports a replay that verifies', async () => {
    const started = Date.now();
    const control = await Client.connect(run.url);
    const code = await control.create(run.adminKey, {
      title: 'Period 3',
      seed: 'whole-game',
      turnLimit: scenarios('two-front')!.scenario.calendar.maxTurns,
      teams: [...PLAYABLE_ACTORS],
    });
    const sessionId = control.sessionId!;
    const teams = new Map<PlayableActorId, Client>();
    for (const t of PLAYABLE_ACTORS) {
      const c = await Client.connect(run.url);
      const r = await c.join(code, `Student ${t}`, t);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      teams.set(t, c);
    }
    const all = [control, ...teams.values()];
    await settle(run.store, sessionId, all);
    expect(control.session!.teams.every((t) => t.members.length === 1)).toBe(true);
    expect(teams.get('usa')!.game).toBeNull();

    await control.must('control', { action: 'start' });
    await control.must('message:send', { to: 'all', text: 'Turn 1: read your briefing.' });
    await teams.get('usa')!.must('message:send', { to: 'japan', text: 'Bases stay open?' });
    await teams.get('japan')!.must('message:send', { to: 'usa', text: 'For now.' });
    await teams.get('china')!.must('message:send', { to: 'team', text: 'Hold the line.' });
    await teams
      .get('russia')!
      .must('message:send', { to: 'control', text: 'Question on turn order' });

    const policies = new Map(PLAYABLE_ACTORS.map((t, i) => [t, randomLegal(100 + i)]));
    const sc = scenarios('two-front')!.scenario;
    let refused = 0;
    let relocked = 0;
    const ended = (): boolean => control.session!.status === 'ended';
    const taiwanBy = (): string => control.session!.teams.find((t) => t.team === 'taiwan')!.by;
    for (let guard = 0; guard < 60 && !ended(); guard++) {
      const turn = control.game!.turn;
      if (turn === 3 && taiwanBy() === 'team')
        await control.must('control', { action: 'seat', team: 'taiwan', by: 'ai' });
      if (turn === 5 && taiwanBy() === 'ai')
        await control.must('control', { action: 'seat', team: 'taiwan', by: 'team' });
      for (const [team, c] of teams) {
        if (ended()) break;
        await settle(run.store, sessionId, [c]);
        if (c.game!.turn !== turn || c.game!.submitted !== null) continue;
        const state = c.game!.state;
        const decisions = policies.get(team)!({ state, sc, actor: team, turn });
        let r = await c.req('orders:submit', { turn, decisions });
        if (!r.ok && r.error.includes('AI plays')) continue;
        if (!r.ok) {
          refused++;
          r = await c.req('orders:submit', { turn, decisions: [] });
        }
        expect(r.ok, JSON.stringify(r)).toBe(true);
        if (team === 'usa' && control.game?.turn === turn) {
          const again = await c.req('orders:submit', { turn, decisions: [] });
          expect(again.ok).toBe(false);
          if (!again.ok) expect(again.error).toMatch(/already in and locked/);
          relocked++;
        }
      }
      await settle(run.store, sessionId, all);
    }
    expect(control.session!.status).toBe('ended');
    expect(control.game!.ended).toBe(true);

    // Every client converged on the server's state, each through its own fog.
    const replica = await replicaOf(run.store, sessionId);
    for (const c of all) expect(c.game!.stateHash).toBe(replica.stateHash());
    for (const [team, c] of teams) {
      expect(c.gaps).toBe(0);
      expect(c.log.every((e) => canSee(e.entry, team))).toBe(true);
      expect(c.game!.state.seed).toBe('');
      expect(c.messages.every((m) => m.to === 'all' || m.from.team === team || m.to === team)).toBe(
        true,
      );
    }
    expect(control.game!.state.seed).toBe('');
    expect(control.log.length).toBe(replica.game!.log.length);
    expect(control.messages.map((m) => m.text)).toContain('Question on turn order');
    expect(teams.get('china')!.messages.map((m) => m.text)).not.toContain('Bases stay open?');
    expect(teams.get('japan')!.messages.map((m) => m.text)).toContain('Bases stay open?');
    expect(teams.get('usa')!.messages.map((m) => m.text)).not.toContain('Hold the line.');
    expect(
      teams.get('taiwan')!.messages.some((m) => /handed Taiwan.*'s seat to the AI/.test(m.text)),
    ).toBe(true);
    expect(relocked).toBeGreaterThan(0);

    const exported = await control.req<Exported>('control:export', {});
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    const record = exported.record;
    expect(record.seed).toBe('whole-game');
    expect(Object.values(record.controllers).every((c) => c === 'human')).toBe(true);
    expect(record.turnHashes.length).toBe(replica.turn);
    const v = verifyReplay(scenarios('two-front')!, record);
    expect(v).toEqual({ ok: true, turns: record.turnHashes.length, finalHash: record.finalHash });
    // And the command line's `verify` takes the file as the facilitator saves it.
    const file = join(run.dir, 'period-3.replay.json');
    writeFileSync(file, JSON.stringify(record, null, 2));
    const checked = await cli('verify', file);
    expect(checked.stdout, checked.stderr).toMatch(
      new RegExp(`^match: ${record.turnHashes.length} turns reproduced exactly`),
    );
    // Students cannot export (the record carries the seed and every team's orders).
    expect((await teams.get('usa')!.req('control:export', {})).ok).toBe(false);
    for (const c of all) c.close();
    console.log(
      `whole game: ${record.turnHashes.length} turns, ${refused} orders refused by the true state, ${Date.now() - started} ms`,
    );
  }, 240_000);
});
