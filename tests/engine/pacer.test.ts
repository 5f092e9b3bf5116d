import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { gameMachine } from '../../src/engine/machine';
import { pacer, phaseDelay, type PaceClock } from '../../src/engine/pacer';
import { allAi } from '../../src/sim/run';
import { defaultLevers } from '../../src/sim/setup';
import { scenario } from '../helpers/game';

/**
 * The pacer as an engine actor on a fake clock: the engine reads no clock, so a test hands it
 * timers it fires by hand and sees which delay each phase asked for.
 */

const sc = scenario('two-front').scenario;

/** A clock whose timers wait in a list until the test fires them. */
function fakeClock(withFrames: boolean): PaceClock & {
  pending: { ms: number | 'frame'; fn: () => void; live: boolean }[];
  fire(): number | 'frame';
} {
  const pending: { ms: number | 'frame'; fn: () => void; live: boolean }[] = [];
  const add = (ms: number | 'frame', fn: () => void): (() => void) => {
    const t = { ms, fn, live: true };
    pending.push(t);
    return () => {
      t.live = false;
    };
  };
  return {
    pending,
    after: (ms, fn) => add(ms, fn),
    frame: withFrames ? (fn) => add('frame', fn) : undefined,
    fire() {
      const t = pending.filter((p) => p.live).at(-1);
      if (!t) throw new Error('no timer');
      t.live = false;
      t.fn();
      return t.ms;
    },
  };
}

function start(clock: PaceClock, playing: boolean, speed: 'normal' | 'max') {
  const machine = gameMachine.provide({ actors: { pacer: pacer(clock, { playing, speed }) } });
  const actor = createActor(machine, {
    input: {
      sc,
      seed: 'pacer',
      levers: defaultLevers(sc),
      controllers: allAi(),
      turnLimit: 2,
      paced: true,
    },
  });
  actor.start();
  return actor;
}

describe('the pacer', () => {
  it('times each phase by what it logged and moves the game on when its timer fires', () => {
    const clock = fakeClock(false);
    const actor = start(clock, true, 'normal');
    const seen: string[] = [];
    for (let i = 0; i < 40 && actor.getSnapshot().status === 'active'; i++) {
      const before = actor.getSnapshot();
      const ms = clock.fire();
      expect([phaseDelay('normal', 0), phaseDelay('normal', 1)]).toContain(ms);
      seen.push(String(before.value));
    }
    expect(actor.getSnapshot().status).toBe('done');
    // The AI seats answer at once, so decisions passes without a timer of its own.
    expect(seen.slice(0, 7)).toEqual([
      'briefing',
      'intelligence',
      'decided',
      'adjudication',
      'events',
      'assessment',
      'briefing',
    ]);
    // One live timer at a time: each phase's own.
    actor.stop();
    expect(clock.pending.filter((p) => p.live).length).toBeLessThanOrEqual(1);
  });

  it('paused, it asks for no timer; played, it does; Fastest uses a frame where there are frames', () => {
    const clock = fakeClock(true);
    const actor = start(clock, false, 'max');
    expect(clock.pending.filter((p) => p.live)).toEqual([]);
    actor.send({ type: 'PACE.SET', playing: true, speed: 'max', restart: false });
    expect(clock.pending.filter((p) => p.live).map((p) => p.ms)).toEqual(['frame']);
    expect(clock.fire()).toBe('frame');
    expect(actor.getSnapshot().value).toBe('intelligence');
    actor.send({ type: 'PACE.SET', playing: false, speed: 'max', restart: false });
    expect(clock.pending.filter((p) => p.live)).toEqual([]);
    actor.stop();
  });
});
