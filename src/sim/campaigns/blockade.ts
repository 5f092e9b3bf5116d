import type { Ctx } from '../context';
import { ACTORS, type ActorId } from '../ids';
import type { Modifier } from '../log';
import { units } from '../air-sea';
import { indoPacificAirSea } from '../measures';
import type { Rules } from '../scenario/rules';
import type { Scenario } from '../scenario/schema';
import { clamp, type AirSeaSide, type EnergyState, type GameState } from '../state';

/**
 * Blockade economics: Taiwan's energy stocks and the power they make, the convoys that try to
 * bring more and the fights over them, Taiwan's will to hold out, and what a quarantine, a
 * blockade or a war in the Strait costs every actor.
 *
 * The model, in the order a step runs it (every number is in `rules.blockade`):
 *
 * 1. Convoys. Every `convoyIntervalSteps` steps under a blockade or a war (the first on the first
 *    step), a convoy sails: escorted by the US (once it has intervened) and Japan (once it has
 *    joined), otherwise by Taiwan's own navy (none sails if Taiwan has no navy left). Its chance
 *    to get through is a base, plus the escorts, minus China's sea control. One that gets through
 *    keeps the lane open until the next sails: it brings `convoyCargoPct` of normal imports, less
 *    the ships sunk on the way, for the interval. One that fails loses half its ships and brings
 *    nothing. Escorts and the PLA navy lose surface ships either way (from the air and sea war's
 *    stocks, so they show in its loss report). A convoy that gets through while the allies hold
 *    the sea by `breakControl` or more breaks the blockade.
 * 2. What gets through besides. A quarantine lets `quarantineThroughPct` of normal imports in, a
 *    blockade `blockadeThroughPct` (none: what arrives comes by convoy), a war in the Strait
 *    without a declared blockade `warThroughPct`. Once the pressure ends imports run `restockPct`
 *    above normal until the stocks are full again.
 * 3. Stocks run down. LNG, coal and oil are held as hours of pre-crisis use (CSIS "Lights Out?",
 *    2025: about 10 days, 7 weeks and 20 weeks). Each step burns `stepHours` of each and adds what
 *    got through; a stock that hits zero is logged with the day of the pressure it ran out.
 * 4. Power. Each fuel generates its share of Taiwan's power (scenario mix) while its stock lasts,
 *    and only what gets through once it is gone; renewables and nuclear are domestic. The shortfall
 *    is rationed: the military, hospitals and utilities first (`essentialPowerPct` of demand),
 *    homes and commerce next (`householdPowerPct`), industry last.
 * 5. The supply track. `taiwanSupply` (read by combat, scenario conditions and the UI) is set each
 *    step to 100 − the power shortfall, less `oilOutSupplyLoss` once oil has run out (transport and
 *    military fuel), bounded to 0..100.
 *
 * Once a turn (`blockadeTurn`): Taiwan's domestic support falls with the turn's average power
 * shortfall, and every actor pays the economic cost of the turn's regime, scaled from Bloomberg
 * Economics (2024) estimates of first-year GDP lost. `capitulation` rolls Taiwan's acceptance of
 * terms from the power shortfall, its people's support and US intervention.
 */

type BlockadeRules = Rules['blockade'];

/** Stock units: a hundredth of an hour of pre-crisis consumption. */
export const UNITS_PER_HOUR = 100;
/** Stock units in a day of pre-crisis consumption. */
export const UNITS_PER_DAY = 24 * UNITS_PER_HOUR;
const HOURS_PER_YEAR = 8760;

export type Fuel = 'lng' | 'coal' | 'oil';
const FUELS: readonly Fuel[] = ['lng', 'coal', 'oil'];
const FUEL_NAME: Record<Fuel, string> = { lng: 'LNG', coal: 'Coal', oil: 'Oil' };
const OUT_AT = { lng: 'lngOutAt', coal: 'coalOutAt', oil: 'oilOutAt' } as const;

/**
 * A full stock of a fuel, in stock units.
 *
 * @example
 * fullStock(sc.rules.blockade, 'lng') // 24000: 10 days × 2400
 */
export function fullStock(r: BlockadeRules, fuel: Fuel): number {
  const days = fuel === 'lng' ? r.lngStockDays : fuel === 'coal' ? r.coalStockDays : r.oilStockDays;
  return days * UNITS_PER_DAY;
}

/**
 * The energy picture before any pressure: full stocks, no shortfall, clocks at rest.
 *
 * @example
 * const state = { ...rest, energy: initialEnergy(scenario) };
 */
export function initialEnergy(sc: Scenario): EnergyState {
  const r = sc.rules.blockade;
  return {
    lng: fullStock(r, 'lng'),
    coal: fullStock(r, 'coal'),
    oil: fullStock(r, 'oil'),
    shortfall: 0,
    avgShortfall: 0,
    hours: 0,
    steps: 0,
    lngOutAt: -1,
    coalOutAt: -1,
    oilOutAt: -1,
    convoys: 0,
    convoysArrived: 0,
    merchantShipsLost: 0,
    laneInflow: 0,
    laneSteps: 0,
    quarantineHours: 0,
    blockadeHours: 0,
    warHours: 0,
    taiwanLossBpH: 0,
    turnPowerBpH: 0,
    turnShortfallH: 0,
  };
}

/** What is being done to Taiwan's sea trade, for costs: war outranks blockade, blockade quarantine. */
export type StraitRegime = 'none' | 'quarantine' | 'blockade' | 'war';

/**
 * The regime that sets this turn's economic cost.
 *
 * @example
 * straitRegime(state, sc.rules.blockade) // 'blockade' once China declares one, 'war' at rung 4+
 */
export function straitRegime(s: GameState, r: BlockadeRules): StraitRegime {
  if (s.tracks.escalation.indoPacific >= r.warRung) return 'war';
  if (s.flags.blockadeActive) return 'blockade';
  if (s.flags.quarantineActive) return 'quarantine';
  return 'none';
}

/**
 * Imports reaching Taiwan now, as a percentage of normal: a declared blockade first, then a war
 * in the Strait, then a quarantine; above 100 (restocking) once the sea is open. Taiwan taken by
 * China is supplied by China.
 *
 * @example
 * importsThroughPct(state, sc.rules.blockade) // 0 under a blockade, 50 under a quarantine
 */
export function importsThroughPct(s: GameState, r: BlockadeRules): number {
  if (s.taiwan.phase === 'fallen') return 100 + r.restockPct;
  if (s.flags.blockadeActive) return r.blockadeThroughPct;
  if (s.tracks.escalation.indoPacific >= r.warRung) return r.warThroughPct;
  if (s.flags.quarantineActive) return r.quarantineThroughPct;
  return 100 + r.restockPct;
}

/** Taiwan's power at a moment: generation, shortfall, and how each rationing tier is served. */
export interface Power {
  /** Generation as a percentage of pre-crisis demand. */
  readonly generation: number;
  readonly shortfall: number;
  /** Percentage of each tier's demand met: military, hospitals and utilities; homes and commerce; industry. */
  readonly essential: number;
  readonly homes: number;
  readonly industry: number;
  /** Taiwan's output lost at this level of power, in basis points of annual GDP. */
  readonly outputLossBp: number;
}

function fuelPower(share: number, stock: number, inflowPct: number): number {
  return stock > 0 ? share : Math.trunc((share * Math.min(100, inflowPct)) / 100);
}

/**
 * Taiwan's power from the stocks left and what gets through. Industry, the last tier, weighs
 * `industryOutputPct` of output; homes and commerce the rest.
 *
 * @example
 * power(energy, sc.rules.blockade, 0) // LNG gone under blockade: { generation: 54, shortfall: 46, ... }
 */
export function power(e: EnergyState, r: BlockadeRules, inflowPct: number): Power {
  const generation = clamp(
    fuelPower(r.gasPowerPct, e.lng, inflowPct) +
      fuelPower(r.coalPowerPct, e.coal, inflowPct) +
      fuelPower(r.oilPowerPct, e.oil, inflowPct) +
      r.nuclearPowerPct +
      r.renewablePowerPct,
    0,
    100,
  );
  const ess = r.essentialPowerPct;
  const homesTier = r.householdPowerPct;
  const industryTier = 100 - ess - homesTier;
  const essential = Math.trunc((Math.min(generation, ess) * 100) / ess);
  const homes = Math.trunc((clamp(generation - ess, 0, homesTier) * 100) / homesTier);
  const industry = Math.trunc(
    (clamp(generation - ess - homesTier, 0, industryTier) * 100) / industryTier,
  );
  const outputLossBp =
    (100 - industry) * r.industryOutputPct + (100 - homes) * (100 - r.industryOutputPct);
  return { generation, shortfall: 100 - generation, essential, homes, industry, outputLossBp };
}

/**
 * Whether the energy picture is at rest (open sea, full stocks, no shortfall): then
 * `blockadeStep` does nothing.
 *
 * @example
 * if (!energyAtRest(state, sc)) blockadeStep(ctx);
 */
export function energyAtRest(s: GameState, sc: Scenario): boolean {
  const r = sc.rules.blockade;
  const e = s.energy;
  return (
    importsThroughPct(s, r) >= 100 &&
    e.shortfall === 0 &&
    e.lng === fullStock(r, 'lng') &&
    e.coal === fullStock(r, 'coal') &&
    e.oil === fullStock(r, 'oil')
  );
}

/**
 * One operational step of Taiwan's energy war (call it every step; it returns at once while the
 * sea is open and the stocks are full). Runs the stocks down by what gets through, sails a convoy
 * when one is due, works out the power shortfall and its rationing, and sets `taiwanSupply`.
 * Returns the number of convoy fights (for China's munitions spent).
 *
 * `seaControl` (China's side, -100..100) is what a convoy sails against; by default it is read
 * when a convoy is due from `convoySeaControl`. A caller with a better reading (the air and sea
 * war's) may pass it.
 *
 * @example
 * s.turnStats.combats.china += blockadeStep(ctx); // in each operational step of adjudication
 */
export function blockadeStep(ctx: Ctx, seaControl?: number): number {
  const s = ctx.s;
  const r = ctx.sc.rules.blockade;
  const e = s.energy;
  const through = importsThroughPct(s, r);
  if (through >= 100 && e.shortfall === 0 && atFull(e, r)) {
    if (e.hours !== 0) restart(e);
    return 0;
  }
  const h = ctx.sc.rules.clock.stepHours;
  const before = e.hours;
  e.hours += h;
  e.steps++;
  let fights = 0;
  if (
    through < 100 &&
    (s.flags.blockadeActive || s.tracks.escalation.indoPacific >= r.warRung) &&
    (e.steps - 1) % r.convoyIntervalSteps === 0
  )
    fights += convoy(ctx, r, seaControl ?? convoySeaControl(s, ctx.sc));
  let inflow = through;
  if (e.laneSteps > 0) {
    inflow += e.laneInflow;
    e.laneSteps--;
  }
  const net = h * (inflow - 100);
  for (const f of FUELS) {
    const stock = e[f];
    const next = clamp(stock + net, 0, fullStock(r, f));
    e[f] = next;
    if (stock > 0 && next === 0) {
      const at = before + Math.ceil(stock / (100 - inflow));
      if (e[OUT_AT[f]] < 0) e[OUT_AT[f]] = at;
      if (!ctx.quiet) logRunsOut(ctx, f, at, inflow);
    }
  }
  const p = power(e, r, inflow);
  const from = e.shortfall;
  e.shortfall = p.shortfall;
  e.turnShortfallH += p.shortfall * h;
  e.turnPowerBpH += p.outputLossBp * h;
  const supply = clamp(100 - p.shortfall - (e.oil === 0 ? r.oilOutSupplyLoss : 0), 0, 100);
  if (supply !== s.tracks.taiwanSupply)
    ctx.adjust(
      'taiwanSupply',
      supply - s.tracks.taiwanSupply,
      'power and fuel on Taiwan (100 − power shortfall, less oil once it is gone)',
      'indoPacific',
    );
  if (
    !ctx.quiet &&
    Math.trunc(from / r.shortfallLogStep) !== Math.trunc(p.shortfall / r.shortfallLogStep)
  )
    logShortfall(ctx, from, p, inflow);
  return fights;
}

function atFull(e: EnergyState, r: BlockadeRules): boolean {
  return (
    e.lng === fullStock(r, 'lng') &&
    e.coal === fullStock(r, 'coal') &&
    e.oil === fullStock(r, 'oil')
  );
}

/** The sea is open and the stocks are full again: the blockade clock stops. */
function restart(e: EnergyState): void {
  e.hours = 0;
  e.steps = 0;
  e.lngOutAt = -1;
  e.coalOutAt = -1;
  e.oilOutAt = -1;
}

function days(units: number): string {
  return (units / UNITS_PER_DAY).toFixed(1);
}

function logRunsOut(ctx: Ctx, f: Fuel, at: number, inflow: number): void {
  const r = ctx.sc.rules.blockade;
  const share = f === 'lng' ? r.gasPowerPct : f === 'coal' ? r.coalPowerPct : r.oilPowerPct;
  const day = (at / 24).toFixed(1);
  ctx.emit({
    type: 'adjudication',
    kind: 'blockade',
    theater: 'indoPacific',
    actors: ['taiwan', 'china'],
    region: ctx.sc.roles.taiwanMain,
    visibleTo: 'all',
    inputs: { fuel: f, blockadeHour: at, powerSharePct: share, importsThroughPct: inflow },
    modifiers: [],
    roll: null,
    result: `${f} exhausted`,
    text:
      `${FUEL_NAME[f]} stocks run out on day ${day} of the pressure on Taiwan's shipping: its plants ` +
      `(${share}% of Taiwan's power) now run only on what gets through (${inflow}% of normal imports).`,
  });
}

function logShortfall(ctx: Ctx, from: number, p: Power, inflow: number): void {
  const e = ctx.s.energy;
  ctx.emit({
    type: 'adjudication',
    kind: 'blockade',
    theater: 'indoPacific',
    actors: ['taiwan'],
    region: ctx.sc.roles.taiwanMain,
    visibleTo: 'all',
    inputs: {
      generationPct: p.generation,
      importsThroughPct: inflow,
      lngDays: days(e.lng),
      coalDays: days(e.coal),
      oilDays: days(e.oil),
    },
    modifiers: [],
    roll: null,
    result: `power shortfall ${from}% → ${p.shortfall}%`,
    text:
      `Taiwan's power shortfall ${from}% → ${p.shortfall}% (generation ${p.generation}% of demand; ` +
      `stocks LNG ${days(e.lng)} d, coal ${days(e.coal)} d, oil ${days(e.oil)} d). Rationing: ` +
      `military, hospitals and utilities ${p.essential}% served, homes and commerce ${p.homes}%, ` +
      `industry ${p.industry}%.`,
  });
}

const CONVOY_PURPOSES = Array.from({ length: 16 }, (_, k) => `blockade:convoy:${k}`);

/**
 * Surface ships of `side` sunk at `pm` per mille of its stock (thousandths of a ship, exact), taken
 * from the air and sea war's stocks so that they show in its loss report.
 */
function sinkSurface(s: GameState, side: AirSeaSide, pm: number): number {
  const a = s.airSea;
  const have = a.stocks[side].surface;
  const take = Math.min(have, Math.trunc((have * pm) / 1000));
  a.stocks[side].surface = have - take;
  a.lost[side].surface += take;
  return take;
}

/**
 * The convoy's chance to get through: a base, the escorts, and China's sea control against it.
 *
 * @example
 * convoyChance(sc.rules.blockade, true, false, 20).chance // 40 + 25 - 10 = 55
 */
export function convoyChance(
  r: BlockadeRules,
  us: boolean,
  japan: boolean,
  seaControl: number,
  named = true,
): { chance: number; modifiers: Modifier[] } {
  const modifiers: Modifier[] = [
    { name: 'convoy base', value: r.convoyBasePct },
    { name: 'US escort', value: us ? r.usEscortPct : 0 },
    { name: 'Japanese escort', value: japan ? r.japanEscortPct : 0 },
    {
      name: named ? `China's sea control ${seaControl} × ${r.convoyControlWeightPct}%` : '',
      value: -Math.trunc((seaControl * r.convoyControlWeightPct) / 100),
    },
  ];
  let total = 0;
  for (const m of modifiers) total += m.value;
  return { chance: clamp(total, r.convoyMinPct, r.convoyMaxPct), modifiers };
}

/**
 * China's sea control around Taiwan for convoys, -100..100 from China's side (for now the
 * force-based air and sea balance of `indoPacificAirSea`).
 *
 * @example
 * convoySeaControl(state, scenario) // 53 with Taiwan alone, below 0 with the US and Japan in
 */
export function convoySeaControl(s: GameState, sc: Scenario): number {
  return indoPacificAirSea(s, sc).control;
}

function convoy(ctx: Ctx, r: BlockadeRules, control: number): number {
  const s = ctx.s;
  const e = s.energy;
  const us = s.flags.usIntervened;
  const japan = s.flags.japanJoined;
  // Without allied escorts Taiwan runs its own convoys, if it has a navy left to escort them.
  if (!us && !japan && s.airSea.stocks.taiwan.surface <= 0) return 0;
  const { chance, modifiers } = convoyChance(r, us, japan, control, !ctx.quiet);
  const stream = ctx.rng(CONVOY_PURPOSES[ctx.step] ?? `blockade:convoy:${ctx.step}`);
  const roll = stream.d100();
  const arrived = roll <= chance;
  const ships = r.convoyShips;
  const lossPct = arrived ? r.shipLossSuccessPct : r.shipLossFailPct;
  const shipsLost = Math.trunc((ships * lossPct + 50) / 100);
  // The cargo lands over the interval: the convoy keeps the lane open until the next one sails,
  // less the share of its ships sunk on the way.
  const lane = arrived ? Math.trunc((r.convoyCargoPct * (100 - lossPct)) / 100) : 0;
  e.convoys++;
  e.merchantShipsLost += shipsLost;
  e.laneInflow = lane;
  e.laneSteps = arrived ? r.convoyIntervalSteps : 0;
  if (arrived) e.convoysArrived++;
  const escortPm = arrived ? r.escortLossSuccessPm : r.escortLossFailPm;
  const usLost = us ? sinkSurface(s, 'usa', escortPm) : 0;
  const jpLost = japan ? sinkSurface(s, 'japan', escortPm) : 0;
  const twLost = sinkSurface(s, 'taiwan', escortPm);
  const cnLost = sinkSurface(s, 'china', arrived ? r.chinaLossSuccessPm : r.chinaLossFailPm);
  const breaks = arrived && s.flags.blockadeActive && control <= -r.breakControl;
  if (breaks) ctx.setFlag('blockadeActive', false);
  if (!ctx.quiet) {
    const escorts: ActorId[] = ['taiwan'];
    if (us) escorts.unshift('usa');
    if (japan) escorts.splice(escorts.length - 1, 0, 'japan');
    const who = escorts.join(', ');
    const sunk =
      `escorts lose ${units(usLost + jpLost + twLost)} surface ships (` +
      (us ? `US ${units(usLost)}, ` : '') +
      (japan ? `Japan ${units(jpLost)}, ` : '') +
      `Taiwan ${units(twLost)}), the PLA navy ${units(cnLost)}`;
    ctx.emit({
      type: 'adjudication',
      kind: 'blockade',
      theater: 'indoPacific',
      actors: [...escorts, 'china'],
      region: ctx.sc.roles.taiwanStrait,
      visibleTo: 'all',
      inputs: {
        convoy: e.convoys,
        escorts: who,
        seaControl: control,
        ships,
        lanePct: lane,
        escortShipsLost: units(usLost + jpLost + twLost),
        chinaShipsLost: units(cnLost),
      },
      modifiers,
      roll: { stream: stream.label, die: 'd100', value: roll, target: chance },
      result: arrived ? `convoy arrives (${ships - shipsLost} of ${ships} ships)` : 'convoy fails',
      text: arrived
        ? `Convoy ${e.convoys} (escorts: ${who}; China's sea control ${control}): chance ${chance}%, roll ${roll}: ` +
          `it gets through with ${ships - shipsLost} of ${ships} ships, bringing ${lane}% of normal energy imports ` +
          `for the next ${r.convoyIntervalSteps} steps; ${sunk}.` +
          (breaks ? ' The allies hold the sea: the blockade is broken.' : '')
        : `Convoy ${e.convoys} (escorts: ${who}; China's sea control ${control}): chance ${chance}%, roll ${roll}: ` +
          `it is turned back with ${shipsLost} of ${ships} ships sunk; ${sunk}.`,
    });
  }
  return 1;
}

const BLOCKADE_KEY: Record<ActorId, keyof BlockadeRules> = {
  china: 'blockadeBpChina',
  russia: 'blockadeBpRussia',
  usa: 'blockadeBpUsa',
  'nato-europe': 'blockadeBpEurope',
  taiwan: 'blockadeBpTaiwan',
  japan: 'blockadeBpJapan',
  ukraine: 'blockadeBpUkraine',
  'north-korea': 'blockadeBpNorthKorea',
  iran: 'blockadeBpIran',
  'non-aligned': 'blockadeBpNonAligned',
};
const WAR_KEY: Record<ActorId, keyof BlockadeRules> = {
  china: 'warBpChina',
  russia: 'warBpRussia',
  usa: 'warBpUsa',
  'nato-europe': 'warBpEurope',
  taiwan: 'warBpTaiwan',
  japan: 'warBpJapan',
  ukraine: 'warBpUkraine',
  'north-korea': 'warBpNorthKorea',
  iran: 'warBpIran',
  'non-aligned': 'warBpNonAligned',
};

/**
 * An actor's annual GDP lost under a regime, in basis points (Bloomberg Economics, 2024, first
 * year; a quarantine at `quarantineCostPct` of a blockade).
 *
 * @example
 * annualLossBp(sc.rules.blockade, 'china', 'blockade') // 890: 8.9% of GDP a year
 */
export function annualLossBp(r: BlockadeRules, actor: ActorId, regime: StraitRegime): number {
  switch (regime) {
    case 'none':
      return 0;
    case 'quarantine':
      return Math.trunc((r[BLOCKADE_KEY[actor]] * r.quarantineCostPct) / 100);
    case 'blockade':
      return r[BLOCKADE_KEY[actor]];
    case 'war':
      return r[WAR_KEY[actor]];
    default: {
      const never: never = regime;
      throw new Error(`unknown regime ${String(never)}`);
    }
  }
}

const rateCache = new WeakMap<BlockadeRules, Record<ActorId, readonly [number, number, number]>>();

/** Each actor's annual loss under a quarantine, a blockade and a war (computed once per rules). */
function rates(r: BlockadeRules): Record<ActorId, readonly [number, number, number]> {
  let m = rateCache.get(r);
  if (!m) {
    m = {} as Record<ActorId, readonly [number, number, number]>;
    for (const a of ACTORS)
      m[a] = [
        annualLossBp(r, a, 'quarantine'),
        annualLossBp(r, a, 'blockade'),
        annualLossBp(r, a, 'war'),
      ];
    rateCache.set(r, m);
  }
  return m;
}

/**
 * Once a turn, in the events phase: the economic cost of the turn's regime to every actor, and
 * Taiwan's domestic support following its average power shortfall over the turn.
 *
 * Costs: each actor loses its annual GDP rate (`annualLossBp`) for the turn's hours; Taiwan loses
 * the larger of its trade-loss rate and the output its power shortfall cost (rationing: industry
 * first). One point of `economicCost` is `costPointBp` of a year's GDP, added as whole points are
 * crossed (the remainders carry, so slow costs still add up).
 *
 * @example
 * blockadeTurn(ctx); // after economyTurn(ctx, ...) in events
 */
export function blockadeTurn(ctx: Ctx): void {
  const s = ctx.s;
  const r = ctx.sc.rules.blockade;
  const e = s.energy;
  const regime = straitRegime(s, r);
  const th = ctx.sc.calendar.turnHours;
  const shortfallH = e.turnShortfallH;
  const powerBpH = e.turnPowerBpH;
  const avg = Math.trunc(shortfallH / th);
  e.turnShortfallH = 0;
  e.turnPowerBpH = 0;
  e.avgShortfall = avg;
  if (regime === 'none' && powerBpH === 0 && shortfallH === 0) return;
  const perPoint = r.costPointBp * HOURS_PER_YEAR;
  const q = e.quarantineHours;
  const b = e.blockadeHours;
  const w = e.warHours;
  if (regime === 'quarantine') e.quarantineHours += th;
  else if (regime === 'blockade') e.blockadeHours += th;
  else if (regime === 'war') e.warHours += th;
  const table = rates(r);
  for (const a of ACTORS) {
    if (a === 'taiwan') continue;
    const [rq, rb, rw] = table[a];
    const was = Math.trunc((q * rq + b * rb + w * rw) / perPoint);
    const now = Math.trunc(
      (e.quarantineHours * rq + e.blockadeHours * rb + e.warHours * rw) / perPoint,
    );
    if (now > was) ctx.adjustCost(a, now - was, COST_CAUSE[regime]);
  }
  const twWas = Math.trunc(e.taiwanLossBpH / perPoint);
  e.taiwanLossBpH += Math.max(annualLossBp(r, 'taiwan', regime) * th, powerBpH);
  const twNow = Math.trunc(e.taiwanLossBpH / perPoint);
  if (twNow > twWas)
    ctx.adjustCost('taiwan', twNow - twWas, 'output lost to the blockade and the power shortfall');
  const loss = Math.trunc((avg * r.supportLossAtBlackout + 50) / 100);
  if (loss > 0)
    ctx.adjustSupport('taiwan', -loss, 'blackouts and rationing (average power shortfall)');
  if (!ctx.quiet)
    ctx.note(
      'indoPacific',
      ['taiwan'],
      `Taiwan's energy at the end of the turn (${regime}): stocks LNG ${days(e.lng)} d, coal ` +
        `${days(e.coal)} d, oil ${days(e.oil)} d; average power shortfall ${avg}%; convoys ` +
        `${e.convoysArrived} of ${e.convoys} through, merchant ships lost ${e.merchantShipsLost}.`,
      ctx.sc.roles.taiwanMain,
    );
}

const COST_CAUSE: Record<StraitRegime, string> = {
  none: 'the Strait',
  quarantine: 'the quarantine of Taiwan: trade, chips and shipping',
  blockade: 'the blockade of Taiwan: trade, chips, shipping and sanctions',
  war: 'war in the Taiwan Strait: trade, chips, shipping and sanctions',
};

/**
 * Taiwan's chance this turn of accepting terms, with its modifiers: the turn's average power
 * shortfall above `capitulationShortfall`, support below `capitulationSupportPivot`, and US
 * intervention; bounded to 0..`capitulationMaxPct`.
 *
 * @example
 * capitulationChance(state, sc.rules.blockade).chance // 35 at an 85% shortfall and support 30
 */
export function capitulationChance(
  s: GameState,
  r: BlockadeRules,
  named = true,
): { chance: number; modifiers: Modifier[] } {
  const short = s.energy.avgShortfall;
  const support = s.actors.taiwan.support;
  const modifiers: Modifier[] = [
    {
      name: named
        ? `power shortfall ${short}% over ${r.capitulationShortfall}% × ${r.capitulationShortfallWeightPct}%`
        : '',
      value: Math.trunc(
        ((short - r.capitulationShortfall) * r.capitulationShortfallWeightPct) / 100,
      ),
    },
    {
      name: named
        ? `domestic support ${support} below ${r.capitulationSupportPivot} × ${r.capitulationSupportWeightPct}%`
        : '',
      value: Math.max(
        0,
        Math.trunc(((r.capitulationSupportPivot - support) * r.capitulationSupportWeightPct) / 100),
      ),
    },
    { name: 'US intervening', value: s.flags.usIntervened ? -r.capitulationUsDiscount : 0 },
  ];
  let total = 0;
  for (const m of modifiers) total += m.value;
  return { chance: clamp(total, 0, r.capitulationMaxPct), modifiers };
}

/**
 * Once a turn, in the events phase (after `blockadeTurn`, which sets the turn's average power
 * shortfall): under a blockade or quarantine Taiwan may accept terms. The chance rises with the
 * average shortfall above `capitulationShortfall` and with domestic support below
 * `capitulationSupportPivot`; US intervention lowers it; it is capped at `capitulationMaxPct`.
 *
 * @example
 * blockadeTurn(ctx);
 * capitulation(ctx); // rolls only while blockaded or quarantined with the shortfall past its threshold
 */
export function capitulation(ctx: Ctx): void {
  const s = ctx.s;
  const r = ctx.sc.rules.blockade;
  const short = s.energy.avgShortfall;
  if (
    !(s.flags.blockadeActive || s.flags.quarantineActive) ||
    s.flags.indoPacificSettlement ||
    short < r.capitulationShortfall
  )
    return;
  const support = s.actors.taiwan.support;
  const { chance, modifiers } = capitulationChance(s, r, !ctx.quiet);
  const yields = ctx.chanceRoll({
    purpose: 'taiwan:capitulation',
    chance,
    kind: 'capitulation',
    theater: 'indoPacific',
    region: ctx.sc.roles.taiwanMain,
    actors: ['taiwan', 'china'],
    inputs: {
      averagePowerShortfall: short,
      support,
      usIntervened: s.flags.usIntervened,
    },
    modifiers,
    result: ['Taiwan accepts terms', 'Taiwan holds out'],
    text: (roll, ok) =>
      `Blockade pressure (power shortfall ${short}%, support ${support}): chance Taiwan accepts terms ${chance}%, roll ${roll}: ${ok ? 'Taipei accepts talks on Beijing’s terms' : 'Taiwan holds out'}.`,
  });
  if (yields) {
    ctx.setFlag('taiwanNegotiating');
    ctx.setFlag('chinaNegotiating');
    ctx.setFlag('indoPacificSettlement');
    ctx.setFlag('blockadeActive', false);
    ctx.setFlag('quarantineActive', false);
    s.taiwan.phase = 'settled';
    s.taiwan.since = s.turn;
    ctx.deescalate('indoPacific', 2, 'a coerced settlement');
  }
}
