import { PLAYABLE_ACTORS, type PlayableActorId } from './ids';
import { holds } from './outcomes';
import type { OutcomeRule, Scenario } from './scenario/schema';
import { clamp, type GameState } from './state';

/**
 * Each actor's score, made of the terms its scenario `objectives` name: a catalog of metrics read
 * from the state (the outcome's base score, domestic support, economic cost, Taiwan's status,
 * allied ground, NATO cohesion, the Ukraine line...), each weighted by the actor's term. A term's
 * points are `trunc(value × weight / 100)` (a weight is a percentage: 20 is one point per 5 of
 * the metric), the total is their sum clamped to -100..100. Integers only, no allocation on the
 * hot path (`scoreTotal`), no log, no copy of the state: an AI planner may call it thousands of
 * times a batch.
 */

/** The metrics a scenario's objective terms may name. */
export const SCORE_METRICS = [
  'outcome',
  'supportChange',
  'economicCost',
  'taiwanControl',
  'alliesEngaged',
  'alliedGroundLost',
  'natoCohesionChange',
  'article5Change',
  'ukraineLine',
  'ukraineGuarantees',
  'escalationIndoPacific',
  'escalationEurope',
] as const;
export type ScoreMetric = (typeof SCORE_METRICS)[number];

/** What a metric measures, for the screens: a name, its unit and how it is read from the state. */
export interface MetricInfo {
  readonly label: string;
  /** What one unit of the value is (a weight of 100 gives a point per unit). */
  readonly unit: string;
  readonly explain: string;
}

export const METRIC_INFO: Readonly<Record<ScoreMetric, MetricInfo>> = {
  outcome: {
    label: 'Outcome',
    unit: 'point of the outcome’s score',
    explain:
      'The base score the named outcome gives this side (-100 to 100): the rule that fired at the end, or while the game runs the rule that would fire if it ended now.',
  },
  supportChange: {
    label: 'Support change',
    unit: 'point of support',
    explain: 'Domestic support now against the scenario’s start (points, -100 to 100).',
  },
  economicCost: {
    label: 'Economic cost',
    unit: 'point of cost',
    explain: 'The economic cost this side has borne so far (0 to 100).',
  },
  taiwanControl: {
    label: 'Beijing’s hold on Taiwan',
    unit: 'point of hold',
    explain:
      '100 once Taipei has fallen; otherwise the larger of China’s hold on its lodgement and the squeeze of the blockade (100 less Taiwan’s supply), 0 to 100.',
  },
  alliesEngaged: {
    label: 'US and Japan engaged',
    unit: 'point',
    explain:
      'Who stands with Taiwan: 50 once the US has intervened, 50 once Japan has joined the defence or opened its bases (0 to 100).',
  },
  alliedGroundLost: {
    label: 'Allied ground lost',
    unit: 'point of share',
    explain:
      'The share (%) of NATO territory, weighted by each region’s value, in Russian hands (0 to 100).',
  },
  natoCohesionChange: {
    label: 'NATO cohesion change',
    unit: 'point of cohesion',
    explain: 'NATO cohesion now against the scenario’s start (points).',
  },
  article5Change: {
    label: 'Article 5 credibility change',
    unit: 'point of credibility',
    explain: 'Article 5 credibility now against its start (the lever’s value), in points.',
  },
  ukraineLine: {
    label: 'Ukraine line',
    unit: '‰ of Ukraine',
    explain:
      'The change in the share of its territory Ukraine holds against the scenario’s start, in tenths of a percentage point (‰ of the country), -100 to 100.',
  },
  ukraineGuarantees: {
    label: 'Ukraine’s guarantees',
    unit: 'guarantee',
    explain:
      'Guarantees in force for Ukraine: its own forces, a coalition, a US backstop (0 to 3).',
  },
  escalationIndoPacific: {
    label: 'Indo-Pacific escalation',
    unit: 'rung',
    explain: 'The rung the Indo-Pacific escalation ladder stands at now (0 to 7).',
  },
  escalationEurope: {
    label: 'European escalation',
    unit: 'rung',
    explain: 'The rung the European escalation ladder stands at now (0 to 7).',
  },
};

export interface ScoreTerm {
  readonly id: string;
  readonly label: string;
  readonly metric: ScoreMetric;
  /** The metric's value in this state. */
  readonly value: number;
  /** Percent: points = trunc(value × weight / 100). */
  readonly weight: number;
  readonly points: number;
}

export interface ActorScore {
  /** The sum of the terms' points, clamped to -100..100. */
  readonly total: number;
  readonly terms: readonly ScoreTerm[];
  /** The id of the outcome rule the `outcome` term read, or null (none fired, none would). */
  readonly outcome: string | null;
}

/** NATO's regions and their value points, found once per scenario (its regions never change). */
interface AlliedGround {
  readonly ids: readonly string[];
  readonly points: readonly number[];
  readonly total: number;
}
const alliedGround = new WeakMap<Scenario, AlliedGround>();

function alliedGroundOf(sc: Scenario): AlliedGround {
  let g = alliedGround.get(sc);
  if (!g) {
    const ids: string[] = [];
    const points: number[] = [];
    let total = 0;
    for (const id of Object.keys(sc.regions)) {
      const r = sc.regions[id]!;
      if (!r.nato) continue;
      ids.push(id);
      points.push(r.value.points);
      total += r.value.points;
    }
    g = { ids, points, total };
    alliedGround.set(sc, g);
  }
  return g;
}

/**
 * A metric's value for an actor in a state (`rule`: the outcome the `outcome` metric reads).
 *
 * @example
 * metricValue('supportChange', state, sc, 'china', null) // -12: support 12 below the start
 */
export function metricValue(
  metric: ScoreMetric,
  s: GameState,
  sc: Scenario,
  actor: PlayableActorId,
  rule: OutcomeRule | null,
): number {
  switch (metric) {
    case 'outcome':
      return rule ? rule.scores[actor] : 0;
    case 'supportChange':
      return s.actors[actor].support - sc.actors[actor].domesticSupport;
    case 'economicCost':
      return s.actors[actor].economicCost;
    case 'taiwanControl':
      return s.flags.taipeiFallen
        ? 100
        : clamp(Math.max(s.taiwan.lodgement, 100 - s.tracks.taiwanSupply), 0, 100);
    case 'alliesEngaged':
      return (
        (s.flags.usIntervened ? 50 : 0) + (s.flags.japanJoined || s.flags.japanBasesOpen ? 50 : 0)
      );
    case 'alliedGroundLost': {
      const g = alliedGroundOf(sc);
      if (g.total === 0) return 0;
      let lost = 0;
      for (let i = 0; i < g.ids.length; i++)
        if (s.regions[g.ids[i]!]?.owner === 'russia') lost += g.points[i]!;
      return Math.trunc((lost * 100) / g.total);
    }
    case 'natoCohesionChange':
      return s.tracks.natoCohesion - sc.tracks.natoCohesion;
    case 'article5Change':
      // The start as setup derives it from the lever (src/sim/setup.ts).
      return s.tracks.article5Credibility - Math.round(s.levers.article5Credibility * 100);
    case 'ukraineLine':
      return clamp(
        Math.trunc((s.ukraine.territoryHeldBp - sc.ukraine.territoryHeldBp) / 10),
        -100,
        100,
      );
    case 'ukraineGuarantees': {
      const g = s.ukraine.guarantees;
      return (g.ownForces ? 1 : 0) + (g.coalition ? 1 : 0) + (g.usBackstop ? 1 : 0);
    }
    case 'escalationIndoPacific':
      return s.tracks.escalation.indoPacific;
    case 'escalationEurope':
      return s.tracks.escalation.europe;
    default: {
      const never: never = metric;
      throw new Error(`unknown score metric ${String(never)}`);
    }
  }
}

/**
 * A term's points: its weight is a percentage of the metric's value, truncated toward zero (and
 * never -0, which would print as "-0" and compare unequal in tests).
 */
function points(value: number, weight: number): number {
  const p = Math.trunc((value * weight) / 100);
  return p === 0 ? 0 : p;
}

/**
 * The outcome the game would have if it ended now: the first of the scenario's rules (immediate
 * and end rules alike) whose condition holds, or null.
 *
 * @example
 * provisionalOutcome(state, sc)?.id // 'deterrence-holds' while nothing has happened
 */
export function provisionalOutcome(s: GameState, sc: Scenario): OutcomeRule | null {
  for (const rule of sc.outcomes) if (holds(s, rule.when)) return rule;
  return null;
}

/**
 * An actor's total alone, allocating nothing: for planners that score many states. `rule`: the
 * outcome to score (null: none); left out, the provisional outcome.
 *
 * @example
 * scoreTotal(state, sc, 'usa') // 12
 */
export function scoreTotal(
  s: GameState,
  sc: Scenario,
  actor: PlayableActorId,
  rule?: OutcomeRule | null,
): number {
  const r = rule === undefined ? provisionalOutcome(s, sc) : rule;
  const terms = sc.objectives[actor].terms;
  let sum = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    sum += points(metricValue(t.metric, s, sc, actor, r), t.weight);
  }
  return clamp(sum, -100, 100);
}

/**
 * An actor's score with its terms, from the scenario's objectives for it. `rule`: the outcome
 * that fired (null: none); left out, the one that would fire if the game ended now.
 *
 * @example
 * const sc = scoreActor(state, scenario, 'china', rule);
 * sc.total; // -21
 * sc.terms.map((t) => `${t.label} ${t.points}`); // ['Outcome -15', 'Support change -2', ...]
 */
export function scoreActor(
  s: GameState,
  sc: Scenario,
  actor: PlayableActorId,
  rule?: OutcomeRule | null,
): ActorScore {
  const r = rule === undefined ? provisionalOutcome(s, sc) : rule;
  const defs = sc.objectives[actor].terms;
  const terms: ScoreTerm[] = [];
  let sum = 0;
  for (const t of defs) {
    const value = metricValue(t.metric, s, sc, actor, r);
    const p = points(value, t.weight);
    sum += p;
    terms.push({ id: t.id, label: t.label, metric: t.metric, value, weight: t.weight, points: p });
  }
  return { total: clamp(sum, -100, 100), terms, outcome: r ? r.id : null };
}

/**
 * Every playable actor's score as if the game ended now (the provisional outcome found once).
 *
 * @example
 * provisionalScores(state, sc).usa.total // 12
 */
export function provisionalScores(s: GameState, sc: Scenario): Record<PlayableActorId, ActorScore> {
  const rule = provisionalOutcome(s, sc);
  const out = {} as Record<PlayableActorId, ActorScore>;
  for (const a of PLAYABLE_ACTORS) out[a] = scoreActor(s, sc, a, rule);
  return out;
}

/**
 * A weight as a multiplier, for the screens: 100 → "×1", 20 → "×0.2", -250 → "×−2.5".
 *
 * @example
 * formatWeight(-20) // '×−0.2'
 */
export function formatWeight(weight: number): string {
  const a = Math.abs(weight);
  const frac = String(a % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `×${weight < 0 ? '−' : ''}${Math.trunc(a / 100)}${frac ? `.${frac}` : ''}`;
}

/**
 * A signed number for the screens and the log: "+5", "−3", "0".
 *
 * @example
 * signed(-3) // '−3'
 */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}
