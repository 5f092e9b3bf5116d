import { describe, expect, it } from 'vitest';
import { lossReport, MILLI } from '../../src/sim/air-sea';
import { taiwanCampaign } from '../../src/sim/campaigns/taiwan';
import { applyMultipliers, resolveEngagement } from '../../src/sim/combat';
import { Ctx } from '../../src/sim/context';
import type { LogEntry } from '../../src/sim/log';
import { stream } from '../../src/sim/random';
import { createInitialState, resolveLevers } from '../../src/sim/setup';
import { AIR_SEA_SIDES, STOCKS, type GameState } from '../../src/sim/state';
import { game, scenario, type GameRun } from '../helpers/game';

/**
 * The Taiwan campaign (src/sim/campaigns/taiwan.ts, src/sim/air-sea.ts) as the behaviour a user
 * reads in the log: when the fleet sails and the US enters, the landing, lift and supply, the
 * fight by sector, repulses that are not the end, Taipei's fall, losses by side, and every step's
 * numbers in the log. Two kinds of test:
 *
 * - real games through the engine (`game('two-front')...play()`), with China's and Russia's
 *   courses forced so the invasion comes in turn 4 whatever the AI thinks; seeds are deterministic,
 *   and the seeds named below were picked because they show the behaviour in question;
 * - small states built by hand (an invasion already under way, a lodgement of a chosen size at a
 *   chosen sector) and stepped with `taiwanCampaign(ctx)`, where the odds are made lopsided enough
 *   that the assertion holds for any roll.
 */

const SC = scenario('two-front').scenario;
const OPS = SC.rules.taiwanOps;
const STEP = SC.rules.clock.stepHours;
const TURN = SC.calendar.turnHours;
const SECTORS = SC.taiwanCampaign.sectors;
const CAPITAL = SECTORS.length - 1;

type Adjudication = Extract<LogEntry, { type: 'adjudication' }>;

function invasion(seed: string, levers: Record<string, unknown> = {}) {
  return game('two-front')
    .seed(seed)
    .set('chinaCourse', 'invasion')
    .set('russiaCourse', 'stay-out')
    .levers(levers);
}

function adjudications(g: GameRun, kind: string): Adjudication[] {
  return g.entries('adjudication').filter((e) => e.kind === kind && e.theater === 'indoPacific');
}

function notes(g: GameRun, pattern: RegExp): LogEntry[] {
  return g.log.filter((e) => e.type === 'change' && pattern.test(e.text));
}

/** The hour an air-sea or combat entry's operational step began. */
function stepStart(e: Adjudication): number {
  return (e.turn - 1) * TURN + (e.inputs['step'] as number) * STEP;
}

/** The air-sea entry of the step that began at `hour`. */
function stepOf(g: GameRun, hour: number): Adjudication | undefined {
  return adjudications(g, 'air-sea').find((e) => stepStart(e) === hour);
}

/** The first step start at or after `hour`. */
function stepStartFrom(hour: number): number {
  return Math.ceil(hour / STEP) * STEP;
}

/* --- small states ------------------------------------------------------------------------------ */

/** Turn 4 of a game whose invasion has been ordered (the fleet has not sailed yet). */
function ordered(levers: Record<string, unknown> = {}, seed = 'small'): GameState {
  const lv = resolveLevers(SC, { chinaCourse: 'invasion', russiaCourse: 'stay-out', ...levers });
  if (!lv.ok) throw new Error(lv.error.message);
  const s = createInitialState(SC, seed, lv.value);
  s.turn = 4;
  s.hour = (s.turn - 1) * TURN;
  s.flags.chinaMobilised = true;
  s.flags.strikesActive = true;
  s.flags.invasionLaunched = true;
  s.taiwan.phase = 'crossing';
  return s;
}

/** Run operational step `k` of the turn on `s` (in place); the log is kept. */
function step(s: GameState, k: number): Ctx {
  const ctx = new Ctx(s, SC, 'adjudication', { inPlace: true });
  ctx.atStep(k);
  taiwanCampaign(ctx);
  return ctx;
}

interface Lodgement {
  front: number;
  control: readonly number[];
  ashore: number;
  defenders: readonly number[];
  /** Amphibious ships afloat, in whole ships. */
  ships?: number;
}

/** A lodgement already ashore, as the campaign would have built it. */
function lodged(l: Lodgement, levers: Record<string, unknown> = {}): GameState {
  const s = ordered(levers);
  const t = s.taiwan;
  t.beganHour = s.hour - TURN;
  t.phase = l.front > 0 ? 'breakout' : 'lodgement';
  t.front = l.front;
  t.sectorControl = [...l.control];
  t.defenders = [...l.defenders];
  t.ashore = l.ashore;
  t.landed = l.ashore;
  if (l.ships !== undefined) s.airSea.stocks.china.amphibious = l.ships * MILLI;
  s.flags.taiwanLanding = true;
  return s;
}

function adj(ctx: Ctx, kind: string): Adjudication[] {
  return ctx.log.filter((e): e is Adjudication => e.type === 'adjudication' && e.kind === kind);
}

function modifier(e: Adjudication, name: string): number | undefined {
  return e.modifiers.find((m) => m.name === name)?.value;
}

/* --- the clock and the US's entry --------------------------------------------------------------- */

describe('when the fleet sails and the US enters', () => {
  it('the invasion’s first step records invasionBegins at a step start hour', () => {
    for (const seed of ['1', '2']) {
      const g = invasion(seed).turns(5).play();
      const ev = g.keyEvent('invasionBegins');
      expect(ev, seed).toBeDefined();
      expect(ev!.hour % STEP, seed).toBe(0);
      expect(ev!.hour).toBeGreaterThanOrEqual((ev!.turn - 1) * TURN);
      expect(ev!.hour).toBeLessThan(ev!.turn * TURN);
      expect(g.state.taiwan.beganHour).toBe(ev!.hour);
      // The forced course invades as soon as the army is mobilised and the strikes have begun.
      expect(ev!.turn).toBe(4);
      // The fleet's first step is fought over the Strait, at the step's start.
      expect(stepOf(g, ev!.hour)).toBeDefined();
    }
  });

  it('prompt: the US enters in the invasion’s first step, and Japan’s bases open with it', () => {
    for (const seed of ['1', '2']) {
      const g = invasion(seed, { usIntervention: 'prompt' }).turns(5).play();
      const began = g.keyEvent('invasionBegins')!;
      const us = g.keyEvent('usIntervenes');
      expect(us, seed).toBeDefined();
      expect(us!.hour).toBe(began.hour);
      expect(us!.turn).toBe(began.turn);
      // Already in the air-sea war of that step, and not in the strikes before it.
      const first = stepOf(g, began.hour)!;
      expect(first.inputs['usIntervened']).toBe(true);
      for (const e of adjudications(g, 'air-sea'))
        if (stepStart(e) < began.hour) expect(e.inputs['usIntervened']).toBe(false);
      expect(first.inputs['japanBasesOpen']).toBe(true);
      expect(g.state.flags.japanBasesOpen).toBe(true);
    }
  });

  it('delayed (the lever alone, the US seat deciding nothing): exactly usDelayedDays × 24 h later, at a step start', () => {
    for (const seed of ['1', '2']) {
      const g = invasion(seed, { usIntervention: 'delayed' }).human('usa').turns(8).play();
      const began = g.keyEvent('invasionBegins')!;
      const us = g.keyEvent('usIntervenes');
      const due = stepStartFrom(began.hour + OPS.usDelayedDays * 24);
      expect(us, seed).toBeDefined();
      expect(us!.hour).toBe(due);
      // No US sortie before it: every air-sea step that began earlier was fought without the US.
      for (const e of adjudications(g, 'air-sea'))
        expect(e.inputs['usIntervened'], `step from ${stepStart(e)}`).toBe(stepStart(e) >= due);
    }
  });

  // The US seat's own option honours the lever too: under `delayed` it is illegal until
  // `taiwanOps.usDelayedDays` after the invasion's first step.
  it('delayed, all-AI: the US seat cannot enter before the delay, and its entry is recorded', () => {
    const g = invasion('1', { usIntervention: 'delayed' }).turns(8).play();
    const began = g.keyEvent('invasionBegins')!;
    const us = g.keyEvent('usIntervenes');
    expect(us).toBeDefined();
    expect(us!.hour).toBeGreaterThanOrEqual(began.hour + OPS.usDelayedDays * 24);
    for (const e of adjudications(g, 'air-sea'))
      if (stepStart(e) < began.hour + OPS.usDelayedDays * 24)
        expect(e.inputs['usIntervened']).toBe(false);
  });

  it('none: the US never enters, whoever holds its seat', () => {
    for (const seed of ['1', '2']) {
      const g = invasion(seed, { usIntervention: 'none' }).turns(10).play();
      expect(g.happened('usIntervenes'), seed).toBe(false);
      expect(g.state.flags.usIntervened).toBe(false);
      expect(adjudications(g, 'air-sea').every((e) => e.inputs['usIntervened'] === false)).toBe(
        true,
      );
      expect(Object.values(lossReport(g.state).usa).every((n) => n === 0)).toBe(true);
    }
  });

  it('japanBases=false: the US enters but Japan’s bases never open, and Japan never fights', () => {
    const g = invasion('1', { usIntervention: 'prompt', japanBases: false }).turns(10).play();
    expect(g.keyEvent('usIntervenes')?.hour).toBe(g.keyEvent('invasionBegins')!.hour);
    expect(g.state.flags.japanBasesOpen).toBe(false);
    expect(g.state.flags.japanJoined).toBe(false);
    expect(notes(g, /Japan opens its bases/)).toEqual([]);
    const steps = adjudications(g, 'air-sea');
    expect(steps.length).toBeGreaterThan(0);
    for (const e of steps) {
      expect(e.inputs['japanBasesOpen']).toBe(false);
      expect(e.inputs['japanFighting']).toBe(false);
    }
    expect(Object.values(lossReport(g.state).japan).every((n) => n === 0)).toBe(true);
  });

  it('the lever opens Japan’s bases when the US enters, on a small state', () => {
    const open = ordered({ usIntervention: 'prompt', japanBases: true });
    const ctx = step(open, 2);
    expect(open.flags.usIntervened).toBe(true);
    expect(open.flags.japanBasesOpen).toBe(true);
    expect(ctx.log.some((e) => e.type === 'change' && /lever japanBases/.test(e.text))).toBe(true);
    // The fleet sails at the start of step 2 (24 h into the turn) and the US enters with it.
    expect(open.keyEvents.slice(0, 2).map((e) => [e.name, e.hour])).toEqual([
      ['invasionBegins', open.hour + 2 * STEP],
      ['usIntervenes', open.hour + 2 * STEP],
    ]);
    const shut = ordered({ usIntervention: 'prompt', japanBases: false });
    step(shut, 2);
    expect(shut.flags.usIntervened).toBe(true);
    expect(shut.flags.japanBasesOpen).toBe(false);
  });
});

/* --- the landing, lift and supply --------------------------------------------------------------- */

describe('the landing, lift and supply', () => {
  it('the first wave lands in the first step and records taiwanLanding', () => {
    const g = invasion('1').turns(4).play();
    const began = g.keyEvent('invasionBegins')!;
    const landing = g.keyEvent('taiwanLanding');
    expect(landing).toBeDefined();
    expect(landing!.hour).toBe(began.hour + STEP);
    expect(g.state.flags.taiwanLanding).toBe(true);
    const wave = adjudications(g, 'combat').find((e) => e.hour === landing!.hour)!;
    expect(wave.inputs['terrain']).toBe('strait');
    expect(wave.inputs['attacker']).toBe('china');
    expect(String(wave.roll?.stream)).toMatch(/engage:landing:0$/);
    expect(g.state.taiwan.landed).toBeGreaterThan(0);
  });

  it('lift is what the ships afloat carry: it falls as amphibious ships are sunk', () => {
    const lift = (ships: number): number => {
      const s = lodged({
        front: 0,
        control: [20, 0, 0],
        ashore: 40,
        defenders: [40, 30, 70],
        ships,
      });
      const e = adj(step(s, 1), 'lift')[0]!;
      // The lift is read after this step's sinkings, from what is still afloat.
      const afloat = s.airSea.stocks.china.amphibious;
      expect(e.inputs['liftShips']).toBe(
        Math.trunc(Math.trunc((afloat * OPS.liftPerShipPm) / 1000) / MILLI),
      );
      return e.inputs['liftShips'] as number;
    };
    const full = lift(SC.rules.airSea.chinaAmphibious);
    expect(full).toBeGreaterThan(0);
    expect(lift(Math.trunc(SC.rules.airSea.chinaAmphibious / 2))).toBeLessThan(full);
    expect(lift(0)).toBe(0);
    // In a real game (CSIS base, seed 3): the fleet shrinks step by step and the lift with it.
    const g = invasion('3').turns(10).play();
    const seen = adjudications(g, 'lift').map((e) => ({
      afloat: Number(e.inputs['amphibiousAfloat']),
      ships: e.inputs['liftShips'] as number,
    }));
    expect(seen.length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.afloat).toBeLessThanOrEqual(seen[i - 1]!.afloat);
      expect(seen[i]!.ships).toBeLessThanOrEqual(seen[i - 1]!.ships);
    }
    expect(seen[seen.length - 1]!.ships).toBeLessThan(seen[0]!.ships);
  });

  it('forces ashore are supplied by lift: ships, a taken port that speeds them, a taken airfield', () => {
    const supply = (control: number[], front: number, ships: number, ashore = 100) => {
      const s = lodged({ front, control, ashore, defenders: [0, 40, 70], ships });
      const e = adj(step(s, 1), 'lift')[0]!;
      // Lift is read after this step's air and sea war: ships afloat and air control as it left them.
      const base = Math.trunc(
        Math.trunc((s.airSea.stocks.china.amphibious * OPS.liftPerShipPm) / 1000) / MILLI,
      );
      const taken = SECTORS.filter((_, i) => control[i] === 100);
      const ports = taken.filter((x) => x.port).length;
      const fields = taken.filter((x) => x.airfield).length;
      const air = Math.max(0, s.airSea.airControl);
      const need = Math.max(1, Math.trunc((ashore * OPS.supplyNeedPm) / 1000));
      const expected = {
        ships: base,
        port: Math.trunc((base * ports * OPS.portLiftPct) / 100),
        air: Math.trunc((fields * OPS.airfieldLift * air) / 100),
        need,
      };
      const got = {
        ships: e.inputs['liftShips'],
        port: e.inputs['liftPort'],
        air: e.inputs['liftAirfield'],
        need: e.inputs['need'],
      };
      expect(got).toEqual(expected);
      const total = expected.ships + expected.port + expected.air;
      expect(s.taiwan.ashoreSupply).toBe(Math.min(100, Math.trunc((total * 100) / need)));
      return got;
    };
    const FLEET = SC.rules.airSea.chinaAmphibious;
    // Nothing taken: the ships alone.
    const beach = supply([60, 0, 0], 0, FLEET);
    expect(beach.ships).toBeGreaterThan(0);
    expect([beach.port, beach.air]).toEqual([0, 0]);
    // The southwest taken (Kaohsiung's port, Tainan's airfield): the port multiplies what the
    // ships bring; the airfield adds airlift while China holds the air.
    expect(SECTORS[0]!.port && SECTORS[0]!.airfield).toBeTruthy();
    const port = supply([100, 10, 0], 1, FLEET);
    expect(port.port).toBeGreaterThan(0);
    // A port with no ships to unload brings nothing by itself.
    const empty = supply([100, 10, 0], 1, 0);
    expect([empty.ships, empty.port]).toEqual([0, 0]);
  });

  it('a lodgement out of supply withers, and fights at the supply floor', () => {
    const starving = lodged({
      front: 0,
      control: [30, 0, 0],
      ashore: 100,
      defenders: [40, 30, 70],
      ships: 0,
    });
    const before = starving.taiwan.chinaLosses;
    const ctx = step(starving, 1);
    const e = adj(ctx, 'lift')[0]!;
    expect(modifier(e, 'supply of the forces ashore (%)')).toBe(0);
    const withered = -modifier(e, 'lost for want of supply')!;
    expect(withered).toBe(Math.trunc((100 * OPS.witherPm + 999) / 1000));
    expect(starving.taiwan.chinaLosses - before).toBeGreaterThanOrEqual(withered);
    const fight = adj(ctx, 'combat')[0]!;
    expect(modifier(fight, 'attacker: supply (%)')).toBe(SC.engagement.supplyFloorPct);

    // A small lodgement with the whole fleet behind it is fully supplied and loses nothing.
    const fed = lodged({
      front: 0,
      control: [30, 0, 0],
      ashore: 10,
      defenders: [40, 30, 70],
      ships: SC.rules.airSea.chinaAmphibious,
    });
    const f = adj(step(fed, 1), 'lift')[0]!;
    expect(modifier(f, 'supply of the forces ashore (%)')).toBe(100);
    expect(Math.abs(modifier(f, 'lost for want of supply')!)).toBe(0);
  });
});

/* --- the fight for Taiwan ----------------------------------------------------------------------- */

describe('the fight by sector', () => {
  it('Taiwan’s counter-attack pushes China’s control back down', () => {
    const s = lodged({ front: 0, control: [50, 0, 0], ashore: 10, defenders: [200, 30, 70] });
    const ctx = step(s, 1);
    const fight = adj(ctx, 'combat')[0]!;
    expect(fight.result).toMatch(/shift -\d+/);
    expect(s.taiwan.sectorControl[0]).toBeLessThan(50);
    expect(s.taiwan.phase).toBe('lodgement');
    // In a real game (CSIS base, seed 1) the lodgement loses ground in some steps.
    const g = invasion('1').turns(6).play();
    expect(
      adjudications(g, 'combat').some(
        (e) => /lodgement/.test(String(e.roll?.stream)) && /shift -\d/.test(e.result),
      ),
    ).toBe(true);
  });

  it('thrown out of a sector, the PLA falls back into the one behind, and loses its port', () => {
    const s = lodged({ front: 1, control: [100, 2, 0], ashore: 10, defenders: [0, 300, 70] });
    step(s, 1);
    expect(s.taiwan.front).toBe(0);
    expect(s.taiwan.sectorControl).toEqual([OPS.pushedBackControl, 0, 0]);
    const next = adj(step(s, 2), 'lift')[0]!;
    expect(next.inputs['liftPort']).toBe(0);
  });

  it('a destroyed lodgement leads to another landing while the fleet can carry one', () => {
    const s = lodged({ front: 0, control: [1, 0, 0], ashore: 5, defenders: [300, 30, 70] });
    step(s, 1);
    expect(s.taiwan.phase).toBe('crossing');
    expect(s.taiwan.ashore).toBe(0);
    expect(s.taiwan.failedWaves).toBe(1);
    expect(s.flags.invasionRepulsed).toBe(false);
    // The fleet regroups for regroupSteps steps, then sends another wave.
    const next = 1 + OPS.regroupSteps;
    for (let k = 2; k < next; k++) expect(adj(step(s, k), 'combat'), `step ${k}`).toEqual([]);
    const ctx = step(s, next);
    expect(adj(ctx, 'combat')[0]?.roll?.stream).toMatch(new RegExp(`engage:landing:${next}$`));
  });

  it('repulsed only when the capacity to go on is broken: the fleet gone (and no port)', () => {
    const few = Math.trunc((SC.rules.airSea.chinaAmphibious * OPS.minAmphibPct) / 100) - 1;
    const s = lodged({
      front: 0,
      control: [1, 0, 0],
      ashore: 5,
      defenders: [300, 30, 70],
      ships: few,
    });
    step(s, 1);
    expect(s.taiwan.phase).toBe('repulsed');
    expect(s.flags.invasionRepulsed).toBe(true);
    // A wave that is thrown back is not a repulse while the fleet can carry another.
    const t = ordered();
    for (let k = 0; k < 7 && t.taiwan.phase === 'crossing'; k++) step(t, k);
    expect(t.flags.invasionRepulsed).toBe(false);
  });

  it('repulsed when there is no one left to carry', () => {
    const s = ordered();
    for (const f of s.forces)
      if (f.actor === 'china' && f.kind === 'ground' && f.region === SC.roles.chinaStaging)
        f.strength = 0;
    step(s, 1);
    expect(s.taiwan.phase).toBe('repulsed');
    expect(s.flags.invasionRepulsed).toBe(true);
  });

  it('a sector taken: its surviving defenders fall back into the next, less those cut off', () => {
    // The centre, with the southwest already taken: no quiet sector sends reserves (the capital's
    // garrison stays), so the sums are the fight's and the retreat's alone.
    const s = lodged({ front: 1, control: [100, 99, 0], ashore: 600, defenders: [0, 20, 70] });
    const ctx = step(s, 1);
    const fight = adj(ctx, 'combat')[0]!;
    const defenderPm = Number(/\/ (\d+)‰$/.exec(fight.result)![1]);
    const engaged = Math.trunc((20 * OPS.engagedDefenderPct) / 100);
    const survivors = 20 - Math.min(engaged, Math.trunc((engaged * defenderPm + 999) / 1000));
    expect(s.taiwan.front).toBe(2);
    expect(s.taiwan.defenders[1]).toBe(0);
    expect(s.taiwan.defenders[2]).toBe(70 + Math.trunc((survivors * OPS.retreatPct) / 100));
  });

  it('Taipei falls only when the capital sector is taken', () => {
    // Taking the southwest is a breakout, not the end.
    const sw = lodged({ front: 0, control: [99, 0, 0], ashore: 600, defenders: [1, 40, 70] });
    step(sw, 1);
    expect(sw.taiwan.sectorControl[0]).toBe(100);
    expect([sw.taiwan.phase, sw.taiwan.front]).toEqual(['breakout', 1]);
    expect(sw.flags.taipeiFallen).toBe(false);
    expect(sw.keyEvents.some((e) => e.name === 'taipeiFalls')).toBe(false);
    // At the capital's gates, 99% held, it has not fallen.
    const gates = lodged({
      front: CAPITAL,
      control: [100, 100, 60],
      ashore: 10,
      defenders: [0, 0, 300],
    });
    step(gates, 1);
    expect(gates.flags.taipeiFallen).toBe(false);
    // Taken: Taipei falls, with its key event, and the island changes hands.
    const city = lodged({
      front: CAPITAL,
      control: [100, 100, 99],
      ashore: 600,
      defenders: [0, 0, 1],
    });
    step(city, 1);
    expect(city.flags.taipeiFallen).toBe(true);
    expect(city.taiwan.phase).toBe('fallen');
    expect(city.keyEvents.some((e) => e.name === 'taipeiFalls')).toBe(true);
    expect(city.regions[SC.roles.taiwanMain]!.owner).toBe('china');
  });

  it('in real games Taipei falls exactly when every sector is taken (Taiwan alone, seeds 0..9)', () => {
    let fallen = 0;
    for (let i = 0; i < 10; i++) {
      const g = invasion(String(i), { usIntervention: 'none', japanBases: false }).quiet().play();
      const t = g.state.taiwan;
      const all = t.sectorControl.every((c) => c === 100);
      expect(g.state.flags.taipeiFallen, `seed ${i}`).toBe(all);
      expect(g.happened('taipeiFalls'), `seed ${i}`).toBe(all);
      if (all) fallen++;
    }
    // Seed 4 is one where it falls (Taiwan alone): the campaign can be won as well as lost.
    expect(fallen).toBeGreaterThan(0);
    const g4 = invasion('4', { usIntervention: 'none', japanBases: false }).quiet().play();
    expect(g4.happened('taipeiFalls')).toBe(true);
  });
});

/* --- reports and the log ------------------------------------------------------------------------ */

describe('losses by side and the log', () => {
  it('lossReport gives each side’s losses in whole units', () => {
    const g = invasion('3', { usIntervention: 'prompt' }).turns(10).play();
    const r = lossReport(g.state);
    for (const side of AIR_SEA_SIDES)
      for (const k of STOCKS) {
        expect(r[side][k]).toBe(Math.trunc(g.state.airSea.lost[side][k] / MILLI));
        expect(r[side][k]).toBeGreaterThanOrEqual(0);
      }
    // The CSIS base case: the invasion fleet and the PLA Navy bleed, and so do the allies.
    expect(r.china.amphibious).toBeGreaterThan(0);
    expect(r.china.surface).toBeGreaterThan(0);
    expect(r.china.aircraft).toBeGreaterThan(0);
    expect(r.usa.aircraft).toBeGreaterThan(0);
    expect(r.usa.surface).toBeGreaterThan(0);
    expect(r.japan.aircraft).toBeGreaterThan(0);
    expect(r.taiwan.aircraft).toBeGreaterThan(0);
    // With the US out and Japan's bases shut, neither loses anything.
    const alone = lossReport(
      invasion('3', { usIntervention: 'none', japanBases: false }).turns(10).play().state,
    );
    expect(alone.usa).toEqual(Object.fromEntries(STOCKS.map((k) => [k, 0])));
    expect(alone.japan).toEqual(Object.fromEntries(STOCKS.map((k) => [k, 0])));
  });

  it('every step’s adjudication is in the log with its inputs, modifiers, roll and result', () => {
    const g = invasion('1').turns(5).play();
    const began = g.keyEvent('invasionBegins')!;
    // One air-sea entry per 12-hour step, from the fleet sailing on.
    const airSea = adjudications(g, 'air-sea');
    const turn4 = airSea.filter((e) => e.turn === began.turn);
    expect(turn4.length).toBe((began.turn * TURN - began.hour) / STEP);
    for (const e of airSea) {
      expect(e.roll?.die).toBe('d100');
      // The allies' roll: anyone can redo it from the seed, the turn and the step.
      expect(e.roll!.value).toBe(
        stream(g.state.seed, e.turn, `air-sea:allies:${e.inputs['step']}`).d100(),
      );
      expect(Object.keys(e.inputs)).toEqual(
        expect.arrayContaining(['step', 'usIntervened', 'chinaSorties', 'alliedSorties']),
      );
      expect(e.modifiers.map((m) => m.name)).toEqual(['allied fortune (%)', 'Chinese fortune (%)']);
      expect(e.result).toMatch(/^air control -?\d+, sea control -?\d+/);
    }
    expect(turn4.map((e) => e.inputs['step'])).toEqual(
      turn4.map((_, i) => (began.hour - (began.turn - 1) * TURN) / STEP + i),
    );
    // Every fight can be redone by hand from what the log shows.
    const combats = adjudications(g, 'combat').filter((e) => /^.+:engage:/.test(e.roll!.stream));
    expect(combats.length).toBeGreaterThan(0);
    for (const e of combats) {
      const am = e.modifiers
        .filter((m) => m.name.startsWith('attacker: '))
        .map((m) => ({ name: m.name, value: m.value }));
      const dm = e.modifiers.filter(
        (m) => m.name.startsWith('defender: ') && !m.name.startsWith('defender: terrain'),
      );
      expect(applyMultipliers(e.inputs['attackPower'] as number, am)).toBe(e.inputs['attack']);
      const out = resolveEngagement(
        {
          attacker: { actor: 'china', power: e.inputs['attackPower'] as number, multipliers: am },
          defender: { actor: 'taiwan', power: e.inputs['defencePower'] as number, multipliers: dm },
          terrain: e.inputs['terrain'] as 'strait',
        },
        SC.engagement,
        e.roll!.value,
      );
      expect(out.defence).toBe(e.inputs['defence']);
      expect(modifier(e, 'fortune (% of ratio)')).toBe(out.fortunePct);
      expect(e.result).toBe(
        `${out.result}: shift ${out.shift}, losses ${out.attackerLossPm}‰ / ${out.defenderLossPm}‰`,
      );
    }
    // Lift is arithmetic, not luck: no roll, and its numbers add up.
    const lifts = adjudications(g, 'lift');
    expect(lifts.length).toBeGreaterThan(0);
    for (const e of lifts) {
      expect(e.roll).toBeNull();
      expect(Object.keys(e.inputs)).toEqual(
        expect.arrayContaining([
          'amphibiousAfloat',
          'liftShips',
          'liftPort',
          'liftAirfield',
          'need',
        ]),
      );
      expect(e.result).toMatch(/^\d+ points ashore, supply \d+%$/);
    }
  });

  // BUG (src/sim/air-sea.ts, airSeaStep's log entry): `roll.stream` is logged as the purpose
  // (`air-sea:allies:3`), not as the stream's label `seed:turn:purpose` that the Roll type
  // documents and every other roll carries (engage: `1:4:engage:landing:0`), so a reader cannot
  // redo the roll from the entry alone. (China's roll, the other half of the step's fortune, is in
  // the text and the 'Chinese fortune' modifier only.) Flip to `it` once the entry uses r.label.
  it('the air-sea roll names its stream as seed:turn:purpose, like every other roll', () => {
    const g = invasion('1').turns(4).play();
    const e = adjudications(g, 'air-sea')[0]!;
    expect(e.roll!.stream).toBe(`${g.state.seed}:${e.turn}:air-sea:allies:${e.inputs['step']}`);
  });
});
