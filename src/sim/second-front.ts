import { GROUND, balanceShare, forcesOf, strength } from './measures';
import type { Modifier } from './log';
import type { Scenario } from './scenario/schema';
import { clamp, type GameState } from './state';
import { committedStrength, usUnitsAt } from './us-pool';

/**
 * Russia's second-front decision, the question the game exists to explore: does Moscow attack
 * NATO to keep it busy while China moves on Taiwan? Expected gain (NATO and US distraction,
 * China's leverage, coordination, a local opportunity) is weighed against expected cost (Article
 * 5 credibility, eastern-flank readiness, forces tied in Ukraine, attrition, nuclear risk,
 * mistrust of Beijing). Each factor is a 0..100 reading times a scenario weight; the log shows
 * every one, so a class can see which lever moved the answer.
 */
export interface SecondFrontCalculus {
  readonly gains: readonly Modifier[];
  readonly costs: readonly Modifier[];
  /** Σ gains − Σ costs − threshold, in weighted points (each reading × weight / 100). */
  readonly net: number;
  readonly readings: Readonly<Record<string, number>>;
}

/** One factor: its reading times its scenario weight, named so the log can show both. */
function term(name: string, reading: number, weight: number): Modifier {
  return { name: `${name} ${reading} × ${weight}%`, value: Math.trunc((reading * weight) / 100) };
}

function sum(ms: readonly Modifier[]): number {
  let t = 0;
  for (const m of ms) t += m.value;
  return t;
}

/** The calculus' ten readings, each 0..100 (before their weights). */
export interface SecondFrontReadings {
  readonly distraction: number;
  readonly leverage: number;
  readonly coordination: number;
  readonly opportunity: number;
  readonly credibility: number;
  readonly readiness: number;
  readonly tieDown: number;
  readonly attrition: number;
  readonly nuclear: number;
  readonly mistrust: number;
}

/**
 * The calculus' readings from the state.
 *
 * @example
 * secondFrontReadings(state, scenario).distraction // 0..100
 */
export function secondFrontReadings(s: GameState, sc: Scenario): SecondFrontReadings {
  const w = sc.rules.secondFront;
  const distraction = usDistraction(s, sc);
  const leverage = s.flags.chinaRequestAccepted
    ? w.leverageAccepted
    : s.flags.chinaRequestPending
      ? w.leveragePending
      : 0;
  const coordination = s.tracks.coordination;
  // The local balance in the Baltic states, where a quick grab might succeed before NATO arrives.
  const natoLocal =
    strength(s, 'nato-europe', sc.roles.balticStates, GROUND) +
    strength(s, 'nato-europe', sc.roles.incursionTargets, GROUND) +
    strength(s, 'usa', sc.roles.balticStates, GROUND) +
    usUnitsAt(s, sc, sc.roles.balticStates, GROUND) +
    usUnitsAt(s, sc, sc.roles.incursionTargets, GROUND);
  const russianStaging = strength(s, 'russia', sc.roles.russianStaging, GROUND);
  const opportunity = 100 - balanceShare(natoLocal * w.localDefenceFactor, russianStaging);
  const credibility = s.tracks.article5Credibility;
  const readiness = s.blocs.nato.readiness;
  const inUkraine = strength(s, 'russia', [sc.roles.ukraineOccupied], GROUND);
  const tieDown =
    s.ukraine.status === 'fighting'
      ? balanceShare(inUkraine, russianStaging)
      : Math.trunc(balanceShare(inUkraine, russianStaging) / w.tieDownCeasefireDivisor);
  // 1.1 million killed and wounded reads as 55 at one point per 20,000 casualties.
  const attrition = clamp(
    Math.trunc(s.ukraine.russianCasualties / w.casualtiesPerAttritionPoint),
    0,
    100,
  );
  const nuclear = clamp(w.nuclearBase + w.nuclearPerRung * s.tracks.escalation.europe, 0, 100);
  const mistrust = 100 - sc.actors.russia.traits.trustInPartners;
  return {
    distraction,
    leverage,
    coordination,
    opportunity,
    credibility,
    readiness,
    tieDown,
    attrition,
    nuclear,
    mistrust,
  };
}

/** The calculus in numbers only: what the AI weighs (the log's named terms are not built). */
export interface SecondFrontNet {
  /** Σ of the weighted gains. */
  readonly gain: number;
  /** Σ of the weighted costs (without the threshold). */
  readonly cost: number;
  /** gain − cost − threshold, as `secondFrontCalculus(...).net`. */
  readonly net: number;
  readonly readings: SecondFrontReadings;
}

/** A reading times its weight (the value of one term). */
const weighted = (reading: number, weight: number): number => Math.trunc((reading * weight) / 100);

/**
 * The second-front calculus without its prose: the same sums and net as `secondFrontCalculus`.
 *
 * @example
 * secondFrontNet(state, scenario).net === secondFrontCalculus(state, scenario).net // true
 */
export function secondFrontNet(s: GameState, sc: Scenario): SecondFrontNet {
  const w = sc.rules.secondFront;
  const r = secondFrontReadings(s, sc);
  const gain =
    weighted(r.distraction, w.distractionWeight) +
    weighted(r.leverage, w.leverageWeight) +
    weighted(r.coordination, w.coordinationWeight) +
    weighted(r.opportunity, w.opportunityWeight);
  const cost =
    weighted(r.credibility, w.credibilityWeight) +
    weighted(r.readiness, w.readinessWeight) +
    weighted(r.tieDown, w.tieDownWeight) +
    weighted(r.attrition, w.attritionWeight) +
    weighted(r.nuclear, w.nuclearWeight) +
    weighted(r.mistrust, w.mistrustWeight);
  return { gain, cost, net: gain - cost - w.threshold, readings: r };
}

/**
 * @example
 * const c = secondFrontCalculus(state, scenario);
 * c.net > 0 // the factors favour attacking NATO this turn
 */
export function secondFrontCalculus(s: GameState, sc: Scenario): SecondFrontCalculus {
  const w = sc.rules.secondFront;
  const r = secondFrontReadings(s, sc);
  const gains = [
    term('NATO/US distraction', r.distraction, w.distractionWeight),
    term("China's leverage", r.leverage, w.leverageWeight),
    term('China–Russia coordination', r.coordination, w.coordinationWeight),
    term('Baltic opportunity', r.opportunity, w.opportunityWeight),
  ];
  const costs = [
    term('Article 5 credibility', r.credibility, w.credibilityWeight),
    term('eastern-flank readiness', r.readiness, w.readinessWeight),
    term('forces tied in Ukraine', r.tieDown, w.tieDownWeight),
    term('attrition', r.attrition, w.attritionWeight),
    term('nuclear risk', r.nuclear, w.nuclearWeight),
    term('mistrust of China', r.mistrust, w.mistrustWeight),
  ];
  return {
    gains,
    costs,
    net: sum(gains) - sum(costs) - w.threshold,
    readings: { ...r },
  };
}

/**
 * How far the US is drawn into the Pacific, 0..100, read from its forces: the share of all US
 * strength (pool units and the scenario's counters) that stands in the Indo-Pacific or is on its
 * way there. Forces fighting there (once the US has intervened) count in full; forces merely
 * positioned there could swing back within weeks and weigh `usForces.peacetimeDistractionPct`.
 *
 * @example
 * usDistraction(state, scenario) // rises as carriers sail for the Pacific
 */
export function usDistraction(s: GameState, sc: Scenario): number {
  let total = 0;
  let pacific = committedStrength(s, 'indoPacific', false);
  for (const u of s.us.units) total += u.strength;
  for (const f of forcesOf(s, 'usa')) {
    total += f.strength;
    if (sc.regions[f.region]?.theater === 'indoPacific') pacific += f.strength;
  }
  if (total === 0) return 0;
  const weight = s.flags.usIntervened ? 100 : sc.rules.usForces.peacetimeDistractionPct;
  return clamp(Math.trunc((pacific * weight) / total), 0, 100);
}
