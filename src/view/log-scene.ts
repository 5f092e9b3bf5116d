import Phaser from 'phaser';
import type { Scenario } from '../sim/scenario/schema';
import type { LogFilter, ShownEntry, ViewFrame, ViewProbe } from './contract';
import { FilterChips } from './log-chips';
import {
  describeEntry,
  formatHour,
  matchesFilter,
  NO_FILTER,
  turnDate,
  type EntryView,
} from './log-format';
import { foldLog, type LogTurn } from './log-fold';
import { detailLines, itemsIn, layoutLog, wrap, type LogItem } from './log-lines';
import { TextPool } from './log-pool';
import {
  BADGE_INK,
  BADGE_W,
  BAR_W,
  CODE_W,
  DETAIL_BG,
  FOLD_RIGHT,
  FOLD_W,
  hex,
  KEY_BG,
  LINE_H,
  MAX_COLS,
  PAD,
  ROW_H,
  ROW_HOVER,
  SANS,
  TURN_H,
} from './log-style';
import { ACTOR_STYLE, UI } from './palette';

/**
 * The event log column: newest turn first, each turn in the order it happened, track changes
 * folded under their cause (a "3 changes" tag opens them), filterable, rows that open to show the
 * numbers behind them. Games reach thousands of entries and auto-play redraws every few hundred
 * ms, so the layout is a flat list of positions and only the items in view get game objects.
 */

type Item = LogItem;

/** The event-log scene. Its rectangle on the canvas is set by `setArea` (a camera viewport). */
export class LogScene extends Phaser.Scene {
  static readonly KEY = 'log';

  private area = { x: 0, y: 0, w: 340, h: 600 };
  private filter: LogFilter = NO_FILTER;
  private frame: ViewFrame | null = null;
  private sc: Scenario | null = null;
  private logKey = '';
  private turns: LogTurn[] = [];
  private countShown = 0;
  private countAll = 0;
  private items: Item[] = [];
  private total = 0;
  private scroll = 0;
  private listTop = 0;
  /** Where the readable list starts: below the chips and below the sticky turn header. */
  private clearTop = 0;
  private open = new Set<number>();
  /** Rows whose folded changes are shown. */
  private expanded = new Set<number>();
  /**
   * Follow the game: keep the newest turn's latest rows in view as they arrive. The newest turn is
   * on top and reads downwards, so its latest rows are at its bottom, below the fold once the turn
   * is long. Scrolling or clicking stops following; scrolling back to that spot resumes it.
   */
  private follow = true;
  private views = new Map<number, EntryView>();
  private entryCbs: ((index: number) => void)[] = [];
  private filterCbs: ((f: LogFilter) => void)[] = [];
  private g!: Phaser.GameObjects.Graphics;
  private top!: Phaser.GameObjects.Graphics;
  private stick!: Phaser.GameObjects.Graphics;
  private stickText!: Phaser.GameObjects.Text;
  private count!: Phaser.GameObjects.Text;
  private empty!: Phaser.GameObjects.Text;
  private chips!: FilterChips;
  private pool!: TextPool;
  private monoW = 6.6;
  private drag: { y: number; scroll: number; moved: boolean; bar: boolean } | null = null;
  private hover = -1;
  private pointing = false;
  private ready = false;

  constructor() {
    super({ key: LogScene.KEY });
  }

  create(): void {
    // Depths: list shapes 0, list text 1, sticky header 1.5–1.6, header panel 2, its text 3.
    this.g = this.add.graphics().setDepth(0);
    this.stick = this.add.graphics().setDepth(1.5);
    this.top = this.add.graphics().setDepth(2);
    this.stickText = this.label(11, UI.accentCss, 1.6).setFontStyle('bold');
    this.label(13, UI.text, 3).setText('Event log').setFontStyle('bold').setPosition(PAD, 9);
    this.count = this.label(11, UI.muted, 3);
    this.empty = this.label(12, UI.muted, 1).setText('No entries match this filter.');
    this.chips = new FilterChips(this);
    this.pool = new TextPool(this);
    this.monoW = this.pool.monoWidth();
    this.input.on('wheel', (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => {
      if (this.inside(p)) this.userScroll(this.scroll + dy);
    });
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => this.down(p));
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => this.move(p));
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => this.up(p));
    this.ready = true;
    this.applyArea();
    if (this.frame) this.show(this.frame);
  }

  /** Place the log at this rectangle of the canvas (CSS px). */
  setArea(x: number, y: number, w: number, h: number): void {
    const widthChanged = w !== this.area.w;
    this.area = { x, y, w, h };
    if (!this.ready) return;
    // Titles are cut and details wrapped to the width: those in view must be redone.
    if (widthChanged) this.pool.reset();
    this.applyArea();
  }

  /** Show a frame: `frame.log` is what the viewpoint may see, oldest first. */
  show(frame: ViewFrame): void {
    this.frame = frame;
    if (!this.ready) return;
    if (frame.sc !== this.sc) {
      this.sc = frame.sc;
      this.views.clear();
      this.open.clear();
      this.follow = true;
      this.expanded.clear();
      this.pool.reset();
      this.chips.build(frame.sc);
      this.applyArea(false);
    }
    // Auto-play calls this every few hundred ms; nothing is redone unless the log changed.
    const last = frame.log[frame.log.length - 1]?.index ?? -1;
    const key = `${frame.viewpoint}|${frame.log.length}|${last}`;
    if (key === this.logKey) return;
    this.logKey = key;
    this.refilter();
  }

  /** Filter the log by theater and actor. */
  setFilter(f: LogFilter): void {
    if (f.theater === this.filter.theater && f.actor === this.filter.actor) return;
    this.filter = { theater: f.theater, actor: f.actor };
    if (!this.ready) return;
    this.chips.paint(this.filter);
    this.scroll = 0;
    this.follow = true;
    this.refilter();
  }

  getFilter(): LogFilter {
    return this.filter;
  }

  /** Called with the engine index of a clicked row, after it was toggled open or closed. */
  onEntry(cb: (index: number) => void): void {
    this.entryCbs.push(cb);
  }

  /** Called when the reader changes the filter with the log's own chips. */
  onFilterChange(cb: (f: LogFilter) => void): void {
    this.filterCbs.push(cb);
  }

  /** The rows now drawn, in canvas CSS px, clipped to the visible list. */
  rows(): ViewProbe['logRows'] {
    const out: ViewProbe['logRows'][number][] = [];
    if (!this.ready) return out;
    for (const it of this.visibleItems()) {
      if (it.kind !== 'row') continue;
      const y0 = Math.max(this.clearTop, this.screenY(it));
      const y1 = Math.min(this.area.h, this.screenY(it) + it.h);
      if (y1 - y0 < 4) continue;
      out.push({
        index: it.shown.index,
        x: this.area.x,
        y: this.area.y + y0,
        w: this.area.w - BAR_W,
        h: y1 - y0,
        open: this.open.has(it.shown.index),
        folded: it.folded,
        expanded: this.expanded.has(it.shown.index),
        depth: it.depth,
      });
    }
    return out;
  }

  private label(size: number, color: string, depth: number): Phaser.GameObjects.Text {
    return this.add
      .text(0, 0, '', { fontFamily: SANS, fontSize: `${size}px`, color })
      .setDepth(depth);
  }

  private applyArea(relayout = true): void {
    const { x, y, w, h } = this.area;
    this.cameras.main.setViewport(x, y, w, h);
    this.listTop = this.chips.layout(34, w) + 10;
    this.chips.paint(this.filter);
    if (relayout) this.relayout();
  }

  /** Which entries pass the filter, folded into turns and rows (phase markers only as parents). */
  private refilter(): void {
    const log = this.frame?.log ?? [];
    let all = 0;
    let kept = 0;
    this.turns = foldLog(log, (e) => {
      all++;
      const keep = matchesFilter(e, this.filter);
      if (keep) kept++;
      return keep;
    });
    this.countShown = kept;
    this.countAll = all;
    this.relayout();
  }

  /** Positions of turn headers, rows and open details; keeps the first visible item in place. */
  private relayout(): void {
    const anchor = this.scroll > 0 ? this.visibleItems()[0] : undefined;
    const anchorOffset = anchor ? anchor.y - this.scroll : 0;
    const fit = Math.floor((this.area.w - BAR_W - PAD * 2 - 16) / this.monoW);
    const cols = Math.min(MAX_COLS, fit);
    const { items, total } = layoutLog(
      this.turns,
      (i) => this.open.has(i),
      (i) => this.expanded.has(i),
      (s) => [...wrap(this.where(s), cols), '', ...detailLines(this.view(s).details, cols)],
      { turnH: TURN_H, rowH: ROW_H, lineH: LINE_H, titleLineH: TITLE_LINE_H },
      (s, depth, folded) => this.title(s, depth, folded).split('\n').length,
    );
    this.items = items;
    this.total = total;
    if (this.follow) this.scroll = this.followAt();
    else if (anchor) {
      const again = items.find((it) => it.key === anchor.key);
      if (again) this.scroll = again.y - anchorOffset;
    }
    this.scrollTo(this.scroll);
  }

  /** The scroll that shows the newest turn down to its latest row (0 while it fits). */
  private followAt(): number {
    const next = this.items.find((it, i) => i > 0 && it.kind === 'turn');
    const end = next ? next.y : this.total;
    return Math.max(0, end - (this.area.h - this.listTop));
  }

  /** A scroll the reader made: following goes on only if it ends where following would be. */
  private userScroll(y: number): void {
    this.scrollTo(y);
    this.follow = Math.abs(this.scroll - this.followAt()) <= 2;
  }

  /** A row's title as drawn: wrapped onto two lines where one is too narrow for it. */
  private title(s: ShownEntry, depth: 0 | 1, folded: number): string {
    const v = this.view(s);
    const titleX = PAD + depth * INDENT + BADGE_W + 6 + CODE_W + 6;
    const w = this.area.w - BAR_W - titleX - 18 - (folded > 0 ? FOLD_W + 6 : 0);
    return this.pool.lines(`r${s.index}:${depth}${folded > 0 ? 'f' : ''}`, v.title, w, v.key);
  }

  private where(s: ShownEntry): string {
    const e = s.entry;
    const th = { global: 'Global', europe: 'Europe', indoPacific: 'Indo-Pacific' }[e.theater];
    const region = e.region ? ` · ${this.sc!.regions[e.region]?.name ?? e.region}` : '';
    return `${formatHour(e.hour, this.sc!)} · ${th}${region}`;
  }

  private view(s: ShownEntry): EntryView {
    let v = this.views.get(s.index);
    if (!v) {
      v = describeEntry(s.entry, this.sc!);
      this.views.set(s.index, v);
    }
    return v;
  }

  private scrollTo(y: number): void {
    const max = Math.max(0, this.total - (this.area.h - this.listTop));
    this.scroll = Math.round(Math.min(max, Math.max(0, y)));
    this.draw();
  }

  private screenY(it: Item): number {
    return this.listTop + it.y - this.scroll;
  }

  /** Items overlapping the visible list, found by binary search (items are sorted by y). */
  private visibleItems(): Item[] {
    return itemsIn(this.items, this.scroll, this.scroll + this.area.h - this.listTop);
  }

  private draw(): void {
    const { w, h } = this.area;
    const g = this.g.clear();
    g.fillStyle(UI.panel, 1).fillRect(0, 0, w, h);
    const seen = new Set<string>();
    const rowW = w - BAR_W;
    const vis = this.visibleItems();
    for (const it of vis) {
      const y = this.screenY(it);
      seen.add(it.key);
      if (it.kind === 'row') {
        this.drawRow(it, y, rowW);
        if (it.folded > 0) seen.add(foldKey(it, this.expanded.has(it.shown.index)));
      } else if (it.kind === 'turn') {
        const label = `Turn ${it.turn}  ·  ${turnDate(it.turn, this.sc!)}`;
        this.pool.text(it.key, () => label).setPosition(PAD, y + 11);
        g.fillStyle(UI.border, 0.7).fillRect(PAD, y + TURN_H - 3, rowW - PAD * 2, 1);
      } else {
        g.fillStyle(DETAIL_BG, 1).fillRect(PAD, y, rowW - PAD * 2, it.h);
        g.fillStyle(UI.border, 1).fillRect(PAD, y, 2, it.h);
        // Headings and the date line in a second, muted Text laid over the same lines.
        const head = `h${it.key}`;
        seen.add(head);
        const split = (heads: boolean) => () =>
          it.lines
            .split('\n')
            .map((l, i) => ((i === 0 || /^\S/.test(l)) === heads ? l : ''))
            .join('\n');
        this.pool.text(it.key, split(false)).setPosition(PAD + 10, y + 8);
        this.pool.text(head, split(true)).setPosition(PAD + 10, y + 8);
      }
    }
    this.pool.releaseExcept(seen);
    this.drawSticky(vis, rowW);
    this.empty.setVisible(this.items.length === 0).setPosition(PAD, this.listTop + 12);
    this.drawChrome();
  }

  /**
   * The current turn's header pinned at the top of the list, so a reader deep in a long turn still
   * knows which turn it is; the next turn's header pushes it up as it arrives.
   */
  private drawSticky(vis: readonly Item[], rowW: number): void {
    const first = vis[0];
    this.stick.clear();
    if (!first || (first.kind === 'turn' && this.screenY(first) >= this.listTop)) {
      this.stickText.setVisible(false);
      this.clearTop = this.listTop;
      return;
    }
    const turn = first.kind === 'turn' ? first.turn : first.shown.entry.turn;
    const next = vis.find((it) => it.kind === 'turn' && it.turn !== turn);
    const y = Math.min(this.listTop, next ? this.screenY(next) - TURN_H : this.listTop);
    this.stick.fillStyle(UI.panel, 1).fillRect(0, y, rowW, TURN_H);
    this.stick.fillStyle(UI.border, 0.7).fillRect(PAD, y + TURN_H - 3, rowW - PAD * 2, 1);
    this.stickText
      .setText(`Turn ${turn}  ·  ${turnDate(turn, this.sc!)}`)
      .setPosition(PAD, y + 11)
      .setVisible(true);
    this.clearTop = y + TURN_H;
  }

  /**
   * A row: badge, actor code, one-line title, the tag of its folded changes, caret; key rows get a
   * warm band and a bar; a folded change is indented under its cause.
   */
  private drawRow(it: Extract<Item, { kind: 'row' }>, y: number, rowW: number): void {
    const { shown: s, key } = it;
    const v = this.view(s);
    const x0 = PAD + it.depth * INDENT;
    const g = this.g;
    const isOpen = this.open.has(s.index);
    if (v.key) g.fillStyle(KEY_BG, 1).fillRect(0, y + 1, rowW, it.h - 2);
    else if (isOpen || this.hover === s.index)
      g.fillStyle(ROW_HOVER, 1).fillRect(0, y + 1, rowW, it.h - 2);
    if (v.key) g.fillStyle(UI.accent, 1).fillRect(0, y + 1, 3, it.h - 2);
    const ink = BADGE_INK[v.badge] ?? UI.muted;
    if (it.depth > 0) g.fillStyle(UI.border, 1).fillRect(PAD + 4, y, 1, it.h);
    g.fillStyle(hex(ink), 0.16).fillRoundedRect(x0, y + 5, BADGE_W, ROW_H - 10, 3);
    const actor = v.actors[0];
    const st = actor ? ACTOR_STYLE[actor] : null;
    const codeX = x0 + BADGE_W + 6;
    if (st) g.fillStyle(st.color, 1).fillRoundedRect(codeX, y + 5, CODE_W, ROW_H - 10, 3);
    const titleX = codeX + CODE_W + 6;
    const { texts: o, fresh } = this.pool.row(key);
    if (fresh) {
      // Each style setter re-rasterises the Text: set only what differs from its last use.
      restyle(o.badge, ink).setText(v.badge);
      restyle(o.code, st ? st.ink : UI.text).setText(st ? st.code : '');
      restyle(o.title, s.entry.type === 'change' ? UI.muted : UI.text, v.key ? 'bold' : '');
    }
    // A row gains its tag when its first change arrives: the title is wrapped again, narrower.
    const title = this.title(s, it.depth, it.folded);
    if (o.title.text !== title) o.title.setText(title);
    if (it.folded > 0) {
      const exp = this.expanded.has(s.index);
      const tag = this.pool.text(foldKey(it, exp), () => foldLabel(it.folded, exp));
      const tx = rowW - FOLD_RIGHT - FOLD_W;
      g.fillStyle(UI.accent, exp ? 0.22 : 0.12).fillRoundedRect(tx, y + 4, FOLD_W, ROW_H - 8, 3);
      tag.setPosition(tx + Math.round((FOLD_W - tag.width) / 2), y + 5);
    }
    o.badge.setPosition(x0 + Math.round((BADGE_W - o.badge.width) / 2), y + 7);
    o.code.setPosition(codeX + Math.round((CODE_W - o.code.width) / 2), y + 6);
    o.title.setPosition(titleX, y + 4);
    // A caret says the row opens; it points down while open.
    const cx = rowW - 12;
    g.fillStyle(hex(UI.muted), 0.8);
    if (isOpen) g.fillTriangle(cx - 4, y + 10, cx + 4, y + 10, cx, y + 15);
    else g.fillTriangle(cx - 2, y + 8, cx - 2, y + 16, cx + 3, y + 12);
  }

  /** The fixed header (title, count, chips) over the list, and the scrollbar. */
  private drawChrome(): void {
    const { w, h } = this.area;
    const g = this.top.clear();
    g.fillStyle(UI.panel, 1).fillRect(0, 0, w, this.listTop);
    g.fillStyle(UI.border, 1).fillRect(0, this.listTop - 1, w, 1);
    g.fillStyle(UI.border, 1).fillRect(0, 0, 1, h);
    this.chips.draw(g, this.filter);
    const n = this.countShown;
    this.count.setText(n === this.countAll ? `${n} entries` : `${n} of ${this.countAll}`);
    this.count.setPosition(w - PAD - this.count.width, 11);
    const view = h - this.listTop;
    if (this.total > view) {
      const thumb = Math.max(24, (view * view) / this.total);
      const ty = this.listTop + ((view - thumb) * this.scroll) / (this.total - view);
      g.fillStyle(UI.border, 0.35).fillRect(w - BAR_W + 3, this.listTop, 4, view);
      g.fillStyle(UI.border, 1).fillRoundedRect(w - BAR_W + 2, ty, 6, thumb, 3);
    }
  }

  private inside(p: Phaser.Input.Pointer): boolean {
    const { x, y, w, h } = this.area;
    return p.x >= x && p.x < x + w && p.y >= y && p.y < y + h;
  }

  private down(p: Phaser.Input.Pointer): void {
    if (!this.inside(p)) return;
    const lx = p.x - this.area.x;
    const ly = p.y - this.area.y;
    if (ly < this.listTop) {
      const next = this.chips.hit(lx, ly, this.filter);
      if (!next) return;
      this.setFilter(next);
      for (const cb of this.filterCbs) cb(this.filter);
      return;
    }
    this.drag = { y: p.y, scroll: this.scroll, moved: false, bar: lx >= this.area.w - BAR_W - 2 };
    if (this.drag.bar) this.barTo(ly);
  }

  /** Scrollbar: the thumb's centre follows the pointer. */
  private barTo(ly: number): void {
    const view = this.area.h - this.listTop;
    this.userScroll(((ly - this.listTop) / view) * this.total - view / 2);
  }

  private move(p: Phaser.Input.Pointer): void {
    const d = this.drag;
    if (d && p.isDown) {
      if (Math.abs(p.y - d.y) > 4) d.moved = true;
      if (d.bar) this.barTo(p.y - this.area.y);
      else if (d.moved) this.userScroll(d.scroll - (p.y - d.y));
      return;
    }
    const inside = this.inside(p);
    const ly = p.y - this.area.y;
    const it = inside ? this.itemAt(ly) : undefined;
    const hover = it && it.kind === 'row' ? it.shown.index : -1;
    if (hover !== this.hover) {
      this.hover = hover;
      this.draw();
    }
    // The canvas is shared with the map: set the cursor only while over something clickable
    // here, and give it back only if this scene set it.
    const chip = inside && ly < this.listTop && this.chips.hit(p.x - this.area.x, ly, this.filter);
    const want = hover >= 0 || (it !== undefined && it.kind === 'detail') || Boolean(chip);
    if (want !== this.pointing) {
      this.pointing = want;
      this.game.canvas.style.cursor = want ? 'pointer' : '';
    }
  }

  /** A press that did not drag is a click: toggle the row (or its open details) and report it. */
  private up(p: Phaser.Input.Pointer): void {
    const d = this.drag;
    this.drag = null;
    if (!d || d.moved || d.bar || !this.inside(p)) return;
    const it = this.itemAt(p.y - this.area.y);
    if (!it || it.kind === 'turn') return;
    const index = it.shown.index;
    // The reader is looking at this row: the list stays still under it from now on.
    this.follow = false;
    const lx = p.x - this.area.x;
    const tx = this.area.w - BAR_W - FOLD_RIGHT - FOLD_W;
    if (it.kind === 'row' && it.folded > 0 && lx >= tx && lx < tx + FOLD_W) {
      // The tag opens or closes the row's folded changes; it does not open the row itself.
      if (this.expanded.has(index)) this.expanded.delete(index);
      else this.expanded.add(index);
      this.relayout();
      return;
    }
    if (this.open.has(index)) this.open.delete(index);
    else this.open.add(index);
    this.relayout();
    for (const cb of this.entryCbs) cb(index);
  }

  private itemAt(ly: number): Item | undefined {
    if (ly < this.clearTop) return undefined;
    return this.visibleItems().find((it) => ly >= this.screenY(it) && ly < this.screenY(it) + it.h);
  }
}

/** Indent of a folded change under its cause, in px. */
const INDENT = 12;
/** Height of the second line of a wrapped row title. */
const TITLE_LINE_H = 15;

/** The tag's Text key: its label changes with the count and the state, so both are in the key. */
function foldKey(it: Extract<Item, { kind: 'row' }>, expanded: boolean): string {
  return `tf${it.shown.index}-${it.folded}${expanded ? 'o' : 'c'}`;
}

/** "3 changes ▸" while folded, "3 changes ▾" while shown. */
export function foldLabel(n: number, expanded: boolean): string {
  return `${n} change${n === 1 ? '' : 's'} ${expanded ? '▾' : '▸'}`;
}

/** Set a Text's colour (and font style) only if they differ, since each change redraws it. */
function restyle(
  t: Phaser.GameObjects.Text,
  color: string,
  fontStyle?: string,
): Phaser.GameObjects.Text {
  if (t.style.color !== color) t.setColor(color);
  if (fontStyle !== undefined && t.style.fontStyle !== fontStyle) t.setFontStyle(fontStyle);
  return t;
}
