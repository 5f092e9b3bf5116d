import { KEY_EVENTS, type Flag, type KeyEventName } from '../sim/ids';
import { createAiAccumulator, type AiStats, type RunAi } from './ai-stats';

/**
 * Batch statistics: confidence intervals for event rates and a streaming aggregator whose memory
 * is fixed by the calendar, not by the number of runs (but for the AI figures' set of distinct
 * openings: one 16-character hash per new opening). Every figure is a count, a histogram, a
 * maximum or the size of a set, so the result does not depend on the order in which runs arrive (threads, chunking).
 */

/** What a batch keeps of one run: no log, no state, just what the summary counts. */
export interface RunSummary {
  /** The outcome id, or `none` when the run stopped without one. */
  readonly outcome: string;
  readonly turnsPlayed: number;
  /** Key events in the order they happened, with the campaign hour (and turn) of each. */
  readonly events: readonly {
    readonly name: KeyEventName;
    readonly hour: number;
    readonly turn?: number;
  }[];
  /**
   * The flags set at the end of the run, in `FLAGS` order (the validation suite reads them:
   * `invasionLaunched`, `invasionRepulsed`, ...). Absent in summaries made by hand in tests.
   */
  readonly flags?: readonly Flag[];
  /** How each AI seat played and scored (src/cli/ai-stats.ts). Absent in summaries made by hand. */
  readonly ai?: RunAi;
}

export interface HourPercentiles {
  readonly p10: number;
  readonly median: number;
  readonly p90: number;
}

export interface EventStats {
  readonly count: number;
  /** count / runs, rounded to 4 decimals. */
  readonly rate: number;
  /** Wilson 95% score interval of the rate. */
  readonly ci95: readonly [number, number];
  /** When the event happened (hours since the campaign began); absent if it never did. */
  readonly hour?: HourPercentiles;
}

export interface BatchStats {
  readonly runs: number;
  /** Runs per outcome id, keys sorted so the output is the same whatever the arrival order. */
  readonly outcomes: Record<string, number>;
  /** Every key event, in `KEY_EVENTS` order, including those that never happened. */
  readonly events: Record<KeyEventName, EventStats>;
  readonly meanTurns: number;
  /** How the AI played, per actor; absent when no run carried AI figures. */
  readonly ai?: AiStats;
}

export interface Aggregator {
  add(run: RunSummary): void;
  summary(): BatchStats;
  /** The fixed-size buffers, exposed so tests can show memory does not grow with runs. */
  readonly histograms: Readonly<Record<KeyEventName, Uint32Array>>;
}

const Z95 = 1.96;

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * The Wilson score interval at 95% (z = 1.96) for `successes` out of `n`, rounded to 4 decimals.
 * Unlike the normal approximation it stays inside [0, 1] and is sensible at 0 or n successes.
 *
 * @example
 * wilson95(50, 100) // [0.4038, 0.5962]
 * wilson95(0, 10)   // [0, 0.2775]
 * wilson95(0, 0)    // [0, 1]
 */
export function wilson95(successes: number, n: number): [number, number] {
  if (n <= 0) return [0, 1];
  const p = successes / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [round4(Math.max(0, centre - half)), round4(Math.min(1, centre + half))];
}

/**
 * The nearest-rank percentile (0 < q ≤ 1) of a histogram holding `total` observations: the
 * smallest bin whose cumulative count reaches ceil(q × total).
 *
 * @example
 * const h = new Uint32Array([0, 2, 0, 3]); // two 1s, three 3s
 * histogramPercentile(h, 5, 0.5) // 3
 */
export function histogramPercentile(hist: Uint32Array, total: number, q: number): number {
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i]!;
    if (seen >= rank) return i;
  }
  return hist.length - 1;
}

/**
 * A streaming aggregator for batch runs. Memory is fixed at creation: one counter per outcome id
 * (a scenario has a handful), one count and one `Uint32Array(maxHour + 1)` histogram per key
 * event, and the AI figures (src/cli/ai-stats.ts). Hours outside 0..maxHour are clamped into the
 * end bins.
 *
 * @example
 * const agg = createAggregator(26 * 84);
 * agg.add({ outcome: 'taiwan-holds', turnsPlayed: 26, events: [{ name: 'ceasefire', hour: 377 }] });
 * agg.summary().events.ceasefire.rate // 1
 */
export function createAggregator(maxHour: number): Aggregator {
  if (!Number.isInteger(maxHour) || maxHour < 0)
    throw new RangeError(`maxHour must be a non-negative integer, found ${maxHour}`);
  const outcomes = new Map<string, number>();
  const counts = {} as Record<KeyEventName, number>;
  const histograms = {} as Record<KeyEventName, Uint32Array>;
  for (const name of KEY_EVENTS) {
    counts[name] = 0;
    histograms[name] = new Uint32Array(maxHour + 1);
  }
  let runs = 0;
  let turnSum = 0;
  const ai = createAiAccumulator();
  let withAi = 0;

  return {
    histograms,
    add(run: RunSummary): void {
      runs++;
      turnSum += run.turnsPlayed;
      outcomes.set(run.outcome, (outcomes.get(run.outcome) ?? 0) + 1);
      if (run.ai) {
        ai.add(run.ai);
        withAi++;
      }
      for (const e of run.events) {
        const hist = histograms[e.name];
        // An unknown name can only come from a bug upstream; ignore it rather than corrupt counts.
        if (!hist) continue;
        counts[e.name]++;
        const h = Math.min(maxHour, Math.max(0, Math.round(e.hour)));
        hist[h]!++;
      }
    },
    summary(): BatchStats {
      const outs: Record<string, number> = {};
      for (const id of [...outcomes.keys()].sort()) outs[id] = outcomes.get(id)!;
      const events = {} as Record<KeyEventName, EventStats>;
      for (const name of KEY_EVENTS) {
        const count = counts[name];
        const hist = histograms[name];
        events[name] = {
          count,
          rate: runs === 0 ? 0 : round4(count / runs),
          ci95: wilson95(count, runs),
          ...(count > 0
            ? {
                hour: {
                  p10: histogramPercentile(hist, count, 0.1),
                  median: histogramPercentile(hist, count, 0.5),
                  p90: histogramPercentile(hist, count, 0.9),
                },
              }
            : {}),
        };
      }
      return {
        runs,
        outcomes: outs,
        events,
        meanTurns: runs === 0 ? 0 : round4(turnSum / runs),
        ...(withAi > 0 ? { ai: ai.summary() } : {}),
      };
    },
  };
}
