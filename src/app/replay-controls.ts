import type { Scenario } from '../sim/scenario/schema';
import type { Viewpoint } from '../sim/view';
import { h } from './dom';
import { viewpointLabel } from './fog';

/**
 * The replay viewer's two bars: the top bar (what is shown, export, share, compare, close) and
 * the replay bar (first, back, the turn slider, forward, last, go to turn, play and its speed,
 * viewpoint, take over). Built here, wired in `replay-screen`.
 */

/** Milliseconds between turns for each replay speed. */
export const REPLAY_SPEEDS = { slow: 1500, normal: 800, fast: 300, max: 80 } as const;
export type ReplaySpeed = keyof typeof REPLAY_SPEEDS;

export function replayBars(
  sc: Scenario,
  last: number,
  turn: number,
  /** The viewpoints the game may be watched in (`viewpointsFor`). */
  viewpoints: readonly Viewpoint[],
  closeLabel?: string,
) {
  const speed: ReplaySpeed = 'normal';
  // --- top bar -------------------------------------------------------------------------------
  // Announced as it changes, so stepping through turns is heard as well as seen.
  const turnLabel = h('span', {
    class: 'turn',
    'aria-live': 'polite',
    'data-testid': 'replay-turn',
  });
  const dateLabel = h('span', { class: 'date' });
  const exportBtn = tool('Export', 'replay-export', 'Save this replay as a .json file');
  const shareBtn = tool('Share link', 'replay-share', 'A link that opens this replay');
  const compareBtn = tool('Compare branches', 'replay-compare', 'This fork beside its parent');
  compareBtn.hidden = true;
  const closeBtn = tool(
    closeLabel ?? 'Close',
    'replay-close',
    closeLabel ? 'Back to the game, where it stood' : 'Back to the start screen',
  );
  closeBtn.classList.add('ghost');
  const top = h(
    'header',
    { class: 'topbar' },
    h('h1', { class: 'brand', text: 'Second Front' }),
    h('span', { class: 'scenario-name', text: sc.name }),
    h('span', { class: 'badge', text: 'Replay' }),
    turnLabel,
    dateLabel,
    h('span', { class: 'spacer' }),
    exportBtn,
    shareBtn,
    compareBtn,
    closeBtn,
  );

  // --- replay bar: stepping, jumping, playing, viewpoint, fork ---------------------------------
  const firstBtn = tool('|◀', 'replay-first', 'First turn (Home)');
  const backBtn = tool('◀', 'replay-back', 'One turn back (←)');
  const fwdBtn = tool('▶', 'replay-forward', 'One turn forward (→)');
  const lastBtn = tool('▶|', 'replay-last', 'Last turn (End)');
  for (const [b, label] of [
    [firstBtn, 'First turn'],
    [backBtn, 'One turn back'],
    [fwdBtn, 'One turn forward'],
    [lastBtn, 'Last turn'],
  ] as const)
    b.setAttribute('aria-label', label);
  const slider = h('input', {
    type: 'range',
    min: 0,
    max: last,
    step: 1,
    value: turn,
    'aria-label': 'Turn shown',
    'data-testid': 'replay-slider',
    class: 'turn-slider',
  });
  const jump = h('input', {
    type: 'number',
    min: 0,
    max: last,
    value: turn,
    'aria-label': 'Go to turn',
    'data-testid': 'replay-jump',
    class: 'jump',
  });
  const playBtn = tool('Play', 'replay-play', 'Play the replay turn by turn (p)');
  const speedSel = h('select', { 'aria-label': 'Replay speed', 'data-testid': 'replay-speed' });
  for (const s of Object.keys(REPLAY_SPEEDS) as ReplaySpeed[])
    speedSel.append(
      h('option', {
        value: s,
        selected: s === speed,
        text: s === 'max' ? 'Fastest' : s[0]!.toUpperCase() + s.slice(1),
      }),
    );
  const viewSel = h('select', { 'aria-label': 'Viewpoint', 'data-testid': 'replay-viewpoint' });
  for (const v of viewpoints)
    viewSel.append(h('option', { value: v, text: viewpointLabel(sc, v) }));
  const moments = h('select', {
    'aria-label': 'Jump to a key moment',
    'data-testid': 'replay-moments',
    class: 'moments',
  });
  const forkBtn = h(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'replay-fork' },
    'Take over from here',
  );
  // A labelled region (a landmark), not role=toolbar: its controls are reached with Tab, and a
  // toolbar promises arrow-key movement between them.
  const bar = h(
    'section',
    { class: 'replay-bar', 'aria-label': 'Replay controls' },
    firstBtn,
    backBtn,
    slider,
    fwdBtn,
    lastBtn,
    h('label', { class: 'jump-label' }, 'Turn ', jump),
    playBtn,
    speedSel,
    moments,
    viewSel,
    forkBtn,
  );
  return {
    top,
    bar,
    turnLabel,
    dateLabel,
    exportBtn,
    shareBtn,
    compareBtn,
    closeBtn,
    firstBtn,
    backBtn,
    fwdBtn,
    lastBtn,
    slider,
    jump,
    playBtn,
    speedSel,
    moments,
    viewSel,
    forkBtn,
  };
}

export function tool(label: string, testid: string, title: string): HTMLButtonElement {
  return h('button', { type: 'button', class: 'tool', title, 'data-testid': testid }, label);
}
