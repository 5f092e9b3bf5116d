import type { Scenario } from '../sim/scenario/schema';
import type { GameState } from '../sim/state';
import type { Theater } from '../sim/ids';
import { BAND_HEIGHT, type Selection } from '../view/contract';
import { computeLayout } from '../view/layout';
import { forceName, regionTooltip } from '../view/map-info';
import { clear, h } from './dom';

/**
 * What was clicked on the map, described in the DOM (a tooltip needs a hovering mouse; this card
 * also serves keyboard and screen-reader users). It reads the state it is given, so a replay shows
 * the region or force as it was at the turn on screen.
 */
export interface SelectionCard {
  readonly el: HTMLElement;
  /** Show a selection (null hides the card). */
  select(sel: Selection | null): void;
  /** Describe the current selection again, from this state. */
  refresh(): void;
  /**
   * Place the card in the theater of what is selected (top left, under the title bar, clear of
   * the zoom buttons), given the canvas size and the dock's height at its bottom.
   */
  place(canvasWidth: number, canvasHeight: number, bottomInset: number): void;
}

export function selectionCard(sc: Scenario, state: () => GameState): SelectionCard {
  const el = h('section', {
    class: 'selection-card',
    hidden: true,
    'aria-live': 'polite',
    'aria-label': 'Selected on the map',
    'data-testid': 'selection',
    style: `top:${BAND_HEIGHT + 34}px`,
  });
  let selected: Selection | null = null;
  let size: [number, number, number] | null = null;
  function theaterOf(sel: Selection): Theater | null {
    if (sel.kind === 'region') return sc.regions[sel.id]?.theater ?? null;
    const f = state().forces.find((x) => x.id === sel.id);
    return f ? (sc.regions[f.region]?.theater ?? null) : null;
  }
  function place(): void {
    if (!selected || !size) return;
    const l = computeLayout(...size);
    const r = theaterOf(selected) === 'indoPacific' ? l.indoPacific : l.europe;
    // Title bar 24 px; the zoom buttons take the right 84 px under it.
    el.style.left = `${r.x + 8}px`;
    el.style.top = `${r.y + 30}px`;
    el.style.width = `${Math.max(160, Math.min(280, r.w - 100))}px`;
    el.style.maxHeight = `${Math.max(80, r.h - 40)}px`;
  }
  function show(): void {
    clear(el);
    if (!selected) {
      el.hidden = true;
      return;
    }
    const s = state();
    let lines: string[];
    if (selected.kind === 'region') lines = regionTooltip(sc, s, selected.id);
    else {
      const f = s.forces.find((x) => x.id === selected?.id);
      lines = f
        ? [
            forceName(sc, s, f.id),
            `${sc.actors[f.actor]?.name ?? f.actor} · ${f.kind}`,
            `Strength ${f.strength} · readiness ${f.readiness}%`,
            `In ${sc.regions[f.region]?.name ?? f.region}`,
          ]
        : [selected.id];
    }
    const close = h('button', { type: 'button', class: 'ghost small', 'aria-label': 'Close' }, '×');
    close.addEventListener('click', () => {
      selected = null;
      show();
    });
    el.append(
      h('header', {}, h('strong', { text: lines[0] ?? '' }), close),
      h('ul', {}, ...lines.slice(1).map((l) => h('li', { text: l.trim() }))),
    );
    el.hidden = false;
    place();
  }
  return {
    el,
    select(sel) {
      selected = sel;
      show();
    },
    refresh() {
      if (selected && !el.hidden) show();
    },
    place(w, height, inset) {
      size = [w, height, inset];
      place();
    },
  };
}
