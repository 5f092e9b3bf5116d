/**
 * A tiny element builder. Text always goes in through `textContent`, never `innerHTML`: scenario
 * and replay files come from outside, and nothing from them may ever be parsed as markup.
 */
type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** Remove every child (cheaper and safer than assigning markup). */
export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Build an SVG element (charts on the end screen). */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

/** "balticHeavyBrigades" → "Baltic heavy brigades". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A short line in a series' colour and dash pattern, for chart legends. */
export function lineSwatch(color: string, dash: string): SVGSVGElement {
  return svg(
    'svg',
    { width: 28, height: 8, 'aria-hidden': 'true' },
    svg('line', {
      x1: 0,
      x2: 28,
      y1: 4,
      y2: 4,
      stroke: color,
      'stroke-width': 2,
      'stroke-dasharray': dash || null,
    }),
  );
}

/** A horizontal grid line with its value at the left, for chart axes. */
export function gridLine(x0: number, x1: number, y: number, label: string): SVGElement[] {
  return [
    svg('line', { x1: x0, x2: x1, y1: y, y2: y, class: 'grid' }),
    svg('text', { x: x0 - 4, y: y + 3, class: 'tick', 'text-anchor': 'end', text: label }),
  ];
}
