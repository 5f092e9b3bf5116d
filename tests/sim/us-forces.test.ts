import { describe, expect, it } from 'vitest';
import { Ctx } from '../../src/sim/context';
import { europeAirSea, usPool } from '../../src/sim/measures';
import { BEHAVIOURS } from '../../src/sim/options';
import { loadScenarioData } from '../../src/sim/scenario/load';
import { US_UNIT_TYPES, type Scenario } from '../../src/sim/scenario/schema';
import { secondFrontCalculus, usDistraction } from '../../src/sim/second-front';
import { createInitialState, defaultLevers } from '../../src/sim/setup';
import { regionForWrite, type GameState } from '../../src/sim/state';
import {
  committedStrength,
  pacificShare,
  rebalanceUsForces,
  reinforceTheater,
  sendUnit,
  transitHours,
  usForcesIn,
  usForcesStep,
  usUnitDefs,
  usUnitsAt,
} from '../../src/sim/us-forces';
import { BASELINE, baselineResolver, type Json } from '../helpers/baseline';
import { scenario } from '../helpers/game';
import { hashValue } from '../../src/sim/hash';

/**
 * The US pool as units (src/sim/us-forces.ts), step by step on small states: where units stand,
 * how long they take between theaters, what they lose on the way, how the allocation order moves
 * them, and how the Pacific share and Russia's sense of distraction follow. The digest at the end
 * pins every figure of `scenario.us` and `rules.usForces`: a deliberate change to any of them fails
 * a test here.
 */

const SC = scenario('two-front').scenario;

function fresh(sc: Scenario = SC): GameState {
  const s = createInitialState(sc, 'us-test', defaultLevers(sc));
  s.turn = 1;
  return s;
}

function ctxAt(s: GameState, sc: Scenario, step: number, quiet = true): Ctx {
  const ctx = new Ctx(s, sc, 'adjudication', { inPlace: true, quiet });
  ctx.atStep(step);
  return ctx;
}

const index = (sc: Scenario, id: string): number => Object.keys(sc.us.units).indexOf(id);

describe('US units stand where they are', () => {
  it('start at their home stations; the Pacific share is read from them', () => {
    const s = fresh();
    expect(s.us.units.map((u) => u.at)).toEqual(Object.values(SC.us.units).map((u) => u.home));
    expect(pacificShare(s)).toBe(58);
    expect(s.tracks.usPacificShare).toBe(58);
    expect(committedStrength(s, 'indoPacific', true)).toBe(84);
    expect(committedStrength(s, 'europe', true)).toBe(60);
  });

  it('count in a theater only there: counters and arrived units, by kind', () => {
    const s = fresh();
    // Counters 47 (Okinawa, Kadena, 7th Fleet, Guam, Korea) and units 67 (22, 30, 20, 12 points).
    expect(usForcesIn(s, SC, 'indoPacific')).toBe(114);
    expect(usForcesIn(s, SC, 'indoPacific', ['air', 'naval'])).toBe(87);
    expect(usForcesIn(s, SC, 'europe')).toBe(63);
    expect(usPool(s, SC)).toEqual({ indoPacific: 67, europe: 47 });
    expect(usUnitsAt(s, SC, ['germany'], ['ground'])).toBe(14);
  });
});

describe('transit between theaters', () => {
  it('takes each type its own hours (airlift days, sealift weeks)', () => {
    const byType = Object.fromEntries(
      US_UNIT_TYPES.map((t) => {
        const def = { ...usUnitDefs(SC)[0]!, type: t };
        return [
          t,
          [
            transitHours(SC, def, 'conus', 'europe'),
            transitHours(SC, def, 'conus', 'indoPacific'),
            transitHours(SC, def, 'europe', 'indoPacific'),
            transitHours(SC, def, 'europe', 'europe'),
          ],
        ];
      }),
    );
    expect(byType).toEqual({
      'carrier-strike-group': [168, 336, 456, 48],
      'surface-group': [168, 336, 456, 48],
      'submarine-group': [240, 408, 552, 48],
      'fighter-wing': [72, 120, 144, 12],
      'bomber-group': [24, 48, 48, 12],
      'air-defence': [168, 240, 264, 48],
      'armoured-brigade': [336, 672, 720, 72],
      'stryker-brigade': [336, 672, 720, 48],
      'airborne-brigade': [48, 72, 72, 12],
      'marine-brigade': [336, 504, 504, 48],
    });
  });

  it('a unit on its way counts nowhere, then arrives at its station after its transit', () => {
    const s = fresh();
    const i = index(SC, 'us-csg-pacific-1');
    const before = usForcesIn(s, SC, 'indoPacific', ['naval']);
    const ctx = ctxAt(s, SC, 0);
    expect(sendUnit(ctx, i, 'indoPacific')).toBe(12 + 336);
    expect(s.us.units[i]).toMatchObject({ at: 'transit', to: 'indoPacific', region: '' });
    expect(committedStrength(s, 'indoPacific', false)).toBe(104);
    // 28 steps of 12 hours: still on the way at the 27th step's end, there at the 28th's.
    s.hour = 336 - 12;
    const late = ctxAt(s, SC, 0);
    usForcesStep(late);
    expect(s.us.units[i]!.at).toBe('transit');
    s.hour = 336;
    usForcesStep(ctxAt(s, SC, 0));
    expect(s.us.units[i]).toMatchObject({ at: 'indoPacific', region: 'philippine-sea', to: '' });
    expect(usForcesIn(s, SC, 'indoPacific', ['naval']) - before).toBe(15);
    expect(s.tracks.usPacificShare).toBe(Math.trunc((104 * 100) / 164));
  });

  it('to another region than its station, adds its in-theater leg', () => {
    const s = fresh();
    const ctx = ctxAt(s, SC, 0);
    expect(sendUnit(ctx, index(SC, 'us-abct-1'), 'europe', 'latvia')).toBe(12 + 336 + 72);
    expect(sendUnit(ctx, index(SC, 'us-2cr'), 'europe', 'latvia')).toBe(12 + 48);
  });

  it('loses a share on arrival when the enemy holds the destination’s air and sea', () => {
    const s = fresh();
    // Russia alone in the air over Europe.
    for (const f of s.forces)
      if (f.actor !== 'russia' && ['air', 'naval', 'missile'].includes(f.kind)) f.strength = 0;
    for (const u of s.us.units) if (u.at === 'europe') u.strength = 0;
    s.tracks.escalation.europe = 5;
    const control = europeAirSea(s, SC).control;
    expect(control).toBe(100);
    const i = index(SC, 'us-csg-atlantic-1');
    sendUnit(ctxAt(s, SC, 0), i, 'europe');
    s.hour = 168;
    usForcesStep(ctxAt(s, SC, 0));
    // 60‰ of 20 points at full control, rounded up.
    expect(s.us.units[i]!.strength).toBe(18);
  });

  it('bound for a region that has fallen, stands in the first friendly neighbour', () => {
    const s = fresh();
    const i = index(SC, 'us-82nd-irf');
    sendUnit(ctxAt(s, SC, 0), i, 'europe', 'latvia');
    regionForWrite(s, 'latvia').owner = 'russia';
    s.hour = 72;
    usForcesStep(ctxAt(s, SC, 0));
    expect(s.us.units[i]).toMatchObject({ at: 'europe', region: 'estonia' });
  });
});

describe('orders move units', () => {
  it('the allocation target sends air and naval units from home first, within the lift', () => {
    const s = fresh();
    s.tracks.usPacificTarget = 80;
    const ctx = ctxAt(s, SC, 0);
    rebalanceUsForces(ctx);
    const moving = s.us.units.filter((u) => u.at === 'transit').map((u) => u.id);
    expect(moving).toEqual(['us-csg-atlantic-1', 'us-csg-atlantic-2']);
    // The share follows the units, not the order: nothing has arrived yet.
    expect(s.tracks.usPacificShare).toBe(58);
    expect(s.us.units.filter((u) => u.at === 'transit').every((u) => u.to === 'indoPacific')).toBe(
      true,
    );
  });

  it('a lower target sends units to Europe; ground units never swing between oceans', () => {
    const s = fresh();
    s.tracks.usPacificTarget = 20;
    rebalanceUsForces(ctxAt(s, SC, 0));
    const moving = s.us.units.filter((u) => u.at === 'transit');
    expect(moving.map((u) => u.id)).toEqual(['us-csg-atlantic-1', 'us-csg-atlantic-2']);
    expect(moving.every((u) => u.to === 'europe')).toBe(true);
  });

  it('reinforcing Europe sends the units that arrive first: those already there, then from home', () => {
    const s = fresh();
    const ctx = ctxAt(s, SC, 0);
    const sent = reinforceTheater(ctx, 'europe', ['ground'], 4, 'latvia', SC.roles.balticStates);
    expect(sent.map((i) => s.us.units[i]!.id)).toEqual([
      'us-173rd',
      'us-2cr',
      'us-82nd-irf',
      'us-abct-1',
    ]);
    expect(sent.map((i) => s.us.units[i]!.arrives)).toEqual([24, 60, 72, 420]);
  });

  it('usa.reinforce-pacific is refused once no air unit is left at home', () => {
    const s = fresh();
    s.tracks.escalation.indoPacific = 3;
    const v = { s, sc: SC, actor: 'usa' as const };
    expect(BEHAVIOURS['usa.reinforce-pacific'].legal(v, { type: 'usa.reinforce-pacific' })).toBe(
      null,
    );
    for (const u of s.us.units) if (u.at === 'conus') u.at = 'europe';
    expect(BEHAVIOURS['usa.reinforce-pacific'].legal(v, { type: 'usa.reinforce-pacific' })).toBe(
      'no US air units left at home',
    );
  });
});

describe("Russia's sense of distraction", () => {
  it('reads US strength in the Pacific or on its way there, in full once the US fights', () => {
    const s = fresh();
    expect(usDistraction(s, SC)).toBe(17);
    // The target is the share the units already have: nothing moves.
    rebalanceUsForces(ctxAt(s, SC, 0));
    expect(usDistraction(s, SC)).toBe(17);
    const ctx = ctxAt(s, SC, 0);
    for (const id of ['us-csg-pacific-1', 'us-csg-pacific-2', 'us-acc-wing-1'])
      sendUnit(ctx, index(SC, id), 'indoPacific');
    expect(usDistraction(s, SC)).toBe(24);
    s.flags.usIntervened = true;
    expect(usDistraction(s, SC)).toBe(40);
    expect(secondFrontCalculus(s, SC).readings['distraction']).toBe(40);
  });
});

/**
 * Everything `scenario.us` and `rules.usForces` decide, on small states: each unit sent everywhere
 * (arrival hours and losses under enemy control), the allocation at several targets, distraction.
 */
function digest(sc: Scenario): unknown[] {
  const out: unknown[] = [];
  const base = fresh(sc);
  out.push(pacificShare(base), usForcesIn(base, sc, 'indoPacific'), usForcesIn(base, sc, 'europe'));
  const stations = { conus: '', europe: 'germany', indoPacific: 'japan' } as const;
  for (let i = 0; i < base.us.units.length; i++) {
    for (const from of ['conus', 'europe', 'indoPacific'] as const)
      for (const [to, region] of [
        ['europe', undefined],
        ['indoPacific', undefined],
        ['conus', undefined],
        ['europe', 'latvia'],
        ['indoPacific', 'taiwan'],
      ] as const) {
        const s = fresh(sc);
        for (const f of s.forces) if (f.actor !== 'russia' && f.actor !== 'china') f.strength = 0;
        for (const u of s.us.units) u.strength = 0;
        s.tracks.escalation = { indoPacific: 5, europe: 5 };
        // A large unit, so that per-mille losses show in whole points.
        Object.assign(s.us.units[i]!, { strength: 1000, at: from, region: stations[from] });
        const arrives = sendUnit(ctxAt(s, sc, 0), i, to, region);
        s.hour = arrives;
        usForcesStep(ctxAt(s, sc, 0));
        const u = s.us.units[i]!;
        out.push([
          arrives,
          u.strength,
          u.region,
          usForcesIn(s, sc, to === 'conus' ? 'europe' : to),
        ]);
      }
  }
  for (const target of [0, 30, 54, 55, 56, 57, 58, 59, 60, 61, 62, 70, 90, 100]) {
    const s = fresh(sc);
    s.tracks.usPacificTarget = target;
    rebalanceUsForces(ctxAt(s, sc, 0));
    out.push(s.us.units.filter((u) => u.at === 'transit').map((u) => `${u.id}>${u.to}`));
  }
  const s = fresh(sc);
  out.push(usDistraction(s, sc));
  s.flags.usIntervened = true;
  out.push(usDistraction(s, sc));
  return out;
}

/** Every number of `us` (unit strengths and readiness, transit rows) and of `rules.usForces`. */
function constants(): { label: string; path: (string | number)[]; value: number }[] {
  const out: { label: string; path: (string | number)[]; value: number }[] = [];
  for (const [id, u] of Object.entries(BASELINE.us.units as Record<string, Json>))
    for (const k of ['strength', 'readiness'])
      out.push({ label: `us.units.${id}.${k}`, path: ['us', 'units', id, k], value: u[k] });
  for (const [t, row] of Object.entries(BASELINE.us.transit as Record<string, Json>))
    for (const [k, f] of Object.entries(row as Record<string, Json>))
      out.push({
        label: `us.transit.${t}.${k}`,
        path: ['us', 'transit', t, k, 'value'],
        value: f.value,
      });
  for (const [k, f] of Object.entries(BASELINE.rules.usForces as Record<string, Json>))
    out.push({
      label: `rules.usForces.${k}`,
      path: ['rules', 'usForces', k, 'value'],
      value: f.value,
    });
  return out;
}

function changed(path: (string | number)[], value: number): Scenario | null {
  const data = structuredClone(BASELINE);
  let o = data;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path[path.length - 1]!] = value;
  const r = loadScenarioData(data, 'changed.json', baselineResolver);
  return r.ok ? r.value.scenario : null;
}

/**
 * The digest pinned: a deliberate change to any figure below changes it (the next block proves
 * that for each one), so it fails here. After a change made on purpose, record the new value.
 */
describe('the US pool digest', () => {
  it('is the recorded one', () => {
    expect(hashValue(digest(SC))).toBe('627816ffad2e3971');
  });
});

describe('every figure of the US pool moves a result', () => {
  const base = JSON.stringify(digest(SC));
  it.each(constants().map((c) => [c.label, c] as const))('%s', (_label, c) => {
    const tries = [
      c.value + Math.max(1, Math.round(c.value * 0.2)),
      c.value - Math.max(1, Math.round(c.value * 0.2)),
      c.value * 2,
      Math.trunc(c.value / 2),
    ];
    let moved = false;
    for (const v of tries) {
      const sc = changed(c.path, v);
      if (sc && JSON.stringify(digest(sc)) !== base) {
        moved = true;
        break;
      }
    }
    expect(moved, `${c.label}: no change of it moves any result`).toBe(true);
  });
});
