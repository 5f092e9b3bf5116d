import { createInitialState, defaultLevers } from '../sim/setup';
import type { GameView } from '../view/contract';
import { h } from './dom';
import { loadBundled } from './scenarios';

/**
 * One Phaser view for the whole page. The first screen that needs a map (or the background
 * preload while the start screen is read) boots it; later screens (a replay, a fork, the next
 * game) move it into their own map area instead of booting Phaser and projecting the atlas again.
 */
export interface ViewHost {
  /** Where the view waits, booted but unseen (append it to the page once). */
  readonly parking: HTMLElement;
  /** The view, moved into `parent` (booted there if it is the first). */
  take(parent: HTMLElement): Promise<GameView>;
  /**
   * Boot the view in the parking place and give it the baseline's opening position, so its
   * geography is projected and painted before anyone asks. `busy()` says a screen has taken it
   * meanwhile (then nothing is drawn here).
   */
  preload(busy: () => boolean): void;
}

export function viewHost(boot: (parent: HTMLElement) => Promise<GameView>): ViewHost {
  let shared: Promise<GameView> | null = null;
  const parking = h('div', { class: 'view-parking', 'aria-hidden': 'true', inert: true });
  const take = async (parent: HTMLElement): Promise<GameView> => {
    if (!shared) {
      shared = boot(parent);
      shared.catch(() => (shared = null));
      return shared;
    }
    const v = await shared;
    v.attach(parent);
    return v;
  };
  return {
    parking,
    take,
    preload(busy) {
      if (shared) return;
      void take(parking)
        .then((v) => {
          const base = loadBundled('two-front');
          if (!base.ok || busy()) return;
          const sc = base.value.scenario;
          v.render({
            sc,
            state: createInitialState(sc, 'preview', defaultLevers(sc)),
            viewpoint: 'control',
            log: [],
            phase: 'briefing',
          });
        })
        .catch(() => undefined);
    },
  };
}
