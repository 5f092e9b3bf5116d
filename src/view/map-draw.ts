import type Phaser from 'phaser';
import type { Scenario } from '../sim/scenario/schema';
import type { GameState } from '../sim/state';
import { MARGIN, type RegionShape, type TheaterGeo } from './geo';
import { dashSegments, hatchSegments, type Ring, type Segment } from './geom';
import { ACTOR_STYLE, UI, mixColor } from './palette';

/**
 * Drawing one theater's map into Graphics layers, in theater-local pixels. Line widths are given
 * in screen pixels and divided by the camera zoom, so borders stay hairlines at any zoom (the
 * layers are redrawn when the zoom settles).
 */

type G = Phaser.GameObjects.Graphics;

/** The Graphics layers of one theater, bottom to top. */
export interface MapLayers {
  readonly sea: G;
  readonly seaRegions: G;
  readonly land: G;
  readonly landRegions: G;
  readonly lines: G;
  readonly marks: G;
}

const SEA_TINT = 0x3a6a8c;
const CONTESTED = 0xff6b6b;
const NEUTRAL_REGION = mixColor(UI.land, 0x8da2b5, 0.14);

function fillRings(g: G, rings: readonly Ring[]): void {
  for (const r of rings) {
    if (r.length < 3) continue;
    g.beginPath();
    g.moveTo(r[0]![0], r[0]![1]);
    for (let i = 1; i < r.length; i++) g.lineTo(r[i]![0], r[i]![1]);
    g.closePath();
    g.fillPath();
  }
}

function strokeRings(g: G, rings: readonly Ring[]): void {
  for (const r of rings) {
    if (r.length < 2) continue;
    g.beginPath();
    g.moveTo(r[0]![0], r[0]![1]);
    for (let i = 1; i < r.length; i++) g.lineTo(r[i]![0], r[i]![1]);
    g.closePath();
    g.strokePath();
  }
}

function strokeSegments(g: G, segs: readonly Segment[]): void {
  g.beginPath();
  let last: readonly [number, number] | null = null;
  for (const [a, b] of segs) {
    // Consecutive steps of an outline share ends: continue the path instead of starting anew.
    if (!last || last[0] !== a[0] || last[1] !== a[1]) g.moveTo(a[0], a[1]);
    g.lineTo(b[0], b[1]);
    last = b;
  }
  g.strokePath();
}

/** Sea, land and country borders: what does not change during a game (except line widths). */
export function drawBase(layers: MapLayers, geo: TheaterGeo, zoom: number): void {
  const { sea, land } = layers;
  sea.clear();
  sea.fillStyle(UI.sea, 1);
  sea.fillRect(-MARGIN, -MARGIN, geo.width + 2 * MARGIN, geo.height + 2 * MARGIN);
  land.clear();
  land.fillStyle(UI.land, 1);
  fillRings(land, geo.land);
  land.lineStyle(0.8 / zoom, UI.border, 0.9);
  strokeRings(
    land,
    geo.countries.flatMap((c) => c.rings),
  );
}

/** The fill colour of a region as its owner holds it (opaque, so sub-regions cover cleanly). */
export function regionFill(kind: string, owner: string | null): number {
  const style = owner ? ACTOR_STYLE[owner as keyof typeof ACTOR_STYLE] : undefined;
  if (kind === 'sea')
    return style ? mixColor(UI.sea, style.color, 0.22) : mixColor(UI.sea, SEA_TINT, 0.18);
  return style ? mixColor(UI.land, style.color, 0.42) : NEUTRAL_REGION;
}

/**
 * Region fills, hatching for the China–Russia bloc, borders and the dashed red border of contested
 * regions, from the state's owners.
 */
export function drawRegions(
  layers: MapLayers,
  geo: TheaterGeo,
  sc: Scenario,
  state: GameState,
  zoom: number,
): void {
  const { seaRegions, landRegions, lines } = layers;
  seaRegions.clear();
  landRegions.clear();
  lines.clear();
  for (const shape of geo.regions) {
    const def = sc.regions[shape.id];
    const rs = state.regions[shape.id];
    if (!def || !rs) continue;
    const sea = def.kind === 'sea';
    const g = sea ? seaRegions : landRegions;
    g.fillStyle(regionFill(def.kind, rs.owner), 1);
    fillRings(g, shape.rings);
    const style = rs.owner ? ACTOR_STYLE[rs.owner] : undefined;
    if (style?.hostile) {
      // Hatch in screen-sized steps so it reads the same at every zoom.
      g.lineStyle(1.1 / zoom, mixColor(UI.land, style.color, 0.85), sea ? 0.45 : 0.6);
      const hatch = hatchSegments(shape.rings, 7 / zoom, -Math.PI / 4);
      strokeSegments(g, hatch);
    }
    drawOutline(lines, shape, sea, style?.color ?? null, rs.contested, zoom);
  }
}

function drawOutline(
  g: G,
  shape: RegionShape,
  sea: boolean,
  color: number | null,
  contested: boolean,
  zoom: number,
): void {
  if (contested) {
    g.lineStyle(2.2 / zoom, CONTESTED, 0.95);
    strokeSegments(g, dashSegments(shape.outline, 7 / zoom, 4 / zoom));
    return;
  }
  if (sea) {
    g.lineStyle(1 / zoom, color ?? 0x6f93b3, 0.55);
    strokeSegments(g, dashSegments(shape.outline, 3 / zoom, 3 / zoom));
    return;
  }
  g.lineStyle(1.2 / zoom, color ? mixColor(color, 0xffffff, 0.15) : 0x7d8b99, 0.8);
  strokeSegments(g, shape.outline);
}

/** The highlight (accent, thick) and selection (white) outlines. */
export function drawMarks(
  g: G,
  highlight: RegionShape | null,
  selected: RegionShape | null,
  zoom: number,
): void {
  g.clear();
  // Outlines, not fill rings: a clipped outline's rings are triangles whose inner edges would show.
  if (selected) {
    g.lineStyle(2 / zoom, 0xffffff, 0.95);
    strokeSegments(g, selected.outline);
  }
  if (highlight) {
    g.lineStyle(4 / zoom, UI.accent, 1);
    strokeSegments(g, highlight.outline);
    const b = highlight.box;
    const size = Math.max(b.x1 - b.x0, b.y1 - b.y0) * zoom;
    if (size < 80) {
      // A small region (Narva, Suwałki) would hide under its counters: ring it as well.
      g.lineStyle(3 / zoom, UI.accent, 1);
      g.strokeCircle(highlight.center[0], highlight.center[1], Math.max(22, size / 2 + 8) / zoom);
    }
  }
}
