import { PROTOCOL_VERSION, type CreateSession } from '../../net/protocol';
import type { PlayableActorId } from '../../sim/ids';
import type { LoadedScenario } from '../../sim/scenario/load';
import type { GameView } from '../../view/contract';
import { clear } from '../dom';
import type { GameSetup } from '../driver';
import type { GameScreen } from '../game-screen';
import { loadBundled } from '../scenarios';
import type { ClassroomOptions } from './classroom-setup';
import { connect, type Connection } from './connection';
import { facilitatorScreen, type FacilitatorScreen } from './facilitator-screen';
import { joinPage, type JoinPage } from './join-screen';
import { classroomKeys, type ClassroomKeys } from './keys';
import type { RemoteGame } from './remote-game';
import type { ClassroomRoute } from './route';
import { teamScreen, type TeamScreen } from './team-screen';

/**
 * The classroom screens in the page's screen host: a student's join page, then the team's game
 * screen; the facilitator's console. Which one shows follows what the server last said about this
 * device (on a team or not, the session in its lobby, playing or ended, this device removed).
 */

export interface ClassroomHandle {
  readonly connection: Connection;
  readonly screen: () => 'join' | 'team' | 'facilitator';
  readonly game: () => GameScreen<RemoteGame> | null;
  destroy(): void;
}

export interface ClassroomDeps {
  readonly startView: (parent: HTMLElement) => Promise<GameView>;
  /** Leave the classroom for the start screen. */
  readonly leave: () => void;
  /** A game screen's map view is up (the app's test hook reads it). */
  readonly shown?: (view: GameView) => void;
}

/** One connection per page, made when a classroom screen first needs it. */
let shared: Connection | null = null;
function pageConnection(): Connection {
  shared ??= connect();
  return shared;
}

/** After leaving a session the page starts afresh: what it held of the session is dropped. */
function dropPageConnection(): void {
  shared?.close();
  shared = null;
}

function scenarioOf(id: string): LoadedScenario | null {
  const r = loadBundled(id);
  return r.ok ? r.value : null;
}

/** Ask the server for a session from the setup screen's choices; a problem to show, or null. */
export async function createSession(
  adminKey: string,
  setup: GameSetup,
  options: ClassroomOptions,
  keys: ClassroomKeys = classroomKeys(),
): Promise<{ ok: true; sessionId: string } | { ok: false; error: string }> {
  if (setup.custom)
    return { ok: false, error: 'A classroom session plays one of the bundled scenarios.' };
  const teams = (Object.keys(setup.controllers) as PlayableActorId[]).filter(
    (a) => setup.controllers[a] === 'human',
  );
  if (teams.length === 0)
    return {
      ok: false,
      error: 'Set at least one seat to Human under Sides: those seats are the teams.',
    };
  const req: CreateSession = {
    protocol: PROTOCOL_VERSION,
    adminKey,
    title: options.title,
    scenarioId: setup.loaded.scenario.id,
    seed: setup.seed,
    levers: { ...setup.levers },
    turnLimit: setup.turnLimit,
    teams,
    decisionSeconds: options.decisionSeconds,
    teamChoice: options.teamChoice,
  };
  const r = await pageConnection().request('session:create', req);
  if (!r.ok) return { ok: false, error: `The session could not be created: ${r.error}` };
  keys.keepFacilitator(r.sessionId, { key: r.facilitatorKey, code: r.joinCode });
  pageConnection().attached(r.sessionId, r.facilitatorKey);
  return { ok: true, sessionId: r.sessionId };
}

export function mountClassroom(
  host: HTMLElement,
  route: ClassroomRoute,
  deps: ClassroomDeps,
  keys: ClassroomKeys = classroomKeys(),
): ClassroomHandle {
  const conn = pageConnection();
  let page: JoinPage | null = null;
  let team: TeamScreen | null = null;
  let teamOf: PlayableActorId | null = null;
  let console_: FacilitatorScreen | null = null;
  let name = '';
  let code: string | null = route.kind === 'join' ? route.code : null;
  let gone = false;

  function showPage(): JoinPage {
    if (team) {
      team.destroy();
      team = null;
      teamOf = null;
    }
    if (!page) {
      clear(host);
      page = joinPage({ join, pick, rejoin, leave: leaveSession });
      host.append(page.el);
    }
    return page;
  }

  async function join(c: string, n: string): Promise<string | null> {
    // The server's first view comes before its answer: it greets the student by this name.
    name = n;
    const r = await conn.request('session:join', { protocol: PROTOCOL_VERSION, code: c, name: n });
    if (!r.ok) return `Could not join: ${r.error}`;
    code = c;
    keys.keepDevice(c, {
      sessionId: r.sessionId,
      deviceId: r.deviceId,
      deviceKey: r.deviceKey,
      name: n,
    });
    history.replaceState(null, '', `${location.pathname}${location.search}#join=${c}`);
    // Joining attached this socket; the key attaches it again after a dropped connection.
    conn.attached(r.sessionId, r.deviceKey);
    return null;
  }

  async function pick(t: PlayableActorId): Promise<string | null> {
    const r = await conn.request('team:pick', { team: t });
    return r.ok ? null : r.error;
  }

  /** Give up this device's place; the device key is forgotten and the page leaves the session. */
  async function leaveSession(): Promise<string | null> {
    const sessionId = conn.state?.session.id ?? null;
    const r = await conn.request('session:leave', {});
    if (!r.ok) return `Could not leave: ${r.error}`;
    if (code) keys.forgetDevice(code);
    if (sessionId) keys.forgetDrafts(sessionId);
    gone = true;
    dropPageConnection();
    deps.leave();
    return null;
  }

  function rejoin(): void {
    if (code) keys.forgetDevice(code);
    location.reload();
  }

  function render(): void {
    if (gone) return;
    if (route.kind === 'facilitate') return renderFacilitator();
    if (conn.removed) {
      if (code) keys.forgetDevice(code);
      return showPage().removed(conn.removed);
    }
    const s = conn.state;
    if (!s) return;
    const info = s.session;
    const sc = scenarioOf(info.scenarioId);
    if (info.team && info.status !== 'lobby' && s.game && sc) {
      // Moved to another team, the student sees the game afresh from that side.
      if (team && teamOf === info.team) return;
      page = null;
      team?.destroy();
      clear(host);
      teamOf = info.team;
      team = teamScreen(conn, sc, info.team, name, keys, deps.startView, {
        leave: deps.leave,
        leaveSession,
      });
      host.append(team.el);
      void team.game.ready.then((v) => deps.shown?.(v));
      return;
    }
    showPage().joined(s, sc?.scenario ?? null, name);
  }

  function renderFacilitator(): void {
    if (console_) return;
    const s = conn.state;
    if (!s) return;
    const sc = scenarioOf(s.session.scenarioId);
    if (!sc) return;
    clear(host);
    console_ = facilitatorScreen(conn, sc, deps.startView, {
      leave: deps.leave,
      ...(deps.shown ? { shown: deps.shown } : {}),
    });
    host.append(console_.el);
  }

  const off = conn.onChange(render);

  if (route.kind === 'join') {
    const kept = code ? keys.device(code) : null;
    if (kept) {
      name = kept.name;
      showPage().wait('Connecting to your session…');
      void conn.attach(kept.sessionId, kept.deviceKey).then((r) => {
        if (r.ok) return render();
        keys.forgetDevice(code!);
        showPage().form(
          code,
          `Your place in that session could not be found (${r.error}): join again.`,
        );
      });
    } else showPage().form(code);
  } else {
    const sessionId = route.sessionId;
    const kept = sessionId ? keys.facilitator(sessionId) : null;
    if (!sessionId || !kept) {
      showPage().form(null, 'This browser holds no facilitator key for that session.');
    } else {
      showPage().wait('Connecting to the session…');
      void conn.attach(sessionId, kept.key).then((r) => {
        if (r.ok) render();
        else showPage().wait(`The session could not be opened: ${r.error}`);
      });
    }
  }

  return {
    connection: conn,
    screen: () => (console_ ? 'facilitator' : team ? 'team' : 'join'),
    game: () => console_?.game() ?? team?.game ?? null,
    destroy() {
      gone = true;
      off();
      team?.destroy();
      console_?.destroy();
    },
  };
}
