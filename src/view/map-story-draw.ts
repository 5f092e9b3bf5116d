import type Phaser from 'phaser';
import type { ActorId } from '../sim/ids';
import type { Viewpoint } from './contract';
import type { RegionShape, TheaterGeo } from './geo';
import { dashSegments, type Pt, type Segment } from './geom';
import type { StoryMarker } from './map-story';
import { affiliation, type Affiliation } from './map-symbols';
import { ACTOR_STYLE, mixColor } from './palette';

/**
 * Drawing the story markers (see map-story.ts) into one theater's Graphics, in theater pixels.
 * Sizes are in screen pixels divided by the zoom, so a marker reads the same at every zoom. The
 * caller places the returned text labels (ETAs), which Graphics cannot draw.
 */

/** Colours of the marks that are not an actor's. */
export const STORY_COLOR = {
  strike: 0xffc233,
  strikeEdge: 0x3a1c00,
  clash: 0xff6b6b,
  halo: 0x0b0f14,
} as const;

/** A text label the caller draws: where (theater px), what, and how opaque. */
export interface StoryText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly alpha: number;
  readonly color: string;
}

/** Arrows, rings and routes in the symbols' colours: friends blue, hostiles red (APP-6). */
export const SIDE_COLOR: Record<Affiliation, number> = {
  friend: 0x4fc3ff,
  hostile: 0xff5a5a,
  neutral: 0x7fe07f,
};

function colorOf(actor: ActorId | null): number {
  return actor ? ACTOR_STYLE[actor].color : 0xcfd8e0;
}

function sideColor(actor: ActorId | null, viewpoint: Viewpoint): number {
  return actor ? SIDE_COLOR[affiliation(actor, viewpoint)] : 0xcfd8e0;
}

/** Shortest arrow on screen, in CSS px: a shorter one is lengthened backwards from its head. */
const MIN_ARROW = 64;

/** Lighten an actor's colour a little, so it shows on land tinted by the same actor. */
function bright(color: number): number {
  return mixColor(color, 0xffffff, 0.25);
}

export function strokeSegs(g: Phaser.GameObjects.Graphics, segs: readonly Segment[]): void {
  g.beginPath();
  for (const [a, b] of segs) {
    g.moveTo(a[0], a[1]);
    g.lineTo(b[0], b[1]);
  }
  g.strokePath();
}

export function circlePoints(c: Pt, r: number, n = 48): Segment[] {
  const segs: Segment[] = [];
  for (let i = 0; i < n; i++) {
    const a0 = (i / n) * Math.PI * 2;
    const a1 = ((i + 1) / n) * Math.PI * 2;
    segs.push([
      [c[0] + r * Math.cos(a0), c[1] + r * Math.sin(a0)],
      [c[0] + r * Math.cos(a1), c[1] + r * Math.sin(a1)],
    ]);
  }
  return segs;
}

/**
 * An arrow from `a` to `b` (stopping `pull` short of it), its shaft `w` wide, drawn over a dark
 * halo so it reads on any fill; dashed when `dash` is given.
 */
export function arrow(
  g: Phaser.GameObjects.Graphics,
  a: Pt,
  b: Pt,
  color: number,
  alpha: number,
  w: number,
  pull: number,
  dash: number | null,
): Pt {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len < 1e-6) return b;
  const ux = dx / len;
  const uy = dy / len;
  const headLen = w * 3.2;
  const tip: Pt = [b[0] - ux * Math.min(pull, len * 0.4), b[1] - uy * Math.min(pull, len * 0.4)];
  const neck: Pt = [tip[0] - ux * headLen, tip[1] - uy * headLen];
  const shaft: Segment[] = dash ? dashSegments([[a, neck]], dash, dash * 0.7) : [[a, neck]];
  const px = -uy * w * 1.6;
  const py = ux * w * 1.6;
  for (const [lw, c, al] of [
    [w + w * 0.9, STORY_COLOR.halo, alpha * 0.55],
    [w, color, alpha],
  ] as const) {
    g.lineStyle(lw, c, al);
    strokeSegs(g, shaft);
  }
  g.fillStyle(STORY_COLOR.halo, alpha * 0.55);
  g.fillTriangle(
    tip[0] + ux * w * 0.6,
    tip[1] + uy * w * 0.6,
    neck[0] + px * 1.25,
    neck[1] + py * 1.25,
    neck[0] - px * 1.25,
    neck[1] - py * 1.25,
  );
  g.fillStyle(color, alpha);
  g.fillTriangle(tip[0], tip[1], neck[0] + px, neck[1] + py, neck[0] - px, neck[1] - py);
  return tip;
}

export function burst(g: Phaser.GameObjects.Graphics, c: Pt, r: number, alpha: number): void {
  const path = (): void => {
    g.beginPath();
    for (let i = 0; i < 16; i++) {
      const rr = i % 2 === 0 ? r : r * 0.45;
      const a = (i / 16) * Math.PI * 2 - Math.PI / 2;
      const x = c[0] + rr * Math.cos(a);
      const y = c[1] + rr * Math.sin(a);
      if (i === 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    }
    g.closePath();
  };
  g.fillStyle(STORY_COLOR.strike, alpha * 0.9);
  path();
  g.fillPath();
  g.lineStyle(r * 0.14, STORY_COLOR.strikeEdge, alpha);
  path();
  g.strokePath();
}

export function swords(g: Phaser.GameObjects.Graphics, c: Pt, r: number, alpha: number): void {
  const lines: Segment[] = [
    [
      [c[0] - r, c[1] - r],
      [c[0] + r, c[1] + r],
    ],
    [
      [c[0] + r, c[1] - r],
      [c[0] - r, c[1] + r],
    ],
    // The hilts' cross-guards.
    [
      [c[0] + r * 0.35, c[1] + r * 0.85],
      [c[0] + r * 0.85, c[1] + r * 0.35],
    ],
    [
      [c[0] - r * 0.35, c[1] + r * 0.85],
      [c[0] - r * 0.85, c[1] + r * 0.35],
    ],
  ];
  g.lineStyle(r * 0.55, STORY_COLOR.halo, alpha * 0.6);
  strokeSegs(g, lines);
  g.lineStyle(r * 0.24, STORY_COLOR.clash, alpha);
  strokeSegs(g, lines);
}

/**
 * Draw the markers of one theater. `from: null` routes start at the map's edge on the side they
 * come from (the Atlantic for Europe, the Pacific for the Indo-Pacific). Returns the ETA labels.
 */
export function drawStory(
  g: Phaser.GameObjects.Graphics,
  markers: readonly StoryMarker[],
  geo: TheaterGeo,
  zoom: number,
  viewpoint: Viewpoint,
): StoryText[] {
  g.clear();
  const texts: StoryText[] = [];
  const shapes = new Map<string, RegionShape>(geo.regions.map((r) => [r.id, r]));
  const px = (n: number): number => n / zoom;
  const edgeX = geo.theater === 'europe' ? 0 : geo.width;
  const mine = markers.filter((m) => m.theater === geo.theater && shapes.has(m.region));

  // Bottom to top: regions held, routes, arrows, rings, battles and strikes.
  for (const m of mine) {
    if (m.kind !== 'control') continue;
    const s = shapes.get(m.region)!;
    g.lineStyle(px(3), bright(colorOf(m.actor)), m.alpha);
    strokeSegs(g, s.outline);
  }

  // One route per destination and actor: the earliest arrival, and how many are on the way.
  const routes = new Map<string, { m: StoryMarker; n: number; eta: number }>();
  for (const m of mine) {
    if (m.kind !== 'transit') continue;
    const key = `${m.region}|${m.actor}|${m.from ?? ''}`;
    const r = routes.get(key);
    const eta = m.eta ?? m.turn;
    if (r) routes.set(key, { m: r.m, n: r.n + 1, eta: Math.min(r.eta, eta) });
    else routes.set(key, { m, n: 1, eta });
  }
  for (const { m, n, eta } of routes.values()) {
    const to = shapes.get(m.region)!.center;
    const from = m.from ? shapes.get(m.from)?.center : undefined;
    const a: Pt = from ?? [edgeX, to[1]];
    const color = sideColor(m.actor, viewpoint);
    arrow(g, a, to, color, m.alpha * 0.85, px(1.6), px(10), px(6));
    const t = 0.22;
    const code = m.actor ? ACTOR_STYLE[m.actor].code : '';
    texts.push({
      x: a[0] + (to[0] - a[0]) * t,
      y: a[1] + (to[1] - a[1]) * t,
      text: `${code}${n > 1 ? ` ×${n}` : ''} → T${eta}`,
      alpha: m.alpha,
      color: `#${color.toString(16).padStart(6, '0')}`,
    });
  }

  for (const m of mine) {
    if (m.kind !== 'advance' && m.kind !== 'incursion' && m.kind !== 'landing') continue;
    const tail = m.from ? shapes.get(m.from)?.center : undefined;
    if (!tail) continue;
    const to = shapes.get(m.region)!.center;
    const len = Math.hypot(to[0] - tail[0], to[1] - tail[1]);
    // Neighbours' centres can be close at the fitted zoom: keep the arrow long enough to read.
    const k = len > 0 && len < px(MIN_ARROW) ? px(MIN_ARROW) / len : 1;
    const from: Pt = [to[0] - (to[0] - tail[0]) * k, to[1] - (to[1] - tail[1]) * k];
    const w = m.kind === 'advance' ? 2.6 : 4;
    arrow(g, from, to, sideColor(m.actor, viewpoint), m.alpha, px(w), px(6), null);
  }

  for (const m of mine) {
    if (m.kind !== 'blockade' && m.kind !== 'quarantine') continue;
    const s = shapes.get(m.region)!;
    const half = Math.max(s.box.x1 - s.box.x0, s.box.y1 - s.box.y0) / 2;
    const r = Math.max(half * 1.2, px(22));
    const color = sideColor(m.actor, viewpoint);
    const ring = circlePoints(s.center, r);
    g.lineStyle(px(5.5), STORY_COLOR.halo, 0.5 * m.alpha);
    strokeSegs(g, ring);
    g.lineStyle(px(3), color, m.alpha);
    if (m.kind === 'quarantine') strokeSegs(g, dashSegments(ring, px(8), px(6)));
    else {
      strokeSegs(g, ring);
      // Outward ticks: a ring that closes, not a region's border.
      const ticks: Segment[] = [];
      for (let i = 0; i < 16; i++) {
        const a = (i / 16) * Math.PI * 2;
        const c = Math.cos(a);
        const sn = Math.sin(a);
        ticks.push([
          [s.center[0] + r * c, s.center[1] + r * sn],
          [s.center[0] + (r + px(6)) * c, s.center[1] + (r + px(6)) * sn],
        ]);
      }
      g.lineStyle(px(2), color, m.alpha);
      strokeSegs(g, ticks);
    }
  }

  // Several battles or strikes in one region: one mark per turn (the last three), fanned out,
  // the newest nearest the region and on top.
  const count = new Map<string, number>();
  const placed: { m: StoryMarker; c: Pt }[] = [];
  const marks = mine
    .filter((m) => m.kind === 'clash' || m.kind === 'strike')
    .sort((a, b) => b.turn - a.turn);
  for (const m of marks) {
    const s = shapes.get(m.region)!;
    const key = `${m.kind}|${m.region}`;
    const i = count.get(key) ?? 0;
    count.set(key, i + 1);
    if (i > 2) continue;
    const side = m.kind === 'strike' ? 1 : -1;
    placed.push({ m, c: [s.center[0] + side * px(20 + i * 9), s.center[1] - px(16 + i * 5)] });
  }
  for (const { m, c } of placed.reverse()) {
    if (m.kind === 'strike') burst(g, c, px(11), m.alpha);
    else swords(g, c, px(7.5), m.alpha);
  }
  return texts;
}
