import type { Autosaver, Conflict } from './autosaver';
import { h } from './dom';
import { newSaveId, type SavedGame, type Saves } from './saves';

/**
 * The game on screen was continued in another tab and is behind it. Until the player chooses,
 * this tab writes nothing over the other's save (the autosaver holds its game in memory), so the
 * dialog is modal and has no way out but the two choices: reload the other tab's latest state, or
 * keep this tab's game as a new saved game. An alert dialog, so a screen reader says it at once.
 */
export function staleDialog(
  c: Conflict,
  actions: { reload(): void; keep(): void },
): {
  el: HTMLElement;
  focus(): void;
  busy(message: string | null): void;
  say(message: string): void;
  /** The other tab played on while the dialog is up. */
  moved(c: Conflict): void;
} {
  const reload = h(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'stale-reload' },
    'Reload the latest',
  );
  const keep = h(
    'button',
    { type: 'button', class: 'ghost', 'data-testid': 'stale-keep' },
    'Keep this as a new saved game',
  );
  const said = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  reload.addEventListener('click', () => actions.reload());
  keep.addEventListener('click', () => actions.keep());
  const text = h('p', { id: 'stale-text', 'data-testid': 'stale-text' });
  const describe = (c: Conflict): void => {
    const there = `at turn ${c.there} there${c.there === c.here ? ' too' : ''}`;
    text.textContent = `The saved game is ${there}; this tab is at turn ${c.here}. Nothing from this tab has been saved over it since. Reload the latest to play on from the other tab's game, or keep this tab's game as a new saved game (the other one stays as it is).`;
  };
  describe(c);
  const el = h(
    'div',
    { class: 'overlay stale-overlay', 'data-testid': 'stale-dialog' },
    h(
      'div',
      {
        class: 'card',
        role: 'alertdialog',
        'aria-modal': 'true',
        'aria-labelledby': 'stale-title',
        'aria-describedby': 'stale-text',
      },
      h('h2', { id: 'stale-title', text: 'This game was continued in another tab' }),
      text,
      said,
      h('div', { class: 'end-actions' }, keep, reload),
    ),
  );
  // Tab stays on the two choices: the game behind the dialog must not be played by keyboard.
  // The game's own shortcuts (p, n, Ctrl+Enter) do not reach the page while it is up.
  el.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key !== 'Tab') return;
    e.preventDefault();
    (document.activeElement === reload ? keep : reload).focus();
  });
  return {
    el,
    focus: () => reload.focus(),
    busy(message) {
      said.textContent = message ?? '';
      reload.disabled = keep.disabled = message !== null;
    },
    say(message) {
      said.textContent = message;
    },
    moved: describe,
  };
}

/**
 * Ask the stale tab what to do, and do it: the dialog goes on `host` and stays until a choice has
 * worked. Returns a function that takes the dialog away (leaving the game screen does).
 *
 * @example
 * const saver = new Autosaver(saves, { ..., stale: (c) => askWhenStale(c, { saver, ... }) });
 */
export function askWhenStale(
  c: Conflict,
  deps: {
    readonly saver: Autosaver;
    readonly saves: Saves;
    readonly host: HTMLElement;
    pause(): void;
    reopen(game: SavedGame): void;
    notice(message: string): void;
  },
): () => void {
  deps.pause();
  let now = c;
  const unwatch = deps.saves.watch((news) => {
    if (news.type !== 'saved' || news.id !== c.id || news.revision.n <= now.revision.n) return;
    now = { ...now, there: news.turn, revision: news.revision };
    d.moved(now);
  });
  const remove = (): void => {
    unwatch();
    d.el.remove();
  };
  const d = staleDialog(c, {
    reload: () => {
      d.busy('Reading the latest saved game…');
      deps.saves.get(c.id).then(
        (e) => {
          if (e?.ok) {
            remove();
            deps.reopen(e.game);
            return;
          }
          d.busy(null);
          d.say(
            e
              ? `The other tab's game cannot be read (${e.problem}): keep this one as a new saved game.`
              : 'The game is no longer among the saved games (deleted in the other tab): keep this one as a new saved game.',
          );
        },
        (err: unknown) => {
          d.busy(null);
          d.say(`The saved games cannot be read (${errorText(err)}). Export this game to keep it.`);
        },
      );
    },
    keep: () => {
      deps.saver.keepAs(newSaveId(), new Date().toISOString());
      remove();
      deps.notice(
        "This tab's game is now saved as a new game; the other tab's game is kept as it was.",
      );
    },
  });
  deps.host.append(d.el);
  queueMicrotask(() => d.focus());
  return remove;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
