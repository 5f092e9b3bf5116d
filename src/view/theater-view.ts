import Phaser from 'phaser';
import type { Theater } from '../sim/ids';
import type { Selection, ViewFrame } from './contract';
import { screenToWorld, scrollToKeep, worldToScreen } from './camera-math';
import { MARGIN, type RegionShape, type TheaterGeo } from './geo';
import { boxHas, inRings, type Box } from './geom';
import type { Rect } from './layout';
import { MapCache } from './map-cache';
import { drawMarks, mapSignature } from './map-draw';
import { counterGroups, counterTooltip, forcesByRegion, regionTooltip } from './map-info';
import { createLabel, layoutLabels, updateLabel, type RegionLabel } from './map-labels';
import type { StoryMarker } from './map-story';
import { drawStory } from './map-story-draw';
import { FONT, UI } from './palette';

/**
 * One theater map: its world container, its own camera (viewport, pan, zoom), the drawn layers,
 * labels and counters, and hit testing. The two theaters live side by side in one scene's world,
 * each camera ignoring the other's container.
 */

export interface MapHit {
  readonly sel: Selection;
  readonly tooltip: readonly string[];
}

const MIN_ZOOM_FACTOR = 0.7;
const MAX_ZOOM_FACTOR = 10;
/** How long the view must rest before the map bitmap is repainted at the new zoom (ms). */
const SETTLE_MS = 140;
/** Extra area painted around the view on each side, as a share of the view's size. */
const CACHE_MARGIN = 0.25;

export class TheaterView {
  readonly cam: Phaser.Cameras.Scene2D.Camera;
  readonly root: Phaser.GameObjects.Container;
  private readonly cache: MapCache;
  private readonly marks: Phaser.GameObjects.Graphics;
  private readonly labelLayer: Phaser.GameObjects.Container;
  /** The turn's story (map-story.ts): rings, arrows and bursts, and the routes' ETA labels. */
  private readonly story: Phaser.GameObjects.Graphics;
  private readonly storyText: Phaser.GameObjects.Container;
  private markers: readonly StoryMarker[] = [];
  private storyDirty = false;
  private labels: RegionLabel[] = [];
  private geo: TheaterGeo | null = null;
  private frame: ViewFrame | null = null;
  private rect: Rect = { x: 0, y: 0, w: 100, h: 100 };
  private fitted = false;
  private drawnZoom = 0;
  private laidOut = '';
  /** When the view last moved (zoom, scroll or size), in ms. */
  private movedAt = 0;
  /** The map signature of the current frame (see `mapSignature`). */
  private sig = '';
  private labelsSc: ViewFrame['sc'] | null = null;
  private labelsDirty = false;
  private highlight: RegionShape | null = null;
  private selected: RegionShape | null = null;
  private pulse: Phaser.Tweens.Tween | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    readonly theater: Theater,
    /** Where this theater sits in the scene's world (theaters must not overlap). */
    private readonly offsetX: number,
  ) {
    this.root = scene.add.container(offsetX, 0);
    this.cache = new MapCache(scene, `map-${theater}`);
    this.marks = scene.add.graphics();
    this.labelLayer = scene.add.container(0, 0);
    this.story = scene.add.graphics();
    this.storyText = scene.add.container(0, 0);
    // Story markers go over names and counters (a landing's arrow must reach its beach through
    // the counters around it), the highlight and selection marks over everything.
    this.root.add([this.cache.image, this.labelLayer, this.story, this.storyText, this.marks]);
    this.cam = scene.cameras.add(0, 0, 100, 100, false, theater);
    this.cam.setBackgroundColor(UI.sea);
  }

  /** The camera's viewport in canvas CSS px; keeps the view's centre and refits the first time. */
  setViewport(r: Rect): void {
    const centre = this.fitted ? this.centreWorld() : null;
    const zoomRel = this.fitted ? this.cam.zoom / this.fitZoom() : 1;
    this.rect = r;
    this.cam.setViewport(r.x, r.y, r.w, r.h);
    if (!this.geo) return;
    if (!centre) return this.resetView();
    this.cam.setZoom(this.fitZoom() * zoomRel);
    this.cam.centerOn(centre.x, centre.y);
    this.clamp();
  }

  setGeo(geo: TheaterGeo): void {
    this.geo = geo;
    this.drawnZoom = 0;
    this.highlight = null;
    this.selected = null;
    this.sig = '';
    this.clearLabels();
    if (!this.fitted) this.resetView();
  }

  /** Fit the whole theater in the viewport. */
  resetView(): void {
    if (!this.geo) return;
    this.fitted = true;
    this.cam.setZoom(this.fitZoom());
    this.cam.centerOn(this.offsetX + this.geo.width / 2, this.geo.height / 2);
  }

  private fitZoom(): number {
    if (!this.geo) return 1;
    return Math.min(this.rect.w / this.geo.width, this.rect.h / this.geo.height) * 0.98;
  }

  private centreWorld(): { x: number; y: number } {
    return screenToWorld(this.cam, this.rect.x + this.rect.w / 2, this.rect.y + this.rect.h / 2);
  }

  /** Zoom by `factor` about a screen point (the viewport's centre when none is given). */
  zoomBy(factor: number, sx?: number, sy?: number): void {
    const fit = this.fitZoom();
    const z = Phaser.Math.Clamp(
      this.cam.zoom * factor,
      fit * MIN_ZOOM_FACTOR,
      fit * MAX_ZOOM_FACTOR,
    );
    const px = sx ?? this.rect.x + this.rect.w / 2;
    const py = sy ?? this.rect.y + this.rect.h / 2;
    const w = screenToWorld(this.cam, px, py);
    const s = scrollToKeep(this.cam, z, w.x, w.y, px, py);
    this.cam.setZoom(z);
    this.cam.setScroll(s.scrollX, s.scrollY);
    this.clamp();
  }

  /** Drag the map by a screen distance. */
  panBy(dx: number, dy: number): void {
    this.cam.setScroll(
      this.cam.scrollX - dx / this.cam.zoom,
      this.cam.scrollY - dy / this.cam.zoom,
    );
    this.clamp();
  }

  /** Keep the view's centre over the theater. */
  private clamp(): void {
    if (!this.geo) return;
    const c = this.centreWorld();
    const x = Phaser.Math.Clamp(c.x, this.offsetX, this.offsetX + this.geo.width);
    const y = Phaser.Math.Clamp(c.y, 0, this.geo.height);
    if (x !== c.x || y !== c.y) this.cam.centerOn(x, y);
  }

  hasRegion(id: string): boolean {
    return this.geo?.regions.some((r) => r.id === id) ?? false;
  }

  /** Pan to a region, zooming in if the whole theater is shown. */
  centreOn(id: string): void {
    const r = this.geo?.regions.find((s) => s.id === id);
    if (!r) return;
    if (this.cam.zoom < this.fitZoom() * 1.6) this.cam.setZoom(this.fitZoom() * 1.6);
    this.cam.centerOn(this.offsetX + r.center[0], r.center[1]);
    this.clamp();
  }

  /** Light a region (pulsing accent outline), or clear with null. */
  setHighlight(id: string | null): void {
    this.highlight = (id && this.geo?.regions.find((r) => r.id === id)) || null;
    this.pulse?.stop();
    this.pulse = null;
    this.marks.setAlpha(1);
    if (this.highlight) {
      this.pulse = this.scene.tweens.add({
        targets: this.marks,
        alpha: 0.35,
        duration: 650,
        yoyo: true,
        // A few pulses draw the eye, then the outline stays lit (and the canvas can rest).
        repeat: 3,
        onComplete: () => this.marks.setAlpha(1),
        ease: 'Sine.easeInOut',
      });
    }
    this.drawMarks();
  }

  setSelected(sel: Selection | null): void {
    this.selected =
      (sel?.kind === 'region' && this.geo?.regions.find((r) => r.id === sel.id)) || null;
    this.drawMarks();
  }

  private drawMarks(): void {
    drawMarks(this.marks, this.highlight, this.selected, this.cam.zoom);
  }

  /**
   * Take a frame: region colours (repainted at the next update if an owner or contest changed),
   * labels and counters (rebuilt only for regions whose label changed).
   */
  render(frame: ViewFrame, markers: readonly StoryMarker[] = []): void {
    this.frame = frame;
    this.markers = markers.filter((m) => m.theater === this.theater);
    this.storyDirty = true;
    const geo = this.geo;
    if (!geo) return;
    this.sig = mapSignature(geo, frame.state);
    if (this.labelsSc !== frame.sc) this.clearLabels();
    this.labelsSc = frame.sc;
    const byRegion = forcesByRegion(frame.state);
    const shown = geo.regions.filter((s) => frame.sc.regions[s.id] && frame.state.regions[s.id]);
    const ids = new Set(shown.map((s) => s.id));
    const old = new Map<string, RegionLabel>();
    let changed = false;
    for (const l of this.labels) {
      if (ids.has(l.id)) old.set(l.id, l);
      else {
        l.root.destroy();
        changed = true;
      }
    }
    const next: RegionLabel[] = [];
    for (const s of shown) {
      const groups = counterGroups(byRegion.get(s.id) ?? []);
      const kept = old.get(s.id);
      if (kept) {
        if (updateLabel(this.scene, kept, frame.sc, frame.state, groups, frame.viewpoint))
          changed = true;
        next.push(kept);
        continue;
      }
      const label = createLabel(this.scene, frame.sc, frame.state, s, groups, frame.viewpoint);
      // In the regions' drawing order.
      this.labelLayer.addAt(label.root, next.length);
      next.push(label);
      changed = true;
    }
    this.labels = next;
    if (changed) this.labelsDirty = true;
  }

  /** The story markers this map draws now. */
  storyMarkers(): readonly StoryMarker[] {
    return this.geo ? this.markers.filter((m) => this.hasRegion(m.region)) : [];
  }

  private drawStory(zoom: number): void {
    if (!this.geo) return;
    const viewpoint = this.frame?.viewpoint ?? 'control';
    const texts = drawStory(this.story, this.markers, this.geo, zoom, viewpoint);
    const pool = this.storyText.list as Phaser.GameObjects.Text[];
    texts.forEach((t, i) => {
      let label = pool[i];
      if (!label) {
        label = this.scene.add
          .text(0, 0, '', {
            fontFamily: FONT.sans,
            fontSize: '10px',
            fontStyle: 'bold',
            stroke: UI.backgroundCss,
            strokeThickness: 3,
            resolution: Math.max(1, Math.min(2, globalThis.devicePixelRatio || 1)),
          })
          .setOrigin(0.5, 1.1);
        this.storyText.add(label);
      }
      if (label.text !== t.text) label.setText(t.text);
      if (label.style.color !== t.color) label.setColor(t.color);
      label
        .setPosition(t.x, t.y)
        .setScale(1 / zoom)
        .setAlpha(t.alpha)
        .setVisible(true);
    });
    for (let i = texts.length; i < pool.length; i++) pool[i]!.setVisible(false);
  }

  private clearLabels(): void {
    for (const l of this.labels) l.root.destroy();
    this.labels = [];
    this.labelsDirty = true;
  }

  /**
   * Redraw zoom-dependent marks when the zoom has changed, re-place labels when the view has moved
   * or labels changed (cheap: a few dozen boxes), and repaint the map bitmap when needed.
   */
  update(): void {
    if (!this.geo) return;
    const z = this.cam.zoom;
    const now = performance.now();
    if (z !== this.drawnZoom) {
      this.drawnZoom = z;
      this.drawMarks();
      this.storyDirty = true;
    }
    if (this.storyDirty) {
      this.storyDirty = false;
      this.drawStory(z);
    }
    const key = `${z},${this.cam.scrollX},${this.cam.scrollY},${this.rect.w},${this.rect.h}`;
    if (key !== this.laidOut) {
      this.laidOut = key;
      this.movedAt = now;
      this.labelsDirty = true;
    }
    if (this.labelsDirty) {
      this.labelsDirty = false;
      const r = this.rect;
      // Below the title bar and the buttons' row (24 + 6 + 24 px), inside the frame.
      const view = { x: r.x + 2, y: r.y + 56, w: r.w - 4, h: r.h - 58 };
      layoutLabels(this.labels, (id) => this.labelAnchor(id), z, view);
    }
    this.refreshMap(now);
  }

  /**
   * Repaint the map bitmap when the regions changed or the view left the painted area, and once
   * the view has rested at a zoom (or sub-pixel offset) the bitmap was not painted for; meanwhile
   * the bitmap is shown scaled.
   */
  private refreshMap(now: number): void {
    const geo = this.geo;
    const frame = this.frame;
    if (!geo || !frame) return;
    const c = this.cache;
    const z = this.cam.zoom;
    const view = this.visibleArea(geo, 0);
    const at = worldToScreen(this.cam, this.offsetX + c.area.x0, c.area.y0);
    const crisp =
      c.zoom === z &&
      Math.abs(at.x - Math.round(at.x)) < 0.01 &&
      Math.abs(at.y - Math.round(at.y)) < 0.01;
    const stale = c.geo !== geo || c.sig !== this.sig || !c.covers(view);
    if (!stale && (crisp || now - this.movedAt < SETTLE_MS)) return;
    const area = this.visibleArea(geo, CACHE_MARGIN);
    // Start the bitmap on a whole screen pixel, so it is copied without resampling.
    const s = worldToScreen(this.cam, this.offsetX + area.x0, area.y0);
    const x0 = area.x0 - (s.x - Math.floor(s.x)) / z;
    const y0 = area.y0 - (s.y - Math.floor(s.y)) / z;
    c.paint(geo, frame.sc, frame.state, this.sig, z, { ...area, x0, y0 });
  }

  /** The theater-px rectangle in view, grown by `margin` of its size, within the drawn map. */
  private visibleArea(geo: TheaterGeo, margin: number): Box {
    const a = screenToWorld(this.cam, this.rect.x, this.rect.y);
    const b = screenToWorld(this.cam, this.rect.x + this.rect.w, this.rect.y + this.rect.h);
    const mx = (b.x - a.x) * margin;
    const my = (b.y - a.y) * margin;
    return {
      x0: Math.max(-MARGIN, a.x - this.offsetX - mx),
      y0: Math.max(-MARGIN, a.y - my),
      x1: Math.min(geo.width + MARGIN, b.x - this.offsetX + mx),
      y1: Math.min(geo.height + MARGIN, b.y + my),
    };
  }

  /**
   * Where a region's label goes on screen: its label point, or, when that is off screen while
   * part of the region shows, the nearest point of the region's visible part (so a big region cut
   * by the viewport keeps its name and counters).
   */
  private labelAnchor(id: string): { x: number; y: number } | null {
    const l = this.labels.find((x) => x.id === id);
    const r = this.geo?.regions.find((s) => s.id === id);
    if (!l || !r) return null;
    const at = worldToScreen(this.cam, this.offsetX + r.label[0], r.label[1]);
    // Keep the whole name inside the viewport (and clear of the title bar).
    const mx = Math.max(30, l.textBox.w / 2 + 4);
    const v = {
      x0: this.rect.x + mx,
      y0: this.rect.y + 24 + 30,
      x1: this.rect.x + this.rect.w - mx,
      y1: this.rect.y + this.rect.h - 30,
    };
    const b0 = worldToScreen(this.cam, this.offsetX + r.box.x0, r.box.y0);
    const b1 = worldToScreen(this.cam, this.offsetX + r.box.x1, r.box.y1);
    const x0 = Math.max(v.x0, b0.x);
    const x1 = Math.min(v.x1, b1.x);
    const y0 = Math.max(v.y0, b0.y);
    const y1 = Math.min(v.y1, b1.y);
    let p = at;
    if (x0 <= x1 && y0 <= y1) {
      p = { x: Phaser.Math.Clamp(at.x, x0, x1), y: Phaser.Math.Clamp(at.y, y0, y1) };
    }
    const w = screenToWorld(this.cam, p.x, p.y);
    l.root.setPosition(w.x - this.offsetX, w.y);
    return p;
  }

  /** A region's centre (or label anchor) in canvas CSS px, if this theater draws it. */
  regionAt(id: string, which: 'center' | 'label' = 'center'): { x: number; y: number } | null {
    const r = this.geo?.regions.find((s) => s.id === id);
    if (!r) return null;
    const p = which === 'center' ? r.center : r.label;
    return worldToScreen(this.cam, this.offsetX + p[0], p[1]);
  }

  /** Whether a canvas point is inside this theater's viewport. */
  contains(sx: number, sy: number): boolean {
    const r = this.rect;
    return sx >= r.x && sx < r.x + r.w && sy >= r.y && sy < r.y + r.h;
  }

  /** Screen rectangles (canvas CSS px) of the counters now shown, with their region. */
  counterBoxes(): { region: string; x: number; y: number; w: number; h: number }[] {
    const out: { region: string; x: number; y: number; w: number; h: number }[] = [];
    for (const l of this.labels) {
      if (!l.block.visible) continue;
      const at = worldToScreen(this.cam, this.offsetX + l.root.x, l.root.y);
      for (const h of l.hits)
        out.push({
          region: l.id,
          x: at.x + l.offset.x + h.x,
          y: at.y + l.offset.y + h.y,
          w: h.w,
          h: h.h,
        });
    }
    return out;
  }

  /** What is under a canvas point: a counter first, then the topmost region. */
  hitTest(sx: number, sy: number): MapHit | null {
    const frame = this.frame;
    if (!this.geo || !frame || !this.contains(sx, sy)) return null;
    for (const l of this.labels) {
      if (!l.block.visible) continue;
      const at = worldToScreen(this.cam, this.offsetX + l.root.x, l.root.y);
      for (const h of l.hits) {
        const x = at.x + l.offset.x + h.x;
        const y = at.y + l.offset.y + h.y;
        if (sx >= x && sx < x + h.w && sy >= y && sy < y + h.h) {
          const first = h.group.forces[0]!;
          return {
            sel: { kind: 'force', id: first.id },
            tooltip: counterTooltip(frame.sc, frame.state, h.group),
          };
        }
      }
    }
    const w = screenToWorld(this.cam, sx, sy);
    const p = [w.x - this.offsetX, w.y] as const;
    const regions = this.geo.regions;
    for (let i = regions.length - 1; i >= 0; i--) {
      const r = regions[i]!;
      if (boxHas(r.box, p) && inRings(p, r.rings)) {
        return {
          sel: { kind: 'region', id: r.id },
          tooltip: regionTooltip(frame.sc, frame.state, r.id),
        };
      }
    }
    return null;
  }
}
