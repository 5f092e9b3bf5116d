import type { LogEntry } from '../sim/log';
import type { ShownEntry, Viewpoint } from '../view/contract';

/**
 * Fog of war for the log: a side sees entries meant for everyone and those addressed to it (its
 * own decisions and reasoning, its intelligence estimates, what adjudication reveals to it);
 * `public` sees only what everyone sees; `control` sees everything.
 */
export function canSee(entry: LogEntry, viewpoint: Viewpoint): boolean {
  if (viewpoint === 'control' || entry.visibleTo === 'all') return true;
  if (viewpoint === 'public') return false;
  return entry.visibleTo.includes(viewpoint);
}

/**
 * The entries a viewpoint may see, oldest first. The log only grows, so a previous result for the
 * same viewpoint is extended rather than rebuilt (thousands of entries, redrawn every phase).
 *
 * @example
 * let shown = visibleLog(ctx.log, 'usa', []);
 * shown = visibleLog(ctx.log, 'usa', shown); // only the new entries are checked
 */
export function visibleLog(
  log: readonly LogEntry[],
  viewpoint: Viewpoint,
  previous: readonly ShownEntry[],
): ShownEntry[] {
  const last = previous[previous.length - 1];
  // A previous result is reusable only if it came from this log under this viewpoint: callers
  // pass [] after a viewpoint change.
  const from = last && log[last.index] === last.entry ? last.index + 1 : 0;
  const out = from === 0 ? [] : [...previous];
  for (let i = from; i < log.length; i++) {
    const entry = log[i]!;
    if (canSee(entry, viewpoint)) out.push({ index: i, entry });
  }
  return out;
}
