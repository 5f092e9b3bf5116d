import { formatCode, type Control } from '../../net/protocol';
import { encodeReplayFile } from '../../sim/replay-codec';
import type { LoadedScenario } from '../../sim/scenario/load';
import type { GameView } from '../../view/contract';
import { describeEntry } from '../../view/log-format';
import { clear, h } from '../dom';
import { downloadText, replayFileName } from '../files';
import { playScreen, type GameScreen } from '../game-screen';
import type { Connection, SessionState } from './connection';
import { messagesPanel } from './messages-panel';
import { qrDataUrl } from './qr';
import { RemoteGame } from './remote-game';
import { roster } from './roster';
import { joinUrl } from './route';
import { sessionBar } from './session-bar';
import { remoteSetup, sessionActions } from './team-screen';

/**
 * The facilitator's console: how students join (the code, large; the address and its QR code),
 * the session's controls (start, pause and resume, advance the phase, more time, end, export the
 * replay), who is on each team and who is not yet placed, the messages, and, once the game is on,
 * the control view of the map and the log beside it.
 */
export interface FacilitatorScreen {
  readonly el: HTMLElement;
  readonly game: () => GameScreen<RemoteGame> | null;
  destroy(): void;
}

export function facilitatorScreen(
  conn: Connection,
  loaded: LoadedScenario,
  startView: (parent: HTMLElement) => Promise<GameView>,
  actions: { leave(): void; shown?: (view: GameView) => void },
): FacilitatorScreen {
  const sc = loaded.scenario;
  const first = conn.state!.session;
  const url = joinUrl(location, first.code);
  const problem = h('p', { class: 'error', role: 'alert', 'data-testid': 'console-error' });
  const done = h('p', { class: 'hint', role: 'status', 'data-testid': 'console-said' });
  const control = (c: Control): void => {
    problem.textContent = '';
    void conn.request('control', c).then((r) => {
      if (!r.ok) problem.textContent = r.error;
    });
  };

  // --- how to join -----------------------------------------------------------------------------
  const qr = h('img', {
    class: 'qr',
    alt: `QR code of the join address, ${url}`,
    width: 168,
    height: 168,
    'data-testid': 'join-qr',
  });
  const qrSrc = qrDataUrl(url);
  void qrSrc.then(
    (src) => (qr.src = src),
    () => (qr.hidden = true),
  );
  const urlField = h('input', {
    type: 'text',
    readonly: true,
    value: url,
    'aria-label': 'Join address',
    spellcheck: 'false',
    'data-testid': 'join-url',
  });
  const copy = h('button', { type: 'button', class: 'ghost small' }, 'Copy');
  copy.addEventListener('click', () => {
    urlField.select();
    const said = (t: string) => (): void => void (done.textContent = t);
    if (navigator.clipboard?.writeText)
      navigator.clipboard
        .writeText(url)
        .then(said('Join address copied.'), said('Select the address and copy it (Ctrl+C).'));
    else said('Select the address and copy it (Ctrl+C).')();
  });
  const joinBox = h(
    'section',
    { class: 'console-section join-box', 'aria-labelledby': 'join-title' },
    h('h2', { id: 'join-title', text: 'Join code' }),
    h('p', { class: 'join-code', 'data-testid': 'join-code', text: formatCode(first.code) }),
    qr,
    h('div', { class: 'join-url-row' }, urlField, copy),
  );

  // --- controls --------------------------------------------------------------------------------
  const btn = (label: string, testid: string, c: () => void, cls = 'tool'): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: cls, 'data-testid': testid }, label);
    b.addEventListener('click', c);
    return b;
  };
  const startBtn = btn(
    'Start the game',
    'control-start',
    () => control({ action: 'start' }),
    'primary',
  );
  const pauseBtn = btn('Pause', 'control-pause', () =>
    control({ action: conn.state?.session.paused ? 'resume' : 'pause' }),
  );
  const advanceBtn = btn('Advance phase', 'control-advance', () => control({ action: 'advance' }));
  const plus1 = btn('+1 min', 'control-extend-1', () => control({ action: 'extend', seconds: 60 }));
  const plus5 = btn('+5 min', 'control-extend-5', () =>
    control({ action: 'extend', seconds: 300 }),
  );
  let confirming = false;
  const endBtn = btn('End session', 'control-end', () => {
    if (!confirming) {
      confirming = true;
      endBtn.textContent = 'End for everyone?';
      endBtn.classList.add('danger');
      return;
    }
    confirming = false;
    control({ action: 'end' });
  });
  endBtn.addEventListener('blur', () => {
    confirming = false;
    endBtn.textContent = 'End session';
    endBtn.classList.remove('danger');
  });
  const exportBtn = btn('Export replay', 'control-export', () => {
    void conn.request('control:export', {}).then((r) => {
      if (!r.ok) problem.textContent = `The replay could not be exported: ${r.error}`;
      else {
        downloadText(replayFileName(r.record), encodeReplayFile(r.record));
        done.textContent = 'Replay exported.';
      }
    });
  });
  const bar = sessionBar({ team: false });
  const stateLine = h('p', { class: 'console-state', 'data-testid': 'console-state' });
  const controls = h(
    'section',
    { class: 'console-section console-controls', 'aria-labelledby': 'controls-title' },
    h('h2', { id: 'controls-title', text: 'Session' }),
    stateLine,
    h('p', { class: 'console-clock' }, ...bar.items),
    h('div', { class: 'control-row' }, startBtn, pauseBtn, advanceBtn),
    h('div', { class: 'control-row' }, plus1, plus5, exportBtn, endBtn),
    problem,
    done,
  );
  const people = roster(sc, control);
  const messages = messagesPanel({
    sc,
    me: 'control',
    foldable: false,
    send: (to, text, about) =>
      conn.request('message:send', { to, text, ...(about !== undefined ? { about } : {}) }),
    // Control's log is the whole game's: an entry's place in it is its index in the game log.
    entries: () => {
      const log = conn.state?.log ?? [];
      const out: { index: number; title: string }[] = [];
      for (let i = log.length - 1; i >= 0 && out.length < 200; i--) {
        const e = log[i]!;
        if (e.type === 'phase') continue;
        out.push({ index: i, title: `Turn ${e.turn}: ${describeEntry(e, sc).title}` });
      }
      return out;
    },
  });
  messages.el.classList.add('console-section');
  const aside = h(
    'aside',
    {
      id: 'session-console',
      class: 'console',
      'aria-label': 'Session console',
      'data-testid': 'console',
    },
    joinBox,
    controls,
    people.el,
    messages.el,
  );

  // --- the lobby and the game ------------------------------------------------------------------
  const left = h('div', { class: 'console-main' });
  const el = h('div', { class: 'classroom-console', 'data-testid': 'facilitator' }, left, aside);
  // Below 1200 px the console beside the maps leaves them too narrow to read: it folds away
  // behind a top-bar button, and the top bar keeps the clock and the ready count in view.
  const topBar = sessionBar({ team: false, testPrefix: 'top-' });
  const consoleToggle = h(
    'button',
    {
      type: 'button',
      class: 'tool',
      'aria-controls': 'session-console',
      'aria-expanded': 'true',
      'data-testid': 'console-toggle',
    },
    'Console',
  );
  const setConsole = (open: boolean): void => {
    el.classList.toggle('console-folded', !open);
    aside.hidden = !open;
    consoleToggle.setAttribute('aria-expanded', String(open));
    for (const item of topBar.items) item.classList.toggle('folded-only', open);
  };
  consoleToggle.addEventListener('click', () => {
    const open = el.classList.contains('console-folded');
    setConsole(open);
    (open ? aside : consoleToggle).focus();
  });
  aside.tabIndex = -1;
  let game: GameScreen<RemoteGame> | null = null;
  let source: RemoteGame | null = null;
  let lobby: HTMLElement | null = null;

  const bigQr = h('img', { class: 'qr big', alt: qr.alt, width: 240, height: 240 });
  void qrSrc.then(
    (src) => (bigQr.src = src),
    () => (bigQr.hidden = true),
  );

  function showLobby(s: SessionState): void {
    if (lobby) {
      const n = s.session.teams.reduce((k, t) => k + t.members.length, s.session.unassigned.length);
      lobby.querySelector('[data-testid="lobby-count"]')!.textContent =
        n === 0
          ? 'Nobody has joined yet.'
          : `${n} ${n === 1 ? 'student has' : 'students have'} joined.`;
      return;
    }
    lobby = h(
      'main',
      { class: 'console-lobby', 'aria-labelledby': 'lobby-title', 'data-testid': 'lobby' },
      h('h1', { id: 'lobby-title', text: s.session.title || 'Classroom session' }),
      h('p', { class: 'lead', text: `${sc.name}. Students join at` }),
      h('p', { class: 'lobby-url', text: url }),
      h('p', { class: 'lead', text: 'with the code' }),
      h('p', { class: 'join-code huge', text: formatCode(s.session.code) }),
      bigQr,
      h('p', { class: 'hint', 'data-testid': 'lobby-count' }),
      h('p', {
        class: 'hint',
        text: 'Place students or let them pick under Teams, then press Start the game.',
      }),
    );
    left.append(lobby);
    showLobby(s);
  }

  function showGame(s: SessionState): void {
    if (game || !s.game) return;
    lobby?.remove();
    lobby = null;
    source = new RemoteGame(conn, sc);
    game = playScreen(
      source,
      remoteSetup(loaded, null, s.game.turnLimit, s.game.state.levers),
      startView,
      sessionActions(actions.leave),
      { extras: { top: [...topBar.items, consoleToggle], stage: [bar.banner], menu: [] } },
    );
    clear(left);
    left.append(game.el);
    setConsole(window.innerWidth >= 1200);
    void game.ready.then((v) => actions.shown?.(v));
  }

  function update(): void {
    const s = conn.state;
    if (!s) return;
    const info = s.session;
    bar.update(s, conn.link);
    topBar.update(s, conn.link);
    people.update(info);
    messages.update(
      s.messages,
      info.teams.map((t) => t.team),
    );
    const lobbyNow = info.status === 'lobby' || !s.game;
    joinBox.classList.toggle('compact', !lobbyNow);
    if (lobbyNow) showLobby(s);
    else showGame(s);
    const ended = info.status === 'ended';
    startBtn.hidden = info.status !== 'lobby';
    pauseBtn.hidden = info.status !== 'playing';
    pauseBtn.textContent = info.paused ? 'Resume' : 'Pause';
    pauseBtn.setAttribute('aria-pressed', String(info.paused));
    const deciding = info.status === 'playing' && s.game?.phase === 'decisions';
    advanceBtn.disabled = !deciding || info.paused;
    plus1.disabled = plus5.disabled = !deciding;
    endBtn.disabled = ended;
    exportBtn.disabled = info.status === 'lobby';
    stateLine.textContent =
      info.status === 'lobby'
        ? 'In the lobby: students are joining.'
        : ended
          ? 'The session has ended.'
          : `Turn ${s.game?.turn ?? 0} of ${s.game?.turnLimit ?? 0}${info.paused ? ', paused' : ''}.`;
  }
  const off = conn.onChange(update);
  update();
  queueMicrotask(() => (startBtn.hidden ? stateLine : startBtn).focus());
  stateLine.tabIndex = -1;

  return {
    el,
    game: () => game,
    destroy() {
      off();
      bar.destroy();
      topBar.destroy();
      source?.stop();
      game?.destroy();
    },
  };
}
