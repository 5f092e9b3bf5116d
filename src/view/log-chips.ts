import type Phaser from 'phaser';
import type { ActorId } from '../sim/ids';
import type { Scenario } from '../sim/scenario/schema';
import type { LogFilter } from './contract';
import { actorFilters, THEATER_FILTERS } from './log-format';
import { CHIP_H, CHIP_ON, PAD, SANS } from './log-style';
import { ACTOR_STYLE, UI } from './palette';

/**
 * The log's filter chips: theaters on one line, then All and each actor's code (in its colour, with
 * the code as text so colour is never the only cue), wrapping to the column's width.
 */

interface Chip {
  x: number;
  y: number;
  w: number;
  text: Phaser.GameObjects.Text;
  theater?: LogFilter['theater'];
  actor?: ActorId | 'all';
}

export class FilterChips {
  private chips: Chip[] = [];

  constructor(private readonly scene: Phaser.Scene) {}

  /** One chip per theater choice and per actor the scenario has. */
  build(sc: Scenario): void {
    for (const c of this.chips) c.text.destroy();
    this.chips = [];
    const add = (label: string, extra: Partial<Chip>) => {
      const text = this.scene.add
        .text(0, 0, label, { fontFamily: SANS, fontSize: '11px', color: UI.text })
        .setFontStyle('bold')
        .setDepth(3);
      this.chips.push({ x: 0, y: 0, w: Math.ceil(text.width) + 14, text, ...extra });
    };
    for (const t of THEATER_FILTERS) add(t.label, { theater: t.value });
    add('All', { actor: 'all' });
    for (const a of actorFilters(sc)) add(ACTOR_STYLE[a].code, { actor: a });
  }

  /** Flow the chips from `top` within `width`; returns the y just below the last line. */
  layout(top: number, width: number): number {
    let x = PAD;
    let y = top;
    let wasTheater = true;
    for (const c of this.chips) {
      if (wasTheater && c.actor !== undefined) {
        x = PAD;
        y += CHIP_H + 6;
      }
      wasTheater = c.theater !== undefined;
      if (x + c.w > width - PAD) {
        x = PAD;
        y += CHIP_H + 4;
      }
      c.x = x;
      c.y = y;
      c.text.setPosition(x + 7, y + 3);
      x += c.w + 4;
    }
    return y + CHIP_H;
  }

  private isOn(c: Chip, f: LogFilter): boolean {
    return c.theater !== undefined ? c.theater === f.theater : c.actor === f.actor;
  }

  /** Text colours for a filter (only on change: each setColor re-rasterises the Text). */
  paint(f: LogFilter): void {
    for (const c of this.chips) {
      const st = c.actor && c.actor !== 'all' ? ACTOR_STYLE[c.actor] : null;
      c.text.setColor(this.isOn(c, f) ? (st ? st.ink : UI.backgroundCss) : UI.text);
    }
  }

  /** Chip shapes: chosen ones filled, the others outlined (actors in their colour). */
  draw(g: Phaser.GameObjects.Graphics, f: LogFilter): void {
    for (const c of this.chips) {
      const st = c.actor && c.actor !== 'all' ? ACTOR_STYLE[c.actor] : null;
      if (this.isOn(c, f))
        g.fillStyle(st ? st.color : CHIP_ON, 1).fillRoundedRect(c.x, c.y, c.w, CHIP_H, 10);
      else
        g.lineStyle(1, st ? st.color : UI.border, 1).strokeRoundedRect(
          c.x + 0.5,
          c.y + 0.5,
          c.w - 1,
          CHIP_H - 1,
          10,
        );
    }
  }

  /** The filter a click at (lx, ly) asks for, or null if it hit no chip. */
  hit(lx: number, ly: number, f: LogFilter): LogFilter | null {
    const c = this.chips.find((k) => lx >= k.x && lx < k.x + k.w && ly >= k.y && ly < k.y + CHIP_H);
    if (!c) return null;
    if (c.theater !== undefined) return { ...f, theater: c.theater };
    return { ...f, actor: c.actor ?? 'all' };
  }
}
