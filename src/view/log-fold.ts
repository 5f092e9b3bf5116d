import type { LogEntry, PhaseName } from '../sim/log';
import type { ShownEntry } from './contract';

/**
 * How the log reads: turns newest first, each turn from its first entry to its last, and the
 * track changes folded under the entry that caused them. A turn logs 50–80 entries, most of them
 * one-track changes that follow the decision, event or roll behind them; folded, a turn reads as
 * a dozen or two lines, each opening on its consequences. Presentation only: the engine's log is
 * not changed, and the parent of a change is read from the order the engine wrote it in.
 */

/** A top-level row of the log and the entries folded under it (engine order). */
export interface LogRow {
  readonly shown: ShownEntry;
  readonly children: readonly ShownEntry[];
}

/** One turn of the log: its rows in the order they happened. */
export interface LogTurn {
  readonly turn: number;
  readonly rows: readonly LogRow[];
}

/**
 * Phases whose changes are the turn's bookkeeping (munitions made and spent, recovery, derived
 * risk) rather than the consequence of the entry just before: they fold under the phase itself.
 */
const BOOKKEEPING: ReadonlySet<PhaseName> = new Set(['events', 'assessment']);

/**
 * Finds, entry by entry in engine order, the entry a change belongs under. Fed the whole log of a
 * viewpoint (phase markers included) in order; `parentOf` answers for the entry just fed.
 *
 * - A change of tracks belongs under the last decision, event, roll or AI choice of its phase;
 *   in the events and assessment phases, and before any such entry, under the phase marker.
 * - A note (a change entry that changes no track, such as "Taiwan hardens its defences") belongs
 *   under a decision or event just before it; otherwise (intelligence estimates) it stands alone.
 * - Key events and escalations stand alone and do not interrupt: the changes after "China
 *   declares a blockade" still belong to the decision "Naval blockade".
 */
export class CauseTracker {
  private turn = -1;
  private phase: { index: number; name: PhaseName } | null = null;
  private cause: { index: number; type: LogEntry['type'] } | null = null;

  /** The engine index of the entry `s` folds under, or null if it is a row of its own. */
  parentOf(s: ShownEntry): number | null {
    const e = s.entry;
    if (e.turn !== this.turn) {
      this.turn = e.turn;
      this.phase = null;
      this.cause = null;
    }
    switch (e.type) {
      case 'phase':
        this.phase = { index: s.index, name: e.phase };
        this.cause = null;
        return null;
      case 'change': {
        if (e.changes.length === 0) {
          const c = this.cause;
          return c && (c.type === 'decision' || c.type === 'inject') ? c.index : null;
        }
        if (this.phase && BOOKKEEPING.has(this.phase.name)) return this.phase.index;
        return this.cause?.index ?? this.phase?.index ?? null;
      }
      case 'key-event':
      case 'escalation':
        return null;
      case 'inject':
      case 'decision':
      case 'ai-reasoning':
      case 'adjudication':
      case 'outcome':
        this.cause = { index: s.index, type: e.type };
        return null;
      default: {
        const never: never = e;
        return never;
      }
    }
  }
}

/**
 * Fold a viewpoint's log (engine order, oldest first, phase markers included) into turns and rows.
 * `keep` is the reader's filter: exactly the entries it keeps are shown. A kept change whose
 * parent is filtered out becomes a row of its own; a phase marker is shown only as the parent of
 * kept changes.
 *
 * @example
 * const turns = foldLog(frame.log, (e) => matchesFilter(e, filter));
 * turns[0].turn // the newest turn
 * turns[0].rows[0].children.length // the changes folded under its first row
 */
export function foldLog(log: readonly ShownEntry[], keep: (e: LogEntry) => boolean): LogTurn[] {
  const tracker = new CauseTracker();
  const turns: { turn: number; rows: { shown: ShownEntry; children: ShownEntry[] }[] }[] = [];
  const rowOf = new Map<number, { shown: ShownEntry; children: ShownEntry[] }>();
  const phases = new Map<number, ShownEntry>();
  for (const s of log) {
    const parent = tracker.parentOf(s);
    if (s.entry.type === 'phase') {
      phases.set(s.index, s);
      continue;
    }
    if (!keep(s.entry)) continue;
    let turn = turns[turns.length - 1];
    if (!turn || turn.turn !== s.entry.turn) {
      turn = { turn: s.entry.turn, rows: [] };
      turns.push(turn);
    }
    let host = parent === null ? undefined : rowOf.get(parent);
    if (!host && parent !== null && phases.has(parent)) {
      host = { shown: phases.get(parent)!, children: [] };
      rowOf.set(parent, host);
      // The marker goes where it stands in the turn: before every row logged after it.
      const at = turn.rows.findIndex((r) => r.shown.index > parent);
      turn.rows.splice(at < 0 ? turn.rows.length : at, 0, host);
    }
    if (host) host.children.push(s);
    else {
      const row = { shown: s, children: [] };
      rowOf.set(s.index, row);
      turn.rows.push(row);
    }
  }
  return turns.reverse();
}
