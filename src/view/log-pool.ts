import Phaser from 'phaser';
import { DETAIL_INK, LINE_H, MONO, SANS } from './log-style';
import { UI } from './palette';

/**
 * Text objects of the log rows in view, kept by item key while they stay in view and recycled
 * when they leave. Phaser re-rasterises a Text on every change, so a row that scrolls only moves,
 * and a new row reuses a released Text rather than creating one.
 */

/** The three Texts of one row. */
export interface RowTexts {
  readonly badge: Phaser.GameObjects.Text;
  readonly code: Phaser.GameObjects.Text;
  readonly title: Phaser.GameObjects.Text;
}

/** Item keys start with their kind: 'r' row, 't' turn header, 'd' detail block, 'h' its headings. */
type TextKind = 't' | 'd' | 'h';

function kindOf(key: string): TextKind {
  return key[0] === 't' ? 't' : key[0] === 'h' ? 'h' : 'd';
}

export class TextPool {
  private live = new Map<string, RowTexts | Phaser.GameObjects.Text>();
  private freeRows: RowTexts[] = [];
  private free: Record<TextKind, Phaser.GameObjects.Text[]> = { t: [], d: [], h: [] };
  private fitted = new Map<string, string>();
  private ctx: CanvasRenderingContext2D | null = document.createElement('canvas').getContext('2d');

  constructor(private readonly scene: Phaser.Scene) {}

  /** Width of one character of the detail block's monospace type. */
  monoWidth(): number {
    if (!this.ctx) return 6.6;
    this.ctx.font = `11px ${MONO}`;
    return this.ctx.measureText('0123456789').width / 10;
  }

  private make(size: number, color: string, family = SANS): Phaser.GameObjects.Text {
    return this.scene.add
      .text(0, 0, '', { fontFamily: family, fontSize: `${size}px`, color })
      .setDepth(1);
  }

  /** The row's Texts and whether they were just (re)assigned and need their content set. */
  row(key: string): { texts: RowTexts; fresh: boolean } {
    const hit = this.live.get(key);
    if (hit && !(hit instanceof Phaser.GameObjects.Text)) return { texts: hit, fresh: false };
    const texts = this.freeRows.pop() ?? {
      badge: this.make(9, UI.muted).setFontStyle('bold'),
      code: this.make(10, UI.text).setFontStyle('bold'),
      title: this.make(12, UI.text),
    };
    for (const t of [texts.badge, texts.code, texts.title]) t.setVisible(true);
    this.live.set(key, texts);
    return { texts, fresh: true };
  }

  /**
   * The Text of a turn header ('t…'), detail block ('d…') or its headings ('h…'); `content` is
   * asked for only when the Text is (re)assigned.
   */
  text(key: string, content: () => string): Phaser.GameObjects.Text {
    const hit = this.live.get(key);
    if (hit instanceof Phaser.GameObjects.Text) return hit;
    const kind = kindOf(key);
    const t = this.free[kind].pop() ?? this.makeOf(kind);
    t.setText(content()).setVisible(true);
    this.live.set(key, t);
    return t;
  }

  private makeOf(kind: TextKind): Phaser.GameObjects.Text {
    if (kind === 't') return this.make(11, UI.accentCss).setFontStyle('bold');
    const t = this.make(11, kind === 'd' ? DETAIL_INK : UI.muted, MONO);
    // Bold monospace keeps the advance width, so headings stay aligned with the body lines.
    if (kind === 'h') t.setFontStyle('bold');
    return t.setLineSpacing(LINE_H - 13);
  }

  /** Release every object whose key is not in `keep`. */
  releaseExcept(keep: ReadonlySet<string>): void {
    for (const key of [...this.live.keys()]) if (!keep.has(key)) this.release(key);
  }

  /** Release everything and forget fitted titles (the width or the scenario changed). */
  reset(): void {
    for (const key of [...this.live.keys()]) this.release(key);
    this.fitted.clear();
  }

  private release(key: string): void {
    const obj = this.live.get(key);
    if (!obj) return;
    this.live.delete(key);
    if (obj instanceof Phaser.GameObjects.Text) {
      obj.setVisible(false);
      this.free[kindOf(key)].push(obj);
    } else {
      for (const t of [obj.badge, obj.code, obj.title]) t.setVisible(false);
      this.freeRows.push(obj);
    }
  }

  /**
   * `title` wrapped at words onto at most two lines of `w` px (joined by a newline), the second
   * cut with an ellipsis only if it still does not fit; measured once per key until `reset`.
   */
  lines(key: string, title: string, w: number, bold: boolean): string {
    const hit = this.fitted.get(key);
    if (hit !== undefined) return hit;
    const ctx = this.ctx;
    let out = title;
    if (ctx) {
      ctx.font = `${bold ? 'bold ' : ''}12px ${SANS}`;
      if (ctx.measureText(title).width > w) {
        const words = title.split(' ');
        let n = 1;
        while (n < words.length && ctx.measureText(words.slice(0, n + 1).join(' ')).width <= w) n++;
        const rest = words.slice(n).join(' ');
        out = rest
          ? `${words.slice(0, n).join(' ')}\n${this.fit(`${key}+`, rest, w, bold)}`
          : title;
        if (!rest) out = this.fit(`${key}+`, title, w, bold);
      }
    }
    this.fitted.set(key, out);
    return out;
  }

  /** `title` cut to `w` px with an ellipsis; measured once per key until `reset`. */
  fit(key: string, title: string, w: number, bold: boolean): string {
    const hit = this.fitted.get(key);
    if (hit !== undefined) return hit;
    let out = title;
    const ctx = this.ctx;
    if (ctx) {
      ctx.font = `${bold ? 'bold ' : ''}12px ${SANS}`;
      if (ctx.measureText(title).width > w) {
        let lo = 0;
        let hi = title.length;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (ctx.measureText(`${title.slice(0, mid)}…`).width <= w) lo = mid;
          else hi = mid - 1;
        }
        out = `${title.slice(0, lo).trimEnd()}…`;
      }
    }
    this.fitted.set(key, out);
    return out;
  }
}
