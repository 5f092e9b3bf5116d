import { BAND_HEIGHT, logColumnWidth } from './contract';

/** A screen rectangle in canvas CSS pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface ViewLayout {
  readonly band: Rect;
  readonly log: Rect;
  readonly europe: Rect;
  readonly indoPacific: Rect;
}

/** Gap between the two maps, and between the maps and the band and log. */
const GAP = 4;

/**
 * Where each part of the screen goes: the log column at the right, the strategic band across the
 * top of the rest, and the two theater maps side by side below it, above the decision dock.
 *
 * @example
 * const l = computeLayout(1280, 720, 160); // l.europe.w === l.indoPacific.w
 */
export function computeLayout(width: number, height: number, bottomInset: number): ViewLayout {
  const logW = Math.min(logColumnWidth(width), Math.max(0, width - 320));
  const mainW = Math.max(0, width - logW);
  const mapTop = BAND_HEIGHT + GAP;
  const mapH = Math.max(80, height - mapTop - Math.max(0, bottomInset));
  const halfW = Math.max(40, Math.floor((mainW - GAP * 3) / 2));
  return {
    band: { x: 0, y: 0, w: mainW, h: BAND_HEIGHT },
    log: { x: mainW, y: 0, w: logW, h: height },
    europe: { x: GAP, y: mapTop, w: halfW, h: mapH },
    indoPacific: { x: GAP * 2 + halfW, y: mapTop, w: halfW, h: mapH },
  };
}

/** Whether a point lies in a rectangle. */
export function rectHas(r: Rect, x: number, y: number): boolean {
  return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}
