import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '../../src/cli/scenario-files';
import { loadScenarioText } from '../../src/sim/scenario/load';
import type { Scenario } from '../../src/sim/scenario/schema';
import { computeLayout } from '../../src/view/layout';
import { screenToWorld, scrollToKeep, worldToScreen } from '../../src/view/camera-math';
import { atlasFromTopology, buildTheaterGeo, type TheaterGeo } from '../../src/view/geo';
import {
  dashSegments,
  hatchSegments,
  inRings,
  intersectRings,
  signedArea2,
  triangulate,
  type Ring,
} from '../../src/view/geom';
import { counterGroups } from '../../src/view/map-info';
import { shortName } from '../../src/view/map-labels';

/**
 * The map's geography on the real atlas and the bundled two-front scenario: every region is drawn
 * inside its theater's frame and real places keep their real relative positions. Pure functions
 * only; the Phaser scenes are checked in the browser.
 */

let sc: Scenario;
let eu: TheaterGeo;
let ip: TheaterGeo;

const area = (rings: readonly Ring[]): number =>
  rings.reduce((s, r) => s + Math.abs(signedArea2(r)) / 2, 0);

beforeAll(() => {
  const text = readFileSync(join(SCENARIO_DIR, 'two-front.json'), 'utf8');
  const r = loadScenarioText(text, 'two-front.json');
  if (!r.ok) throw new Error('two-front does not load');
  sc = r.value.scenario;
  const require = createRequire(import.meta.url);
  const atlasPath = require.resolve('world-atlas/countries-50m.json');
  const atlas = atlasFromTopology(JSON.parse(readFileSync(atlasPath, 'utf8')) as Topology);
  eu = buildTheaterGeo(atlas, sc.regions, 'europe');
  ip = buildTheaterGeo(atlas, sc.regions, 'indoPacific');
});

const shape = (id: string) => {
  const s = eu.regions.find((r) => r.id === id) ?? ip.regions.find((r) => r.id === id);
  if (!s) throw new Error(`no shape for ${id}`);
  return s;
};

describe('theater geography', () => {
  it('draws every region of its theater, with a polygon whose centre lies in the frame', () => {
    for (const [id, def] of Object.entries(sc.regions)) {
      const g = def.theater === 'europe' ? eu : ip;
      const s = g.regions.find((r) => r.id === id);
      expect(s, id).toBeDefined();
      expect(s!.rings.length, id).toBeGreaterThan(0);
      expect(area(s!.rings), id).toBeGreaterThan(20);
      const [x, y] = s!.center;
      expect(x, id).toBeGreaterThanOrEqual(0);
      expect(x, id).toBeLessThanOrEqual(g.width);
      expect(y, id).toBeGreaterThanOrEqual(0);
      expect(y, id).toBeLessThanOrEqual(g.height);
    }
  });

  it('puts no region of one theater on the other map', () => {
    expect(eu.regions.every((r) => sc.regions[r.id]?.theater === 'europe')).toBe(true);
    expect(ip.regions.every((r) => sc.regions[r.id]?.theater === 'indoPacific')).toBe(true);
  });

  it('keeps real relative positions', () => {
    // Screen y grows southwards, x eastwards.
    expect(shape('taiwan').center[0]).toBeGreaterThan(shape('taiwan-strait').center[0]);
    expect(shape('estonia').center[1]).toBeLessThan(shape('lithuania').center[1]);
    expect(shape('finland').center[1]).toBeLessThan(shape('estonia').center[1]);
    expect(shape('japan').center[0]).toBeGreaterThan(shape('korean-peninsula').center[0]);
    expect(shape('north-korea').center[1]).toBeLessThan(shape('korean-peninsula').center[1]);
    expect(shape('guam').center[0]).toBeGreaterThan(shape('philippines').center[0]);
  });

  it('draws whole countries from the atlas, large ones clipped to the frame', () => {
    // Taiwan's island is taller than wide; China is clipped, yet still the biggest shape.
    const tw = shape('taiwan').box;
    expect(tw.y1 - tw.y0).toBeGreaterThan(tw.x1 - tw.x0);
    const cn = shape('china-interior');
    expect(area(cn.rings)).toBeGreaterThan(
      Math.max(...ip.regions.filter((r) => r.id !== cn.id).map((r) => area(r.rings))),
    );
    expect(cn.box.x0).toBeGreaterThanOrEqual(-401);
    expect(inRings(cn.label, cn.rings)).toBe(true);
  });

  it('cuts rough land outlines to the coast but keeps island groups whole', () => {
    // Ukraine (held) is drawn on land only: less than its rough outline's area.
    const held = shape('ukraine-held');
    expect(held.rings.every((r) => r.length >= 3)).toBe(true);
    // The Ryukyus are mostly sea: the outline is the region, so a click between islands finds it.
    const ry = shape('ryukyus');
    expect(inRings(ry.center, ry.rings)).toBe(true);
  });

  it('finds Taipei on land and the middle of the Taiwan Strait at sea', () => {
    const taipei = ip.project([121.56, 25.04])!;
    const strait = ip.project([119.5, 24.3])!;
    expect(inRings(taipei, ip.land)).toBe(true);
    expect(inRings(strait, ip.land)).toBe(false);
  });
});

describe('planar helpers', () => {
  const L: Ring = [
    [0, 0],
    [10, 0],
    [10, 4],
    [4, 4],
    [4, 10],
    [0, 10],
  ];

  it('triangulates a concave outline without losing area, in either winding', () => {
    expect(area(triangulate(L))).toBeCloseTo(64);
    expect(area(triangulate([...L].reverse()))).toBeCloseTo(64);
  });

  it('intersects land with a concave outline', () => {
    const land: Ring = [
      [2, 2],
      [15, 2],
      [15, 15],
      [2, 15],
    ];
    // [2,10]×[2,4] plus [2,4]×[4,10].
    expect(area(intersectRings([land], L))).toBeCloseTo(28);
  });

  it('hatches inside the shape only', () => {
    const sq: Ring = [
      [0, 0],
      [20, 0],
      [20, 20],
      [0, 20],
    ];
    const segs = hatchSegments([sq], 5, -Math.PI / 4);
    expect(segs.length).toBeGreaterThan(5);
    for (const [a, b] of segs) {
      const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as const;
      expect(inRings(mid, [sq])).toBe(true);
    }
  });

  it('dashes a line into dash-and-gap pieces', () => {
    const d = dashSegments(
      [
        [
          [0, 0],
          [20, 0],
        ],
      ],
      4,
      1,
    );
    expect(d.map(([a, b]) => [a[0], b[0]])).toEqual([
      [0, 4],
      [5, 9],
      [10, 14],
      [15, 19],
    ]);
  });
});

describe('screen layout and cameras', () => {
  it('puts the log at the right, the band on top and two equal maps below it', () => {
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      const l = computeLayout(w, h, 150);
      expect(l.log.x + l.log.w).toBe(w);
      expect(l.europe.w).toBe(l.indoPacific.w);
      expect(l.europe.x + l.europe.w).toBeLessThanOrEqual(l.indoPacific.x);
      expect(l.indoPacific.x + l.indoPacific.w).toBeLessThanOrEqual(l.log.x);
      expect(l.europe.y).toBeGreaterThanOrEqual(l.band.y + l.band.h);
      expect(l.europe.y + l.europe.h).toBe(h - 150);
    }
  });

  it('converts screen and world points both ways, and zooms about the pointer', () => {
    const cam = { x: 100, y: 50, width: 400, height: 300, scrollX: 30, scrollY: -20, zoom: 1.7 };
    const w = screenToWorld(cam, 222, 111);
    const s = worldToScreen(cam, w.x, w.y);
    expect(s.x).toBeCloseTo(222);
    expect(s.y).toBeCloseTo(111);
    const k = scrollToKeep(cam, 3, w.x, w.y, 222, 111);
    const after = worldToScreen({ ...cam, zoom: 3, ...k }, w.x, w.y);
    expect(after.x).toBeCloseTo(222);
    expect(after.y).toBeCloseTo(111);
  });
});

describe('map labels and counters', () => {
  it('shortens names to what fits on the map', () => {
    expect(shortName('Luzon Strait (Bashi Channel)')).toBe('Luzon Strait');
    expect(shortName('Taiwan')).toBe('Taiwan');
  });

  it('adds up forces per actor, strongest first', () => {
    const f = (id: string, actor: 'china' | 'usa', strength: number) => ({
      id,
      actor,
      region: 'r',
      kind: 'ground' as const,
      strength,
      readiness: 50,
    });
    const g = counterGroups([
      f('a', 'usa', 10),
      f('b', 'china', 30),
      f('c', 'usa', 25),
      f('d', 'china', 0),
    ]);
    expect(g.map((x) => [x.actor, x.strength, x.forces.length])).toEqual([
      ['usa', 35, 2],
      ['china', 30, 1],
    ]);
    expect(g[0]!.forces[0]!.id).toBe('c');
  });
});
