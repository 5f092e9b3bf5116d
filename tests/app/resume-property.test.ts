import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GameDriver, type GameSetup } from '../../src/app/driver';
import { resumeSaved, toSavedGame } from '../../src/app/resume';
import { loadBundled } from '../../src/app/scenarios';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../../src/sim/ids';
import { allAi } from '../../src/sim/run';
import { defaultLevers } from '../../src/sim/setup';
import { randomLegal } from '../helpers/random-legal';

/**
 * Property: a game saved at any moment and put back (a reload) is the same game. For random seeds,
 * random human seats playing random legal orders and a random moment to save at, the resumed
 * game has the state hash the game had, and played on with the same orders it ends on the final
 * hash of the game that was never interrupted.
 */

const loaded = (() => {
  const r = loadBundled('two-front');
  if (!r.ok) throw new Error('two-front did not load');
  return r.value;
})();

function setupOf(seed: string, humans: readonly PlayableActorId[]): GameSetup {
  const controllers = { ...allAi() };
  for (const h of humans) controllers[h] = 'human';
  return {
    loaded,
    seed,
    levers: defaultLevers(loaded.scenario),
    controllers,
    turnLimit: 5,
  };
}

/** One step of a paused game: a waiting human seat decides (by its policy), or the engine moves on. */
function step(d: GameDriver, policy: number): void {
  const v = d.view();
  const seat = v.waiting[0];
  if (!seat) return d.step();
  const choose = randomLegal(policy * 31 + PLAYABLE_ACTORS.indexOf(seat) + v.ctx.state.turn * 7);
  const r = d.submit(
    seat,
    choose({
      state: v.ctx.state,
      sc: loaded.scenario,
      actor: seat,
      turn: v.ctx.state.turn,
    }) as never,
  );
  if (!r.ok) throw new Error(r.reason);
}

function playOut(d: GameDriver, policy: number): void {
  for (let i = 0; i < 500 && !d.view().ended; i++) step(d, policy);
}

describe('resume', () => {
  it('a game saved at a random moment and put back plays on to the same final hash', () => {
    let resumed = 0;
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.subarray([...PLAYABLE_ACTORS], { maxLength: 3 }),
        fc.nat({ max: 38 }),
        fc.nat(),
        (seed, humans, at, policy) => {
          const setup = setupOf(seed, humans);
          const whole = new GameDriver(setup, { autoplay: false, speed: 'max' });
          whole.start();
          playOut(whole, policy);
          const expected = whole.replay();
          whole.stop();

          const live = new GameDriver(setup, { autoplay: false, speed: 'max' });
          live.start();
          for (let i = 0; i < at && !live.view().ended; i++) step(live, policy);
          const saved = toSavedGame(live, {
            id: 'p',
            createdAt: '2026-12-02T00:00:00.000Z',
            savedAt: '2026-12-02T00:00:00.000Z',
          });
          const hash = live.stateHash();
          live.stop();
          if (saved.status === 'ended') return;
          resumed++;

          const r = resumeSaved(JSON.parse(JSON.stringify(saved)) as typeof saved);
          if (!r.ok) throw new Error(r.error);
          const back = new GameDriver(r.value.setup, { autoplay: false, speed: 'max' });
          back.start();
          expect(back.advanceTo(r.value.point).ok).toBe(true);
          expect(back.stateHash()).toBe(hash);
          playOut(back, policy);
          expect(back.replay()).toEqual(expected);
          back.stop();
        },
      ),
      { numRuns: 40, seed: 20261202 },
    );
    // Most runs save mid-game (a few reach the end first): the property is not vacuous.
    expect(resumed).toBeGreaterThan(30);
  });
});
