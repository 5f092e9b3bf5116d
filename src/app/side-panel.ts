import type { PlayableActorId } from '../sim/ids';
import { snapshot, type TrackSnapshot } from '../sim/phases';
import type { Levers } from '../sim/scenario/levers';
import type { Scenario } from '../sim/scenario/schema';
import { signed } from '../sim/score';
import { createInitialState } from '../sim/setup';
import type { GameState } from '../sim/state';
import { BAND_HEIGHT } from '../view/contract';
import { formatHour } from '../view/log-format';
import { clear, h } from './dom';
import { actorChip, termsTable } from './objectives';
import {
  sidePanelData,
  sinceLastTurn,
  type FigureId,
  type ForceLine,
  type SidePanelData,
} from './side-panel-data';
import { TRACK_HELP, trackTip, type TrackId } from './track-help';

/**
 * The panel for the player's own side, in the DOM beside the map: domestic support, economic
 * cost, munitions and readiness with their change since last turn, the side's forces and where
 * they are (and what is on the way, with its arrival), and its objectives with the score so far.
 * It shows the side whose seat is at the screen and nobody else's: the game screen passes null
 * during a hot-seat hand-over, and the panel hides. Every track's name carries its definition as
 * a tooltip, on hover and on keyboard focus.
 */
export interface SidePanel {
  readonly el: HTMLElement;
  /** Redraw for `side` (null hides the panel); cheap when nothing it shows has moved. */
  update(
    ctx: { readonly state: GameState; readonly tracks: readonly TrackSnapshot[] },
    phase: string,
    side: PlayableActorId | null,
  ): void;
  /** Keep the panel clear of the decision dock (its height in pixels). */
  setInset(px: number): void;
  /** Put something at the top of the panel's body (the first game's offer of help). */
  prepend(node: HTMLElement): void;
  /** Fold the panel to its header line (support and score) or open it, as its button does. */
  setCollapsed(collapsed: boolean): void;
}

const FIGURES: readonly FigureId[] = ['support', 'economicCost', 'munitions', 'readiness'];

/** Higher support, munitions and readiness are good; a higher cost is bad. */
const GOOD_UP: Record<FigureId, boolean> = {
  support: true,
  economicCost: false,
  munitions: true,
  readiness: true,
};

/**
 * A track's name that shows its definition while hovered or focused (Escape hides it again),
 * described to assistive technology through `aria-describedby`. The tip is placed in the
 * viewport next to the name, so a scrolling panel does not clip it.
 *
 * @example
 * const [term, tip] = trackTerm('support', 'side');
 * row.append(term);
 * tips.append(tip); // anywhere in the page: the tip places itself in the viewport
 */
export function trackTerm(id: TrackId, scope: string): [HTMLElement, HTMLElement] {
  const tipId = `${scope}-tip-${id}`;
  const term = h('span', {
    class: 'track-term',
    tabindex: 0,
    'aria-describedby': tipId,
    'data-track': id,
    text: TRACK_HELP[id].label,
  });
  const tip = h('span', {
    class: 'track-tip',
    role: 'tooltip',
    id: tipId,
    hidden: true,
    text: trackTip(id),
  });
  let hovered = false;
  let hiding: ReturnType<typeof setTimeout> | undefined;
  function show(): void {
    clearTimeout(hiding);
    tip.hidden = false;
    const r = term.getBoundingClientRect();
    const t = tip.getBoundingClientRect();
    // Below the name, or above it when there is no room below; never off the right edge.
    const below = r.bottom + 4 + t.height <= window.innerHeight;
    tip.style.top = `${Math.max(4, below ? r.bottom + 4 : r.top - 4 - t.height)}px`;
    tip.style.left = `${Math.max(4, Math.min(r.left, window.innerWidth - t.width - 8))}px`;
  }
  function hide(): void {
    // A moment's grace, so the pointer can move from the name onto the tip and stay there.
    clearTimeout(hiding);
    hiding = setTimeout(() => {
      if (!hovered && document.activeElement !== term) tip.hidden = true;
    }, 200);
  }
  term.addEventListener('focus', show);
  term.addEventListener('blur', hide);
  term.addEventListener('mouseenter', show);
  for (const target of [term, tip]) {
    target.addEventListener('mouseenter', () => {
      hovered = true;
      clearTimeout(hiding);
    });
    target.addEventListener('mouseleave', () => {
      hovered = false;
      hide();
    });
  }
  term.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !tip.hidden) {
      clearTimeout(hiding);
      tip.hidden = true;
      e.stopPropagation();
    }
  });
  return [term, tip];
}

function deltaText(delta: number): string {
  return delta === 0 ? '±0' : signed(delta);
}

/**
 * @example
 * const panel = sidePanel(sc, setup.seed, setup.levers);
 * stage.append(panel.el);
 * driver.onChange((v) => panel.update(v.ctx, v.phase, 'usa'));
 */
export function sidePanel(sc: Scenario, seed: string, levers: Levers): SidePanel {
  // The figures before turn 1, for turn 2's changes (the charted tracks start at turn 1's end).
  const start = snapshot(createInitialState(sc, seed, levers));
  const chipHost = h('span', { class: 'side-chip' });
  const title = h('h2', { id: 'side-panel-title' });
  const brief = h('span', { class: 'side-brief', 'data-testid': 'side-brief' });
  const toggle = h('button', {
    type: 'button',
    class: 'ghost small',
    'aria-expanded': 'true',
    'aria-controls': 'side-panel-body',
    'data-testid': 'side-panel-toggle',
    text: 'Hide',
  });
  const offerHost = h('div');
  const tipLayer = h('div', { class: 'track-tips' });
  const since = h('p', { class: 'hint side-since', 'data-testid': 'side-since' });
  const figureList = h('dl', { class: 'side-figures' });
  const values = {} as Record<FigureId, { value: HTMLElement; delta: HTMLElement }>;
  const termOf = (id: TrackId): HTMLElement => {
    const [term, tip] = trackTerm(id, 'side');
    tipLayer.append(tip);
    return term;
  };
  for (const id of FIGURES) {
    const value = h('span', { class: 'side-value' });
    const delta = h('span', { class: 'side-delta' });
    values[id] = { value, delta };
    figureList.append(
      h(
        'div',
        { class: 'side-figure', 'data-figure': id, 'data-testid': `side-${id}` },
        h('dt', {}, termOf(id)),
        h('dd', {}, value, delta),
      ),
    );
  }
  const forcesSummary = h('summary');
  const forcesBody = h('div', { class: 'side-forces' });
  const forces = h(
    'details',
    { class: 'side-section', 'data-testid': 'side-forces' },
    forcesSummary,
    forcesBody,
  );
  const objectivesSummary = h('summary');
  const objectivesBody = h('div');
  const objectives = h(
    'details',
    { class: 'side-section', open: true, 'data-testid': 'side-objectives' },
    objectivesSummary,
    objectivesBody,
  );
  const body = h(
    'div',
    { id: 'side-panel-body', class: 'side-body' },
    h('h3', { text: 'At home' }),
    since,
    figureList,
    forces,
    objectives,
  );
  const panel = h(
    'section',
    {
      class: 'side-panel',
      hidden: true,
      'aria-labelledby': 'side-panel-title',
      'data-testid': 'side-panel',
      style: `top:${BAND_HEIGHT + 34}px`,
    },
    h('header', {}, chipHost, title, brief, toggle),
    // The first game's offer of help shows whether or not the panel is folded.
    offerHost,
    body,
  );
  // The tooltips sit outside the panel's stacking context, so they show above the decision dock.
  const el = h('div', { class: 'side-host' }, panel, tipLayer);
  const setCollapsed = (collapsed: boolean): void => {
    body.hidden = collapsed;
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.textContent = collapsed ? 'Show' : 'Hide';
    panel.classList.toggle('collapsed', collapsed);
  };
  toggle.addEventListener('click', () => setCollapsed(!body.hidden));

  let shown = '';
  let shownSide: PlayableActorId | null = null;

  function renderFigures(d: SidePanelData): void {
    since.textContent =
      d.since === null
        ? 'Changes show from turn 2.'
        : `Changes since the start of turn ${d.since}.`;
    for (const f of d.figures) {
      const v = values[f.id];
      const pct = f.id === 'readiness' ? '%' : '';
      v.value.textContent = f.value === null ? 'not modelled' : `${f.value}${pct}`;
      v.delta.textContent = f.delta === null ? '' : deltaText(f.delta);
      v.delta.className = 'side-delta';
      if (f.delta) v.delta.classList.add(f.delta > 0 === GOOD_UP[f.id] ? 'better' : 'worse');
      v.delta.title =
        f.delta === null || d.since === null ? '' : `Change since the start of turn ${d.since}`;
    }
  }

  function forceItem(f: ForceLine): HTMLElement {
    const parts = [`strength ${f.strength}`];
    if (f.readiness !== null) parts.push(`readiness ${f.readiness}%`);
    // On the way: where to and when first, since that is what the line is about.
    if (f.arrives !== null) parts.unshift(`arrives ${formatHour(f.arrives, sc)}`);
    return h(
      'li',
      { 'data-force': f.id },
      h('span', { class: 'side-force-name', text: f.name }),
      f.arrives !== null ? h('span', { class: 'side-arrives', text: ` → ${f.where}` }) : null,
      h('span', { class: 'hint', text: ` · ${parts.join(' · ')}` }),
    );
  }

  function renderForces(d: SidePanelData): void {
    const regions = new Set(d.forces.map((f) => f.where));
    forcesSummary.textContent =
      `Forces: ${d.forces.length} in ${regions.size} ${regions.size === 1 ? 'place' : 'places'}` +
      (d.transit.length ? `, ${d.transit.length} on the way` : '');
    clear(forcesBody);
    if (d.transit.length) {
      const list = h('ul', { class: 'side-transit', 'data-testid': 'side-transit' });
      for (const f of d.transit) list.append(forceItem(f));
      forcesBody.append(h('h4', { text: 'On the way' }), list);
    }
    let region = '';
    let list: HTMLElement | null = null;
    for (const f of d.forces) {
      if (f.where !== region || !list) {
        region = f.where;
        list = h('ul', { 'data-region': f.region });
        forcesBody.append(h('h4', { text: region }), list);
      }
      list.append(forceItem(f));
    }
    if (d.forces.length === 0 && d.transit.length === 0)
      forcesBody.append(h('p', { class: 'hint', text: 'No forces of its own on the map.' }));
  }

  function renderObjectives(d: SidePanelData, turn: number): void {
    objectivesSummary.textContent = `Objectives and score: ${signed(d.score.total)}`;
    clear(objectivesBody);
    objectivesBody.append(
      h('p', { class: 'objective-summary', text: d.summary }),
      h('p', {
        class: 'hint',
        'data-testid': 'side-if-ended',
        text: d.final
          ? `Game over: ${d.outcomeLabel ?? 'no outcome'}.`
          : `Turn ${turn}, if the game ended now: ${d.outcomeLabel ?? 'no outcome'}.`,
      }),
      termsTable(sc, d.actor, d.score.terms, d.score.total, d.final ? 'Score' : 'Score so far'),
    );
  }

  return {
    el,
    update(ctx, phase, side) {
      panel.hidden = side === null;
      if (side === null) {
        // Nothing of the last side stays behind, not even hidden, for the next one at the screen.
        for (const tip of tipLayer.children) (tip as HTMLElement).hidden = true;
        if (shownSide !== null) {
          shown = '';
          shownSide = null;
          for (const node of [chipHost, title, brief, forcesBody, objectivesBody]) clear(node);
          for (const id of FIGURES) {
            values[id].value.textContent = '';
            values[id].delta.textContent = '';
          }
        }
        return;
      }
      const s = ctx.state;
      const key = `${side}:${s.turn}:${phase}:${s.outcome?.id ?? ''}:${ctx.tracks.length}`;
      if (key === shown) return;
      shown = key;
      const d = sidePanelData(s, sc, side, sinceLastTurn(ctx.tracks, s.turn, start));
      if (side !== shownSide) {
        shownSide = side;
        clear(chipHost);
        chipHost.append(actorChip(side));
        title.textContent = d.name;
      }
      const support = d.figures[0]!;
      brief.textContent = `Support ${support.value ?? '–'} · Score ${signed(d.score.total)}`;
      renderFigures(d);
      renderForces(d);
      renderObjectives(d, s.turn);
    },
    setInset(px) {
      panel.style.maxHeight = `calc(100% - ${BAND_HEIGHT + 34 + Math.ceil(px) + 8}px)`;
    },
    prepend(node) {
      offerHost.append(node);
    },
    setCollapsed,
  };
}
