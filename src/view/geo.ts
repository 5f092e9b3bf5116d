import {
  geoArea,
  geoConicConformal,
  geoPath,
  geoStream,
  type GeoProjection,
  type GeoStream,
} from 'd3-geo';
import type { Feature, Geometry, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Theater } from '../sim/ids';
import type { RegionDef } from '../sim/scenario/schema';
import {
  boxHas,
  boxOf,
  centroidOfLargest,
  edgeSteps,
  inRing,
  inRings,
  intersectRings,
  signedArea2,
  type Box,
  type Pt,
  type Ring,
  type Segment,
} from './geom';

/**
 * Real geography for the two theater maps: each theater gets a conformal conic projection fitted
 * to its scenario regions, and every shape is returned as point rings in theater-local pixels, so
 * the scenes only draw. Pure (no Phaser, no fetch): the unit tests run it on the atlas file.
 */

/** Width of a theater map in its own pixels (cameras zoom it to their viewport). */
export const THEATER_WIDTH = 1000;

/** How far past the fitted frame (theater pixels) coastlines are drawn. */
export const MARGIN = 400;

/** Smallest drawn size of a region, in theater pixels. */
const MIN_SIZE = 14;

function areaOf(rings: readonly Ring[]): number {
  return rings.reduce((s, r) => s + Math.abs(signedArea2(r)) / 2, 0);
}

/** The parts of world-atlas the maps use, as GeoJSON. */
export interface Atlas {
  readonly countries: readonly Feature<Geometry, { name?: string }>[];
  readonly land: readonly Feature<Geometry>[];
}

export interface RegionShape {
  readonly id: string;
  /** Filled parts (an island country has many; a rough outline is cut to the land it covers). */
  readonly rings: readonly Ring[];
  /** Border lines, drawn where the region meets land of another region (or the sea, for seas). */
  readonly outline: readonly Segment[];
  readonly center: Pt;
  readonly label: Pt;
  readonly box: Box;
}

export interface TheaterGeo {
  readonly theater: Theater;
  readonly width: number;
  readonly height: number;
  /** Land areas (coastlines), clipped to the map frame. */
  readonly land: readonly Ring[];
  /** Country outlines for the background, clipped to the map frame. */
  readonly countries: readonly { readonly id: string; readonly rings: readonly Ring[] }[];
  /** The theater's scenario regions in drawing order: seas, whole countries, then sub-regions. */
  readonly regions: readonly RegionShape[];
  /** Theater-local pixels of a [lon, lat] point. */
  project(lonLat: readonly [number, number]): Pt | null;
}

/**
 * Turn world-atlas TopoJSON (countries-50m, which also holds `land`) into GeoJSON features.
 *
 * @example
 * const atlas = atlasFromTopology(JSON.parse(await (await fetch(atlasUrl)).text()));
 */
export function atlasFromTopology(topo: Topology): Atlas {
  const countries = topo.objects['countries'] as GeometryCollection<{ name?: string }>;
  const land = topo.objects['land'] as GeometryCollection;
  const cf = feature(topo, countries);
  const lf = feature(topo, land);
  return {
    countries: cf.features as Feature<Geometry, { name?: string }>[],
    land: lf.features as Feature<Geometry>[],
  };
}

/** The lon/lat box a theater map shows: its regions' outlines and centres, with a margin. */
export function theaterExtent(
  regions: Readonly<Record<string, RegionDef>>,
  theater: Theater,
): [[number, number], [number, number]] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const add = ([lon, lat]: readonly number[]): void => {
    w = Math.min(w, lon!);
    e = Math.max(e, lon!);
    s = Math.min(s, lat!);
    n = Math.max(n, lat!);
  };
  for (const r of Object.values(regions)) {
    if (r.theater !== theater) continue;
    // Whole countries count by their centre only: Russia or China would stretch the map to Asia.
    add(r.geo.center);
    for (const p of r.geo.polygon ?? []) add(p);
  }
  const padLon = Math.max(2, (e - w) * 0.08);
  const padLat = Math.max(1.5, (n - s) * 0.08);
  return [
    [w - padLon, s - padLat],
    [e + padLon, n + padLat],
  ];
}

/** A conformal conic with standard parallels at a sixth of the way in from each edge. */
function theaterProjection(ext: [[number, number], [number, number]]): {
  projection: GeoProjection;
  height: number;
} {
  const [[w, s], [e, n]] = ext;
  const dLat = n - s;
  const projection = geoConicConformal()
    .parallels([s + dLat / 6, n - dLat / 6])
    .rotate([-(w + e) / 2, 0])
    .precision(0.2);
  const frame = boxOutline(ext);
  projection.fitWidth(THEATER_WIDTH, frame);
  const b = geoPath(projection).bounds(frame);
  // The lon/lat box is curved under a conic: keep its widest rows, trim the corners' slack.
  const height = Math.round(b[1][1] - b[0][1]);
  const [tx, ty] = projection.translate();
  projection.translate([tx - b[0][0], ty - b[0][1]]);
  // Draw well past the fitted frame, so a panned or zoomed-out map does not end in a hard edge.
  projection.clipExtent([
    [-MARGIN, -MARGIN],
    [THEATER_WIDTH + MARGIN, height + MARGIN],
  ]);
  return { projection, height };
}

function boxOutline([[w, s], [e, n]]: [[number, number], [number, number]]): Feature<Polygon> {
  const ring: Position[] = [];
  const steps = 24;
  for (let i = 0; i <= steps; i++) ring.push([w + ((e - w) * i) / steps, s]);
  for (let i = 0; i <= steps; i++) ring.push([e, s + ((n - s) * i) / steps]);
  for (let i = 0; i <= steps; i++) ring.push([e - ((e - w) * i) / steps, n]);
  for (let i = 0; i <= steps; i++) ring.push([w, n - ((n - s) * i) / steps]);
  return polygonFeature(ring);
}

/** A one-ring polygon wound as d3 expects: reversed if it would enclose the rest of the globe. */
function polygonFeature(ring: Position[]): Feature<Polygon> {
  const f: Feature<Polygon> = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
  if (geoArea(f) > 2 * Math.PI) ring.reverse();
  return f;
}

const NONE: Geometry = { type: 'MultiPolygon', coordinates: [] };

/**
 * The polygons of a shape whose lon/lat box meets the extent (with slack for the conic's curved
 * edges): projecting and clipping the whole world's coastlines would take most of a second.
 */
function nearParts(g: Geometry, [[w, s], [e, n]]: [[number, number], [number, number]]): Geometry {
  const polys =
    g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const slack = 20;
  const near = polys.filter((poly) =>
    (poly[0] ?? []).some(
      ([lon, lat]) =>
        lon! >= w - slack && lon! <= e + slack && lat! >= s - slack && lat! <= n + slack,
    ),
  );
  return near.length === 0 ? NONE : { type: 'MultiPolygon', coordinates: near };
}

/** Theater pixels (1000 across) under which consecutive points merge: a third of a screen pixel at the fitted zoom. */
const SIMPLIFY_PX = 0.75;

/** Project a GeoJSON shape and collect its (clipped) rings in pixels. */
function projectRings(projection: GeoProjection, geom: Geometry | Feature): Ring[] {
  const rings: Pt[][] = [];
  let current: Pt[] | null = null;
  let inPolygon = false;
  const sink: GeoStream = {
    point(x, y) {
      if (!current) return;
      // Natural Earth 1:50m has several points per map pixel; the canvas redraws every path each
      // frame, so points closer than SIMPLIFY_PX to the last kept one are dropped.
      const last = current[current.length - 1];
      if (last && Math.abs(x - last[0]) < SIMPLIFY_PX && Math.abs(y - last[1]) < SIMPLIFY_PX)
        return;
      current.push([x, y]);
    },
    lineStart() {
      current = [];
    },
    lineEnd() {
      if (inPolygon && current && current.length >= 3) rings.push(current);
      current = null;
    },
    polygonStart() {
      inPolygon = true;
    },
    polygonEnd() {
      inPolygon = false;
    },
    sphere() {},
  };
  geoStream(geom, projection.stream(sink));
  return rings;
}

/** A scenario outline as a GeoJSON polygon wound the way d3 expects (clockwise on the sphere). */
function outlineFeature(points: readonly (readonly [number, number])[]): Feature<Polygon> {
  const ring: Position[] = points.map(([x, y]) => [x, y]);
  ring.push([points[0]![0], points[0]![1]]);
  return polygonFeature(ring);
}

/**
 * Build one theater's map: projection, land, country outlines and the scenario regions' shapes.
 *
 * @example
 * const eu = buildTheaterGeo(atlas, scenario.regions, 'europe');
 * eu.regions.find((r) => r.id === 'estonia')?.center; // pixels within eu.width × eu.height
 */
export function buildTheaterGeo(
  atlas: Atlas,
  regions: Readonly<Record<string, RegionDef>>,
  theater: Theater,
): TheaterGeo {
  const ext = theaterExtent(regions, theater);
  const { projection, height } = theaterProjection(ext);
  const land = atlas.land.flatMap((f) => projectRings(projection, nearParts(f.geometry, ext)));
  const countries = atlas.countries
    .filter((f) => nearParts(f.geometry, ext) !== NONE)
    .map((f) => ({
      id: String(f.id ?? ''),
      rings: projectRings(projection, nearParts(f.geometry, ext)),
    }))
    .filter((c) => c.rings.length > 0);
  const byIso = new Map(atlas.countries.map((f) => [String(f.id ?? ''), f]));
  const landBoxes = land.map((r) => boxOf([r]));
  const onLand = (p: Pt): boolean => land.some((r, i) => boxHas(landBoxes[i]!, p) && inRing(p, r));
  const project = (ll: readonly [number, number]): Pt | null => {
    const p = projection([ll[0], ll[1]]);
    return p ? [p[0], p[1]] : null;
  };

  const ids = Object.keys(regions).filter((id) => regions[id]!.theater === theater);
  // Seas first (land covers their rough edges), whole countries, then sub-regions on top of them.
  const rank = (r: RegionDef): number => (r.kind === 'sea' ? 0 : r.geo.polygon ? 2 : 1);
  ids.sort((a, b) => rank(regions[a]!) - rank(regions[b]!));

  const shapes: RegionShape[] = [];
  for (const id of ids) {
    const def = regions[id]!;
    const center = project(def.geo.center) ?? [THEATER_WIDTH / 2, height / 2];
    let rings: Ring[] = [];
    let outline: Segment[] = [];
    const iso = def.geo.iso ? byIso.get(def.geo.iso) : undefined;
    if (def.geo.polygon) {
      const poly = projectRings(projection, outlineFeature(def.geo.polygon));
      if (def.kind === 'sea') {
        rings = poly;
        outline = poly.flatMap((r) => edgeSteps(r, 4, (p) => !onLand(p)));
      } else {
        // A rough outline drawn over the coast: keep only the land it covers.
        const cut = poly.flatMap((r) => intersectRings(land, r));
        // Island groups (Ryukyus, Penghu, Guam) are mostly sea: their outline is the region.
        if (areaOf(cut) < 0.35 * areaOf(poly)) {
          rings = poly;
          outline = poly.flatMap((r) => r.map((p, i): Segment => [p, r[(i + 1) % r.length]!]));
        } else {
          rings = cut;
          outline = poly.flatMap((r) => edgeSteps(r, 4, onLand));
        }
      }
    } else if (iso) {
      rings = projectRings(projection, nearParts(iso.geometry, ext));
      outline = rings.flatMap((r) => r.map((p, i): Segment => [p, r[(i + 1) % r.length]!]));
    }
    const b = boxOf(rings);
    if (rings.length === 0 || Math.max(b.x1 - b.x0, b.y1 - b.y0) < MIN_SIZE) {
      // Too small to see or point at (Kinmen, Penghu): a diamond keeps it visible and clickable.
      const [x, y] = center;
      const h = MIN_SIZE / 2;
      rings = [
        [
          [x, y - h],
          [x + h, y],
          [x, y + h],
          [x - h, y],
        ],
      ];
      outline = rings.flatMap((r) => r.map((p, i): Segment => [p, r[(i + 1) % r.length]!]));
    }
    const inside = rings.some((r) => r.length >= 3) && inRings(center, rings);
    const label = inside || def.geo.polygon ? center : (centroidOfLargest(rings) ?? center);
    shapes.push({ id, rings, outline, center, label, box: boxOf(rings) });
  }
  return { theater, width: THEATER_WIDTH, height, land, countries, regions: shapes, project };
}
