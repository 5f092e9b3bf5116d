import { lossPoints } from './combat';
import type { Ctx } from './context';
import { LIMITED_WAR_LEVEL, type ForceKind, type Theater } from './ids';
import { europeAirSea, indoPacificAirSea } from './measures';
import { param } from './options/types';
import type { Scenario, UsLocation, UsUnitDef } from './scenario/schema';
import type { GameState, UsUnitState } from './state';
import { committedStrength, pacificShare, usUnitDefs } from './us-pool';

export {
  committedStrength,
  initialUsForces,
  pacificShare,
  usForcesIn,
  usPoolUnits,
  usUnitsAt,
  usUnitsIn,
  usUnitDefs,
} from './us-pool';

/**
 * The US pool as units, and the orders that move them: the two-front dilemma made physical. A
 * carrier sent to the Pacific is not in the Atlantic for the two weeks it steams, nor in Europe
 * after; an armoured brigade needs two weeks to reach Europe and three more days to reach the
 * Baltic states. Units leave at once, arrive after their transit time (`scenario.us.transit`) and
 * lose a share on the way when the enemy holds the destination's air and sea.
 */

/**
 * Hours a unit of this type needs from one place to another (inside a theater: its in-theater leg).
 *
 * @example
 * transitHours(scenario, 'carrier-strike-group', 'conus', 'indoPacific') // 336: two weeks
 */
export function transitHours(
  sc: Scenario,
  def: UsUnitDef,
  from: UsLocation,
  to: UsLocation,
): number {
  const row = sc.us.transit[def.type];
  if (from === to) return row.inTheater;
  if (from === 'conus' || to === 'conus') {
    const other = from === 'conus' ? to : from;
    return other === 'europe' ? row.conusEurope : row.conusIndoPacific;
  }
  return row.europeIndoPacific;
}

/** Where a unit of this kind stands when it arrives in a theater without a region of its own. */
function station(sc: Scenario, def: UsUnitDef, to: UsLocation): string {
  return to === 'conus' ? '' : sc.us.stations[to][def.kind];
}

/**
 * Send unit `i` (an index into `state.us.units`) to a theater, or home, and optionally to a region
 * of it other than its kind's station (adding its in-theater leg). It leaves at `ctx.hour`.
 * Returns the hour it arrives.
 *
 * @example
 * sendUnit(ctx, 3, 'europe', 'latvia'); // a brigade bound for Latvia
 */
export function sendUnit(ctx: Ctx, i: number, to: UsLocation, toRegion?: string): number {
  const s = ctx.s;
  const sc = ctx.sc;
  const u = s.us.units[i]!;
  const def = usUnitDefs(sc)[i]!;
  const from: UsLocation = u.at === 'transit' ? (u.to === '' ? 'conus' : u.to) : u.at;
  const home = station(sc, def, to);
  const region = toRegion ?? home;
  let hours = transitHours(sc, def, from, to);
  if (from !== to && to !== 'conus' && region !== home) hours += sc.us.transit[def.type].inTheater;
  u.at = 'transit';
  u.region = '';
  u.to = to;
  u.toRegion = region;
  u.arrives = ctx.hour + hours;
  if (!ctx.quiet)
    ctx.note(
      to === 'conus' ? 'global' : to,
      ['usa'],
      `${def.name} leaves for ${to === 'conus' ? 'the United States' : (sc.regions[region]?.name ?? region)}: ${hours} hours in transit, arriving hour ${u.arrives}.`,
      region || undefined,
    );
  syncShare(ctx, 'US units leave a theater');
  return u.arrives;
}

/**
 * The enemy's air and sea control over a theater (positive: the enemy's), for transit losses: none
 * at home, nor in a theater not yet at war (below limited war, nobody shoots at shipping).
 */
function enemyControl(s: GameState, sc: Scenario, t: UsLocation): number {
  if (t === 'conus' || s.tracks.escalation[t] < LIMITED_WAR_LEVEL) return 0;
  return t === 'europe' ? europeAirSea(s, sc).control : indoPacificAirSea(s, sc).control;
}

/**
 * One operational step for the US pool: units whose transit ends in this step arrive, after the
 * losses of the way (the type's `lossPm` scaled by the enemy's air and sea control over the
 * destination, once that theater is at war). A unit bound for a region the enemy has taken stands in the first friendly
 * neighbour instead. The `usPacificShare` track follows.
 *
 * @example
 * ctx.atStep(k); usForcesStep(ctx); // before the campaigns fight in step k
 */
export function usForcesStep(ctx: Ctx): void {
  const s = ctx.s;
  const sc = ctx.sc;
  const units = s.us.units;
  let control: Record<Theater, number> | null = null;
  let arrived = false;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.at !== 'transit' || u.arrives > ctx.hour) continue;
    const def = usUnitDefs(sc)[i]!;
    const to: UsLocation = u.to === '' ? 'conus' : u.to;
    let pm = 0;
    if (to !== 'conus') {
      control ??= {
        europe: enemyControl(s, sc, 'europe'),
        indoPacific: enemyControl(s, sc, 'indoPacific'),
      };
      pm = Math.trunc((sc.us.transit[def.type].lossPm * Math.max(0, control[to])) / 100);
    }
    const lost = lossPoints(u.strength, pm);
    u.strength -= lost;
    u.at = to;
    u.region = to === 'conus' ? '' : friendlyRegion(s, sc, u.toRegion, to);
    u.to = '';
    u.toRegion = '';
    u.arrives = 0;
    arrived = true;
    if (!ctx.quiet)
      ctx.note(
        to === 'conus' ? 'global' : to,
        ['usa'],
        `Arrived: ${def.name} (${u.strength} points) in ${to === 'conus' ? 'the United States' : (sc.regions[u.region]?.name ?? u.region)}` +
          (lost > 0
            ? `, after losing ${lost} points (${pm}‰) on the way to enemy air and sea power.`
            : '.'),
        u.region || undefined,
      );
  }
  if (arrived) syncShare(ctx, 'US units arrive in a theater');
}

/** The region itself if the enemy has not taken it, else its first neighbour held by a friend. */
function friendlyRegion(s: GameState, sc: Scenario, region: string, theater: Theater): string {
  const owner = s.regions[region]?.owner;
  if (owner !== 'russia' && owner !== 'china') return region;
  for (const r of sc.regions[region]!.adjacent) {
    const o = s.regions[r]?.owner;
    if (sc.regions[r]!.kind === 'land' && o !== 'russia' && o !== 'china' && o !== null) return r;
  }
  const first = Object.values(sc.us.stations[theater])[0]!;
  return first;
}

function syncShare(ctx: Ctx, cause: string): void {
  const share = pacificShare(ctx.s);
  ctx.adjust('usPacificShare', share - ctx.s.tracks.usPacificShare, cause);
}

const SWING: readonly ForceKind[] = ['air', 'naval', 'missile'];

/**
 * Move the pool towards the allocation target (`usPacificTarget`, the Indo-Pacific share of the
 * units deployed to the two theaters), once a turn: units at home go first, then units of the
 * other theater; air, naval and missile-defence units only (armies do not swing between oceans);
 * at most `usa.allocate-forces.maxShiftPerTurn` % of the pool's strength a turn (lift and staff).
 * Counts units on their way by their destination. Returns the number of units sent.
 *
 * @example
 * rebalanceUsForces(ctx); // target 80: carriers and wings at home sail for the Pacific
 */
export function rebalanceUsForces(ctx: Ctx): number {
  const s = ctx.s;
  const sc = ctx.sc;
  const target = s.tracks.usPacificTarget;
  const defs = usUnitDefs(sc);
  let p = committedStrength(s, 'indoPacific', false);
  let e = committedStrength(s, 'europe', false);
  let total = 0;
  for (const u of s.us.units) total += u.strength;
  let budget = Math.trunc((total * param(sc, 'usa.allocate-forces', 'maxShiftPerTurn')) / 100);
  const tol = sc.rules.usForces.rebalanceTolerance;
  let sent = 0;
  for (;;) {
    const gap = p + e === 0 ? 0 : target - Math.trunc((p * 100) / (p + e));
    if (Math.abs(gap) <= tol) break;
    const to: Theater = gap > 0 ? 'indoPacific' : 'europe';
    const other: Theater = gap > 0 ? 'europe' : 'indoPacific';
    let pick = -1;
    for (const from of ['conus', other] as const) {
      for (let i = 0; i < s.us.units.length && pick < 0; i++) {
        const u = s.us.units[i]!;
        if (u.at !== from || u.strength === 0 || u.strength > budget) continue;
        if (!SWING.includes(defs[i]!.kind)) continue;
        const np =
          to === 'indoPacific' ? p + u.strength : from === 'indoPacific' ? p - u.strength : p;
        const ne = to === 'europe' ? e + u.strength : from === 'europe' ? e - u.strength : e;
        const after = np + ne === 0 ? 0 : target - Math.trunc((np * 100) / (np + ne));
        if (Math.abs(after) < Math.abs(gap)) pick = i;
      }
      if (pick >= 0) break;
    }
    if (pick < 0) break;
    const u = s.us.units[pick]!;
    if (u.at === 'indoPacific') p -= u.strength;
    if (u.at === 'europe') e -= u.strength;
    if (to === 'indoPacific') p += u.strength;
    else e += u.strength;
    budget -= u.strength;
    sendUnit(ctx, pick, to);
    sent++;
  }
  return sent;
}

/**
 * Candidates for a reinforcement order: units of the kinds asked for, not already moving, at home
 * or (when the order names a region) elsewhere in the theater outside `skipRegions`, fastest to
 * arrive first (scenario order breaks ties).
 */
function candidates(
  s: GameState,
  sc: Scenario,
  to: Theater,
  kinds: readonly ForceKind[],
  region: string | undefined,
  skipRegions: readonly string[],
): number[] {
  const defs = usUnitDefs(sc);
  const list: { i: number; h: number }[] = [];
  const units = s.us.units;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const def = defs[i]!;
    if (!isCandidate(u, def, to, kinds, region, skipRegions) || u.at === 'transit') continue;
    list.push({ i, h: transitHours(sc, def, u.at, to) });
  }
  list.sort((a, b) => a.h - b.h || a.i - b.i);
  return list.map((c) => c.i);
}

/** Whether a unit can answer a reinforcement order (see `candidates`). */
function isCandidate(
  u: UsUnitState,
  def: UsUnitDef,
  to: Theater,
  kinds: readonly ForceKind[],
  region: string | undefined,
  skipRegions: readonly string[],
): boolean {
  if (u.strength === 0 || !kinds.includes(def.kind) || u.at === 'transit') return false;
  if (u.at !== 'conus' && u.at !== to) return false;
  return !(u.at === to && (!region || u.region === region || skipRegions.includes(u.region)));
}

/**
 * Send up to `n` units of the given kinds to a theater, whichever arrive first: units at home,
 * and, when the order names a `region`, units elsewhere in the theater (over its in-theater leg;
 * units standing there or in `skipRegions` stay). Without a region they go to their kind's station.
 * Returns the indices sent.
 *
 * @example
 * reinforceTheater(ctx, 'europe', ['ground'], 2, 'latvia', balticRegions); // 2nd Cavalry first
 */
export function reinforceTheater(
  ctx: Ctx,
  to: Theater,
  kinds: readonly ForceKind[],
  n: number,
  region?: string,
  skipRegions: readonly string[] = [],
): number[] {
  const picked = candidates(ctx.s, ctx.sc, to, kinds, region, skipRegions).slice(0, Math.max(0, n));
  for (const i of picked) sendUnit(ctx, i, to, region);
  return picked;
}

/**
 * Whether units of these kinds are on their way to a theater.
 *
 * @example
 * unitsBound(state, scenario, 'europe', ['ground']) // the last brigades have not arrived yet
 */
export function unitsBound(
  s: GameState,
  sc: Scenario,
  to: Theater,
  kinds: readonly ForceKind[],
): boolean {
  const defs = usUnitDefs(sc);
  return s.us.units.some(
    (u, i) => u.at === 'transit' && u.to === to && kinds.includes(defs[i]!.kind),
  );
}

/**
 * How many units a reinforcement order could send (see `reinforceTheater`).
 *
 * @example
 * availableUnits(state, scenario, 'indoPacific', ['air']) // 0: no wings left at home
 */
export function availableUnits(
  s: GameState,
  sc: Scenario,
  to: Theater,
  kinds: readonly ForceKind[],
  region?: string,
  skipRegions: readonly string[] = [],
): number {
  const defs = usUnitDefs(sc);
  const units = s.us.units;
  let n = 0;
  for (let i = 0; i < units.length; i++)
    if (isCandidate(units[i]!, defs[i]!, to, kinds, region, skipRegions)) n++;
  return n;
}
