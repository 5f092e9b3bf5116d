import type Phaser from 'phaser';
import type { Scenario } from '../sim/scenario/schema';
import type { GameState } from '../sim/state';
import type { RegionShape } from './geo';
import type { CounterGroup } from './map-info';
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
  readonly priority: number;
  /** The parts `updateLabel` changes in place. */
  readonly name: Phaser.GameObjects.Text;
  readonly sub: Phaser.GameObjects.Text;
  readonly counterBg: Phaser.GameObjects.Graphics;
  readonly counterTexts: Phaser.GameObjects.Text[];
  /** What the owner line and the counters show (see `updateLabel`). */
  subKey: string;
  countersKey: string;
}

const COUNTER_H = 17;
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

function countersKey(groups: readonly CounterGroup[]): string {
  return groups.map((g) => `${g.actor}:${g.strength}:${g.forces.length}`).join(',');
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
    priority,
    name,
    sub,
    counterBg,
    counterTexts: [],
    subKey: '',
    countersKey: '',
  };
  updateLabel(scene, label, sc, state, groups);
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
): boolean {
  const sk = subKey(state, label.id);
  const ck = countersKey(groups);
  const changed = sk !== label.subKey || ck !== label.countersKey;
  if (sk !== label.subKey) setSub(label, sc, state);
  if (ck !== label.countersKey) setCounters(scene, label, groups);
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

function setCounters(
  scene: Phaser.Scene,
  label: RegionLabel,
  groups: readonly CounterGroup[],
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
    const text = `${style.code} ${g.strength}${g.forces.length > 1 ? ` ×${g.forces.length}` : ''}`;
    let t = label.counterTexts[i];
    if (!t) {
      t = scene.add
        .text(0, 0, '', {
          fontFamily: FONT.mono,
          fontSize: '10px',
          fontStyle: 'bold',
          color: style.ink,
          resolution: RES,
        })
        .setOrigin(0, 0.5);
      label.counterTexts.push(t);
      label.block.add(t);
    }
    recolor(t, style.ink).setText(text).setVisible(true);
    const w = Math.ceil(t.width) + 10;
    const x = rowW;
    bg.fillStyle(style.color, 1);
    bg.fillRoundedRect(x, y, w, COUNTER_H, 3);
    bg.lineStyle(1, 0x0b0f14, 0.9);
    bg.strokeRoundedRect(x, y, w, COUNTER_H, 3);
    t.setPosition(x + 5, y + COUNTER_H / 2);
    hits.push({ x, y, w, h: COUNTER_H, group: g });
    rowW += w + COUNTER_GAP;
    blockW = Math.max(blockW, rowW - COUNTER_GAP);
  });
  for (let i = groups.length; i < label.counterTexts.length; i++) {
    label.counterTexts[i]!.setVisible(false);
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

/**
 * Place counters and names at the current zoom. `anchor` gives a region label's position on
 * screen; the most valuable regions choose first.
 */
export function layoutLabels(
  labels: readonly RegionLabel[],
  anchor: (id: string) => { x: number; y: number } | null,
  zoom: number,
): void {
  const placed: Box[] = [];
  const order = [...labels].sort((a, b) => b.priority - a.priority);
  for (const l of order) {
    l.root.setScale(1 / zoom);
    const at = anchor(l.id);
    l.leader.clear();
    if (!at) {
      l.text.setVisible(false);
      l.block.setVisible(false);
      continue;
    }
    // Name first, then its counters: a valuable region's name is not hidden by a lesser
    // region's counters, and every counter still shows (moved aside if it must).
    const tb = l.textBox;
    const nameBox = { x: at.x + tb.x, y: at.y + tb.y, w: tb.w, h: tb.h };
    const free = !placed.some((p) => overlaps(p, nameBox));
    l.text.setVisible(free);
    if (free) placed.push(nameBox);
    if (l.blockH === 0) {
      l.block.setVisible(false);
      continue;
    }
    let best: Box | null = null;
    const row = COUNTER_H + COUNTER_GAP;
    for (const [sx, k] of SPOTS) {
      // Sideways spots sit clear of the name block; vertical ones clear of its top or bottom.
      const dx = sx === 0 ? -l.blockW / 2 : sx > 0 ? tb.x + tb.w + 6 : tb.x - 6 - l.blockW;
      const below = tb.y + tb.h + 2 + k * row;
      const above = tb.y - 2 - l.blockH + (k + 1) * row;
      const dy = sx !== 0 ? k * row : k >= 0 ? below : above;
      const box = { x: at.x + dx, y: at.y + dy, w: l.blockW, h: l.blockH };
      if (!placed.some((p) => overlaps(p, box))) {
        best = box;
        break;
      }
    }
    const home = { x: -l.blockW / 2, y: tb.y + tb.h + 2 };
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
