import type { ActorId } from '../sim/ids';

/**
 * Colours and marks for actors. The hues are the Okabe–Ito palette, safe for the common forms of
 * colour blindness; colour is never the only cue: every actor also has a short code drawn next to
 * its regions and counters, and the China–Russia bloc's holdings carry a hatch pattern.
 */
export interface ActorStyle {
  readonly color: number;
  readonly css: string;
  /** Two-letter code shown on regions, counters and log rows. */
  readonly code: string;
  /** Text colour that reads on top of `color`: a contrast of at least 4.5:1 (WCAG AA). */
  readonly ink: string;
  /** Part of the China–Russia bloc (hatched on the map). */
  readonly hostile: boolean;
}

const style = (css: string, code: string, ink: string, hostile: boolean): ActorStyle => ({
  color: parseInt(css.slice(1), 16),
  css,
  code,
  ink,
  hostile,
});

export const ACTOR_STYLE: Record<ActorId, ActorStyle> = {
  china: style('#D55E00', 'CN', '#000000', true),
  russia: style('#CC79A7', 'RU', '#1a1a1a', true),
  usa: style('#0072B2', 'US', '#ffffff', false),
  'nato-europe': style('#56B4E9', 'EU', '#1a1a1a', false),
  taiwan: style('#009E73', 'TW', '#000000', false),
  japan: style('#F0E442', 'JP', '#1a1a1a', false),
  ukraine: style('#E69F00', 'UA', '#1a1a1a', false),
  'north-korea': style('#8C6D8C', 'KP', '#000000', true),
  iran: style('#9A8C6E', 'IR', '#000000', true),
  'non-aligned': style('#9E9E9E', 'NA', '#1a1a1a', false),
};

/** The calm, dark UI: sea, land without a scenario role, lines and text. */
export const UI = {
  background: 0x10161d,
  backgroundCss: '#10161d',
  sea: 0x16222e,
  seaCss: '#16222e',
  land: 0x2a333d,
  landCss: '#2a333d',
  border: 0x46525e,
  panel: 0x18212b,
  panelCss: '#18212b',
  text: '#e6edf3',
  muted: '#9aa7b4',
  accent: 0xffd166,
  accentCss: '#ffd166',
  danger: '#ff6b6b',
} as const;

/** Font stacks for canvas text (the DejaVu fallbacks are what headless Linux browsers have). */
export const FONT = {
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
  mono: 'ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace',
} as const;

/** Blend two 0xRRGGBB colours: `t` = 0 gives `a`, 1 gives `b`. */
export function mixColor(a: number, b: number, t: number): number {
  const ch = (shift: number): number => {
    const x = (a >> shift) & 0xff;
    const y = (b >> shift) & 0xff;
    return Math.round(x + (y - x) * t) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}
