import type { PlayableActorId } from '../../sim/ids';
import type { LoadedScenario } from '../../sim/scenario/load';
import type { GameView } from '../../view/contract';
import type { GameSetup } from '../driver';
import { playScreen, type GameActions, type GameScreen } from '../game-screen';
import type { Connection } from './connection';
import type { ClassroomKeys } from './keys';
import { leaveDialog } from './leave-dialog';
import { messagesPanel } from './messages-panel';
import { RemoteGame, remoteControllers } from './remote-game';
import { sessionBar } from './session-bar';

/**
 * A team's screen in a classroom session: the game screen from the team's side (its fog of war,
 * its orders dock, no hand-overs, no pace controls, no "AI plays my side"), with the session's
 * clock, ready count and "Orders locked" in the top bar, a banner while the facilitator has
 * paused, and the team's messages.
 */
export interface TeamScreen {
  readonly el: HTMLElement;
  readonly game: GameScreen<RemoteGame>;
  destroy(): void;
}

/** Who plays the seats and what the side panel counts from, for a session's game screen. */
export function remoteSetup(
  loaded: LoadedScenario,
  team: PlayableActorId | null,
  turnLimit: number,
  levers: GameSetup['levers'],
): GameSetup {
  // The seed is not the team's to know; the side panel's opening figures do not depend on it.
  return { loaded, seed: '', levers, controllers: remoteControllers(team), turnLimit };
}

/**
 * The game screen's actions in a session: no files, links or replays of its own (the facilitator
 * exports the session's); its end screen's "New game" leaves for the start screen.
 */
export function sessionActions(leave: () => void): GameActions {
  const none = (): void => undefined;
  return { newGame: leave, exportFile: none, share: none, openFile: none, viewReplay: none };
}

export function teamScreen(
  conn: Connection,
  loaded: LoadedScenario,
  team: PlayableActorId,
  name: string,
  keys: ClassroomKeys,
  startView: (parent: HTMLElement) => Promise<GameView>,
  actions: {
    leave(): void;
    /** Give up this device's place: a problem to show, or null once gone. */
    leaveSession(): Promise<string | null>;
  },
): TeamScreen {
  const s = conn.state!;
  const game = s.game!;
  const source = new RemoteGame(conn, loaded.scenario);
  const bar = sessionBar({ team: true });
  const messages = messagesPanel({
    sc: loaded.scenario,
    me: { team, name },
    foldable: true,
    send: (to, text) => conn.request('message:send', { to, text }),
  });
  const sessionId = s.session.id;
  const drafts = keys.drafts(sessionId);
  // A new turn puts the orders dock up and gives it the focus; someone writing a message keeps it.
  let writing: Element | null = null;
  const before = conn.onChange(() => {
    const at = document.activeElement;
    writing = at && messages.el.contains(at) ? at : null;
  });
  const screen = playScreen(
    source,
    remoteSetup(loaded, team, game.turnLimit, game.state.levers),
    startView,
    {
      ...sessionActions(actions.leave),
      onDraft: (d) => keys.keepDrafts(sessionId, d),
      leaveSession: () =>
        leaveDialog(
          screen.el,
          actions.leaveSession,
          screen.el.querySelector<HTMLElement>('[data-testid="game-menu"]'),
        ),
    },
    {
      ...(drafts ? { drafts } : {}),
      extras: {
        top: [...bar.items, messages.toggle!],
        stage: [bar.banner, messages.el],
        menu: ['leave'],
      },
    },
  );
  screen.el.classList.add('classroom-team');
  const update = (): void => {
    const st = conn.state;
    if (!st) return;
    bar.update(st, conn.link);
    messages.update(
      st.messages,
      st.session.teams.map((t) => t.team),
    );
    if (writing && writing !== document.activeElement && writing instanceof HTMLElement)
      writing.focus();
    writing = null;
  };
  const after = conn.onChange(update);
  update();
  return {
    el: screen.el,
    game: screen,
    destroy() {
      before();
      after();
      bar.destroy();
      source.stop();
      screen.destroy();
    },
  };
}
