import type { Timeline } from '../engine/timeline';
import { PLAYABLE_ACTORS } from '../sim/ids';
import type { Controllers, ReplayRecord } from '../sim/replay';
import type { GameView, ShownEntry, ViewFrame, Viewpoint } from '../view/contract';
import { formatHour } from '../view/log-format';
import { branchCompare } from './branch-compare';
import { clear, h } from './dom';
import { endScreen } from './end-screen';
import { visibleLog } from './fog';
import { mountDomLog } from './log-dom';
import { seatRow } from './seat-row';
import { selectionCard } from './selection-card';
import { stateHash } from '../engine/timeline';

/**
 * The replay viewer: a verified timeline shown as of any turn. The map, the strategic band and
 * both event logs show the game at the end of the chosen turn (turn 0: before the first), through
 * the eyes of any side (what it had been told) or the all-seeing control view. Step, jump, play at
 * a chosen pace, take over from the turn on screen (a fork), and compare a fork with its parent.
 */

export interface ReplayScreen {
  readonly el: HTMLElement;
  readonly timeline: Timeline;
  readonly ready: Promise<GameView>;
  /** The turn on screen (0: the starting position). */
  turn(): number;
  goTo(turn: number): void;
  viewpoint(): Viewpoint;
  /** The hash of the state on screen and how many log entries the current viewpoint sees. */
  probe(): { turn: number; hash: string; logShown: number; logTotal: number; playing: boolean };
  destroy(): void;
}

export interface ReplayActions {
  close(): void;
  /** What Close says (default "Close": back to the start screen). */
  readonly closeLabel?: string;
  /** Play on from the end of `turn` with these seats (the app starts the game). */
  fork(turn: number, controllers: Controllers): void;
  exportFile(record: ReplayRecord): void;
  share(record: ReplayRecord): void;
  /** The parent game's record, when this replay is a fork and the parent is at hand. */
  findParent(): Promise<ReplayRecord | null>;
}

/** Milliseconds between turns for each replay speed. */
export const REPLAY_SPEEDS = { slow: 1500, normal: 800, fast: 300, max: 80 } as const;
type ReplaySpeed = keyof typeof REPLAY_SPEEDS;

export function replayScreen(
  t: Timeline,
  startView: (parent: HTMLElement) => Promise<GameView>,
  actions: ReplayActions,
  opts: { source: string; turn?: number },
): ReplayScreen {
  const sc = t.loaded.scenario;
  const rec = t.record;
  const last = t.frames.length - 1;
  let turn = Math.max(0, Math.min(opts.turn ?? last, last));
  let viewpoint: Viewpoint = 'control';
  let playing = false;
  let speed: ReplaySpeed = 'normal';
  let timer: ReturnType<typeof setTimeout> | null = null;
  let view: GameView | null = null;

  const el = h('div', { class: 'game replay', 'data-testid': 'replay' });

  // --- top bar -------------------------------------------------------------------------------
  const turnLabel = h('span', { class: 'turn', 'data-testid': 'replay-turn' });
  const dateLabel = h('span', { class: 'date' });
  const exportBtn = tool('Export', 'replay-export', 'Save this replay as a .json file');
  const shareBtn = tool('Share link', 'replay-share', 'A link that opens this replay');
  const compareBtn = tool('Compare branches', 'replay-compare', 'This fork beside its parent');
  compareBtn.hidden = true;
  const closeBtn = tool(
    actions.closeLabel ?? 'Close',
    'replay-close',
    actions.closeLabel ? 'Back to the game, where it stood' : 'Back to the start screen',
  );
  closeBtn.classList.add('ghost');
  const top = h(
    'header',
    { class: 'topbar' },
    h('span', { class: 'brand', text: 'Second Front' }),
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
  viewSel.append(h('option', { value: 'control', text: 'View: control (all)' }));
  for (const a of PLAYABLE_ACTORS)
    viewSel.append(h('option', { value: a, text: `View: ${sc.actors[a]?.name ?? a}` }));
  const forkBtn = h(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'replay-fork' },
    'Take over from here',
  );
  const bar = h(
    'div',
    { class: 'replay-bar', role: 'toolbar', 'aria-label': 'Replay controls' },
    firstBtn,
    backBtn,
    slider,
    fwdBtn,
    lastBtn,
    h('label', { class: 'jump-label' }, 'Turn ', jump),
    playBtn,
    speedSel,
    viewSel,
    forkBtn,
  );
  const status = h('p', {
    class: 'replay-status',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'replay-status',
  });

  // --- stage ---------------------------------------------------------------------------------
  const canvasHost = h('div', { class: 'canvas-host', 'data-testid': 'map' });
  const domLogHost = h('aside', { class: 'dom-log-host sr-only', 'data-testid': 'dom-log-host' });
  const selCard = selectionCard(sc, () => t.frames[turn]!.state);
  const forkHost = h('div', { class: 'overlay', hidden: true, 'data-testid': 'fork-dialog' });
  const compareHost = h('div', { class: 'overlay end', hidden: true });
  const endHost = h('div', { class: 'overlay end', hidden: true });
  const stage = h(
    'div',
    { class: 'stage' },
    canvasHost,
    selCard.el,
    domLogHost,
    forkHost,
    compareHost,
    endHost,
  );
  el.append(top, bar, status, stage);

  const domLog = mountDomLog(domLogHost, {
    onEntry: (i) => view?.highlightRegion(t.log[i]?.region ?? null),
    onFilter: (f) => view?.setLogFilter(f),
  });

  // The whole log as this viewpoint sees it, computed once per viewpoint; a turn shows a prefix.
  let visible: ShownEntry[] = visibleLog(t.log, viewpoint, []);
  function shownLog(): ShownEntry[] {
    const upto = t.frames[turn]!.logLength;
    let lo = 0;
    let hi = visible.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (visible[mid]!.index < upto) lo = mid + 1;
      else hi = mid;
    }
    return visible.slice(0, lo);
  }

  function frame(): ViewFrame {
    const f = t.frames[turn]!;
    return {
      sc,
      state: f.state,
      viewpoint,
      log: shownLog(),
      phase: turn === last && t.ended ? 'ended' : turn === 0 ? 'briefing' : 'assessment',
    };
  }

  let renderPending = false;
  let latest: ViewFrame | null = null;
  function render(): void {
    const f = t.frames[turn]!;
    turnLabel.textContent =
      turn === 0 ? `Start (before turn 1) · ${last} turns` : `Turn ${turn} of ${last}`;
    dateLabel.textContent = formatHour(f.state.hour, sc).replace(/\s*\(T\d+\)$/, '');
    slider.value = String(turn);
    if (document.activeElement !== jump) jump.value = String(turn);
    firstBtn.disabled = backBtn.disabled = turn === 0;
    fwdBtn.disabled = lastBtn.disabled = turn === last;
    playBtn.textContent = playing ? 'Pause' : 'Play';
    playBtn.setAttribute('aria-pressed', String(playing));
    forkBtn.textContent = turn === 0 ? 'Take over from the start' : `Take over after turn ${turn}`;
    forkBtn.disabled = turn === last && t.ended;
    forkBtn.title = forkBtn.disabled
      ? 'The game is over at this turn: step back to take over earlier'
      : `Play on from the end of turn ${turn} with your own decisions`;
    selCard.refresh();
    if (renderPending) return;
    renderPending = true;
    requestAnimationFrame(() => {
      renderPending = false;
      paint();
    });
  }

  /** Hand the turn on screen to the view, then rebuild the text log once the map is painted. */
  function paint(): void {
    if (!view) return;
    const fr = frame();
    view.render(fr);
    // The text log (thousands of entries after a long jump) is rebuilt after the map has been
    // painted, so a jump shows at once; it is skipped if another jump came first. Two frames:
    // the view paints on the frame after it is woken.
    latest = fr;
    requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (latest === fr && view) domLog.update(fr);
        }, 0),
      ),
    );
  }

  function goTo(n: number): void {
    const next = Math.max(0, Math.min(Math.round(n), last));
    if (next === turn) return render();
    turn = next;
    render();
  }

  function stopPlaying(): void {
    playing = false;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }
  function tick(): void {
    timer = null;
    if (!playing) return;
    if (turn >= last) {
      stopPlaying();
      render();
      return;
    }
    goTo(turn + 1);
    timer = setTimeout(tick, REPLAY_SPEEDS[speed]);
  }
  function togglePlay(): void {
    if (playing) stopPlaying();
    else {
      playing = true;
      if (turn >= last) turn = 0;
      timer = setTimeout(tick, REPLAY_SPEEDS[speed]);
    }
    render();
  }

  // --- the fork dialog ---------------------------------------------------------------------
  function showFork(): void {
    stopPlaying();
    clear(forkHost);
    const chosen: Controllers = { ...rec.controllers };
    const rows = PLAYABLE_ACTORS.map((a) =>
      seatRow(sc, a, 'fork', chosen[a], (who) => (chosen[a] = who)),
    );
    const go = h(
      'button',
      { type: 'button', class: 'primary', 'data-testid': 'fork-start' },
      'Start playing',
    );
    const cancel = h('button', { type: 'button', class: 'ghost' }, 'Cancel');
    go.addEventListener('click', () => {
      forkHost.hidden = true;
      actions.fork(turn, { ...chosen });
    });
    cancel.addEventListener('click', () => {
      forkHost.hidden = true;
      forkBtn.focus();
    });
    forkHost.append(
      h(
        'div',
        {
          class: 'card fork-card',
          role: 'dialog',
          'aria-modal': 'true',
          'aria-labelledby': 'fork-title',
        },
        h('h2', {
          id: 'fork-title',
          text: turn === 0 ? 'Take over from the start' : `Take over after turn ${turn}`,
        }),
        h('p', {
          text: `The game replays to the end of turn ${turn} exactly as recorded, then goes on with new decisions. The new game remembers this one as its parent and is saved on its own; this replay is not changed.`,
        }),
        h('fieldset', { class: 'seats' }, h('legend', {}, 'Who plays each side from here'), rows),
        h('div', { class: 'end-actions' }, cancel, go),
      ),
    );
    forkHost.hidden = false;
    queueMicrotask(() => go.focus());
  }

  // --- compare a fork with its parent --------------------------------------------------------
  let parentRecord: ReplayRecord | null = null;
  if (rec.parent)
    void actions.findParent().then((p) => {
      parentRecord = p;
      compareBtn.hidden = p === null;
      status.textContent = statusText();
    });
  function showCompare(): void {
    if (!parentRecord || !rec.parent) return;
    stopPlaying();
    clear(compareHost);
    compareHost.append(
      branchCompare(t, parentRecord, {
        close: () => {
          compareHost.hidden = true;
          compareBtn.focus();
        },
      }),
    );
    compareHost.hidden = false;
  }

  function statusText(): string {
    const parts = [
      `Verified: ${last} turn${last === 1 ? '' : 's'} replay exactly (final hash ${rec.finalHash || 'none yet'}).`,
      `Seed ${rec.seed}.`,
      `From ${opts.source}.`,
    ];
    if (rec.parent)
      parts.push(
        `A fork of game ${rec.parent.finalHash} after turn ${rec.parent.turn}${parentRecord ? '' : ' (the parent is not at hand to compare)'}.`,
      );
    if (!t.ended) parts.push('The game had not ended when this was saved.');
    return parts.join(' ');
  }

  // --- wiring --------------------------------------------------------------------------------
  firstBtn.addEventListener('click', () => goTo(0));
  backBtn.addEventListener('click', () => goTo(turn - 1));
  fwdBtn.addEventListener('click', () => goTo(turn + 1));
  lastBtn.addEventListener('click', () => goTo(last));
  slider.addEventListener('input', () => goTo(Number(slider.value)));
  jump.addEventListener('change', () => {
    const n = Number(jump.value);
    if (Number.isFinite(n)) goTo(n);
    jump.value = String(turn);
  });
  // Enter jumps and hands the keyboard back to the viewer (arrows step turns again).
  jump.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') jump.blur();
  });
  playBtn.addEventListener('click', togglePlay);
  speedSel.addEventListener('change', () => {
    speed = speedSel.value as ReplaySpeed;
  });
  viewSel.addEventListener('change', () => {
    viewpoint = viewSel.value as Viewpoint;
    visible = visibleLog(t.log, viewpoint, []);
    render();
  });
  forkBtn.addEventListener('click', showFork);
  exportBtn.addEventListener('click', () => actions.exportFile(rec));
  shareBtn.addEventListener('click', () => actions.share(rec));
  compareBtn.addEventListener('click', showCompare);
  closeBtn.addEventListener('click', () => actions.close());
  const onKey = (e: KeyboardEvent): void => {
    const target = e.target as HTMLElement | null;
    if (target && target.closest('input, select, textarea, [role="dialog"]')) return;
    if (e.key === 'ArrowLeft') goTo(turn - 1);
    else if (e.key === 'ArrowRight') goTo(turn + 1);
    else if (e.key === 'Home') goTo(0);
    else if (e.key === 'End') goTo(last);
    else if (e.key === 'p') togglePlay();
    else return;
    e.preventDefault();
  };
  document.addEventListener('keydown', onKey);

  status.textContent = statusText();
  let gone = false;
  const ready = startView(canvasHost).then((v) => {
    if (gone) return v;
    view = v;
    v.on('logEntry', (i) => view?.highlightRegion(t.log[i]?.region ?? null));
    v.on('filter', (f) => domLog.setFilter(f));
    v.on('select', (sel) => selCard.select(sel));
    paint();
    return v;
  });
  render();

  function showEnd(): void {
    const f = t.frames[last]!;
    clear(endHost);
    endHost.append(
      endScreen(sc, f.state, t.tracks, t.log, {
        newGame: actions.close,
        close: () => (endHost.hidden = true),
      }),
    );
    endHost.hidden = false;
  }
  if (t.ended) {
    const results = tool('Results', 'replay-results', 'The outcome, scores and charts');
    results.addEventListener('click', showEnd);
    top.insertBefore(results, exportBtn);
  }

  return {
    el,
    timeline: t,
    ready,
    turn: () => turn,
    goTo,
    viewpoint: () => viewpoint,
    probe: () => ({
      turn,
      hash: stateHash(t.frames[turn]!.state),
      logShown: shownLog().length,
      logTotal: t.frames[turn]!.logLength,
      playing,
    }),
    destroy() {
      stopPlaying();
      document.removeEventListener('keydown', onKey);
      // The view is the app's, shared by every screen: this screen only lets go of it.
      gone = true;
      view = null;
    },
  };
}

function tool(label: string, testid: string, title: string): HTMLButtonElement {
  return h('button', { type: 'button', class: 'tool', title, 'data-testid': testid }, label);
}
