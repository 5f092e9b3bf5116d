import { h } from './dom';
import { TRACK_HELP, type TrackId } from './track-help';

/**
 * Help for a first game: a short "how to play" in a modal dialog, opened from the top bar's Help
 * button, with the definition of every track from the one table in `track-help.ts`. The first
 * game also offers it once, at the top of the side panel; the answer (read it or not now) is
 * remembered in the browser, so the offer does not come back.
 */
export interface HowToPlay {
  /** The top bar's Help button. */
  readonly button: HTMLButtonElement;
  readonly dialog: HTMLDialogElement;
  open(): void;
}

/** Where the browser remembers that the offer was answered. */
export const HELP_OFFERED_KEY = 'second-front:help-offered';

const STEPS: readonly [string, string][] = [
  [
    'Your side.',
    'You play one seat. The panel on the left shows your side: support at home, economic cost, munitions and readiness with their change since the start of last turn, your forces and what is on the way, and your objectives with the score so far. Hover over or tab to a track’s name for what it means.',
  ],
  [
    'A turn.',
    'Each turn covers days of the crisis (the date is in the top bar) and runs through six phases, shown in the top bar: briefing, intelligence, decisions, adjudication, events and assessment. Play runs them on by itself; Pause (p) stops it and Step (n) moves one phase.',
  ],
  [
    'Deciding.',
    'At the decisions phase the dock at the bottom lists your options in four slots: military, diplomatic, information and economic. Choose one order per slot or Hold, then Submit (Ctrl+Enter). Each option shows its cost (“support −2” comes off your support) and what it is expected to do; an option you cannot take says why.',
  ],
  [
    'What happened.',
    'The event log on the right explains every roll and every AI decision in numbers; click an entry to open it and light up its region on the map. “Text log” shows the same log as text.',
  ],
  [
    'Winning.',
    'Your score runs from −100 to 100: the outcome the game reaches (or would reach if it ended now) plus your own terms, each a measure of the game times its weight. The game ends after its last turn, or earlier on an outcome such as a fallen capital or nuclear use.',
  ],
  [
    'Hot seat.',
    'With several human seats, a hand-over screen hides one side’s orders and figures from the next: each side sees only what it has been told.',
  ],
];

function remembered(): boolean {
  try {
    return localStorage.getItem(HELP_OFFERED_KEY) === '1';
  } catch {
    // Storage can be switched off; then the offer simply comes with every first game.
    return false;
  }
}

function remember(): void {
  try {
    localStorage.setItem(HELP_OFFERED_KEY, '1');
  } catch {
    // Nothing to do: see `remembered`.
  }
}

/**
 * The help dialog and its button; `offerTo` receives the first game's offer, unless it was
 * answered before.
 *
 * @example
 * const help = howToPlay((offer) => panel.prepend(offer));
 * topbar.append(help.button);
 */
export function howToPlay(offerTo: (offer: HTMLElement) => void): HowToPlay {
  const button = h('button', {
    type: 'button',
    class: 'tool',
    'aria-haspopup': 'dialog',
    'data-testid': 'help',
    text: 'Help',
  });
  const close = h('button', {
    type: 'button',
    class: 'primary',
    'data-testid': 'help-close',
    text: 'Close',
  });
  const cross = h('button', {
    type: 'button',
    class: 'ghost small',
    'aria-label': 'Close',
    text: '×',
  });
  const glossary = h('dl', { class: 'help-tracks' });
  for (const id of Object.keys(TRACK_HELP) as TrackId[]) {
    const t = TRACK_HELP[id];
    glossary.append(
      h(
        'div',
        { 'data-track': id },
        h('dt', { text: t.label }),
        h('dd', { text: `${t.range}. ${t.text}` }),
      ),
    );
  }
  const dialog = h(
    'dialog',
    {
      class: 'help-dialog',
      role: 'dialog',
      'aria-labelledby': 'help-title',
      'data-testid': 'help-dialog',
    },
    h('header', { class: 'help-head' }, h('h2', { id: 'help-title', text: 'How to play' }), cross),
    h(
      'ol',
      { class: 'help-steps' },
      ...STEPS.map(([lead, text]) => h('li', {}, h('strong', { text: lead }), ` ${text}`)),
    ),
    h('h3', { text: 'The tracks' }),
    glossary,
    h('div', { class: 'help-actions' }, close),
  );
  close.addEventListener('click', () => dialog.close());
  cross.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) {
      const r = dialog.getBoundingClientRect();
      const inside =
        e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
      if (!inside) dialog.close();
    }
  });

  function open(): void {
    remember();
    offer?.remove();
    if (!dialog.open) dialog.showModal();
    // Focus at the top, so the guide opens at its beginning.
    cross.focus();
    dialog.scrollTop = 0;
  }
  button.addEventListener('click', open);

  let offer: HTMLElement | null = null;
  if (!remembered()) {
    const yes = h('button', {
      type: 'button',
      class: 'primary small',
      'data-testid': 'help-offer-open',
      text: 'How to play',
    });
    const no = h('button', {
      type: 'button',
      class: 'ghost small',
      'data-testid': 'help-offer-dismiss',
      text: 'Not now',
    });
    offer = h(
      'div',
      { class: 'help-offer', role: 'note', 'data-testid': 'help-offer' },
      h('p', { text: 'First game? A short guide to the screen and a turn.' }),
      h('div', { class: 'help-actions' }, yes, no),
    );
    yes.addEventListener('click', open);
    no.addEventListener('click', () => {
      remember();
      offer?.remove();
      button.focus();
    });
    offerTo(offer);
  }

  return { button, dialog, open };
}
