/**
 * Planar helpers for the map, in theater-local pixels: point-in-polygon, clipping a shape to a
 * convex polygon, splitting a small polygon into triangles, hatch and dash lines. Pure functions
 * (no Phaser), so they run in unit tests.
 */

export type Pt = readonly [number, number];
export type Ring = readonly Pt[];
export type Segment = readonly [Pt, Pt];

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Bounding box of rings (an empty box far away when there are none). */
export function boxOf(rings: readonly Ring[]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rings)
    for (const [x, y] of r) {
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
  return { x0, y0, x1, y1 };
}

export function boxHas(b: Box, p: Pt, pad = 0): boolean {
  return p[0] >= b.x0 - pad && p[0] <= b.x1 + pad && p[1] >= b.y0 - pad && p[1] <= b.y1 + pad;
}

/** Even-odd point-in-polygon test over one ring. */
export function inRing(p: Pt, ring: Ring): boolean {
  const [x, y] = p;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside;
}

/** Inside any of the rings (each ring a separate part, as islands are). */
export function inRings(p: Pt, rings: readonly Ring[]): boolean {
  return rings.some((r) => inRing(p, r));
}

/** Twice the signed area (positive: clockwise on a y-down screen). */
export function signedArea2(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  return a;
}

/** Area-weighted centre of the largest ring: where a label of a multi-part shape belongs. */
export function centroidOfLargest(rings: readonly Ring[]): Pt | null {
  let best: Ring | null = null;
  let bestArea = 0;
  for (const r of rings) {
    const a = Math.abs(signedArea2(r));
    if (a > bestArea) {
      bestArea = a;
      best = r;
    }
  }
  if (!best) return null;
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const p = best[j]!;
    const q = best[i]!;
    const f = p[0] * q[1] - q[0] * p[1];
    cx += (p[0] + q[0]) * f;
    cy += (p[1] + q[1]) * f;
    a += f;
  }
  return a === 0 ? (best[0] ?? null) : [cx / (3 * a), cy / (3 * a)];
}

/**
 * Split a simple polygon into triangles by ear clipping. Scenario outlines have a dozen points, so
 * the quadratic walk is cheap; it lets a concave outline be clipped as a set of convex pieces.
 */
export function triangulate(ring: Ring): Pt[][] {
  const pts = [...ring];
  if (pts.length > 3 && samePt(pts[0]!, pts[pts.length - 1]!)) pts.pop();
  if (signedArea2(pts) < 0) pts.reverse();
  const out: Pt[][] = [];
  let guard = pts.length * pts.length;
  while (pts.length > 3 && guard-- > 0) {
    let clipped = false;
    for (let i = 0; i < pts.length; i++) {
      const a = pts[(i + pts.length - 1) % pts.length]!;
      const b = pts[i]!;
      const c = pts[(i + 1) % pts.length]!;
      if (cross(a, b, c) <= 0) continue; // reflex corner (clockwise orientation on y-down)
      const tri: Ring = [a, b, c];
      if (pts.some((p) => p !== a && p !== b && p !== c && inRing(p, tri))) continue;
      out.push([a, b, c]);
      pts.splice(i, 1);
      clipped = true;
      break;
    }
    if (!clipped) break; // degenerate outline: keep what was split so far
  }
  if (pts.length === 3) out.push(pts);
  return out;
}

function samePt(a: Pt, b: Pt): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function cross(a: Pt, b: Pt, c: Pt): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/**
 * Clip a ring (convex or not) to a convex polygon (Sutherland–Hodgman). A concave subject may come
 * out with zero-width bridges, which do not show when filled.
 */
export function clipToConvex(subject: Ring, convex: Ring): Pt[] {
  const clip = signedArea2(convex) >= 0 ? convex : [...convex].reverse();
  let out: Pt[] = [...subject];
  for (let i = 0; i < clip.length && out.length > 0; i++) {
    const a = clip[i]!;
    const b = clip[(i + 1) % clip.length]!;
    const input = out;
    out = [];
    for (let k = 0; k < input.length; k++) {
      const p = input[k]!;
      const q = input[(k + 1) % input.length]!;
      const pIn = cross(a, b, p) >= 0;
      const qIn = cross(a, b, q) >= 0;
      if (pIn) out.push(p);
      if (pIn !== qIn) out.push(intersect(p, q, a, b));
    }
  }
  return out;
}

function intersect(p: Pt, q: Pt, a: Pt, b: Pt): Pt {
  const d1 = cross(a, b, p);
  const d2 = cross(a, b, q);
  const t = d1 / (d1 - d2);
  return [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
}

/**
 * The part of `shape` (land, as rings) inside the polygon `outline`: the outline is cut into
 * triangles and each land ring is clipped to each triangle. Rough scenario outlines drawn over the
 * sea thus only colour the land they cover.
 */
export function intersectRings(shape: readonly Ring[], outline: Ring): Pt[][] {
  const box = boxOf([outline]);
  const near = shape.filter((r) => {
    const b = boxOf([r]);
    return !(b.x1 < box.x0 || b.x0 > box.x1 || b.y1 < box.y0 || b.y0 > box.y1);
  });
  const out: Pt[][] = [];
  for (const tri of triangulate(outline)) {
    for (const r of near) {
      const piece = clipToConvex(r, tri);
      if (piece.length >= 3 && Math.abs(signedArea2(piece)) > 0.5) out.push(piece);
    }
  }
  return out;
}

/**
 * Parallel lines at `angle` (radians) every `spacing` px, cut to the inside of each ring: the
 * hatch that marks the China–Russia bloc's holdings without relying on colour.
 */
export function hatchSegments(rings: readonly Ring[], spacing: number, angle: number): Segment[] {
  const out: Segment[] = [];
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Work in a frame rotated so hatch lines are horizontal: v = -x sin + y cos is constant.
  for (const ring of rings) {
    if (ring.length < 3) continue;
    let vMin = Infinity;
    let vMax = -Infinity;
    for (const [x, y] of ring) {
      const v = -x * sin + y * cos;
      vMin = Math.min(vMin, v);
      vMax = Math.max(vMax, v);
    }
    for (let v = Math.ceil(vMin / spacing) * spacing; v <= vMax; v += spacing) {
      const us: number[] = [];
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [ax, ay] = ring[i]!;
        const [bx, by] = ring[j]!;
        const va = -ax * sin + ay * cos;
        const vb = -bx * sin + by * cos;
        if (va > v !== vb > v) {
          const t = (v - va) / (vb - va);
          const x = ax + (bx - ax) * t;
          const y = ay + (by - ay) * t;
          us.push(x * cos + y * sin);
        }
      }
      us.sort((a, b) => a - b);
      for (let k = 0; k + 1 < us.length; k += 2) {
        const u0 = us[k]!;
        const u1 = us[k + 1]!;
        out.push([
          [u0 * cos - v * sin, u0 * sin + v * cos],
          [u1 * cos - v * sin, u1 * sin + v * cos],
        ]);
      }
    }
  }
  return out;
}

/**
 * The edges of `ring` cut into steps of about `step` px, keeping those whose midpoint passes
 * `keep`: a rough outline's border drawn only where it crosses land (or only over the sea).
 */
export function edgeSteps(ring: Ring, step: number, keep: (p: Pt) => boolean): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const n = Math.max(1, Math.ceil(len / step));
    for (let k = 0; k < n; k++) {
      const p: Pt = [a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n];
      const q: Pt = [a[0] + ((b[0] - a[0]) * (k + 1)) / n, a[1] + ((b[1] - a[1]) * (k + 1)) / n];
      if (keep([(p[0] + q[0]) / 2, (p[1] + q[1]) / 2])) out.push([p, q]);
    }
  }
  return out;
}

/** Segments of a closed ring as dashes `dash` px long with `gap` px between them. */
export function dashRing(ring: Ring, dash: number, gap: number): Segment[] {
  const segs: Segment[] = [];
  for (let i = 0; i < ring.length; i++) segs.push([ring[i]!, ring[(i + 1) % ring.length]!]);
  return dashSegments(segs, dash, gap);
}

/** Dashes along a chain of segments; the pattern carries over from one segment to the next. */
export function dashSegments(segs: readonly Segment[], dash: number, gap: number): Segment[] {
  const out: Segment[] = [];
  const period = dash + gap;
  let phase = 0;
  for (const [a, b] of segs) {
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) continue;
    let t = 0;
    while (t < len) {
      const inDash = phase < dash;
      const run = Math.min(len - t, inDash ? dash - phase : period - phase);
      if (inDash) {
        const t1 = t + run;
        out.push([
          [a[0] + ((b[0] - a[0]) * t) / len, a[1] + ((b[1] - a[1]) * t) / len],
          [a[0] + ((b[0] - a[0]) * t1) / len, a[1] + ((b[1] - a[1]) * t1) / len],
        ]);
      }
      t += run;
      phase = (phase + run) % period;
    }
  }
  return out;
}
