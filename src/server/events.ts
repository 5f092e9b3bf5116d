import { z } from 'zod';
import { Audience, TeamId } from '../net/protocol';
import type { StoredEvent } from './store';

/**
 * A session's events: everything that ever happened to it, in order. A session's state (its
 * engine, members, seats, clock and messages) is a pure function of these (see `./session.ts`),
 * so a restarted server, or another process, rebuilds exactly the same session. Times are data
 * in the events (a deadline is recorded, never recomputed), so rebuilding reads no clock.
 *
 * Each event's body is checked by its schema when it is read back from the store: a database
 * edited by hand, or written by another version, is refused by name instead of half-applied.
 */

const Hash = z.string().regex(/^[0-9a-f]{64}$/);
const Id = z.string().regex(/^[a-z0-9]{12}$/);
const DecisionData = z.strictObject({
  type: z.string(),
  target: z.string().optional(),
  amount: z.number().optional(),
});

export const EVENT_SCHEMAS = {
  /** The session's setup: everything the engine needs, and who may control it. */
  created: z.strictObject({
    /** The rules the game is played under (a session is rebuilt only under the same rules). */
    rulesVersion: z.string(),
    title: z.string(),
    scenarioId: z.string(),
    /** The resolved scenario's hash: a changed scenario file is noticed on rebuild. */
    scenarioHash: z.string(),
    seed: z.string(),
    /** Every lever, resolved (defaults filled in), as the replay record carries them. */
    levers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    turnLimit: z.number().int(),
    /** The seats played by teams, in seat order; every other seat is the AI's. */
    teams: z.array(TeamId),
    decisionSeconds: z.number().int().min(0),
    teamChoice: z.enum(['pick', 'assigned']),
    code: z.string(),
    /** SHA-256 of the session's facilitator key (the key itself is never stored). */
    facilitatorKeyHash: Hash,
  }),
  /** A student's device joined (with the team it picked, if it picked one). */
  joined: z.strictObject({
    deviceId: Id,
    name: z.string(),
    keyHash: Hash,
    team: TeamId.nullable(),
  }),
  /** A student picked a team (sessions where students choose). */
  picked: z.strictObject({ deviceId: Id, team: TeamId }),
  /** The facilitator placed a student on a team, or took them off one (null). */
  assigned: z.strictObject({ deviceId: Id, team: TeamId.nullable() }),
  /** A device left or was removed: its key no longer works. */
  removed: z.strictObject({ deviceId: Id, by: z.enum(['facilitator', 'self']) }),
  started: z.strictObject({}),
  /** A seat's orders for a turn, locked once in. `by: 'ai'`: the AI chose for a team's seat. */
  submitted: z.strictObject({
    team: TeamId,
    turn: z.number().int().min(1),
    decisions: z.array(DecisionData),
    by: z.enum(['team', 'ai']),
    /** The device that sent them (null for the AI). */
    deviceId: Id.nullable(),
  }),
  /** This decisions phase's clock was set or extended (`remainingMs`: set while paused). */
  clock: z.strictObject({
    turn: z.number().int().min(1),
    deadline: z.number().nullable(),
    remainingMs: z.number().nullable(),
  }),
  paused: z.strictObject({ remainingMs: z.number().nullable() }),
  resumed: z.strictObject({ deadline: z.number().nullable() }),
  /** The clock ran out: the teams not in hold (no new orders). */
  timeout: z.strictObject({ turn: z.number().int().min(1), held: z.array(TeamId) }),
  /** The facilitator ended the decisions phase: the teams not in hold. */
  advanced: z.strictObject({ turn: z.number().int().min(1), held: z.array(TeamId) }),
  /** A team's seat handed to the AI, or given back to the team. */
  seat: z.strictObject({ team: TeamId, by: z.enum(['ai', 'team']) }),
  message: z.strictObject({
    turn: z.number().int().min(0),
    from: z.strictObject({
      team: z.union([TeamId, z.literal('control')]),
      name: z.string(),
      deviceId: Id.nullable(),
    }),
    to: Audience,
    text: z.string(),
    /** A facilitator's note about one log entry (its index in the game's log). */
    about: z.number().int().min(0).optional(),
  }),
  ended: z.strictObject({ reason: z.enum(['facilitator', 'game-over']) }),
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export type EventData<T extends EventType> = z.infer<(typeof EVENT_SCHEMAS)[T]>;

/** One event as the session applies it: tagged by `type`. */
export type SessionEvent = {
  [T in EventType]: { readonly type: T; readonly data: EventData<T> };
}[EventType];

/** An event as read back from the store, with its place and time. */
export type AppliedEvent = SessionEvent & { readonly seq: number; readonly at: number };

/**
 * Check an event read from the store against its schema.
 *
 * @example
 * const e = parseStoredEvent(stored);
 * if (!e.ok) throw new Error(e.error);
 */
export function parseStoredEvent(
  e: StoredEvent,
): { ok: true; value: AppliedEvent } | { ok: false; error: string } {
  const schema = (EVENT_SCHEMAS as Record<string, z.ZodType>)[e.type];
  if (!schema) return { ok: false, error: `event ${e.seq}: unknown type "${e.type}"` };
  const r = schema.safeParse(e.data);
  if (!r.success)
    return {
      ok: false,
      error:
        `event ${e.seq} (${e.type}): ${r.error.issues[0]?.path.join('.') ?? ''} ${r.error.issues[0]?.message ?? ''}`.trim(),
    };
  return {
    ok: true,
    value: { type: e.type, data: r.data, seq: e.seq, at: e.at } as AppliedEvent,
  };
}
