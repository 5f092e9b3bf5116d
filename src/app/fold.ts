import { h } from './dom';

/**
 * A long section folded under its summary (a native `details`, so it opens from the keyboard and
 * screen readers announce it). Whether each fold is open is kept for the page's lifetime, by
 * name: going back to the setup screen, or choosing another scenario, leaves it as the player
 * left it.
 */
const openFolds = new Map<string, boolean>();

export interface Fold {
  readonly el: HTMLDetailsElement;
  /** The content goes here (it stays when the summary changes). */
  readonly body: HTMLElement;
  /** Say what is inside, folded: "Sides: you play the United States". */
  setSummary(text: string): void;
}

export function fold(name: string, title: string, opts: { open?: boolean } = {}): Fold {
  const summaryText = h('span', { class: 'fold-summary' });
  const el = h(
    'details',
    {
      class: `fold fold-${name}`,
      open: openFolds.get(name) ?? opts.open ?? false,
      'data-testid': `fold-${name}`,
    },
    h('summary', {}, h('span', { class: 'fold-title', text: title }), summaryText),
  );
  const body = h('div', { class: 'fold-body' });
  el.append(body);
  el.addEventListener('toggle', () => openFolds.set(name, el.open));
  return {
    el,
    body,
    setSummary(text) {
      summaryText.textContent = text ? ` · ${text}` : '';
    },
  };
}
