import { computeLayout } from '../view/layout';
import { BAND_HEIGHT } from '../view/contract';

/**
 * Where the DOM panels sit over the canvas, from the canvas's own layout (src/view/layout.ts):
 * the decision dock under the two maps and left of the log column, never taller than a third
 * of the map area; the text log over the canvas log column only; the objectives card at the
 * right of the Indo-Pacific map, below its zoom buttons. So no panel covers Submit or a map's
 * zoom buttons, and the maps keep two thirds of their room while a side is deciding.
 */

/** The largest share of the map area (under the band, left of the log) the decision dock takes. */
export const DOCK_SHARE = 0.34;

/** Gap between the band and the maps (src/view/layout.ts). */
const GAP = 4;

/**
 * From a map's top edge to below its title bar (24 px) and zoom buttons (6 + 24 px), as
 * src/view/map-hud.ts draws them: a panel placed lower leaves the zoom buttons free.
 */
export const MAP_CONTROLS_DEPTH = 54;

/** The objectives card's top edge: below the Indo-Pacific map's zoom buttons. */
export const OBJECTIVES_TOP = BAND_HEIGHT + GAP + MAP_CONTROLS_DEPTH + 6;

export function placeOverMaps(
  canvas: HTMLElement,
  panels: { dock: HTMLElement; objectives: HTMLElement; log: HTMLElement },
): void {
  const w = canvas.clientWidth;
  const height = canvas.clientHeight;
  const l = computeLayout(w, height, 0);
  const logW = l.log.w;
  panels.dock.style.right = `${logW}px`;
  panels.dock.style.maxHeight = `${Math.floor(DOCK_SHARE * Math.max(0, height - l.europe.y))}px`;
  panels.objectives.style.right = `${logW + 12}px`;
  panels.objectives.style.top = `${OBJECTIVES_TOP}px`;
  panels.log.style.width = `${logW}px`;
}
