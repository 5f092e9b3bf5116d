import type { Result } from '../sim/validation';

/**
 * The game's length as the player types it on the setup screen: a whole number of turns from 1
 * to the scenario's own `calendar.maxTurns` (the calendar has no dates past it, and the engine
 * plays exactly this many turns unless an outcome ends the game sooner).
 *
 * @example
 * parseTurnLimit('10', 26) // { ok: true, value: 10 }
 * parseTurnLimit('40', 26) // { ok: false, error: 'The game lasts 1 to 26 turns; 40 is too many.' }
 */
export function parseTurnLimit(text: string, max: number): Result<number, string> {
  const t = text.trim();
  const range = `The game lasts 1 to ${max} turns`;
  if (t === '') return { ok: false, error: `${range}: type a number of turns.` };
  if (!/^\d+$/.test(t)) return { ok: false, error: `${range}; "${t}" is not a whole number.` };
  const n = Number(t);
  if (n < 1) return { ok: false, error: `${range}; it needs at least one.` };
  if (n > max) return { ok: false, error: `${range}; ${n} is too many.` };
  return { ok: true, value: n };
}
