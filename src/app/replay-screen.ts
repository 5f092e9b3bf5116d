import type { Timeline } from '../engine/timeline';
import { ESCALATION_LADDER } from '../sim/ids';
import type { Controllers, ReplayRecord } from '../sim/replay';
import type { GameView, ShownEntry, ViewFrame, Viewpoint } from '../view/contract';
import { formatHour } from '../view/log-format';
import { branchCompare } from './branch-compare';
import { clear, h } from './dom';
import { KEY_EVENT_LABEL, endScreen } from './end-screen';
import { redactState, viewpointsFor, visibleLog } from './fog';
import { mountDomLog } from './log-dom';
import { forkDialog } from './fork-dialog';
import { REPLAY_SPEEDS, replayBars, tool, type ReplaySpeed } from './replay-controls';
import { selectionCard } from './selection-card';
import { toolbarOverflow } from './toolbar-overflow';
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
  /**
   * Ask the player for the parent's replay file (it was not among the saved games or the replays
   * opened this session). Resolves with the parent, or null if none was chosen or it was not the
   * parent (the app says why).
   */
  chooseParent(): Promise<ReplayRecord | null>;
}

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
  // A game in progress with human seats (watched from it, or from its file or link) is shown only
  // as its players may all see it; the control view waits for its end (src/sim/view.ts).
  const entitled = viewpointsFor(rec.controllers, t.ended);
  let viewpoint: Viewpoint = entitled.start;
  const known = () => redactState(t.frames[turn]!.state, sc, viewpoint);
  let playing = false;
  let speed: ReplaySpeed = 'normal';
  let timer: ReturnType<typeof setTimeout> | null = null;
  let view: GameView | null = null;

  const el = h('div', { class: 'game replay', 'data-testid': 'replay' });

  const ui = replayBars(sc, last, turn, entitled.viewpoints, actions.closeLabel);
  ui.viewSel.value = viewpoint;
  const status = h('p', {
    class: 'replay-status',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'replay-status',
  });

  // --- stage ---------------------------------------------------------------------------------
  const canvasHost = h('div', { class: 'canvas-host', 'data-testid': 'map' });
  const domLogHost = h('aside', { class: 'dom-log-host sr-only', 'data-testid': 'dom-log-host' });
  const selCard = selectionCard(sc, known);
  const forkHost = h('div', { class: 'overlay', hidden: true, 'data-testid': 'fork-dialog' });
  const compareHost = h('div', { class: 'overlay end', hidden: true });
  const endHost = h('div', { class: 'overlay end', hidden: true });
  // The page's one main landmark: the map, the panels over it and the dialogs.
  const stage = h(
    'main',
    { class: 'stage', 'aria-label': 'Replay' },
    canvasHost,
    selCard.el,
    domLogHost,
    forkHost,
    compareHost,
    endHost,
  );
  el.append(ui.top, ui.bar, status, stage);
  // Where the replay bar does not fit (1024 px), its menus move into a "More" menu at its end.
  const overflow = toolbarOverflow(ui.bar, [ui.moments, ui.speedSel, ui.viewSel]);
  ui.bar.append(overflow.el);

  const domLog = mountDomLog(domLogHost, {
    onEntry: (i) => view?.highlightRegion(t.log[i]?.region ?? null),
    onFilter: (f) => view?.setLogFilter(f),
  });

  // "Text log", as on the game screen: the same log as plain HTML, off screen (and out of the tab
  // order) until pressed.
  const logToggle = tool('Text log', 'text-log-toggle', 'The event log as text');
  logToggle.setAttribute('aria-pressed', 'false');
  logToggle.addEventListener('click', () => {
    const off = domLogHost.classList.toggle('sr-only');
    logToggle.setAttribute('aria-pressed', String(!off));
    domLog.setShown(!off);
  });
  domLog.setShown(false);
  ui.top.insertBefore(logToggle, ui.exportBtn);

  // The whole log as this viewpoint sees it, computed once per viewpoint; a turn shows a prefix.
  let visible: ShownEntry[] = visibleLog(t.log, viewpoint, [], rec.seed);
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
    return {
      sc,
      state: known(),
      viewpoint,
      log: shownLog(),
      phase: turn === last && t.ended ? 'ended' : turn === 0 ? 'briefing' : 'assessment',
      previousTracks: turn > 0 ? t.frames[turn - 1]!.state.tracks : null,
    };
  }

  let renderPending = false;
  let latest: ViewFrame | null = null;
  function render(): void {
    const f = t.frames[turn]!;
    ui.turnLabel.textContent =
      turn === 0 ? `Start (before turn 1) · ${last} turns` : `Turn ${turn} of ${last}`;
    ui.dateLabel.textContent = formatHour(f.state.hour, sc).replace(/\s*\(T\d+\)$/, '');
    ui.slider.value = String(turn);
    if (document.activeElement !== ui.jump) ui.jump.value = String(turn);
    ui.firstBtn.disabled = ui.backBtn.disabled = turn === 0;
    ui.fwdBtn.disabled = ui.lastBtn.disabled = turn === last;
    ui.playBtn.textContent = playing ? 'Pause' : 'Play';
    ui.playBtn.setAttribute('aria-pressed', String(playing));
    ui.forkBtn.textContent =
      turn === 0 ? 'Take over from the start' : `Take over after turn ${turn}`;
    ui.forkBtn.disabled = turn === last && t.ended;
    ui.forkBtn.title = ui.forkBtn.disabled
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
    // The text log (thousands of entries after a long ui.jump) is rebuilt after the map has been
    // painted, so a ui.jump shows at once; it is skipped if another ui.jump came first. Two frames:
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
    const close = (): void => {
      forkHost.hidden = true;
    };
    const d = forkDialog(sc, turn, rec.controllers, {
      start: (controllers) => {
        close();
        actions.fork(turn, controllers);
      },
      cancel: () => {
        close();
        ui.forkBtn.focus();
      },
    });
    forkHost.append(d.el);
    forkHost.hidden = false;
    queueMicrotask(() => d.focus());
  }

  // --- compare a fork with its parent --------------------------------------------------------
  let parentRecord: ReplayRecord | null = null;
  if (rec.parent)
    void actions.findParent().then((p) => {
      parentRecord = p;
      ui.compareBtn.hidden = false;
      if (!p) {
        ui.compareBtn.textContent = 'Compare with parent…';
        ui.compareBtn.title = "Open the parent game's replay file to compare the two branches";
      }
      status.textContent = statusText();
    });
  async function compareClicked(): Promise<void> {
    if (!parentRecord) {
      parentRecord = await actions.chooseParent();
      if (!parentRecord) return;
      ui.compareBtn.textContent = 'Compare branches';
      ui.compareBtn.title = 'This fork beside its parent';
      status.textContent = statusText();
    }
    showCompare();
  }

  function showCompare(): void {
    if (!parentRecord || !rec.parent) return;
    stopPlaying();
    clear(compareHost);
    compareHost.append(
      branchCompare(t, parentRecord, {
        close: () => {
          compareHost.hidden = true;
          ui.compareBtn.focus();
        },
      }),
    );
    compareHost.hidden = false;
  }

  function statusText(): string {
    const parts = [
      `Verified: ${last} turn${last === 1 ? '' : 's'} replay exactly (final hash ${rec.finalHash || 'none yet'}).`,
      entitled.viewpoints.includes('control')
        ? `Seed ${rec.seed}.`
        : 'The seed stays hidden until the game ends.',
      `From ${opts.source}.`,
    ];
    if (rec.parent)
      parts.push(
        `A fork of game ${rec.parent.finalHash} after turn ${rec.parent.turn}${parentRecord ? '' : ' (the parent is not at hand to compare)'}.`,
      );
    if (!t.ended) parts.push('The game had not ended when this was saved.');
    return parts.join(' ');
  }

  /**
   * Key moments to jump to: the key events (a landing, a capital falling, Article 5, nuclear
   * signals) and every rise of an escalation ladder, each at the turn it happened.
   */
  function fillMoments(): void {
    clear(ui.moments);
    const moments: { turn: number; hour: number; label: string }[] = t.frames[
      last
    ]!.state.keyEvents.map((k) => ({ turn: k.turn, hour: k.hour, label: KEY_EVENT_LABEL[k.name] }));
    // The rises the viewpoint was told of (the log it sees), like the rest of the screen.
    for (const { entry: e } of visible)
      if (e.type === 'escalation' && e.to > e.from)
        moments.push({
          turn: e.turn,
          hour: e.hour,
          label: `${e.ladder === 'europe' ? 'Europe' : 'Indo-Pacific'} to ${ESCALATION_LADDER[e.to] ?? e.to}`,
        });
    moments.sort((a, b) => a.hour - b.hour);
    ui.moments.append(
      h('option', {
        value: '',
        text: moments.length ? `Key moments (${moments.length})` : 'No key moments',
      }),
    );
    for (const m of moments)
      ui.moments.append(h('option', { value: m.turn, text: `T${m.turn} · ${m.label}` }));
    ui.moments.disabled = moments.length === 0;
  }

  // --- wiring --------------------------------------------------------------------------------
  ui.firstBtn.addEventListener('click', () => goTo(0));
  ui.backBtn.addEventListener('click', () => goTo(turn - 1));
  ui.fwdBtn.addEventListener('click', () => goTo(turn + 1));
  ui.lastBtn.addEventListener('click', () => goTo(last));
  ui.slider.addEventListener('input', () => goTo(Number(ui.slider.value)));
  ui.jump.addEventListener('change', () => {
    const n = Number(ui.jump.value);
    if (Number.isFinite(n)) goTo(n);
    ui.jump.value = String(turn);
  });
  // Enter jumps and hands the keyboard back to the viewer (arrows step turns again).
  ui.jump.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') ui.jump.blur();
  });
  ui.playBtn.addEventListener('click', togglePlay);
  ui.speedSel.addEventListener('change', () => {
    speed = ui.speedSel.value as ReplaySpeed;
  });
  ui.viewSel.addEventListener('change', () => {
    viewpoint = ui.viewSel.value as Viewpoint;
    visible = visibleLog(t.log, viewpoint, [], rec.seed);
    fillMoments();
    render();
  });
  fillMoments();
  ui.moments.addEventListener('change', () => {
    const n = Number(ui.moments.value);
    // Back to the prompt, so the same moment can be chosen again after stepping away.
    ui.moments.value = '';
    if (n > 0) goTo(n);
  });
  ui.forkBtn.addEventListener('click', showFork);
  ui.exportBtn.addEventListener('click', () => actions.exportFile(rec));
  ui.shareBtn.addEventListener('click', () => actions.share(rec));
  ui.compareBtn.addEventListener('click', () => void compareClicked());
  ui.closeBtn.addEventListener('click', () => actions.close());
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
    v.on('select', (sel) => {
      selCard.place(canvasHost.clientWidth, canvasHost.clientHeight, 0);
      selCard.select(sel);
    });
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
    ui.top.insertBefore(results, ui.exportBtn);
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
      overflow.destroy();
      // The view is the app's, shared by every screen: this screen only lets go of it.
      gone = true;
      view = null;
    },
  };
}
