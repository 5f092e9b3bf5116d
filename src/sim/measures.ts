import type { ActorId, ForceKind, Theater } from './ids';
import type { Scenario } from './scenario/schema';
import { clamp, type GameState } from './state';
import { forcesOf } from './force-index';
import { usForcesIn, usPoolUnits } from './us-pool';

/**
 * Derived quantities read by several rules: effective strengths, the US pool split, air and sea
 * control, deterrence. Pure functions of the state; integer arithmetic only.
 */

/**
 * Strength × readiness / 100, summed over an actor's forces of the given kinds in the regions.
 *
 * @example
 * strength(state, 'russia', scenario.roles.russianStaging, GROUND) // effective points, Baltic
 * strength(state, 'nato-europe', null, GROUND) // null: every region
 */
export function strength(
  s: GameState,
  actor: ActorId,
  regions: readonly string[] | null,
  kinds: readonly ForceKind[],
): number {
  const list = forcesOf(s, actor);
  // One kind or one region is the common case: compare directly instead of searching the list;
  // a theater's regions (the longest lists) are looked up in their set.
  const oneKind = kinds.length === 1 ? kinds[0] : undefined;
  const oneRegion = regions !== null && regions.length === 1 ? regions[0] : undefined;
  const set = regions !== null && regions.length > 4 ? (THEATER_SETS.get(regions) ?? null) : null;
  let total = 0;
  for (let i = 0; i < list.length; i++) {
    const f = list[i]!;
    // A force at 0 adds 0 whatever its kind or region.
    if (f.strength === 0) continue;
    if (oneKind !== undefined ? f.kind !== oneKind : !kinds.includes(f.kind)) continue;
    if (
      regions !== null &&
      (oneRegion !== undefined
        ? f.region !== oneRegion
        : set !== null
          ? !set.has(f.region)
          : !regions.includes(f.region))
    )
      continue;
    total += Math.trunc((f.strength * f.readiness) / 100);
  }
  return total;
}

export { forcesOf } from './force-index';

const byTheater = new WeakMap<Scenario, Record<Theater, string[]>>();
/** The region sets of the theater lists `theaterRegions` hands out (never changed after). */
const THEATER_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * The region ids of a theater (computed once per scenario).
 *
 * @example
 * strength(state, 'china', theaterRegions(scenario, 'indoPacific'), ['naval', 'air', 'missile'])
 */
export function theaterRegions(sc: Scenario, theater: Theater): readonly string[] {
  let m = byTheater.get(sc);
  if (!m) {
    const ids = Object.keys(sc.regions);
    m = {
      indoPacific: ids.filter((r) => sc.regions[r]!.theater === 'indoPacific'),
      europe: ids.filter((r) => sc.regions[r]!.theater === 'europe'),
    };
    byTheater.set(sc, m);
    THEATER_SETS.set(m.indoPacific, new Set(m.indoPacific));
    THEATER_SETS.set(m.europe, new Set(m.europe));
  }
  return m[theater];
}

/**
 * Apply a percentage loss to an actor's forces of given kinds in given regions.
 *
 * @example
 * applyLosses(state, 'nato-europe', ['estonia'], GROUND, out.defenderLossPct) // points lost
 */
export function applyLosses(
  s: GameState,
  actor: ActorId,
  regions: readonly string[],
  kinds: readonly ForceKind[],
  pct: number,
): number {
  let lost = 0;
  for (const f of forcesOf(s, actor)) {
    if (!kinds.includes(f.kind) || !regions.includes(f.region)) continue;
    const l = Math.trunc((f.strength * pct + 99) / 100);
    f.strength = Math.max(0, f.strength - l);
    lost += l;
  }
  return lost;
}

const AIR_SEA: readonly ForceKind[] = ['air', 'naval', 'missile'];
export const GROUND: readonly ForceKind[] = ['ground'];

/**
 * The US pool in each theater: the effective strength of the pool's units that have arrived there
 * (`./us-pool.ts`; units at home or on their way count nowhere). The scenario's US force counters
 * are not in it: `usForcesIn` reads both.
 *
 * @example
 * const pool = usPool(state, scenario).europe; // US units standing in Europe
 */
export function usPool(s: GameState, sc: Scenario): Record<Theater, number> {
  return usPoolUnits(s, sc);
}

export interface AirSea {
  readonly east: number;
  readonly west: number;
  /** From the attacker's (China's or Russia's) side, -100..100. */
  readonly control: number;
}

/**
 * Air and sea control over the Taiwan Strait, from China's side.
 *
 * @example
 * const air = indoPacificAirSea(state, scenario); // air.control > 0 favours China
 */
export function indoPacificAirSea(s: GameState, sc: Scenario): AirSea {
  const regions = theaterRegions(sc, 'indoPacific');
  const east = strength(s, 'china', regions, AIR_SEA);
  let west = strength(s, 'taiwan', regions, AIR_SEA);
  if (s.flags.usIntervened) {
    const us = usPool(s, sc).indoPacific + strength(s, 'usa', regions, AIR_SEA);
    west += Math.trunc((us * (s.flags.japanBasesOpen ? 100 : 55)) / 100);
  }
  if (s.flags.japanJoined) west += strength(s, 'japan', regions, AIR_SEA);
  return { east, west, control: ratioControl(east, west) };
}

/**
 * Air and sea control over the Baltic, from Russia's side.
 *
 * @example
 * const air = europeAirSea(state, scenario); // air.control > 0 favours Russia
 */
export function europeAirSea(s: GameState, sc: Scenario): AirSea {
  const regions = theaterRegions(sc, 'europe');
  const east = strength(s, 'russia', regions, AIR_SEA);
  // US air and naval power counts where it is: counters and arrived pool units in Europe.
  let west = strength(s, 'nato-europe', regions, AIR_SEA) + usForcesIn(s, sc, 'europe', AIR_SEA);
  // Before Article 5 is invoked, only the nations directly attacked and their neighbours fight.
  if (!s.flags.article5Invoked) west = Math.trunc((west * sc.rules.baltic.preArticle5AirPct) / 100);
  return { east, west, control: ratioControl(east, west) };
}

function ratioControl(east: number, west: number): number {
  if (east + west === 0) return 0;
  return clamp(Math.trunc(((east - west) * 100) / (east + west)), -100, 100);
}

/**
 * Share 0..100 of a balance that favours the defender.
 *
 * @example
 * balanceShare(300, 100) // 75; balanceShare(0, 0) // 50
 */
export function balanceShare(defender: number, attacker: number): number {
  if (defender + attacker === 0) return 50;
  return Math.trunc((defender * 100) / (defender + attacker));
}

/**
 * How credible a US defence of Taiwan looks, 0..100 (the scenario's `rules.deterrence`).
 *
 * @example
 * usCredibilityPacific(state, scenario) // 45 with usIntervention=delayed, 100 once it intervened
 */
export function usCredibilityPacific(s: GameState, sc: Scenario): number {
  const d = sc.rules.deterrence;
  if (s.flags.usIntervened) return d.usCredibilityIntervened;
  switch (s.levers.usIntervention) {
    case 'prompt':
      return d.usCredibilityPrompt;
    case 'delayed':
      return d.usCredibilityDelayed;
    case 'none':
      return d.usCredibilityNone;
    default: {
      const never: never = s.levers.usIntervention;
      throw new Error(`unknown usIntervention ${String(never)}`);
    }
  }
}

export interface DeterrenceTerms {
  readonly balance: number;
  readonly credibility: number;
  readonly cohesion: number;
  readonly value: number;
}

/**
 * Deterrence per theater from balance, credibility and cohesion (scenario weights).
 *
 * @example
 * const d = deterrence(state, scenario, 'europe'); // d.value, with d.balance etc. for the log
 */
export function deterrence(s: GameState, sc: Scenario, theater: Theater): DeterrenceTerms {
  const w = sc.rules.deterrence;
  let balance: number;
  let credibility: number;
  let cohesion: number;
  if (theater === 'europe') {
    const nato = strength(s, 'nato-europe', null, GROUND) + usForcesIn(s, sc, 'europe');
    const russia =
      strength(s, 'russia', sc.roles.russianStaging, GROUND) + europeAirSea(s, sc).east;
    balance = balanceShare(nato, russia * w.europeAttackerFactor);
    credibility = s.tracks.article5Credibility;
    cohesion = s.tracks.natoCohesion;
  } else {
    const regions = theaterRegions(sc, 'indoPacific');
    const west =
      strength(s, 'taiwan', regions, ['ground', 'air', 'naval', 'missile']) +
      Math.trunc((usPool(s, sc).indoPacific * usCredibilityPacific(s, sc)) / 100) +
      (s.flags.japanBasesOpen || s.levers.japanBases ? strength(s, 'japan', regions, AIR_SEA) : 0);
    const china = strength(s, 'china', regions, ['ground', 'air', 'naval', 'missile']);
    balance = balanceShare(west, china);
    credibility = usCredibilityPacific(s, sc);
    // Deterrence reads what Beijing expects: bases promised count before they are opened.
    cohesion =
      s.flags.japanBasesOpen || s.levers.japanBases ? w.pacificCohesionBases : w.pacificCohesion;
  }
  const value = clamp(
    Math.trunc(
      (balance * w.balanceWeight +
        credibility * w.credibilityWeight +
        cohesion * w.cohesionWeight) /
        100,
    ),
    0,
    100,
  );
  return { balance, credibility, cohesion, value };
}
