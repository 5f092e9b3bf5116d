import { MAX_FILE_BYTES } from '../sim/replay-codec';
import { ReplaySchema } from '../sim/replay';
import { MAX_INPUT_BYTES } from './scenario-files';

/**
 * What the CLI may write, read off the limits of what reads it back: the replay schema (seed and
 * turn limit), the browser's file size limit and `verify`'s. Taken from the schema itself rather
 * than copied, so a change there moves the CLI's bounds with it.
 */

function bound(n: number | null, what: string): number {
  // A schema without the bound would make every seed or game "valid": fail loudly instead.
  if (n === null || !Number.isFinite(n)) throw new Error(`the replay schema has no ${what}`);
  return n;
}

/** The longest seed a replay record may carry. */
export const MAX_SEED_CHARS = bound(ReplaySchema.shape.seed.maxLength, 'seed length limit');
/** The shortest (a replay needs a seed). */
export const MIN_SEED_CHARS = bound(ReplaySchema.shape.seed.minLength, 'seed minimum');
/** The most turns a replay record may be set to run. */
export const MAX_TURN_LIMIT = bound(ReplaySchema.shape.turnLimit.maxValue, 'turn limit');
/** The largest replay file both the browser and `verify` open. */
export const MAX_REPLAY_BYTES = Math.min(MAX_FILE_BYTES, MAX_INPUT_BYTES);

/**
 * The most paired seeds a duel plays. Not read off a reader: a duel keeps every run's final
 * scores (seven numbers per run and arm) to pair them, so its memory grows with its runs; this
 * bound keeps it to tens of megabytes (and the time, at about 10 ms per run, to hours).
 */
export const MAX_DUEL_RUNS = 100_000;
