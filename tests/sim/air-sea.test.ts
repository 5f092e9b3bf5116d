import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  airSeaProduction,
  airSeaReport,
  airSeaStep,
  fleetAtSea,
  initialAirSea,
  lossReport,
  MILLI,
  strikeWarActive,
  units,
} from '../../src/sim/air-sea';
import { Ctx } from '../../src/sim/context';
import { TAIWAN_PHASES, type TaiwanPhase } from '../../src/sim/ids';
import type { LogEntry } from '../../src/sim/log';
import { createInitialState, resolveLevers } from '../../src/sim/setup';
import { AIR_SEA_SIDES, STOCKS, type GameState, type StockKind } from '../../src/sim/state';
import { game, scenario } from '../helpers/game';

/**
 * The air and sea war around Taiwan as stocks (src/sim/air-sea.ts), one 12-hour step at a time,
 * on small states whose stocks and flags are set by hand: Japan's bases and the US's sorties and
 * missiles, China's missiles at Japanese bases bringing Japan in, the invasion fleet sunk only
 * while it is at sea, carriers lost at a fraction of the hits on ships, stocks that never go
 * negative, and production. Rolls are seeded (turn 4, the step's index), so two states that differ
 * only in one flag see the same dice: a difference between them is the flag's.
 */

const SC = scenario('two-front').scenario;
const AS = SC.rules.airSea;
const TURN = SC.calendar.turnHours;

type Adjudication = Extract<LogEntry, { type: 'adjudication' }>;

interface Setup {
  phase?: TaiwanPhase;
  us?: boolean;
  bases?: boolean;
  japanJoined?: boolean;
  /** Stocks to set, in thousandths, by side. */
  stocks?: Partial<Record<(typeof AIR_SEA_SIDES)[number], Partial<Record<StockKind, number>>>>;
  seed?: string;
}

function state(o: Setup = {}): GameState {
  const lv = resolveLevers(SC, {});
  if (!lv.ok) throw new Error(lv.error.message);
  const s = createInitialState(SC, o.seed ?? 'air-sea', lv.value);
  s.turn = 4;
  s.hour = (s.turn - 1) * TURN;
  s.taiwan.phase = o.phase ?? 'crossing';
  s.flags.usIntervened = o.us ?? false;
  s.flags.japanBasesOpen = o.bases ?? false;
  s.flags.japanJoined = o.japanJoined ?? false;
  for (const [side, kinds] of Object.entries(o.stocks ?? {}))
    Object.assign(s.airSea.stocks[side as (typeof AIR_SEA_SIDES)[number]], kinds);
  return s;
}

/** One step of the air and sea war on `s` (in place). */
function run(s: GameState, k = 0, quiet = false): { ctx: Ctx; sunk: number; entry?: Adjudication } {
  const ctx = new Ctx(s, SC, 'adjudication', { inPlace: true, quiet });
  ctx.atStep(k);
  const sunk = airSeaStep(ctx);
  const entry = ctx.log.find(
    (e): e is Adjudication => e.type === 'adjudication' && e.kind === 'air-sea',
  );
  return { ctx, sunk, ...(entry ? { entry } : {}) };
}

const num = (e: Adjudication | undefined, k: string): number => Number(e!.inputs[k]);
const rate = (x: number, pm: number, pct = 100): number =>
  Math.trunc((Math.trunc((x * pm) / 1000) * pct) / 100);

describe('Japan’s bases', () => {
  // China's land-attack stock is emptied so that no missile reaches Japan (which would bring Japan
  // in, and its sorties with it), and Taiwan has no aircraft: the allied sorties are the US's.
  const quietJapan = { china: { landAttack: 0 }, taiwan: { aircraft: 0 } };

  it('open, the US flies more sorties and fires more missiles than without them', () => {
    const withBases = state({ us: true, bases: true, stocks: quietJapan });
    const without = state({ us: true, bases: false, stocks: quietJapan });
    const usMissiles = withBases.airSea.stocks.usa.antiShip;
    const a = run(withBases);
    const b = run(without);
    const sortiesWith = num(a.entry, 'alliedSorties');
    const sortiesWithout = num(b.entry, 'alliedSorties');
    expect(sortiesWith).toBeGreaterThan(sortiesWithout);
    // The US fights with the share of its full posture that is in the Pacific (logged).
    const presence = a.entry!.inputs['usPresencePct'] as number;
    expect(presence).toBeGreaterThan(0);
    expect(b.entry!.inputs['usPresencePct']).toBe(presence);
    const inTheater = (n: number) => Math.trunc((n * presence) / 100);
    const aircraft = inTheater(SC.rules.airSea.usaAircraft * MILLI);
    expect(units(rate(aircraft, AS.usSortieBasesPm))).toBe(a.entry!.inputs['alliedSorties']);
    expect(units(rate(aircraft, AS.usSortieNoBasesPm))).toBe(b.entry!.inputs['alliedSorties']);
    const firedWith = usMissiles - withBases.airSea.stocks.usa.antiShip;
    const firedWithout = usMissiles - without.airSea.stocks.usa.antiShip;
    expect(firedWith).toBe(rate(inTheater(usMissiles), AS.usAntiShipSalvoPm));
    expect(firedWithout).toBe(
      rate(inTheater(usMissiles), AS.usAntiShipSalvoPm, AS.usAntiShipNoBasesPct),
    );
    expect(firedWith).toBeGreaterThan(firedWithout);
    // And it shows: same dice, more Chinese aircraft shot down and more ships sunk.
    expect(withBases.airSea.lost.china.aircraft).toBeGreaterThan(
      without.airSea.lost.china.aircraft,
    );
    const sunk = (s: GameState) => s.airSea.lost.china.surface + s.airSea.lost.china.amphibious;
    expect(sunk(withBases)).toBeGreaterThan(sunk(without));
    expect(a.entry!.inputs['japanBasesOpen']).toBe(true);
    expect(b.entry!.inputs['japanBasesOpen']).toBe(false);
  });

  it('open bases count only once the US is fighting', () => {
    const s = state({ us: false, bases: true, stocks: quietJapan });
    const { entry } = run(s);
    expect(entry!.inputs['japanBasesOpen']).toBe(false);
    expect(num(entry, 'alliedSorties')).toBe(0);
    expect(s.airSea.lost.usa).toEqual(initialAirSea(SC).lost.usa);
  });

  it('China’s missiles at Japanese bases bring Japan in', () => {
    const s = state({ us: true, bases: true });
    expect(s.airSea.stocks.china.landAttack).toBeGreaterThan(0);
    const { ctx, entry } = run(s);
    expect(s.flags.japanJoined).toBe(true);
    expect(entry!.inputs['japanFighting']).toBe(true);
    expect(
      ctx.log.some((e) => e.type === 'change' && /strikes US bases in Japan/.test(e.text)),
    ).toBe(true);
    // Japan's own sorties and missiles join in the same step, and it takes losses.
    expect(s.airSea.stocks.japan.antiShip).toBeLessThan(AS.japanAntiShip * MILLI);
    expect(s.airSea.lost.japan.aircraft).toBeGreaterThan(0);
  });

  it('Japan stays out: bases shut, or no missile left to fire at them', () => {
    for (const o of [
      { us: true, bases: false },
      { us: false, bases: true },
      { us: true, bases: true, stocks: { china: { landAttack: 0 } } },
    ] as const) {
      const s = state(o);
      const { entry } = run(s);
      expect(s.flags.japanJoined, JSON.stringify(o)).toBe(false);
      expect(entry!.inputs['japanFighting']).toBe(false);
      expect(s.airSea.stocks.japan).toEqual(initialAirSea(SC).stocks.japan);
    }
  });
});

describe('the invasion fleet and the carriers', () => {
  it('amphibious ships are sunk only while the fleet is at sea', () => {
    for (const phase of TAIWAN_PHASES) {
      const s = state({ phase, us: true, bases: true });
      const before = structuredClone(s.airSea);
      const { sunk } = run(s);
      const lostAmphib = s.airSea.lost.china.amphibious;
      expect(sunk, phase).toBe(lostAmphib);
      if (fleetAtSea(s)) {
        expect(lostAmphib, phase).toBeGreaterThan(0);
        // About amphibSharePct of the ships sunk, the rest warships.
        const total = lostAmphib + s.airSea.lost.china.surface;
        expect(lostAmphib, phase).toBe(Math.trunc((total * AS.amphibSharePct) / 100));
      } else {
        expect(lostAmphib, phase).toBe(0);
        expect(s.airSea.stocks.china.amphibious).toBe(before.stocks.china.amphibious);
      }
      // Outside the strike war nothing is fought at all.
      if (!strikeWarActive(s)) expect(s.airSea, phase).toEqual(before);
    }
    // During the strikes the PLA Navy is still hit.
    const strikes = state({ phase: 'strikes', us: true, bases: true });
    run(strikes);
    expect(strikes.airSea.lost.china.surface).toBeGreaterThan(0);
  });

  it('carriers are lost at a fraction of the hits on ships', () => {
    // Make a carrier group exactly as exposed as the US surface fleet: then the carriers lost are
    // the US ships lost divided by the hits it takes to sink a carrier (rounded down).
    const ships = AS.carrierExposurePct * MILLI;
    const carriers = AS.alliedShipExposurePct * MILLI;
    expect(Math.trunc((ships * AS.alliedShipExposurePct) / 100)).toBe(
      Math.trunc((carriers * AS.carrierExposurePct) / 100),
    );
    const s = state({ us: true, bases: false, stocks: { usa: { surface: ships, carriers } } });
    run(s);
    const lostShips = s.airSea.lost.usa.surface;
    const lostCarriers = s.airSea.lost.usa.carriers;
    expect(lostShips).toBeGreaterThan(0);
    expect(lostCarriers).toBe(Math.trunc(lostShips / AS.carrierHitsToSink));
    // Without the US in the war its ships are not targets at all.
    const out = state({ us: false, stocks: { usa: { surface: ships, carriers } } });
    run(out);
    expect(out.airSea.lost.usa.carriers + out.airSea.lost.usa.surface).toBe(0);
  });

  it('in the CSIS base case the US loses carriers, and fewer of them than surface ships', () => {
    const g = game('two-front')
      .seed('3')
      .set('chinaCourse', 'invasion')
      .set('russiaCourse', 'stay-out')
      .turns(10)
      .quiet()
      .play();
    const r = lossReport(g.state);
    expect(r.usa.carriers).toBeGreaterThan(0);
    expect(r.usa.carriers).toBeLessThan(r.usa.surface);
  });
});

const sides = AIR_SEA_SIDES;
const stockArb = fc.record(
  Object.fromEntries(STOCKS.map((k) => [k, fc.integer({ min: 0, max: 3_000_000 })])) as Record<
    StockKind,
    fc.Arbitrary<number>
  >,
);

describe('stocks', () => {
  it('never go negative, and ships and aircraft are only ever lost (stock + lost is constant)', () => {
    fc.assert(
      fc.property(
        fc.record({ usa: stockArb, china: stockArb, japan: stockArb, taiwan: stockArb }),
        fc.constantFrom<TaiwanPhase>('strikes', 'crossing', 'lodgement', 'breakout'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 14 }),
        fc.string({ maxLength: 6 }),
        (stocks, phase, us, bases, japanJoined, steps, seed) => {
          const s = state({ phase, us, bases, japanJoined, stocks, seed });
          const start = structuredClone(s.airSea);
          for (let k = 0; k < steps; k++) run(s, k % 7, true);
          const a = s.airSea;
          for (const side of sides)
            for (const k of STOCKS) {
              expect(Number.isInteger(a.stocks[side][k]), `${side}.${k}`).toBe(true);
              expect(a.stocks[side][k], `${side}.${k}`).toBeGreaterThanOrEqual(0);
              expect(a.lost[side][k], `${side}.${k}`).toBeGreaterThanOrEqual(0);
              expect(a.stocks[side][k], `${side}.${k}`).toBeLessThanOrEqual(start.stocks[side][k]);
              if (k !== 'antiShip' && k !== 'landAttack')
                expect(a.stocks[side][k] + a.lost[side][k], `${side}.${k}`).toBe(
                  start.stocks[side][k] + start.lost[side][k],
                );
            }
          expect(Math.abs(a.airControl)).toBeLessThanOrEqual(100);
          expect(Math.abs(a.seaControl)).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('start from the scenario’s figures, in thousandths', () => {
    const a = initialAirSea(SC);
    expect(a.stocks.usa.carriers).toBe(AS.usaCarriers * MILLI);
    expect(a.stocks.china.amphibious).toBe(AS.chinaAmphibious * MILLI);
    expect(a.stocks.japan.aircraft).toBe(AS.japanAircraft * MILLI);
    expect(a.stocks.taiwan.antiShip).toBe(AS.taiwanAntiShip * MILLI);
    expect(a.stocks.usa.amphibious + a.stocks.japan.carriers + a.stocks.taiwan.landAttack).toBe(0);
  });
});

describe('production', () => {
  const PER_TURN = {
    usa: { antiShip: AS.usAntiShipPerTurnMilli },
    china: { antiShip: AS.chinaAntiShipPerTurnMilli, landAttack: AS.chinaLandAttackPerTurnMilli },
    japan: { antiShip: AS.japanAntiShipPerTurnMilli },
    taiwan: { antiShip: AS.taiwanAntiShipPerTurnMilli },
  } as const;

  it('adds the scenario’s per-turn figures to the stocks, and records them as produced', () => {
    const s = state();
    const before = structuredClone(s.airSea);
    const ctx = new Ctx(s, SC, 'adjudication', { inPlace: true });
    airSeaProduction(ctx);
    airSeaProduction(ctx);
    for (const side of sides)
      for (const k of STOCKS) {
        const made = (PER_TURN[side] as Partial<Record<StockKind, number>>)[k] ?? 0;
        expect(s.airSea.produced[side][k], `${side}.${k}`).toBe(2 * made);
        expect(s.airSea.stocks[side][k], `${side}.${k}`).toBe(before.stocks[side][k] + 2 * made);
      }
  });

  it('runs once a turn in a real game, and the record adds up', () => {
    const g = game('two-front').seed('1').turns(3).quiet().play();
    expect(g.state.airSea.produced.usa.antiShip).toBe(3 * AS.usAntiShipPerTurnMilli);
    expect(g.state.airSea.produced.china.landAttack).toBe(3 * AS.chinaLandAttackPerTurnMilli);
  });

  it('is reported by side: a log note each turn of the war, and airSeaReport beside the losses', () => {
    const g = game('two-front')
      .seed('1')
      .set('chinaCourse', 'invasion')
      .set('russiaCourse', 'stay-out')
      .turns(6)
      .play();
    const notes = g.log.filter(
      (e) => e.type === 'change' && e.text.startsWith('Munitions made this turn'),
    );
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]!.text).toContain(`US ${units(AS.usAntiShipPerTurnMilli)} anti-ship`);
    const report = airSeaReport(g.state);
    expect(report).toHaveLength(4);
    expect(report[0]).toMatch(/^United States: lost .*carriers?.*; made 12 anti-ship missiles/);
    expect(report[1]).toMatch(/^China: lost .*amphibious ships/);
  });
});
