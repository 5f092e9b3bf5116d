import type Phaser from 'phaser';
import type { Scenario } from '../sim/scenario/schema';
import type { GameState } from '../sim/state';
import type { Viewpoint } from './contract';
import type { RegionShape } from './geo';
import { forceName, type CounterGroup } from './map-info';
import { affiliation, symbolKey, unitType } from './map-symbols';
import { SYMBOL_RES, textureKey } from './map-symbol-textures';
import { ACTOR_STYLE, FONT, UI } from './palette';

/**
 * Region labels and force counters. They keep their size on screen whatever the zoom (their
 * container is scaled by 1/zoom), and are laid out in screen pixels: counters never hide one
 * another (a crowded block moves aside on a leader line), names give way to the more valuable
 * region's name or a counter.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CounterHit extends Box {
  readonly group: CounterGroup;
}

export interface RegionLabel {
  readonly id: string;
  readonly root: Phaser.GameObjects.Container;
  readonly text: Phaser.GameObjects.Container;
  /** The name block, relative to the anchor, in screen px. */
  textBox: Box;
  readonly block: Phaser.GameObjects.Container;
  blockW: number;
  blockH: number;
  /** Counters relative to the block's top-left corner. */
  hits: CounterHit[];
  readonly leader: Phaser.GameObjects.Graphics;
  /** Where the counter block sits relative to the anchor (set by `layoutLabels`). */
  offset: { x: number; y: number };
  /** Where the name sits relative to the anchor (set by `layoutLabels`). */
  nameAt: { x: number; y: number };
  readonly priority: number;
  /** A country or a region big enough to read: its name shows even over another. */
  readonly mustName: boolean;
  /** The parts `updateLabel` changes in place. */
  readonly name: Phaser.GameObjects.Text;
  readonly sub: Phaser.GameObjects.Text;
  readonly counterBg: Phaser.GameObjects.Graphics;
  readonly counterTexts: Phaser.GameObjects.Text[];
  /** Each counter's unit symbol, and the badge counting the forces of a stack. */
  readonly counterIcons: Phaser.GameObjects.Image[];
  readonly counterBadges: Phaser.GameObjects.Text[];
  /** What the owner line and the counters show (see `updateLabel`). */
  subKey: string;
  countersKey: string;
}

const COUNTER_H = 19;
/** Theater px (1000 across) from which a sub-region is big enough that its name must show. */
const MUST_NAME_SIZE = 50;
/** Width kept for a unit symbol at the left of a counter (the widest frame, friend air, fits). */
const ICON_W = 20;
const COUNTER_GAP = 3;
const PER_ROW = 3;
const RES = Math.max(1, Math.min(2, globalThis.devicePixelRatio || 1));

/** A region's name without its parenthesised detail (the tooltip has the full name). */
export function shortName(name: string): string {
  return name.replace(/\s*\([^)]*\)/g, '').trim() || name;
}

function marks(sc: Scenario, id: string): string {
  const v = sc.regions[id]?.value;
  if (!v) return '';
  return [v.capital ? '★' : '', v.port ? '⚓' : '', v.chokepoint ? '◆' : '', String(v.points)]
    .filter(Boolean)
    .join(' ');
}

/**
 * What a label shows for a frame, in two parts: the owner line (owner, contest) and the counters.
 * `updateLabel` redoes a part only when its key changed.
 */
function subKey(state: GameState, id: string): string {
  const rs = state.regions[id];
  return `${rs?.owner ?? '-'}|${rs?.contested ? 1 : 0}`;
}

/** The symbol file of a counter: its actor's side as the viewer sees it, its main force's type. */
export function counterSymbol(
  sc: Scenario,
  state: GameState,
  g: CounterGroup,
  viewpoint: Viewpoint,
): string {
  const main = g.forces[0]!;
  return symbolKey(
    affiliation(g.actor, viewpoint),
    unitType(main.kind, forceName(sc, state, main.id)),
  );
}

function countersKey(
  sc: Scenario,
  state: GameState,
  groups: readonly CounterGroup[],
  viewpoint: Viewpoint,
): string {
  return groups
    .map(
      (g) =>
        `${g.actor}:${g.strength}:${g.forces.length}:${counterSymbol(sc, state, g, viewpoint)}`,
    )
    .join(',');
}

/** Set a Text's colour only if it differs (each change redraws the Text). */
function recolor(t: Phaser.GameObjects.Text, color: string): Phaser.GameObjects.Text {
  return t.style.color === color ? t : t.setColor(color);
}

/**
 * Build the label and counters of one region for the current frame.
 *
 * @example
 * const groups = counterGroups(forcesByRegion(state).get(shape.id) ?? []);
 * const label = createLabel(scene, sc, state, shape, groups);
 */
export function createLabel(
  scene: Phaser.Scene,
  sc: Scenario,
  state: GameState,
  shape: RegionShape,
  groups: readonly CounterGroup[],
  viewpoint: Viewpoint,
): RegionLabel {
  const def = sc.regions[shape.id]!;
  const sea = def.kind === 'sea';
  const root = scene.add.container(shape.label[0], shape.label[1]);
  const text = scene.add.container(0, 0);
  const name = scene.add
    .text(0, 0, shortName(def.name), {
      fontFamily: FONT.sans,
      fontSize: sea ? '11px' : '12px',
      fontStyle: sea ? 'italic' : 'bold',
      color: sea ? '#8fb0cc' : UI.text,
      stroke: UI.backgroundCss,
      strokeThickness: 3,
      align: 'center',
      wordWrap: { width: 130 },
      resolution: RES,
    })
    .setOrigin(0.5, 1);
  const sub = scene.add
    .text(0, 1, '', {
      fontFamily: FONT.sans,
      fontSize: '10px',
      color: UI.muted,
      stroke: UI.backgroundCss,
      strokeThickness: 3,
      resolution: RES,
    })
    .setOrigin(0.5, 0);
  text.add([name, sub]);
  const leader = scene.add.graphics();
  const block = scene.add.container(0, 0);
  const counterBg = scene.add.graphics();
  block.add(counterBg);
  root.add([leader, text, block]);
  const priority = def.value.points + (sea ? 0 : 100) + (def.geo.iso ? 10 : 0);
  const label: RegionLabel = {
    id: shape.id,
    root,
    text,
    textBox: { x: 0, y: 0, w: 0, h: 0 },
    block,
    blockW: 0,
    blockH: 0,
    hits: [],
    leader,
    offset: { x: 0, y: 0 },
    nameAt: { x: 0, y: 0 },
    priority,
    mustName:
      !sea &&
      (def.geo.iso !== undefined ||
        Math.max(shape.box.x1 - shape.box.x0, shape.box.y1 - shape.box.y0) >= MUST_NAME_SIZE),
    name,
    sub,
    counterBg,
    counterTexts: [],
    counterIcons: [],
    counterBadges: [],
    subKey: '',
    countersKey: '',
  };
  updateLabel(scene, label, sc, state, groups, viewpoint);
  return label;
}

/**
 * Bring a label to the frame: the owner line and the counters are redone only if they changed
 * (Phaser re-rasterises a Text on every change); the counters always point at the frame's forces.
 * Returns whether the label's look changed (it must be laid out again).
 */
export function updateLabel(
  scene: Phaser.Scene,
  label: RegionLabel,
  sc: Scenario,
  state: GameState,
  groups: readonly CounterGroup[],
  viewpoint: Viewpoint,
): boolean {
  const sk = subKey(state, label.id);
  const ck = countersKey(sc, state, groups, viewpoint);
  const changed = sk !== label.subKey || ck !== label.countersKey;
  if (sk !== label.subKey) setSub(label, sc, state);
  if (ck !== label.countersKey) setCounters(scene, label, sc, state, groups, viewpoint);
  else label.hits = label.hits.map((h, i) => ({ ...h, group: groups[i] ?? h.group }));
  label.subKey = sk;
  label.countersKey = ck;
  return changed;
}

function setSub(label: RegionLabel, sc: Scenario, state: GameState): void {
  const def = sc.regions[label.id]!;
  const rs = state.regions[label.id]!;
  const sea = def.kind === 'sea';
  const owner = rs.owner ? ACTOR_STYLE[rs.owner].code : sea ? '' : '—';
  const subParts = [owner, marks(sc, label.id)].filter(Boolean).join(' · ');
  recolor(label.sub, rs.contested ? UI.danger : UI.muted);
  label.sub.setText(rs.contested ? `⚔ contested · ${subParts}` : subParts);
  const { name, sub } = label;
  const tw = Math.max(name.width, sub.width);
  label.textBox = { x: -tw / 2, y: -name.height, w: tw, h: name.height + sub.height + 1 };
}

/**
 * One counter per actor: its unit symbol (the strongest force's type, framed as friend, hostile
 * or neutral to the viewer), the actor's code and total strength, and a badge with the number of
 * forces when it stands for a stack. The dark plate carries the actor's colour on its border.
 */
function setCounters(
  scene: Phaser.Scene,
  label: RegionLabel,
  sc: Scenario,
  state: GameState,
  groups: readonly CounterGroup[],
  viewpoint: Viewpoint,
): void {
  const bg = label.counterBg.clear();
  const hits: CounterHit[] = [];
  let rowW = 0;
  let blockW = 0;
  let y = 0;
  groups.forEach((g, i) => {
    if (i > 0 && i % PER_ROW === 0) {
      y += COUNTER_H + COUNTER_GAP;
      rowW = 0;
    }
    const style = ACTOR_STYLE[g.actor];
    let t = label.counterTexts[i];
    if (!t) {
      t = scene.add
        .text(0, 0, '', {
          fontFamily: FONT.mono,
          fontSize: '10px',
          fontStyle: 'bold',
          color: UI.text,
          resolution: RES,
        })
        .setOrigin(0, 0.5);
      label.counterTexts.push(t);
      label.block.add(t);
    }
    let icon = label.counterIcons[i];
    const key = textureKey(counterSymbol(sc, state, g, viewpoint));
    if (!icon) {
      icon = scene.add.image(0, 0, key).setScale(1 / SYMBOL_RES);
      label.counterIcons.push(icon);
      label.block.add(icon);
    } else if (icon.texture.key !== key) icon.setTexture(key);
    t.setText(`${style.code} ${g.strength}`).setVisible(true);
    const n = g.forces.length;
    const w = ICON_W + Math.ceil(t.width) + 8 + (n > 1 ? 8 : 0);
    const x = rowW;
    bg.fillStyle(0x0b0f14, 0.86);
    bg.fillRoundedRect(x, y, w, COUNTER_H, 3);
    bg.lineStyle(1.5, style.color, 1);
    bg.strokeRoundedRect(x + 0.75, y + 0.75, w - 1.5, COUNTER_H - 1.5, 3);
    icon.setPosition(x + 2 + ICON_W / 2, y + COUNTER_H / 2).setVisible(true);
    t.setPosition(x + ICON_W + 4, y + COUNTER_H / 2);
    let badge = label.counterBadges[i];
    if (n > 1) {
      if (!badge) {
        badge = scene.add
          .text(0, 0, '', {
            fontFamily: FONT.sans,
            fontSize: '9px',
            fontStyle: 'bold',
            color: '#10161d',
            backgroundColor: '#e6edf3',
            padding: { x: 2, y: 0 },
            resolution: RES,
          })
          .setOrigin(1, 0.5);
        label.counterBadges.push(badge);
        label.block.add(badge);
      }
      badge
        .setText(String(n))
        .setPosition(x + w - 2, y + 4)
        .setVisible(true);
    } else if (badge) badge.setVisible(false);
    hits.push({ x, y, w, h: COUNTER_H, group: g });
    rowW += w + COUNTER_GAP;
    blockW = Math.max(blockW, rowW - COUNTER_GAP);
  });
  for (let i = groups.length; i < label.counterTexts.length; i++) {
    label.counterTexts[i]!.setVisible(false);
    label.counterIcons[i]?.setVisible(false);
  }
  for (let i = groups.length; i < label.counterBadges.length; i++) {
    label.counterBadges[i]!.setVisible(false);
  }
  label.hits = hits;
  label.blockW = blockW;
  label.blockH = groups.length ? y + COUNTER_H : 0;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Where a counter block may go, in order of preference: [side, dy]. Side 0 centres the block
 * under (dy > 0) or over (dy < 0) the name; ±1 puts it beside the name. dy counts from the name's
 * bottom edge (below) or top edge (above), in steps of a counter row.
 */
const SPOTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, -1],
  [1, -0.5],
  [-1, -0.5],
  [0, 1.2],
  [1, 1],
  [-1, 1],
  [1, -2],
  [-1, -2],
  [0, -2.2],
  [0, 2.4],
  [1, 2.2],
  [-1, 2.2],
  [0, 3.6],
];

/** Where a name may go relative to its anchor, in order of preference: [dx, dy] in screen px. */
const NAME_SPOTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, -16],
  [0, 16],
  [0, -30],
  [0, 30],
  [50, 0],
  [-50, 0],
  [50, -20],
  [-50, -20],
  [50, 20],
  [-50, 20],
];

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function inside(b: Box, view: Box | undefined): boolean {
  return (
    !view ||
    (b.x >= view.x && b.y >= view.y && b.x + b.w <= view.x + view.w && b.y + b.h <= view.y + view.h)
  );
}

/**
 * Place names and counters at the current zoom. `anchor` gives a region label's position on
 * screen; the most valuable regions choose first. Every country's name shows (and any region's
 * big enough to read): names are placed first, moved a line up or down to clear another name,
 * then counters go where no name or counter is, on a leader line if they must move away.
 */
export function layoutLabels(
  labels: readonly RegionLabel[],
  anchor: (id: string) => { x: number; y: number } | null,
  zoom: number,
  /** The map's viewport on screen: counters are kept inside it when they can be. */
  view?: Box,
): void {
  const placed: Box[] = [];
  const order = [...labels].sort((a, b) => b.priority - a.priority);
  const anchors = new Map<string, { x: number; y: number }>();
  for (const l of order) {
    l.root.setScale(1 / zoom);
    const at = anchor(l.id);
    l.leader.clear();
    if (!at) {
      l.text.setVisible(false);
      l.block.setVisible(false);
      continue;
    }
    anchors.set(l.id, at);
    const tb = l.textBox;
    let spot: readonly [number, number] | null = null;
    for (const sp of NAME_SPOTS) {
      const box = { x: at.x + tb.x + sp[0], y: at.y + tb.y + sp[1], w: tb.w, h: tb.h };
      if (!placed.some((p) => overlaps(p, box))) {
        spot = sp;
        break;
      }
    }
    // A country's name always shows, where it overlaps other names least; a sea's or an islet's
    // gives way.
    if (!spot && l.mustName) {
      let least = Infinity;
      for (const sp of NAME_SPOTS) {
        const box = { x: at.x + tb.x + sp[0], y: at.y + tb.y + sp[1], w: tb.w, h: tb.h };
        const a = placed.reduce((sum, p) => sum + overlapArea(p, box), 0);
        if (a < least) {
          least = a;
          spot = sp;
        }
      }
    }
    l.text.setVisible(spot !== null);
    if (!spot) continue;
    l.text.setPosition(spot[0], spot[1]);
    l.nameAt = { x: spot[0], y: spot[1] };
    placed.push({ x: at.x + tb.x + spot[0], y: at.y + tb.y + spot[1], w: tb.w, h: tb.h });
  }
  for (const l of order) {
    const at = anchors.get(l.id);
    if (!at) continue;
    if (l.blockH === 0) {
      l.block.setVisible(false);
      continue;
    }
    // Spots count from the name where it was placed.
    const n = l.text.visible ? l.nameAt : { x: 0, y: 0 };
    const tb = { ...l.textBox, x: l.textBox.x + n.x, y: l.textBox.y + n.y };
    let best: Box | null = null;
    const row = COUNTER_H + COUNTER_GAP;
    for (const [sx, k] of SPOTS) {
      // Sideways spots sit clear of the name block; vertical ones clear of its top or bottom.
      const dx = sx === 0 ? -l.blockW / 2 : sx > 0 ? tb.x + tb.w + 6 : tb.x - 6 - l.blockW;
      const below = tb.y + tb.h + 2 + k * row;
      const above = tb.y - 2 - l.blockH + (k + 1) * row;
      const dy = sx !== 0 ? n.y + k * row : k >= 0 ? below : above;
      const box = { x: at.x + dx, y: at.y + dy, w: l.blockW, h: l.blockH };
      if (inside(box, view) && !placed.some((p) => overlaps(p, box))) {
        best = box;
        break;
      }
    }
    const home = { x: -l.blockW / 2, y: tb.y + tb.h + 2 };
    if (!best) {
      // Nowhere free near the name: further out on rings of spots (on the map if possible), so
      // counters never overlap.
      for (const onMap of [true, false]) {
        for (let ring = 1; ring <= 7 && !best; ring++) {
          for (let i = 0; i < 12 && !best; i++) {
            const a = (i / 12) * Math.PI * 2;
            const box = {
              x: at.x + Math.cos(a) * ring * 40 - l.blockW / 2,
              y: at.y + Math.sin(a) * ring * 24 - l.blockH / 2,
              w: l.blockW,
              h: l.blockH,
            };
            if ((!onMap || inside(box, view)) && !placed.some((p) => overlaps(p, box))) best = box;
          }
        }
        if (best) break;
      }
    }
    best ??= { x: at.x + home.x, y: at.y + home.y, w: l.blockW, h: l.blockH };
    placed.push(best);
    l.offset = { x: best.x - at.x, y: best.y - at.y };
    l.block.setVisible(true).setPosition(l.offset.x, l.offset.y);
    if (Math.hypot(l.offset.x - home.x, l.offset.y - home.y) > 30) {
      // Moved away from its region: a leader line says whose counters these are.
      const cx = Math.max(l.offset.x, Math.min(0, l.offset.x + l.blockW));
      const cy = Math.max(l.offset.y, Math.min(0, l.offset.y + l.blockH));
      l.leader.lineStyle(1, 0xcfd8e0, 0.7);
      l.leader.lineBetween(0, 0, cx, cy);
      l.leader.fillStyle(0xcfd8e0, 0.9);
      l.leader.fillCircle(0, 0, 2);
    }
  }
}
