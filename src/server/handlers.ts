import type { z } from 'zod';
import {
  Attach,
  Control,
  CreateSession,
  Empty,
  JoinSession,
  PickTeam,
  SendMessage,
  SubmitOrders,
  problem,
  type Attached,
  type ClientToServer,
  type Created,
  type Exported,
  type Joined,
  type Reply,
} from '../net/protocol';
import { PLAYABLE_ACTORS } from '../sim/ids';
import { resolveLevers } from '../sim/setup';
import { RULES_VERSION } from '../sim/replay';
import {
  decideControl,
  decideJoin,
  decideLeave,
  decideMessage,
  decidePick,
  decideSubmit,
  type Caller,
  type Decided,
} from './commands';
import type { EventData } from './events';
import { replayOf } from './export';
import type { Hub, IoSocket } from './hub';
import { hashKey, keyMatches, newId, newJoinCode, newKey } from './keys';
import type { RateLimiter } from './rate-limit';
import type { SessionRuntime } from './runtime';
import type { ScenarioSource, Session } from './session';
import type { SessionStore } from './store';

/**
 * Every request a socket can make. Each is parsed by its zod schema from `src/net/protocol.ts`
 * before anything looks at it (a bad one gets a one-line error naming the field and changes
 * nothing), then decided against the session (`./commands.ts`) and recorded as an event.
 * Answers always go through the request's acknowledgement; a request without one is ignored.
 */

export interface HandlerDeps {
  readonly hub: Hub;
  readonly store: SessionStore;
  readonly now: () => number;
  readonly scenarios: ScenarioSource;
  /** SHA-256 of the server's facilitator key. */
  readonly adminKeyHash: string;
  /** Join attempts an address may make in a window. */
  readonly joins: RateLimiter;
  /** Wrong keys an address may present in a window (attach, create). */
  readonly badKeys: RateLimiter;
  /** Messages one device may send in a window. */
  readonly chatter: RateLimiter;
  readonly log: (line: string) => void;
  readonly onSessionCreated: (s: { id: string; code: string; title: string }) => void;
}

type Ack<R> = (r: Reply<R>) => void;
type Handler<S extends z.ZodType, R> = (req: z.infer<S>, socket: IoSocket) => Promise<Reply<R>>;

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** The address a socket came from (the rate limits count by it). */
function addressOf(socket: IoSocket): string {
  return socket.handshake.address || 'unknown';
}

function waitWords(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}

export function registerHandlers(socket: IoSocket, deps: HandlerDeps): void {
  const { hub } = deps;
  /** A request: `gate` may turn it away before it is read (a rate limit), with why. */
  const on = <S extends z.ZodType, R>(
    event: keyof ClientToServer,
    schema: S,
    handler: Handler<S, R>,
    gate?: (socket: IoSocket) => string | null,
  ): void => {
    socket.on(event, (async (req: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const answer = ack as Ack<R>;
      const refused = gate?.(socket) ?? null;
      if (refused !== null) return answer(fail(refused));
      const parsed = schema.safeParse(req);
      if (!parsed.success) return answer({ ok: false, ...problem(parsed.error) });
      try {
        answer(await handler(parsed.data, socket));
      } catch (e) {
        deps.log(`${event} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        answer(fail('the server could not do that (an internal error, logged on the server)'));
      }
    }) as never);
  };

  /** The session this socket is attached to, and who it is there. */
  const attachedTo = async (
    s: IoSocket,
  ): Promise<{ rt: SessionRuntime; caller: Caller } | null> => {
    const a = s.data.attachment;
    if (!a) return null;
    const rt = await hub.get(a.sessionId);
    return rt ? { rt, caller: a.viewer } : null;
  };

  /** Run a request that becomes an event in the attached session. */
  const command = async (
    s: IoSocket,
    decide: (session: Session, caller: Caller) => Decided,
  ): Promise<Reply> => {
    const at = await attachedTo(s);
    if (!at) return fail('attach to a session first');
    const r = await at.rt.command((session) => decide(session, at.caller));
    return r.ok ? { ok: true } : r;
  };

  on('session:create', CreateSession, async (req, s): Promise<Reply<Created>> => {
    const wait = deps.badKeys.wait(addressOf(s), deps.now());
    if (wait > 0) return fail(`too many wrong keys from this address: wait ${waitWords(wait)}`);
    if (!keyMatches(req.adminKey, deps.adminKeyHash)) {
      deps.badKeys.hit(addressOf(s), deps.now());
      return {
        ok: false,
        error: "adminKey: this is not the server's facilitator key",
        field: 'adminKey',
      };
    }
    const loaded = deps.scenarios(req.scenarioId);
    if (!loaded)
      return {
        ok: false,
        error: `scenarioId: no scenario "${req.scenarioId}"`,
        field: 'scenarioId',
      };
    const sc = loaded.scenario;
    const levers = resolveLevers(sc, req.levers);
    if (!levers.ok)
      return {
        ok: false,
        error: `levers.${levers.error.lever}: ${levers.error.message}`,
        field: `levers.${levers.error.lever}`,
      };
    if (req.turnLimit > sc.calendar.maxTurns)
      return {
        ok: false,
        error: `turnLimit: ${sc.id} lasts at most ${sc.calendar.maxTurns} turns`,
        field: 'turnLimit',
      };
    const teams = [...new Set(req.teams)];
    if (teams.length !== req.teams.length)
      return { ok: false, error: 'teams: a seat is listed twice', field: 'teams' };
    const facilitatorKey = newKey();
    const id = newId();
    let code = newJoinCode();
    for (let i = 0; i < 20 && (await deps.store.byCode(code)); i++) code = newJoinCode();
    const created: EventData<'created'> = {
      rulesVersion: RULES_VERSION,
      title: req.title,
      scenarioId: sc.id,
      scenarioHash: loaded.hash,
      seed: req.seed,
      levers: levers.value as unknown as EventData<'created'>['levers'],
      turnLimit: req.turnLimit,
      // In seat order, whatever order they were listed in.
      teams: PLAYABLE_ACTORS.filter((a) => teams.includes(a)),
      decisionSeconds: req.decisionSeconds,
      teamChoice: req.teamChoice,
      code,
      facilitatorKeyHash: hashKey(facilitatorKey),
    };
    const now = deps.now();
    await deps.store.create(
      { id, code, createdAt: now },
      { at: now, type: 'created', data: created },
    );
    const rt = await hub.get(id);
    if (!rt) return fail('the session could not be opened after it was stored');
    hub.attach(s, rt, { role: 'facilitator' });
    deps.onSessionCreated({ id, code, title: req.title });
    return { ok: true, sessionId: id, joinCode: code, facilitatorKey };
  });

  on(
    'session:join',
    JoinSession,
    async (req, s): Promise<Reply<Joined>> => {
      const row = await deps.store.byCode(req.code);
      if (!row)
        return {
          ok: false,
          error: 'code: no session has this code; check it with your facilitator',
          field: 'code',
        };
      if (!row.open) return fail('this session has ended');
      const rt = await hub.get(row.id);
      if (!rt) return fail(hub.brokenReason(row.id) ?? 'this session cannot be opened');
      const deviceKey = newKey();
      const deviceId = newId();
      const r = await rt.command((session) =>
        decideJoin(session, req, { deviceId, keyHash: hashKey(deviceKey) }),
      );
      if (!r.ok) return r;
      hub.attach(s, rt, { role: 'device', deviceId });
      return { ok: true, sessionId: row.id, deviceId, deviceKey };
    },
    // Counted before the request is even read: guessing codes costs an attempt each.
    (s) => {
      const wait = deps.joins.hit(addressOf(s), deps.now());
      return wait > 0
        ? `too many join attempts from this address: wait ${waitWords(wait)} and try again`
        : null;
    },
  );

  on('session:attach', Attach, async (req, s): Promise<Reply<Attached>> => {
    const address = addressOf(s);
    const wait = deps.badKeys.wait(address, deps.now());
    if (wait > 0) return fail(`too many wrong keys from this address: wait ${waitWords(wait)}`);
    const refuse = (): Reply<Attached> => {
      deps.badKeys.hit(address, deps.now());
      return {
        ok: false,
        error: 'key: this key does not open that session (the device may have been removed)',
        field: 'key',
      };
    };
    const rt = await hub.get(req.sessionId);
    if (!rt) {
      const broken = hub.brokenReason(req.sessionId);
      return broken ? fail(`this session cannot be resumed: ${broken}`) : refuse();
    }
    if (keyMatches(req.key, rt.session.setup.facilitatorKeyHash)) {
      hub.attach(s, rt, { role: 'facilitator' });
      return { ok: true, role: 'facilitator', deviceId: null };
    }
    for (const d of rt.session.devices.values())
      if (!d.removed && keyMatches(req.key, d.keyHash)) {
        hub.attach(s, rt, { role: 'device', deviceId: d.id });
        return { ok: true, role: 'team', deviceId: d.id };
      }
    return refuse();
  });

  on('team:pick', PickTeam, (req, s) =>
    command(s, (session, c) => decidePick(session, c, req.team)),
  );
  on('session:leave', Empty, (_req, s) => command(s, decideLeave));
  on('orders:submit', SubmitOrders, (req, s) =>
    command(s, (session, c) => decideSubmit(session, c, req)),
  );
  on('message:send', SendMessage, async (req, s) => {
    const a = s.data.attachment;
    if (a?.viewer.role === 'device') {
      const wait = deps.chatter.hit(a.viewer.deviceId, deps.now());
      if (wait > 0) return fail(`too many messages: wait ${waitWords(wait)}`);
    }
    return command(s, (session, c) => decideMessage(session, c, req));
  });
  on('control', Control, (req, s) =>
    command(s, (session, c) => decideControl(session, c, req, deps.now())),
  );
  on('control:export', Empty, async (_req, s): Promise<Reply<Exported>> => {
    const at = await attachedTo(s);
    if (!at) return fail('attach to a session first');
    if (at.caller.role !== 'facilitator') return fail('only the facilitator exports the game');
    const record = replayOf(at.rt.session);
    if (!record) return fail('the game has not started');
    return { ok: true, record };
  });
  on('view:resync', Empty, async (_req, s): Promise<Reply> => {
    if (!s.data.attachment) return fail('attach to a session first');
    hub.resync(s);
    return { ok: true };
  });

  socket.on('disconnect', () => hub.detach(socket));
}
