/**
 * Screen ↔ world conversions for a theater camera, done from scroll and zoom directly: Phaser only
 * refreshes `worldView` when it renders, and probes or clicks may come between two renders.
 * Phaser zooms about the viewport's centre, which these formulas follow.
 */

/** The camera fields the conversions need (a Phaser camera has them all). */
export interface CamLike {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly scrollX: number;
  readonly scrollY: number;
  readonly zoom: number;
}

/** Canvas CSS pixels of a world point. */
export function worldToScreen(c: CamLike, wx: number, wy: number): { x: number; y: number } {
  const left = c.scrollX + c.width / 2 - c.width / (2 * c.zoom);
  const top = c.scrollY + c.height / 2 - c.height / (2 * c.zoom);
  return { x: c.x + (wx - left) * c.zoom, y: c.y + (wy - top) * c.zoom };
}

/** World point under a canvas CSS pixel. */
export function screenToWorld(c: CamLike, sx: number, sy: number): { x: number; y: number } {
  const left = c.scrollX + c.width / 2 - c.width / (2 * c.zoom);
  const top = c.scrollY + c.height / 2 - c.height / (2 * c.zoom);
  return { x: left + (sx - c.x) / c.zoom, y: top + (sy - c.y) / c.zoom };
}

/** The scroll that keeps world point (wx, wy) under screen point (sx, sy) at zoom `zoom`. */
export function scrollToKeep(
  c: CamLike,
  zoom: number,
  wx: number,
  wy: number,
  sx: number,
  sy: number,
): { scrollX: number; scrollY: number } {
  return {
    scrollX: wx - (sx - c.x) / zoom - c.width / 2 + c.width / (2 * zoom),
    scrollY: wy - (sy - c.y) / zoom - c.height / 2 + c.height / (2 * zoom),
  };
}
