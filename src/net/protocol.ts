import { z } from 'zod';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../sim/ids';
import type { TrackSnapshot } from '../sim/phases';
import type { ReplayRecord } from '../sim/replay';
import type { Decision, GameState } from '../sim/state';
import type { ShownEntry } from '../view/contract';

/**
 * What the classroom server and the browsers say to each other over Socket.IO. The server is
 * authoritative: browsers send requests (each with an acknowledgement callback that receives a
 * {@link Reply}), the server sends each socket its own {@link ClientView}. Every request is
 * validated here, at the edge, by zod with bounded sizes, before the server looks at it; nothing
 * a browser sends is ever run or inserted as HTML.
 *
 * Shared by `src/server` (Node) and the browser's classroom screens, so it imports only types
 * from the rest of the game and zod.
 *
 * The links: the facilitator opens `http://<server>/#facilitate=<server facilitator key>` (printed
 * by `npm run serve`) and creates a session; students open `http://<server>/#join=<code>`, which
 * carries nothing secret (the code only lets a device join, rate-limited per address). Keys travel
 * in the fragment, never to a server log or a `Referer`, and are kept by the browser to re-attach.
 */

/** Bumped when a message's shape changes; a client of another version is refused by name. */
export const PROTOCOL_VERSION = 1;

export const LIMITS = {
  /** A student's display name. */
  name: 40,
  /** One message's text. */
  message: 1000,
  /** Decisions in one submission (a seat has four slots). */
  decisions: 4,
  /** A phase clock, in seconds (0: no clock). */
  clockSeconds: 3600,
  /** One extension of a clock, in seconds. */
  extendSeconds: 1800,
  /** A session's title. */
  title: 80,
  /** Bytes of one incoming Socket.IO message (the server's `maxHttpBufferSize`). */
  messageBytes: 16_384,
} as const;

/**
 * Join codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
 * `ABCD-EFGH`: 31^8 ≈ 8.5e11 codes, against attempts rate-limited per address.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

/** Normalise what a student typed: upper case, dashes and spaces dropped. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** `ABCDEFGH` → `ABCD-EFGH`. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A team is named by the seat it plays. */
export const TeamId = z.enum(PLAYABLE_ACTORS as unknown as [PlayableActorId, ...PlayableActorId[]]);
/** A capability (facilitator key, device key): 32 random bytes, base64url. */
const Key = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const SessionId = z.string().regex(/^[a-z0-9]{12}$/);
const DeviceId = z.string().regex(/^[a-z0-9]{12}$/);
const Code = z
  .string()
  .max(20)
  .transform(normaliseCode)
  .pipe(z.string().regex(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`)));

const DecisionIn = z.strictObject({
  type: z.string().min(1).max(60),
  target: z.string().max(60).optional(),
  amount: z.number().finite().optional(),
});

/**
 * Who a message goes to: the sender's own team, another team, control, or (control only)
 * everyone. Control reads every message (it runs the exercise and its debrief); a team reads
 * what its members wrote and what was written to it or to everyone.
 */
export const Audience = z.union([
  z.literal('team'),
  z.literal('control'),
  z.literal('all'),
  TeamId,
]);
export type Audience = z.infer<typeof Audience>;

export const CreateSession = z.strictObject({
  protocol: z.literal(PROTOCOL_VERSION),
  /** The server's facilitator key (printed by `npm run serve`): only its holder creates sessions. */
  adminKey: Key,
  title: z.string().max(LIMITS.title).default(''),
  scenarioId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(60),
  seed: z.string().min(1).max(100),
  levers: z.record(z.string().max(40), z.union([z.string().max(40), z.number(), z.boolean()])),
  turnLimit: z.number().int().min(1).max(200),
  /** Seats played by teams; every other playable seat is played by the AI. */
  teams: z.array(TeamId).min(1).max(PLAYABLE_ACTORS.length),
  /** Seconds each decisions phase lasts (0: no clock; the facilitator advances). */
  decisionSeconds: z.number().int().min(0).max(LIMITS.clockSeconds),
  /** Students choose their team when they join, or wait for the facilitator to place them. */
  teamChoice: z.enum(['pick', 'assigned']).default('pick'),
});
export type CreateSession = z.infer<typeof CreateSession>;

export const JoinSession = z.strictObject({
  protocol: z.literal(PROTOCOL_VERSION),
  code: Code,
  name: z.string().trim().min(1).max(LIMITS.name),
  /** The team the student asks for (sessions with `teamChoice: 'pick'`). */
  team: TeamId.optional(),
});
export type JoinSession = z.infer<typeof JoinSession>;

/** Re-attach a socket to a session with a key kept in the browser (rejoin, reconnect). */
export const Attach = z.strictObject({
  protocol: z.literal(PROTOCOL_VERSION),
  sessionId: SessionId,
  key: Key,
});
export type Attach = z.infer<typeof Attach>;

export const PickTeam = z.strictObject({ team: TeamId });

export const SubmitOrders = z.strictObject({
  /** The turn the orders are for: orders for another turn are refused, not applied late. */
  turn: z.number().int().min(1).max(200),
  decisions: z.array(DecisionIn).max(LIMITS.decisions),
});
export type SubmitOrders = z.infer<typeof SubmitOrders>;

export const SendMessage = z.strictObject({
  /** `control` from the facilitator: a note for the debrief, which only control reads. */
  to: Audience,
  text: z.string().trim().min(1).max(LIMITS.message),
  /** A facilitator's note about one log entry: its index in the game's log. */
  about: z.number().int().min(0).max(1_000_000).optional(),
});
export type SendMessage = z.infer<typeof SendMessage>;

/** The facilitator's controls. */
export const Control = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start') }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
  /** End the decisions phase now: teams not in have their orders held (no new orders). */
  z.strictObject({ action: z.literal('advance') }),
  z.strictObject({
    action: z.literal('extend'),
    seconds: z.number().int().min(1).max(LIMITS.extendSeconds),
  }),
  /** Hand a team's seat to the AI, or give it back to the team. */
  z.strictObject({ action: z.literal('seat'), team: TeamId, by: z.enum(['ai', 'team']) }),
  z.strictObject({ action: z.literal('assign'), deviceId: DeviceId, team: TeamId.nullable() }),
  z.strictObject({ action: z.literal('remove'), deviceId: DeviceId }),
  z.strictObject({ action: z.literal('end') }),
]);
export type Control = z.infer<typeof Control>;

/** Every acknowledgement: a result, or an error a person can read. */
export type Reply<T = Record<never, never>> =
  ({ ok: true } & T) | { ok: false; error: string; field?: string };

export interface Created {
  sessionId: string;
  joinCode: string;
  /** The session's facilitator capability: kept in the facilitator's browser, never shared. */
  facilitatorKey: string;
}

export interface Joined {
  sessionId: string;
  deviceId: string;
  /** This device's capability: kept in its browser to come back by the same link. */
  deviceKey: string;
}

export interface Attached {
  role: 'facilitator' | 'team';
  deviceId: string | null;
}

/** A member of a team, or a student not yet placed. */
export interface Member {
  deviceId: string;
  name: string;
  connected: boolean;
}

export interface TeamInfo {
  team: PlayableActorId;
  /** Who plays the seat now: its team, or the AI (the facilitator handed it over). */
  by: 'team' | 'ai';
  members: Member[];
  /** Orders are in (and locked) for this turn. */
  submitted: boolean;
}

/**
 * A message, kept for the debrief. Control's own notices (a team held when time ran out, a seat
 * handed to the AI) come from `{ team: 'control', name: 'Control' }` to `all`.
 */
export interface ChatMessage {
  /** Order in the session: a stable id. */
  seq: number;
  turn: number;
  /** Epoch milliseconds, as the server recorded it. */
  at: number;
  from: { team: PlayableActorId | 'control'; name: string };
  to: Audience;
  text: string;
  /** A facilitator's note (control to control) about one log entry: its index in the log. */
  about?: number;
}

export interface SessionInfo {
  id: string;
  /** How many events the session has recorded: of two views, the one with the higher is newer. */
  seq: number;
  title: string;
  /** The join code (shown on the facilitator's screen, and to students who joined with it). */
  code: string;
  scenarioId: string;
  role: 'facilitator' | 'team';
  /** This device's team (null: the facilitator, or a student not yet placed). */
  team: PlayableActorId | null;
  deviceId: string | null;
  teamChoice: 'pick' | 'assigned';
  status: 'lobby' | 'playing' | 'ended';
  paused: boolean;
  teams: TeamInfo[];
  /** Students connected but not yet on a team. */
  unassigned: Member[];
  clock: {
    /** Seconds a decisions phase lasts (0: no clock). */
    seconds: number;
    /** Epoch milliseconds when this phase's clock runs out (null: no clock running). */
    deadline: number | null;
    /** While paused: milliseconds that were left. */
    remainingMs: number | null;
  };
  /** "4 of 7 teams ready". */
  ready: { submitted: number; of: number };
  /**
   * The server's clock (epoch ms) when it sent this view: a countdown is `deadline - serverTime`
   * counted down from the view's arrival, whatever the device's own clock says.
   */
  serverTime: number;
}

export interface GameView {
  turn: number;
  turnLimit: number;
  /** The engine phase the session stands in (`decisions` while teams choose, `ended` at the end). */
  phase: string;
  ended: boolean;
  /** The game as this viewer's side knows it (`teamView` in src/sim/view.ts). */
  state: GameState;
  tracks: TrackSnapshot[];
  /** The orders this team has submitted this turn (locked), or null. */
  submitted: Decision[] | null;
  /**
   * The turns the AI chose for a team's seat (control handed it over), as `turn:team`: public,
   * since every side is told when a seat goes to the AI. The end screen marks those turns.
   */
  aiChosen: string[];
  /** Hash of the true state at the server (every client of a session converges on it). */
  stateHash: string;
  /** Hash of this view's state and log length, to check a client holds exactly what was sent. */
  viewHash: string;
}

/**
 * One socket's view. The log and the messages come as what is new since `from` (the client's
 * count); `from` 0 means "replace what you hold" (a first view, a resync, a change of team). A
 * client whose count differs from `from` asks for `view:resync` and gets everything again.
 *
 * `game` is present when the game changed since this socket's last view (null: no game to show,
 * in the lobby or for a student not on a team) and absent when it did not (a message, a member
 * joining, the clock): the client keeps the one it has.
 */
export interface ClientView {
  session: SessionInfo;
  game?: GameView | null;
  log: { from: number; entries: ShownEntry[] };
  messages: { from: number; entries: ChatMessage[] };
}

export interface Exported {
  record: ReplayRecord;
}

/** Socket.IO's typed events (server → client). */
export interface ServerToClient {
  view: (v: ClientView) => void;
  /**
   * This device left the session or the facilitator removed it: its key no longer works, and the
   * server disconnects the socket right after.
   */
  removed: (why: { reason: string }) => void;
}

/** Socket.IO's typed events (client → server); every one answers through its callback. */
export interface ClientToServer {
  'session:create': (req: unknown, ack: (r: Reply<Created>) => void) => void;
  'session:join': (req: unknown, ack: (r: Reply<Joined>) => void) => void;
  'session:attach': (req: unknown, ack: (r: Reply<Attached>) => void) => void;
  'team:pick': (req: unknown, ack: (r: Reply) => void) => void;
  /** A student leaves the session for good: the device key stops working (`{}`). */
  'session:leave': (req: unknown, ack: (r: Reply) => void) => void;
  'orders:submit': (req: unknown, ack: (r: Reply) => void) => void;
  'message:send': (req: unknown, ack: (r: Reply) => void) => void;
  control: (req: unknown, ack: (r: Reply) => void) => void;
  'control:export': (req: unknown, ack: (r: Reply<Exported>) => void) => void;
  /** Send this socket everything again (`{}`). */
  'view:resync': (req: unknown, ack: (r: Reply) => void) => void;
}

/** The body of the requests that carry nothing (`session:leave`, `control:export`, `view:resync`). */
export const Empty = z.strictObject({});

/**
 * The first problem of a failed parse, as one line with where it is.
 *
 * @example
 * const p = JoinSession.safeParse(req);
 * if (!p.success) return ack({ ok: false, ...problem(p.error) });
 */
export function problem(err: z.ZodError): { error: string; field?: string } {
  const issue = err.issues[0];
  if (!issue) return { error: 'the request is not valid' };
  const field = issue.path.map(String).join('.');
  return field ? { error: `${field}: ${issue.message}`, field } : { error: issue.message };
}
