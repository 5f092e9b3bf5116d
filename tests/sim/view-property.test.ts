import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listScenarioIds } from '../../src/cli/scenario-files';
import { ACTORS, PLAYABLE_ACTORS } from '../../src/sim/ids';
import { teamView, type Viewpoint } from '../../src/sim/view';
import { fogLeaks } from '../helpers/fog';
import { game, type Session } from '../helpers/game';
import { randomLegal } from '../helpers/random-legal';

/**
 * Fog of war over real games through the engine: any bundled scenario, any seed, a game stopped
 * after any of its first turns, with or without a human seat playing random legal orders (then
 * looked at in every decisions phase too, mid-turn); every viewpoint's `teamView` holds nothing
 * that viewpoint may not know (tests/helpers/fog.ts), and control holds everything. The seeds are
 * long enough to be searched for in the views.
 */

const VIEWPOINTS: readonly Viewpoint[] = [...ACTORS, 'public', 'control'];

function leaks(s: Session, where: string): string[] {
  const { state, log } = s.snapshot.context;
  const sc = s.loaded.scenario;
  return VIEWPOINTS.flatMap((vp) =>
    fogLeaks(state, log, sc, vp, teamView(state, log, sc, vp)).map(
      (l) => `${where}, turn ${state.turn}, as ${vp}: ${l}`,
    ),
  );
}

describe('teamView, over seeds, scenarios, turns and viewpoints', () => {
  it('never shows a viewpoint what it may not know', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...listScenarioIds()),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 5 }),
        fc.option(fc.tuple(fc.constantFrom(...PLAYABLE_ACTORS), fc.nat()), { nil: null }),
        (id, n, turns, human) => {
          let b = game(id).seed(`fog-${n}`).turns(turns);
          if (human) b = b.policy(human[0], randomLegal(human[1]));
          const s = b.start();
          const where = `${id}, seed fog-${n}${human ? `, ${human[0]} human` : ''}`;
          const found: string[] = [];
          for (let guard = 0; guard < 10 && s.waitingFor().length > 0; guard++) {
            found.push(...leaks(s, where));
            s.toNextTurn();
          }
          found.push(...leaks(s, where));
          s.stop();
          expect(found).toEqual([]);
        },
      ),
      { numRuns: 24 },
    );
  });
});
