import { z } from 'zod';
import { ACTORS, PLAYABLE_ACTORS, type ActorId, type PlayableActorId } from './ids';
import { LEVER_NAMES, type LeverName, type Levers } from './scenario/levers';
import type { Decision } from './state';
import { quoteSafe } from './safe-text';
import { parseJsonText, validate, type InputProblem, type Result } from './validation';

/**
 * Replay records: everything needed to reproduce a game exactly (scenario identity, seed, levers,
 * who controlled each seat and every decision by turn and seat) plus the state hash after each
 * turn, so a replay checks itself as it goes.
 */
export const REPLAY_FORMAT = 'second-front-replay';
/**
 * 2 added `scenario` (the resolved scenario embedded, for games of a custom scenario) and
 * `parent`. Format 1 files are still read: they are format 2 files without either.
 */
export const REPLAY_FORMAT_VERSION = 2;
/**
 * The rules version: bumped whenever a rule change would alter the result of an existing game
 * (the golden games in `tests/golden` fail until it is, and `npm run goldens` re-records them).
 * Every replay record and saved game carries it (as `engineVersion`, the field's name since
 * format 1); a record made under other rules is refused by name, since re-simulating it under
 * these rules would only report a meaningless hash mismatch.
 *
 * History: 1.0.0 named six different rule sets (it was not bumped as the rules changed), so
 * 1.1.0 is the first version that names one; records of 1.0.0 are refused. 2.0.0 is Model 2:
 * 12-hour operational steps, engagements on a force-ratio curve, the Taiwan campaign as forces
 * with the air and sea war as stocks, Baltic axes, the US pool as units, blockade economics, wars
 * per theater, nuclear use as a decision; every game from 1.x plays differently under it. 3.0.0
 * adds the planning AI (opt-in) and the `aiNoise` lever. 4.0.0 makes the planner the default AI,
 * with the nuclear threshold tipped by a per-game temperament (`aiPlanner.thresholdNoise`).
 * 5.0.0 fixes the planner's audit: its picture of the situation is kept exactly (the log names
 * what changed), a plan's stage may wait on a premise (the US intervenes when Taiwan is attacked,
 * not when a timer runs out).
 */
export const RULES_VERSION = '5.0.0';

export type TurnDecisions = Partial<Record<ActorId, Decision[]>>;
/** Who plays each seat. Background actors are always the AI and have no seat. */
export type Controllers = Record<PlayableActorId, 'ai' | 'human'>;

export interface ReplayRecord {
  format: typeof REPLAY_FORMAT;
  formatVersion: number;
  engineVersion: string;
  scenarioId: string;
  scenarioHash: string;
  seed: string;
  levers: Levers;
  controllers: Controllers;
  /** The number of turns the game was set to run (the scenario's maximum unless cut short). */
  turnLimit: number;
  /** decisions[i] holds turn i+1's decisions, by seat (forced-by-lever decisions are not listed). */
  decisions: TurnDecisions[];
  turnHashes: string[];
  finalHash: string;
  /** For a game forked from another: the parent's final hash and the turn it branched after. */
  parent?: { finalHash: string; turn: number };
  /**
   * The resolved scenario itself, for a game of a scenario that is not bundled (a custom file),
   * so the replay opens anywhere. Checked against `scenarioHash` before it is used.
   */
  scenario?: Record<string, unknown>;
  /**
   * What the room said and the facilitator wrote, for the after-action report: not part of the
   * game (no state hash covers it, and re-simulating ignores it).
   */
  annotations?: ReplayAnnotations;
}

/** Messages and facilitator notes a record may carry (bounded: a record is opened anywhere). */
export interface ReplayAnnotations {
  messages?: { turn: number; from: string; to: string; text: string }[];
  /** A note on a turn, or on one log entry of it (its index in the game's full log). */
  notes?: { turn: number; logIndex?: number; text: string }[];
}

/** The most messages or notes a record carries, and the longest text of one. */
export const MAX_ANNOTATIONS = 2000;
export const MAX_ANNOTATION_CHARS = 4000;

const AnnotationsSchema = z.strictObject({
  messages: z
    .array(
      z.strictObject({
        turn: z.number().int().min(0).max(200),
        from: z.string().min(1).max(60),
        to: z.string().min(1).max(60),
        text: z.string().max(MAX_ANNOTATION_CHARS),
      }),
    )
    .max(MAX_ANNOTATIONS)
    .optional(),
  notes: z
    .array(
      z.strictObject({
        turn: z.number().int().min(0).max(200),
        logIndex: z.number().int().min(0).max(1_000_000).optional(),
        text: z.string().max(MAX_ANNOTATION_CHARS),
      }),
    )
    .max(MAX_ANNOTATIONS)
    .optional(),
});

const DecisionSchema = z.strictObject({
  type: z.string().min(1).max(60),
  target: z.string().max(60).optional(),
  amount: z.number().optional(),
});

const actorRecord = <T extends z.ZodType>(v: T) =>
  z.strictObject(
    Object.fromEntries(ACTORS.map((a) => [a, v.optional()])) as Record<ActorId, z.ZodOptional<T>>,
  );

export const ReplaySchema = z.strictObject({
  format: z.literal(REPLAY_FORMAT),
  formatVersion: z.number().int().min(1),
  engineVersion: z.string().max(20),
  scenarioId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  scenarioHash: z.string().regex(/^[0-9a-f]{16}$/),
  seed: z.string().min(1).max(100),
  levers: z.strictObject(
    Object.fromEntries(
      LEVER_NAMES.map((n) => [n, z.union([z.string(), z.number(), z.boolean()])]),
    ) as unknown as Record<LeverName, z.ZodType>,
  ),
  controllers: z.strictObject(
    Object.fromEntries(PLAYABLE_ACTORS.map((a) => [a, z.enum(['ai', 'human'])])) as Record<
      PlayableActorId,
      z.ZodEnum<{ ai: 'ai'; human: 'human' }>
    >,
  ),
  turnLimit: z.number().int().min(1).max(200),
  decisions: z.array(actorRecord(z.array(DecisionSchema).max(4))).max(200),
  turnHashes: z.array(z.string().regex(/^[0-9a-f]{16}$/)).max(200),
  finalHash: z.string().regex(/^([0-9a-f]{16})?$/),
  parent: z
    .strictObject({ finalHash: z.string().regex(/^[0-9a-f]{16}$/), turn: z.number().int().min(0) })
    .optional(),
  scenario: z.record(z.string(), z.unknown()).optional(),
  annotations: AnnotationsSchema.optional(),
});

/**
 * Parse a replay file's text: JSON, then shape, then format version. Lever values and decisions
 * are checked against the scenario when the replay is run.
 *
 * @example
 * const r = parseReplayText(text, 'game.json');
 * if (!r.ok) show(r.error[0].message);
 */
export function parseReplayText(text: string, file: string): Result<ReplayRecord, InputProblem[]> {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return { ok: false, error: [parsed.error] };
  const data = parsed.value as Record<string, unknown> | null;
  if (
    data === null ||
    typeof data !== 'object' ||
    Array.isArray(data) ||
    data['format'] !== REPLAY_FORMAT
  ) {
    const found =
      data !== null && typeof data === 'object' && !Array.isArray(data)
        ? quoteSafe(JSON.stringify(data['format'] ?? null) ?? 'an unserialisable value')
        : Array.isArray(data)
          ? 'an array'
          : quoteSafe(JSON.stringify(data) ?? String(data));
    return {
      ok: false,
      error: [
        {
          file,
          path: '$.format',
          expected: `"${REPLAY_FORMAT}" (a Second Front replay)`,
          found,
          message: `${file}: at $.format: expected "${REPLAY_FORMAT}" (a Second Front replay file), found ${found}`,
        },
      ],
    };
  }
  if (typeof data['formatVersion'] === 'number' && data['formatVersion'] > REPLAY_FORMAT_VERSION) {
    return {
      ok: false,
      error: [
        {
          file,
          path: '$.formatVersion',
          expected: `format version ${REPLAY_FORMAT_VERSION} or older`,
          found: quoteSafe(String(data['formatVersion'])),
          message: `${file}: at $.formatVersion: this replay was made by a newer Second Front (format ${quoteSafe(String(data['formatVersion']))}); this version reads format ${REPLAY_FORMAT_VERSION}`,
        },
      ],
    };
  }
  const checked = validate(ReplaySchema, olderLevers(data), file);
  if (!checked.ok) return checked;
  return { ok: true, value: checked.value as unknown as ReplayRecord };
}

/**
 * A record from other rules may predate levers added since (`aiNoise`, rules 3.0.0). It is refused
 * later by its rules version, by name; a lever it could not have had must not hide that behind a
 * schema error. Only such a record gets the missing lever (as 0) so the version check can speak;
 * a record of these rules must carry every lever.
 */
function olderLevers(data: Record<string, unknown>): Record<string, unknown> {
  const levers = data['levers'];
  if (
    data['engineVersion'] === RULES_VERSION ||
    levers === null ||
    typeof levers !== 'object' ||
    Array.isArray(levers) ||
    Object.hasOwn(levers, 'aiNoise')
  )
    return data;
  return { ...data, levers: { ...(levers as Record<string, unknown>), aiNoise: 0 } };
}
