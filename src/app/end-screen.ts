import { theaterName } from '../sim/context';
import { ESCALATION_LADDER, PLAYABLE_ACTORS, THEATERS, type ActorId } from '../sim/ids';
import type { LogEntry } from '../sim/log';
import type { TrackSnapshot } from '../sim/phases';
import type { Scenario } from '../sim/scenario/schema';
import type { GameState } from '../sim/state';
import { formatHour } from '../view/log-format';
import { ACTOR_STYLE } from '../view/palette';
import { gridLine, h, lineSwatch, svg } from './dom';
import { SCORE_RULE, termsLine } from './objectives';
import { decisionsCsv, tracksCsv } from './end-csv';
import { ladderKey, timelineItems } from './end-timeline';
import { downloadText } from './files';

/**
 * The end screen: the named outcome with the scenario's own description of it, why it happened
 * (the rule that fired, how each theater ended, where the ladders stood), every actor's score with
 * the terms it is made of, the timeline of key events and ladder moves and charts of the tracks
 * over time. Charts are SVG with a line style and a label per series, so no series is told apart
 * by colour alone. The tracks and the decisions export as CSV; printing gives a light page with
 * no controls (the print block in styles.css).
 */

export { KEY_EVENT_LABEL } from './end-timeline';

interface Series {
  readonly key: string;
  readonly label: string;
  readonly dash: string;
  readonly color: string;
}

const CHARTS: { title: string; max: number; series: Series[] }[] = [
  {
    title: 'Escalation (rungs of the ladder)',
    max: 7,
    series: [
      { key: 'escalation.indoPacific', label: 'Indo-Pacific', dash: '', color: '#E69F00' },
      { key: 'escalation.europe', label: 'Europe', dash: '6 4', color: '#56B4E9' },
    ],
  },
  {
    title: 'Alliances and risk (0–100)',
    max: 100,
    series: [
      { key: 'natoCohesion', label: 'NATO cohesion', dash: '', color: '#56B4E9' },
      { key: 'article5Credibility', label: 'Article 5 credibility', dash: '6 4', color: '#009E73' },
      { key: 'coordination', label: 'China–Russia coordination', dash: '2 3', color: '#CC79A7' },
      { key: 'miscalcRisk', label: 'Miscalculation risk', dash: '10 3 2 3', color: '#D55E00' },
    ],
  },
  {
    title: 'Forces and supply (0–100)',
    max: 100,
    series: [
      { key: 'usPacificShare', label: 'US forces in the Pacific (%)', dash: '', color: '#0072B2' },
      { key: 'taiwanSupply', label: 'Taiwan supply', dash: '6 4', color: '#009E73' },
      {
        key: 'deterrence.indoPacific',
        label: 'Deterrence, Indo-Pacific',
        dash: '2 3',
        color: '#E69F00',
      },
      { key: 'deterrence.europe', label: 'Deterrence, Europe', dash: '10 3 2 3', color: '#F0E442' },
    ],
  },
];

export function endScreen(
  sc: Scenario,
  state: GameState,
  tracks: readonly TrackSnapshot[],
  log: readonly LogEntry[],
  actions: {
    newGame(): void;
    close(): void;
    /** The AI chose for this human seat in this turn (see `GameDriver.aiDecided`). */
    aiPlayed?: (turn: number, actor: ActorId) => boolean;
  },
): HTMLElement {
  const outcome = state.outcome;
  const rule = outcome ? sc.outcomes.find((r) => r.id === outcome.id) : undefined;
  const el = h('section', {
    class: 'end-screen',
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': 'end-title',
    'data-testid': 'end-screen',
  });
  const newGame = h('button', { type: 'button', class: 'primary' }, 'New game');
  newGame.addEventListener('click', actions.newGame);
  const close = h('button', { type: 'button', class: 'ghost' }, 'Back to the map');
  close.addEventListener('click', actions.close);

  const scores = h('table', { class: 'scores', 'data-testid': 'scores' });
  scores.append(h('caption', { text: 'Scores by actor (−100 to 100)', title: SCORE_RULE }));
  for (const a of PLAYABLE_ACTORS) {
    const v = outcome?.scores[a] ?? 0;
    const st = ACTOR_STYLE[a];
    const bar = h('span', {
      class: `bar ${v >= 0 ? 'pos' : 'neg'}`,
      style: `width:${Math.min(50, Math.abs(v) / 2)}%`,
    });
    scores.append(
      h(
        'tr',
        {},
        h(
          'th',
          { scope: 'row' },
          h('span', {
            class: 'code',
            style: `background:${st.css};color:${st.ink}`,
            text: st.code,
          }),
          ` ${sc.actors[a]?.name ?? a}`,
        ),
        h('td', { class: 'num', text: v > 0 ? `+${v}` : String(v) }),
        h('td', { class: 'barcell' }, h('span', { class: 'axis' }), bar),
      ),
    );
    const terms = outcome?.terms[a];
    if (terms)
      scores.append(
        h(
          'tr',
          { class: 'score-terms' },
          h('td', { colspan: 3, 'data-testid': `score-terms-${a}`, text: termsLine(terms) }),
        ),
      );
  }

  const timeline = h('ol', { class: 'timeline', 'data-testid': 'timeline' });
  // The ladder moves come from the charted snapshots, so the timeline and the chart agree.
  const items = timelineItems(state.keyEvents, tracks, log);
  for (const it of items)
    timeline.append(
      h(
        'li',
        {
          class: it.kind,
          'data-kind': it.kind,
          'data-turn': it.turn,
          'data-ladder': it.ladder,
          'data-to': it.to,
        },
        h('time', { text: formatHour(it.hour, sc) }),
        ` ${it.text}`,
      ),
    );
  if (items.length === 0)
    timeline.append(h('li', { text: 'No key event: the crisis stayed below the thresholds.' }));

  const stem = `${sc.id}-seed-${state.seed}`.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60);
  const csvTracks = h(
    'button',
    { type: 'button', class: 'ghost', 'data-testid': 'export-tracks' },
    'Tracks (CSV)',
  );
  csvTracks.addEventListener('click', () =>
    downloadText(`${stem}-tracks.csv`, tracksCsv(tracks), 'text/csv'),
  );
  const csvDecisions = h(
    'button',
    { type: 'button', class: 'ghost', 'data-testid': 'export-decisions' },
    'Decisions (CSV)',
  );
  csvDecisions.addEventListener('click', () =>
    downloadText(
      `${stem}-decisions.csv`,
      decisionsCsv(log, sc, actions.aiPlayed ?? (() => false)),
      'text/csv',
    ),
  );
  const print = h('button', { type: 'button', class: 'ghost', 'data-testid': 'print' }, 'Print');
  print.addEventListener('click', () => window.print());

  const lastSnap = tracks[tracks.length - 1];
  const ladders = THEATERS.map((t) => {
    const v = lastSnap?.[ladderKey(t)] ?? state.tracks.escalation[t];
    return `${theaterName(t)} at ${ESCALATION_LADDER[v] ?? v} (rung ${v})`;
  }).join(', ');
  const why = rule
    ? rule.check === 'immediate'
      ? `It ended the game at turn ${outcome?.turn ?? state.turn}, the turn its conditions first held: an outcome that ends the game at once (${rule.id}).`
      : `The first outcome rule that held at the last turn, turn ${outcome?.turn ?? state.turn}, of the rules checked in the scenario's order (${rule.id}).`
    : null;

  el.append(
    h(
      'header',
      {},
      h('p', {
        class: 'kicker',
        text: outcome ? `Turn ${outcome.turn} · ${formatHour(state.hour, sc)}` : 'Game over',
      }),
      h('h1', {
        id: 'end-title',
        'data-testid': 'outcome',
        text: outcome?.label ?? 'The campaign ran its course',
      }),
      h('div', { class: 'end-actions' }, csvTracks, csvDecisions, print, close, newGame),
      rule
        ? h('p', {
            class: 'end-description',
            'data-testid': 'outcome-description',
            text: rule.description,
          })
        : null,
      why
        ? h(
            'p',
            { class: 'end-rule', 'data-testid': 'outcome-rule' },
            h('strong', { text: 'Why: ' }),
            why,
            ` At the end: ${ladders}.`,
          )
        : null,
      ...(outcome?.theaters
        ? [
            h(
              'ul',
              { class: 'end-theaters', 'data-testid': 'outcome-theaters' },
              ...THEATERS.map((t) => {
                const end = outcome.theaters[t];
                return h('li', {
                  text: `${theaterName(t)}: ${end.label}${end.detail ? ` (${end.detail})` : ''}`,
                });
              }),
            ),
          ]
        : []),
    ),
    h(
      'div',
      { class: 'end-body' },
      h(
        'div',
        { class: 'end-col' },
        scores,
        h('h2', { id: 'timeline-title' }, 'Timeline'),
        timeline,
      ),
      h(
        'div',
        { class: 'end-col charts', 'data-testid': 'charts' },
        ...CHARTS.map((c) => chart(c, tracks)),
      ),
    ),
  );
  queueMicrotask(() => newGame.focus());
  return el;
}

function chart(def: (typeof CHARTS)[number], tracks: readonly TrackSnapshot[]): HTMLElement {
  const W = 520;
  const H = 170;
  const pad = { l: 34, r: 10, t: 10, b: 22 };
  const n = Math.max(1, tracks.length);
  const x = (i: number): number => pad.l + (n === 1 ? 0 : (i / (n - 1)) * (W - pad.l - pad.r));
  const y = (v: number): number => pad.t + (1 - v / def.max) * (H - pad.t - pad.b);
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    'aria-label': def.title,
    class: 'chart',
  });
  for (let v = 0; v <= def.max; v += def.max === 7 ? 1 : 25) {
    root.append(...gridLine(pad.l, W - pad.r, y(v), String(v)));
  }
  for (let i = 0; i < n; i += Math.max(1, Math.ceil(n / 9)))
    root.append(
      svg('text', {
        x: x(i),
        y: H - 6,
        class: 'tick',
        'text-anchor': 'middle',
        text: `T${tracks[i]?.turn ?? i + 1}`,
      }),
    );
  for (const s of def.series) {
    const pts = tracks.map((t, i) => `${x(i).toFixed(1)},${y(t[s.key] ?? 0).toFixed(1)}`).join(' ');
    root.append(
      svg('polyline', {
        points: pts,
        fill: 'none',
        stroke: s.color,
        'stroke-width': 2,
        'stroke-dasharray': s.dash || null,
      }),
    );
  }
  const legend = h('ul', { class: 'legend' });
  for (const s of def.series) {
    const last = tracks[tracks.length - 1]?.[s.key];
    const sw = lineSwatch(s.color, s.dash);
    legend.append(h('li', {}, sw, ` ${s.label}${last === undefined ? '' : `: ${last}`}`));
  }
  return h('figure', { class: 'chart-box' }, h('figcaption', { text: def.title }), root, legend);
}
