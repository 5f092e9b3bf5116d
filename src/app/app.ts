import { forkSetup } from '../engine/resume';
import { buildTimeline, type Timeline } from '../engine/timeline';
import type { Controllers, ReplayRecord, TurnDecisions } from '../sim/replay';
import {
  decodeOpenedFile,
  decodeShareLink,
  encodeReplayFile,
  isShareLink,
} from '../sim/replay-codec';
import type { LoadedScenario } from '../sim/scenario/load';
import type { GameView } from '../view/contract';
import { clear, h } from './dom';
import type { GameSetup, ResumePoint } from './driver';
import { downloadText, readFileText, replayFileName } from './files';
import { chooseParent, findParent } from './parents';
import { gameScreen, type GameScreen } from './game-screen';
import { notices, type Notices } from './notices';
import { replayScreen, type ReplayScreen } from './replay-screen';
import { resumeSaved, toSavedGame } from './resume';
import { Autosaver } from './autosaver';
import type { Revision } from './save-channel';
import { createSaves, newSaveId, type SavedGame, type Saves } from './saves';
import { askWhenStale } from './stale-dialog';
import { isBundled, loadScenarioFromText, scenarioForRecord } from './scenarios';
import { viewHost } from './view-host';
import { setupScreen, type ClassroomOffer, type CustomScenario } from './setup-screen';
import { shareDialog } from './share';
import { classroomRoute, facilitateHash, type ClassroomRoute } from './classroom/route';
import { createSession, mountClassroom, type ClassroomHandle } from './classroom/classroom-app';

/**
 * The browser shell: the setup screen, a game, or the replay viewer, and everything that comes in
 * from outside (files opened or dropped, share links, saved games). Anything from outside is
 * decoded and checked before the current screen is touched: a bad file or link only ever adds a
 * notice. `window.__secondFront` exposes the running game's driver, the viewer and the saves, so
 * browser tests (and curious analysts in the console) can read hashes without parsing pixels.
 */

export interface AppHandle {
  readonly screen: () => 'setup' | 'game' | 'replay' | 'classroom';
  /** The classroom screens (a student's, the facilitator's console), while one is up. */
  readonly classroom: () => ClassroomHandle | null;
  readonly game: () => GameScreen | null;
  readonly view: () => GameView | null;
  readonly replay: () => ReplayScreen | null;
  readonly saves: Saves;
  /** Resolves once every autosave asked for so far is written. */
  readonly flushSaves: () => Promise<void>;
  /** The notice on screen ('' when none). */
  readonly notice: () => string;
  /**
   * Boot the map view in the background (while the start screen is read), so that Start, a
   * replay or a share link shows its map without waiting for Phaser.
   */
  readonly preloadView: () => void;
}

declare global {
  interface Window {
    __secondFront?: AppHandle;
  }
}

interface StartOptions {
  readonly saveId?: string;
  readonly createdAt?: string;
  readonly resume?: ResumePoint;
  readonly aiForHumans?: boolean;
  readonly drafts?: { readonly turn: number; readonly by: TurnDecisions };
  /** The revision a continued game was read at: its writes are checked against it. */
  readonly revision?: Revision;
}

export function mountApp(
  root: HTMLElement,
  bootView: (parent: HTMLElement) => Promise<GameView>,
): AppHandle {
  const views = viewHost(bootView);
  const startView = views.take;
  const saves = createSaves();
  const screenHost = h('div', { class: 'screen-host' });
  const fileInput = h('input', {
    type: 'file',
    accept: '.json,application/json',
    class: 'sr-only',
    tabindex: -1,
    'aria-hidden': 'true',
    'data-testid': 'open-file-input',
  });
  const dropHint = h('div', { class: 'drop-hint', hidden: true, 'aria-hidden': 'true' }, [
    h('p', { text: 'Drop a replay or scenario file to open it' }),
  ]);
  const note: Notices = notices();
  root.append(screenHost, note.el, dropHint, fileInput, views.parking);

  let game: GameScreen | null = null;
  let autosaver: Autosaver | null = null;
  /** The game left for the viewer, in memory: storage may not have it (or may not answer). */
  let held: ReturnType<Autosaver['latest']> = null;
  let dropStale: (() => void) | null = null;
  let viewer: ReplayScreen | null = null;
  let classroom: ClassroomHandle | null = null;
  let view: GameView | null = null;
  let last: GameSetup | null = null;
  const customs: CustomScenario[] = [];
  let selectCustom: string | null = null;
  /** Records opened this session, by final hash: a fork's parent may be one of them. */
  const opened = new Map<string, ReplayRecord>();

  function leave(): void {
    game?.destroy();
    game = null;
    autosaver?.dispose();
    autosaver = null;
    dropStale?.();
    dropStale = null;
    viewer?.destroy();
    viewer = null;
    classroom?.destroy();
    classroom = null;
    view = null;
    clear(screenHost);
  }

  /** A student's join link, or the facilitator's return to a session: the classroom screens. */
  function showClassroom(route: ClassroomRoute): void {
    leave();
    const c: ClassroomHandle = mountClassroom(screenHost, route, {
      startView,
      shown: (v) => {
        if (classroom === c) view = v;
      },
      leave: () => {
        history.replaceState(null, '', location.pathname + location.search);
        showSetup();
      },
    });
    classroom = c;
  }

  function showSetup(): void {
    leave();
    const screen = setupScreen(
      startGame,
      last ? { scenarioId: last.loaded.scenario.id, controllers: last.controllers } : undefined,
      {
        customs: () => customs,
        selectCustom: selectCustom,
        saves,
        continueGame: (g) => continueSaved(g),
        viewGame: (g) =>
          openRecord(g.record, `the saved game of ${g.savedAt.slice(0, 16).replace('T', ' ')}`),
        openFile: () => fileInput.click(),
        notice: (m) => note.show(m),
      },
      facilitate(),
    );
    selectCustom = null;
    screenHost.append(screen.el);
  }

  /** Opened with the facilitator's address: the setup screen can run a classroom session. */
  function facilitate(): ClassroomOffer | undefined {
    const route = classroomRoute(location.hash);
    if (route?.kind !== 'facilitate') return undefined;
    return {
      create: async (setup, options) => {
        const r = await createSession(route.adminKey, setup, options);
        if (!r.ok) return r.error;
        const hash = facilitateHash(route.adminKey, r.sessionId);
        history.replaceState(null, '', location.pathname + location.search + hash);
        showClassroom({ kind: 'facilitate', adminKey: route.adminKey, sessionId: r.sessionId });
        return null;
      },
    };
  }

  function startGame(setup: GameSetup, opts: StartOptions = {}): void {
    last = setup;
    leave();
    const id = opts.saveId ?? newSaveId();
    const createdAt = opts.createdAt ?? new Date().toISOString();
    const saver: Autosaver = new Autosaver(saves, {
      id,
      createdAt,
      ...(opts.revision ? { base: opts.revision } : {}),
      failed: (e) =>
        note.show(
          `The game could not be saved in this browser (${e instanceof Error ? e.message : String(e)}). Export it to keep it.`,
        ),
      // Another tab moved this game on: ask, and write nothing over it until answered.
      stale: (c) =>
        (dropStale = askWhenStale(c, {
          saver,
          saves,
          host: root,
          pause: () => g.driver.pause(),
          reopen: continueSaved,
          notice: (m) => note.show(m, [], 'info'),
        })),
    });
    autosaver = saver;
    let drafts = opts.drafts ? { turn: opts.drafts.turn, by: { ...opts.drafts.by } } : undefined;
    const save = (): void =>
      saver.save(
        toSavedGame(
          g.driver,
          { id: saver.id, createdAt: saver.createdAt, savedAt: new Date().toISOString() },
          drafts,
        ),
      );
    const g = gameScreen(
      setup,
      startView,
      {
        newGame: showSetup,
        exportFile,
        share,
        openFile: () => fileInput.click(),
        viewReplay: (record) => {
          // Back to this game from the viewer: it is saved, so it comes back exactly as it is.
          // The viewer shows only what the game's players may see while it is in progress.
          void saver.flush().then(() => {
            held = saver.latest();
            openRecord(record, 'the game in progress', { returnTo: saver.id });
          });
        },
        onDraft: (d) => {
          drafts = d;
          save();
        },
      },
      {
        ...(opts.resume ? { resume: opts.resume } : {}),
        ...(opts.aiForHumans ? { aiForHumans: true } : {}),
        ...(opts.drafts ? { drafts: opts.drafts } : {}),
      },
    );
    game = g;
    // Saved at every phase, decision and turn end: a reload at any moment loses nothing.
    let key = '';
    g.driver.onChange((v) => {
      const k = `${v.ctx.state.turn}|${v.phase}|${Object.keys(g.driver.pendingHuman()).length}|${v.aiForHumans}|${v.ended}`;
      if (k === key) return;
      key = k;
      save();
    });
    screenHost.append(g.el);
    void g.ready.then((v) => {
      if (game === g) view = v;
    });
  }

  function continueSaved(saved: SavedGame): void {
    if (saved.status === 'ended') {
      openRecord(saved.record, 'a finished saved game');
      return;
    }
    const r = resumeSaved(saved);
    if (!r.ok) {
      note.show(`This saved game cannot be continued: ${r.error}`);
      return;
    }
    startGame(r.value.setup, {
      saveId: saved.id,
      createdAt: saved.createdAt,
      resume: r.value.point,
      aiForHumans: r.value.aiForHumans,
      ...(r.value.drafts ? { drafts: r.value.drafts } : {}),
      ...(saved.revision ? { revision: saved.revision } : {}),
    });
  }

  /** Check a record fully (scenario, every turn) before anything on screen changes. */
  function openRecord(
    record: ReplayRecord,
    source: string,
    opts: { turn?: number; returnTo?: string } = {},
  ): boolean {
    const loaded = scenarioForRecord(record, source);
    if (!loaded.ok) {
      note.show(loaded.error.message);
      return false;
    }
    const t = buildTimeline(loaded.value, record);
    if (!t.ok) {
      note.show(
        `This replay cannot be shown: ${t.error.turn !== null ? `at turn ${t.error.turn}, ` : ''}${t.error.reason}. Nothing was changed.`,
      );
      return false;
    }
    if (record.finalHash) opened.set(record.finalHash, record);
    showReplay(t.value, source, opts);
    return true;
  }

  function showReplay(
    t: Timeline,
    source: string,
    opts: { turn?: number; returnTo?: string } = {},
  ): void {
    const { turn, returnTo } = opts;
    leave();
    const r = replayScreen(
      t,
      startView,
      {
        close: () => {
          // A link opened the viewer: closing it leaves the link behind, so a reload shows the
          // start screen rather than the replay again.
          if (isShareLink(location.hash))
            history.replaceState(null, '', location.pathname + location.search);
          if (returnTo) void backToGame(returnTo);
          else showSetup();
        },
        ...(returnTo ? { closeLabel: 'Back to the game' } : {}),
        fork: (k, controllers) => fork(t, k, controllers),
        exportFile,
        share,
        findParent: () => findParent(t.record, opened, saves),
        chooseParent: () => chooseParent(t.record, opened, (m) => note.show(m)),
      },
      {
        source,
        ...(turn !== undefined ? { turn } : {}),
      },
    );
    viewer = r;
    screenHost.append(r.el);
    void r.ready.then((v) => {
      if (viewer === r) view = v;
    });
  }

  async function backToGame(id: string): Promise<void> {
    // The stored game is the newest (another tab may have played on); the one in memory serves
    // when storage does not have it or does not answer.
    const mine = held?.game.id === id ? held : null;
    const e = mine && !mine.stored ? null : await saves.get(id).catch(() => null);
    const back = e?.ok ? e.game : mine?.game;
    if (back) continueSaved(back);
    else {
      showSetup();
      note.show('The game could not be found among the saved games.');
    }
  }

  /** Play on from the end of turn `turn` of a replay, as a new saved game that names its parent. */
  function fork(t: Timeline, turn: number, chosen: Controllers): void {
    const rec = t.record;
    const f = forkSetup(t, turn, chosen);
    if (rec.finalHash) opened.set(rec.finalHash, rec);
    startGame({
      loaded: t.loaded,
      seed: rec.seed,
      levers: t.levers,
      controllers: f.controllers,
      turnLimit: rec.turnLimit,
      custom: !isBundled(t.loaded),
      from: f.from,
      ...(f.parent ? { parent: f.parent } : {}),
      ...(f.autoSeats.length ? { autoSeats: f.autoSeats } : {}),
    });
  }

  function exportFile(record: ReplayRecord): void {
    downloadText(replayFileName(record), encodeReplayFile(record));
  }

  function share(record: ReplayRecord): void {
    const d = shareDialog(record, {
      exportFile,
      notice: (m) => note.show(m, [], 'info'),
    });
    if (d) root.append(d);
  }

  async function openFile(file: File): Promise<void> {
    const text = await readFileText(file);
    if (!text.ok) return note.show(text.error.message);
    const r = decodeOpenedFile(text.value, file.name);
    if (!r.ok) return note.show(r.error.message);
    if (r.value.kind === 'replay') {
      if (openRecord(r.value.record, file.name)) note.clear();
      return;
    }
    const loaded = loadScenarioFromText(text.value, file.name);
    if (!loaded.ok) {
      note.show(
        `${file.name} is not a scenario this game can play:`,
        loaded.error.map((p) => p.message),
      );
      return;
    }
    addCustom(loaded.value, file.name);
  }

  function addCustom(loaded: LoadedScenario, file: string): void {
    const key = `custom:${customs.length + 1}`;
    customs.push({ key, loaded, file });
    if (game || viewer) {
      note.show(
        `Scenario "${loaded.scenario.name}" loaded from ${file}. It is on the start screen (New game) for this session.`,
        [],
        'info',
      );
      return;
    }
    selectCustom = key;
    showSetup();
    note.show(
      `Scenario "${loaded.scenario.name}" loaded from ${file}: it is selected below.`,
      [],
      'info',
    );
  }

  function openLink(): void {
    const route = classroomRoute(location.hash);
    if (route && (route.kind === 'join' || route.sessionId)) return showClassroom(route);
    if (!isShareLink(location.hash)) return;
    const r = decodeShareLink(location.hash);
    if (!r.ok) {
      note.show(r.error.message);
      return;
    }
    openRecord(r.value, 'a share link');
  }

  // --- files from outside: the picker and drag-and-drop ----------------------------------------
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    fileInput.value = '';
    if (f) void openFile(f);
  });
  let dragDepth = 0;
  const hasFiles = (e: DragEvent): boolean =>
    Array.from(e.dataTransfer?.types ?? []).includes('Files');
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    dragDepth++;
    dropHint.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) dropHint.hidden = true;
  });
  document.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    dragDepth = 0;
    dropHint.hidden = true;
    const f = e.dataTransfer?.files?.[0];
    if (f) void openFile(f);
  });
  window.addEventListener('hashchange', openLink);

  const handle: AppHandle = {
    screen: () => (game ? 'game' : viewer ? 'replay' : classroom ? 'classroom' : 'setup'),
    classroom: () => classroom,
    game: () => game,
    view: () => view,
    replay: () => viewer,
    saves,
    flushSaves: async () => {
      await autosaver?.flush();
    },
    notice: () => note.text(),
    preloadView: () => views.preload(() => game !== null || viewer !== null || classroom !== null),
  };
  window.__secondFront = handle;
  showSetup();
  openLink();
  return handle;
}
