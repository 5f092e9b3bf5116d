import { UI } from './palette';

/** Measures and colours of the canvas event log, shared by its scene, chips and text pool. */

export const SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
export const MONO = 'ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace';
export const PAD = 10;
export const ROW_H = 24;
/** Width of a row's "N changes" tag, and its gap from the row's right edge (the caret). */
export const FOLD_W = 74;
export const FOLD_RIGHT = 22;
export const TURN_H = 30;
/** Line height of the monospace detail block (11 px type). */
export const LINE_H = 15;
export const BADGE_W = 66;
export const CODE_W = 24;
/** Width kept free at the right for the scrollbar. */
export const BAR_W = 10;
export const CHIP_H = 20;
/** A chosen non-actor chip: light, not the accent (the accent marks key rows). */
export const CHIP_ON = 0xc9d4de;
/** Detail blocks stop widening here: at 420 px a value far right of its name is hard to pair. */
export const MAX_COLS = 50;
export const DETAIL_BG = 0x0d1319;
export const DETAIL_INK = '#c9d4de';
export const ROW_HOVER = 0x212c38;
export const KEY_BG = 0x2a2616;

/** Badge text colours by badge; the badge's fill is the same hue, faint. */
export const BADGE_INK: Readonly<Record<string, string>> = {
  ROLL: '#8fb8de',
  AI: '#c3a6e0',
  DECISION: '#7fd1b9',
  EVENT: '#e8c07a',
  CHANGE: '#8b98a5',
  NOTE: '#a9b6c2',
  KEY: UI.accentCss,
  ESCALATION: UI.danger,
  OUTCOME: UI.accentCss,
  PHASE: UI.muted,
};

/** '#rrggbb' → 0xrrggbb, for Graphics fills. */
export function hex(css: string): number {
  return parseInt(css.slice(1), 16);
}
