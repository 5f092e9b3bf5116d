import { engage, type EngagementSide } from '../combat';
import type { Ctx } from '../context';
import type { Modifier } from '../log';
import { GROUND, europeAirSea, strength } from '../measures';
import { param } from '../options/types';
import type { Scenario } from '../scenario/schema';
import {
  clamp,
  forceById,
  regionForWrite,
  type EuropeCampaign,
  type ForceState,
  type GameState,
  type UsUnitState,
} from '../state';
import { unitPower, usUnitDefs } from '../us-pool';
import {
  advanceMoves,
  axisForceId,
  balticIndex,
  counterAttackId,
  dispatchMoves,
  draw,
  holdingRegion,
  joinForce,
  sendMove,
} from './baltic-moves';

/**
 * Russia's operations against NATO territory, by axes (`scenario.baltic.axes`), in the operational
 * steps of the turn. A Baltic offensive concentrates its first echelon as its plan says (the main
 * effort on Tallinn and Riga, supporting attacks elsewhere); a limited incursion attacks one axis.
 * Each step, each axis under attack is one engagement (`combat.ts`) between the forces on it: the
 * objective's control falls with a positive shift and recovers with a negative one (the defender,
 * locally stronger, counter-attacks); at 0 the objective falls, and a capital's fall is a key event
 * at the step's hour. Follow-on echelons and NATO's reinforcements reach the axes after their
 * transit (`./baltic-moves.ts`); a deliberate NATO counter-attack can retake an occupied region.
 */

const FALLBACK_MULTIPLIERS: readonly Modifier[] = [];

/**
 * One operational step in Europe: launch the axes of a new operation, start the moves whose time
 * has come, move what is on the road, fight each axis under attack and any counter-attack ordered
 * this turn. Returns the number of engagements fought (they spend munitions).
 *
 * @example
 * for (let k = 0; k < steps; k++) { ctx.atStep(k); combats += europeStep(ctx); }
 */
export function europeStep(ctx: Ctx): number {
  const s = ctx.s;
  const e = s.europe;
  const op = e.operation;
  const attacking = op === 'incursion' || op === 'offensive';
  if (attacking) launch(ctx, op);
  if (e.launched === 'none') return 0;
  dispatchMoves(ctx, ctx.stepStart());
  const air = europeAirSea(s, ctx.sc).control;
  advanceMoves(ctx, air);
  let combats = 0;
  if (attacking && e.axes.length > 0)
    for (const id of e.axes.slice()) combats += fightAxis(ctx, id, air);
  if (e.counterAttack !== '') combats += counterAttackStep(ctx, air);
  return combats;
}

/**
 * Once a turn, after the steps: an occupation without an Article 5 answer costs NATO cohesion, and
 * a counter-attack that has not retaken its region falls back to where NATO holds.
 *
 * @example
 * europeTurn(ctx); // after the operational steps of the turn
 */
export function europeTurn(ctx: Ctx): void {
  const s = ctx.s;
  const sc = ctx.sc;
  const e = s.europe;
  if (e.counterAttack !== '') {
    const g = forceById(s, counterAttackId(e.counterAttack));
    if (g && s.regions[e.counterAttack]?.owner === 'russia')
      g.region = holdingRegion(s, sc, e.counterAttack);
    e.counterAttack = '';
  }
  let occupied = 0;
  for (const r of natoRegions(sc)) if (s.regions[r]?.owner === 'russia') occupied++;
  if (occupied === 0) return;
  e.occupiedTurns++;
  if (!s.flags.article5Invoked)
    ctx.adjust(
      'natoCohesion',
      -sc.rules.europe.occupationCohesionLossPerTurn * occupied,
      'allied territory occupied without an Article 5 response',
      'europe',
    );
}

const NATO_REGIONS = new WeakMap<Scenario, string[]>();

/**
 * The ids of NATO's regions (scenario order), computed once per scenario.
 *
 * @example
 * natoRegions(scenario).some((id) => state.regions[id]?.owner === 'russia') // allied ground held
 */
export function natoRegions(sc: Scenario): string[] {
  let list = NATO_REGIONS.get(sc);
  if (!list) {
    list = Object.keys(sc.regions).filter((r) => sc.regions[r]!.nato);
    NATO_REGIONS.set(sc, list);
  }
  return list;
}

/** Effective power (strength × readiness) of forces. */
function power(forces: readonly ForceState[]): number {
  let p = 0;
  for (const f of forces) p += Math.trunc((f.strength * f.readiness) / 100);
  return p;
}

/** NATO and US ground counters standing in a region. */
function alliedIn(s: GameState, region: string): ForceState[] {
  const out: ForceState[] = [];
  for (const f of s.forces)
    if (f.region === region && f.kind === 'ground' && f.strength > 0 && f.actor !== 'russia')
      out.push(f);
  return out;
}

function russiansIn(s: GameState, region: string): ForceState[] {
  const out: ForceState[] = [];
  for (const f of s.forces)
    if (f.region === region && f.kind === 'ground' && f.strength > 0 && f.actor === 'russia')
      out.push(f);
  return out;
}

/** The US pool's ground units standing in a region, and their effective strength. */
function usGroundAt(
  s: GameState,
  sc: Scenario,
  region: string,
): { units: UsUnitState[]; power: number } {
  const defs = usUnitDefs(sc);
  const units: UsUnitState[] = [];
  let p = 0;
  const all = s.us.units;
  for (let i = 0; i < all.length; i++) {
    const u = all[i]!;
    if (u.region !== region || u.at !== 'europe' || u.strength <= 0) continue;
    const def = defs[i]!;
    if (def.kind !== 'ground') continue;
    units.push(u);
    p += unitPower(u, def);
  }
  return { units, power: p };
}

/**
 * Per-mille losses over the engaged forces, in proportion to their strength and exact over the
 * steps: the fraction of a point not yet lost is carried (in thousandths) in `europe.carry[slot]`,
 * so small forces do not lose a whole point to rounding every 12 hours.
 *
 * @example
 * inflict(s.europe, 2 * i, [axisForce], out.attackerLossPm); // points lost
 */
export function inflict(
  e: EuropeCampaign,
  slot: number,
  holders: readonly { strength: number }[],
  pm: number,
): number {
  let total = 0;
  for (const h of holders) total += h.strength;
  if (total <= 0 || pm <= 0) return 0;
  const exact = total * pm + (e.carry[slot] ?? 0);
  const lost = Math.min(total, Math.trunc(exact / 1000));
  e.carry[slot] = lost === total ? 0 : exact - lost * 1000;
  let left = lost;
  for (const h of holders) {
    const part = Math.min(h.strength, Math.trunc((lost * h.strength) / total));
    h.strength -= part;
    left -= part;
  }
  for (const h of holders) {
    if (left <= 0) break;
    const part = Math.min(h.strength, left);
    h.strength -= part;
    left -= part;
  }
  return lost;
}

/**
 * A side's multipliers in an engagement: air support when its side holds the air (`airForSide`,
 * -100..100 from its side), the supply floor when it is cut off.
 *
 * @example
 * sideMultipliers(scenario, 45, true) // [{ name: 'air superiority', value: 113 }]
 */
export function sideMultipliers(
  sc: Scenario,
  airForSide: number,
  supplied: boolean,
): readonly Modifier[] {
  if (airForSide * sc.rules.baltic.airSupportPct < 100 && supplied) return FALLBACK_MULTIPLIERS;
  const out: Modifier[] = [];
  const bonus = airForSide > 0 ? Math.trunc((airForSide * sc.rules.baltic.airSupportPct) / 100) : 0;
  if (bonus > 0) out.push({ name: 'air superiority', value: 100 + bonus });
  if (!supplied) out.push({ name: 'out of supply', value: sc.engagement.supplyFloorPct });
  return out;
}

/**
 * Whether NATO can supply a region: by land through regions it holds to one no axis aims at (the
 * rear: Poland, Germany), or by sea to a port while Russia's air and sea control is at most
 * `baltic.seaSupplyControl`.
 *
 * @example
 * natoSupplied(state, scenario, 'estonia', air) // false once Latvia has fallen and Russia holds the sea
 */
export function natoSupplied(s: GameState, sc: Scenario, region: string, air: number): boolean {
  if (sc.regions[region]!.value.port && air <= sc.rules.baltic.seaSupplyControl) return true;
  const b = balticIndex(sc);
  const seen = [region];
  for (let i = 0; i < seen.length; i++) {
    const r = seen[i]!;
    if (!b.byObjective.has(r)) return true;
    for (const a of sc.regions[r]!.adjacent)
      if (
        !seen.includes(a) &&
        sc.regions[a]!.kind === 'land' &&
        s.regions[a]?.owner === 'nato-europe'
      )
        seen.push(a);
  }
  return false;
}

/** The axes of `op` to launch now: the plan's axes on a new offensive, the target's on an incursion. */
function launch(ctx: Ctx, op: 'incursion' | 'offensive'): void {
  const s = ctx.s;
  const sc = ctx.sc;
  const e = s.europe;
  if (e.launched === 'offensive' || e.launched === op) return;
  const b = balticIndex(sc);
  const free = (id: string): boolean =>
    !e.axes.includes(id) && s.regions[b.axes.get(id)!.objective]?.owner !== 'russia';
  const chosen =
    op === 'offensive'
      ? b.ids.filter((id) => free(id) && Object.values(b.axes.get(id)!.from).some((p) => p > 0))
      : b.ids.filter((id) => free(id) && e.targets.includes(b.axes.get(id)!.objective));
  e.launched = op;
  if (e.beganHour < 0) {
    e.beganHour = ctx.stepStart();
    ctx.keyEvent(
      'balticOffensiveBegins',
      'europe',
      ['russia', 'nato-europe'],
      op === 'offensive'
        ? 'Russian forces cross into the Baltic states.'
        : 'Russian forces cross into NATO territory.',
      b.axes.get(chosen[0] ?? b.ids[0]!)!.objective,
      e.beganHour,
    );
  }
  // What each staging region can commit, fixed before any axis draws on it.
  const share = op === 'offensive' ? param(sc, 'russia.baltic-offensive', 'assaultSharePct') : 100;
  const pools = new Map<string, ForceState[]>();
  const committed = new Map<string, number>();
  for (const id of chosen)
    for (const r of Object.keys(b.axes.get(id)!.from)) {
      if (pools.has(r)) continue;
      const list = s.forces.filter(
        (f) =>
          f.actor === 'russia' &&
          f.region === r &&
          f.kind === 'ground' &&
          f.strength > 0 &&
          Object.hasOwn(sc.forces, f.id) &&
          !b.reserved.has(f.id),
      );
      pools.set(r, list);
      let raw = 0;
      for (const f of list) raw += f.strength;
      committed.set(r, Math.trunc((raw * share) / 100));
    }
  for (const id of chosen) {
    const a = b.axes.get(id)!;
    const from = Object.entries(a.from);
    let points = 0;
    let weighted = 0;
    const avail = from.reduce((t, [r]) => t + committed.get(r)!, 0);
    const cap = op === 'incursion' ? param(sc, 'russia.limited-incursion', 'assaultStrength') : 0;
    for (const [r, pct] of from) {
      const c = committed.get(r)!;
      const want =
        op === 'offensive'
          ? Math.trunc((c * pct) / 100)
          : avail === 0
            ? 0
            : Math.trunc((Math.min(cap, avail) * c) / avail);
      const got = draw(pools.get(r)!, want);
      points += got.points;
      weighted += got.points * got.readiness;
    }
    const readiness = points === 0 ? 0 : Math.trunc(weighted / points);
    joinForce(s, axisForceId(id), 'russia', from[0]![0], points, readiness, a.name);
    if (!ctx.quiet)
      ctx.note(
        'europe',
        ['russia'],
        `Russian assault on the ${a.name} axis: ${points} points (readiness ${readiness}) against ${sc.regions[a.objective]!.name}.`,
        a.objective,
      );
  }
  e.axes = b.ids.filter((id) => e.axes.includes(id) || chosen.includes(id));
  syncTargets(s, sc);
}

function syncTargets(s: GameState, sc: Scenario): void {
  const b = balticIndex(sc);
  s.europe.targets = s.europe.axes.map((id) => b.axes.get(id)!.objective);
}

/** One step on an axis under attack. Returns 1 if an engagement was fought. */
function fightAxis(ctx: Ctx, id: string, air: number): number {
  const s = ctx.s;
  const sc = ctx.sc;
  const b = balticIndex(sc);
  const a = b.axes.get(id)!;
  const obj = a.objective;
  const f = forceById(s, b.forceIds.get(id)!);
  if (s.regions[obj]?.owner === 'russia') {
    s.europe.axes = s.europe.axes.filter((x) => x !== id);
    syncTargets(s, sc);
    return 0;
  }
  if (!f || f.strength <= 0) {
    // The attack on this axis is broken: nothing is left to fight with.
    s.europe.axes = s.europe.axes.filter((x) => x !== id);
    syncTargets(s, sc);
    const r = regionForWrite(s, obj);
    r.control = 100;
    r.contested = false;
    if (!ctx.quiet)
      ctx.note(
        'europe',
        ['russia', 'nato-europe'],
        `The Russian attack on the ${a.name} axis is spent: ${sc.regions[obj]!.name} is clear.`,
        obj,
      );
    return 0;
  }
  const defenders = alliedIn(s, obj);
  const us = usGroundAt(s, sc, obj);
  const attacker: EngagementSide = {
    actor: 'russia',
    power: Math.trunc((f.strength * f.readiness) / 100),
    multipliers: sideMultipliers(sc, air, s.blocs.russia.munitions > 0),
  };
  const defender: EngagementSide = {
    actor: 'nato-europe',
    power: power(defenders) + us.power,
    multipliers: sideMultipliers(
      sc,
      -air,
      s.blocs.nato.munitions > 0 && natoSupplied(s, sc, obj, air),
    ),
  };
  const out = engage(ctx, b.labels.get(id)!, 'europe', obj, {
    attacker,
    defender,
    terrain: a.terrain,
  });
  const slot = 2 * b.ids.indexOf(id);
  inflict(s.europe, slot, [f], out.attackerLossPm);
  const holders: { strength: number }[] = defenders;
  for (const u of us.units) holders.push(u);
  inflict(s.europe, slot + 1, holders, out.defenderLossPm);
  const r = regionForWrite(s, obj);
  const from = r.control;
  r.control = clamp(from - Math.trunc((out.shift * 100) / a.depth), 0, 100);
  r.contested = r.control < 100;
  if (!ctx.quiet && r.control !== from)
    holdNote(ctx, obj, 'NATO', from, r.control, out.shift, a.depth);
  if (r.control === 0) capture(ctx, id);
  return 1;
}

/** The hold on an objective after a step, in the log: the shift read against the axis's depth. */
function holdNote(
  ctx: Ctx,
  region: string,
  holder: string,
  from: number,
  to: number,
  shift: number,
  depth: number,
): void {
  ctx.note(
    'europe',
    ['russia', 'nato-europe'],
    `${ctx.sc.regions[region]!.name}: ${holder}'s hold ${from} → ${to} (shift ${shift} of the axis's depth of ${depth}).`,
    region,
  );
}

/**
 * The objective falls: Russia holds it (at `captureHoldPct`), the allied forces in it are lost,
 * `occupationPct` of the axis's force stays to occupy it and the rest regroups for another axis.
 */
function capture(ctx: Ctx, id: string): void {
  const s = ctx.s;
  const sc = ctx.sc;
  const rules = sc.rules.baltic;
  const b = balticIndex(sc);
  const a = b.axes.get(id)!;
  const obj = a.objective;
  const r = regionForWrite(s, obj);
  r.owner = 'russia';
  r.control = rules.captureHoldPct;
  r.contested = true;
  // RAND: NATO's forward battalions were destroyed in place.
  for (const f of s.forces) if (f.region === obj && f.actor !== 'russia') f.strength = 0;
  for (const u of s.us.units) if (u.region === obj && u.at === 'europe') u.strength = 0;
  s.europe.axes = s.europe.axes.filter((x) => x !== id);
  syncTargets(s, sc);
  const f = forceById(s, axisForceId(id))!;
  f.region = obj;
  const next =
    s.europe.axes.find((x) =>
      Object.keys(b.axes.get(x)!.from).some((g) => Object.hasOwn(a.from, g)),
    ) ?? s.europe.axes[0];
  const rest = f.strength - Math.trunc((f.strength * rules.occupationPct) / 100);
  if (next && rest > 0) {
    f.strength -= rest;
    sendMove(ctx, {
      actor: 'russia',
      strength: rest,
      readiness: f.readiness,
      axis: next,
      arrives: ctx.hour + rules.regroupHours,
      label: a.name,
    });
  }
  const name = sc.regions[obj]!.name;
  const capital = sc.regions[obj]!.value.capital;
  if (capital) {
    ctx.setFlag('balticCapitalFallen');
    ctx.keyEvent(
      'balticCapitalFalls',
      'europe',
      ['russia', 'nato-europe'],
      ctx.quiet ? '' : `${capital} falls: Russian forces control ${name}.`,
      obj,
    );
    ctx.adjust(
      'natoCohesion',
      -sc.rules.europe.capitalControlLoss,
      ctx.quiet ? '' : `the fall of ${capital}`,
      'europe',
    );
  } else ctx.note('europe', ['russia', 'nato-europe'], `Russian forces seize ${name}.`, obj);
}

/**
 * Where NATO could counter-attack an occupied region from: its neighbours NATO holds on land that
 * are not themselves under attack.
 *
 * @example
 * counterAttackBases(state, scenario, 'estonia') // ['latvia'] while Latvia is not attacked
 */
export function counterAttackBases(s: GameState, sc: Scenario, target: string): string[] {
  const b = balticIndex(sc);
  const under = new Set(s.europe.axes.map((id) => b.axes.get(id)!.objective));
  return sc.regions[target]!.adjacent.filter(
    (r) => sc.regions[r]!.kind === 'land' && s.regions[r]?.owner === 'nato-europe' && !under.has(r),
  );
}

/**
 * The force ratio (attack per 100 defence, before air and fortune) a counter-attack on an occupied
 * region would have now, committing `commitPct` of the allied forces in its bases: what the AI
 * weighs before ordering one.
 *
 * @example
 * counterAttackOdds(state, scenario, 'narva', 70) // 7: 0.07:1 against a dug-in town
 */
export function counterAttackOdds(
  s: GameState,
  sc: Scenario,
  target: string,
  commitPct: number,
): number {
  const bases = counterAttackBases(s, sc, target);
  let attack = 0;
  for (const f of s.forces)
    if (f.actor === 'nato-europe' && f.kind === 'ground' && bases.includes(f.region))
      attack += Math.trunc((f.strength * f.readiness) / 100);
  attack = Math.trunc((attack * commitPct) / 100);
  const b = balticIndex(sc);
  const axis = b.axes.get(b.byObjective.get(target) ?? '');
  const terrain = sc.engagement.terrainDefencePct[axis?.terrain ?? sc.regions[target]!.terrain];
  const defence = Math.trunc((power(russiansIn(s, target)) * terrain) / 100);
  return defence <= 0 ? 10000 : Math.min(10000, Math.trunc((attack * 100) / defence));
}

/**
 * Order a deliberate counter-attack on an occupied region for this turn's steps: `commitPct` of the
 * allied ground forces in the bases next to it (`counterAttackBases`) form a counter-attack force,
 * which fights the occupiers every step until the turn ends or the region is retaken. Returns the
 * points committed.
 *
 * @example
 * orderCounterAttack(ctx, 'estonia', 70); // Latvia's and Finland's brigades go north
 */
export function orderCounterAttack(ctx: Ctx, target: string, commitPct: number): number {
  const s = ctx.s;
  const bases = counterAttackBases(s, ctx.sc, target);
  const id = counterAttackId(target);
  const forces = s.forces.filter(
    (f) =>
      f.actor === 'nato-europe' &&
      f.kind === 'ground' &&
      f.strength > 0 &&
      bases.includes(f.region),
  );
  let raw = 0;
  for (const f of forces) raw += f.strength;
  const got = draw(forces, Math.trunc((raw * commitPct) / 100));
  joinForce(s, id, 'nato-europe', target, got.points, got.readiness, 'Allied counter-attack force');
  const g = forceById(s, id)!;
  g.region = target;
  s.europe.counterAttack = target;
  return got.points;
}

function counterAttackStep(ctx: Ctx, air: number): number {
  const s = ctx.s;
  const sc = ctx.sc;
  const e = s.europe;
  const target = e.counterAttack;
  const b = balticIndex(sc);
  const g = forceById(s, b.counterIds.get(target) ?? counterAttackId(target));
  const axis = b.axes.get(b.byObjective.get(target) ?? '');
  if (!g || g.strength <= 0 || s.regions[target]?.owner !== 'russia' || !axis) {
    e.counterAttack = '';
    return 0;
  }
  const occupiers = russiansIn(s, target);
  const out = engage(ctx, b.counterLabels.get(target)!, 'europe', target, {
    attacker: {
      actor: 'nato-europe',
      power: Math.trunc((g.strength * g.readiness) / 100),
      multipliers: sideMultipliers(sc, -air, s.blocs.nato.munitions > 0),
    },
    defender: {
      actor: 'russia',
      power: power(occupiers),
      multipliers: sideMultipliers(sc, air, s.blocs.russia.munitions > 0),
    },
    terrain: axis.terrain,
  });
  const slot = 2 * b.ids.indexOf(b.byObjective.get(target)!);
  inflict(e, slot + 1, [g], out.attackerLossPm);
  inflict(e, slot, occupiers, out.defenderLossPm);
  const r = regionForWrite(s, target);
  const from = r.control;
  r.control = clamp(from - Math.trunc((out.shift * 100) / axis.depth), 0, 100);
  if (!ctx.quiet && r.control !== from)
    holdNote(ctx, target, 'Russia', from, r.control, out.shift, axis.depth);
  if (r.control === 0) recapture(ctx, target);
  return 1;
}

/** NATO retakes a region: the occupiers fall back to their staging area and may attack again. */
function recapture(ctx: Ctx, target: string): void {
  const s = ctx.s;
  const sc = ctx.sc;
  const e = s.europe;
  const b = balticIndex(sc);
  const id = b.byObjective.get(target)!;
  const a = b.axes.get(id)!;
  const staging = Object.keys(a.from)[0]!;
  const r = regionForWrite(s, target);
  r.owner = 'nato-europe';
  r.control = sc.rules.baltic.recaptureHoldPct;
  r.contested = true;
  for (const f of s.forces) if (f.actor === 'russia' && f.region === target) f.region = staging;
  e.counterAttack = '';
  const inPlan =
    e.operation === 'offensive'
      ? Object.values(a.from).some((p) => p > 0)
      : e.operation === 'incursion' && e.launched === 'incursion';
  const f = forceById(s, axisForceId(id));
  if (inPlan && f && f.strength > 0) e.axes = b.ids.filter((x) => x === id || e.axes.includes(x));
  syncTargets(s, sc);
  if (!sc.roles.balticStates.some((x) => s.regions[x]?.owner === 'russia'))
    ctx.setFlag('balticCapitalFallen', false);
  ctx.note(
    'europe',
    ['nato-europe', 'russia'],
    `Allied forces liberate ${sc.regions[target]!.name}.`,
    target,
  );
}

/**
 * The axis NATO should reinforce: the one under attack whose objective's control is lowest (the
 * scenario's order breaks ties), else the first whose objective is occupied (forces gather next to
 * it for a counter-attack), else the axis aimed at the Baltic state NATO holds most thinly.
 *
 * @example
 * const region = balticIndex(sc).axes.get(pressedAxis(state, sc))!.objective;
 */
export function pressedAxis(s: GameState, sc: Scenario): string {
  const b = balticIndex(sc);
  let best = '';
  let low = 101;
  for (const id of s.europe.axes) {
    const c = s.regions[b.axes.get(id)!.objective]?.control ?? 100;
    if (c < low) {
      low = c;
      best = id;
    }
  }
  if (best) return best;
  // Nothing under attack: build up next to an occupied objective, for the counter-attack.
  for (const id of b.ids) if (s.regions[b.axes.get(id)!.objective]?.owner === 'russia') return id;
  let thin = Infinity;
  for (const r of sc.roles.balticStates) {
    const id = b.byObjective.get(r);
    if (!id || s.regions[r]?.owner === 'russia') continue;
    const st = strength(s, 'nato-europe', [r], GROUND);
    if (st < thin) {
      thin = st;
      best = id;
    }
  }
  return best || b.ids[0]!;
}
