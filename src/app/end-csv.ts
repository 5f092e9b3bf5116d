import type { ActorId } from '../sim/ids';
import type { LogEntry } from '../sim/log';
import type { TrackSnapshot } from '../sim/phases';
import type { Scenario } from '../sim/scenario/schema';
import { capitalise, knownTrackName, trackId, type TrackId } from '../view/track-names';

/**
 * The end screen's exports as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a
 * comma, quote or line break quoted and inner quotes doubled): the tracks, one row per turn and
 * one column per track under its human name, and the decisions, one row per decision. Text from
 * a scenario file (a custom scenario's option or region names) could start with `=`, `+`, `-` or
 * `@`, which a spreadsheet would run as a formula: such text gets a leading apostrophe.
 */

/** The snapshot's clock, which is no track: the row's time. */
const CLOCK_NAMES: Readonly<Record<string, string>> = {
  turn: 'Turn',
  hour: 'Campaign hour',
};

/**
 * What a column's numbers are counted in, where the name alone would not say: the snapshot keeps
 * some tracks in basis points, the ladders in rungs. Keyed by track id, so `escalation.europe`
 * and `escalation.indoPacific` share theirs.
 */
const UNITS: Readonly<Partial<Record<TrackId, string>>> = {
  escalation: 'rung 0-7',
  usPacificShare: '%',
  spending: 'basis points of GDP',
  ukraineTerritoryHeld: 'basis points',
};

/**
 * A track's name for a column head: its name from the one table in `view/track-names.ts`,
 * capitalised, with its unit where it has one. A key the table does not know keeps its key, so
 * the column can still be told apart.
 *
 * @example
 * trackName('natoCohesion') // 'NATO cohesion'
 * trackName('escalation.indoPacific') // 'Indo-Pacific escalation (rung 0-7)'
 * trackName('support.china') // 'China’s domestic support'
 */
export function trackName(key: string): string {
  if (Object.hasOwn(CLOCK_NAMES, key)) return CLOCK_NAMES[key]!;
  const id = trackId(key);
  const name = knownTrackName(key);
  if (id === undefined || name === undefined) return key;
  const unit = UNITS[id];
  return unit ? `${capitalise(name)} (${unit})` : capitalise(name);
}

function actorName(sc: Scenario, a: ActorId): string {
  return sc.actors[a]?.name ?? a;
}

/** One CSV field. */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text, a CRLF after every row. */
export function toCsv(
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

/**
 * The tracks over time: a head row of names, then one row per turn. Columns are the keys of the
 * snapshots in the order the engine writes them (turn and hour first).
 *
 * @example
 * tracksCsv(tracks) // 'Turn,Campaign hour,Indo-Pacific escalation (rung 0-7),...\r\n1,84,3,...\r\n'
 */
export function tracksCsv(tracks: readonly TrackSnapshot[]): string {
  const keys: string[] = [];
  for (const t of tracks) for (const k of Object.keys(t)) if (!keys.includes(k)) keys.push(k);
  return toCsv([keys.map(trackName), ...tracks.map((t) => keys.map((k) => t[k]))]);
}

/** Who took a decision, as the decisions file says it. */
export type DecidedBy = 'AI' | 'human' | 'AI for the human seat' | 'scenario lever';

/**
 * Every decision of the game in log order: turn, actor, decision, target, amount, and who took
 * it. `aiPlayed(turn, actor)` names the turns a human seat was handed to the AI ("AI plays my
 * side"): the engine records those as the seat's own, so only the app knows.
 *
 * @example
 * decisionsCsv(log, sc, () => false) // 'Turn,Actor,Decision,Target,Amount,Decided by\r\n1,China,...'
 */
export function decisionsCsv(
  log: readonly LogEntry[],
  sc: Scenario,
  aiPlayed: (turn: number, actor: ActorId) => boolean,
): string {
  const rows: (string | number | undefined)[][] = [
    ['Turn', 'Actor', 'Decision', 'Target', 'Amount', 'Decided by'],
  ];
  for (const e of log) {
    if (e.type !== 'decision') continue;
    const d = e.decision;
    const target =
      d.target === undefined
        ? undefined
        : (sc.regions[d.target]?.name ??
          (sc.actors as Record<string, { name: string } | undefined>)[d.target]?.name ??
          d.target);
    const by: DecidedBy =
      e.by === 'lever'
        ? 'scenario lever'
        : e.by === 'ai'
          ? 'AI'
          : aiPlayed(e.turn, e.actor)
            ? 'AI for the human seat'
            : 'human';
    rows.push([
      e.turn,
      actorName(sc, e.actor),
      sc.options[d.type]?.label ?? d.type,
      target,
      d.amount,
      by,
    ]);
  }
  return toCsv(rows);
}
