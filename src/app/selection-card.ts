import type { Scenario } from '../sim/scenario/schema';
import type { GameState } from '../sim/state';
import { BAND_HEIGHT, type Selection } from '../view/contract';
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
  };
}
