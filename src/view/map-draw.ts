import type Phaser from 'phaser';
import type { Scenario } from '../sim/scenario/schema';
import type { GameState } from '../sim/state';
import { MARGIN, type RegionShape, type TheaterGeo } from './geo';
import { dashSegments, hatchSegments, type Box, type Ring, type Segment } from './geom';
import { ACTOR_STYLE, UI, mixColor } from './palette';

/**
 * Drawing one theater's map, in theater-local pixels. Line widths are given in screen pixels and
 * divided by the camera zoom, so borders stay hairlines at any zoom. The map (sea, land, borders,
 * regions) is drawn with `drawMap` into any `Pen`: a `CanvasPen` paints it once into a cached
 * bitmap (see map-cache.ts); the highlight and selection marks go to a Phaser Graphics.
 */

/** The drawing calls the map needs (Phaser's Graphics has them; so does `CanvasPen`). */
export interface Pen {
  fillStyle(color: number, alpha?: number): unknown;
  lineStyle(lineWidth: number, color: number, alpha?: number): unknown;
  fillRect(x: number, y: number, width: number, height: number): unknown;
  beginPath(): unknown;
  moveTo(x: number, y: number): unknown;
  lineTo(x: number, y: number): unknown;
  closePath(): unknown;
  fillPath(): unknown;
  strokePath(): unknown;
}

function rgba(color: number, alpha: number): string {
  return `rgba(${(color >>> 16) & 0xff},${(color >>> 8) & 0xff},${color & 0xff},${alpha})`;
}

/**
 * A `Pen` over a 2D canvas context (whose transform maps theater pixels to the bitmap). Points of a
 * path closer than `minStep` (theater px) to the last one drawn are merged: a coastline carries far
 * more points than the screen can show.
 */
export class CanvasPen implements Pen {
  private lastX = 0;
  private lastY = 0;
  private pending = false;
  private pendX = 0;
  private pendY = 0;

  constructor(
    private readonly ctx: CanvasRenderingContext2D,
    private readonly minStep: number,
  ) {}

  fillStyle(color: number, alpha = 1): void {
    this.ctx.fillStyle = rgba(color, alpha);
  }

  lineStyle(lineWidth: number, color: number, alpha = 1): void {
    this.ctx.lineWidth = lineWidth;
    this.ctx.strokeStyle = rgba(color, alpha);
  }

  fillRect(x: number, y: number, width: number, height: number): void {
    this.ctx.fillRect(x, y, width, height);
  }

  beginPath(): void {
    this.pending = false;
    this.ctx.beginPath();
  }

  moveTo(x: number, y: number): void {
    this.flush();
    this.ctx.moveTo(x, y);
    this.lastX = x;
    this.lastY = y;
  }

  lineTo(x: number, y: number): void {
    const dx = x - this.lastX;
    const dy = y - this.lastY;
    if (dx * dx + dy * dy < this.minStep * this.minStep) {
      this.pending = true;
      this.pendX = x;
      this.pendY = y;
      return;
    }
    this.pending = false;
    this.ctx.lineTo(x, y);
    this.lastX = x;
    this.lastY = y;
  }

  closePath(): void {
    this.flush();
    this.ctx.closePath();
  }

  fillPath(): void {
    this.flush();
    this.ctx.fill();
  }

  strokePath(): void {
    this.flush();
    this.ctx.stroke();
  }

  /** Draw the last merged point, so a run ends where it should. */
  private flush(): void {
    if (!this.pending) return;
    this.pending = false;
    this.ctx.lineTo(this.pendX, this.pendY);
    this.lastX = this.pendX;
    this.lastY = this.pendY;
  }
}

const SEA_TINT = 0x3a6a8c;
const CONTESTED = 0xff6b6b;
const NEUTRAL_REGION = mixColor(UI.land, 0x8da2b5, 0.14);

function fillRings(g: Pen, rings: readonly Ring[]): void {
  for (const r of rings) {
    if (r.length < 3) continue;
    g.beginPath();
    g.moveTo(r[0]![0], r[0]![1]);
    for (let i = 1; i < r.length; i++) g.lineTo(r[i]![0], r[i]![1]);
    g.closePath();
    g.fillPath();
  }
}

function strokeRings(g: Pen, rings: readonly Ring[]): void {
  for (const r of rings) {
    if (r.length < 2) continue;
    g.beginPath();
    g.moveTo(r[0]![0], r[0]![1]);
    for (let i = 1; i < r.length; i++) g.lineTo(r[i]![0], r[i]![1]);
    g.closePath();
    g.strokePath();
  }
}

function strokeSegments(g: Pen, segs: readonly Segment[]): void {
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

/** The fill colour of a region as its owner holds it (opaque, so sub-regions cover cleanly). */
export function regionFill(kind: string, owner: string | null): number {
  const style = owner ? ACTOR_STYLE[owner as keyof typeof ACTOR_STYLE] : undefined;
  if (kind === 'sea')
    return style ? mixColor(UI.sea, style.color, 0.22) : mixColor(UI.sea, SEA_TINT, 0.18);
  return style ? mixColor(UI.land, style.color, 0.42) : NEUTRAL_REGION;
}

/**
 * The whole map, bottom to top: sea; sea regions; land and country borders; land regions (fills,
 * and hatching for the China–Russia bloc); then every region's border, dashed red when contested.
 * Regions whose box misses `view` (theater px) are skipped.
 */
export function drawMap(
  g: Pen,
  geo: TheaterGeo,
  sc: Scenario,
  state: GameState,
  zoom: number,
  view: Box,
): void {
  g.fillStyle(UI.sea, 1);
  g.fillRect(-MARGIN, -MARGIN, geo.width + 2 * MARGIN, geo.height + 2 * MARGIN);
  const shown = geo.regions.filter((s) => sc.regions[s.id] && state.regions[s.id]);
  const inView = shown.filter((s) => meets(s.box, view));
  const sea = inView.filter((s) => sc.regions[s.id]!.kind === 'sea');
  const land = inView.filter((s) => sc.regions[s.id]!.kind !== 'sea');
  for (const s of sea) drawFill(g, s, sc, state, zoom);
  g.fillStyle(UI.land, 1);
  fillRings(g, geo.land);
  g.lineStyle(0.8 / zoom, UI.border, 0.9);
  for (const c of geo.countries) strokeRings(g, c.rings);
  for (const s of land) drawFill(g, s, sc, state, zoom);
  for (const s of inView) {
    const def = sc.regions[s.id]!;
    const rs = state.regions[s.id]!;
    const color = rs.owner ? ACTOR_STYLE[rs.owner].color : null;
    drawOutline(g, s, def.kind === 'sea', color, rs.contested, zoom);
  }
}

function meets(a: Box, b: Box): boolean {
  return a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;
}

function drawFill(g: Pen, shape: RegionShape, sc: Scenario, state: GameState, zoom: number): void {
  const def = sc.regions[shape.id]!;
  const rs = state.regions[shape.id]!;
  const sea = def.kind === 'sea';
  g.fillStyle(regionFill(def.kind, rs.owner), 1);
  fillRings(g, shape.rings);
  const style = rs.owner ? ACTOR_STYLE[rs.owner] : undefined;
  if (style?.hostile) {
    // Hatch in screen-sized steps so it reads the same at every zoom.
    g.lineStyle(1.1 / zoom, mixColor(UI.land, style.color, 0.85), sea ? 0.45 : 0.6);
    strokeSegments(g, hatchSegments(shape.rings, 7 / zoom, -Math.PI / 4));
  }
}

/** A cheap fingerprint of what `drawMap` draws from the state: each region's owner and contest. */
export function mapSignature(geo: TheaterGeo, state: GameState): string {
  return geo.regions
    .map((s) => {
      const rs = state.regions[s.id];
      return rs ? `${rs.owner ?? '-'}${rs.contested ? '!' : ''}` : '';
    })
    .join(',');
}

function drawOutline(
  g: Pen,
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
  g: Phaser.GameObjects.Graphics,
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
