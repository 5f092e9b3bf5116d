import { describe, expect, it } from 'vitest';
import { allianceResponse } from '../../src/sim/alliances';
import { advanceMoves, balticIndex, sendMove } from '../../src/sim/campaigns/baltic-moves';
import {
  counterAttackOdds,
  europeStep,
  europeTurn,
  natoSupplied,
  orderCounterAttack,
  pressedAxis,
  sideMultipliers,
} from '../../src/sim/campaigns/europe';
import { Ctx } from '../../src/sim/context';
import type { LogEntry } from '../../src/sim/log';
import { europeAirSea } from '../../src/sim/measures';
import { BEHAVIOURS } from '../../src/sim/options';
import { runPlain } from '../../src/sim/run';
import { loadScenarioData } from '../../src/sim/scenario/load';
import type { Scenario } from '../../src/sim/scenario/schema';
import { createInitialState, resolveLevers } from '../../src/sim/setup';
import { forceById, regionForWrite, type GameState } from '../../src/sim/state';
import { BASELINE, baselineResolver, type Json } from '../helpers/baseline';
import { scenario } from '../helpers/game';
import { hashValue } from '../../src/sim/hash';

/**
 * The Baltic campaign by axes (src/sim/campaigns/europe.ts, baltic-moves.ts), every step as a
 * function on small states: the plan's concentration, one engagement and who pays for it, the
 * defender's recovery, capture and recapture, the hour of a capital's fall, follow-on echelons and
 * NATO's reinforcements on the road, Article 5's answer, supply. Then RAND 2016's pair of results
 * as a batch, and a digest that every figure of `baltic`, `rules.baltic` and the first echelon's
 * strength moves: a deliberate change to any of them fails a test here.
 */

const SC = scenario('two-front').scenario;

function fresh(levers: Record<string, unknown> = {}, sc: Scenario = SC): GameState {
  const lv = resolveLevers(sc, levers);
  if (!lv.ok) throw new Error(lv.error.message);
  const s = createInitialState(sc, 'baltic-test', lv.value);
  s.turn = 1;
  return s;
}

function ctxAt(s: GameState, sc: Scenario, k: number, quiet = true): Ctx {
  const ctx = new Ctx(s, sc, 'adjudication', { inPlace: true, quiet });
  ctx.atStep(k);
  return ctx;
}

/** Russia attacks as its option would set it up: the whole plan, or one objective. */
function attack(s: GameState, op: 'offensive' | 'incursion', target?: string): void {
  s.europe.operation = op;
  s.europe.targets = target ? [target] : [];
  s.flags.secondFront = true;
  s.tracks.escalation.europe = op === 'offensive' ? 5 : 4;
}

const strengthOf = (s: GameState, id: string): number => forceById(s, id)?.strength ?? -1;
const combat = (log: readonly LogEntry[], label: string) =>
  log.find(
    (e): e is Extract<LogEntry, { type: 'adjudication' }> =>
      e.type === 'adjudication' && e.kind === 'combat' && e.text.includes(`(${label})`),
  )!;

describe('the offensive concentrates as its plan says', () => {
  it('half the first echelon on Tallinn, half on Riga, supporting attacks elsewhere', () => {
    const s = fresh();
    attack(s, 'offensive');
    europeStep(ctxAt(s, SC, 2));
    // Leningrad MD 130 × 70% = 91 (Tallinn 45, Riga 45); Belarus 40 × 70% = 28 (Vilnius 60%,
    // Suwałki 25%); Kaliningrad 18 × 70% = 12 (Suwałki 60%); the Moscow MD is the second echelon.
    expect(s.europe.axes).toEqual(['tallinn', 'riga', 'vilnius', 'suwalki']);
    expect(s.europe.targets).toEqual(['estonia', 'latvia', 'lithuania', 'suwalki-gap']);
    expect(
      ['tallinn', 'riga', 'vilnius', 'suwalki'].map((a) => strengthOf(s, `russia-axis-${a}`)),
    ).toEqual([45, 45, 16, 14]);
    expect(strengthOf(s, 'ru-moscow-md')).toBe(0);
    // The offensive dates from the start of the step it began in.
    expect(s.keyEvents.find((e) => e.name === 'balticOffensiveBegins')).toEqual({
      name: 'balticOffensiveBegins',
      turn: 1,
      hour: 24,
    });
  });

  it('an incursion attacks its objective alone, with at most its assault strength', () => {
    const s = fresh();
    attack(s, 'incursion', 'narva');
    const ctx = ctxAt(s, SC, 0, false);
    europeStep(ctx);
    expect(ctx.log.filter((e) => e.type === 'adjudication' && e.kind === 'combat')).toHaveLength(1);
    expect(combat(ctx.log, 'axis:narva').inputs).toMatchObject({ attackPower: 42 });
    expect(strengthOf(s, 'ru-leningrad-md')).toBe(70);
    // Two border guards against 60 points: Narva falls in the first step, and its attackers stay.
    expect(s.regions['narva']!.owner).toBe('russia');
    expect(forceById(s, 'russia-axis-narva')!.region).toBe('narva');
    // An incursion calls up no follow-on echelon.
    expect(s.europe.moves.filter((m) => m.actor === 'russia')).toEqual([]);
  });
});

describe('one step on an axis', () => {
  it('is one engagement of the forces on it; they alone take its losses', () => {
    const s = fresh();
    attack(s, 'incursion', 'estonia');
    const latvia = strengthOf(s, 'lv-armed-forces');
    const ctx = ctxAt(s, SC, 0, false);
    expect(europeStep(ctx)).toBe(1);
    const e = combat(ctx.log, 'axis:tallinn');
    expect(e.inputs).toMatchObject({ attackPower: 42, defencePower: 10, terrain: 'forest' });
    expect(e.modifiers.map((m) => `${m.name} ${m.value}`)).toEqual([
      'attacker: air superiority (%) 113',
      'defender: terrain forest (%) 130',
      `fortune (% of ratio) ${e.modifiers[2]!.value}`,
    ]);
    const [aPm, dPm] = /losses (\d+)‰ \/ (\d+)‰/.exec(e.result)!.slice(1).map(Number);
    const shift = Number(/shift (-?\d+)/.exec(e.result)![1]);
    // 60 points on the axis, 14 in Estonia (10 + 4): losses exact in thousandths.
    expect(strengthOf(s, 'russia-axis-tallinn')).toBe(60 - Math.trunc((60 * aPm!) / 1000));
    expect(strengthOf(s, 'ee-defence-forces') + strengthOf(s, 'efp-estonia')).toBe(
      14 - Math.trunc((14 * dPm!) / 1000),
    );
    expect(strengthOf(s, 'lv-armed-forces')).toBe(latvia);
    expect(strengthOf(s, 'ee-narva')).toBe(2);
    expect(s.regions['estonia']!.control).toBe(100 - Math.trunc((shift * 100) / 30));
  });

  it('a locally stronger defender counter-attacks: control recovers', () => {
    const s = fresh();
    attack(s, 'incursion', 'estonia');
    europeStep(ctxAt(s, SC, 0));
    regionForWrite(s, 'estonia').control = 40;
    forceById(s, 'ee-defence-forces')!.strength = 200;
    europeStep(ctxAt(s, SC, 1));
    expect(s.regions['estonia']!.control).toBeGreaterThan(40);
    expect(s.regions['estonia']!.owner).toBe('nato-europe');
  });

  it('a spent attack leaves the axis, and the objective is clear', () => {
    const s = fresh();
    attack(s, 'incursion', 'estonia');
    europeStep(ctxAt(s, SC, 0));
    forceById(s, 'russia-axis-tallinn')!.strength = 0;
    europeStep(ctxAt(s, SC, 1));
    expect(s.europe.axes).toEqual([]);
    expect(s.regions['estonia']).toMatchObject({ control: 100, contested: false });
  });
});

describe('capture and recapture', () => {
  function captured(): GameState {
    const s = fresh();
    attack(s, 'offensive');
    europeStep(ctxAt(s, SC, 0));
    regionForWrite(s, 'estonia').control = 1;
    forceById(s, 'ee-defence-forces')!.strength = 0;
    forceById(s, 'efp-estonia')!.strength = 0;
    europeStep(ctxAt(s, SC, 3));
    return s;
  }

  it('at 0 the objective falls at the step’s hour: occupiers stay, the rest regroups', () => {
    const s = captured();
    expect(s.regions['estonia']).toMatchObject({ owner: 'russia', control: 30 });
    expect(s.keyEvents.find((e) => e.name === 'balticCapitalFalls')).toEqual({
      name: 'balticCapitalFalls',
      turn: 1,
      hour: 48,
    });
    expect(s.flags.balticCapitalFallen).toBe(true);
    expect(s.europe.axes).not.toContain('tallinn');
    const occupiers = forceById(s, 'russia-axis-tallinn')!;
    expect(occupiers.region).toBe('estonia');
    const regroup = s.europe.moves.find((m) => m.label.startsWith('Pskov–Tartu'))!;
    expect(regroup).toMatchObject({ actor: 'russia', axis: 'riga', arrives: 96 });
    // 40% of the axis's force stays to occupy.
    const total = occupiers.strength + regroup.strength;
    expect(occupiers.strength).toBe(Math.trunc((total * 40) / 100));
  });

  it('a deliberate counter-attack retakes it; the occupiers fall back to their staging area', () => {
    const s = captured();
    s.europe.operation = 'none';
    s.europe.axes = [];
    forceById(s, 'lv-armed-forces')!.strength = 300;
    const v = { s, sc: SC, actor: 'nato-europe' as const };
    const d = { type: 'nato-europe.counter-attack' as const, target: 'estonia' };
    expect(BEHAVIOURS['nato-europe.counter-attack'].legal(v, d)).toBe(null);
    expect(counterAttackOdds(s, SC, 'estonia', 70)).toBeGreaterThan(300);
    expect(BEHAVIOURS['nato-europe.counter-attack'].assess(v, d).gain).toBeGreaterThan(0);
    const ctx = ctxAt(s, SC, 0);
    let bases = 0;
    for (const f of s.forces)
      if (
        f.actor === 'nato-europe' &&
        f.kind === 'ground' &&
        ['narva', 'latvia'].includes(f.region)
      )
        bases += f.strength;
    expect(orderCounterAttack(ctx, 'estonia', 70)).toBe(Math.trunc((bases * 70) / 100));
    for (let k = 0; k < 7 && s.regions['estonia']!.owner === 'russia'; k++)
      europeStep(ctxAt(s, SC, k));
    expect(s.regions['estonia']).toMatchObject({ owner: 'nato-europe', control: 30 });
    expect(forceById(s, 'russia-axis-tallinn')!.region).toBe('russia-west');
    expect(forceById(s, 'nato-europe-counterattack-estonia')!.region).toBe('estonia');
    expect(s.flags.balticCapitalFallen).toBe(false);
    expect(s.europe.counterAttack).toBe('');
  });

  it('a counter-attack at poor odds is weighed as a loss by the AI, and falls back at the turn’s end', () => {
    const s = captured();
    const v = { s, sc: SC, actor: 'nato-europe' as const };
    const d = { type: 'nato-europe.counter-attack' as const, target: 'estonia' };
    forceById(s, 'russia-axis-tallinn')!.strength = 200;
    expect(BEHAVIOURS['nato-europe.counter-attack'].assess(v, d).gain).toBeLessThan(0);
    s.europe.axes = [];
    orderCounterAttack(ctxAt(s, SC, 0), 'estonia', 70);
    europeStep(ctxAt(s, SC, 0));
    europeTurn(ctxAt(s, SC, 6));
    expect(s.regions['estonia']!.owner).toBe('russia');
    expect(forceById(s, 'nato-europe-counterattack-estonia')!.region).toBe('narva');
    expect(s.europe.counterAttack).toBe('');
  });
});

describe('forces on the road', () => {
  it('the second echelon reaches its axis after its transit, not before', () => {
    // Seven brigades hold Riga long enough for the Moscow MD to reach the axis still fighting.
    const s = fresh({ balticForwardBrigades: 4, balticHeavyBrigades: 3 });
    attack(s, 'offensive');
    europeStep(ctxAt(s, SC, 0));
    const riga = (): number => strengthOf(s, 'russia-axis-riga');
    for (let k = 1; k <= 4; k++) europeStep(ctxAt(s, SC, k));
    const before = riga();
    expect(s.europe.moves.some((m) => m.label.startsWith('1st Guards'))).toBe(true);
    europeStep(ctxAt(s, SC, 5)); // ends at hour 72: the Moscow MD arrives (72 h)
    expect(riga()).toBeGreaterThan(before + 40);
    expect(s.europe.moves.some((m) => m.label.startsWith('1st Guards'))).toBe(false);
  });

  it('an echelon whose axis has taken its objective turns to an axis still fighting', () => {
    const s = fresh({ balticForwardBrigades: 4, balticHeavyBrigades: 3 });
    attack(s, 'offensive');
    europeStep(ctxAt(s, SC, 0));
    regionForWrite(s, 'latvia').owner = 'russia';
    s.europe.axes = s.europe.axes.filter((a) => a !== 'riga');
    europeStep(ctxAt(s, SC, 5)); // hour 72: the Moscow MD arrives where Riga has fallen
    const moscow = s.europe.moves.filter((m) => m.label.startsWith('1st Guards'));
    expect(moscow.map((m) => [m.axis, m.arrives])).toEqual([['tallinn', 72 + 48]]);
  });

  it('the Ukraine grouping sends what the front spares: more after a ceasefire', () => {
    const s = fresh();
    attack(s, 'offensive');
    europeStep(ctxAt(s, SC, 0));
    const north = () =>
      s.europe.moves.filter((m) => m.label.startsWith('Russian units moved north'));
    // 10% of the 40% the fighting front spares: 4% of 520 each.
    expect(north().map((m) => [m.axis, m.strength, m.arrives])).toEqual([
      ['tallinn', 20, 240],
      ['riga', 20, 240],
    ]);
    s.ukraine.status = 'ceasefire';
    europeStep(ctxAt(s, SC, 1));
    // A ceasefire frees 30% more: 7% in all, 3% more of 520 each.
    expect(north().map((m) => [m.axis, m.strength, m.arrives])).toEqual([
      ['tallinn', 20, 240],
      ['riga', 20, 240],
      ['tallinn', 15, 252],
      ['riga', 15, 252],
    ]);
  });

  it('NATO’s neighbours move at once, its Article 5 forces once Article 5 is invoked', () => {
    const s = fresh();
    attack(s, 'offensive');
    europeStep(ctxAt(s, SC, 0));
    const nato = () => s.europe.moves.filter((m) => m.actor !== 'russia').map((m) => m.label);
    expect(nato()).toEqual([
      'Polish 16th Mechanised Division brigades (Orzysz, Suwałki) to the gap',
    ]);
    s.flags.article5Invoked = true;
    europeStep(ctxAt(s, SC, 1));
    expect(nato()).toEqual([
      'Polish brigades to Lithuania',
      'German 10th Armoured Division elements to Lithuania',
      'Finnish brigade across the Gulf of Finland',
      'US rotational armoured brigade from Poland to Latvia',
    ]);
    expect(strengthOf(s, 'pl-land-forces')).toBe(150 - 15 - 15);
  });

  it('loses a share on every step of the way under Russian air control, exactly', () => {
    const s = fresh();
    attack(s, 'offensive');
    const air = europeAirSea(s, SC).control;
    expect(air).toBe(46);
    europeStep(ctxAt(s, SC, 0));
    const pole = s.europe.moves.find((m) => m.label.startsWith('Polish 16th'))!;
    // 15 points, 20‰ × 46% = 9‰ a step: 135 thousandths carried, no whole point yet.
    expect(pole).toMatchObject({ strength: 15, carry: 135 });
    europeStep(ctxAt(s, SC, 1));
    expect(forceById(s, 'nato-europe-ground-suwalki-gap-reinforcement')!.strength).toBe(15);
  });
});

describe('Article 5’s answer and supply', () => {
  it('allied brigades set off for the axis under most pressure; a firm US sends its brigades', () => {
    const s = fresh();
    attack(s, 'offensive');
    europeStep(ctxAt(s, SC, 0));
    regionForWrite(s, 'latvia').control = 50;
    expect(pressedAxis(s, SC)).toBe('riga');
    s.flags.article5Invoked = true;
    const ctx = new Ctx(s, SC, 'events', { inPlace: true, quiet: false });
    const target = s.tracks.usPacificTarget;
    allianceResponse(ctx);
    const roll = ctx.log.find((e) => e.type === 'adjudication' && e.kind === 'alliance-response')!;
    expect(roll.type === 'adjudication' && roll.roll?.target).toBe(Math.min(95, 70 + 15));
    const allied = s.europe.moves.find((m) => m.label.startsWith('Allied Article 5'))!;
    expect(allied).toMatchObject({ axis: 'riga', readiness: 85, arrives: ctx.hour + 120 });
    expect([40, 20]).toContain(allied.strength);
    expect(
      s.us.units.filter((u) => u.at === 'transit' && u.toRegion === 'latvia').map((u) => u.id),
    ).toEqual(['us-2cr', 'us-173rd', 'us-82nd-irf']);
    expect(s.tracks.usPacificTarget).toBe(target - 15);
  });

  it('a state cut off by land is supplied by sea only while Russia does not hold the sea', () => {
    const s = fresh();
    expect(natoSupplied(s, SC, 'estonia', 100)).toBe(true);
    regionForWrite(s, 'latvia').owner = 'russia';
    expect(natoSupplied(s, SC, 'estonia', 20)).toBe(true);
    expect(natoSupplied(s, SC, 'estonia', 21)).toBe(false);
    expect(sideMultipliers(SC, 21, false)).toEqual([
      { name: 'air superiority', value: 106 },
      { name: 'out of supply', value: 40 },
    ]);
  });
});

describe('RAND 2016 (RR-1253): 200 seeded Baltic offensives each, China staying out', () => {
  function capitalWithin(hours: number, levers: Record<string, unknown>): number {
    const lv = resolveLevers(SC, {
      russiaCourse: 'baltic-offensive',
      chinaCourse: 'none',
      ...levers,
    });
    if (!lv.ok) throw new Error(lv.error.message);
    let n = 0;
    for (let i = 0; i < 200; i++) {
      const r = runPlain(SC, {
        seed: `rand-${i}`,
        levers: lv.value,
        keepLog: false,
        turnHashes: false,
      });
      const begins = r.state.keyEvents.find((e) => e.name === 'balticOffensiveBegins');
      const falls = r.state.keyEvents.find((e) => e.name === 'balticCapitalFalls');
      if (begins && falls && falls.hour - begins.hour <= hours) n++;
    }
    return n / 2;
  }

  it('today’s posture: Tallinn or Riga falls within 60 hours in at least 90% of runs', () => {
    expect(capitalWithin(60, {})).toBeGreaterThanOrEqual(90);
    // RAND: never faster than 36 hours.
    expect(capitalWithin(35, {})).toBeLessThanOrEqual(10);
  });

  it('about 7 brigades, 3 heavy: no fait accompli (at most 10% within 60 h), and weeks of defence', () => {
    const seven = { balticForwardBrigades: 4, balticHeavyBrigades: 3 };
    expect(capitalWithin(60, seven)).toBeLessThanOrEqual(10);
    expect(capitalWithin(14 * 24, seven)).toBeLessThanOrEqual(10);
  });
});

/* ------------------------------------------------------------------------------------------------
 * The digest: what the Baltic figures decide, on small states and short campaigns.
 * --------------------------------------------------------------------------------------------- */

function campaign(
  sc: Scenario,
  levers: Record<string, unknown>,
  op: 'offensive' | 'incursion',
  target?: string,
  prepare?: (s: GameState) => void,
): unknown[] {
  const s = fresh(levers, sc);
  attack(s, op, target);
  prepare?.(s);
  const out: unknown[] = [];
  const b = balticIndex(sc);
  for (let k = 0; k < 42; k++) {
    s.hour = Math.trunc(k / 7) * 84;
    s.turn = Math.trunc(k / 7) + 1;
    if (k === 7) {
      s.flags.article5Invoked = true;
      allianceResponse(new Ctx(s, sc, 'events', { inPlace: true, quiet: true }));
    }
    if (k === 21) s.ukraine.status = 'ceasefire';
    if (k % 7 === 0 && k > 7) {
      const occupied = b.ids
        .map((id) => b.axes.get(id)!.objective)
        .find((r) => s.regions[r]?.owner === 'russia');
      if (occupied) orderCounterAttack(ctxAt(s, sc, 0), occupied, 70);
    }
    europeStep(ctxAt(s, sc, k % 7));
    if (k % 7 === 6) europeTurn(ctxAt(s, sc, 6));
    out.push(
      b.ids
        .map((id) => {
          const r = s.regions[b.axes.get(id)!.objective]!;
          return `${r.owner === 'russia' ? 'R' : 'N'}${r.control}:${strengthOf(s, `russia-axis-${id}`)}`;
        })
        .join(' '),
    );
  }
  out.push(
    s.keyEvents,
    s.tracks.natoCohesion,
    s.tracks.article5Credibility,
    s.tracks.usPacificTarget,
  );
  return out;
}

function digest(sc: Scenario): unknown[] {
  const out: unknown[] = [];
  out.push(campaign(sc, {}, 'offensive'));
  out.push(campaign(sc, { balticForwardBrigades: 4, balticHeavyBrigades: 3 }, 'offensive'));
  out.push(campaign(sc, { ukraineStatus: 'russia-controls' }, 'offensive'));
  out.push(campaign(sc, { usArticle5Response: 'hesitant' }, 'incursion', 'narva'));
  out.push(campaign(sc, {}, 'incursion', 'suwalki-gap'));
  out.push(campaign(sc, {}, 'incursion', 'lithuania'));
  // Defences thin enough (or thick enough) that the short axes' depths show.
  out.push(
    campaign(sc, {}, 'incursion', 'lithuania', (s) => {
      forceById(s, 'lt-land-forces')!.strength = 1;
      forceById(s, 'de-pzbrig-45')!.strength = 1;
    }),
  );
  out.push(
    campaign(sc, {}, 'incursion', 'narva', (s) => {
      forceById(s, 'ee-narva')!.strength = 12;
    }),
  );
  // A move on the road under air control, step by step.
  for (const air of [-60, -20, 30, 80]) {
    const s = fresh({}, sc);
    s.europe.launched = 'offensive';
    sendMove(ctxAt(s, sc, 0), {
      actor: 'nato-europe',
      strength: 1000,
      readiness: 80,
      axis: 'riga',
      arrives: 1000,
      label: 'probe',
    });
    for (let k = 0; k < 5; k++) advanceMoves(ctxAt(s, sc, k), air);
    out.push(s.europe.moves);
  }
  // Article 5's answer at every level of cohesion, firm and hesitant.
  for (const firm of ['firm', 'hesitant'])
    for (let cohesion = 0; cohesion <= 100; cohesion += 5) {
      const s = fresh({ usArticle5Response: firm }, sc);
      s.tracks.natoCohesion = cohesion;
      s.flags.article5Invoked = true;
      const ctx = new Ctx(s, sc, 'events', { inPlace: true, quiet: false });
      allianceResponse(ctx);
      const e = ctx.log.find((x) => x.type === 'adjudication');
      out.push([e?.type === 'adjudication' ? e.roll?.target : -1, s.europe.moves, s.tracks]);
    }
  // Supply and air at every level of air control.
  const s = fresh({}, sc);
  regionForWrite(s, 'latvia').owner = 'russia';
  for (let air = -100; air <= 100; air += 1)
    out.push([natoSupplied(s, sc, 'estonia', air), sideMultipliers(sc, air, true)]);
  const t = fresh({}, sc);
  out.push(europeAirSea(t, sc));
  t.flags.article5Invoked = true;
  out.push(europeAirSea(t, sc));
  // The AI's counter-attack at several odds.
  const c = fresh({}, sc);
  regionForWrite(c, 'estonia').owner = 'russia';
  const occ = forceById(c, 'ee-defence-forces')!;
  occ.actor = 'russia';
  for (const n of [1, 5, 10, 20, 40, 80]) {
    occ.strength = n;
    for (const a5 of [false, true]) {
      c.flags.article5Invoked = a5;
      out.push(
        BEHAVIOURS['nato-europe.counter-attack'].assess(
          { s: c, sc, actor: 'nato-europe' },
          { type: 'nato-europe.counter-attack', target: 'estonia' },
        ),
      );
    }
  }
  return out;
}

interface Constant {
  readonly label: string;
  readonly path: (string | number)[];
  readonly value: number;
}

/** Every figure of `baltic` and `rules.baltic`, and the first echelon's strength and readiness. */
function constants(): Constant[] {
  const out: Constant[] = [];
  const walk = (o: Json, path: (string | number)[]): void => {
    if (o === null || typeof o !== 'object') return;
    if (typeof o.value === 'number' && typeof o.why === 'string') {
      out.push({ label: path.join('.'), path: [...path, 'value'], value: o.value });
      return;
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'sources') walk(v, [...path, k]);
  };
  walk(BASELINE.baltic, ['baltic']);
  walk(BASELINE.rules.baltic, ['rules', 'baltic']);
  for (const k of ['strength', 'readiness'])
    out.push({
      label: `forces.ru-leningrad-md.${k}`,
      path: ['forces', 'ru-leningrad-md', k],
      value: BASELINE.forces['ru-leningrad-md'][k],
    });
  return out;
}

/**
 * The scenario with one figure changed. A staging region's offensive shares sum to at most 100,
 * so a share of one that is already full moves to or from the first other axis it feeds.
 */
function changed(path: (string | number)[], value: number): Scenario | null {
  const data = structuredClone(BASELINE);
  let o = data;
  for (const k of path.slice(0, -1)) o = o[k];
  const key = path[path.length - 1]!;
  if (path[0] === 'baltic' && path[3] === 'from') {
    const region = path[4] as string;
    const other = Object.entries(data.baltic.axes as Record<string, Json>).find(
      ([id, a]) => id !== path[2] && a.from[region],
    );
    if (other) other[1].from[region].value -= value - o[key];
  }
  o[key] = value;
  const r = loadScenarioData(data, 'changed.json', baselineResolver);
  return r.ok ? r.value.scenario : null;
}

/**
 * The digest pinned: a deliberate change to any figure below changes it (the next block proves
 * that for each one), so it fails here. After a change made on purpose, record the new value.
 */
describe('the Baltic digest', () => {
  it('is the recorded one', () => {
    expect(hashValue(digest(SC))).toBe('b5149fb0a811fdfe');
  });
});

describe('every Baltic figure moves a result', () => {
  const base = JSON.stringify(digest(SC));
  it.each(constants().map((c) => [c.label, c] as const))('%s', (_label, c) => {
    const step = Math.max(1, Math.round(c.value * 0.2));
    const tries = [c.value + step, c.value - step, c.value * 2, Math.trunc(c.value / 2)];
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
