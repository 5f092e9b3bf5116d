import { describe, expect, it, vi } from 'vitest';
import { createActor, fromCallback, transition, type AnyStateNode } from 'xstate';
import { getShortestPaths, toDirectedGraph, type DirectedGraphNode } from 'xstate/graph';
import { gameMachine, type GameEvent, type GameInput } from '../../src/engine/machine';
import { runEngine } from '../../src/engine/run';
import type { AiSeatsInput, SeatDecided, SeatEvent, SeatsDecided } from '../../src/engine/seats';
import { hashValue } from '../../src/sim/hash';
import { PLAYABLE_ACTORS } from '../../src/sim/ids';
import { allAi, runPlain } from '../../src/sim/run';
import { defaultLevers } from '../../src/sim/setup';
import { game, scenario } from '../helpers/game';

/**
 * The turn engine as a chart: which states exist, which transitions join them, what a human seat
 * waits for, and how bad or badly timed submissions are refused. Most tests drive the real machine
 * (`createActor`) with real events; the chart itself is read with `xstate/graph`.
 */

const loaded = scenario('two-front');
const sc = loaded.scenario;

function input(over: Partial<GameInput> = {}): GameInput {
  return {
    sc,
    seed: 'chart',
    levers: defaultLevers(sc),
    controllers: allAi(),
    turnLimit: 3,
    ...over,
  };
}

const PHASES = ['briefing', 'intelligence', 'decisions', 'adjudication', 'events', 'assessment'];

describe('the chart', () => {
  it('has the six phases plus start and ended, joined in order', () => {
    const states = gameMachine.states as Record<string, AnyStateNode>;
    // `decided` is where a paced game (the browser) waits after the last seat answers.
    expect(Object.keys(states)).toEqual([
      'start',
      ...PHASES.slice(0, 3),
      'decided',
      ...PHASES.slice(3),
      'ended',
    ]);
    const eventless = (key: string): string[][] =>
      (states[key]!.always ?? []).map((t) => (t.target ?? []).map((n) => n.key));
    expect(eventless('start')).toEqual([['ended'], ['briefing']]);
    expect(eventless('briefing')).toEqual([['intelligence']]);
    expect(eventless('intelligence')).toEqual([['decisions']]);
    expect(eventless('decisions')).toEqual([]);
    expect(eventless('adjudication')).toEqual([['events']]);
    expect(eventless('events')).toEqual([['assessment']]);
    expect(eventless('assessment')).toEqual([['ended'], ['briefing']]);
    expect(states['ended']!.type).toBe('final');

    // The only events the chart listens to: the seats' answers (SEATS.DECIDED from the AI seats,
    // SEAT.DECIDED from a human seat) and SUBMIT in decisions, CONTINUE at each phase of a paced
    // game, SUBMIT anywhere else (to refuse it), and SEAT.AUTO anywhere (a human seat handed to
    // the AI or given back) and PACE.SET anywhere (for the pacer).
    const edges: string[] = [];
    const walk = (n: DirectedGraphNode): void => {
      for (const e of n.edges) edges.push(`${e.source.key} -${e.label.text}-> ${e.target.key}`);
      n.children.forEach(walk);
    };
    walk(toDirectedGraph(gameMachine));
    expect(new Set(edges)).toEqual(
      new Set([
        'second-front -SUBMIT-> second-front',
        'second-front -SEAT.AUTO-> second-front',
        'second-front -PACE.SET-> second-front',
        'decisions -SEAT.DECIDED-> adjudication',
        'decisions -SEAT.DECIDED-> decisions',
        'decisions -SUBMIT-> decisions',
        'decisions -SEAT.DECIDED-> decided',
        'decisions -SEATS.DECIDED-> adjudication',
        'decisions -SEATS.DECIDED-> decisions',
        'decisions -SEATS.DECIDED-> decided',
        'briefing -CONTINUE-> intelligence',
        'intelligence -CONTINUE-> decisions',
        'decided -CONTINUE-> adjudication',
        'adjudication -CONTINUE-> events',
        'events -CONTINUE-> assessment',
        'assessment -CONTINUE-> briefing',
      ]),
    );
  });

  it('every resting state is reachable (xstate/graph shortest paths), ending in ended', () => {
    // The graph walk uses the pure transition function, so child seats never answer on their own:
    // the walk sends the AI seats' answer itself.
    const decided: GameEvent = {
      type: 'SEATS.DECIDED',
      ballots: PLAYABLE_ACTORS.map((actor) => ({
        actor,
        decisions: [],
        by: 'ai',
        reasoning: null,
      })),
    };
    const paths = getShortestPaths(gameMachine, {
      input: input({ turnLimit: 2, keepLog: false }),
      events: (s) => (s.matches('decisions') ? [decided] : []),
      serializeState: (s) =>
        `${JSON.stringify(s.value)}|${s.context.state.turn}|${Object.keys(s.context.pending).length}`,
    });
    const reached = new Set(
      paths.map((p) => `${String(p.state.value)}@${p.state.context.state.turn}`),
    );
    expect(reached).toEqual(new Set(['decisions@1', 'decisions@2', 'ended@2']));
    const toEnd = paths.find((p) => p.state.value === 'ended')!;
    // The AI seats answer once in each of two turns.
    expect(toEnd.steps.filter((s) => s.event.type === 'SEATS.DECIDED')).toHaveLength(2);
    expect(toEnd.state.status).toBe('done');
    expect(toEnd.state.context.turnHashes).toHaveLength(2);
  });

  it('steps briefing → intelligence → decisions → adjudication → events → assessment each turn, then ends', () => {
    const seen: string[] = [];
    const actor = createActor(gameMachine, {
      input: input({ turnLimit: 3 }),
      inspect: (ev) => {
        if (ev.type !== '@xstate.microstep') return;
        const snap = ev.snapshot as { machine?: unknown; value?: unknown };
        if (snap.machine !== gameMachine) return;
        const v = String(snap.value);
        if (seen[seen.length - 1] !== v) seen.push(v);
      },
    });
    actor.start();
    expect(actor.getSnapshot().status).toBe('done');
    expect(seen).toEqual([...PHASES, ...PHASES, ...PHASES, 'ended']);
    expect(actor.getSnapshot().context.state.turn).toBe(3);
  });

  it('paced (the browser), it stops after every phase until CONTINUE and plays the same game', () => {
    const actor = createActor(gameMachine, { input: input({ turnLimit: 2, paced: true }) });
    actor.start();
    const seen: string[] = [];
    for (let i = 0; i < 100 && actor.getSnapshot().status === 'active'; i++) {
      seen.push(String(actor.getSnapshot().value));
      actor.send({ type: 'CONTINUE' });
    }
    const turn = ['briefing', 'intelligence', 'decided', 'adjudication', 'events', 'assessment'];
    expect(seen).toEqual([...turn, ...turn.slice(0, -1)]);
    expect(actor.getSnapshot().value).toBe('ended');
    const straight = runEngine(sc, { seed: 'chart', levers: defaultLevers(sc), turns: 2 });
    expect(actor.getSnapshot().context.turnHashes).toEqual(straight.turnHashes);
    expect(hashValue(actor.getSnapshot().context.log)).toBe(hashValue(straight.log));
  });

  it('ends at once when the game is already over (start → ended)', () => {
    const done = runEngine(sc, { seed: 'x', levers: defaultLevers(sc), turns: 2 });
    const actor = createActor(gameMachine, {
      input: input({
        turnLimit: 2,
        from: {
          state: done.state,
          log: done.log,
          tracks: done.tracks,
          turnHashes: done.turnHashes,
          decisions: done.decisions,
        },
      }),
    });
    actor.start();
    expect(actor.getSnapshot().value).toBe('ended');
    expect(actor.getSnapshot().context.turnHashes).toEqual(done.turnHashes);
  });
});

describe('seats', () => {
  it('a human seat keeps the machine waiting in decisions until it submits', async () => {
    const s = game('two-front').seed('wait').human('usa').turns(2).start();
    expect(s.snapshot.value).toBe('decisions');
    expect(s.turn).toBe(1);
    expect(s.waitingFor()).toEqual(['usa']);
    // Every AI seat has answered; only the human is missing.
    expect(Object.keys(s.snapshot.context.pending).sort()).toEqual(
      PLAYABLE_ACTORS.filter((a) => a !== 'usa').sort(),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(s.snapshot.value).toBe('decisions');
    expect(s.turn).toBe(1);
    expect(s.submit('usa', [{ type: 'usa.reaffirm-article5' }])).toBeNull();
    expect(s.turn).toBe(2);
    expect(s.snapshot.value).toBe('decisions');
    expect(s.snapshot.context.decisions[0]?.usa).toEqual([{ type: 'usa.reaffirm-article5' }]);
    s.toNextTurn();
    expect(s.ended).toBe(true);
    expect(s.snapshot.value).toBe('ended');
    s.stop();
  });

  it('a human seat handed to the AI (SEAT.AUTO) answers with the AI choice as its own', () => {
    const human = { ...allAi(), usa: 'human' as const };
    const actor = createActor(gameMachine, { input: input({ controllers: human, turnLimit: 3 }) });
    actor.start();
    expect(actor.getSnapshot().value).toBe('decisions');
    actor.send({ type: 'SEAT.AUTO', actor: 'usa', on: true });
    // The seat answered at once; the turns after it answer as soon as they are asked.
    expect(actor.getSnapshot().status).toBe('done');
    const c = actor.getSnapshot().context;
    expect(c.aiChosen).toEqual(['1:usa', '2:usa', '3:usa']);
    actor.stop();
    // The record replays: the same game as the same seat scripted with those decisions, and
    // nothing logged for it that a person's orders would not log.
    const scripted = runEngine(sc, {
      seed: 'chart',
      levers: defaultLevers(sc),
      turns: 3,
      controllers: human,
      script: c.decisions,
    });
    expect(scripted.turnHashes).toEqual(c.turnHashes);
    expect(scripted.log).toEqual(c.log);
    // From the input (a fork's seat the AI now plays), the same game without any event.
    const auto = createActor(gameMachine, {
      input: input({ controllers: human, turnLimit: 3, autoSeats: ['usa'] }),
    });
    auto.start();
    expect(auto.getSnapshot().context.turnHashes).toEqual(c.turnHashes);
    auto.stop();
  });

  it('a snapshot kept from the decisions phase does not change when the game moves on', () => {
    // The browser, the server and the timeline keep snapshots: a kept one is a fixed picture.
    for (const paced of [false, true]) {
      const actor = createActor(gameMachine, {
        input: input({ controllers: { ...allAi(), usa: 'human' }, paced }),
      });
      actor.start();
      while (!actor.getSnapshot().matches('decisions')) actor.send({ type: 'CONTINUE' });
      const kept = actor.getSnapshot();
      const before = JSON.stringify([kept.context.state, kept.context.log, kept.context.tracks]);
      const length = kept.context.log.length;
      actor.send({ type: 'SUBMIT', actor: 'usa', decisions: [{ type: 'usa.reaffirm-article5' }] });
      for (let i = 0; i < 8; i++) actor.send({ type: 'CONTINUE' });
      const now = actor.getSnapshot().context;
      expect(now.state.turn).toBe(2);
      expect(now.log.length).toBeGreaterThan(length);
      expect(JSON.stringify([kept.context.state, kept.context.log, kept.context.tracks])).toBe(
        before,
      );
      actor.stop();
    }
  });

  it('an illegal SUBMIT sets lastRejection with a reason and leaves the game as it was', () => {
    const s = game('two-front').seed('illegal').human('usa', 'china').start();
    const before = hashValue(s.state);
    const logLength = s.snapshot.context.log.length;
    const r = s.submit('china', [{ type: 'china.amphibious-invasion' }]);
    expect(r).toMatchObject({
      actor: 'china',
      index: 0,
      option: 'china.amphibious-invasion',
      turn: 1,
    });
    expect(r?.reason).toContain('needs missile and air strikes first');
    expect(s.snapshot.value).toBe('decisions');
    expect(hashValue(s.state)).toBe(before);
    expect(s.turn).toBe(1);
    expect(s.snapshot.context.log.length).toBe(logLength);
    expect(s.snapshot.context.decisions).toEqual([]);
    expect(s.waitingFor()).toEqual(['china', 'usa']);
    // A legal submission afterwards is accepted.
    expect(s.submit('china', [{ type: 'china.mobilise' }])).toBeNull();
    expect(s.waitingFor()).toEqual(['usa']);
    expect(s.snapshot.context.pending.china).toEqual([{ type: 'china.mobilise' }]);
    s.stop();
  });

  it('a legal SUBMIT after a rejected one clears lastRejection (no stale error for the seat)', () => {
    const s = game('two-front').seed('stale').human('usa', 'china').start();
    expect(s.submit('china', [{ type: 'china.amphibious-invasion' }])).not.toBeNull();
    expect(s.submit('china', [{ type: 'china.mobilise' }])).toBeNull();
    // China's corrected submission stands; a panel reading lastRejection must not still show the
    // refusal while the game waits for the US.
    expect(s.waitingFor()).toEqual(['usa']);
    expect(s.snapshot.context.lastRejection).toBeNull();
    s.stop();
  });

  it('a seat cannot decide twice in a turn', () => {
    const s = game('two-front').seed('twice').human('usa', 'nato-europe').start();
    expect(s.submit('usa', [])).toBeNull();
    const before = hashValue(s.state);
    expect(s.submit('usa', [{ type: 'usa.reaffirm-article5' }])?.reason).toBe(
      'usa has already decided this turn',
    );
    expect(s.snapshot.context.pending.usa).toEqual([]);
    expect(hashValue(s.state)).toBe(before);
    expect(s.submit('nato-europe', [])).toBeNull();
    expect(s.turn).toBe(2);
    s.stop();
  });

  it('a SUBMIT for an AI seat (or a background actor) is refused', () => {
    const s = game('two-front').seed('ai-seat').human('usa').start();
    const before = hashValue(s.state);
    expect(s.submit('russia', [{ type: 'russia.baltic-offensive' }])?.reason).toBe(
      'russia is played by the AI',
    );
    expect(s.submit('iran', [])?.reason).toBe('iran is played by the AI');
    expect(hashValue(s.state)).toBe(before);
    expect(s.waitingFor()).toEqual(['usa']);
    s.stop();
  });

  it('a SUBMIT for an actor that does not exist is refused with a reason that says so', () => {
    const s = game('two-front').seed('nobody').human('usa').start();
    const r = s.submit('mars', []);
    expect(r).not.toBeNull();
    // Intended: the reason names the real problem (no such actor or seat), not "played by the AI".
    expect(r!.reason).not.toContain('played by the AI');
    expect(r!.reason).toMatch(/unknown|no such|not an? (actor|seat)|not a playable/i);
    s.stop();
  });

  it('a SUBMIT outside the decisions phase is refused and changes nothing', () => {
    const s = game('two-front').seed('late').human('usa').turns(1).start();
    s.toNextTurn();
    expect(s.ended).toBe(true);
    const snap = s.snapshot;
    const before = hashValue(snap.context.state);
    // The live actor has finished: the event is dropped (xstate warns) and nothing changes.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    s.submit('usa', [{ type: 'usa.reaffirm-article5' }]);
    warn.mockRestore();
    error.mockRestore();
    expect(hashValue(s.state)).toBe(before);
    expect(s.snapshot.context.decisions).toHaveLength(1);
    // The chart's own answer (pure transition from the ended snapshot): a rejection with a reason.
    const [next] = transition(gameMachine, snap, {
      type: 'SUBMIT',
      actor: 'usa',
      decisions: [{ type: 'usa.reaffirm-article5' }],
    });
    expect(next.value).toBe('ended');
    expect(next.context.lastRejection?.reason).toBe(
      'decisions are only accepted in the decisions phase',
    );
    expect(hashValue(next.context.state)).toBe(before);
    expect(next.context.decisions).toEqual(snap.context.decisions);
    s.stop();
  });

  it('the AI seats are one child actor that answers once per turn; each human seat is its own', () => {
    const answers: string[] = [];
    const actor = createActor(gameMachine, {
      input: input({ turnLimit: 3, controllers: { ...allAi(), usa: 'human' } }),
      inspect: (ev) => {
        if (ev.type === '@xstate.event' && ev.actorRef === actor) answers.push(ev.event.type);
      },
    });
    actor.start();
    expect(Object.keys(actor.getSnapshot().children).sort()).toEqual(['seat:usa', 'seats:ai']);
    for (let turn = 1; turn <= 3; turn++) {
      expect(actor.getSnapshot().context.state.turn).toBe(turn);
      actor.send({ type: 'SUBMIT', actor: 'usa', decisions: [] });
    }
    expect(actor.getSnapshot().value).toBe('ended');
    const turn = ['SEATS.DECIDED', 'SUBMIT', 'SEAT.DECIDED'];
    expect(answers.filter((t) => t !== 'xstate.init')).toEqual([...turn, ...turn, ...turn]);
  });

  it.each(['one answer for all', 'one answer per seat'])(
    'seats are child actors that tests can replace with machine.provide() (%s)',
    (how) => {
      // AI seats that always hold: the game still runs turn by turn, and records empty decisions.
      const passive = fromCallback<SeatEvent, AiSeatsInput>(
        ({ input: seats, receive, sendBack }) => {
          receive((event) => {
            if (event.type !== 'DECIDE') return;
            const ballots = seats.actors.map((actor) => ({
              actor,
              decisions: [],
              by: 'ai' as const,
              reasoning: null,
            }));
            if (how === 'one answer for all') {
              const reply: SeatsDecided = { type: 'SEATS.DECIDED', ballots };
              sendBack(reply);
            } else
              for (const b of ballots) {
                const reply: SeatDecided = { type: 'SEAT.DECIDED', ...b };
                sendBack(reply);
              }
          });
        },
      );
      const actor = createActor(gameMachine.provide({ actors: { aiSeat: passive } }), {
        input: input({ turnLimit: 2 }),
      });
      actor.start();
      const c = actor.getSnapshot().context;
      expect(actor.getSnapshot().value).toBe('ended');
      expect(Object.keys(actor.getSnapshot().children)).toEqual(['seats:ai']);
      expect(c.decisions).toHaveLength(2);
      for (const turn of c.decisions)
        for (const a of PLAYABLE_ACTORS) expect(turn[a], a).toEqual([]);
      expect(
        c.log.filter(
          (e) =>
            e.type === 'ai-reasoning' && (PLAYABLE_ACTORS as readonly string[]).includes(e.actor),
        ),
      ).toEqual([]);
    },
  );
});

describe('engine and plain loop', () => {
  const cases: [string, string][] = [
    ['two-front', '42'],
    ['two-front', 'engine-1'],
    ['skeptic', 'engine-2'],
    ['hague-target', 'engine-3'],
    ['ukraine-falls', 'engine-4'],
    ['taiwan-alone', 'engine-5'],
    ['europe-first', 'engine-6'],
  ];

  it.each(cases)('%s seed %s: same hashes, decisions, tracks and log', (id, seed) => {
    const l = scenario(id);
    const opts = { seed, levers: defaultLevers(l.scenario) };
    const e = runEngine(l.scenario, opts);
    const p = runPlain(l.scenario, opts);
    expect(e.finalHash).toMatch(/^[0-9a-f]{16}$/);
    expect(e.finalHash).toBe(p.finalHash);
    expect(e.turnHashes).toEqual(p.turnHashes);
    expect(e.decisions).toEqual(p.decisions);
    expect(e.tracks).toEqual(p.tracks);
    expect(e.log).toEqual(p.log);
    expect(e.turnsPlayed).toBe(p.turnsPlayed);
  });

  it('quiet runs (no log, no hashes) reach the same final state as full ones', () => {
    const opts = { seed: 'quiet', levers: defaultLevers(sc) };
    const full = runEngine(sc, opts);
    const e = runEngine(sc, { ...opts, keepLog: false, turnHashes: false });
    const p = runPlain(sc, { ...opts, keepLog: false, turnHashes: false });
    expect(e.log).toEqual([]);
    expect(e.finalHash).toBe('');
    expect(hashValue(e.state)).toBe(full.finalHash);
    expect(hashValue(p.state)).toBe(full.finalHash);
  });

  it('with human seats scripted, both loops agree too', () => {
    const g = game('two-front')
      .seed('scripted')
      .set('chinaCourse', 'invasion')
      .decide(1, 'usa', [{ type: 'usa.reaffirm-article5' }])
      .decide(4, 'usa', [{ type: 'usa.intervene-taiwan' }])
      .decide(2, 'nato-europe', [{ type: 'nato-europe.raise-spending' }])
      .turns(6);
    const e = g.play();
    const p = g.plain().play();
    expect(e.rejection).toBeNull();
    expect(e.finalHash).toBe(p.finalHash);
    expect(e.turnHashes).toEqual(p.turnHashes);
    expect(e.state.flags.usIntervened).toBe(true);
  });
});
