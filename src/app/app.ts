import type { GameView } from '../view/contract';
import { clear } from './dom';
import type { GameSetup } from './driver';
import { gameScreen, type GameScreen } from './game-screen';
import { setupScreen } from './setup-screen';

/**
 * The browser shell: the setup screen, then a game. `window.__secondFront` exposes the running
 * game's driver and view probe, so browser tests (and curious analysts in the console) can read
 * hashes and what is on screen without parsing pixels.
 */

export interface AppHandle {
  readonly screen: () => 'setup' | 'game';
  readonly game: () => GameScreen | null;
  readonly view: () => GameView | null;
}

declare global {
  interface Window {
    __secondFront?: AppHandle;
  }
}

export function mountApp(
  root: HTMLElement,
  startView: (parent: HTMLElement) => Promise<GameView>,
): AppHandle {
  let game: GameScreen | null = null;
  let view: GameView | null = null;
  let last: GameSetup | null = null;

  function showSetup(): void {
    game?.destroy();
    game = null;
    view = null;
    clear(root);
    root.append(
      setupScreen(
        startGame,
        last ? { scenarioId: last.loaded.scenario.id, controllers: last.controllers } : undefined,
      ).el,
    );
  }

  function startGame(setup: GameSetup): void {
    last = setup;
    clear(root);
    game = gameScreen(setup, startView, { newGame: showSetup });
    root.append(game.el);
    void game.ready.then((v) => {
      view = v;
    });
  }

  const handle: AppHandle = {
    screen: () => (game ? 'game' : 'setup'),
    game: () => game,
    view: () => view,
  };
  window.__secondFront = handle;
  showSetup();
  return handle;
}
