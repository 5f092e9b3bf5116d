import Phaser from 'phaser';
import { ESCALATION_LADDER, type Theater } from '../sim/ids';
import type { Scenario } from '../sim/scenario/schema';
import type { Selection, ViewFrame } from './contract';
import { buildTheaterGeo, type Atlas, type TheaterGeo } from './geo';
import type { Rect, ViewLayout } from './layout';
import { MapHud } from './map-hud';
import { storyMarkers, type StoryMarker } from './map-story';
import { MapLegend } from './map-legend';
import { addSymbolTextures } from './map-symbol-textures';
import { TheaterView } from './theater-view';

/**
 * Both theater maps, always visible side by side, each with its own camera: drag to pan, wheel or
 * the +/− buttons to zoom, ⟲ to fit the theater again. Hover shows a tooltip; a click reports a
 * region or force. Hit testing is done here by geometry (not per-object input), because the
 * shapes are drawn into shared Graphics layers and live under several cameras.
 */

/** Offset between the theaters in world space; each map is THEATER_WIDTH (1000) wide. */
const THEATER_SPACING = 3000;
/** Pointer travel (CSS px) beyond which a press is a drag, not a click. */
const DRAG_SLOP = 4;

export class MapScene extends Phaser.Scene {
  static readonly KEY = 'map';

  private theaters: Record<Theater, TheaterView> | null = null;
  private hud: MapHud | null = null;
  private sc: Scenario | null = null;
  /** Projected geography by theater and regions (see `render`). */
  private readonly geoCache = new Map<string, TheaterGeo>();
  private frame: ViewFrame | null = null;
  private layout: ViewLayout | null = null;
  private drag: { view: TheaterView; x: number; y: number; moved: boolean } | null = null;
  private selectCb: (sel: Selection | null) => void = () => {};
  private highlighted: string | null = null;
  private selected: Selection | null = null;
  private markers: StoryMarker[] = [];
  private legend: MapLegend | null = null;
  /** The map the legend is shown over, or null when hidden. */
  private legendOn: Theater | null = null;
  private readonly legendCbs: ((shown: boolean) => void)[] = [];

  constructor(
    private readonly atlas: Atlas,
    private readonly symbols: ReadonlyMap<string, HTMLCanvasElement>,
  ) {
    super({ key: MapScene.KEY });
  }

  create(): void {
    addSymbolTextures(this, this.symbols);
    const main = this.cameras.main;
    this.theaters = {
      europe: new TheaterView(this, 'europe', 0),
      indoPacific: new TheaterView(this, 'indoPacific', THEATER_SPACING),
    };
    // The HUD camera is added last so it draws on top of both maps.
    this.cameras.remove(main);
    const hudCam = this.cameras.add(0, 0, this.scale.width, this.scale.height, true, 'hud');
    this.hud = new MapHud(this);
    this.legend = new MapLegend(this);
    this.hud.root.add(this.legend.root);
    const { europe: eu, indoPacific: ip } = this.theaters;
    eu.cam.ignore([ip.root, this.hud.root]);
    ip.cam.ignore([eu.root, this.hud.root]);
    hudCam.ignore([eu.root, ip.root]);
    this.input.on('pointerdown', this.onDown, this);
    this.input.on('pointermove', this.onMove, this);
    this.input.on('pointerup', this.onUp, this);
    this.input.on('gameout', () => this.hud?.hideTooltip());
    this.input.on(
      'wheel',
      (p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number): void => {
        const v = this.viewAt(p.x, p.y);
        if (!v || dy === 0) return;
        v.zoomBy(dy > 0 ? 1 / 1.15 : 1.15, p.x, p.y);
        this.hud?.hideTooltip();
      },
    );
    if (this.layout) this.setLayout(this.layout);
    if (this.frame) this.render(this.frame);
  }

  /** Place both maps (and the HUD) in the layout's rectangles. */
  setLayout(l: ViewLayout): void {
    this.layout = l;
    if (!this.theaters || !this.hud) return;
    this.cameras.getCamera('hud')?.setSize(this.scale.width, this.scale.height);
    this.theaters.europe.setViewport(l.europe);
    this.theaters.indoPacific.setViewport(l.indoPacific);
    this.hud.layout(l.europe, l.indoPacific);
    if (this.legendOn) this.legend?.show(true, l[this.legendOn]);
  }

  onSelect(cb: (sel: Selection | null) => void): void {
    this.selectCb = cb;
  }

  render(frame: ViewFrame): void {
    this.frame = frame;
    if (!this.theaters || !this.hud) return;
    if (frame.sc !== this.sc) {
      this.sc = frame.sc;
      // Projecting the atlas is the costly part of a new scenario, and it depends only on the
      // regions: variants, replays and custom files that keep the baseline's map reuse it.
      const key = JSON.stringify(frame.sc.regions);
      for (const v of Object.values(this.theaters)) {
        const k = `${v.theater}|${key}`;
        let geo = this.geoCache.get(k);
        if (!geo) {
          geo = buildTheaterGeo(this.atlas, frame.sc.regions, v.theater);
          if (this.geoCache.size >= 8) this.geoCache.clear();
          this.geoCache.set(k, geo);
        }
        v.setGeo(geo);
      }
      if (this.layout) this.setLayout(this.layout);
    }
    this.markers = storyMarkers(frame.sc, frame.state, frame.log);
    for (const v of Object.values(this.theaters)) v.render(frame, this.markers);
    const esc = frame.state.tracks.escalation;
    this.hud.setTitles(
      `Europe · ${ESCALATION_LADDER[esc.europe] ?? esc.europe} (${esc.europe}/7)`,
      `Indo-Pacific · ${ESCALATION_LADDER[esc.indoPacific] ?? esc.indoPacific} (${esc.indoPacific}/7)`,
    );
    if (this.highlighted) this.highlight(this.highlighted, false);
    this.applySelection();
  }

  override update(): void {
    if (!this.theaters) return;
    this.theaters.europe.update();
    this.theaters.indoPacific.update();
  }

  /** Light a region and (unless told not to) pan its map to it; null clears. */
  highlight(id: string | null, pan = true): void {
    this.highlighted = id;
    if (!this.theaters) return;
    for (const v of Object.values(this.theaters)) {
      const mine = id !== null && v.hasRegion(id);
      v.setHighlight(mine ? id : null);
      if (mine && pan) v.centreOn(id);
    }
  }

  highlightedId(): string | null {
    return this.highlighted;
  }

  selection(): Selection | null {
    return this.selected;
  }

  /** Forget the selection (a new screen takes over the view). */
  clearSelection(): void {
    this.selected = null;
    this.applySelection();
  }

  /** A region's centre on the canvas (CSS px), or null when no map draws it. */
  regionAt(id: string): { x: number; y: number } | null {
    if (!this.theaters) return null;
    for (const v of Object.values(this.theaters)) {
      const p = v.regionAt(id);
      if (p) return p;
    }
    return null;
  }

  /** The map tooltip's first line while one is shown (for the view's probe). */
  tooltipTitle(): string | null {
    return this.hud?.tooltipTitle() ?? null;
  }

  /** The zoom buttons' rectangles (for the view's probe). */
  zoomButtons(): readonly Rect[] {
    return this.hud?.zoomButtons() ?? [];
  }

  /** Each map's viewport on the canvas (CSS px), once laid out. */
  mapRects(): Record<Theater, Rect> | null {
    const l = this.layout;
    return l ? { europe: l.europe, indoPacific: l.indoPacific } : null;
  }

  /** The counters on screen, by theater (for tests: see `ViewProbe.counters`). */
  counterBoxes(): {
    theater: Theater;
    region: string;
    x: number;
    y: number;
    w: number;
    h: number;
  }[] {
    if (!this.theaters) return [];
    return Object.values(this.theaters).flatMap((v) =>
      v.counterBoxes().map((b) => ({ theater: v.theater, ...b })),
    );
  }

  /** Show the legend over a map, or hide it if it is shown there already. */
  toggleLegend(theater: Theater = 'europe'): void {
    this.setLegend(this.legendOn !== theater, theater);
  }

  /** Show the legend over a map or hide it; returns where it is shown (CSS px) or null. */
  setLegend(on: boolean, theater: Theater = 'europe'): Rect | null {
    this.legendOn = on ? theater : null;
    const l = this.layout;
    if (this.legend && l) this.legend.show(on, l[theater]);
    return this.legend?.rect() ?? null;
  }

  /** Call `cb` when the legend is shown or hidden from the canvas (its ☰ buttons). */
  onLegend(cb: (shown: boolean) => void): void {
    this.legendCbs.push(cb);
  }

  /** Where a map's legend button is on the canvas (CSS px). */
  legendButton(theater: Theater = 'europe'): { x: number; y: number } | null {
    return this.hud?.buttonCentre(theater, 'legend') ?? null;
  }

  legendShown(): boolean {
    return this.legendOn !== null;
  }

  /** The story markers both maps draw now (for tests: see `ViewProbe.markers`). */
  storyMarkers(): StoryMarker[] {
    if (!this.theaters) return [];
    return [...this.theaters.europe.storyMarkers(), ...this.theaters.indoPacific.storyMarkers()];
  }

  isReady(): boolean {
    return this.theaters !== null && this.sc !== null;
  }

  private applySelection(): void {
    if (!this.theaters) return;
    for (const v of Object.values(this.theaters)) v.setSelected(this.selected);
  }

  private viewAt(x: number, y: number): TheaterView | null {
    if (!this.theaters) return null;
    return Object.values(this.theaters).find((v) => v.contains(x, y)) ?? null;
  }

  private onDown(p: Phaser.Input.Pointer): void {
    if (!this.hud) return;
    const button = this.hud.buttonAt(p.x, p.y);
    if (button && this.theaters) {
      const v = this.theaters[button.theater];
      if (button.action === 'legend') {
        this.toggleLegend(button.theater);
        for (const cb of this.legendCbs) cb(this.legendOn !== null);
      } else if (button.action === 'in') v.zoomBy(1.4);
      else if (button.action === 'out') v.zoomBy(1 / 1.4);
      else v.resetView();
      return;
    }
    // The legend is read, not clicked: a press on it neither drags nor selects the map below.
    const view = this.legend?.contains(p.x, p.y) ? null : this.viewAt(p.x, p.y);
    this.drag = view ? { view, x: p.x, y: p.y, moved: false } : null;
  }

  private onMove(p: Phaser.Input.Pointer): void {
    if (!this.hud) return;
    const d = this.drag;
    if (d && p.isDown) {
      if (!d.moved && Math.hypot(p.x - d.x, p.y - d.y) < DRAG_SLOP) return;
      d.view.panBy(p.x - d.x, p.y - d.y);
      d.moved = true;
      d.x = p.x;
      d.y = p.y;
      this.hud.hideTooltip();
      return;
    }
    const view = this.viewAt(p.x, p.y);
    const hit = view && !this.hud.buttonAt(p.x, p.y) ? view.hitTest(p.x, p.y) : null;
    // What is selected is described in the app's detail card: no second copy in a tooltip.
    const isSelected =
      hit !== null && hit.sel.kind === this.selected?.kind && hit.sel.id === this.selected.id;
    if (hit && !isSelected) this.hud.showTooltip(hit.tooltip, p.x, p.y, this.mapBounds(view));
    else this.hud.hideTooltip();
    this.input.setDefaultCursor(hit ? 'pointer' : view ? 'grab' : 'default');
  }

  private mapBounds(view: TheaterView | null): Rect {
    const l = this.layout;
    if (!l || !view) return { x: 0, y: 0, w: this.scale.width, h: this.scale.height };
    // The tooltip may spread over both maps, never over the log column.
    return { x: 0, y: l.europe.y, w: l.log.x, h: l.europe.h };
  }

  private onUp(p: Phaser.Input.Pointer): void {
    const d = this.drag;
    this.drag = null;
    if (!d || d.moved) return;
    const hit = d.view.hitTest(p.x, p.y);
    this.selected = hit ? hit.sel : null;
    if (hit) this.hud?.hideTooltip();
    this.applySelection();
    this.selectCb(this.selected);
  }
}
