import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { ENGINE_PHASES, gameMachine, type GameInput } from '../../src/engine/machine';
import { forkSetup, playOnTo, resumePoint } from '../../src/engine/resume';
import { buildTimeline, stateHash } from '../../src/engine/timeline';
import { allAi } from '../../src/sim/run';
import { game, scenario } from '../helpers/game';

/**
 * Resume and fork as engine rules, without the browser: a record cut at the current turn and
 * played on to its phase gives the state a game that never stopped had; a fork keeps a seat once
 * human as 'human' and hands it to the AI.
 */

const loaded = scenario('two-front');
const sc = loaded.scenario;
const controllers = { ...allAi(), usa: 'human' as const, china: 'human' as const };
const played = game('two-front')
  .seed('resume-engine')
  .human('usa')
  .human('china')
  .decide(2, 'usa', [{ type: 'usa.reaffirm-article5' }])
  .turns(4)
  .play();
const record = played.replay();

function input(over: Partial<GameInput>): GameInput {
  return {
    sc,
    seed: record.seed,
    levers: record.levers as GameInput['levers'],
    controllers,
    turnLimit: record.turnLimit,
    paced: true,
    ...over,
  };
}

describe('resumePoint', () => {
  it('at every phase of turn 3 (hot seat: one side already decided), playing on gives the live state', () => {
    const live = createActor(gameMachine, { input: input({}) });
    live.start();
    const seen = new Set<string>();
    for (let i = 0; i < 200 && live.getSnapshot().status === 'active'; i++) {
      const snap = live.getSnapshot();
      const c = snap.context;
      const phase = String(snap.value);
      if (c.state.turn === 3) {
        const pending = Object.fromEntries(
          (['usa', 'china'] as const).flatMap((a) => (c.pending[a] ? [[a, c.pending[a]]] : [])),
        );
        const rec = {
          ...record,
          decisions: c.decisions.slice(0, c.turnHashes.length),
          turnHashes: [...c.turnHashes],
          finalHash: c.turnHashes.at(-1) ?? '',
        };
        const r = resumePoint(loaded, rec, { phase, pending });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const back = createActor(gameMachine, { input: input({ from: r.value.from }) });
        back.start();
        expect(playOnTo(back, r.value.point)).toEqual({ ok: true });
        expect(String(back.getSnapshot().value)).toBe(phase);
        expect(stateHash(back.getSnapshot().context.state), phase).toBe(stateHash(c.state));
        back.stop();
        seen.add(phase);
      }
      if (snap.matches('decisions')) {
        const seat = (['usa', 'china'] as const).find((a) => c.pending[a] === undefined)!;
        live.send({
          type: 'SUBMIT',
          actor: seat,
          decisions: record.decisions[c.state.turn - 1]?.[seat] ?? [],
        });
      } else live.send({ type: 'CONTINUE' });
    }
    live.stop();
    expect([...seen].sort()).toEqual([...ENGINE_PHASES, 'decided'].sort());
  });

  it('a record that does not replay is refused with the turn', () => {
    const bad = { ...record, turnHashes: record.turnHashes.map((h, i) => (i === 1 ? 'x' : h)) };
    const r = resumePoint(loaded, bad, { phase: 'briefing', pending: {} });
    expect(r).toMatchObject({ ok: false, error: { turn: 2 } });
  });
});

describe('forkSetup', () => {
  const t = buildTimeline(loaded, record);
  if (!t.ok) throw new Error(t.error.reason);

  it('a seat once human stays human in the record and is handed to the AI; the parent is named', () => {
    const f = forkSetup(t.value, 2, { ...allAi(), usa: 'human' });
    expect(f.controllers.usa).toBe('human');
    expect(f.controllers.china).toBe('human');
    expect(f.autoSeats).toEqual(['china']);
    expect(f.parent).toEqual({ finalHash: record.finalHash, turn: 2 });
    expect(f.from.turnHashes).toEqual(record.turnHashes.slice(0, 2));
    expect(f.from.state).toBe(t.value.frames[2]!.state);
  });

  it('from turn 0 it names no parent', () => {
    expect(forkSetup(t.value, 0, controllers).parent).toBeUndefined();
  });
});
