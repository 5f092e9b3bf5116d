import type Phaser from 'phaser';
import type { Theater } from '../sim/ids';
import type { Rect } from './layout';
import { FONT, UI } from './palette';

/**
 * What sits on top of the maps without zooming: each theater's title bar and zoom buttons, and
 * the tooltip. Drawn under the map scene's HUD camera; buttons are hit-tested by rectangle.
 */

export type ZoomAction = 'in' | 'out' | 'reset' | 'legend';

interface Button extends Rect {
  readonly theater: Theater;
  readonly action: ZoomAction;
}

const BTN = 24;
const TITLE_H = 24;
const RES = Math.max(1, Math.min(2, globalThis.devicePixelRatio || 1));

export class MapHud {
  readonly root: Phaser.GameObjects.Container;
  private readonly frames: Phaser.GameObjects.Graphics;
  private readonly titles: Record<Theater, Phaser.GameObjects.Text>;
  private readonly glyphs: Phaser.GameObjects.Text[] = [];
  private readonly tipBg: Phaser.GameObjects.Graphics;
  private readonly tipText: Phaser.GameObjects.Text;
  private readonly tipTitle: Phaser.GameObjects.Text;
  private buttons: Button[] = [];

  constructor(private readonly scene: Phaser.Scene) {
    this.frames = scene.add.graphics();
    const title = (): Phaser.GameObjects.Text =>
      scene.add.text(0, 0, '', {
        fontFamily: FONT.sans,
        fontSize: '13px',
        fontStyle: 'bold',
        color: UI.text,
        resolution: RES,
      });
    this.titles = { europe: title(), indoPacific: title() };
    this.tipBg = scene.add.graphics().setVisible(false);
    this.tipText = scene.add
      .text(0, 0, '', {
        fontFamily: FONT.sans,
        fontSize: '12px',
        color: UI.text,
        lineSpacing: 3,
        wordWrap: { width: 380 },
        resolution: RES,
      })
      .setVisible(false);
    this.tipTitle = scene.add
      .text(0, 0, '', {
        fontFamily: FONT.sans,
        fontSize: '13px',
        fontStyle: 'bold',
        color: UI.text,
        resolution: RES,
      })
      .setVisible(false);
    this.root = scene.add.container(0, 0, [
      this.frames,
      this.titles.europe,
      this.titles.indoPacific,
      this.tipBg,
      this.tipText,
      this.tipTitle,
    ]);
  }

  /** Draw title bars and buttons along the top of each map viewport. */
  layout(eu: Rect, ip: Rect): void {
    const g = this.frames;
    g.clear();
    for (const t of this.glyphs) t.destroy();
    this.glyphs.length = 0;
    this.buttons = [];
    const place = (theater: Theater, r: Rect): void => {
      g.fillStyle(UI.panel, 1);
      g.fillRect(r.x, r.y, r.w, TITLE_H);
      g.lineStyle(1, UI.border, 1);
      g.strokeRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
      this.titles[theater].setPosition(r.x + 8, r.y + 4);
      const actions: [ZoomAction, string][] = [
        ['legend', '☰'],
        ['reset', '⟲'],
        ['out', '−'],
        ['in', '+'],
      ];
      actions.forEach(([action, glyph], i) => {
        const x = r.x + r.w - (actions.length - i) * (BTN + 2) - 2;
        const y = r.y + TITLE_H + 6;
        g.fillStyle(UI.panel, 0.92);
        g.fillRoundedRect(x, y, BTN, BTN, 4);
        g.lineStyle(1, UI.border, 1);
        g.strokeRoundedRect(x + 0.5, y + 0.5, BTN - 1, BTN - 1, 4);
        const t = this.scene.add
          .text(x + BTN / 2, y + BTN / 2, glyph, {
            fontFamily: FONT.sans,
            fontSize: '16px',
            fontStyle: 'bold',
            color: UI.text,
            resolution: RES,
          })
          .setOrigin(0.5, 0.55);
        this.glyphs.push(t);
        this.root.addAt(t, 1);
        this.buttons.push({ theater, action, x, y, w: BTN, h: BTN });
      });
    };
    place('europe', eu);
    place('indoPacific', ip);
  }

  /** The centre of a map's button, in canvas CSS px (null before the first layout). */
  buttonCentre(theater: Theater, action: ZoomAction): { x: number; y: number } | null {
    const b = this.buttons.find((x) => x.theater === theater && x.action === action);
    return b ? { x: b.x + b.w / 2, y: b.y + b.h / 2 } : null;
  }

  setTitles(europe: string, indoPacific: string): void {
    this.titles.europe.setText(europe);
    this.titles.indoPacific.setText(indoPacific);
  }

  /** Every zoom button's rectangle (canvas CSS px): panels over the canvas must leave them free. */
  zoomButtons(): readonly Rect[] {
    return this.buttons.map(({ x, y, w, h }) => ({ x, y, w, h }));
  }

  /** The tooltip's first line while one is shown (null: none). */
  tooltipTitle(): string | null {
    return this.tipBg.visible ? this.tipTitle.text : null;
  }

  /** The zoom button under a canvas point, if any. */
  buttonAt(x: number, y: number): Button | null {
    return this.buttons.find((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h) ?? null;
  }

  /** Show tooltip lines near the pointer (the first in bold), kept inside `bounds`. */
  showTooltip(lines: readonly string[], px: number, py: number, bounds: Rect): void {
    const t = this.tipText;
    const head = this.tipTitle;
    head.setText(lines[0] ?? '');
    t.setText(lines.slice(1).join('\n'));
    const w = Math.min(Math.max(t.width, head.width) + 16, bounds.w);
    const h = head.height + t.height + 14;
    let x = px + 16;
    let y = py + 14;
    if (x + w > bounds.x + bounds.w) x = px - 16 - w;
    if (y + h > bounds.y + bounds.h) y = Math.max(bounds.y, bounds.y + bounds.h - h);
    x = Math.max(bounds.x, x);
    const g = this.tipBg;
    g.clear();
    g.fillStyle(0x0b1016, 0.94);
    g.fillRoundedRect(x, y, w, h, 5);
    g.lineStyle(1, UI.border, 1);
    g.strokeRoundedRect(x + 0.5, y + 0.5, w - 1, h - 1, 5);
    g.setVisible(true);
    head.setPosition(x + 8, y + 6).setVisible(true);
    t.setPosition(x + 8, y + 8 + head.height).setVisible(true);
  }

  hideTooltip(): void {
    this.tipBg.setVisible(false);
    this.tipText.setVisible(false);
    this.tipTitle.setVisible(false);
  }
}
