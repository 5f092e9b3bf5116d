import type { ShownEntry } from './contract';
import type { LogTurn } from './log-fold';
import type { DetailBlock } from './log-format';

/**
 * An opened log entry's details laid out as lines of a monospace block `cols` characters wide: the
 * canvas log draws them with one Text object, so alignment comes from padding, not from layout.
 * Pure, so it is tested without a browser.
 */

/** Word-wrap `text` to `width` characters; words longer than a line are cut. */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(4, width);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter((s) => s.length > 0)) {
      let rest = word;
      while (rest.length > w) {
        if (line) out.push(line);
        line = '';
        out.push(rest.slice(0, w));
        rest = rest.slice(w);
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= w) line += ` ${rest}`;
      else {
        out.push(line);
        line = rest;
      }
    }
    out.push(line);
  }
  return out;
}

const INDENT = '  ';

function pairLines(
  rows: readonly { readonly name: string; readonly value: string }[],
  cols: number,
): string[] {
  const inner = cols - INDENT.length;
  // Values share one right-aligned column (numbers line up), capped so names keep room.
  const valW = Math.min(
    Math.floor(inner * 0.45),
    rows.reduce((m, r) => Math.max(m, r.value.length), 0),
  );
  const nameW = inner - valW - 2;
  const out: string[] = [];
  for (const r of rows) {
    if (r.value.length > valW) {
      out.push(...wrap(r.name, inner).map((l) => INDENT + l));
      out.push(...wrap(r.value, inner - 2).map((l) => `${INDENT}  ${l}`));
      continue;
    }
    const names = wrap(r.name, nameW);
    const last = names.pop() ?? '';
    for (const l of names) out.push(INDENT + l);
    out.push(`${INDENT}${last.padEnd(nameW)}  ${r.value.padStart(valW)}`);
  }
  return out;
}

function tableLines(block: Extract<DetailBlock, { kind: 'table' }>, cols: number): string[] {
  const out: string[] = [];
  const lastCol = block.columns.length - 1;
  const inner = cols - INDENT.length;
  const totalW = block.rows.reduce((m, r) => Math.max(m, (r.cells[lastCol] ?? '').length), 0);
  for (const row of block.rows) {
    // Two lines per row: the name and the total on the first, the terms beneath. A grid of eight
    // columns does not fit a 340 px log; this does, and the totals still line up.
    const total = `${block.columns[lastCol]} ${(row.cells[lastCol] ?? '').padStart(totalW)}`;
    const mark = row.marked ? '✓ ' : '  ';
    const nameW = inner - mark.length - total.length - 1;
    const names = wrap(row.cells[0] ?? '', nameW);
    out.push(`${INDENT}${mark}${(names[0] ?? '').padEnd(nameW)} ${total}`);
    for (const l of names.slice(1)) out.push(`${INDENT}  ${l}`);
    // Zero terms are left out: they say nothing and would push the rest onto a second line.
    const terms = block.columns
      .slice(1, lastCol)
      .map((c, i) => ({ c, v: row.cells[i + 1] ?? '' }))
      .filter((t) => t.v !== '0' && t.v !== '')
      .map((t) => `${t.c} ${t.v}`)
      .join('  ');
    if (terms) out.push(...wrap(terms, inner - 4).map((l) => `${INDENT}    ${l}`));
  }
  return out;
}

/**
 * Lay out detail blocks as monospace lines: an upper-case heading, then its indented content.
 *
 * @example
 * detailLines([{ kind: 'pairs', heading: 'Modifiers', rows: [{ name: 'terrain', value: '-5' }] }], 30)
 * // ['MODIFIERS', '  terrain                  -5']
 */
export function detailLines(details: readonly DetailBlock[], cols: number): string[] {
  const out: string[] = [];
  for (const b of details) {
    if (out.length > 0) out.push('');
    out.push(b.heading.toUpperCase());
    if (b.kind === 'text') out.push(...wrap(b.text, cols - 2).map((l) => INDENT + l));
    else if (b.kind === 'pairs') out.push(...pairLines(b.rows, cols));
    else out.push(...tableLines(b, cols));
  }
  return out;
}

/** One laid-out thing of the log list: a turn header, a row, or an open row's details. */
export type LogItem =
  | { kind: 'turn'; key: string; y: number; h: number; turn: number }
  | {
      kind: 'row';
      key: string;
      y: number;
      h: number;
      shown: ShownEntry;
      /** 0: a row of the turn; 1: a change folded under the row above. */
      depth: 0 | 1;
      /** How many entries are folded under this row (0: none). */
      folded: number;
    }
  | { kind: 'detail'; key: string; y: number; h: number; shown: ShownEntry; lines: string };

/** Heights the layout uses, in px. */
export interface LogMetrics {
  readonly turnH: number;
  readonly rowH: number;
  readonly lineH: number;
  /** Height of each further line of a wrapped row title (default: `lineH`). */
  readonly titleLineH?: number;
}

/**
 * Lay out folded turns (newest turn first, each oldest entry first) as a flat list of items sorted
 * by `y`: a turn header before each turn's rows, a row's folded changes under it while it is
 * expanded, and a detail block after each open row. Keys are stable ('t3', 'r120', 'd120') so the
 * scene can keep an item's game objects while it stays in view.
 */
export function layoutLog(
  turns: readonly LogTurn[],
  isOpen: (index: number) => boolean,
  isExpanded: (index: number) => boolean,
  detail: (s: ShownEntry) => readonly string[],
  m: LogMetrics,
  /** Lines a row's title takes (it wraps rather than being cut); one if left out. */
  titleLines: (s: ShownEntry, depth: 0 | 1, folded: number) => number = () => 1,
): { items: LogItem[]; total: number } {
  const items: LogItem[] = [];
  let y = 0;
  const place = (s: ShownEntry, depth: 0 | 1, folded: number) => {
    const h = m.rowH + (titleLines(s, depth, folded) - 1) * (m.titleLineH ?? m.lineH);
    items.push({ kind: 'row', key: `r${s.index}`, y, h, shown: s, depth, folded });
    y += h;
    if (isOpen(s.index)) {
      const lines = detail(s);
      const h = lines.length * m.lineH + 16;
      items.push({ kind: 'detail', key: `d${s.index}`, y, h, shown: s, lines: lines.join('\n') });
      y += h + 4;
    }
  };
  for (const t of turns) {
    items.push({ kind: 'turn', key: `t${t.turn}`, y, h: m.turnH, turn: t.turn });
    y += m.turnH;
    for (const r of t.rows) {
      place(r.shown, 0, r.children.length);
      if (r.children.length > 0 && isExpanded(r.shown.index))
        for (const c of r.children) place(c, 1, 0);
    }
  }
  return { items, total: y + 12 };
}

/** The items overlapping [top, bottom), by binary search: only these get drawn. */
export function itemsIn(items: readonly LogItem[], top: number, bottom: number): LogItem[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.y + items[mid]!.h <= top) lo = mid + 1;
    else hi = mid;
  }
  const out: LogItem[] = [];
  for (let i = lo; i < items.length && items[i]!.y < bottom; i++) out.push(items[i]!);
  return out;
}
