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
import { CauseTracker } from '../view/log-fold';
import { ACTOR_STYLE } from '../view/palette';
import { injectStyle } from './log-dom-style';
import { rovingFocus } from './log-focus';

/**
 * The event log as accessible DOM: a canvas is invisible to screen readers, so the same entries,
 * filters and numbers are offered here as headings, lists, buttons and tables. Text goes in only
 * through `textContent` (scenario files come from outside and must never be parsed as markup).
 * Like the canvas log it reads newest turn first, each turn in the order things happened, with
 * track changes folded under their cause behind an "N changes" button. Updates append: a game has
 * thousands of entries and the app calls `update` on every frame; a new filter builds it again.
 */

/** The DOM log's controls. */
export interface DomLog {
  /** Show a frame's log (entries visible to its viewpoint, oldest first); appends what is new. */
  update(frame: ViewFrame): void;
  /** Set the filter (e.g. to follow the canvas log's chips); the selects follow. */
  setFilter(f: LogFilter): void;
  /**
   * Whether the log is on screen. Off screen (visually hidden, still read by screen readers) its
   * controls leave the tab order, so Tab never lands on a button nobody can see.
   */
  setShown(shown: boolean): void;
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
  // A scrolling box with no tab stop inside becomes one itself in Chromium; the rows' one tab
  // stop (below) is how the keyboard reaches and scrolls the list, so the box is never a stop.
  turns.tabIndex = -1;
  root.append(title, filters, turns);
  host.append(root);
  const focus = rovingFocus(turns, 'button');

  let filter: LogFilter = NO_FILTER;
  let sc: Scenario | null = null;
  let viewpoint = '';
  let lastIndex = -1;
  let firstIndex = -1;
  let count = 0;
  let frameLog: readonly ShownEntry[] = [];
  let tracker = new CauseTracker();
  /** Rows whose folded changes the reader opened; kept while the game and viewpoint stay. */
  const expanded = new Set<number>();
  const byTurn = new Map<number, HTMLOListElement>();
  /** Rows that can hold folded changes, by engine index (a phase marker only once it holds one). */
  const rows = new Map<number, Row>();
  const phases = new Map<number, ShownEntry>();

  interface Row {
    readonly li: HTMLLIElement;
    readonly line: HTMLElement;
    kids: { ol: HTMLOListElement; btn: HTMLButtonElement; n: number } | null;
  }

  const turnList = (turn: number): HTMLOListElement => {
    const hit = byTurn.get(turn);
    if (hit) return hit;
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
    byTurn.set(turn, ol);
    return ol;
  };

  const entryNode = (s: ShownEntry): Row => {
    const v = describeEntry(s.entry, sc!);
    const li = el('li', `sf-log-entry sf-log-t-${s.entry.type}${v.key ? ' sf-log-key' : ''}`);
    li.dataset.testid = `log-entry-${s.index}`;
    const line = el('div', 'sf-log-line');
    const btn = el('button', 'sf-log-row');
    btn.type = 'button';
    btn.tabIndex = -1;
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
    line.append(btn);
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
    li.append(line, details);
    return { li, line, kids: null };
  };

  /** Fold `child` under `row`: the first child gives the row its "N changes" button. */
  const fold = (row: Row, index: number, child: HTMLLIElement) => {
    if (!row.kids) {
      const ol = el('ol', 'sf-log-kids');
      ol.id = `sf-log-k-${index}`;
      const open = expanded.has(index);
      ol.hidden = !open;
      const btn = el('button', 'sf-log-fold');
      btn.type = 'button';
      btn.tabIndex = -1;
      btn.dataset.fold = '';
      btn.setAttribute('aria-controls', ol.id);
      btn.setAttribute('aria-expanded', String(open));
      btn.addEventListener('click', () => {
        const now = btn.getAttribute('aria-expanded') !== 'true';
        btn.setAttribute('aria-expanded', String(now));
        ol.hidden = !now;
        if (now) expanded.add(index);
        else expanded.delete(index);
        focus.refresh();
      });
      row.line.append(btn);
      row.li.append(ol);
      row.kids = { ol, btn, n: 0 };
    }
    row.kids.ol.append(child);
    row.kids.n++;
    const n = row.kids.n;
    row.kids.btn.textContent = `${n} change${n === 1 ? '' : 's'}`;
    row.kids.btn.setAttribute('aria-label', `${n} change${n === 1 ? '' : 's'} from this entry`);
  };

  /** Add one entry in engine order: a row of its turn, or a change folded under its cause. */
  const add = (s: ShownEntry) => {
    const parent = tracker.parentOf(s);
    if (s.entry.type === 'phase') {
      phases.set(s.index, s);
      return;
    }
    if (!matchesFilter(s.entry, filter)) return;
    count++;
    const ol = turnList(s.entry.turn);
    const node = entryNode(s);
    let host = parent === null ? undefined : rows.get(parent);
    const marker = parent === null ? undefined : phases.get(parent);
    if (!host && marker) {
      host = entryNode(marker);
      rows.set(marker.index, host);
      // The marker goes where it stands in the turn: before every row logged after it.
      const after = [...ol.children].find(
        (li) =>
          Number((li as HTMLElement).dataset.testid!.slice('log-entry-'.length)) > marker.index,
      );
      ol.insertBefore(host.li, after ?? null);
    }
    if (host && parent !== null) fold(host, parent, node.li);
    else {
      rows.set(s.index, node);
      ol.append(node.li);
    }
  };

  /** Build the log again from the frame's entries (a new game, viewpoint or filter). */
  const rebuild = () => {
    turns.replaceChildren();
    byTurn.clear();
    rows.clear();
    phases.clear();
    tracker = new CauseTracker();
    count = 0;
    for (const s of frameLog) add(s);
    title.textContent = `Event log (${count} entries)`;
    focus.refresh();
  };

  const reset = (frame: ViewFrame) => {
    lastIndex = -1;
    expanded.clear();
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
    frameLog = [];
    rebuild();
  };

  const readSelects = () => {
    filter = {
      theater: theater.select.value as LogFilter['theater'],
      actor: actor.select.value as LogFilter['actor'],
    };
    rebuild();
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
      frameLog = frame.log;
      if (last === lastIndex) return;
      let from = frame.log.length;
      while (from > 0 && frame.log[from - 1]!.index > lastIndex) from--;
      for (let i = from; i < frame.log.length; i++) add(frame.log[i]!);
      lastIndex = last;
      title.textContent = `Event log (${count} entries)`;
      focus.refresh();
    },
    setFilter(f) {
      if (f.theater === filter.theater && f.actor === filter.actor) return;
      filter = { theater: f.theater, actor: f.actor };
      theater.select.value = f.theater;
      actor.select.value = f.actor;
      rebuild();
    },
    setShown(shown) {
      focus.setTabbable(shown);
      theater.select.tabIndex = shown ? 0 : -1;
      actor.select.tabIndex = shown ? 0 : -1;
    },
  };
}
