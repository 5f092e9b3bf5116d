import type Phaser from 'phaser';
import type { Scenario } from '../sim/scenario/schema';
import type { GameState } from '../sim/state';
import type { TheaterGeo } from './geo';
import type { Box } from './geom';
import { CanvasPen, drawMap } from './map-draw';

/**
 * One theater's map painted once into a bitmap, shown as an Image in the theater's world. The
 * canvas renderer then copies one image a frame instead of rasterising hundreds of coastline and
 * border paths; the bitmap is repainted only when the regions' owners change, the zoom settles at
 * a new level, or the view leaves the painted area.
 *
 * The bitmap holds the view plus a margin, at one bitmap pixel per screen pixel at the zoom it was
 * painted for, placed so its pixels fall on whole screen pixels (crisp until the next zoom).
 */

/** Largest bitmap side, in pixels. */
const MAX_SIDE = 4096;

export class MapCache {
  readonly image: Phaser.GameObjects.Image;
  private readonly tex: Phaser.Textures.CanvasTexture;
  /** The zoom the bitmap was painted at (0: nothing painted yet). */
  zoom = 0;
  /** The theater-px rectangle the bitmap covers. */
  area: Box = { x0: 0, y0: 0, x1: 0, y1: 0 };
  /** The map signature and geography it was painted from. */
  sig = '';
  geo: TheaterGeo | null = null;

  constructor(scene: Phaser.Scene, key: string) {
    if (scene.textures.exists(key)) scene.textures.remove(key);
    const tex = scene.textures.createCanvas(key, 1, 1);
    if (!tex) throw new Error(`cannot create canvas texture ${key}`);
    this.tex = tex;
    this.image = scene.add.image(0, 0, key).setOrigin(0, 0).setVisible(false);
  }

  /** Whether the bitmap covers a theater-px rectangle. */
  covers(view: Box): boolean {
    const a = this.area;
    return view.x0 >= a.x0 && view.y0 >= a.y0 && view.x1 <= a.x1 && view.y1 <= a.y1;
  }

  /**
   * Paint the map at `zoom` over `area` (theater px; its top-left corner should fall on a whole
   * screen pixel).
   */
  paint(
    geo: TheaterGeo,
    sc: Scenario,
    state: GameState,
    sig: string,
    zoom: number,
    area: Box,
  ): void {
    const w = Math.max(1, Math.min(MAX_SIDE, Math.ceil((area.x1 - area.x0) * zoom)));
    const h = Math.max(1, Math.min(MAX_SIDE, Math.ceil((area.y1 - area.y0) * zoom)));
    if (w !== this.tex.width || h !== this.tex.height) {
      this.tex.setSize(w, h);
      this.image.setSizeToFrame();
    }
    const ctx = this.tex.context;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.setTransform(zoom, 0, 0, zoom, -area.x0 * zoom, -area.y0 * zoom);
    this.area = { x0: area.x0, y0: area.y0, x1: area.x0 + w / zoom, y1: area.y0 + h / zoom };
    // Points under half a screen pixel apart add nothing the eye can see.
    drawMap(new CanvasPen(ctx, 0.5 / zoom), geo, sc, state, zoom, this.area);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.zoom = zoom;
    this.sig = sig;
    this.geo = geo;
    this.image
      .setPosition(area.x0, area.y0)
      .setScale(1 / zoom)
      .setVisible(true);
  }
}
