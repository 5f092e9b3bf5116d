import type { PlayableActorId } from '../sim/ids';
import type { AdjudicationKind, LogEntry } from '../sim/log';
import type { Scenario } from '../sim/scenario/schema';
import { NOT_CARRIED_OUT } from '../sim/phases';
import type { ShownEntry } from '../view/contract';
import { changeTitle } from '../view/log-names';

/**
 * "What happened to your orders": for a seat about to decide, its orders of the turn before and
 * what came of each (the changes and rolls that followed it in the log), then the results of the
 * turn that name the seat (battles, blockade, lift, alliance responses, key events), then what
 * the turn did to its own support and costs. Read from the log the seat may see, so it shows
 * nothing the seat's fog hides. Presentation only; the engine's log is not changed.
 */

export interface OrderOutcome {
  /** The order as the log names it ("Missile and air strikes"). */
  readonly label: string;
  /** Carried out, or overtaken by events (with the reason). */
  readonly done: boolean;
  /** What followed it, in the log's order and human words. */
  readonly effects: readonly string[];
  /** Engine index of the order's log entry (the log row to open). */
  readonly index: number;
}

export interface OrdersReport {
  readonly turn: number;
  readonly orders: readonly OrderOutcome[];
  /** The turn's results that name the seat, summed up: battles, convoys, key events. */
  readonly results: readonly string[];
  /** The seat's own tracks over the turn: 'Domestic support 70 → 66'. */
  readonly own: readonly string[];
}

/** Results of the operational steps, summed up by kind when they name the seat. */
const RESULT_KINDS: Readonly<Partial<Record<AdjudicationKind, string>>> = {
  combat: 'Battle',
  'air-sea': 'Air and sea war',
  blockade: 'Convoys',
  lift: 'Lift',
  article5: 'Article 5',
  'alliance-response': 'Alliance response',
  capitulation: 'Capitulation',
  'ukraine-front': 'Ukraine front',
};

/**
 * One line for a run of results of a kind in a region: a turn holds up to seven 12-hour steps,
 * each with its own roll, so battles are counted by result ("7 battles in Taiwan: 5 repulsed,
 * 2 stalemate"), and running figures (air and sea control, the lift) give their last value.
 */
function digest(kind: AdjudicationKind, where: string | null, results: readonly string[]): string {
  const n = results.length;
  const last = results[n - 1]!;
  const at = where ? ` in ${where}` : '';
  if (kind === 'combat' || kind === 'blockade') {
    const tally = new Map<string, number>();
    for (const r of results) {
      const head = kind === 'combat' ? r.replace(/:.*$/, '') : r;
      tally.set(head, (tally.get(head) ?? 0) + 1);
    }
    const parts = [...tally].map(([k, c]) => (n === 1 ? k : `${c} ${k}`));
    const what =
      kind === 'combat' ? (n === 1 ? 'battle' : 'battles') : n === 1 ? 'convoy' : 'convoys';
    return kind === 'combat' && n === 1
      ? `Battle${at}: ${last}`
      : `${n} ${what}${at}: ${parts.join(', ')}`;
  }
  const steps = n > 1 ? ` (${n} steps)` : '';
  return `${RESULT_KINDS[kind] ?? kind}${at}${steps}: ${last}`;
}

/**
 * A key event's first sentence (their texts go on with the figures the log keeps): up to the
 * first full stop or colon outside brackets.
 */
function firstSentence(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (
      depth === 0 &&
      (c === '.' || c === ':') &&
      (i + 1 === text.length || text[i + 1] === ' ')
    )
      return `${text.slice(0, i)}.`;
  }
  return text;
}

/** The order's name: the log's text after the actor's name, without the full stop. */
function orderLabel(e: Extract<LogEntry, { type: 'decision' }>): string {
  const colon = e.text.indexOf(': ');
  let t = colon >= 0 ? e.text.slice(colon + 2) : e.text;
  const not = t.indexOf(` ${NOT_CARRIED_OUT}`);
  if (not >= 0) t = t.slice(0, not);
  return t.replace(/\.$/, '');
}

/** One consequence in words, or null for entries the report leaves to the log. */
function effectLine(e: LogEntry): string | null {
  switch (e.type) {
    case 'change':
      return changeTitle(e.text, e.changes);
    case 'adjudication':
    case 'escalation':
    case 'key-event':
      return e.text;
    default:
      return null;
  }
}

/**
 * The report for `actor` on the turn before `turn`, from the entries it may see (oldest first);
 * null on the first turn, which has no turn before it.
 *
 * @example
 * const r = ordersReport(visibleLog(ctx.log, 'china', []), sc, 'china', ctx.state.turn);
 * r?.orders[0]?.label; // 'Coast-guard quarantine'
 */
export function ordersReport(
  shown: readonly ShownEntry[],
  sc: Scenario,
  actor: PlayableActorId,
  turn: number,
): OrdersReport | null {
  const prev = turn - 1;
  if (prev < 1) return null;
  const entries = shown.filter((s) => s.entry.turn === prev);
  const orders: OrderOutcome[] = [];
  let open: { label: string; done: boolean; effects: string[]; index: number } | null = null;
  // Results are read from the adjudication and events phases (the turn's operations).
  let inOperations = false;
  // In the order they first happened: a digest's key, or a key event's line itself.
  const lines: string[] = [];
  const groups = new Map<
    string,
    { kind: AdjudicationKind; region: string | null; results: string[] }
  >();
  const own = new Map<string, { from: number; to: number }>();
  for (const { entry: e, index } of entries) {
    if (e.type === 'change')
      for (const c of e.changes) {
        if (c.track !== `support.${actor}` && c.track !== `economicCost.${actor}`) continue;
        const hit = own.get(c.track);
        own.set(c.track, { from: hit?.from ?? c.from, to: c.to });
      }
    if (e.type === 'decision' && e.actor === actor) {
      const not = e.text.indexOf(NOT_CARRIED_OUT);
      const why = not < 0 ? null : /\((.*)\)\.?$/.exec(e.text.slice(not))?.[1];
      open = {
        label: orderLabel(e),
        done: not < 0,
        effects: not < 0 ? [] : [`Not carried out: ${why ?? 'overtaken by events'}.`],
        index,
      };
      orders.push(open);
      continue;
    }
    // An order's consequences run until the next decision, AI choice or phase.
    if (e.type === 'decision' || e.type === 'ai-reasoning' || e.type === 'phase') {
      if (e.type === 'phase') inOperations = e.phase === 'adjudication' || e.phase === 'events';
      open = null;
      continue;
    }
    if (open) {
      const line = effectLine(e);
      if (line !== null) open.effects.push(line);
      continue;
    }
    if (!inOperations || !e.actors.includes(actor)) continue;
    if (e.type === 'adjudication' && RESULT_KINDS[e.kind] !== undefined) {
      const key = `${e.kind}|${e.region ?? ''}`;
      const g = groups.get(key);
      if (g) g.results.push(e.result);
      else {
        groups.set(key, { kind: e.kind, region: e.region ?? null, results: [e.result] });
        lines.push(key);
      }
    } else if (e.type === 'key-event' || e.type === 'escalation') lines.push(firstSentence(e.text));
  }
  const results = lines.map((l) => {
    const g = groups.get(l);
    if (!g) return l;
    const where = g.region ? (sc.regions[g.region]?.name ?? g.region) : null;
    return digest(g.kind, g.kind === 'ukraine-front' ? null : where, g.results);
  });
  const ownLines = (
    [
      [`support.${actor}`, 'Domestic support'],
      [`economicCost.${actor}`, 'Economic cost'],
    ] as const
  ).flatMap(([t, name]) => {
    const v = own.get(t);
    return v && v.from !== v.to ? [`${name} ${v.from} → ${v.to}`] : [];
  });
  return {
    turn: prev,
    orders: orders.map((o) => ({ ...o })),
    results,
    own: ownLines,
  };
}
