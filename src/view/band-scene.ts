import Phaser from 'phaser';
import { ESCALATION_LADDER } from '../sim/ids';
import type { Tracks } from '../sim/state';
import type { ViewFrame } from './contract';
import type { Rect } from './layout';
import { FONT, UI } from './palette';

/**
 * The strategic band across the top of the maps: both escalation ladders, the US split between
 * theaters, and the alliance and risk tracks, each a labelled gauge with its number and its change
 * since the previous turn (colour is never the only cue).
 */

type GaugeKind = 'ladder' | 'split' | 'bar' | 'dual';

interface GaugeDef {
  readonly key: string;
  readonly label: string;
  /**
   * Shorter names for narrow cells, longest first: a cell shows the longest name that leaves its
   * value room, never a name cut short (the full one is in the hover tooltip and the help).
   */
  readonly short: readonly string[];
  readonly kind: GaugeKind;
  /** Bars: whether a high value is bad for the West (coloured warm) or good (coloured cool). */
  readonly warm?: boolean;
  /** Column and row in the band's grid; `minWidth` hides the gauge on narrow screens. */
  readonly col: number;
  readonly row: number;
  readonly minWidth?: number;
  read(t: Tracks): number;
  /** Dual gauges: the Indo-Pacific value (`read` gives Europe's). */
  read2?(t: Tracks): number;
}

/**
 * Under this band width (CSS px) the grid has four columns and Taiwan supply is left out. The band
 * is 684 px wide on a 1024 px screen, so every gauge shows from 1024 px up; a name that does not
 * fit its cell beside its value gives way to a shorter one (`GaugeDef.short`), never an ellipsis.
 */
const NARROW_BAND = 560;

const GAUGES: readonly GaugeDef[] = [
  {
    key: 'escEu',
    label: 'Escalation · Europe',
    short: ['Europe rung', 'EU rung'],
    kind: 'ladder',
    col: 0,
    row: 0,
    read: (t) => t.escalation.europe,
  },
  {
    key: 'escIp',
    label: 'Escalation · Indo-Pacific',
    short: ['Indo-Pacific rung', 'Indo-Pac. rung', 'IP rung'],
    kind: 'ladder',
    col: 0,
    row: 1,
    read: (t) => t.escalation.indoPacific,
  },
  {
    key: 'usPac',
    label: 'US forces',
    short: [],
    kind: 'split',
    col: 1,
    row: 0,
    read: (t) => t.usPacificShare,
  },
  {
    key: 'cohesion',
    label: 'NATO cohesion',
    short: ['NATO unity'],
    kind: 'bar',
    col: 2,
    row: 0,
    read: (t) => t.natoCohesion,
  },
  {
    key: 'art5',
    label: 'Article 5 credibility',
    short: ['Article 5 cred.', 'Article 5'],
    kind: 'bar',
    col: 2,
    row: 1,
    read: (t) => t.article5Credibility,
  },
  {
    key: 'coord',
    label: 'China–Russia coordination',
    short: ['China–Russia coord.', 'China–Russia', 'CN–RU'],
    kind: 'bar',
    warm: true,
    col: 3,
    row: 0,
    read: (t) => t.coordination,
  },
  {
    key: 'miscalc',
    label: 'Miscalculation risk',
    short: ['Miscalc. risk', 'Miscalc.'],
    kind: 'bar',
    warm: true,
    col: 3,
    row: 1,
    read: (t) => t.miscalcRisk,
  },
  {
    key: 'det',
    label: 'Deterrence',
    short: ['Deter.'],
    kind: 'dual',
    col: 1,
    row: 1,
    read: (t) => t.deterrence.europe,
    read2: (t) => t.deterrence.indoPacific,
  },
  {
    key: 'supply',
    label: 'Taiwan supply',
    short: ['TW supply', 'Supply'],
    kind: 'bar',
    col: 4,
    row: 0,
    minWidth: NARROW_BAND,
    read: (t) => t.taiwanSupply,
  },
];

/** The ladder's rungs in a word or two, for narrow cells (ids.ts has the full names). */
const SHORT_RUNG = [
  'peace',
  'grey zone',
  'crisis',
  'blockade',
  'limited war',
  'theater war',
  'nuclear signal',
  'nuclear use',
];

/** Relative widths of the grid's columns (the ladders need the most room). */
const COL_WEIGHT = [1.45, 1.15, 1, 1, 1];
const PAD = 10;
const RES = Math.max(1, Math.min(2, globalThis.devicePixelRatio || 1));
const LADDER_COLORS = [
  0x4f6d7a, 0x6b8f71, 0xb9a44c, 0xd9a441, 0xe07a3f, 0xd9534f, 0xb0306b, 0x8e1b3a,
];

interface GaugeObjs {
  readonly def: GaugeDef;
  readonly label: Phaser.GameObjects.Text;
  readonly value: Phaser.GameObjects.Text;
  cell: Rect;
  /** Whether the name or the value is shown shorter than in full (the tooltip spells it out). */
  shortened: boolean;
}

export class BandScene extends Phaser.Scene {
  static readonly KEY = 'band';

  private area: Rect = { x: 0, y: 0, w: 800, h: 92 };
  private gfx: Phaser.GameObjects.Graphics | null = null;
  private gauges: GaugeObjs[] = [];
  private tracks: Tracks | null = null;
  private turn = -1;
  private last = new Map<string, number>();
  private baseline = new Map<string, number>();
  private tip: Phaser.GameObjects.Text | null = null;

  constructor() {
    super({ key: BandScene.KEY });
  }

  create(): void {
    this.gfx = this.add.graphics();
    const style = (
      size: string,
      color: string,
      bold = false,
    ): Phaser.Types.GameObjects.Text.TextStyle => ({
      fontFamily: FONT.sans,
      fontSize: size,
      fontStyle: bold ? 'bold' : '',
      color,
      resolution: RES,
    });
    this.gauges = GAUGES.map((def) => ({
      def,
      label: this.add.text(0, 0, def.label, style('11px', UI.muted)),
      value: this.add.text(0, 0, '', style('12px', UI.text, true)).setOrigin(1, 0),
      cell: { x: 0, y: 0, w: 0, h: 0 },
      shortened: false,
    }));
    // A shortened name is spelled out on hover, with the value in full.
    this.tip = this.add
      .text(0, 0, '', {
        ...style('11px', UI.text),
        backgroundColor: '#0b1016',
        padding: { x: 6, y: 3 },
      })
      .setDepth(10)
      .setVisible(false);
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => this.hover(p.x - this.area.x, p.y));
    this.input.on('gameout', () => this.tip?.setVisible(false));
    this.setArea(this.area);
  }

  /** What each shown gauge's name and value are and where (CSS px, band-relative): for the probe. */
  titles(): {
    key: string;
    full: string;
    shown: string;
    value: string;
    x: number;
    w: number;
    valueX: number;
    valueW: number;
    cellW: number;
  }[] {
    return this.gauges
      .filter((o) => o.label.visible)
      .map((o) => ({
        key: o.def.key,
        full: o.def.label,
        shown: o.label.text,
        value: o.value.text,
        x: o.label.x,
        w: o.label.width,
        valueX: o.value.x - o.value.width,
        valueW: o.value.width,
        cellW: o.cell.w,
      }));
  }

  /** The tooltip over the gauge under the pointer, when its name or value is shortened there. */
  private hover(x: number, y: number): void {
    const tip = this.tip;
    if (!tip) return;
    const o = this.gauges.find(
      (g) =>
        g.label.visible &&
        x >= g.cell.x &&
        x < g.cell.x + g.cell.w + 14 &&
        y >= g.cell.y &&
        y < g.cell.y + g.cell.h,
    );
    if (!o || !o.shortened || !this.tracks) {
      tip.setVisible(false);
      return;
    }
    tip.setText(`${o.def.label}: ${this.fullValue(o.def, this.tracks)}`);
    const tx = Math.max(0, Math.min(o.cell.x, this.area.w - tip.width));
    // Below the name, over the gauge's own bar: the band clips what would hang over the maps.
    tip.setPosition(tx, o.cell.y + 15).setVisible(true);
  }

  /** A gauge's value in full, without its change. */
  private fullValue(def: GaugeDef, t: Tracks): string {
    if (def.read2) return `Europe ${def.read(t)} · Indo-Pacific ${def.read2(t)}`;
    return this.valueForms(def, def.read(t), '', t)[0] ?? '';
  }

  /** The band's rectangle on the canvas (CSS px). */
  setArea(r: Rect): void {
    this.area = r;
    if (!this.gfx) return;
    this.cameras.main.setViewport(r.x, r.y, Math.max(1, r.w), Math.max(1, r.h));
    const cols = r.w >= NARROW_BAND ? 5 : 4;
    const weights = COL_WEIGHT.slice(0, cols);
    const total = weights.reduce((a, b) => a + b, 0);
    const innerW = r.w - PAD * 2;
    const rowH = (r.h - PAD * 2) / 2;
    const colX: number[] = [];
    let x = PAD;
    for (const w of weights) {
      colX.push(x);
      x += (innerW * w) / total;
    }
    for (const g of this.gauges) {
      const shown = g.def.col < cols && (g.def.minWidth ?? 0) <= r.w;
      g.label.setVisible(shown);
      g.value.setVisible(shown);
      const cx = colX[g.def.col] ?? 0;
      const cw = (innerW * (weights[g.def.col] ?? 1)) / total - 14;
      g.cell = shown
        ? { x: cx, y: PAD + g.def.row * rowH, w: cw, h: rowH }
        : { x: 0, y: 0, w: 0, h: 0 };
      g.label.setPosition(g.cell.x, g.cell.y + 2);
      g.value.setPosition(g.cell.x + g.cell.w, g.cell.y + 1);
    }
    this.draw();
  }

  /** Show a frame's tracks; changes are counted from the last frame of the previous turn. */
  show(frame: ViewFrame): void {
    const t = frame.state.tracks;
    if (frame.previousTracks !== undefined) {
      // A replay jumps about: the frame says what the previous turn ended with.
      this.baseline = frame.previousTracks ? readings(frame.previousTracks) : new Map();
      this.turn = frame.state.turn;
    } else if (frame.state.turn !== this.turn) {
      this.baseline = this.last;
      this.turn = frame.state.turn;
    }
    this.last = readings(t);
    this.tracks = t;
    this.draw();
  }

  private draw(): void {
    const g = this.gfx;
    if (!g) return;
    g.clear();
    g.fillStyle(UI.panel, 1);
    g.fillRect(0, 0, this.area.w, this.area.h);
    g.lineStyle(1, UI.border, 1);
    g.lineBetween(0, this.area.h - 0.5, this.area.w, this.area.h - 0.5);
    const t = this.tracks;
    if (!t) return;
    for (const o of this.gauges) {
      if (!o.label.visible) continue;
      const v = o.def.read(t);
      const barY = o.cell.y + 20;
      const barW = Math.max(10, o.cell.w);
      if (o.def.read2) {
        const v2 = o.def.read2(t);
        const d1 = this.delta(o.def.key, v);
        const d2 = this.delta(`${o.def.key}2`, v2);
        fitGauge(
          o,
          [
            `EU ${v}${d1} · IP ${v2}${d2}`,
            `EU ${v} · IP ${v2}`,
            `${v}${d1} · ${v2}${d2}`,
            `${v} · ${v2}`,
          ],
          2,
        );
        this.drawBar(g, o.cell.x, barY - 1, barW, v, false, 5);
        this.drawBar(g, o.cell.x, barY + 6, barW, v2, false, 5);
        continue;
      }
      const d = this.delta(o.def.key, v);
      const forms = this.valueForms(o.def, v, d, t);
      fitGauge(o, forms, o.def.kind === 'ladder' ? 4 : o.def.kind === 'split' ? 5 : forms.length);
      if (o.def.kind === 'ladder') this.drawLadder(g, o.cell.x, barY, barW, v);
      else if (o.def.kind === 'split')
        this.drawSplit(g, o.cell.x, barY, barW, v, t.usPacificTarget);
      else this.drawBar(g, o.cell.x, barY, barW, v, o.def.warm ?? false);
    }
  }

  /** "▲3" / "▼2" against the previous turn, or nothing. */
  private delta(key: string, v: number): string {
    const before = this.baseline.get(key);
    const d = before === undefined ? 0 : v - before;
    return d === 0 ? '' : d > 0 ? ` ▲${d}` : ` ▼${-d}`;
  }

  /** A gauge's value, longest first; `d` is its change since last turn ("" or " ▲3"). */
  private valueForms(def: GaugeDef, v: number, d: string, t: Tracks): string[] {
    if (def.kind === 'ladder') {
      const rung = ESCALATION_LADDER[v] ?? '';
      const short = SHORT_RUNG[v] ?? rung;
      return [
        `${v} ${rung}${d}`,
        `${v} ${rung}`,
        `${v} ${short}${d}`,
        `${v} ${short}`,
        `${v}${d}`,
        `${v}`,
      ];
    }
    if (def.kind === 'split') {
      const aim = t.usPacificTarget;
      return [
        `Pacific ${v}% · aim ${aim}%${d}`,
        `${v}% · aim ${aim}%${d}`,
        `${v}% · aim ${aim}%`,
        `Pac. ${v}%${d}`,
        `Pac. ${v}%`,
        `${v}%${d}`,
      ];
    }
    return [`${v}${d}`, `${v}`];
  }

  private drawLadder(
    g: Phaser.GameObjects.Graphics,
    x: number,
    y: number,
    w: number,
    v: number,
  ): void {
    const n = ESCALATION_LADDER.length;
    const gap = 2;
    const cw = (w - gap * (n - 1)) / n;
    for (let i = 0; i < n; i++) {
      const on = i <= v;
      g.fillStyle(on ? (LADDER_COLORS[i] ?? 0x888888) : 0x263240, 1);
      g.fillRect(x + i * (cw + gap), y, cw, 10);
    }
    // The current rung gets a bright frame, so the level reads without the colours.
    g.lineStyle(1.5, 0xffffff, 0.9);
    g.strokeRect(x + v * (cw + gap) - 0.5, y - 0.5, cw + 1, 11);
  }

  private drawSplit(
    g: Phaser.GameObjects.Graphics,
    x: number,
    y: number,
    w: number,
    pacific: number,
    target: number,
  ): void {
    const pw = (w * pacific) / 100;
    g.fillStyle(0x0072b2, 1);
    g.fillRect(x, y, pw, 10);
    g.fillStyle(0x56b4e9, 0.75);
    g.fillRect(x + pw, y, w - pw, 10);
    const tx = x + (w * target) / 100;
    g.lineStyle(2, UI.accent, 1);
    g.lineBetween(tx, y - 3, tx, y + 13);
  }

  private drawBar(
    g: Phaser.GameObjects.Graphics,
    x: number,
    y: number,
    w: number,
    v: number,
    warm: boolean,
    h = 10,
  ): void {
    g.fillStyle(0x263240, 1);
    g.fillRect(x, y, w, h);
    g.fillStyle(warm ? 0xe07a3f : 0x4fa3c7, 1);
    g.fillRect(x, y, (w * Phaser.Math.Clamp(v, 0, 100)) / 100, h);
    g.lineStyle(1, UI.border, 1);
    for (const q of [25, 50, 75]) g.lineBetween(x + (w * q) / 100, y, x + (w * q) / 100, y + h);
  }
}

/** Every gauge's reading of a set of tracks, by gauge key (`key2` for a second reading). */
function readings(t: Tracks): Map<string, number> {
  const out = new Map(GAUGES.map((g) => [g.key, g.read(t)]));
  for (const g of GAUGES) if (g.read2) out.set(`${g.key}2`, g.read2(t));
  return out;
}

/** Room kept between a gauge's name and its value. */
const NAME_GAP = 8;

/**
 * Choose a gauge's name and value for its cell: the longest pair that fits side by side, the
 * name never cut and never written over. The first `keep` value forms carry what the number
 * means (the rung's word, "Pacific", EU and IP): they are tried with every name before any
 * shorter form is. Within each group, pairs are tried by how far both are shortened together,
 * the value's detail first at a tie (its change since last turn is the news). The shortest pair
 * is used whatever its width; the shortest names are chosen to fit the band at 1024 px.
 */
function fitGauge(o: GaugeObjs, forms: readonly string[], keep = forms.length): void {
  const names = [o.def.label, ...o.def.short];
  const set = (t: Phaser.GameObjects.Text, s: string): void => {
    if (t.text !== s) t.setText(s);
  };
  const bare = (s: string): string => s.replace(/ [▲▼]\d+/g, '');
  const done = (): void => {
    o.shortened = o.label.text !== o.def.label || bare(o.value.text) !== bare(forms[0] ?? '');
  };
  // Without a change since last turn, a form and its form with the change are the same.
  const unique = (list: readonly string[]): string[] => [...new Set(list)];
  for (const group of [unique(forms.slice(0, keep)), unique(forms.slice(keep))]) {
    const worst = names.length - 1 + group.length - 1;
    for (let k = 0; k <= worst; k++) {
      const last = Math.min(k, group.length - 1);
      for (let vi = Math.max(0, k - names.length + 1); vi <= last; vi++) {
        set(o.value, group[vi]!);
        set(o.label, names[k - vi]!);
        if (o.label.width + NAME_GAP + o.value.width <= o.cell.w) return done();
      }
    }
  }
  done();
}
