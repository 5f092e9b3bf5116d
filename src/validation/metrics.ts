import type { RunSummary } from '../cli/stats';
import type { Flag, KeyEventName } from '../sim/ids';
import { difference, spread, wilson, type Difference, type Interval, type Spread } from './stats';

/**
 * Metrics of the validation suite: pure functions of the runs' summaries. They read only what
 * survives a rewrite of the model's insides: key events (name, hour), the flags set at the end,
 * and the outcome id.
 */

/** A yes/no question about one run. */
export type Predicate =
  /** The key event happened (at any hour). */
  | { readonly event: KeyEventName }
  /** The flag is set at the end of the run. */
  | { readonly flag: Flag }
  /** The run ended with this outcome id. */
  | { readonly outcome: string }
  /** Both events happened, `event` no later than `hours` campaign hours after `after`. */
  | { readonly event: KeyEventName; readonly within: number; readonly after: KeyEventName }
  | { readonly not: Predicate }
  | { readonly all: readonly Predicate[] }
  | { readonly any: readonly Predicate[] };

/**
 * The campaign hour of a key event in a run, or null if it did not happen.
 *
 * @example
 * eventHour({ outcome: 'x', turnsPlayed: 1, events: [{ name: 'taipeiFalls', hour: 900 }] }, 'taipeiFalls') // 900
 */
export function eventHour(run: RunSummary, name: KeyEventName): number | null {
  for (const e of run.events) if (e.name === name) return e.hour;
  return null;
}

/**
 * Whether a predicate holds for a run.
 *
 * @example
 * holds(run, { event: 'balticCapitalFalls', within: 60, after: 'balticOffensiveBegins' })
 * holds(run, { not: { flag: 'invasionRepulsed' } })
 */
export function holds(run: RunSummary, p: Predicate): boolean {
  if ('not' in p) return !holds(run, p.not);
  if ('all' in p) return p.all.every((q) => holds(run, q));
  if ('any' in p) return p.any.some((q) => holds(run, q));
  if ('flag' in p) return (run.flags ?? []).includes(p.flag);
  if ('outcome' in p) return run.outcome === p.outcome;
  const at = eventHour(run, p.event);
  if (at === null) return false;
  if (!('within' in p)) return true;
  const from = eventHour(run, p.after);
  return from !== null && at - from <= p.within;
}

/**
 * A predicate in words, for the analyst's page.
 *
 * @example
 * describePredicate({ not: { flag: 'invasionRepulsed' } }) // 'the flag `invasionRepulsed` is not set at the end'
 */
export function describePredicate(p: Predicate): string {
  if ('not' in p) {
    const inner = p.not;
    if ('flag' in inner) return `the flag \`${inner.flag}\` is not set at the end`;
    if ('outcome' in inner) return `the outcome is not \`${inner.outcome}\``;
    if ('event' in inner && !('within' in inner))
      return `the key event \`${inner.event}\` does not happen`;
    return `not (${describePredicate(inner)})`;
  }
  if ('all' in p) return p.all.map(grouped).join(' and ');
  if ('any' in p) return p.any.map(grouped).join(' or ');
  if ('flag' in p) return `the flag \`${p.flag}\` is set at the end`;
  if ('outcome' in p) return `the outcome is \`${p.outcome}\``;
  if ('within' in p)
    return `the key event \`${p.event}\` happens no later than ${p.within} h after \`${p.after}\``;
  return `the key event \`${p.event}\` happens`;
}

/** A member of an `all` or `any` in words, in parentheses when it is itself a combination. */
function grouped(p: Predicate): string {
  const words = describePredicate(p);
  return 'all' in p || 'any' in p ? `(${words})` : words;
}

/** The share of runs, among those where `among` holds (all runs if absent), where `of` holds. */
export interface ShareMetric {
  readonly kind: 'share';
  readonly of: Predicate;
  readonly among?: Predicate;
}

/**
 * When an event happens, among the runs where it happens (and `from` happened): campaign hours
 * since `from` (or since the campaign began), reported in hours or weeks (168 h).
 */
export interface TimingMetric {
  readonly kind: 'timing';
  readonly event: KeyEventName;
  readonly from?: KeyEventName;
  readonly unit: 'hours' | 'weeks';
  readonly among?: Predicate;
}

export type Metric = ShareMetric | TimingMetric;

/** A share measured over a set of runs. */
export interface ShareMeasure {
  readonly kind: 'share';
  /** Runs in all. */
  readonly runs: number;
  /** Runs where `among` holds: the denominator. */
  readonly n: number;
  /** Runs (of those) where `of` holds. */
  readonly x: number;
  readonly p: number;
  readonly ci: Interval;
}

/** When an event happened, over the runs where it did. */
export interface TimingMeasure extends Spread {
  readonly kind: 'timing';
  readonly runs: number;
  /** Runs where `among` holds (all runs if none): the runs the timing could come from. */
  readonly eligible: number;
  /** Eligible runs in which the event happened but `from` did not: not in the sample. */
  readonly withoutFrom: number;
  readonly unit: 'hours' | 'weeks';
}

export type Measure = ShareMeasure | TimingMeasure;

const HOURS_PER_WEEK = 168;

/**
 * The share of runs where a predicate holds, with its Wilson 95% interval.
 *
 * @example
 * measureShare(runs, { kind: 'share', of: { event: 'taipeiFalls' }, among: { flag: 'invasionLaunched' } })
 * // { kind: 'share', runs, n: runs with the flag, x: of those, Taipei fell, p: x / n, ci: Wilson 95% }
 */
export function measureShare(runs: readonly RunSummary[], m: ShareMetric): ShareMeasure {
  let n = 0;
  let x = 0;
  for (const r of runs) {
    if (m.among && !holds(r, m.among)) continue;
    n++;
    if (holds(r, m.of)) x++;
  }
  return { kind: 'share', runs: runs.length, n, x, p: n === 0 ? 0 : x / n, ci: wilson(x, n) };
}

/**
 * Median and quartiles of when an event happened, over the runs where it did.
 *
 * @example
 * measureTiming(runs, { kind: 'timing', event: 'taipeiFalls', from: 'invasionBegins', unit: 'weeks' })
 * // { kind: 'timing', runs, eligible, withoutFrom, n, median, q1, q3, unit: 'weeks' }
 */
export function measureTiming(runs: readonly RunSummary[], m: TimingMetric): TimingMeasure {
  const sample: number[] = [];
  let eligible = 0;
  let withoutFrom = 0;
  for (const r of runs) {
    if (m.among && !holds(r, m.among)) continue;
    eligible++;
    const at = eventHour(r, m.event);
    const from = m.from === undefined ? 0 : eventHour(r, m.from);
    if (at === null) continue;
    if (from === null) {
      withoutFrom++;
      continue;
    }
    const hours = at - from;
    sample.push(m.unit === 'weeks' ? hours / HOURS_PER_WEEK : hours);
  }
  return {
    kind: 'timing',
    runs: runs.length,
    eligible,
    withoutFrom,
    unit: m.unit,
    ...spread(sample),
  };
}

/**
 * Measure a metric over a set of runs.
 *
 * @example
 * measure(runs, { kind: 'share', of: { event: 'nuclearUse' } }).p
 */
export function measure(runs: readonly RunSummary[], m: Metric): Measure {
  return m.kind === 'share' ? measureShare(runs, m) : measureTiming(runs, m);
}

/**
 * The difference of two shares (A − B) with Newcombe's 95% interval.
 *
 * @example
 * shareDifference(a, b) // { d: a.p - b.p, ci: Newcombe's 95% interval }
 */
export function shareDifference(a: ShareMeasure, b: ShareMeasure): Difference {
  return difference(a.x, a.n, b.x, b.n);
}
