import { PLAYABLE_ACTORS } from '../sim/ids';
import { RULES_VERSION } from '../sim/replay';
import { encodeReplayFile } from '../sim/replay-codec';
import { ACTOR_STYLE } from '../view/palette';
import { clear, h } from './dom';
import { downloadText, replayFileName } from './files';
import type { SaveEntry, SavedGame } from './saves';
import type { SetupLibrary } from './setup-screen';

/**
 * The saved games on the start screen: "Continue" for the latest game in progress, and a list of
 * every saved game (scenario, when it was saved, the turn, who played which side) to continue,
 * watch as a replay or delete. Deleting asks first, in place. Continue reads the game again first:
 * another tab may have played on since the list was drawn.
 */
export function savedGamesPanel(lib: SetupLibrary): {
  el: HTMLElement;
  continueButton: HTMLButtonElement;
} {
  const list = h('ul', { class: 'saved-list', 'data-testid': 'saved-list' });
  const el = h(
    'section',
    { class: 'saved-games', hidden: true, 'aria-labelledby': 'saved-title' },
    h('h2', { id: 'saved-title' }, 'Saved games'),
    list,
  );
  const continueButton = h(
    'button',
    { type: 'button', class: 'primary big', hidden: true, 'data-testid': 'continue' },
    'Continue',
  );

  async function refresh(): Promise<void> {
    let entries: SaveEntry[];
    try {
      entries = await lib.saves.list();
    } catch (e) {
      lib.notice(
        `Saved games are not available in this browser (${e instanceof Error ? e.message : String(e)}). A game played now cannot be saved: export it to keep it.`,
      );
      return;
    }
    clear(list);
    el.hidden = entries.length === 0;
    const latest = entries.find(
      (e): e is { ok: true; game: SavedGame } => e.ok && e.game.status === 'playing',
    );
    continueButton.hidden = !latest;
    if (latest) {
      const g = latest.game;
      continueButton.title = `${g.scenarioName}, turn ${g.turn}, saved ${when(g.savedAt)}`;
      continueButton.onclick = () => void freshest(g).then(lib.continueGame);
    }
    for (const e of entries) list.append(e.ok ? row(e.game) : badRow(e.id, e.problem));
  }

  function row(g: SavedGame): HTMLElement {
    const humans = PLAYABLE_ACTORS.filter((a) => g.record.controllers[a] === 'human');
    const sides = h(
      'span',
      { class: 'sides' },
      humans.length
        ? humans.map((a) =>
            h('span', {
              class: 'code',
              title: `${a}: human`,
              style: `background:${ACTOR_STYLE[a].css};color:${ACTOR_STYLE[a].ink}`,
              text: ACTOR_STYLE[a].code,
            }),
          )
        : 'AI only',
    );
    const state =
      g.status === 'ended'
        ? `Ended at turn ${g.turn}: ${g.outcome ?? 'ran its course'}`
        : `Turn ${g.turn} of ${g.record.turnLimit}, in progress`;
    const actions = h('span', { class: 'row-actions' });
    const li = h(
      'li',
      { class: 'saved', 'data-testid': 'saved-game', 'data-id': g.id },
      h(
        'span',
        { class: 'saved-main' },
        h('strong', { text: g.scenarioName }),
        h('span', { class: 'hint', text: ` · ${state}` }),
        h('br'),
        h('span', { class: 'hint', text: `Saved ${when(g.savedAt)} · seed ${g.record.seed} · ` }),
        sides,
        g.record.parent
          ? h('span', { class: 'hint', text: ` · fork after turn ${g.record.parent.turn}` })
          : null,
      ),
      actions,
    );
    // A game saved under other rules cannot be re-simulated here (it would not be the game that
    // was played), but nothing is lost: it is listed as such and can still be exported.
    const otherRules = g.record.engineVersion !== RULES_VERSION;
    if (otherRules)
      li.querySelector('.saved-main')?.append(
        h('br'),
        h('span', {
          class: 'hint',
          'data-testid': 'saved-other-rules',
          text: `Saved under rules ${g.record.engineVersion}; this is rules ${RULES_VERSION}, so it cannot be continued or replayed here. Export it to keep it.`,
        }),
      );
    const normal = (): void => {
      clear(actions);
      if (otherRules) {
        actions.append(
          button('Export', 'saved-export', 'small', () =>
            downloadText(replayFileName(g.record), encodeReplayFile(g.record)),
          ),
          button('Delete', 'saved-delete', 'small ghost', () =>
            confirmDelete(actions, g.id, normal),
          ),
        );
        return;
      }
      if (g.status === 'playing') {
        actions.append(
          button(
            'Continue',
            'saved-continue',
            'small',
            () => void freshest(g).then(lib.continueGame),
          ),
        );
      }
      actions.append(
        button('Replay', 'saved-watch', 'small ghost', () => lib.viewGame(g)),
        button('Delete', 'saved-delete', 'small ghost', () => confirmDelete(actions, g.id, normal)),
      );
    };
    normal();
    return li;
  }

  /** The game as stored now, or as listed if storage does not say (it has a time limit). */
  async function freshest(g: SavedGame): Promise<SavedGame> {
    const e = await lib.saves.get(g.id).catch(() => null);
    return e?.ok ? e.game : g;
  }

  function badRow(id: string, problem: string): HTMLElement {
    const actions = h('span', { class: 'row-actions' });
    const normal = (): void => {
      clear(actions);
      actions.append(
        button('Delete', 'saved-delete', 'small ghost', () => confirmDelete(actions, id, normal)),
      );
    };
    normal();
    return h(
      'li',
      { class: 'saved bad', 'data-testid': 'saved-game', 'data-id': id },
      h(
        'span',
        { class: 'saved-main' },
        h('strong', { text: 'Unreadable saved game' }),
        h('br'),
        h('span', { class: 'hint', text: problem }),
      ),
      actions,
    );
  }

  function confirmDelete(actions: HTMLElement, id: string, back: () => void): void {
    clear(actions);
    const yes = h(
      'button',
      { type: 'button', class: 'small danger', 'data-testid': 'saved-delete-confirm' },
      'Delete',
    );
    const no = h('button', { type: 'button', class: 'small ghost' }, 'Keep');
    yes.addEventListener('click', () => {
      void lib.saves.remove(id).then(refresh, (e) => lib.notice(`Could not delete: ${String(e)}`));
    });
    no.addEventListener('click', back);
    actions.append(h('span', { class: 'confirm', text: 'Delete this game for good?' }), yes, no);
    queueMicrotask(() => no.focus());
  }

  void refresh();
  return { el, continueButton };
}

/** "2 Dec 2026, 10:32" in the reader's own time zone. */
function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      });
}

/** A small row button: its label, test id, classes and what a click does. */
function button(label: string, testId: string, cls: string, onClick: () => void): HTMLElement {
  const b = h('button', { type: 'button', class: cls, 'data-testid': testId }, label);
  b.addEventListener('click', onClick);
  return b;
}
