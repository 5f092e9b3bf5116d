import type { Audience, Control, SendMessage, SubmitOrders } from '../net/protocol';
import { validateSubmission } from '../sim/decisions';
import type { SessionEvent } from './events';
import type { Device, Session, Team } from './session';

/**
 * What a request would do to a session: the event to append, or why not, in words a person can
 * read. Pure functions of the session, the request and the time: the runtime appends the event
 * at the session's next seq and, if another process got there first, catches up and asks again.
 */

/** Who is asking: the session's facilitator, or one student's device. */
export type Caller =
  { readonly role: 'facilitator' } | { readonly role: 'device'; readonly deviceId: string };

export type Decided = { ok: true; event: SessionEvent } | { ok: false; error: string };

const no = (error: string): Decided => ({ ok: false, error });
const yes = (event: SessionEvent): Decided => ({ ok: true, event });

/** A device's own record, if the caller is a device still in the session. */
function deviceOf(s: Session, caller: Caller): Device | null {
  return caller.role === 'device' ? s.device(caller.deviceId) : null;
}

function teamName(s: Session, t: Team): string {
  return s.actorName(t);
}

function notATeam(s: Session, t: Team): string {
  return `${teamName(s, t)} is not played by a team in this session (the teams are ${s.setup.teams.map((x) => teamName(s, x)).join(', ')})`;
}

/**
 * A student joins (the caller made the device's id and key).
 *
 * @example
 * decideJoin(session, { name: 'Ana', team: 'usa' }, { deviceId, keyHash })
 */
export function decideJoin(
  s: Session,
  req: { name: string; team?: Team | undefined },
  ids: { deviceId: string; keyHash: string },
): Decided {
  if (s.status === 'ended') return no('this session has ended');
  let team: Team | null = null;
  if (req.team !== undefined) {
    if (s.setup.teamChoice !== 'pick')
      return no('in this session the facilitator places students on teams: join without a team');
    if (!s.setup.teams.includes(req.team)) return no(notATeam(s, req.team));
    team = req.team;
  }
  return yes({
    type: 'joined',
    data: { deviceId: ids.deviceId, name: req.name, keyHash: ids.keyHash, team },
  });
}

/** A student picks a team: in the lobby, or later while not yet on one. */
export function decidePick(s: Session, caller: Caller, team: Team): Decided {
  const d = deviceOf(s, caller);
  if (!d) return no('only a student on this session picks a team');
  if (s.status === 'ended') return no('this session has ended');
  if (s.setup.teamChoice !== 'pick')
    return no('in this session the facilitator places students on teams');
  if (!s.setup.teams.includes(team)) return no(notATeam(s, team));
  if (d.team === team) return no(`you are already on ${teamName(s, team)}`);
  if (s.status !== 'lobby' && d.team !== null)
    return no('the game has started: ask the facilitator to move you to another team');
  return yes({ type: 'picked', data: { deviceId: d.id, team } });
}

/** A student leaves for good (closing the tab is not leaving: the device can come back). */
export function decideLeave(s: Session, caller: Caller): Decided {
  const d = deviceOf(s, caller);
  if (!d) return no('only a student on this session can leave it');
  return yes({ type: 'removed', data: { deviceId: d.id, by: 'self' } });
}

/**
 * A team's orders for this turn. The device's own team, always: a submission names no team, so a
 * device cannot act for another. Locked once in.
 */
export function decideSubmit(s: Session, caller: Caller, req: SubmitOrders): Decided {
  const d = deviceOf(s, caller);
  if (!d) return no('only a team member submits orders');
  const team = d.team;
  if (team === null) return no('you are not on a team yet');
  if (s.status === 'lobby') return no('the game has not started');
  if (s.status === 'ended') return no('the game has ended');
  if (s.paused) return no('the game is paused: orders are taken again when it resumes');
  if (!s.inDecisions()) return no('orders are taken only in the decisions phase');
  if (req.turn !== s.turn)
    return no(`these orders are for turn ${req.turn}; this is turn ${s.turn}`);
  if (s.seats.get(team) === 'ai')
    return no(`the AI plays ${teamName(s, team)}'s seat now; ask the facilitator to give it back`);
  if (s.pendingOf(team) !== null)
    return no(`${teamName(s, team)}'s orders for turn ${s.turn} are already in and locked`);
  const v = validateSubmission(s.game!.state, s.loaded.scenario, team, req.decisions);
  if (!v.ok)
    return no(
      v.error.index !== null ? `decisions.${v.error.index}: ${v.error.reason}` : v.error.reason,
    );
  return yes({
    type: 'submitted',
    data: { team, turn: s.turn, decisions: v.value, by: 'team', deviceId: d.id },
  });
}

/**
 * Who may write to whom: a team to its own members (`team`), to another team, or to control;
 * control to one team or to everyone (`all`), and notes to itself (`control`) for the debrief,
 * on the turn or on one log entry (`about`). Also after the game has ended (the debrief).
 */
export function decideMessage(s: Session, caller: Caller, req: SendMessage): Decided {
  // Messages go on after the end: the debrief is a conversation too.
  const turn = s.turn;
  if (caller.role === 'facilitator') {
    if (req.to === 'team')
      return no('to: control writes to one team, to everyone ("all") or a note ("control")');
    if (req.to !== 'all' && req.to !== 'control' && !s.setup.teams.includes(req.to))
      return no(`to: ${notATeam(s, req.to)}`);
    if (req.about !== undefined) {
      if (req.to !== 'control') return no('about: only a note (to "control") is about a log entry');
      const logged = s.game?.log.length ?? 0;
      if (req.about >= logged)
        return no(`about: the log has ${logged} entries; there is no entry ${req.about}`);
    }
    return yes({
      type: 'message',
      data: {
        turn,
        from: { team: 'control', name: 'Control', deviceId: null },
        to: req.to,
        text: req.text,
        ...(req.about !== undefined ? { about: req.about } : {}),
      },
    });
  }
  if (req.about !== undefined) return no('about: only the facilitator notes a log entry');
  const d = deviceOf(s, caller);
  if (!d) return no('only a member of this session writes messages');
  if (d.team === null) return no('join a team before writing messages');
  const to: Audience = req.to;
  if (to === 'all') return no('to: only control writes to everyone');
  if (to !== 'team' && to !== 'control') {
    if (to === d.team) return no('to: that is your own team (write to "team")');
    if (!s.setup.teams.includes(to)) return no(`to: ${notATeam(s, to)}`);
  }
  return yes({
    type: 'message',
    data: { turn, from: { team: d.team, name: d.name, deviceId: d.id }, to, text: req.text },
  });
}

/** The facilitator's controls; `now` is when the request came (clocks are recorded as times). */
export function decideControl(s: Session, caller: Caller, req: Control, now: number): Decided {
  if (caller.role !== 'facilitator') return no('only the facilitator has the controls');
  const status = s.status;
  if (status === 'ended' && req.action !== 'end') return no('this session has ended');
  const playing = (): string | null => (status === 'lobby' ? 'the game has not started' : null);
  switch (req.action) {
    case 'start':
      if (status !== 'lobby') return no('the game has already started');
      return yes({ type: 'started', data: {} });
    case 'pause': {
      const why = playing();
      if (why) return no(why);
      if (s.paused) return no('the game is already paused');
      const c = s.currentClock();
      const remainingMs = c?.deadline != null ? Math.max(0, c.deadline - now) : null;
      return yes({ type: 'paused', data: { remainingMs } });
    }
    case 'resume': {
      if (!s.paused) return no('the game is not paused');
      const c = s.currentClock();
      const deadline = c?.remainingMs != null ? now + c.remainingMs : null;
      return yes({ type: 'resumed', data: { deadline } });
    }
    case 'advance': {
      const why = playing();
      if (why) return no(why);
      if (s.paused) return no('the game is paused: resume it first');
      if (!s.inDecisions()) return no('there is no decisions phase to end');
      return yes({ type: 'advanced', data: { turn: s.turn, held: s.waitingTeams() } });
    }
    case 'extend': {
      const why = playing();
      if (why) return no(why);
      if (!s.inDecisions()) return no('there is no decisions phase to extend');
      const ms = req.seconds * 1000;
      const c = s.currentClock();
      if (s.paused) {
        const left = c?.remainingMs ?? 0;
        return yes({
          type: 'clock',
          data: { turn: s.turn, deadline: null, remainingMs: left + ms },
        });
      }
      // A phase without a clock gets one: control may give a slow round a countdown.
      const deadline = (c?.deadline ?? now) + ms;
      return yes({ type: 'clock', data: { turn: s.turn, deadline, remainingMs: null } });
    }
    case 'seat':
      if (!s.setup.teams.includes(req.team)) return no(`team: ${notATeam(s, req.team)}`);
      if (s.seats.get(req.team) === req.by)
        return no(
          req.by === 'ai'
            ? `the AI already plays ${teamName(s, req.team)}'s seat`
            : `${teamName(s, req.team)}'s team already plays its seat`,
        );
      return yes({ type: 'seat', data: { team: req.team, by: req.by } });
    case 'assign': {
      const d = s.device(req.deviceId);
      if (!d) return no('deviceId: no such student in this session');
      if (req.team !== null && !s.setup.teams.includes(req.team))
        return no(`team: ${notATeam(s, req.team)}`);
      if (d.team === req.team)
        return no(
          req.team === null
            ? `${d.name} is not on a team`
            : `${d.name} is already on ${teamName(s, req.team)}`,
        );
      return yes({ type: 'assigned', data: { deviceId: d.id, team: req.team } });
    }
    case 'remove': {
      const d = s.device(req.deviceId);
      if (!d) return no('deviceId: no such student in this session');
      return yes({ type: 'removed', data: { deviceId: d.id, by: 'facilitator' } });
    }
    case 'end':
      if (status === 'ended') return no('this session has already ended');
      return yes({ type: 'ended', data: { reason: 'facilitator' } });
    default: {
      const never: never = req;
      return no(`unknown action ${(never as { action: string }).action}`);
    }
  }
}
