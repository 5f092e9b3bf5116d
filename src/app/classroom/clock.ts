import type { SessionInfo } from '../../net/protocol';

/**
 * The phase clock as a person reads it. The server sends when the clock runs out (its epoch
 * milliseconds) or, paused, how much was left; the page counts down from that.
 */

/**
 * Milliseconds left on the clock at `now`, or null when no clock runs this phase.
 *
 * @example
 * msLeft({ seconds: 120, deadline: 10_000, remainingMs: null }, 4_000) // 6000
 */
export function msLeft(clock: SessionInfo['clock'], now: number): number | null {
  if (clock.remainingMs !== null) return Math.max(0, clock.remainingMs);
  if (clock.deadline === null) return null;
  return Math.max(0, clock.deadline - now);
}

/**
 * "1:42 left", rounded up to the second (the last second reads "0:01 left", then "Time is up").
 *
 * @example
 * clockText(102_000) // '1:42 left'
 * clockText(0) // 'Time is up'
 */
export function clockText(ms: number): string {
  if (ms <= 0) return 'Time is up';
  const s = Math.ceil(ms / 1000);
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m % 60).padStart(2, '0')}:${ss} left` : `${m}:${ss} left`;
}

/** "4 of 7 teams ready". */
export function readyText(ready: SessionInfo['ready']): string {
  return `${ready.submitted} of ${ready.of} ${ready.of === 1 ? 'team' : 'teams'} ready`;
}
