import { ENGINE_PHASES } from '../engine/machine';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../sim/ids';
import type { Scenario } from '../sim/scenario/schema';
import type { GameView, LogFilter, ViewFrame, Viewpoint } from '../view/contract';
import { formatHour } from '../view/log-format';
import { ACTOR_STYLE } from '../view/palette';
import { decisionPanel } from './decision-panel';
import { clear, h } from './dom';
import type { ReplayRecord, TurnDecisions } from '../sim/replay';
import { GameDriver, SPEEDS, type GameSetup, type ResumePoint, type Speed } from './driver';
import type { GameSource, SourceView, SubmitResult } from './game-source';
import { gameMenu, type MenuAction } from './game-menu';
import { endScreen } from './end-screen';
import { mountDomLog } from './log-dom';
import {
  redactState,
  seatOf,
  teamView,
  viewpointLabel,
  viewpointsFor,
  visibleLog,
  type TeamView,
} from './fog';
import { ordersReport } from './orders-report';
import { objectivesCard } from './objectives-card';
import { selectionCard } from './selection-card';
import { howToPlay } from './how-to-play';
import { sidePanel } from './side-panel';
import { toolbarOverflow } from './toolbar-overflow';
import { mapLegendDom } from './map-legend-dom';
import { OBJECTIVES_TOP, placeOverMaps } from './stage-layout';
import { computeLayout } from '../view/layout';

/**
 * The game screen: top bar (turn, date, the engine's phases, auto-play controls, viewpoint), the
 * Phaser canvas (strategic band, both theater maps, event log), the DOM decision dock for human
 * seats, the hot-seat hand-over screen and the end screen. It wires a game source (the engine
 * driver, or a classroom session's `RemoteGame`) to the view; it computes no rules.
 */

export interface GameScreen<S extends GameSource = GameDriver> {
  readonly el: HTMLElement;
  readonly driver: S;
  /** Resolves once the canvas view is up and the first frame is drawn. */
  readonly ready: Promise<GameView>;
  destroy(): void;
}

const PHASE_LABEL: Record<string, string> = {
  briefing: 'Briefing',
  intelligence: 'Intelligence',
  decisions: 'Decisions',
  adjudication: 'Adjudication',
  events: 'Events',
  assessment: 'Assessment',
};

export interface GameActions {
  newGame(): void;
  exportFile(record: ReplayRecord): void;
  share(record: ReplayRecord): void;
  openFile(): void;
  /** Watch the game so far in the replay viewer (to step back, or to fork from an earlier turn). */
  viewReplay(record: ReplayRecord): void;
  /** Orders chosen but not yet submitted changed (the app saves them with the game). */
  onDraft?(drafts: { turn: number; by: TurnDecisions }): void;
  /** A classroom student gives up their place (the Game menu's "Leave the session…"). */
  leaveSession?(): void;
}

/** What a screen around the game adds to it (a classroom's clock, ready count and messages). */
export interface ScreenExtras {
  /** Shown in the top bar, before Help. */
  readonly top?: readonly HTMLElement[];
  /** Laid over the stage (banners, panels). */
  readonly stage?: readonly HTMLElement[];
  /** The Game menu's actions on offer (all of them when left out). */
  readonly menu?: readonly MenuAction[];
}

export interface PlayOptions {
  drafts?: { turn: number; by: TurnDecisions };
  /** Starts the source once the view is up (the default: `start()`); a problem to show, or null. */
  begin?: () => string | null;
  extras?: ScreenExtras;
}

/** A game played in this page: the engine driver, paced by the player. */
export function gameScreen(
  setup: GameSetup,
  startView: (parent: HTMLElement) => Promise<GameView>,
  actions: GameActions,
  opts: {
    resume?: ResumePoint;
    aiForHumans?: boolean;
    drafts?: { turn: number; by: TurnDecisions };
  } = {},
): GameScreen {
  const humans = PLAYABLE_ACTORS.filter((a) => setup.controllers[a] === 'human');
  // A resumed game comes back paused, where it stood: the player picks up the thread, then plays.
  const driver = new GameDriver(setup, {
    autoplay: !opts.resume,
    speed: humans.length ? 'normal' : 'fast',
  });
  return playScreen(driver, setup, startView, actions, {
    ...(opts.drafts ? { drafts: opts.drafts } : {}),
    begin: () => {
      driver.start();
      if (opts.resume) {
        const r = driver.advanceTo(opts.resume);
        if (!r.ok) return `Could not return to where the game stood: ${r.reason}`;
      }
      if (opts.aiForHumans) driver.setAiForHumans(true);
      return null;
    },
  });
}

/** The game screen over any source: its human seats decide here, as `setup.controllers` says. */
export function playScreen<S extends GameSource>(
  driver: S,
  setup: GameSetup,
  startView: (parent: HTMLElement) => Promise<GameView>,
  actions: GameActions,
  opts: PlayOptions = {},
): GameScreen<S> {
  const sc: Scenario = setup.loaded.scenario;
  const humans = (Object.keys(setup.controllers) as PlayableActorId[]).filter(
    (a) => setup.controllers[a] === 'human',
  );
  const pace = driver.pace;
  const el = h('div', { class: 'game', 'data-testid': 'game' });

  // --- top bar -------------------------------------------------------------------------------
  const turnLabel = h('span', { class: 'turn', 'data-testid': 'turn' });
  const dateLabel = h('span', { class: 'date', 'data-testid': 'date' });
  const stepper = h('ol', { class: 'phases', 'aria-label': 'Phases of the turn' });
  const phaseItems = ENGINE_PHASES.map((p) => {
    const li = h('li', { 'data-phase': p, text: PHASE_LABEL[p] ?? p });
    stepper.append(li);
    return li;
  });
  const playBtn = h(
    'button',
    { type: 'button', class: 'tool', 'data-testid': 'play', 'aria-keyshortcuts': 'p' },
    'Pause',
  );
  const stepBtn = h(
    'button',
    { type: 'button', class: 'tool', 'data-testid': 'step', 'aria-keyshortcuts': 'n' },
    'Step',
  );
  const speedSel = h('select', { 'aria-label': 'Auto-play speed', 'data-testid': 'speed' });
  for (const s of Object.keys(SPEEDS) as Speed[])
    speedSel.append(
      h('option', { value: s, text: s === 'max' ? 'Fastest' : s[0]!.toUpperCase() + s.slice(1) }),
    );
  const viewSel = h('select', { 'aria-label': 'Viewpoint', 'data-testid': 'viewpoint' });
  const logToggle = h(
    'button',
    { type: 'button', class: 'tool', 'aria-pressed': 'false', 'data-testid': 'text-log-toggle' },
    'Text log',
  );
  const aiBtn = h(
    'button',
    {
      type: 'button',
      class: 'tool',
      'aria-pressed': 'false',
      hidden: humans.length === 0 || !pace,
      title:
        'Let the AI choose for your side(s) while auto-play runs; press again to take back control',
      'data-testid': 'ai-for-humans',
    },
    'AI plays my side',
  );
  const resultsBtn = h(
    'button',
    { type: 'button', class: 'tool', hidden: true, 'data-testid': 'results' },
    'Results',
  );
  const menu = gameMenu();
  // The side's objectives and score so far; in a game of AIs, any side's, picked in the card.
  const objectives = objectivesCard(sc, {
    choosable: humans.length === 0,
    onPick: () => draw(driver.view()),
  });
  // The seat's own side and the help (side-panel.ts, how-to-play.ts).
  const ownSide = sidePanel(sc, setup.seed, setup.levers);
  let sideFoldSet = false;
  const help = howToPlay((offer) => ownSide.prepend(offer));
  // The maps' legend, for keyboards and screen readers too (the canvas's ☰ is pointer-only).
  const legend = mapLegendDom();
  // A visible status line; after Submit the focus lands here, on what the game is doing now.
  const status = h('p', {
    class: 'status',
    role: 'status',
    tabindex: -1,
    'aria-live': 'polite',
    'data-testid': 'status',
  });
  const top = h(
    'header',
    { class: 'topbar' },
    h('h1', { class: 'brand', text: 'Second Front' }),
    h('span', { class: 'scenario-name', text: sc.name }),
    setup.parent
      ? h('span', {
          class: 'badge',
          'data-testid': 'fork-badge',
          title: `A fork of game ${setup.parent.finalHash}, taken over after turn ${setup.parent.turn}`,
          text: 'Fork',
        })
      : null,
    // Turn and date stack on narrow screens, to leave the top bar's room to its buttons.
    h('span', { class: 'when' }, turnLabel, dateLabel),
    stepper,
    pace ? h('span', { class: 'controls' }, playBtn, stepBtn, speedSel) : null,
    viewSel,
    aiBtn,
    objectives.toggle,
    logToggle,
    resultsBtn,
    legend.button,
    ...(opts.extras?.top ?? []),
    help.button,
    menu.el,
  );
  // Where the bar is too narrow, these move into a "More" menu before the Game menu, the first
  // first: every control stays reachable from 1024 px up.
  const overflow = toolbarOverflow(top, [
    viewSel,
    ...(pace ? [speedSel] : []),
    aiBtn,
    logToggle,
    objectives.toggle,
    resultsBtn,
    legend.button,
  ]);
  menu.el.before(overflow.el);

  // --- stage ---------------------------------------------------------------------------------
  const canvasHost = h('div', { class: 'canvas-host', 'data-testid': 'map' });
  // Orders chosen but not submitted, by seat, for this turn: saved with the game.
  let drafts: { turn: number; by: TurnDecisions } = {
    turn: opts.drafts?.turn ?? 0,
    by: { ...(opts.drafts?.by ?? {}) },
  };
  const dock = decisionPanel(
    (actor, decisions) => {
      const done = (r: SubmitResult): void => {
        if (!r.ok) return dock.reject(r.reason);
        // The dock is gone with the focused Submit button. Unless the next thing to do took the
        // focus (the hand-over, the next side's orders), it goes to the status line.
        const at = document.activeElement;
        if (!at || at === document.body || !at.isConnected) status.focus();
      };
      const r = driver.submit(actor, decisions);
      if (r instanceof Promise) void r.then(done);
      else done(r);
    },
    (actor, decisions) => {
      const turn = driver.view().ctx.state.turn;
      if (drafts.turn !== turn) drafts = { turn, by: {} };
      drafts.by[actor] = decisions;
      actions.onDraft?.(drafts);
    },
  );
  const domLogHost = h('aside', { class: 'dom-log-host sr-only', 'data-testid': 'dom-log-host' });
  // A true modal (showModal): the page behind it is inert and focus stays inside until the next
  // side says it is at the screen.
  const handover = h('dialog', {
    class: 'handover',
    'aria-labelledby': 'handover-title',
    'data-testid': 'handover',
  });
  // Escape would only leave a screen with neither the hand-over nor the orders on it.
  handover.addEventListener('cancel', (e) => e.preventDefault());
  let handoverFor: PlayableActorId | null = null;
  function closeHandover(): void {
    handoverFor = null;
    if (handover.open) handover.close();
  }
  const endHost = h('div', { class: 'overlay end', hidden: true });
  // Every panel shows the game as the viewpoint on screen knows it (src/sim/view.ts), as the map
  // and the log do: a side clicking a PLA force sees the strength its intelligence estimates.
  // A source whose view is already a side's (a classroom team's) is shown as it is.
  const seenBy = (v: SourceView, vp: Viewpoint) =>
    v.seen ? v.ctx.state : redactState(v.ctx.state, sc, vp);
  const known = (v: SourceView) => seenBy(v, viewpoint);
  const selCard = selectionCard(sc, () => known(driver.view()));
  // The page's one main landmark: the map, the panels over it and the dialogs.
  const stage = h(
    'main',
    { class: 'stage', 'aria-label': 'Game' },
    canvasHost,
    selCard.el,
    legend.panel,
    ownSide.el,
    help.dialog,
    objectives.el,
    dock.el,
    domLogHost,
    handover,
    ...(opts.extras?.stage ?? []),
    endHost,
  );
  el.append(top, status, stage);

  // --- state ---------------------------------------------------------------------------------
  let view: GameView | null = null;
  let atScreen: PlayableActorId | null = humans.length === 1 ? humans[0]! : null;
  let shownDecision = '';
  let endShown = false;
  let viewpoint: Viewpoint =
    humans.length === 0 ? 'control' : humans.length === 1 ? humans[0]! : 'public';
  const filter: LogFilter = { theater: 'all', actor: 'all' };
  // One filter for both logs: chips on the canvas and selects in the text log follow each other.
  const domLog = mountDomLog(domLogHost, {
    onEntry: (i) => highlightEntry(i),
    onFilter: (f) => view?.setLogFilter(f),
  });

  // The viewpoint menu: in a game of AIs from the start, with human seats only once the game is
  // over (until then the screen shows the side at the screen, or the public view between them).
  let viewMenuFor = '';
  function fillViewMenu(ended: boolean): void {
    const open = humans.length === 0 || ended;
    const key = String(open);
    if (key === viewMenuFor) return;
    viewMenuFor = key;
    clear(viewSel);
    viewSel.hidden = !open;
    if (!open) return;
    const choices = viewpointsFor(setup.controllers, ended).viewpoints;
    for (const v of choices.includes(viewpoint) ? choices : [viewpoint, ...choices])
      viewSel.append(h('option', { value: v, text: viewpointLabel(sc, v) }));
    viewSel.value = viewpoint;
  }
  fillViewMenu(false);
  viewSel.addEventListener('change', () => {
    viewpoint = viewSel.value as Viewpoint;
    const v = driver.view();
    // Viewing the game as a side shows that side's objectives too.
    const seat = seatOf(viewpoint);
    if (seat) objectives.update(known(v), seat, v.ended);
    draw(v);
  });

  /**
   * Whose objectives the card shows: the one human seat; with several, the side at the screen
   * (none during a hand-over: one side's score so far is not the next side's to see); in a game
   * of AIs, the side picked.
   */
  function objectivesActor(): PlayableActorId | null {
    if (humans.length === 1) return humans[0]!;
    if (humans.length > 1) return handover.open ? null : atScreen;
    return objectives.picked;
  }

  function highlightEntry(index: number): void {
    const entry = driver.view().ctx.log[index];
    view?.highlightRegion(entry?.region ?? null);
  }

  let lastFrame: TeamView | undefined;
  function frame(v: SourceView): ViewFrame {
    lastFrame = v.seen
      ? {
          viewpoint,
          state: v.ctx.state,
          log: visibleLog(v.ctx.log, viewpoint, lastFrame?.log ?? []),
        }
      : teamView(v.ctx.state, v.ctx.log, sc, viewpoint, lastFrame);
    return { sc, state: lastFrame.state, viewpoint, log: lastFrame.log, phase: v.phase };
  }

  // The canvas and the DOM log redraw at most once per animation frame, however fast the engine
  // moves (auto-play at full speed runs several phases between two frames).
  let renderPending = false;
  function scheduleRender(): void {
    if (renderPending) return;
    renderPending = true;
    requestAnimationFrame(() => {
      renderPending = false;
      if (!view) return;
      const f = frame(driver.view());
      view?.render(f);
      domLog.update(f);
    });
  }

  function draw(v: SourceView): void {
    scheduleRender();
    const s = v.ctx.state;
    turnLabel.textContent = `Turn ${s.turn} of ${setup.turnLimit}`;
    dateLabel.textContent = formatHour(s.hour, sc).replace(/\s*\(T\d+\)$/, '');
    const current = v.phase === 'decided' ? 'decisions' : v.phase;
    for (const li of phaseItems) {
      const on = li.dataset['phase'] === current;
      li.classList.toggle('current', on);
      if (on) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    }
    playBtn.textContent = v.playing ? 'Pause' : 'Play';
    aiBtn.setAttribute('aria-pressed', String(v.aiForHumans));
    aiBtn.textContent = v.aiForHumans ? 'Take back' : 'AI plays my side';
    playBtn.disabled = v.ended;
    playBtn.setAttribute('aria-pressed', String(v.playing));
    speedSel.value = v.speed;
    stepBtn.disabled = v.ended || (v.waiting.length > 0 && !v.aiForHumans);
    status.textContent = v.status
      ? v.status
      : v.ended
        ? `Game over: ${s.outcome?.label ?? 'the campaign ran its course'}.`
        : v.waiting.length > 0 && !v.aiForHumans
          ? `Turn ${s.turn}: waiting for ${v.waiting.map((a) => sc.actors[a]?.name ?? a).join(', ')}.`
          : `Turn ${s.turn}: ${PHASE_LABEL[current] ?? current}${v.playing ? '' : ' (paused)'}.`;
    seats(v);
    fillViewMenu(v.ended);
    const seen = known(v);
    const side = objectivesActor();
    objectives.toggle.hidden = side === null;
    if (side === null) objectives.setOpen(false);
    else objectives.update(seen, side, v.ended);
    const own = PLAYABLE_ACTORS.find((a) => a === viewpoint) ?? null;
    // Open, the side panel covers much of the Europe map, so below a 1920 px wide screen it
    // starts folded to its header line (support and score): decided once, when the stage has a
    // size; the player's Show and Hide rule after that.
    if (!sideFoldSet && canvasHost.clientWidth > 0) {
      sideFoldSet = true;
      if (canvasHost.clientWidth < 1400) ownSide.setCollapsed(true);
    }
    ownSide.update({ state: seen, tracks: v.ctx.tracks }, v.phase, humans.length > 0 ? side : own);
    selCard.refresh();
    if (v.ended && !endShown) showEnd(v);
  }

  function seats(v: SourceView): void {
    const next = v.aiForHumans ? undefined : v.waiting[0];
    if (!next) {
      if (shownDecision !== '') dock.hide();
      shownDecision = '';
      closeHandover();
      // Between two sides' turns the screen shows what every side knows; once the game is over
      // the viewpoint is the players' to choose.
      if (humans.length > 1 && !v.ended) {
        atScreen = null;
        setViewpoint('public');
      }
      setInset();
      return;
    }
    const key = `${v.ctx.state.turn}:${next}`;
    if (humans.length > 1 && atScreen !== next) {
      if (shownDecision !== '') dock.hide();
      shownDecision = '';
      showHandover(next);
      setInset();
      return;
    }
    if (shownDecision === key) return;
    shownDecision = key;
    closeHandover();
    const turn = v.ctx.state.turn;
    // What came of this seat's orders last turn, from what the seat may see.
    const report = ordersReport(visibleLog(v.ctx.log, next, []), sc, next, turn);
    // The seat's menu as its side knows the game: the one a team's own screen could build.
    const state = seenBy(v, next);
    dock.show(state, sc, next, drafts.turn === turn ? drafts.by[next] : undefined, report);
    setInset();
  }

  function setViewpoint(vp: Viewpoint): void {
    if (viewpoint === vp) return;
    viewpoint = vp;
    scheduleRender();
  }

  function showHandover(next: PlayableActorId): void {
    setViewpoint('public');
    // Redrawn only when the side changes, so the focus is not pulled back on every engine step.
    if (handoverFor === next && handover.open) return;
    handoverFor = next;
    clear(handover);
    const st = ACTOR_STYLE[next];
    const name = sc.actors[next]?.name ?? next;
    const go = h(
      'button',
      { type: 'button', class: 'primary big', 'data-testid': 'handover-ready' },
      `I am ${name}: show my turn`,
    );
    go.addEventListener('click', () => {
      atScreen = next;
      closeHandover();
      setViewpoint(next);
      draw(driver.view());
    });
    handover.append(
      h(
        'div',
        { class: 'card' },
        h('span', {
          class: 'code big',
          style: `background:${st.css};color:${st.ink}`,
          text: st.code,
        }),
        h('h2', { id: 'handover-title', text: `Pass the screen to ${name}` }),
        h('p', {
          text: `Turn ${driver.view().ctx.state.turn}. The other players' choices stay hidden until adjudication reveals them. ${name} only: press the button when ready.`,
        }),
        go,
      ),
    );
    if (!handover.open) handover.showModal();
    go.focus();
  }

  function showEnd(v: SourceView): void {
    endShown = true;
    resultsBtn.hidden = false;
    clear(endHost);
    endHost.append(
      endScreen(sc, v.ctx.state, v.ctx.tracks, v.ctx.log, {
        newGame: actions.newGame,
        aiPlayed: (turn, actor) => driver.aiDecided(turn, actor),
        close: () => {
          endHost.hidden = true;
          setBehindEnd(false);
          resultsBtn.focus();
        },
      }),
    );
    endHost.hidden = false;
    setBehindEnd(true);
  }

  /** While the end screen is up, what is behind it is inert: it is a modal dialog. */
  function setBehindEnd(inert: boolean): void {
    for (const e of [top, status, canvasHost, selCard.el, objectives.el, dock.el, domLogHost])
      e.inert = inert;
  }

  function setInset(): void {
    const inset = dock.el.hidden ? 0 : dock.el.getBoundingClientRect().height;
    // The objectives card stops above the decision dock (it scrolls when that is too little).
    objectives.el.style.maxHeight = `calc(100% - ${OBJECTIVES_TOP + Math.ceil(inset) + 8}px)`;
    ownSide.setInset(inset);
    // The side panel stays left of the Europe map's buttons (legend, reset, zoom: the map's
    // right 130 px), less its own 26 px of padding and border.
    const europe = computeLayout(canvasHost.clientWidth, canvasHost.clientHeight, inset).europe;
    ownSide.el.style.setProperty('--side-max', `${Math.max(160, europe.w - 156)}px`);
    // The detail card sits in the theater clicked, above the dock.
    selCard.place(canvasHost.clientWidth, canvasHost.clientHeight, inset);
    if (!view) return;
    view.setBottomInset(inset);
  }

  function layoutDock(): void {
    placeOverMaps(canvasHost, { dock: dock.el, objectives: objectives.el, log: domLogHost });
    setInset();
  }

  // --- controls ------------------------------------------------------------------------------
  playBtn.addEventListener('click', () => (driver.view().playing ? pace?.pause() : pace?.play()));
  stepBtn.addEventListener('click', () => pace?.step());
  aiBtn.addEventListener('click', () => pace?.setAiForHumans(!driver.view().aiForHumans));
  speedSel.addEventListener('change', () => pace?.setSpeed(speedSel.value as Speed));
  logToggle.addEventListener('click', () => {
    const on = domLogHost.classList.toggle('sr-only');
    logToggle.setAttribute('aria-pressed', String(!on));
    domLog.setShown(!on);
  });
  // The text log starts off screen: out of the tab order until "Text log" shows it.
  domLog.setShown(false);
  resultsBtn.addEventListener('click', () => {
    endHost.hidden = false;
    setBehindEnd(true);
    endHost.querySelector<HTMLElement>('button')?.focus();
  });
  // The game is saved at every phase, so leaving it loses nothing: no "are you sure?".
  menu.on('new', () => actions.newGame());
  const record = (use: (r: ReplayRecord) => void) => (): void =>
    void Promise.resolve(driver.replay()).then(use, (e: unknown) => {
      status.textContent = `The replay could not be had: ${e instanceof Error ? e.message : String(e)}`;
    });
  menu.on(
    'export',
    record((r) => actions.exportFile(r)),
  );
  menu.on(
    'share',
    record((r) => actions.share(r)),
  );
  menu.on('open', () => actions.openFile());
  menu.on('leave', () => actions.leaveSession?.());
  menu.on(
    'replay',
    record((r) => actions.viewReplay(r)),
  );
  if (opts.extras?.menu) menu.offer(opts.extras.menu);
  const onKey = (e: KeyboardEvent): void => {
    const t = e.target as HTMLElement | null;
    if (!pace || (t && t.closest('input, select, textarea, form, dialog, [role="dialog"]'))) return;
    if (e.key === 'p') playBtn.click();
    else if (e.key === 'n') stepBtn.click();
  };
  document.addEventListener('keydown', onKey);
  const ro = new ResizeObserver(() => layoutDock());
  ro.observe(canvasHost);
  ro.observe(dock.el);

  driver.onChange(draw);
  // The side panel shows the seat's objectives and score, so the objectives card stays closed
  // until asked for.
  let gone = false;
  const ready = startView(canvasHost).then((v) => {
    if (gone) return v;
    view = v;
    v.on('logEntry', (i) => highlightEntry(i));
    v.on('filter', (f) => domLog.setFilter(f));
    v.on('select', (sel) => selCard.select(sel));
    v.on('legend', (shown) => legend.canvasToggled(shown));
    legend.setView(v);
    v.setLogFilter(filter);
    layoutDock();
    const problem = opts.begin ? opts.begin() : (driver.start(), null);
    if (problem) status.textContent = problem;
    return v;
  });

  return {
    el,
    driver,
    ready,
    destroy() {
      document.removeEventListener('keydown', onKey);
      ro.disconnect();
      overflow.destroy();
      driver.stop();
      // The view is the app's, shared by every screen: this screen only lets go of it.
      gone = true;
      legend.setView(null);
      view = null;
    },
  };
}
