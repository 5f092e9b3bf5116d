import { isKeyOption, type AiDecisionRecord, type AiPolicy } from '../sim/ai';
import { hashString } from '../sim/hash';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../sim/ids';
import type { OptionId } from '../sim/options/params';
import type { Scenario } from '../sim/scenario/schema';
import { scoreTotal } from '../sim/score';
import type { GameState } from '../sim/state';

/**
 * How the AI played a batch, from the decision records each AI seat leaves every turn
 * (`RunOptions.onAiDecision`): a collector reduces one run's records to a few numbers per actor
 * (cheap to make and to send from a worker thread), an accumulator adds runs up, and its
 * `summary()` gives the batch's figures. Every figure is a sum, a maximum (ties broken by option
 * id) or a set size, so the result does not depend on the order runs arrive in.
 *
 * The one-step AI counts neither key decisions, noise nor choices against its own calculus (its
 * records carry 0 for them). Key decisions are counted here from its choices with `isKeyOption`,
 * so `keyDecisions` compares across policies (the planner's count also takes in slots where only
 * its noise-free choice was key); noise and choices against calculus stay unknown: null.
 */

/** Turns whose choices make up an actor's opening. */
export const OPENING_TURNS = 3;

/** One AI seat's play in one run. */
export interface RunActorAi {
  readonly policy: AiPolicy;
  /** Decisions made (slots filled), all turns. */
  readonly decisions: number;
  readonly key: number;
  /** Key decisions noise changed; null when the policy does not count them (one-step). */
  readonly noiseDecided: number | null;
  /** Choices against the actor's own logged reasons; null when not counted (one-step). */
  readonly againstCalculus: number | null;
  /**
   * A 64-bit hash (16 hex digits) of the opening: the option ids chosen in turns 1..3, sorted
   * within each turn, turns in order. Equal openings give equal hashes.
   */
  readonly opening: string;
  /** The most times one option was chosen in the run, and that option (ties: the first id). */
  readonly maxRepeats: number;
  readonly mostRepeated: OptionId | null;
  /** The actor's final score (`scoreTotal` under the outcome that fired). */
  readonly score: number;
}

/** What a batch keeps of a run's AI play: one entry per AI seat that decided. */
export type RunAi = Partial<Record<PlayableActorId, RunActorAi>>;

/** One actor's figures over a batch. */
export interface AiActorStats {
  /** The policy that played the seat (`mixed` if runs differ, which a batch never does). */
  readonly policy: AiPolicy | 'mixed';
  readonly runs: number;
  readonly decisions: number;
  readonly keyDecisions: number;
  /** noiseDecided / keyDecisions (4 decimals); null if unknown (one-step) or no key decisions. */
  readonly noiseDecidedShare: number | null;
  /** Sum over runs; 0 by construction for the planner; null if unknown (one-step). */
  readonly againstOwnCalculus: number | null;
  /** Distinct openings across runs (see {@link RunActorAi.opening}). */
  readonly distinctOpenings: number;
  /** The most times one option was chosen in one run, over all runs, and that option. */
  readonly maxRepeats: number;
  readonly maxRepeatsOption: OptionId | null;
  /** Mean final score (4 decimals). */
  readonly meanScore: number;
}

/** Per playable actor, in `PLAYABLE_ACTORS` order; actors no AI played are left out. */
export type AiStats = Partial<Record<PlayableActorId, AiActorStats>>;

export interface AiCollector {
  /** Pass as `RunOptions.onAiDecision`. */
  readonly record: (r: AiDecisionRecord) => void;
  /** The run's summary, once it has ended (scores read off its final state). */
  finish(s: GameState, sc: Scenario): RunAi;
}

interface Seat {
  policy: AiPolicy;
  decisions: number;
  key: number;
  noise: number;
  against: number;
  readonly counts: Map<OptionId, number>;
  readonly opening: string[][];
}

const PLAYABLE: ReadonlySet<string> = new Set(PLAYABLE_ACTORS);

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** The larger of two (count, option) pairs: more repeats, or as many with the smaller id. */
function beats(n: number, id: OptionId | null, bestN: number, bestId: OptionId | null): boolean {
  if (n !== bestN) return n > bestN;
  return id !== null && (bestId === null || id < bestId);
}

/**
 * A collector for one run's AI decision records.
 *
 * @example
 * const ai = createAiCollector();
 * const r = runPlain(sc, { seed, levers, onAiDecision: ai.record });
 * ai.finish(r.state, sc).china?.score // China's final score
 */
export function createAiCollector(): AiCollector {
  const seats = new Map<PlayableActorId, Seat>();
  return {
    record(r) {
      if (!PLAYABLE.has(r.actor)) return;
      const actor = r.actor as PlayableActorId;
      let seat = seats.get(actor);
      if (!seat) {
        seat = {
          policy: r.policy,
          decisions: 0,
          key: 0,
          noise: 0,
          against: 0,
          counts: new Map(),
          opening: [],
        };
        seats.set(actor, seat);
      }
      const ds = r.decisions;
      seat.decisions += ds.length;
      let key = r.key;
      if (r.policy === 'one-step') {
        key = 0;
        for (const d of ds) if (isKeyOption(d.type)) key++;
      }
      seat.key += key;
      seat.noise += r.noiseDecided;
      seat.against += r.againstCalculus;
      for (const d of ds) seat.counts.set(d.type, (seat.counts.get(d.type) ?? 0) + 1);
      if (r.turn >= 1 && r.turn <= OPENING_TURNS)
        (seat.opening[r.turn - 1] ??= []).push(...ds.map((d) => d.type));
    },
    finish(s, sc) {
      const rule = s.outcome
        ? (sc.outcomes.find((o) => o.id === s.outcome!.id) ?? null)
        : undefined;
      const out: RunAi = {};
      for (const actor of PLAYABLE_ACTORS) {
        const seat = seats.get(actor);
        if (!seat) continue;
        let maxRepeats = 0;
        let mostRepeated: OptionId | null = null;
        for (const [id, n] of seat.counts)
          if (beats(n, id, maxRepeats, mostRepeated)) {
            maxRepeats = n;
            mostRepeated = id;
          }
        const turns: string[] = [];
        for (let t = 0; t < OPENING_TURNS; t++)
          turns.push([...(seat.opening[t] ?? [])].sort().join(','));
        const counted = seat.policy !== 'one-step';
        out[actor] = {
          policy: seat.policy,
          decisions: seat.decisions,
          key: seat.key,
          noiseDecided: counted ? seat.noise : null,
          againstCalculus: counted ? seat.against : null,
          opening: hashString(turns.join('|')),
          maxRepeats,
          mostRepeated,
          score: scoreTotal(s, sc, actor, rule),
        };
      }
      return out;
    },
  };
}

export interface AiAccumulator {
  add(ai: RunAi): void;
  /** The batch's figures so far (the finaliser: the accumulator can go on adding after it). */
  summary(): AiStats;
}

interface Totals {
  readonly policies: Set<AiPolicy>;
  runs: number;
  decisions: number;
  key: number;
  /** null once a run did not count it. */
  noise: number | null;
  against: number | null;
  readonly openings: Set<string>;
  maxRepeats: number;
  maxRepeatsOption: OptionId | null;
  scoreSum: number;
}

/**
 * Adds up runs' AI summaries. Memory: a few numbers per actor, plus one 16-character hash per
 * distinct opening (at most one per run and actor).
 *
 * @example
 * const acc = createAiAccumulator();
 * for (const run of runs) acc.add(run.ai);
 * acc.summary().russia?.distinctOpenings
 */
export function createAiAccumulator(): AiAccumulator {
  const totals = new Map<PlayableActorId, Totals>();
  return {
    add(ai) {
      for (const actor of PLAYABLE_ACTORS) {
        const a = ai[actor];
        if (!a) continue;
        let t = totals.get(actor);
        if (!t) {
          t = {
            policies: new Set(),
            runs: 0,
            decisions: 0,
            key: 0,
            noise: 0,
            against: 0,
            openings: new Set(),
            maxRepeats: 0,
            maxRepeatsOption: null,
            scoreSum: 0,
          };
          totals.set(actor, t);
        }
        t.policies.add(a.policy);
        t.runs++;
        t.decisions += a.decisions;
        t.key += a.key;
        t.noise = t.noise === null || a.noiseDecided === null ? null : t.noise + a.noiseDecided;
        t.against =
          t.against === null || a.againstCalculus === null ? null : t.against + a.againstCalculus;
        t.openings.add(a.opening);
        if (beats(a.maxRepeats, a.mostRepeated, t.maxRepeats, t.maxRepeatsOption)) {
          t.maxRepeats = a.maxRepeats;
          t.maxRepeatsOption = a.mostRepeated;
        }
        t.scoreSum += a.score;
      }
    },
    summary() {
      const out: AiStats = {};
      for (const actor of PLAYABLE_ACTORS) {
        const t = totals.get(actor);
        if (!t) continue;
        out[actor] = {
          policy: t.policies.size === 1 ? [...t.policies][0]! : 'mixed',
          runs: t.runs,
          decisions: t.decisions,
          keyDecisions: t.key,
          noiseDecidedShare: t.noise === null || t.key === 0 ? null : round4(t.noise / t.key),
          againstOwnCalculus: t.against,
          distinctOpenings: t.openings.size,
          maxRepeats: t.maxRepeats,
          maxRepeatsOption: t.maxRepeatsOption,
          // Scores are integers: the sum is exact in any order.
          meanScore: round4(t.scoreSum / t.runs),
        };
      }
      return out;
    },
  };
}
