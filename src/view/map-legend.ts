import type Phaser from 'phaser';
import { PLAYABLE_ACTORS, type ActorId } from '../sim/ids';
import type { Rect } from './layout';
import {
  arrow,
  burst,
  circlePoints,
  SIDE_COLOR,
  STORY_COLOR,
  strokeSegs,
  swords,
} from './map-story-draw';
import { dashSegments, type Pt, type Segment } from './geom';
import { symbolKey, type UnitType } from './map-symbols';
import { SYMBOL_RES, textureKey } from './map-symbol-textures';
import { ACTOR_STYLE, FONT, UI, mixColor } from './palette';

/**
 * The map's legend: the unit symbols, the story markers and the control colours, drawn the way
 * the maps draw them. It sits over the top-left of the map whose ☰ button was pressed, below its
 * buttons, and does not zoom; the button hides it again.
 */

const W = 300;
const ROW = 17;
const PAD = 8;
const RES = Math.max(1, Math.min(2, globalThis.devicePixelRatio || 1));

const UNITS: readonly [UnitType, string][] = [
  ['infantry', 'infantry'],
  ['armour', 'armour'],
  ['air', 'air'],
  ['naval', 'naval'],
  ['missile', 'missiles'],
  ['coastguard', 'coast guard'],
];

type Sample = (g: Phaser.GameObjects.Graphics, c: Pt) => void;

const bright = (c: number): number => mixColor(c, 0xffffff, 0.25);
const CN = SIDE_COLOR.hostile;
const RU = SIDE_COLOR.hostile;
const US = SIDE_COLOR.friend;
const HELD = bright(ACTOR_STYLE.russia.color);

function ring(dashed: boolean): Sample {
  return (g, c) => {
    const segs = circlePoints(c, 6);
    g.lineStyle(2.5, CN, 1);
    strokeSegs(g, dashed ? dashSegments(segs, 3, 2.5) : segs);
  };
}

function box(color: number, dashed: boolean): Sample {
  return (g, c) => {
    const [x, y] = c;
    const segs: Segment[] = [
      [
        [x - 9, y - 6],
        [x + 9, y - 6],
      ],
      [
        [x + 9, y - 6],
        [x + 9, y + 6],
      ],
      [
        [x + 9, y + 6],
        [x - 9, y + 6],
      ],
      [
        [x - 9, y + 6],
        [x - 9, y - 6],
      ],
    ];
    g.lineStyle(dashed ? 2.2 : 3, color, 1);
    strokeSegs(g, dashed ? dashSegments(segs, 5, 3) : segs);
  };
}

const MARKERS: readonly [string, Sample][] = [
  ['blockade', ring(false)],
  ['quarantine', ring(true)],
  ['missile strikes', (g, c) => burst(g, c, 8, 1)],
  ['battle', (g, c) => swords(g, c, 5.5, 1)],
  [
    'landing, incursion',
    (g, c) => arrow(g, [c[0] - 11, c[1] + 3], [c[0] + 11, c[1] - 3], RU, 1, 3, 0, null),
  ],
  ['axis of attack', (g, c) => arrow(g, [c[0] - 11, c[1]], [c[0] + 11, c[1]], RU, 1, 2, 0, null)],
  ['taken (holder’s colour)', box(HELD, false)],
  ['contested', box(STORY_COLOR.clash, true)],
  [
    'en route, → T6: arrives turn 6',
    (g, c) => arrow(g, [c[0] - 11, c[1]], [c[0] + 11, c[1]], US, 0.9, 1.6, 0, 5),
  ],
];

/**
 * The legend in words, section by section, as the canvas draws it: the DOM's version for screen
 * readers and keyboard users (src/app/map-legend-dom.ts) reads the same names.
 */
export function legendSections(): { title: string; items: string[] }[] {
  const actors: ActorId[] = [...PLAYABLE_ACTORS, 'north-korea'];
  return [
    {
      title: 'Units, as the side you play sees them',
      items: [
        'Frame: a rectangle for a friend, a diamond for a hostile, a square for a neutral',
        `Symbols: ${UNITS.map(([, name]) => name).join(', ')}`,
        'Counter: symbol, actor, strength; a badge counts a stack',
      ],
    },
    {
      title: 'Markers (red: hostile, blue: friend; fading)',
      items: [
        'blockade: a solid ring',
        'quarantine: a dashed ring',
        'missile strikes: a burst',
        'battle: crossed swords',
        'landing, incursion: a bold arrow',
        'axis of attack: a thin arrow',
        'taken: a solid box in the holder’s colour',
        'contested: a dashed box',
        'en route: a dashed arrow; → T6 means it arrives on turn 6',
      ],
    },
    {
      title: 'Held by (hatched: the China–Russia bloc)',
      items: actors.map((a) => `${ACTOR_STYLE[a].code}: ${ACTOR_NAME[a] ?? a}`),
    },
  ];
}

/** Who each code on the maps stands for. */
const ACTOR_NAME: Partial<Record<ActorId, string>> = {
  china: 'China',
  russia: 'Russia',
  usa: 'United States',
  'nato-europe': 'European NATO',
  taiwan: 'Taiwan',
  japan: 'Japan',
  ukraine: 'Ukraine',
  'north-korea': 'North Korea',
};

export class MapLegend {
  readonly root: Phaser.GameObjects.Container;
  private built = false;
  private h = 0;

  constructor(private readonly scene: Phaser.Scene) {
    this.root = scene.add.container(0, 0).setVisible(false);
  }

  get shown(): boolean {
    return this.root.visible;
  }

  /** Show it over the top-left of `map`, below the title bar and the buttons, or hide it. */
  show(on: boolean, map: Rect): void {
    if (on && !this.built) this.build();
    this.root.setVisible(on);
    if (on) this.root.setPosition(map.x + 6, map.y + 58);
  }

  /** Where the legend is on the canvas (CSS px), while it is shown. */
  rect(): Rect | null {
    const r = this.root;
    return r.visible ? { x: r.x, y: r.y, w: W, h: this.h } : null;
  }

  /** Whether a canvas point is on the legend while it is shown. */
  contains(x: number, y: number): boolean {
    const r = this.root;
    return r.visible && x >= r.x && x < r.x + W && y >= r.y && y < r.y + this.h;
  }

  private text(x: number, y: number, s: string, bold = false): Phaser.GameObjects.Text {
    const t = this.scene.add
      .text(x, y, s, {
        fontFamily: FONT.sans,
        fontSize: bold ? '11px' : '10px',
        fontStyle: bold ? 'bold' : 'normal',
        color: bold ? UI.text : UI.muted,
        resolution: RES,
      })
      .setOrigin(0, 0.5);
    this.root.add(t);
    return t;
  }

  private icon(x: number, y: number, name: string): void {
    this.root.add(this.scene.add.image(x, y, textureKey(name)).setScale(1 / SYMBOL_RES));
  }

  private build(): void {
    this.built = true;
    const bg = this.scene.add.graphics();
    const g = this.scene.add.graphics();
    this.root.add([bg, g]);
    let y = PAD + 6;
    this.text(PAD, y, 'Legend', true);
    y += ROW;
    this.text(PAD, y, 'Units, as the side you play sees them', true);
    y += ROW;
    const affs = ['friend', 'hostile', 'neutral'] as const;
    affs.forEach((a, i) => {
      this.icon(PAD + 10 + i * 92, y, symbolKey(a, 'infantry'));
      this.text(PAD + 24 + i * 92, y, a);
    });
    y += ROW + 2;
    UNITS.forEach(([type, name], i) => {
      const col = i % 3;
      if (i > 0 && col === 0) y += ROW + 2;
      this.icon(PAD + 10 + col * 92, y, symbolKey('friend', type));
      this.text(PAD + 24 + col * 92, y, name);
    });
    y += ROW + 2;
    this.text(PAD, y, 'Counter: symbol, actor, strength; a badge counts a stack');
    y += ROW + 4;
    this.text(PAD, y, 'Markers (red: hostile, blue: friend; fading)', true);
    y += ROW;
    MARKERS.forEach(([name, draw], i) => {
      const col = i % 2;
      if (i > 0 && col === 0) y += ROW + 2;
      draw(g, [PAD + 12 + col * 140, y]);
      this.text(PAD + 28 + col * 140, y, name);
    });
    y += ROW + 4;
    this.text(PAD, y, 'Held by (hatched: the China–Russia bloc)', true);
    y += ROW;
    const actors: ActorId[] = [...PLAYABLE_ACTORS, 'north-korea'];
    actors.forEach((a, i) => {
      const col = i % 4;
      if (i > 0 && col === 0) y += ROW;
      const x = PAD + col * 68;
      const s = ACTOR_STYLE[a];
      g.fillStyle(mixColor(UI.land, s.color, 0.42), 1);
      g.fillRect(x, y - 6, 16, 12);
      g.lineStyle(1, mixColor(s.color, 0xffffff, 0.15), 1);
      g.strokeRect(x + 0.5, y - 5.5, 15, 11);
      if (s.hostile) {
        g.lineStyle(1, mixColor(UI.land, s.color, 0.85), 0.8);
        for (const k of [0, 5, 10]) g.lineBetween(x + k, y + 6, x + k + 6, y - 6);
      }
      this.text(x + 20, y, s.code);
    });
    y += ROW;
    this.h = y + PAD - 6;
    bg.fillStyle(0x0b1016, 0.93);
    bg.fillRoundedRect(0, 0, W, this.h, 5);
    bg.lineStyle(1, UI.border, 1);
    bg.strokeRoundedRect(0.5, 0.5, W - 1, this.h - 1, 5);
  }
}
