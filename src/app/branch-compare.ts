import { buildTimeline, type Timeline } from '../engine/timeline';
import type { TrackSnapshot } from '../sim/phases';
import type { ReplayRecord } from '../sim/replay';
import { gridLine, h, lineSwatch, svg } from './dom';

/**
 * A fork beside its parent: for each key track, both branches over time on one small chart (the
 * parent dashed, the fork solid, a marker where they split), each branch's outcome, and a table of
 * where every track ended. The parent is re-simulated from its record like any replay, so what is
 * compared is what the engine gives, not what a file claims.
 */

interface Metric {
  readonly key: string;
  readonly label: string;
  readonly max: number;
}

const METRICS: readonly Metric[] = [
  { key: 'escalation.indoPacific', label: 'Escalation, Indo-Pacific (rung)', max: 7 },
  { key: 'escalation.europe', label: 'Escalation, Europe (rung)', max: 7 },
  { key: 'natoCohesion', label: 'NATO cohesion', max: 100 },
  { key: 'article5Credibility', label: 'Article 5 credibility', max: 100 },
  { key: 'coordination', label: 'China–Russia coordination', max: 100 },
  { key: 'miscalcRisk', label: 'Miscalculation risk', max: 100 },
  { key: 'usPacificShare', label: 'US forces in the Pacific (%)', max: 100 },
  { key: 'taiwanSupply', label: 'Taiwan supply', max: 100 },
  { key: 'deterrence.indoPacific', label: 'Deterrence, Indo-Pacific', max: 100 },
  { key: 'deterrence.europe', label: 'Deterrence, Europe', max: 100 },
];

const PARENT = { color: '#9aa7b4', dash: '6 4', name: 'Parent' } as const;
const FORK = { color: '#ffd166', dash: '', name: 'This fork' } as const;

export function branchCompare(
  fork: Timeline,
  parentRecord: ReplayRecord,
  actions: { close(): void },
): HTMLElement {
  const el = h('section', {
    class: 'end-screen compare',
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': 'compare-title',
    'data-testid': 'compare',
  });
  const close = h('button', { type: 'button', class: 'ghost' }, 'Back to the replay');
  close.addEventListener('click', actions.close);
  const at = fork.record.parent?.turn ?? 0;
  const parent = buildTimeline(fork.loaded, parentRecord);
  el.append(
    h(
      'header',
      {},
      h('p', { class: 'kicker', text: `Branched after turn ${at}` }),
      h('h1', { id: 'compare-title', text: 'Two branches of one game' }),
      h('div', { class: 'end-actions' }, close),
    ),
  );
  if (!parent.ok) {
    el.append(
      h('p', {
        class: 'error',
        text: `The parent game does not replay on this scenario (${parent.error.turn ? `turn ${parent.error.turn}: ` : ''}${parent.error.reason}), so there is nothing to compare.`,
      }),
    );
    queueMicrotask(() => close.focus());
    return el;
  }
  const p = parent.value;
  const outcome = (t: Timeline): string =>
    t.frames[t.frames.length - 1]!.state.outcome?.label ??
    (t.ended ? 'The campaign ran its course' : `In progress at turn ${t.frames.length - 1}`);
  el.append(
    h(
      'div',
      { class: 'branches', 'data-testid': 'compare-outcomes' },
      branchCard(PARENT, outcome(p), p.frames.length - 1),
      branchCard(FORK, outcome(fork), fork.frames.length - 1),
    ),
    h(
      'div',
      { class: 'compare-grid', 'data-testid': 'compare-charts' },
      ...METRICS.map((m) => smallChart(m, p.tracks, fork.tracks, at)),
    ),
    finalTable(p.tracks, fork.tracks),
  );
  queueMicrotask(() => close.focus());
  return el;
}

function branchCard(
  style: typeof PARENT | typeof FORK,
  outcome: string,
  turns: number,
): HTMLElement {
  return h(
    'div',
    { class: 'branch' },
    swatch(style),
    h('strong', { text: ` ${style.name}` }),
    h('p', { text: outcome }),
    h('p', { class: 'hint', text: `${turns} turns played` }),
  );
}

function swatch(style: { color: string; dash: string }): SVGSVGElement {
  return lineSwatch(style.color, style.dash);
}

function smallChart(
  m: Metric,
  parent: readonly TrackSnapshot[],
  fork: readonly TrackSnapshot[],
  at: number,
): HTMLElement {
  const W = 300;
  const H = 120;
  const pad = { l: 28, r: 8, t: 8, b: 18 };
  const n = Math.max(2, parent.length, fork.length);
  const x = (turn: number): number => pad.l + ((turn - 1) / (n - 1)) * (W - pad.l - pad.r);
  const y = (v: number): number => pad.t + (1 - Math.min(v, m.max) / m.max) * (H - pad.t - pad.b);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'chart' });
  const pv = parent[parent.length - 1]?.[m.key];
  const fv = fork[fork.length - 1]?.[m.key];
  root.setAttribute(
    'aria-label',
    `${m.label}: parent ends at ${pv ?? '–'}, this fork at ${fv ?? '–'}`,
  );
  for (const v of [0, m.max / 2, m.max]) {
    root.append(...gridLine(pad.l, W - pad.r, y(v), String(v)));
  }
  if (at > 0)
    root.append(
      svg('line', { x1: x(at), x2: x(at), y1: pad.t, y2: H - pad.b, class: 'branch-mark' }),
      svg('text', { x: x(at) + 3, y: H - 6, class: 'tick', text: `split T${at}` }),
    );
  for (const [rows, style] of [
    [parent, PARENT],
    [fork, FORK],
  ] as const)
    root.append(
      svg('polyline', {
        points: rows
          .map((r) => `${x(r['turn'] ?? 1).toFixed(1)},${y(r[m.key] ?? 0).toFixed(1)}`)
          .join(' '),
        fill: 'none',
        stroke: style.color,
        'stroke-width': 2,
        'stroke-dasharray': style.dash || null,
      }),
    );
  return h(
    'figure',
    { class: 'chart-box small' },
    h('figcaption', { text: m.label }),
    root,
    h(
      'p',
      { class: 'legend-line' },
      swatch(PARENT),
      ` ${pv ?? '–'}  `,
      swatch(FORK),
      ` ${fv ?? '–'}`,
    ),
  );
}

function finalTable(parent: readonly TrackSnapshot[], fork: readonly TrackSnapshot[]): HTMLElement {
  const pl = parent[parent.length - 1] ?? {};
  const fl = fork[fork.length - 1] ?? {};
  const table = h('table', { class: 'scores compare-table', 'data-testid': 'compare-table' });
  table.append(
    h('caption', { text: 'Where each track ended' }),
    h(
      'tr',
      {},
      h('th', { scope: 'col', text: 'Track' }),
      h('th', { scope: 'col', text: 'Parent' }),
      h('th', { scope: 'col', text: 'This fork' }),
      h('th', { scope: 'col', text: 'Difference' }),
    ),
  );
  for (const m of METRICS) {
    const a = pl[m.key];
    const b = fl[m.key];
    const d = a === undefined || b === undefined ? null : b - a;
    table.append(
      h(
        'tr',
        {},
        h('th', { scope: 'row', text: m.label }),
        h('td', { class: 'num', text: a === undefined ? '–' : String(a) }),
        h('td', { class: 'num', text: b === undefined ? '–' : String(b) }),
        h('td', { class: 'num', text: d === null ? '–' : d > 0 ? `+${d}` : String(d) }),
      ),
    );
  }
  return table;
}
