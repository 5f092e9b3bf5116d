import { ACTORS, ESCALATION_LADDER, type ActorId } from '../sim/ids';
import type { AdjudicationKind, LogEntry, LogType, ScoredOption } from '../sim/log';
import type { Scenario } from '../sim/scenario/schema';
import type { LogFilter } from './contract';
import { changeTitle, inputName, trackName } from './log-names';

/**
 * What a reader sees of a log entry, shared by the canvas log and the accessible DOM log so both
 * say the same thing. Pure: no Phaser, no DOM. `Date` is used only in UTC so the calendar never
 * shifts with the reader's time zone.
 */

/** One block of an opened entry's details. */
export type DetailBlock =
  | { readonly kind: 'text'; readonly heading: string; readonly text: string }
  | {
      readonly kind: 'pairs';
      readonly heading: string;
      readonly rows: readonly { readonly name: string; readonly value: string }[];
    }
  | {
      readonly kind: 'table';
      readonly heading: string;
      readonly columns: readonly string[];
      /** `marked`: the row was chosen (AI options). First cell is the row's name. */
      readonly rows: readonly { readonly cells: readonly string[]; readonly marked: boolean }[];
    };

/** A log entry described for display. */
export interface EntryView {
  /** One line: what happened. */
  readonly title: string;
  /** Short type label: ROLL, AI, DECISION, EVENT, ESCALATION, OUTCOME… */
  readonly badge: string;
  readonly actors: readonly ActorId[];
  readonly details: readonly DetailBlock[];
  /** Key rows (key events, escalation, outcome) stand out in the log. */
  readonly key: boolean;
}

const BADGE: Record<LogType, string> = {
  phase: 'PHASE',
  inject: 'EVENT',
  decision: 'DECISION',
  'ai-reasoning': 'AI',
  adjudication: 'ROLL',
  change: 'CHANGE',
  'key-event': 'KEY',
  escalation: 'ESCALATION',
  outcome: 'OUTCOME',
};

const KIND_LABEL: Record<AdjudicationKind, string> = {
  combat: 'Combat',
  'second-front-calculus': 'Second-front calculus',
  incident: 'Incident check',
  detection: 'Deterrence',
  article5: 'Article 5',
  blockade: 'Blockade',
  'ukraine-front': 'Ukraine front',
  capitulation: 'Capitulation',
  production: 'Production',
  inject: 'Event',
  'alliance-response': 'Alliance response',
  support: 'Support',
  'air-sea': 'Air and sea war',
  lift: 'Lift and lodgement',
  'nuclear-calculus': 'Nuclear calculus',
};

const THEATER_LABEL = { indoPacific: 'Indo-Pacific', europe: 'Europe', global: 'Global' } as const;

/** A signed number as a modifier reads: +4, -5, 0. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** A rung's name on the escalation ladder, with its number. */
export function rungName(level: number): string {
  return `${ESCALATION_LADDER[level] ?? '?'} (${level})`;
}

function optionLabel(sc: Scenario, o: ScoredOption['option']): string {
  if (o === 'hold') return 'Hold';
  return sc.options[o]?.label ?? o;
}

function regionName(sc: Scenario, id: string | undefined): string | undefined {
  return id === undefined ? undefined : (sc.regions[id]?.name ?? id);
}

function valueText(v: number | string | boolean): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return typeof v === 'number' ? v.toLocaleString('en-US') : v;
}

/** The actor's scenario name stripped from the front of a decision's text (the row shows its code). */
function withoutActorPrefix(sc: Scenario, actor: ActorId, text: string): string {
  const name = sc.actors[actor]?.name;
  if (name && text.startsWith(name)) {
    const colon = text.indexOf(': ');
    if (colon > 0) return text.slice(colon + 2);
  }
  return text;
}

function aiTable(sc: Scenario, considered: readonly ScoredOption[], chosen: readonly string[]) {
  const picked = new Set<string>(chosen);
  const sorted = [...considered].sort((a, b) => b.utility - a.utility);
  return {
    kind: 'table' as const,
    heading: 'Options weighed (doctrine-weighted terms)',
    columns: ['option', 'gain', 'risk', 'cost', 'ally', 'dom', 'noise', 'util'],
    rows: sorted.map((o) => ({
      cells: [
        optionLabel(sc, o.option) + (o.target ? ` → ${regionName(sc, o.target)}` : ''),
        signed(o.weighted.gain),
        signed(o.weighted.risk),
        signed(o.weighted.cost),
        signed(o.weighted.alliance),
        signed(o.weighted.domestic),
        // Noise the planner drew but did not count (a key choice at stake, or an option worth
        // nothing without it) is shown as set aside: the utility beside it is the one that decided.
        o.noiseSetAside ? `${signed(o.noiseSetAside)} set aside` : signed(o.noise),
        signed(o.utility),
      ],
      marked: o.option !== 'hold' && picked.has(o.option),
    })),
  };
}

/**
 * Describe one entry for display: a one-line title, a badge, the actors and the numbers behind it.
 *
 * @example
 * const v = describeEntry(entry, sc);
 * v.badge // 'ROLL'
 * v.details // [{ kind: 'pairs', heading: 'Modifiers', rows: [{ name: 'terrain (forest)', value: '-5' }] }, …]
 */
export function describeEntry(entry: LogEntry, sc: Scenario): EntryView {
  const base = { badge: BADGE[entry.type], actors: entry.actors, key: false };
  const summary = (heading = 'Summary'): DetailBlock => ({
    kind: 'text',
    heading,
    text: entry.text,
  });
  switch (entry.type) {
    case 'phase':
      return { ...base, title: entry.text, details: [] };
    case 'inject':
      return { ...base, title: entry.title, details: [summary('Report')] };
    case 'decision': {
      const by = entry.by === 'ai' ? 'AI' : entry.by === 'human' ? 'player' : 'scenario lever';
      return {
        ...base,
        actors: entry.actors.length > 0 ? entry.actors : [entry.actor],
        title: withoutActorPrefix(sc, entry.actor, entry.text),
        details: [
          summary(),
          { kind: 'pairs', heading: 'Decided by', rows: [{ name: 'by', value: by }] },
        ],
      };
    }
    case 'ai-reasoning': {
      const chosen = entry.chosen.map((o) => optionLabel(sc, o));
      const n = entry.considered.length;
      return {
        ...base,
        actors: entry.actors.length > 0 ? entry.actors : [entry.actor],
        title: `${chosen.length > 0 ? `Chose ${chosen.join(', ')}` : 'Holds'} (of ${n} weighed)`,
        details: [aiTable(sc, entry.considered, entry.chosen)],
      };
    }
    case 'adjudication': {
      const where = regionName(sc, entry.region);
      const details: DetailBlock[] = [];
      const inputs = Object.entries(entry.inputs);
      if (inputs.length > 0)
        details.push({
          kind: 'pairs',
          heading: 'Inputs',
          rows: inputs.map(([name, v]) => ({ name: inputName(name), value: valueText(v) })),
        });
      if (entry.modifiers.length > 0)
        details.push({
          kind: 'pairs',
          heading: 'Modifiers',
          rows: entry.modifiers.map((m) => ({ name: m.name, value: signed(m.value) })),
        });
      if (entry.roll) {
        const r = entry.roll;
        const rows = [
          { name: 'die', value: r.die },
          { name: 'value', value: String(r.value) },
        ];
        if (r.target !== undefined)
          rows.push(
            { name: 'target', value: `≤ ${r.target}` },
            { name: 'success', value: r.value <= r.target ? 'yes' : 'no' },
          );
        rows.push({ name: 'stream', value: r.stream });
        details.push({ kind: 'pairs', heading: 'Roll', rows });
      }
      details.push({ kind: 'text', heading: 'Result', text: entry.result });
      details.push(summary());
      return {
        ...base,
        title: `${KIND_LABEL[entry.kind]}${where ? `, ${where}` : ''}: ${entry.result}`,
        details,
      };
    }
    case 'change':
      // A change of no track is a note ("Taiwan hardens its defences"), said in words already.
      if (entry.changes.length === 0)
        return { ...base, badge: 'NOTE', title: entry.text, details: [summary('Note')] };
      return {
        ...base,
        title: changeTitle(entry.text, entry.changes),
        details: [
          {
            kind: 'pairs',
            heading: 'Tracks',
            rows: entry.changes.map((c) => ({
              name: trackName(c.track),
              value: `${c.from} → ${c.to} (${signed(c.to - c.from)})`,
            })),
          },
        ],
      };
    case 'key-event':
      return { ...base, key: true, title: entry.text, details: [summary()] };
    case 'escalation':
      return {
        ...base,
        key: true,
        title: `${THEATER_LABEL[entry.ladder]}: ${ESCALATION_LADDER[entry.from] ?? entry.from} → ${ESCALATION_LADDER[entry.to] ?? entry.to}`,
        details: [
          {
            kind: 'pairs',
            heading: 'Ladder',
            rows: [
              { name: 'theater', value: THEATER_LABEL[entry.ladder] },
              { name: 'from', value: rungName(entry.from) },
              { name: 'to', value: rungName(entry.to) },
            ],
          },
          { kind: 'text', heading: 'Cause', text: entry.cause },
        ],
      };
    case 'outcome': {
      const scores = Object.entries(entry.scores) as [ActorId, number][];
      return {
        ...base,
        key: true,
        title: `Outcome: ${entry.label}`,
        details: [
          summary(),
          {
            kind: 'pairs',
            heading: 'Scores',
            rows: scores.map(([a, s]) => ({ name: sc.actors[a]?.name ?? a, value: signed(s) })),
          },
        ],
      };
    }
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The scenario's calendar date and time at `hour`, with its turn: "Mar 4, 12:00 (T2)". UTC
 * arithmetic throughout, so every reader sees the same date whatever their time zone.
 */
export function formatHour(hour: number, sc: Scenario): string {
  const [y, m, d] = sc.calendar.start.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d) + hour * 3_600_000);
  const hh = String(at.getUTCHours()).padStart(2, '0');
  const mm = String(at.getUTCMinutes()).padStart(2, '0');
  const turn = Math.floor(hour / sc.calendar.turnHours) + 1;
  return `${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()}, ${hh}:${mm} (T${turn})`;
}

/** The date a turn starts, "Mar 4" (for turn headers). */
export function turnDate(turn: number, sc: Scenario): string {
  return formatHour((turn - 1) * sc.calendar.turnHours, sc).replace(/,.*$/, '');
}

/** Does an entry pass the log's theater and actor filters? */
export function matchesFilter(entry: LogEntry, filter: LogFilter): boolean {
  if (filter.theater !== 'all' && entry.theater !== filter.theater) return false;
  if (filter.actor !== 'all' && !entry.actors.includes(filter.actor)) {
    // Decisions and AI reasoning name their actor even if `actors` were left empty.
    const own = entry.type === 'decision' || entry.type === 'ai-reasoning' ? entry.actor : null;
    if (own !== filter.actor) return false;
  }
  return true;
}

/** Labels for the theater filter, in the order the log's chips show them. */
export const THEATER_FILTERS: readonly { value: LogFilter['theater']; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'europe', label: 'Europe' },
  { value: 'indoPacific', label: 'Indo-Pacific' },
  { value: 'global', label: 'Global' },
];

/** Actors offered by the actor filter: those the scenario defines, in the canonical order. */
export function actorFilters(sc: Scenario): ActorId[] {
  return ACTORS.filter((a) => sc.actors[a] !== undefined);
}

/** The filter that shows everything. */
export const NO_FILTER: LogFilter = { theater: 'all', actor: 'all' };
