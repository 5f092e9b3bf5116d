import { ACTORS, type ActorId } from '../sim/ids';
import type { LogEntry } from '../sim/log';
import type { TrackSnapshot } from '../sim/phases';
import type { Scenario } from '../sim/scenario/schema';

/**
 * The end screen's exports as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a
 * comma, quote or line break quoted and inner quotes doubled): the tracks, one row per turn and
 * one column per track under its human name, and the decisions, one row per decision. Text from
 * a scenario file (a custom scenario's option or region names) could start with `=`, `+`, `-` or
 * `@`, which a spreadsheet would run as a formula: such text gets a leading apostrophe.
 */

/** Human names of the charted tracks, by snapshot key (per-actor tracks are named from `sc`). */
const TRACK_NAMES: Readonly<Record<string, string>> = {
  turn: 'Turn',
  hour: 'Campaign hour',
  'escalation.indoPacific': 'Escalation, Indo-Pacific (rung 0-7)',
  'escalation.europe': 'Escalation, Europe (rung 0-7)',
  'deterrence.indoPacific': 'Deterrence, Indo-Pacific',
  'deterrence.europe': 'Deterrence, Europe',
  coordination: 'China-Russia coordination',
  natoCohesion: 'NATO cohesion',
  article5Credibility: 'Article 5 credibility',
  miscalcRisk: 'Miscalculation risk',
  nonAligned: 'Non-aligned states (alignment)',
  usPacificShare: 'US forces in the Pacific (%)',
  taiwanSupply: 'Taiwan supply',
  ukraineTerritoryHeldBp: 'Ukraine territory held (basis points)',
  'nato.readiness': 'NATO readiness',
  'nato.spendingBp': 'NATO spending (basis points of GDP)',
  'nato.munitions': 'NATO munitions',
  'russia.munitions': 'Russia munitions',
  'china.munitions': 'China munitions',
};

/** A track's name for a column head: "NATO cohesion", "Support at home, China". */
export function trackName(key: string, sc: Scenario): string {
  const known = TRACK_NAMES[key];
  if (known) return known;
  const [what, actor] = key.split('.');
  const name =
    actor && (ACTORS as readonly string[]).includes(actor)
      ? actorName(sc, actor as ActorId)
      : actor;
  if (what === 'support') return `Support at home, ${name}`;
  if (what === 'economicCost') return `Economic cost, ${name}`;
  return key;
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
 * tracksCsv(tracks, sc) // 'Turn,Campaign hour,Escalation, ...\r\n1,84,3,...\r\n'
 */
export function tracksCsv(tracks: readonly TrackSnapshot[], sc: Scenario): string {
  const keys: string[] = [];
  for (const t of tracks) for (const k of Object.keys(t)) if (!keys.includes(k)) keys.push(k);
  return toCsv([keys.map((k) => trackName(k, sc)), ...tracks.map((t) => keys.map((k) => t[k]))]);
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
