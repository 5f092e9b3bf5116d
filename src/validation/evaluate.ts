import type { RunSummary } from '../cli/stats';
import {
  DEFAULT_MIN_QUALIFYING,
  type DirectionCase,
  type LevelCase,
  type ValidationCase,
} from './cases';
import {
  describePredicate,
  measureShare,
  measureTiming,
  shareDifference,
  type Measure,
  type ShareMeasure,
} from './metrics';
import type { Difference, Interval } from './stats';

/**
 * Judging a case: pure functions from the runs' summaries to PASS or FAIL with the reason.
 *
 * - A level case passes when its measure (a share, or a median time) lies in the accepted band:
 *   the published range widened by the tolerance.
 * - A direction case passes when A − B has the expected sign, reaches the margin, and its 95%
 *   interval lies wholly on the expected side of zero.
 * - Either fails first if the campaign it is about did not happen in enough runs (the share of
 *   runs where the metric's `among` holds is under `minQualifying`), or, for a timing, if the
 *   event happened in too few runs to give a median.
 */

export interface LevelResult {
  readonly kind: 'level';
  readonly case: LevelCase;
  readonly measure: Measure;
  /** The accepted band: the target widened by the tolerance. */
  readonly band: Interval;
  readonly pass: boolean;
  readonly reason: string;
}

export interface DirectionResult {
  readonly kind: 'direction';
  readonly case: DirectionCase;
  readonly a: ShareMeasure;
  readonly b: ShareMeasure;
  readonly diff: Difference;
  readonly pass: boolean;
  readonly reason: string;
}

export type CaseResult = LevelResult | DirectionResult;

/** Default least number of runs with the event for a timing's median. */
const DEFAULT_MIN_EVENTS = 40;

/**
 * The accepted band of a level case: target widened by the tolerance; shares kept in 0..1 and
 * timings at 0 or more.
 *
 * @example
 * acceptedBand(csisBase) // [0, 0.05]
 */
export function acceptedBand(c: LevelCase): Interval {
  const lo = Math.max(0, c.target.lo - c.tolerance.value);
  const hi = c.target.hi + c.tolerance.value;
  return [lo, c.metric.kind === 'share' ? Math.min(1, hi) : hi];
}

function pct(x: number): string {
  const s = (x * 100).toFixed(1);
  return s === '-0.0' ? '0.0' : s;
}

/** A difference in percentage points with its sign ('+12.5', '-3.0', '0.0'). */
function signed(x: number): string {
  const s = pct(x);
  return s === '0.0' || s.startsWith('-') ? s : `+${s}`;
}

/** Why the campaign counts as not measured, or null when enough runs qualify. */
function unmeasured(c: ValidationCase, m: ShareMeasure | Measure, label: string): string | null {
  const min = c.minQualifying ?? DEFAULT_MIN_QUALIFYING;
  const among = c.metric.among;
  if (!among) return null;
  const qualifying = m.kind === 'share' ? m.n : m.eligible;
  if (qualifying >= min * m.runs) return null;
  return `${label}the campaign the case is about (${describePredicate(among)}) in ${qualifying} of ${m.runs} runs (${pct(qualifying / Math.max(1, m.runs))}%), under the ${pct(min)}% needed to measure it`;
}

function judgeLevel(c: LevelCase, runs: readonly RunSummary[]): LevelResult {
  const band = acceptedBand(c);
  const metric = c.metric;
  if (metric.kind === 'timing') {
    const m = measureTiming(runs, metric);
    const base = { kind: 'level', case: c, measure: m, band } as const;
    const missing = unmeasured(c, m, '');
    if (missing) return { ...base, pass: false, reason: missing };
    const min = c.minEvents ?? DEFAULT_MIN_EVENTS;
    if (m.n < min) {
      const { from, event } = metric;
      const what = from ? `\`${event}\` after \`${from}\`` : `\`${event}\``;
      const orphans =
        from && m.withoutFrom > 0
          ? ` (\`${event}\` happened in ${m.withoutFrom} more runs without \`${from}\`)`
          : '';
      return {
        ...base,
        pass: false,
        reason: `${what} in ${m.n} runs, under the ${min} needed for a median${orphans}`,
      };
    }
    const unit = m.unit === 'weeks' ? 'weeks' : 'h';
    const inBand = m.median >= band[0] && m.median <= band[1];
    return {
      ...base,
      pass: inBand,
      reason: `median ${m.median.toFixed(1)} ${unit} ${inBand ? 'within' : 'outside'} ${band[0]}..${band[1]} ${unit}`,
    };
  }
  const m = measureShare(runs, metric);
  const base = { kind: 'level', case: c, measure: m, band } as const;
  const missing = unmeasured(c, m, '');
  if (missing) return { ...base, pass: false, reason: missing };
  // Compared in whole runs, so a share exactly on the band's edge is not lost to rounding.
  const inBand = m.x >= band[0] * m.n - 1e-9 && m.x <= band[1] * m.n + 1e-9;
  return {
    ...base,
    pass: inBand,
    reason: `${pct(m.p)}% ${inBand ? 'within' : 'outside'} ${pct(band[0])}..${pct(band[1])}%`,
  };
}

function judgeDirection(
  c: DirectionCase,
  runsA: readonly RunSummary[],
  runsB: readonly RunSummary[],
): DirectionResult {
  const a = measureShare(runsA, c.metric);
  const b = measureShare(runsB, c.metric);
  const diff = shareDifference(a, b);
  const base = { kind: 'direction', case: c, a, b, diff } as const;
  const missing = unmeasured(c, a, 'A: ') ?? unmeasured(c, b, 'B: ');
  if (missing) return { ...base, pass: false, reason: missing };
  const sign = c.expect === 'higher' ? 1 : -1;
  const size = sign * diff.d;
  const [lo, hi] = diff.ci;
  const excludesZero = sign > 0 ? lo > 0 : hi < 0;
  const side = sign > 0 ? 'above' : 'below';
  const d = `A − B = ${signed(diff.d)} pp [${signed(lo)}, ${signed(hi)}]`;
  if (diff.d === 0)
    return { ...base, pass: false, reason: `${d}: no difference (expected ${side} 0)` };
  if (size < 0)
    return { ...base, pass: false, reason: `${d}: the wrong sign (expected ${side} 0)` };
  if (size < c.margin.value - 1e-9)
    return {
      ...base,
      pass: false,
      reason: `${d}: smaller than the ${pct(c.margin.value)}-point margin`,
    };
  if (!excludesZero)
    return { ...base, pass: false, reason: `${d}: the interval does not exclude 0` };
  return {
    ...base,
    pass: true,
    reason: `${d}: ${side} 0${c.margin.value > 0 ? ` by at least ${pct(c.margin.value)} points` : ''}`,
  };
}

/**
 * Judge one case on its runs: `arms[0]` for a level case, `arms[0]` (A) and `arms[1]` (B) for a
 * direction case, each in seed order.
 *
 * @example
 * const r = judge(CASES[0], [runs]);
 * r.pass, r.reason // false, '12.3% outside 0.0..5.0%'
 */
export function judge(c: ValidationCase, arms: readonly (readonly RunSummary[])[]): CaseResult {
  if (c.kind === 'level') return judgeLevel(c, arms[0] ?? []);
  return judgeDirection(c, arms[0] ?? [], arms[1] ?? []);
}
