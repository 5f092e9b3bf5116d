import type { Ctx } from './context';
import { usForcesIn } from './us-pool';
import type { Scenario } from './scenario/schema';
import {
  AIR_SEA_SIDES,
  STOCKS,
  type AirSeaSide,
  type AirSeaState,
  type GameState,
  type StockKind,
  type Stocks,
} from './state';

/**
 * The air and sea war around Taiwan, as stocks that fight each 12-hour step: China's missiles
 * strike airfields (Taiwan's, and Japan's and Guam's once the US is in), the air forces meet over
 * the Strait, the allies' anti-ship missiles and submarines sink the invasion fleet and its
 * escorts, and China's anti-ship missiles hunt allied ships and carriers. Japan's bases set how
 * many US sorties fly and how many US missiles are launched. Every rate is a scenario figure,
 * calibrated so that the CSIS base case (US prompt, Japan's bases open) reproduces CSIS's average
 * losses over about three weeks; the losses and what was made are reported by side.
 *
 * Counts are thousandths (a stock of 4 carriers is 4,000), so that a rate of 0.3 ships a step
 * accumulates exactly in integers.
 */

export const MILLI = 1000;

function zero(): Stocks {
  return {
    carriers: 0,
    surface: 0,
    submarines: 0,
    amphibious: 0,
    aircraft: 0,
    antiShip: 0,
    landAttack: 0,
  };
}

/**
 * The opening stocks from the scenario's `rules.airSea`.
 *
 * @example
 * initialAirSea(scenario).stocks.usa.carriers // 4000: four carriers in thousandths
 */
export function initialAirSea(sc: Scenario): AirSeaState {
  const r = sc.rules.airSea;
  const k = (n: number): number => n * MILLI;
  return {
    stocks: {
      usa: {
        carriers: k(r.usaCarriers),
        surface: k(r.usaSurface),
        submarines: k(r.usaSubmarines),
        amphibious: 0,
        aircraft: k(r.usaAircraft),
        antiShip: k(r.usaAntiShip),
        landAttack: 0,
      },
      china: {
        carriers: k(r.chinaCarriers),
        surface: k(r.chinaSurface),
        submarines: k(r.chinaSubmarines),
        amphibious: k(r.chinaAmphibious),
        aircraft: k(r.chinaAircraft),
        antiShip: k(r.chinaAntiShip),
        landAttack: k(r.chinaLandAttack),
      },
      japan: {
        ...zero(),
        surface: k(r.japanSurface),
        submarines: k(r.japanSubmarines),
        aircraft: k(r.japanAircraft),
        antiShip: k(r.japanAntiShip),
      },
      taiwan: {
        ...zero(),
        surface: k(r.taiwanSurface),
        submarines: k(r.taiwanSubmarines),
        aircraft: k(r.taiwanAircraft),
        antiShip: k(r.taiwanAntiShip),
      },
    },
    lost: { usa: zero(), china: zero(), japan: zero(), taiwan: zero() },
    produced: { usa: zero(), china: zero(), japan: zero(), taiwan: zero() },
    airControl: 0,
    seaControl: 0,
    usPresence: 0,
  };
}

/**
 * Whether the air and sea war over Taiwan is being fought: China is striking or invading.
 *
 * @example
 * if (strikeWarActive(ctx.s)) airSeaStep(ctx);
 */
export function strikeWarActive(s: GameState): boolean {
  const p = s.taiwan.phase;
  return p === 'strikes' || p === 'crossing' || p === 'lodgement' || p === 'breakout';
}

/** Whether the invasion fleet is at sea or shuttling to the beaches. */
export function fleetAtSea(s: GameState): boolean {
  const p = s.taiwan.phase;
  return p === 'crossing' || p === 'lodgement' || p === 'breakout';
}

/**
 * How much of the full US posture is in the Pacific now, 0..100: US air and naval strength there
 * (the pool's arrived units and the forces based in the theater) against the posture CSIS assumed.
 *
 * @example
 * usPresencePct(state, scenario) // 55 at the start; 100 once carriers and wings have surged
 */
export function usPresencePct(s: GameState, sc: Scenario): number {
  const here = usForcesIn(s, sc, 'indoPacific', US_AIR_SEA);
  const full = sc.rules.airSea.usFullPosturePower;
  return full <= 0 ? 100 : Math.min(100, Math.trunc((here * 100) / full));
}

const US_AIR_SEA = ['air', 'naval'] as const;

/** A d100 as a multiplier of 100 ± `spread` percent. */
function fortune(roll: number, spread: number): number {
  return 100 - spread + Math.trunc(((roll - 1) * 2 * spread) / 99);
}

/** Take up to `n` from a side's stock; record the loss; return what was taken. */
function lose(a: AirSeaState, side: AirSeaSide, kind: StockKind, n: number): number {
  const have = a.stocks[side][kind];
  const take = n < 0 ? 0 : n > have ? have : n;
  a.stocks[side][kind] = have - take;
  a.lost[side][kind] += take;
  return take;
}

/** Spend (fire) munitions: taken from the stock but not counted as lost in battle. */
function spend(a: AirSeaState, side: AirSeaSide, kind: StockKind, n: number): number {
  const have = a.stocks[side][kind];
  const take = n < 0 ? 0 : n > have ? have : n;
  a.stocks[side][kind] = have - take;
  return take;
}

/** `x × pm / 1000 × pct / 100`, in integers. */
function rate(x: number, pm: number, pct = 100): number {
  return Math.trunc((Math.trunc((x * pm) / 1000) * pct) / 100);
}

/** Whole units from thousandths, with one decimal: 2,350 → "2.3". */
export function units(milli: number): string {
  const tenths = Math.trunc(milli / 100);
  return `${Math.trunc(tenths / 10)}.${Math.abs(tenths % 10)}`;
}

function control(east: number, west: number): number {
  if (east + west <= 0) return 0;
  const c = Math.trunc(((east - west) * 100) / (east + west));
  return c < -100 ? -100 : c > 100 ? 100 : c;
}

/**
 * One 12-hour step of the air and sea war. Returns the thousandths of amphibious ships sunk (the
 * lift the invasion loses this step).
 *
 * @example
 * ctx.atStep(0);
 * const sunk = airSeaStep(ctx); // updates ctx.s.airSea.stocks, .lost, .airControl, .seaControl
 */
export function airSeaStep(ctx: Ctx): number {
  const s = ctx.s;
  if (!strikeWarActive(s)) return 0;
  const r = ctx.sc.rules.airSea;
  const a = s.airSea;
  const st = a.stocks;
  const us = s.flags.usIntervened;
  const bases = us && s.flags.japanBasesOpen;
  // The US fights with what it has in the theater: its stocks are those of the full posture CSIS
  // assumed, engaged in proportion to the US air and naval units actually there (the pool's
  // units move between theaters; a swing to Europe thins the Pacific).
  const usIn = us ? usPresencePct(s, ctx.sc) : 0;
  a.usPresence = usIn;
  const westStream = ctx.rng(`air-sea:allies:${ctx.step}`);
  const westRoll = westStream.d100();
  const chinaRoll = ctx.rng(`air-sea:china:${ctx.step}`).d100();
  const wf = fortune(westRoll, r.fortunePct);
  const cf = fortune(chinaRoll, r.fortunePct);

  // 1. China's missiles strike airfields: most aircraft are lost on the ground (CSIS).
  const fired = spend(a, 'china', 'landAttack', rate(st.china.landAttack, r.landAttackSalvoPm));
  const atJapan = bases ? Math.trunc((fired * r.japanBaseSharePct) / 100) : 0;
  const atGuam = us ? Math.trunc((fired * r.guamSharePct) / 100) : 0;
  const atTaiwan = fired - atJapan - atGuam;
  if (atJapan > 0 && !s.flags.japanJoined) {
    ctx.setFlag('japanJoined');
    ctx.note(
      'indoPacific',
      ['china', 'japan', 'usa'],
      'China strikes US bases in Japan: Japan is attacked and fights alongside the United States.',
      'japan',
    );
  }
  const jp = s.flags.japanJoined;
  const twGround = lose(a, 'taiwan', 'aircraft', rate(atTaiwan, r.groundKillTaiwanPm, cf));
  const japanKill = rate(atJapan, r.groundKillJapanPm, cf);
  const usAircraftIn = Math.trunc((st.usa.aircraft * usIn) / 100);
  const usInJapan = Math.trunc((usAircraftIn * r.usJapanBasedPct) / 100);
  const inJapan = usInJapan + st.japan.aircraft;
  const usJapanGround = lose(
    a,
    'usa',
    'aircraft',
    inJapan > 0 ? Math.trunc((japanKill * usInJapan) / inJapan) : 0,
  );
  const jpGround = lose(a, 'japan', 'aircraft', japanKill - usJapanGround);
  const guamGround = lose(a, 'usa', 'aircraft', rate(atGuam, r.groundKillGuamPm, cf));

  // 2. The air battle over the Strait: sorties against sorties.
  const cnSorties = rate(st.china.aircraft, r.chinaSortiePm);
  const usSorties = us ? rate(usAircraftIn, bases ? r.usSortieBasesPm : r.usSortieNoBasesPm) : 0;
  const jpSorties = jp ? rate(st.japan.aircraft, r.japanSortiePm) : 0;
  const twSorties = rate(st.taiwan.aircraft, r.taiwanSortiePm);
  const west = usSorties + jpSorties + twSorties;
  const cnAir = lose(a, 'china', 'aircraft', rate(west, r.alliedAirKillPm, wf));
  const westAir = rate(cnSorties, r.chinaAirKillPm, cf);
  let usAir = 0;
  let jpAir = 0;
  let twAir = 0;
  if (west > 0) {
    usAir = lose(a, 'usa', 'aircraft', Math.trunc((westAir * usSorties) / west));
    jpAir = lose(a, 'japan', 'aircraft', Math.trunc((westAir * jpSorties) / west));
    twAir = lose(
      a,
      'taiwan',
      'aircraft',
      westAir - Math.trunc((westAir * usSorties) / west) - Math.trunc((westAir * jpSorties) / west),
    );
  }
  a.airControl = control(cnSorties, west);

  // 3. The allies' anti-ship missiles and submarines against the PLA Navy and the invasion fleet.
  const usFired = us
    ? spend(
        a,
        'usa',
        'antiShip',
        rate(
          Math.trunc((st.usa.antiShip * usIn) / 100),
          r.usAntiShipSalvoPm,
          bases ? 100 : r.usAntiShipNoBasesPct,
        ),
      )
    : 0;
  const twFired = spend(a, 'taiwan', 'antiShip', rate(st.taiwan.antiShip, r.taiwanAntiShipSalvoPm));
  const jpFired = jp
    ? spend(a, 'japan', 'antiShip', rate(st.japan.antiShip, r.japanAntiShipSalvoPm))
    : 0;
  const usSubs = Math.trunc((st.usa.submarines * usIn) / 100);
  const subs = usSubs + (jp ? st.japan.submarines : 0) + st.taiwan.submarines;
  const sunkByMissiles = rate(usFired + twFired + jpFired, r.alliedHitPm, wf);
  const sunkBySubs = rate(subs, r.subKillPm, wf);
  const sunk = sunkByMissiles + sunkBySubs;
  const towardsAmphibs = fleetAtSea(s) ? Math.trunc((sunk * r.amphibSharePct) / 100) : 0;
  const amphib = lose(a, 'china', 'amphibious', towardsAmphibs);
  const surface = lose(a, 'china', 'surface', sunk - amphib);

  // 4. China's anti-ship missiles against allied ships, carriers included.
  const exTw = Math.trunc((st.taiwan.surface * r.taiwanShipExposurePct) / 100);
  const exJp = jp ? Math.trunc((st.japan.surface * r.alliedShipExposurePct) / 100) : 0;
  const exUs = Math.trunc(
    (Math.trunc((st.usa.surface * usIn) / 100) * r.alliedShipExposurePct) / 100,
  );
  const exCv = Math.trunc(
    (Math.trunc((st.usa.carriers * usIn) / 100) * r.carrierExposurePct) / 100,
  );
  const exposure = exTw + exJp + exUs + exCv;
  let twShips = 0;
  let jpShips = 0;
  let usShips = 0;
  let carriers = 0;
  let cnFired = 0;
  if (exposure > 0) {
    cnFired = spend(a, 'china', 'antiShip', rate(st.china.antiShip, r.chinaAntiShipSalvoPm));
    const hits = rate(cnFired, r.chinaHitPm, cf);
    twShips = lose(a, 'taiwan', 'surface', Math.trunc((hits * exTw) / exposure));
    jpShips = lose(a, 'japan', 'surface', Math.trunc((hits * exJp) / exposure));
    usShips = lose(a, 'usa', 'surface', Math.trunc((hits * exUs) / exposure));
    carriers = lose(
      a,
      'usa',
      'carriers',
      Math.trunc((hits * exCv) / exposure / r.carrierHitsToSink),
    );
  }
  // Submarines are lost hunting the fleet: a steady toll, heavier for the side without sea control.
  lose(a, 'usa', 'submarines', rate(usSubs, r.submarineLossPm));

  // 5. Sea control: ships, submarines and aircraft on each side.
  const seaPower = (side: AirSeaSide, on: boolean): number =>
    on
      ? st[side].surface +
        st[side].carriers * r.carrierSeaWeight +
        st[side].submarines * r.submarineSeaWeight +
        Math.trunc(st[side].aircraft / r.aircraftSeaDivisor)
      : 0;
  a.seaControl = control(
    seaPower('china', true) + st.china.amphibious,
    seaPower('usa', us) + seaPower('japan', jp) + seaPower('taiwan', true),
  );

  if (!ctx.quiet)
    ctx.emit({
      type: 'adjudication',
      kind: 'air-sea',
      theater: 'indoPacific',
      region: ctx.sc.roles.taiwanStrait,
      actors: [
        'china',
        'taiwan',
        ...(us ? (['usa'] as const) : []),
        ...(jp ? (['japan'] as const) : []),
      ],
      visibleTo: 'all',
      inputs: {
        step: ctx.step,
        usIntervened: us,
        usPresencePct: usIn,
        japanBasesOpen: bases,
        japanFighting: jp,
        chinaMissilesFired: units(fired),
        chinaSorties: units(cnSorties),
        alliedSorties: units(west),
        alliedAntiShipFired: units(usFired + twFired + jpFired),
        alliedSubmarines: units(subs),
        chinaAntiShipFired: units(cnFired),
      },
      modifiers: [
        { name: 'allied fortune (%)', value: wf },
        { name: 'Chinese fortune (%)', value: cf },
      ],
      roll: { stream: westStream.label, die: 'd100', value: westRoll },
      result: `air control ${a.airControl}, sea control ${a.seaControl} (China's side)`,
      text:
        `Air and sea war, step ${ctx.step + 1}: China fires ${units(fired)} missiles at airfields ` +
        `(Taiwan ${units(atTaiwan)}, Japan ${units(atJapan)}, Guam ${units(atGuam)}), destroying on the ground ` +
        `${units(twGround)} Taiwanese, ${units(usJapanGround + guamGround)} US and ${units(jpGround)} Japanese aircraft. ` +
        `Air battle: ${units(cnSorties)} Chinese sorties vs ${units(west)} allied (US ${units(usSorties)}${bases ? ' from Japan and beyond' : ' without Japan’s bases'}); ` +
        `China loses ${units(cnAir)} aircraft, the allies ${units(usAir + jpAir + twAir)} (US ${units(usAir)}, Japan ${units(jpAir)}, Taiwan ${units(twAir)}). ` +
        `Allied anti-ship missiles ${units(usFired + twFired + jpFired)} and ${units(subs)} submarines sink ${units(amphib)} amphibious ships and ${units(surface)} warships. ` +
        `China's anti-ship missiles (${units(cnFired)}) sink ${units(usShips)} US ships, ${units(carriers)} carriers, ${units(jpShips)} Japanese and ${units(twShips)} Taiwanese ships. ` +
        `Rolls ${westRoll} (allies, fortune ${wf}%) and ${chinaRoll} (China, ${cf}%): air control ${a.airControl}, sea control ${a.seaControl} from China's side.`,
    });
  return amphib;
}

/**
 * Munitions made in a turn, by side (the stocks are otherwise only spent).
 *
 * @example
 * airSeaProduction(ctx); // once a turn, at the first step
 */
export function airSeaProduction(ctx: Ctx): void {
  const r = ctx.sc.rules.airSea;
  const a = ctx.s.airSea;
  const add = (side: AirSeaSide, kind: StockKind, n: number): void => {
    a.stocks[side][kind] += n;
    a.produced[side][kind] += n;
  };
  add('usa', 'antiShip', r.usAntiShipPerTurnMilli);
  add('china', 'antiShip', r.chinaAntiShipPerTurnMilli);
  add('china', 'landAttack', r.chinaLandAttackPerTurnMilli);
  add('japan', 'antiShip', r.japanAntiShipPerTurnMilli);
  add('taiwan', 'antiShip', r.taiwanAntiShipPerTurnMilli);
  if (!ctx.quiet && strikeWarActive(ctx.s))
    ctx.note(
      'indoPacific',
      ['usa', 'china', 'japan', 'taiwan'],
      `Munitions made this turn: US ${units(r.usAntiShipPerTurnMilli)} anti-ship missiles; China ${units(r.chinaAntiShipPerTurnMilli)} anti-ship and ${units(r.chinaLandAttackPerTurnMilli)} land-attack; Japan ${units(r.japanAntiShipPerTurnMilli)}; Taiwan ${units(r.taiwanAntiShipPerTurnMilli)}. Stocks now: US ${units(a.stocks.usa.antiShip)} anti-ship; China ${units(a.stocks.china.antiShip)} anti-ship, ${units(a.stocks.china.landAttack)} land-attack.`,
    );
}

const SIDE_NAME: Record<AirSeaSide, string> = {
  usa: 'United States',
  china: 'China',
  japan: 'Japan',
  taiwan: 'Taiwan',
};
const STOCK_NAME: Record<StockKind, string> = {
  carriers: 'carriers',
  surface: 'surface ships',
  submarines: 'submarines',
  amphibious: 'amphibious ships',
  aircraft: 'aircraft',
  antiShip: 'anti-ship missiles',
  landAttack: 'land-attack missiles',
};

/**
 * The air and sea war by side, one line each: what was lost, what was made, what is left.
 *
 * @example
 * airSeaReport(state) // ['United States: lost 2 carriers, 17 surface ships, ...; made 12 anti-ship missiles', ...]
 */
export function airSeaReport(s: GameState): string[] {
  const out: string[] = [];
  for (const side of AIR_SEA_SIDES) {
    const lost = STOCKS.filter(
      (k) => k !== 'antiShip' && k !== 'landAttack' && s.airSea.lost[side][k] >= MILLI,
    ).map((k) => `${Math.trunc(s.airSea.lost[side][k] / MILLI)} ${STOCK_NAME[k]}`);
    const made = STOCKS.filter((k) => s.airSea.produced[side][k] >= MILLI).map(
      (k) => `${Math.trunc(s.airSea.produced[side][k] / MILLI)} ${STOCK_NAME[k]}`,
    );
    const left = (['antiShip', 'landAttack'] as const)
      .filter((k) => s.airSea.stocks[side][k] > 0)
      .map((k) => `${Math.trunc(s.airSea.stocks[side][k] / MILLI)} ${STOCK_NAME[k]}`);
    out.push(
      `${SIDE_NAME[side]}: lost ${lost.join(', ') || 'nothing'}; made ${made.join(', ') || 'nothing'}${left.length ? `; left ${left.join(', ')}` : ''}`,
    );
  }
  return out;
}

/** The losses of each side in whole units, for reports and tests. */
export type LossReport = Record<AirSeaSide, Record<StockKind, number>>;

/**
 * Losses by side, in whole units (rounded down).
 *
 * @example
 * lossReport(state).usa.carriers // 2
 */
export function lossReport(s: GameState): LossReport {
  const out = {} as LossReport;
  for (const side of AIR_SEA_SIDES) {
    const row = {} as Record<StockKind, number>;
    for (const k of STOCKS) row[k] = Math.trunc(s.airSea.lost[side][k] / MILLI);
    out[side] = row;
  }
  return out;
}
