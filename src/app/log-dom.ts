import type { Scenario } from '../sim/scenario/schema';
import type { LogFilter, ShownEntry, ViewFrame } from '../view/contract';
import {
  actorFilters,
  describeEntry,
  formatHour,
  matchesFilter,
  NO_FILTER,
  THEATER_FILTERS,
  turnDate,
  type DetailBlock,
} from '../view/log-format';
import { ACTOR_STYLE } from '../view/palette';

/**
 * The event log as accessible DOM: a canvas is invisible to screen readers, so the same entries,
 * filters and numbers are offered here as headings, lists, buttons and tables. Text goes in only
 * through `textContent` (scenario files come from outside and must never be parsed as markup).
 * Updates append: a game has thousands of entries and the app calls `update` on every frame.
 */

/** The DOM log's controls. */
export interface DomLog {
  /** Show a frame's log (entries visible to its viewpoint, oldest first); appends what is new. */
  update(frame: ViewFrame): void;
  /** Set the filter (e.g. to follow the canvas log's chips); the selects follow. */
  setFilter(f: LogFilter): void;
}

/** Options: `onEntry` when an entry is opened or closed; `onFilter` when the reader changes a select. */
export interface DomLogOptions {
  onEntry(index: number): void;
  onFilter?(f: LogFilter): void;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function detailNode(b: DetailBlock): HTMLElement {
  if (b.kind === 'text') {
    const p = el('p', 'sf-log-text');
    p.append(el('strong', undefined, `${b.heading}: `), b.text);
    return p;
  }
  const table = el('table', b.kind === 'pairs' ? 'sf-log-pairs' : 'sf-log-grid');
  table.append(el('caption', undefined, b.heading));
  if (b.kind === 'pairs') {
    const body = el('tbody');
    for (const r of b.rows) {
      const tr = el('tr');
      const th = el('th', undefined, r.name);
      th.scope = 'row';
      tr.append(th, el('td', undefined, r.value));
      body.append(tr);
    }
    table.append(body);
    return table;
  }
  const head = el('thead');
  const hr = el('tr');
  for (const c of b.columns) {
    const th = el('th', undefined, c);
    th.scope = 'col';
    hr.append(th);
  }
  head.append(hr);
  const body = el('tbody');
  for (const r of b.rows) {
    const tr = el('tr', r.marked ? 'sf-log-chosen' : undefined);
    r.cells.forEach((c, i) => {
      if (i > 0) return void tr.append(el('td', undefined, c));
      const th = el('th', undefined, r.marked ? `✓ ${c}` : c);
      th.scope = 'row';
      // The tick is decoration; the words say it for screen readers.
      if (r.marked) th.append(el('span', 'sf-log-sr', ' (chosen)'));
      tr.append(th);
    });
    body.append(tr);
  }
  table.append(head, body);
  return table;
}

function labelledSelect(label: string, options: readonly { value: string; label: string }[]) {
  const wrap = el('label', 'sf-log-filter');
  const select = el('select');
  for (const o of options) {
    const opt = el('option', undefined, o.label);
    opt.value = o.value;
    select.append(opt);
  }
  wrap.append(el('span', undefined, label), select);
  return { wrap, select };
}

/**
 * Mount the accessible event log in `host`.
 *
 * @example
 * const log = mountDomLog(aside, { onEntry: (i) => view.highlightRegion(entries[i]?.region ?? null) });
 * log.update(frame); // every frame: only new entries are added
 */
export function mountDomLog(host: HTMLElement, opts: DomLogOptions): DomLog {
  injectStyle();
  const root = el('section', 'sf-log');
  root.setAttribute('aria-label', 'Event log');
  root.dataset.testid = 'dom-log';
  const title = el('h2', 'sf-log-title', 'Event log');
  const filters = el('div', 'sf-log-filters');
  const theater = labelledSelect('Theater', THEATER_FILTERS);
  const actor = labelledSelect('Actor', [{ value: 'all', label: 'All actors' }]);
  filters.append(theater.wrap, actor.wrap);
  const turns = el('div', 'sf-log-turns');
  root.append(title, filters, turns);
  host.append(root);

  let filter: LogFilter = NO_FILTER;
  let sc: Scenario | null = null;
  let viewpoint = '';
  let lastIndex = -1;
  let firstIndex = -1;
  let count = 0;
  const byTurn = new Map<number, { section: HTMLElement; ol: HTMLOListElement; shown: number }>();
  const items: { li: HTMLLIElement; s: ShownEntry; turn: number }[] = [];

  const turnGroup = (turn: number) => {
    let g = byTurn.get(turn);
    if (g) return g;
    const section = el('section', 'sf-log-turn');
    const heading = el(
      'h3',
      undefined,
      sc ? `Turn ${turn} · ${turnDate(turn, sc)}` : `Turn ${turn}`,
    );
    const ol = el('ol');
    section.append(heading, ol);
    // Turns only ever grow, so a new turn is the newest and goes on top.
    turns.prepend(section);
    g = { section, ol, shown: 0 };
    byTurn.set(turn, g);
    return g;
  };

  const entryNode = (s: ShownEntry): HTMLLIElement => {
    const v = describeEntry(s.entry, sc!);
    const li = el('li', `sf-log-entry sf-log-t-${s.entry.type}${v.key ? ' sf-log-key' : ''}`);
    li.dataset.testid = `log-entry-${s.index}`;
    const btn = el('button', 'sf-log-row');
    btn.type = 'button';
    btn.setAttribute('aria-expanded', 'false');
    const detailsId = `sf-log-d-${s.index}`;
    btn.setAttribute('aria-controls', detailsId);
    const code = v.actors[0] ? ACTOR_STYLE[v.actors[0]] : null;
    const badge = el('span', `sf-log-badge sf-log-b-${v.badge.toLowerCase()}`, v.badge);
    const who = el('span', 'sf-log-code', code ? code.code : '');
    if (code) {
      who.style.background = code.css;
      who.style.color = code.ink;
      who.title = sc!.actors[v.actors[0]!]?.name ?? '';
    }
    btn.append(badge, who, el('span', 'sf-log-title-text', v.title));
    const details = el('div', 'sf-log-details');
    details.id = detailsId;
    details.hidden = true;
    btn.addEventListener('click', () => {
      const open = btn.getAttribute('aria-expanded') !== 'true';
      // Details are built on first opening: thousands of closed entries need no tables.
      if (open && details.childElementCount === 0) {
        const e = s.entry;
        const region = e.region ? ` · ${sc!.regions[e.region]?.name ?? e.region}` : '';
        details.append(el('p', 'sf-log-when', `${formatHour(e.hour, sc!)}${region}`));
        for (const b of v.details) details.append(detailNode(b));
      }
      btn.setAttribute('aria-expanded', String(open));
      details.hidden = !open;
      opts.onEntry(s.index);
    });
    li.append(btn, details);
    return li;
  };

  const applyOne = (it: (typeof items)[number]) => {
    const show = matchesFilter(it.s.entry, filter);
    it.li.hidden = !show;
    return show;
  };

  const applyFilter = () => {
    for (const g of byTurn.values()) g.shown = 0;
    count = 0;
    for (const it of items) if (applyOne(it)) byTurn.get(it.turn)!.shown++;
    for (const g of byTurn.values()) {
      g.section.hidden = g.shown === 0;
      count += g.shown;
    }
    title.textContent = `Event log (${count} entries)`;
  };

  const reset = (frame: ViewFrame) => {
    turns.replaceChildren();
    byTurn.clear();
    items.length = 0;
    lastIndex = -1;
    count = 0;
    if (frame.sc !== sc) {
      sc = frame.sc;
      actor.select.replaceChildren();
      const all = el('option', undefined, 'All actors');
      all.value = 'all';
      actor.select.append(all);
      for (const a of actorFilters(sc)) {
        const o = el('option', undefined, `${ACTOR_STYLE[a].code} · ${sc.actors[a]?.name ?? a}`);
        o.value = a;
        actor.select.append(o);
      }
      actor.select.value = filter.actor;
    }
    viewpoint = String(frame.viewpoint);
  };

  const readSelects = () => {
    filter = {
      theater: theater.select.value as LogFilter['theater'],
      actor: actor.select.value as LogFilter['actor'],
    };
    applyFilter();
    opts.onFilter?.(filter);
  };
  theater.select.addEventListener('change', readSelects);
  actor.select.addEventListener('change', readSelects);

  return {
    update(frame) {
      const first = frame.log[0]?.index ?? -1;
      const last = frame.log[frame.log.length - 1]?.index ?? -1;
      // A new game, another viewpoint or a rewound log: start again. Otherwise append.
      if (
        frame.sc !== sc ||
        String(frame.viewpoint) !== viewpoint ||
        last < lastIndex ||
        (lastIndex >= 0 && first !== firstIndex)
      )
        reset(frame);
      firstIndex = first;
      if (last === lastIndex) return;
      let from = frame.log.length;
      while (from > 0 && frame.log[from - 1]!.index > lastIndex) from--;
      for (let i = from; i < frame.log.length; i++) {
        const s = frame.log[i]!;
        if (s.entry.type === 'phase') continue;
        const g = turnGroup(s.entry.turn);
        const it = { li: entryNode(s), s, turn: s.entry.turn };
        items.push(it);
        g.ol.prepend(it.li);
        if (applyOne(it)) {
          g.shown++;
          count++;
        }
        g.section.hidden = g.shown === 0;
      }
      lastIndex = last;
      title.textContent = `Event log (${count} entries)`;
    },
    setFilter(f) {
      if (f.theater === filter.theater && f.actor === filter.actor) return;
      filter = { theater: f.theater, actor: f.actor };
      theater.select.value = f.theater;
      actor.select.value = f.actor;
      applyFilter();
    },
  };
}

/** Add the stylesheet once per document (a string, so the module also works outside Vite). */
function injectStyle(): void {
  if (document.getElementById('sf-log-style')) return;
  const style = el('style');
  style.id = 'sf-log-style';
  style.textContent = DOM_LOG_CSS;
  document.head.append(style);
}

/** The DOM log's stylesheet: a dark side panel about 380 px wide. */
export const DOM_LOG_CSS = `
.sf-log { display: flex; flex-direction: column; height: 100%; min-height: 0; box-sizing: border-box;
  background: #18212b; color: #e6edf3; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  border-left: 1px solid #34414e; }
.sf-log-title { margin: 0; padding: 10px 12px 4px; font-size: 14px; font-weight: 600; }
.sf-log-filters { display: flex; gap: 8px; padding: 4px 12px 10px; border-bottom: 1px solid #34414e; }
.sf-log-filter { display: flex; flex-direction: column; gap: 2px; flex: 1; min-width: 0; color: #9aa7b4; font-size: 11px; }
.sf-log-filter select { background: #1f2a36; color: #e6edf3; border: 1px solid #34414e; border-radius: 6px;
  padding: 4px 6px; font: inherit; font-size: 12px; min-width: 0; }
.sf-log-turns { flex: 1; min-height: 0; overflow-y: auto; padding: 0 6px 12px; }
.sf-log-turn h3 { margin: 0; padding: 10px 6px 4px; font-size: 12px; color: #ffd166; font-weight: 600;
  position: sticky; top: 0; background: #18212b; border-bottom: 1px solid #34414e; z-index: 1; }
.sf-log ol { list-style: none; margin: 0; padding: 0; }
.sf-log-row { display: flex; align-items: center; gap: 6px; width: 100%; padding: 4px 6px; border: 0;
  border-radius: 4px; background: none; color: inherit; font: inherit; text-align: left; cursor: pointer; }
.sf-log-row:hover, .sf-log-row[aria-expanded="true"] { background: #212c38; }
.sf-log-row:focus-visible { outline: 2px solid #ffd166; outline-offset: -2px; }
.sf-log-badge { flex: none; width: 70px; text-align: center; font-size: 9px; font-weight: 700; letter-spacing: 0.03em;
  padding: 2px 0; border-radius: 3px; background: rgba(154,167,180,0.14); color: #9aa7b4; }
.sf-log-b-roll { color: #8fb8de; background: rgba(143,184,222,0.16); }
.sf-log-b-ai { color: #c3a6e0; background: rgba(195,166,224,0.16); }
.sf-log-b-decision { color: #7fd1b9; background: rgba(127,209,185,0.16); }
.sf-log-b-event { color: #e8c07a; background: rgba(232,192,122,0.16); }
.sf-log-b-key, .sf-log-b-outcome { color: #ffd166; background: rgba(255,209,102,0.16); }
.sf-log-b-escalation { color: #ff8a8a; background: rgba(255,107,107,0.16); }
.sf-log-code { flex: none; width: 24px; text-align: center; font-size: 10px; font-weight: 700; border-radius: 3px; padding: 1px 0; }
.sf-log-title-text { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.sf-log-row[aria-expanded="true"] .sf-log-title-text { white-space: normal; }
.sf-log-t-change .sf-log-title-text { color: #9aa7b4; }
.sf-log-key > .sf-log-row { background: #2a2616; box-shadow: inset 3px 0 #ffd166; font-weight: 600; }
.sf-log-details { margin: 2px 6px 8px; padding: 8px 10px; background: #0d1319; border-left: 2px solid #46525e;
  border-radius: 0 4px 4px 0; font-size: 12px; }
.sf-log-details p { margin: 0 0 6px; }
.sf-log-when { color: #9aa7b4; }
.sf-log-details table { border-collapse: collapse; width: 100%; margin: 0 0 8px;
  font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 11px; }
.sf-log-details caption { text-align: left; color: #9aa7b4; font: 600 10px system-ui, sans-serif;
  text-transform: uppercase; letter-spacing: 0.05em; padding: 2px 0; }
.sf-log-details th { text-align: left; font-weight: 400; color: #c9d4de; padding: 1px 6px 1px 0; }
.sf-log-details td { text-align: right; padding: 1px 0 1px 6px; font-variant-numeric: tabular-nums; }
.sf-log-grid thead th { color: #9aa7b4; text-align: right; }
.sf-log-grid thead th:first-child { text-align: left; }
.sf-log-chosen th, .sf-log-chosen td { color: #7fd1b9; font-weight: 700; }
.sf-log-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
