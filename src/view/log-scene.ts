import Phaser from 'phaser';
import type { ActorId, Theater } from '../sim/ids';
import type { Scenario } from '../sim/scenario/schema';
import type { LogFilter, ShownEntry, ViewFrame, ViewProbe } from './contract';
import {
  actorFilters,
  describeEntry,
  formatHour,
  matchesFilter,
  NO_FILTER,
  THEATER_FILTERS,
  turnDate,
  type EntryView,
} from './log-format';
import { detailLines } from './log-lines';
import { ACTOR_STYLE, UI } from './palette';

/**
 * The event log column: newest first, grouped by turn, filterable, rows that open to show the
 * numbers behind them. Games reach thousands of entries and auto-play redraws every few hundred
 * ms, so only rows in view get game objects, and a row keeps its Text objects while it stays in
 * view (Phaser re-rasterises a Text on every change).
 */

const SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
const MONO = 'ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace';
const PAD = 10;
const ROW_H = 24;
const TURN_H = 30;
const LINE_H = 15;
const BADGE_W = 66;
const CODE_W = 24;
const BAR_W = 10;
const CHIP_H = 20;

const BADGE_INK: Record<string, string> = {
  ROLL: '#8fb8de',
  AI: '#c3a6e0',
  DECISION: '#7fd1b9',
  EVENT: '#e8c07a',
  CHANGE: '#8b98a5',
  KEY: UI.accentCss,
  ESCALATION: UI.danger,
  OUTCOME: UI.accentCss,
  PHASE: UI.muted,
};

type Item =
  | { kind: 'turn'; key: string; y: number; h: number; turn: number }
  | { kind: 'row'; key: string; y: number; h: number; shown: ShownEntry }
  | { kind: 'detail'; key: string; y: number; h: number; shown: ShownEntry; lines: string };

interface RowObjs {
  badge: Phaser.GameObjects.Text;
  code: Phaser.GameObjects.Text;
  title: Phaser.GameObjects.Text;
}

interface Chip {
  x: number;
  y: number;
  w: number;
  text: Phaser.GameObjects.Text;
  theater?: LogFilter['theater'];
  actor?: ActorId | 'all';
}

/** The event-log scene. Its rectangle on the canvas is set by `setArea` (a camera viewport). */
export class LogScene extends Phaser.Scene {
  static readonly KEY = 'log';

  private area = { x: 0, y: 0, w: 340, h: 600 };
  private filter: LogFilter = NO_FILTER;
  private frame: ViewFrame | null = null;
  private sc: Scenario | null = null;
  private logKey = '';
  private shown: ShownEntry[] = [];
  private items: Item[] = [];
  private total = 0;
  private scroll = 0;
  private listTop = 0;
  private open = new Set<number>();
  private views = new Map<number, EntryView>();
  private fitted = new Map<number, string>();
  private entryCbs: ((index: number) => void)[] = [];
  private filterCbs: ((f: LogFilter) => void)[] = [];
  private g!: Phaser.GameObjects.Graphics;
  private top!: Phaser.GameObjects.Graphics;
  private heading!: Phaser.GameObjects.Text;
  private count!: Phaser.GameObjects.Text;
  private empty!: Phaser.GameObjects.Text;
  private chips: Chip[] = [];
  private live = new Map<string, RowObjs | Phaser.GameObjects.Text>();
  private freeRows: RowObjs[] = [];
  /** Released Texts by kind ('t' turn headers, 'd' detail blocks): each kind keeps its own style. */
  private freeTexts: Record<'t' | 'd', Phaser.GameObjects.Text[]> = { t: [], d: [] };
  private drag: { y: number; scroll: number; moved: boolean; bar: boolean } | null = null;
  private hover = -1;
  private ready = false;
  private measure: CanvasRenderingContext2D | null = null;
  private monoW = 6.6;

  constructor() {
    super({ key: LogScene.KEY });
  }

  create(): void {
    this.g = this.add.graphics().setDepth(0);
    this.top = this.add.graphics().setDepth(2);
    this.heading = this.text(PAD, 9, 'Event log', 13, UI.text, 3).setFontStyle('bold');
    this.count = this.text(0, 11, '', 11, UI.muted, 3);
    this.empty = this.text(PAD, 0, 'No entries match this filter.', 12, UI.muted, 1);
    this.measure = document.createElement('canvas').getContext('2d');
    if (this.measure) {
      this.measure.font = `11px ${MONO}`;
      this.monoW = this.measure.measureText('0123456789').width / 10;
    }
    this.input.on('wheel', (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => {
      if (this.inside(p)) this.scrollTo(this.scroll + dy);
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
    const changedWidth = w !== this.area.w;
    this.area = { x, y, w, h };
    if (changedWidth) {
      this.fitted.clear();
      if (this.ready) this.releaseAll();
    }
    if (this.ready) this.applyArea(changedWidth);
  }

  /** Show a frame: `frame.log` is what the viewpoint may see, oldest first. */
  show(frame: ViewFrame): void {
    this.frame = frame;
    if (!this.ready) return;
    if (frame.sc !== this.sc) {
      this.sc = frame.sc;
      this.views.clear();
      this.fitted.clear();
      this.open.clear();
      this.releaseAll();
      this.buildChips();
      this.layoutChips();
    }
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
    this.paintChips();
    this.scroll = 0;
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
    const out: { index: number; x: number; y: number; w: number; h: number; open: boolean }[] = [];
    if (!this.ready) return out;
    for (const it of this.visibleItems()) {
      if (it.kind !== 'row') continue;
      const y0 = Math.max(this.listTop, this.screenY(it));
      const y1 = Math.min(this.area.h, this.screenY(it) + it.h);
      if (y1 - y0 < 4) continue;
      out.push({
        index: it.shown.index,
        x: this.area.x,
        y: this.area.y + y0,
        w: this.area.w - BAR_W,
        h: y1 - y0,
        open: this.open.has(it.shown.index),
      });
    }
    return out;
  }

  private text(x: number, y: number, s: string, size: number, color: string, depth: number) {
    return this.add
      .text(x, y, s, { fontFamily: SANS, fontSize: `${size}px`, color })
      .setDepth(depth);
  }

  private applyArea(relayout = true): void {
    const { x, y, w, h } = this.area;
    this.cameras.main.setViewport(x, y, w, h);
    this.layoutChips();
    if (relayout) this.relayout();
    else this.draw();
  }

  private buildChips(): void {
    for (const c of this.chips) c.text.destroy();
    this.chips = [];
    const add = (label: string, extra: Partial<Chip>) => {
      const text = this.text(0, 0, label, 11, UI.text, 3).setFontStyle('bold');
      this.chips.push({ x: 0, y: 0, w: Math.ceil(text.width) + 14, text, ...extra });
    };
    for (const t of THEATER_FILTERS) add(t.label, { theater: t.value });
    add('All', { actor: 'all' });
    for (const a of actorFilters(this.sc!)) add(ACTOR_STYLE[a].code, { actor: a });
  }

  /** Flow the chips into rows: theaters on one line, actors wrapping beneath. */
  private layoutChips(): void {
    let x = PAD;
    let y = 34;
    let wasTheater = true;
    for (const c of this.chips) {
      if (wasTheater && c.actor !== undefined) {
        x = PAD;
        y += CHIP_H + 6;
      }
      wasTheater = c.theater !== undefined;
      if (x + c.w > this.area.w - PAD) {
        x = PAD;
        y += CHIP_H + 4;
      }
      c.x = x;
      c.y = y;
      c.text.setPosition(x + 7, y + 3);
      x += c.w + 4;
    }
    this.listTop = y + CHIP_H + 10;
    this.paintChips();
  }

  private paintChips(): void {
    for (const c of this.chips) {
      const on =
        c.theater !== undefined ? c.theater === this.filter.theater : c.actor === this.filter.actor;
      const st = c.actor && c.actor !== 'all' ? ACTOR_STYLE[c.actor] : null;
      c.text.setColor(on ? (st ? st.ink : '#10161d') : UI.text);
    }
  }

  /** Recompute which entries pass the filter (newest first), then lay them out. */
  private refilter(): void {
    const log = this.frame?.log ?? [];
    const out: ShownEntry[] = [];
    for (let i = log.length - 1; i >= 0; i--) {
      const s = log[i]!;
      // Phase markers carry no news of their own; the turn headers already say where we are.
      if (s.entry.type !== 'phase' && matchesFilter(s.entry, this.filter)) out.push(s);
    }
    this.shown = out;
    this.relayout();
  }

  /** Positions of turn headers, rows and open details; keeps the first visible row in place. */
  private relayout(): void {
    const anchor = this.scroll > 0 ? this.visibleItems()[0] : undefined;
    const anchorOffset = anchor ? anchor.y - this.scroll : 0;
    const cols = Math.floor((this.area.w - BAR_W - PAD * 2 - 16) / this.monoW);
    const items: Item[] = [];
    let y = 0;
    let turn = -1;
    for (const s of this.shown) {
      if (s.entry.turn !== turn) {
        turn = s.entry.turn;
        items.push({ kind: 'turn', key: `t${turn}`, y, h: TURN_H, turn });
        y += TURN_H;
      }
      items.push({ kind: 'row', key: `r${s.index}`, y, h: ROW_H, shown: s });
      y += ROW_H;
      if (this.open.has(s.index)) {
        const lines = [this.where(s), '', ...detailLines(this.view(s).details, cols)];
        const h = lines.length * LINE_H + 16;
        items.push({ kind: 'detail', key: `d${s.index}`, y, h, shown: s, lines: lines.join('\n') });
        y += h + 4;
      }
    }
    this.items = items;
    this.total = y + 12;
    if (anchor) {
      const again = items.find((it) => it.key === anchor.key);
      if (again) this.scroll = again.y - anchorOffset;
    }
    this.scrollTo(this.scroll);
  }

  private where(s: ShownEntry): string {
    const e = s.entry;
    const theater =
      e.theater === 'global' ? 'Global' : e.theater === 'europe' ? 'Europe' : 'Indo-Pacific';
    const region = e.region ? ` · ${this.sc!.regions[e.region]?.name ?? e.region}` : '';
    return `${formatHour(e.hour, this.sc!)} · ${theater}${region}`;
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
    const items = this.items;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.y + items[mid]!.h <= this.scroll) lo = mid + 1;
      else hi = mid;
    }
    const bottom = this.scroll + this.area.h - this.listTop;
    const out: Item[] = [];
    for (let i = lo; i < items.length && items[i]!.y < bottom; i++) out.push(items[i]!);
    return out;
  }

  /** The title cut to `w` px with an ellipsis, measured once per entry and width. */
  private fit(index: number, title: string, w: number, bold: boolean): string {
    const hit = this.fitted.get(index);
    if (hit !== undefined) return hit;
    let out = title;
    const ctx = this.measure;
    if (ctx) {
      ctx.font = `${bold ? 'bold ' : ''}12px ${SANS}`;
      if (ctx.measureText(title).width > w) {
        let lo = 0;
        let hi = title.length;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (ctx.measureText(`${title.slice(0, mid)}…`).width <= w) lo = mid;
          else hi = mid - 1;
        }
        out = `${title.slice(0, lo).trimEnd()}…`;
      }
    }
    this.fitted.set(index, out);
    return out;
  }

  private draw(): void {
    const { w, h } = this.area;
    const g = this.g;
    g.clear();
    g.fillStyle(UI.panel, 1).fillRect(0, 0, w, h);
    const seen = new Set<string>();
    const rowW = w - BAR_W;
    for (const it of this.visibleItems()) {
      const y = this.screenY(it);
      seen.add(it.key);
      if (it.kind === 'turn') {
        const label = `Turn ${it.turn}  ·  ${turnDate(it.turn, this.sc!)}`;
        const t = this.obtainText(it.key, label, () =>
          this.text(0, 0, '', 11, UI.accentCss, 1).setFontStyle('bold'),
        );
        t.setPosition(PAD, y + 11);
        g.fillStyle(UI.border, 0.7).fillRect(PAD, y + TURN_H - 3, rowW - PAD * 2, 1);
      } else if (it.kind === 'row') this.drawRow(it.shown, y, rowW, it.key);
      else {
        g.fillStyle(0x0d1319, 1).fillRect(PAD, y, rowW - PAD * 2, it.h);
        g.fillStyle(UI.border, 1).fillRect(PAD, y, 2, it.h);
        const t = this.obtainText(it.key, it.lines, () =>
          this.add
            .text(0, 0, '', { fontFamily: MONO, fontSize: '11px', color: '#c9d4de' })
            .setLineSpacing(LINE_H - 13)
            .setDepth(1),
        );
        t.setPosition(PAD + 10, y + 8);
      }
    }
    for (const key of [...this.live.keys()]) if (!seen.has(key)) this.release(key);
    this.empty.setVisible(this.items.length === 0).setPosition(PAD, this.listTop + 12);
    this.drawChrome();
  }

  private drawRow(s: ShownEntry, y: number, rowW: number, key: string): void {
    const v = this.view(s);
    const g = this.g;
    const isOpen = this.open.has(s.index);
    if (v.key) g.fillStyle(0x2a2616, 1).fillRect(0, y + 1, rowW, ROW_H - 2);
    else if (isOpen || this.hover === s.index)
      g.fillStyle(0x212c38, 1).fillRect(0, y + 1, rowW, ROW_H - 2);
    if (v.key) g.fillStyle(UI.accent, 1).fillRect(0, y + 1, 3, ROW_H - 2);
    const ink = BADGE_INK[v.badge] ?? UI.muted;
    g.fillStyle(Phaser.Display.Color.HexStringToColor(ink).color, 0.16);
    g.fillRoundedRect(PAD, y + 5, BADGE_W, ROW_H - 10, 3);
    const actor = v.actors[0];
    if (actor)
      g.fillStyle(ACTOR_STYLE[actor].color, 1).fillRoundedRect(
        PAD + BADGE_W + 6,
        y + 5,
        CODE_W,
        ROW_H - 10,
        3,
      );
    let o = this.live.get(key) as RowObjs | undefined;
    const titleX = PAD + BADGE_W + CODE_W + 12;
    if (!o) {
      o = this.freeRows.pop() ?? {
        badge: this.text(0, 0, '', 9, ink, 1).setFontStyle('bold'),
        code: this.text(0, 0, '', 10, UI.text, 1).setFontStyle('bold'),
        title: this.text(0, 0, '', 12, UI.text, 1),
      };
      this.live.set(key, o);
      const fitW = rowW - titleX - 18;
      o.badge.setText(v.badge).setColor(ink);
      o.code
        .setText(actor ? ACTOR_STYLE[actor].code : '')
        .setColor(actor ? ACTOR_STYLE[actor].ink : UI.text);
      o.title
        .setFontStyle(v.key ? 'bold' : '')
        .setColor(s.entry.type === 'change' ? UI.muted : UI.text);
      o.title.setText(this.fit(s.index, v.title, fitW, v.key));
      for (const t of [o.badge, o.code, o.title]) t.setVisible(true);
    }
    o.badge.setPosition(PAD + (BADGE_W - o.badge.width) / 2, y + 7);
    o.code.setPosition(PAD + BADGE_W + 6 + (CODE_W - o.code.width) / 2, y + 6);
    o.title.setPosition(titleX, y + 4);
    // A caret says the row opens; it points down while open.
    const cx = rowW - 12;
    g.fillStyle(Phaser.Display.Color.HexStringToColor(UI.muted).color, 0.8);
    if (isOpen) g.fillTriangle(cx - 4, y + 10, cx + 4, y + 10, cx, y + 15);
    else g.fillTriangle(cx - 2, y + 8, cx - 2, y + 16, cx + 3, y + 12);
  }

  /** The Text shown for `key`: kept while in view, else a released one of its kind, else new. */
  private obtainText(
    key: string,
    content: string,
    make: () => Phaser.GameObjects.Text,
  ): Phaser.GameObjects.Text {
    const hit = this.live.get(key);
    if (hit instanceof Phaser.GameObjects.Text) return hit;
    const t = this.freeTexts[key[0] === 't' ? 't' : 'd'].pop() ?? make();
    t.setText(content).setVisible(true);
    this.live.set(key, t);
    return t;
  }

  /** Give back every Text in view (their content depends on the width, or the scenario changed). */
  private releaseAll(): void {
    for (const key of [...this.live.keys()]) this.release(key);
  }

  private release(key: string): void {
    const obj = this.live.get(key);
    if (!obj) return;
    this.live.delete(key);
    if (obj instanceof Phaser.GameObjects.Text) {
      obj.setVisible(false);
      this.freeTexts[key[0] === 't' ? 't' : 'd'].push(obj);
    } else {
      for (const t of [obj.badge, obj.code, obj.title]) t.setVisible(false);
      this.freeRows.push(obj);
    }
  }

  /** The fixed header (title, count, chips) over the list, and the scrollbar. */
  private drawChrome(): void {
    const { w, h } = this.area;
    const g = this.top;
    g.clear();
    g.fillStyle(UI.panel, 1).fillRect(0, 0, w, this.listTop);
    g.fillStyle(UI.border, 1).fillRect(0, this.listTop - 1, w, 1);
    g.fillStyle(UI.border, 1).fillRect(0, 0, 1, h);
    for (const c of this.chips) {
      const on =
        c.theater !== undefined ? c.theater === this.filter.theater : c.actor === this.filter.actor;
      const st = c.actor && c.actor !== 'all' ? ACTOR_STYLE[c.actor] : null;
      if (on) g.fillStyle(st ? st.color : UI.accent, 1).fillRoundedRect(c.x, c.y, c.w, CHIP_H, 10);
      else {
        g.lineStyle(1, st ? st.color : UI.border, st ? 0.9 : 1).strokeRoundedRect(
          c.x + 0.5,
          c.y + 0.5,
          c.w - 1,
          CHIP_H - 1,
          10,
        );
      }
    }
    const n = this.shown.length;
    const all = this.frame ? this.frame.log.filter((s) => s.entry.type !== 'phase').length : 0;
    this.count.setText(n === all ? `${n} entries` : `${n} of ${all}`);
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
      this.clickChip(lx, ly);
      return;
    }
    this.drag = { y: p.y, scroll: this.scroll, moved: false, bar: lx >= this.area.w - BAR_W - 2 };
    if (this.drag.bar) this.barTo(ly);
  }

  private barTo(ly: number): void {
    const view = this.area.h - this.listTop;
    this.scrollTo(((ly - this.listTop) / view) * this.total - view / 2);
  }

  private move(p: Phaser.Input.Pointer): void {
    const d = this.drag;
    if (d && p.isDown) {
      if (Math.abs(p.y - d.y) > 4) d.moved = true;
      if (d.bar) this.barTo(p.y - this.area.y);
      else if (d.moved) this.scrollTo(d.scroll - (p.y - d.y));
      return;
    }
    const it = this.inside(p) ? this.itemAt(p.y - this.area.y) : undefined;
    const hover = it && it.kind === 'row' ? it.shown.index : -1;
    if (hover !== this.hover) {
      this.hover = hover;
      this.draw();
    }
  }

  private up(p: Phaser.Input.Pointer): void {
    const d = this.drag;
    this.drag = null;
    if (!d || d.moved || d.bar || !this.inside(p)) return;
    const it = this.itemAt(p.y - this.area.y);
    if (!it || it.kind === 'turn') return;
    const index = it.shown.index;
    if (this.open.has(index)) this.open.delete(index);
    else this.open.add(index);
    this.relayout();
    for (const cb of this.entryCbs) cb(index);
  }

  private itemAt(ly: number): Item | undefined {
    if (ly < this.listTop) return undefined;
    return this.visibleItems().find((it) => ly >= this.screenY(it) && ly < this.screenY(it) + it.h);
  }

  private clickChip(lx: number, ly: number): void {
    const c = this.chips.find((k) => lx >= k.x && lx < k.x + k.w && ly >= k.y && ly < k.y + CHIP_H);
    if (!c) return;
    const next: LogFilter =
      c.theater !== undefined
        ? { ...this.filter, theater: c.theater as Theater | 'global' | 'all' }
        : { ...this.filter, actor: c.actor ?? 'all' };
    this.setFilter(next);
    for (const cb of this.filterCbs) cb(this.filter);
  }
}
