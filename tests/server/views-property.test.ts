import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatMessage, ClientView } from '../../src/net/protocol';
import type { PlayableActorId } from '../../src/sim/ids';
import { canSee, teamView, type Viewpoint } from '../../src/sim/view';
import { withoutSeed } from '../../src/sim/view';
import { randomLegal } from '../helpers/random-legal';
import { Client, FakeClock, replicaOf, scenarios, settle, useServer } from './harness';

/**
 * The server's views under any sequence of what a classroom does: students join (with a team or
 * without), pick a team, leave, lose their connection and come back by their key, submit orders
 * (random legal ones from their own view, or none), write to their team, another team or control,
 * the facilitator starts, writes to everyone, lets the clock run out (two turns: the game often
 * reaches its end) and ends the session. The debrief boundary is in it: a game over by its turn
 * limit or ended by control reveals nothing more to anyone, to the devices still connected, to
 * those coming back by their key afterwards, or in the messages written after the end.
 *
 * After every sequence, every connected client's last view agrees with the session rebuilt from
 * the store alone: the same state hash, and exactly its own `teamView` (state and log) and the
 * messages addressed to it. And over every view any client ever received: nothing it may not see
 * (a log entry not visible to its side, another side's decisions, a message not addressed to it,
 * the seed, any key), and a student on no team saw no game at all.
 */

const TEAMS: PlayableActorId[] = ['china', 'russia', 'usa', 'taiwan'];
const SLOTS = 5;
const sc = scenarios('two-front')!.scenario;

type Step =
  | { kind: 'join'; slot: number; team: PlayableActorId | null }
  | { kind: 'pick'; slot: number; team: PlayableActorId }
  | { kind: 'leave'; slot: number }
  | { kind: 'drop'; slot: number }
  | { kind: 'back'; slot: number }
  | { kind: 'submit'; slot: number; policy: number; hold: boolean }
  | { kind: 'timeout' }
  | { kind: 'start' }
  | { kind: 'say'; slot: number; to: 'team' | 'control' | PlayableActorId }
  | { kind: 'announce' }
  | { kind: 'end' };

const slot = fc.integer({ min: 0, max: SLOTS - 1 });
const team = fc.constantFrom(...TEAMS);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('join' as const),
      slot,
      team: fc.option(team, { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pick' as const), slot, team }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave' as const), slot }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), slot }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('back' as const), slot }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('submit' as const),
      slot,
      policy: fc.integer({ min: 0, max: 1000 }),
      hold: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'timeout' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'start' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('say' as const),
      slot,
      to: fc.constantFrom<'team' | 'control' | PlayableActorId>('team', 'control', ...TEAMS),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'announce' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'end' as const }) },
);

interface Student {
  key: string | null;
  client: Client | null;
  left: boolean;
}

const clock = new FakeClock();
const run = useServer({ clock });

/** The viewpoint a view was made for, as the view itself says. */
function viewpointOfView(v: ClientView): Viewpoint | null {
  return v.session.role === 'facilitator' ? 'control' : v.session.team;
}

/** Written independently of the server's own rule: who a message may reach. */
function mayRead(m: ChatMessage, vp: Viewpoint | null): boolean {
  if (vp === 'control') return true;
  return m.to === 'all' || (vp !== null && (m.from.team === vp || m.to === vp));
}

function checkNoLeak(v: ClientView, secrets: readonly string[]): void {
  const vp = viewpointOfView(v);
  const wire = JSON.stringify(v);
  for (const s of secrets) expect(wire.includes(s), 'a secret on the wire').toBe(false);
  for (const m of v.messages.entries)
    expect(mayRead(m, vp), `message to ${m.to} seen by ${vp}`).toBe(true);
  if (vp === null) {
    expect(v.game ?? null).toBeNull();
    expect(v.log.entries).toEqual([]);
    return;
  }
  for (const e of v.log.entries) {
    expect(canSee(e.entry, vp), `entry ${e.index} (${e.entry.type}) seen by ${vp}`).toBe(true);
    // Another side's decisions (and reasoning, estimates…) only when made public.
    if (vp !== 'control' && e.entry.visibleTo !== 'all')
      expect(e.entry.visibleTo as readonly string[], `entry ${e.index} seen by ${vp}`).toContain(
        vp,
      );
  }
  if (v.game) {
    expect(v.game.state.seed).toBe('');
    if (vp !== 'control')
      for (const [a, s] of Object.entries(v.game.state.actors))
        if (a !== vp) expect(s.lastDecisions, `${a}'s orders seen by ${vp}`).toEqual([]);
  }
}

let runs = 0;
let time = 0;
/** Sequences whose game got past its first turn: the property is not only about lobbies. */
let played = 0;
/** Sequences that went on past the end: the game's (its turn limit) or the session's (control). */
let pastGameEnd = 0;
let pastSessionEnd = 0;
async function play(steps: Step[]): Promise<void> {
  const t0 = Date.now();
  runs++;
  const control = await Client.connect(run.url);
  const code = await control.create(run.adminKey, {
    teams: TEAMS,
    turnLimit: 2,
    decisionSeconds: 120,
    seed: `prop-${clock.t}`,
  });
  const id = control.sessionId!;
  const seed = `prop-${clock.t}`;
  const students: Student[] = Array.from({ length: SLOTS }, () => ({
    key: null,
    client: null,
    left: false,
  }));
  const everyone: Client[] = [control];
  let sawGameEnd = false;
  let sawSessionEnd = false;
  const connected = (): Client[] => [
    control,
    ...students.flatMap((s) => (s.client ? [s.client] : [])),
  ];

  for (const st of steps) {
    const s = 'slot' in st ? students[st.slot]! : null;
    const c = s?.client ?? null;
    switch (st.kind) {
      case 'join': {
        if (s!.key || s!.left) break;
        s!.client = await Client.connect(run.url);
        everyone.push(s!.client);
        const joined = await s!.client.join(code, `S${st.slot}`, st.team ?? undefined);
        if (!joined.ok) {
          // Only an ended session turns a student away.
          expect(joined.error).toBe('this session has ended');
          s!.client.close();
          s!.client = null;
          break;
        }
        s!.key = s!.client.key;
        break;
      }
      case 'pick':
        if (c) await c.req('team:pick', { team: st.team });
        break;
      case 'leave':
        if (!c) break;
        await c.must('session:leave', {});
        await c.until((x) => !x.socket.connected, 'leaving');
        s!.client = null;
        s!.left = true;
        break;
      case 'drop':
        if (!c) break;
        c.close();
        s!.client = null;
        // The server has let it go once the facilitator's view says so.
        await control.until(
          (x) =>
            !x.session!.teams.some((t) =>
              t.members.some((m) => m.name === `S${st.slot}` && m.connected),
            ) && !x.session!.unassigned.some((m) => m.name === `S${st.slot}` && m.connected),
          'the drop',
        );
        break;
      case 'back':
        if (c || !s!.key || s!.left) break;
        s!.client = await Client.connect(run.url);
        everyone.push(s!.client);
        expect((await s!.client.attach(id, s!.key)).ok).toBe(true);
        break;
      case 'submit': {
        const g = c?.game;
        const t = c?.session?.team;
        if (!c || !g || !t || g.phase !== 'decisions') break;
        const decisions = st.hold
          ? []
          : randomLegal(st.policy)({ state: g.state, sc, actor: t, turn: g.turn });
        const r = await c.req('orders:submit', { turn: g.turn, decisions });
        // Refused (orders already in, or illegal on the true state): nothing changed; hold.
        if (!r.ok && !/already in/.test(r.error))
          await c.req('orders:submit', { turn: g.turn, decisions: [] });
        break;
      }
      case 'timeout':
        clock.advance(121_000);
        await run.server.tick();
        break;
      case 'start':
        await control.req('control', { action: 'start' });
        break;
      case 'say':
        if (c) await c.req('message:send', { to: st.to, text: `from S${st.slot} to ${st.to}` });
        break;
      case 'announce':
        await control.must('message:send', { to: 'all', text: 'control to all' });
        break;
      case 'end':
        await control.req('control', { action: 'end' });
        break;
      default: {
        const never: never = st;
        throw new Error(`unknown step ${JSON.stringify(never)}`);
      }
    }
    await settle(run.store, id, connected());
    // A step taken after the end: what follows is the debrief boundary.
    if (sawGameEnd || sawSessionEnd) {
      if (sawGameEnd) pastGameEnd++;
      if (sawSessionEnd) pastSessionEnd++;
    }
    // The facilitator's view says which end it was: the game's own, or control's End.
    if (control.game?.ended) sawGameEnd = true;
    else if (control.session?.status === 'ended') sawSessionEnd = true;
  }

  const replica = await replicaOf(run.store, id);
  if (replica.turn > 1) played++;
  const secrets = [seed, control.key!, ...students.flatMap((s) => (s.key ? [s.key] : []))];
  for (const c of connected()) {
    const vp = viewpointOfView(c.views.at(-1)!);
    expect(c.session!.seq).toBe(replica.seq);
    expect(c.messages).toEqual(replica.messages.filter((m) => mayRead(m, vp)));
    const g = replica.game;
    if (vp === null || !g) {
      expect(c.game).toBeNull();
      expect(c.log).toEqual([]);
      continue;
    }
    // As it travels: the rolls' stream names without the seed, and JSON (where -0 is 0).
    const fog = teamView(g.state, g.log, sc, vp);
    const expected = JSON.parse(
      JSON.stringify({
        state: fog.state,
        log: fog.log.map((e) => ({ index: e.index, entry: withoutSeed(e.entry, seed) })),
      }),
    ) as typeof fog;
    expect(c.game!.stateHash).toBe(replica.stateHash());
    expect(c.log).toEqual(expected.log);
    expect(c.game!.state).toEqual(
      vp === 'control' ? { ...expected.state, seed: '' } : expected.state,
    );
    expect(c.game!.turn).toBe(g.state.turn);
  }
  for (const c of everyone) for (const v of c.views) checkNoLeak(v, secrets);
  for (const c of connected()) c.close();
  time += Date.now() - t0;
}

describe('views under random classroom sequences', () => {
  it('agree with the rebuilt session and never carry what a client may not see', async () => {
    await fc.assert(
      // The game starts somewhere in every sequence (and perhaps again: refused).
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 28 }), fc.nat(), (steps, at) => {
        const k = at % (steps.length + 1);
        return play([...steps.slice(0, k), { kind: 'start' }, ...steps.slice(k)]);
      }),
      { numRuns: 60 },
    );
    console.log(
      `views property: ${runs} sequences (${played} past turn 1), ${pastGameEnd} steps after a game's end, ${pastSessionEnd} after a session's end, ${Math.round(time / runs)} ms each`,
    );
    expect(played).toBeGreaterThan(5);
    expect(pastGameEnd, 'steps taken after a game reached its turn limit').toBeGreaterThan(0);
    expect(pastSessionEnd, 'steps taken after control ended the session').toBeGreaterThan(0);
  }, 300_000);
});
