import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  annualLossBp,
  blockadeStep,
  blockadeTurn,
  capitulation,
  capitulationChance,
  convoyChance,
  convoySeaControl,
  energyAtRest,
  importsThroughPct,
  power,
  straitRegime,
} from '../../src/sim/campaigns/blockade';
import { Ctx } from '../../src/sim/context';
import { ACTORS, type ActorId } from '../../src/sim/ids';
import type { LogEntry } from '../../src/sim/log';
import type { Scenario } from '../../src/sim/scenario/schema';
import { createInitialState, resolveLevers } from '../../src/sim/setup';
import type { Flag } from '../../src/sim/ids';
import type { GameState } from '../../src/sim/state';
import { scenario } from '../helpers/game';

/**
 * Blockade economics, step by step, on small states built from the baseline scenario: stocks run
 * down on CSIS's timelines, a quarantine stretches them, convoys refill and fight, costs reach
 * every actor, and a golden digest pins the numbers (with a check that every constant of
 * `rules.blockade` moves it, so a deliberate change to any of them fails here).
 */

const SC = scenario('two-front').scenario;

interface Setup {
  flags?: Partial<Record<Flag, boolean>>;
  escalation?: number;
  /** Sink Taiwan's navy: no blockade runners, nothing gets through at all. */
  noTaiwanNavy?: boolean;
  /** Scale China's air, naval and missile forces to this percentage (0: the allies hold the sea). */
  chineseAirSeaPct?: number;
  seed?: string;
}

function state(sc: Scenario, o: Setup = {}): GameState {
  const levers = resolveLevers(sc, {});
  if (!levers.ok) throw new Error(levers.error.message);
  const s = createInitialState(sc, o.seed ?? 'blockade', levers.value);
  Object.assign(s.flags, o.flags ?? {});
  s.tracks.escalation.indoPacific = o.escalation ?? 3;
  const scale = o.chineseAirSeaPct;
  for (const f of s.forces) {
    if (o.noTaiwanNavy && f.actor === 'taiwan' && f.kind === 'naval') f.strength = 0;
    if (
      scale !== undefined &&
      f.actor === 'china' &&
      f.kind !== 'ground' &&
      f.kind !== 'coastguard'
    )
      f.strength = Math.trunc((f.strength * scale) / 100);
  }
  // Fixed fleets, so that the golden numbers below do not move with the air and sea war's stocks.
  const ships = s.airSea.stocks;
  ships.usa.surface = 40_000;
  ships.japan.surface = 48_000;
  ships.taiwan.surface = o.noTaiwanNavy ? 0 : 26_000;
  ships.china.surface = 110_000;
  return s;
}

interface Played {
  s: GameState;
  log: LogEntry[];
  capitulatedTurn: number;
}

/** Play whole turns of the blockade functions alone: seven steps, then the turn's economics. */
function play(
  sc: Scenario,
  s0: GameState,
  turns: number,
  opts: { quiet?: boolean; capitulation?: boolean; seaControl?: number } = {},
): Played {
  let s = s0;
  const log: LogEntry[] = [];
  const quiet = opts.quiet ?? true;
  let capitulatedTurn = 0;
  const steps = Math.trunc(sc.calendar.turnHours / sc.rules.clock.stepHours);
  for (let t = 0; t < turns; t++) {
    s.turn++;
    s.hour = (s.turn - 1) * sc.calendar.turnHours;
    const adj = new Ctx(s, sc, 'adjudication', { quiet, inPlace: true });
    for (let k = 0; k < steps; k++) {
      adj.atStep(k);
      blockadeStep(adj, opts.seaControl);
    }
    const ev = new Ctx(adj.s, sc, 'events', { quiet, inPlace: true });
    blockadeTurn(ev);
    if (opts.capitulation && !capitulatedTurn) {
      capitulation(ev);
      if (ev.s.flags.indoPacificSettlement) capitulatedTurn = ev.s.turn;
    }
    log.push(...adj.log, ...ev.log);
    s = ev.s;
  }
  return { s, log, capitulatedTurn };
}

const days = (hours: number): number => hours / 24;

describe('stocks under a full blockade (nothing gets through)', () => {
  const r = SC.rules.blockade;
  const run = play(
    SC,
    state(SC, { flags: { blockadeActive: true }, noTaiwanNavy: true }),
    Math.ceil((r.oilStockDays * 24) / SC.calendar.turnHours) + 1,
  );
  const e = run.s.energy;
  const step = SC.rules.clock.stepHours;

  it('LNG runs out after about 10 days, within a step', () => {
    expect(Math.abs(e.lngOutAt - r.lngStockDays * 24)).toBeLessThanOrEqual(step);
    expect(days(e.lngOutAt)).toBe(10);
  });

  it('coal after about 7 weeks and oil after about 20, each within a step', () => {
    expect(Math.abs(e.coalOutAt - 7 * 7 * 24)).toBeLessThanOrEqual(step);
    expect(Math.abs(e.oilOutAt - 20 * 7 * 24)).toBeLessThanOrEqual(step);
  });

  it('the power shortfall follows the mix: gas lost, then coal, then oil', () => {
    const s = state(SC, { flags: { blockadeActive: true }, noTaiwanNavy: true });
    const out = play(SC, s, 4).s;
    expect(out.energy.shortfall).toBe(r.gasPowerPct);
    expect(out.tracks.taiwanSupply).toBe(100 - r.gasPowerPct);
    expect(e.shortfall).toBe(r.gasPowerPct + r.coalPowerPct + r.oilPowerPct);
    expect(run.s.tracks.taiwanSupply).toBe(
      100 - r.gasPowerPct - r.coalPowerPct - r.oilPowerPct - r.oilOutSupplyLoss,
    );
  });

  it('logs the day each stock runs out and each quarter of shortfall, with numbers', () => {
    const loud = play(SC, state(SC, { flags: { blockadeActive: true }, noTaiwanNavy: true }), 16, {
      quiet: false,
    });
    const texts = loud.log.map((l) => l.text);
    expect(texts).toContain(
      "LNG stocks run out on day 10.0 of the pressure on Taiwan's shipping: its plants (46% of Taiwan's power) now run only on what gets through (0% of normal imports).",
    );
    expect(texts.some((t) => t.startsWith('Coal stocks run out on day 49.0'))).toBe(true);
    expect(texts.some((t) => t.startsWith("Taiwan's power shortfall 0% → 46%"))).toBe(true);
    expect(texts.some((t) => t.startsWith("Taiwan's power shortfall 46% → 85%"))).toBe(true);
  });

  it('quiet mode logs nothing', () => {
    const quiet = play(SC, state(SC, { flags: { blockadeActive: true }, noTaiwanNavy: true }), 16);
    expect(quiet.log).toEqual([]);
  });
});

describe('a quarantine and a war in the Strait', () => {
  const r = SC.rules.blockade;

  it('a quarantine stretches every stock (half the flow gets through)', () => {
    const e = play(SC, state(SC, { flags: { quarantineActive: true }, escalation: 2 }), 82).s
      .energy;
    expect([days(e.lngOutAt), days(e.coalOutAt), days(e.oilOutAt)]).toEqual([20, 98, 280]);
    expect(e.lngOutAt).toBeGreaterThan(r.lngStockDays * 24);
    // Once a stock is gone its plants run on what gets through.
    expect(e.shortfall).toBe(
      r.gasPowerPct +
        r.coalPowerPct +
        r.oilPowerPct -
        Math.trunc((r.gasPowerPct * r.quarantineThroughPct) / 100) -
        Math.trunc((r.coalPowerPct * r.quarantineThroughPct) / 100) -
        Math.trunc((r.oilPowerPct * r.quarantineThroughPct) / 100),
    );
  });

  it('a war without a declared blockade lets a quarter through', () => {
    const s = state(SC, { escalation: 5, noTaiwanNavy: true });
    expect(importsThroughPct(s, r)).toBe(r.warThroughPct);
    expect(straitRegime(s, r)).toBe('war');
    const e = play(SC, s, 6).s.energy;
    expect(days(e.lngOutAt)).toBeCloseTo(13.3, 1);
  });

  it('when the pressure ends the stocks refill and the clock stops', () => {
    const s = play(SC, state(SC, { flags: { quarantineActive: true }, escalation: 2 }), 8).s;
    expect(s.energy.lng).toBe(0);
    s.flags.quarantineActive = false;
    const after = play(SC, s, 40).s;
    expect(energyAtRest(after, SC)).toBe(true);
    expect(after.energy.hours).toBe(0);
    expect(after.tracks.taiwanSupply).toBe(100);
  });

  it('at rest a step does nothing', () => {
    const s = state(SC);
    const ctx = new Ctx(s, SC, 'adjudication', { quiet: true });
    expect(blockadeStep(ctx)).toBe(0);
    expect(ctx.s.energy).toEqual(s.energy);
  });
});

describe('power and rationing', () => {
  const r = SC.rules.blockade;
  const e0 = state(SC).energy;

  it('full stocks make full power', () => {
    expect(power(e0, r, 0)).toMatchObject({ generation: 100, shortfall: 0, outputLossBp: 0 });
  });

  it('without LNG industry is rationed first; without coal homes too; essentials last', () => {
    const noGas = power({ ...e0, lng: 0 }, r, 0);
    expect(noGas).toEqual({
      generation: 54,
      shortfall: 46,
      essential: 100,
      homes: 100,
      industry: 29,
      outputLossBp: 71 * r.industryOutputPct,
    });
    const dark = power({ ...e0, lng: 0, coal: 0, oil: 0 }, r, 0);
    expect(dark).toMatchObject({ generation: 13, essential: 100, homes: 12, industry: 0 });
  });
});

describe('convoys', () => {
  const r = SC.rules.blockade;

  it('the chance: base, escorts, sea control, bounded', () => {
    expect(convoyChance(r, true, false, 20).chance).toBe(40 + 25 - 10);
    expect(convoyChance(r, true, true, -12).chance).toBe(40 + 25 + 10 + 6);
    expect(convoyChance(r, false, false, 100).chance).toBe(r.convoyMinPct);
    expect(convoyChance(r, true, true, -100).chance).toBe(r.convoyMaxPct);
  });

  it('reads sea control from China’s side: the US and Japan swing it', () => {
    const alone = convoySeaControl(state(SC), SC);
    const allies = convoySeaControl(
      state(SC, { flags: { usIntervened: true, japanBasesOpen: true, japanJoined: true } }),
      SC,
    );
    expect(alone).toBeGreaterThan(0);
    expect(allies).toBeLessThan(alone);
  });

  it('a convoy that gets through opens the lane and refills the stocks by its cargo', () => {
    // The allies hold the sea: the convoy gets through (95%) and the blockade is broken.
    const s = state(SC, {
      flags: { blockadeActive: true, usIntervened: true, japanJoined: true },
      escalation: 3,
      chineseAirSeaPct: 0,
    });
    s.energy.lng = 0;
    s.energy.coal = 0;
    const ctx = new Ctx(s, SC, 'adjudication', { quiet: false, inPlace: true });
    ctx.atStep(0);
    expect(blockadeStep(ctx)).toBe(1);
    const e = ctx.s.energy;
    const lane = Math.trunc((r.convoyCargoPct * (100 - r.shipLossSuccessPct)) / 100);
    expect(e.convoysArrived).toBe(1);
    expect(e.laneInflow).toBe(lane);
    expect(e.lng).toBe(SC.rules.clock.stepHours * (lane - 100));
    expect(e.shortfall).toBe(0);
    expect(ctx.s.flags.blockadeActive).toBe(false);
    const entry = ctx.log.find((l) => l.type === 'adjudication' && l.kind === 'blockade');
    expect(entry).toMatchObject({
      inputs: { convoy: 1, escorts: 'usa, japan, taiwan', seaControl: -100 },
      roll: { die: 'd100', target: r.convoyMaxPct },
      result: 'convoy arrives (9 of 10 ships)',
    });
    expect(entry?.text).toContain('The allies hold the sea: the blockade is broken.');
  });

  it('a convoy that fails loses half its ships and brings nothing', () => {
    // China holds the sea against Taiwan alone: the runners mostly fail.
    const run = play(SC, state(SC, { flags: { blockadeActive: true } }), 6);
    const e = run.s.energy;
    expect(e.convoys).toBe(6);
    const failed = e.convoys - e.convoysArrived;
    expect(failed).toBeGreaterThan(0);
    const perFail = Math.trunc((r.convoyShips * r.shipLossFailPct + 50) / 100);
    const perSuccess = Math.trunc((r.convoyShips * r.shipLossSuccessPct + 50) / 100);
    expect(e.merchantShipsLost).toBe(failed * perFail + e.convoysArrived * perSuccess);
  });

  it('escorted convoys keep the lights on far longer than Taiwan alone', () => {
    const alone = play(SC, state(SC, { flags: { blockadeActive: true } }), 26).s;
    const allies = play(
      SC,
      state(SC, {
        flags: {
          blockadeActive: true,
          usIntervened: true,
          japanBasesOpen: true,
          japanJoined: true,
        },
        escalation: 5,
      }),
      26,
    ).s;
    expect(allies.energy.convoysArrived).toBeGreaterThan(alone.energy.convoysArrived * 3);
    expect(allies.actors.taiwan.support).toBeGreaterThan(alone.actors.taiwan.support + 20);
  });

  it('no Taiwanese navy and no allies: no convoy sails', () => {
    const e = play(SC, state(SC, { flags: { blockadeActive: true }, noTaiwanNavy: true }), 4).s
      .energy;
    expect(e.convoys).toBe(0);
  });
});

describe('costs and support', () => {
  const r = SC.rules.blockade;

  it('a blockade costs every actor something, Taiwan and China most', () => {
    const s = play(SC, state(SC, { flags: { blockadeActive: true }, noTaiwanNavy: true }), 26).s;
    for (const a of ACTORS) expect(s.actors[a].economicCost, a).toBeGreaterThan(0);
    expect(s.actors.taiwan.economicCost).toBeGreaterThan(s.actors.china.economicCost);
    expect(s.actors.china.economicCost).toBeGreaterThan(s.actors.usa.economicCost);
  });

  it('scales Bloomberg’s first-year GDP losses: one point is costPointBp of a year', () => {
    const s = play(SC, state(SC, { flags: { blockadeActive: true }, noTaiwanNavy: true }), 26).s;
    const hours = 26 * SC.calendar.turnHours;
    const points = (a: ActorId): number =>
      Math.trunc((annualLossBp(r, a, 'blockade') * hours) / (r.costPointBp * 8760));
    for (const a of ACTORS) if (a !== 'taiwan') expect(s.actors[a].economicCost, a).toBe(points(a));
  });

  it('war costs more than a blockade, a blockade more than a quarantine', () => {
    for (const a of ACTORS) {
      expect(annualLossBp(r, a, 'war'), a).toBeGreaterThan(annualLossBp(r, a, 'blockade'));
      expect(annualLossBp(r, a, 'blockade'), a).toBeGreaterThan(annualLossBp(r, a, 'quarantine'));
    }
  });

  it('Taiwan’s support follows the power shortfall, not a flat loss', () => {
    const s = state(SC, { flags: { blockadeActive: true }, noTaiwanNavy: true });
    const early = play(SC, s, 2).s.actors.taiwan.support; // stocks hold: no blackout yet
    expect(early).toBe(SC.actors.taiwan.domesticSupport);
    const later = play(
      SC,
      state(SC, { flags: { blockadeActive: true }, noTaiwanNavy: true }),
      20,
    ).s;
    expect(later.actors.taiwan.support).toBeLessThan(early - 20);
  });
});

describe('capitulation', () => {
  const r = SC.rules.blockade;
  const at = (avg: number, support: number, us = false): GameState => {
    const s = state(SC, { flags: { blockadeActive: true, usIntervened: us } });
    s.energy.avgShortfall = avg;
    s.actors.taiwan.support = support;
    return s;
  };

  it('the chance: shortfall over the threshold, support under the pivot, the US, the cap', () => {
    expect(capitulationChance(at(85, 30), r).chance).toBe(25 + 10);
    expect(capitulationChance(at(85, 30, true), r).chance).toBe(25 + 10 - 15);
    expect(capitulationChance(at(100, 0), r).chance).toBe(r.capitulationMaxPct);
  });

  it('rolls only under blockade or quarantine with the shortfall past the threshold', () => {
    const below = new Ctx(at(r.capitulationShortfall - 1, 0), SC, 'events', { quiet: false });
    capitulation(below);
    expect(below.log).toEqual([]);
    const open = at(90, 0);
    open.flags.blockadeActive = false;
    const none = new Ctx(open, SC, 'events', { quiet: false });
    capitulation(none);
    expect(none.log).toEqual([]);
  });

  it('a yield settles the Strait and lifts the blockade', () => {
    let yielded: GameState | null = null;
    for (let seed = 0; seed < 20 && !yielded; seed++) {
      const s = at(100, 0);
      s.seed = `cap-${seed}`;
      s.turn = 1;
      const ctx = new Ctx(s, SC, 'events', { quiet: false });
      capitulation(ctx);
      const entry = ctx.log.find((l) => l.type === 'adjudication' && l.kind === 'capitulation');
      expect(entry).toMatchObject({ roll: { target: r.capitulationMaxPct } });
      if (ctx.s.flags.indoPacificSettlement) yielded = ctx.s;
    }
    expect(yielded?.flags.blockadeActive).toBe(false);
    expect(yielded?.taiwan.phase).toBe('settled');
  });

  it('alone, a fully blockaded Taiwan is pressed to terms some weeks after coal runs out', () => {
    const turns: number[] = [];
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const run = play(
        SC,
        state(SC, { flags: { blockadeActive: true }, noTaiwanNavy: true, seed }),
        26,
        { capitulation: true },
      );
      turns.push(run.capitulatedTurn);
    }
    const coalTurn = Math.ceil((r.coalStockDays * 24) / SC.calendar.turnHours);
    for (const t of turns) expect(t).toBeGreaterThan(coalTurn);
  });
});

/* -----------------------------------------------------------------------------------------------
 * Golden numbers. `digest` runs a fixed battery of the functions above and flattens what they
 * produce; the literal below pins it. The second test perturbs every constant of
 * `rules.blockade` in turn (by 10%, at least 1) and checks the digest moves, so the golden
 * catches a change to any of them.
 * --------------------------------------------------------------------------------------------- */

function digest(sc: Scenario): Record<string, number> {
  const r = sc.rules.blockade;
  const out: Record<string, number> = {};
  const put = (prefix: string, o: Record<string, number | boolean>): void => {
    for (const [k, v] of Object.entries(o)) out[`${prefix}.${k}`] = typeof v === 'boolean' ? +v : v;
  };
  const e0 = state(sc).energy;
  const cases: [string, Partial<typeof e0>, number][] = [
    ['full', {}, 0],
    ['noGas', { lng: 0 }, 0],
    ['noGas25', { lng: 0 }, 25],
    ['noGas50', { lng: 0 }, 50],
    ['noGasCoal', { lng: 0, coal: 0 }, 0],
    ['noGasCoal50', { lng: 0, coal: 0 }, 50],
    ['dark', { lng: 0, coal: 0, oil: 0 }, 0],
  ];
  for (const [name, patch, inflow] of cases)
    put(`power.${name}`, { ...power({ ...e0, ...patch }, r, inflow) });
  const summary = (name: string, s: GameState): void => {
    const e = s.energy;
    put(name, {
      lngOutAt: e.lngOutAt,
      coalOutAt: e.coalOutAt,
      oilOutAt: e.oilOutAt,
      lng: e.lng,
      coal: e.coal,
      oil: e.oil,
      shortfall: e.shortfall,
      avgShortfall: e.avgShortfall,
      convoys: e.convoys,
      arrived: e.convoysArrived,
      shipsLost: e.merchantShipsLost,
      taiwanLossBpH: e.taiwanLossBpH,
      supply: s.tracks.taiwanSupply,
      support: s.actors.taiwan.support,
      blockade: s.flags.blockadeActive,
      settled: s.flags.indoPacificSettlement,
    });
    for (const a of ACTORS) out[`${name}.cost.${a}`] = s.actors[a].economicCost;
    for (const a of ['usa', 'japan', 'taiwan', 'china'] as const)
      out[`${name}.surface.${a}`] = s.airSea.stocks[a].surface;
  };
  const full = { flags: { blockadeActive: true }, noTaiwanNavy: true };
  summary('blockade', play(sc, state(sc, full), 44).s);
  const pressed = play(sc, state(sc, full), 26, { capitulation: true });
  summary('pressed', pressed.s);
  out['pressed.turn'] = pressed.capitulatedTurn;
  summary('war', play(sc, state(sc, { escalation: 5, noTaiwanNavy: true }), 20).s);
  const q = play(sc, state(sc, { flags: { quarantineActive: true }, escalation: 2 }), 8).s;
  summary('quarantine', q);
  q.flags.quarantineActive = false;
  summary('reopened', play(sc, q, 3).s);
  // Convoys sail against a fixed sea control here, so the digest does not move with the forces.
  const blockade = { blockadeActive: true };
  summary('alone', play(sc, state(sc, { flags: blockade }), 12, { seaControl: 53 }).s);
  const us = { blockadeActive: true, usIntervened: true };
  summary('us', play(sc, state(sc, { flags: us, escalation: 4 }), 12, { seaControl: 21 }).s);
  const allies = { ...us, japanBasesOpen: true, japanJoined: true };
  summary(
    'allies',
    play(sc, state(sc, { flags: allies, escalation: 4 }), 12, { seaControl: -12 }).s,
  );
  // The allies' control at the edge of breaking the blockade.
  for (const c of [-100, -45, -40, -38])
    summary(`sea${-c}`, play(sc, state(sc, { flags: allies }), 1, { seaControl: c }).s);
  for (const [name, withUs, jp, c] of [
    ['alone', false, false, 53],
    ['min', false, false, 100],
    ['us', true, false, 21],
    ['allies', true, true, -12],
    ['max', true, true, -100],
  ] as const)
    out[`convoyChance.${name}`] = convoyChance(r, withUs, jp, c).chance;
  for (const [name, avg, support, withUs] of [
    ['a', 85, 30, false],
    ['b', 87, 0, false],
    ['c', 100, 0, false],
    ['d', 85, 30, true],
    ['e', 75, 45, false],
  ] as const) {
    const s = state(sc, { flags: { blockadeActive: true, usIntervened: withUs } });
    s.energy.avgShortfall = avg;
    s.actors.taiwan.support = support;
    out[`capitulation.${name}`] = capitulationChance(s, r).chance;
  }
  for (const a of ACTORS)
    for (const regime of ['quarantine', 'blockade', 'war'] as const)
      out[`annualLossBp.${a}.${regime}`] = annualLossBp(r, a, regime);
  // The shortfall is logged as it crosses each `shortfallLogStep`: from these readings to none.
  for (const from of [20, 27, 49, 55, 74, 80]) {
    const s = state(sc, { flags: { blockadeActive: true }, noTaiwanNavy: true });
    s.energy.shortfall = from;
    const ctx = new Ctx(s, sc, 'adjudication', { quiet: false, inPlace: true });
    blockadeStep(ctx);
    out[`logged.${from}`] = ctx.log.filter((l) => l.type === 'adjudication').length;
  }
  const loud = play(sc, state(sc, { flags: { blockadeActive: true } }), 20, { quiet: false });
  out['log.entries'] = loud.log.length;
  return out;
}

const GOLDEN_FILE = join(dirname(fileURLToPath(import.meta.url)), 'blockade.golden.json');

describe('golden numbers', () => {
  const base = digest(SC);

  it('the digest is pinned (tests/sim/blockade.golden.json)', () => {
    // To re-record after a deliberate change (then read the diff of the JSON file):
    // UPDATE_BLOCKADE_GOLDEN=1 npx vitest run tests/sim/blockade.test.ts
    if (process.env.UPDATE_BLOCKADE_GOLDEN)
      writeFileSync(GOLDEN_FILE, `${JSON.stringify(base, null, 2)}\n`);
    expect(base).toEqual(JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')));
  });

  it('a change to any constant of rules.blockade moves the digest', () => {
    const unmoved: string[] = [];
    for (const [key, value] of Object.entries(SC.rules.blockade)) {
      const changed = value + Math.max(1, Math.round(Math.abs(value) / 10));
      const sc = {
        ...SC,
        rules: { ...SC.rules, blockade: { ...SC.rules.blockade, [key]: changed } },
      };
      const d = digest(sc as Scenario);
      if (Object.keys(base).every((k) => d[k] === base[k])) unmoved.push(key);
    }
    expect(unmoved).toEqual([]);
  });
});
