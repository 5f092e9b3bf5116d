import type { GameView } from '../view/contract';
import { legendSections } from '../view/map-legend';
import { h } from './dom';

/**
 * The map legend from the keyboard and for screen readers. The canvas draws the legend (its ☰
 * buttons are pointer-only); this is a real "Map legend" button that shows it, and a non-modal
 * dialog laid exactly over the drawn legend: its frame shows where focus is, its Close button is
 * visible, and the legend's content is in it as text for screen readers (visually hidden, since
 * the canvas already shows it). Escape or Close hides both and gives focus back to the button.
 */
export interface MapLegendDom {
  /** The toolbar's "Map legend" button. */
  readonly button: HTMLButtonElement;
  /** The dialog; put it in the stage, over the canvas. */
  readonly panel: HTMLElement;
  /** The view to draw the legend with (null while there is none). */
  setView(view: GameView | null): void;
  /** The canvas legend was shown or hidden by its own ☰ button. */
  canvasToggled(shown: boolean): void;
}

export function mapLegendDom(): MapLegendDom {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'tool',
      'aria-expanded': 'false',
      'aria-controls': 'map-legend-dom',
      'data-testid': 'map-legend-button',
    },
    'Map legend',
  );
  const close = h(
    'button',
    { type: 'button', class: 'tool legend-close', 'data-testid': 'map-legend-close' },
    'Close',
  );
  const body = h(
    'div',
    { class: 'sr-only' },
    legendSections().map((s) =>
      h(
        'section',
        {},
        h('h3', { text: s.title }),
        h(
          'ul',
          {},
          s.items.map((i) => h('li', { text: i })),
        ),
      ),
    ),
  );
  const panel = h(
    'div',
    {
      id: 'map-legend-dom',
      class: 'map-legend-dom',
      role: 'dialog',
      'aria-labelledby': 'map-legend-title',
      tabindex: -1,
      hidden: true,
      'data-testid': 'map-legend',
    },
    h('h2', { id: 'map-legend-title', class: 'sr-only', text: 'Map legend' }),
    close,
    body,
  );
  let view: GameView | null = null;

  function open(): void {
    // Over the Indo-Pacific map: over Europe's, the side panel (side-panel.ts) would cover it.
    const r = view?.setLegend(true, 'indoPacific') ?? null;
    // Over the drawn legend, so the dialog's focus frame outlines what the player reads.
    if (r) {
      panel.style.left = `${r.x}px`;
      panel.style.top = `${r.y}px`;
      panel.style.width = `${r.w}px`;
      panel.style.height = `${r.h}px`;
    }
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    panel.focus();
  }
  function hide(giveFocusBack: boolean): void {
    const had = panel.contains(document.activeElement);
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (giveFocusBack || had) button.focus();
  }
  button.addEventListener('click', () => {
    if (panel.hidden) open();
    else {
      view?.setLegend(false);
      hide(true);
    }
  });
  close.addEventListener('click', () => {
    view?.setLegend(false);
    hide(true);
  });
  panel.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    // Escape closes the legend only, not a dialog or menu it sits in.
    e.stopPropagation();
    view?.setLegend(false);
    hide(true);
  });

  return {
    button,
    panel,
    setView(v) {
      view = v;
      if (!v && !panel.hidden) hide(false);
    },
    canvasToggled(shown) {
      // The canvas's ☰ hid it (or showed it over the other map): the dialog no longer fits it.
      if (!panel.hidden) hide(false);
      if (!shown) button.setAttribute('aria-expanded', 'false');
    },
  };
}
