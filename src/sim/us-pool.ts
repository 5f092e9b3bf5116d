import { forcesOf } from './force-index';
import type { ForceKind, Theater } from './ids';
import type { Scenario, UsUnitDef } from './scenario/schema';
import type { GameState, UsForcesState, UsUnitState } from './state';

/**
 * Reading the US pool: its units (`scenario.us.units`) stand in a theater, at home in CONUS or on
 * their way between them. Only units that have arrived somewhere count there: US forces fight only
 * where they are. Pure functions of the state; integers only. The orders that move units are in
 * `./us-forces.ts`, which re-exports these.
 */

const defsCache = new WeakMap<Scenario, UsUnitDef[]>();

/**
 * The scenario's unit definitions in the order of `state.us.units`.
 *
 * @example
 * usUnitDefs(scenario)[0]!.type // 'carrier-strike-group'
 */
export function usUnitDefs(sc: Scenario): UsUnitDef[] {
  let d = defsCache.get(sc);
  if (!d) {
    d = Object.values(sc.us.units);
    defsCache.set(sc, d);
  }
  return d;
}

/**
 * Every unit at its home station, as the game starts.
 *
 * @example
 * createInitialState(...).us // initialUsForces(scenario)
 */
export function initialUsForces(sc: Scenario): UsForcesState {
  return {
    units: Object.entries(sc.us.units).map(([id, u]) => ({
      id,
      strength: u.strength,
      at: u.home,
      region: u.region ?? '',
      to: '',
      toRegion: '',
      arrives: 0,
    })),
  };
}

/** Strength × readiness / 100 of one unit. */
export function unitPower(u: UsUnitState, def: UsUnitDef): number {
  return Math.trunc((u.strength * def.readiness) / 100);
}

/**
 * Effective strength (strength × readiness) of the US units that have arrived in a theater, of the
 * given kinds (all kinds when omitted). Pool units only: the scenario's US force counters are
 * added by `usForcesIn`.
 *
 * @example
 * usUnitPower(state, scenario, 'europe', ['air', 'naval']) // US air and naval units in Europe
 */
export function usUnitPower(
  s: GameState,
  sc: Scenario,
  theater: Theater,
  kinds?: readonly ForceKind[],
): number {
  const defs = usUnitDefs(sc);
  let total = 0;
  const units = s.us.units;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.at !== theater) continue;
    const def = defs[i]!;
    if (kinds && !kinds.includes(def.kind)) continue;
    total += unitPower(u, def);
  }
  return total;
}

/**
 * All US forces in a theater, by effective strength: the scenario's US force counters standing in
 * its regions and the pool units that have arrived there, of the given kinds (all when omitted).
 * This is what the campaigns read: a unit in CONUS or on its way counts nowhere.
 *
 * @example
 * usForcesIn(state, scenario, 'indoPacific', ['air', 'naval']) // what the US can fight China with
 */
export function usForcesIn(
  s: GameState,
  sc: Scenario,
  theater: Theater,
  kinds?: readonly ForceKind[],
): number {
  let total = usUnitPower(s, sc, theater, kinds);
  const us = forcesOf(s, 'usa');
  for (let i = 0; i < us.length; i++) {
    const f = us[i]!;
    if (f.strength === 0 || sc.regions[f.region]?.theater !== theater) continue;
    if (kinds && !kinds.includes(f.kind)) continue;
    total += Math.trunc((f.strength * f.readiness) / 100);
  }
  return total;
}

/**
 * Effective strength of the pool units standing in the given regions (arrived, not moving).
 *
 * @example
 * usUnitsAt(state, scenario, ['latvia'], ['ground']) // US brigades defending Latvia
 */
export function usUnitsAt(
  s: GameState,
  sc: Scenario,
  regions: readonly string[],
  kinds: readonly ForceKind[],
): number {
  const defs = usUnitDefs(sc);
  let total = 0;
  const units = s.us.units;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.at === 'transit' || u.at === 'conus' || !regions.includes(u.region)) continue;
    const def = defs[i]!;
    if (kinds.includes(def.kind)) total += unitPower(u, def);
  }
  return total;
}

/**
 * The US units that have arrived in a theater (for rules that count carriers or wings by type:
 * look each one up in `scenario.us.units[unit.id]`).
 *
 * @example
 * usUnitsIn(state, 'indoPacific').filter((u) => scenario.us.units[u.id]!.type === 'carrier-strike-group')
 */
export function usUnitsIn(s: GameState, theater: Theater): UsUnitState[] {
  return s.us.units.filter((u) => u.at === theater);
}

/**
 * Raw strength of the pool units in a theater or on their way to it (`arrivedOnly`: only those
 * there).
 *
 * @example
 * committedStrength(state, 'indoPacific', false) // units there plus units sailing there
 */
export function committedStrength(
  s: Pick<GameState, 'us'>,
  theater: Theater,
  arrivedOnly: boolean,
): number {
  let total = 0;
  for (const u of s.us.units)
    if (u.at === theater || (!arrivedOnly && u.at === 'transit' && u.to === theater))
      total += u.strength;
  return total;
}

/**
 * The Indo-Pacific share (%) of the US units deployed to the two theaters, by raw strength: the
 * `usPacificShare` track. Units at home or on the way are in neither.
 *
 * @example
 * pacificShare(state) // 58 with the baseline's units at their stations
 */
export function pacificShare(s: Pick<GameState, 'us'>): number {
  const p = committedStrength(s, 'indoPacific', true);
  const e = committedStrength(s, 'europe', true);
  return p + e === 0 ? 0 : Math.trunc((p * 100) / (p + e));
}

/**
 * The US pool in each theater: effective strength of the units that have arrived there (the
 * scenario's US force counters are not included). Kept in this shape for the rules that read the
 * pool by theater; `usForcesIn` is the fuller reading.
 *
 * @example
 * const pool = usPoolUnits(state, scenario); // { indoPacific: 67, europe: 48 } at the start
 */
export function usPoolUnits(s: GameState, sc: Scenario): Record<Theater, number> {
  return {
    indoPacific: usUnitPower(s, sc, 'indoPacific'),
    europe: usUnitPower(s, sc, 'europe'),
  };
}
