import { describe, expect, it } from 'vitest';
import { Ctx } from '../../src/sim/context';
import type { Theater, WarStatus } from '../../src/sim/ids';
import { adjudicate } from '../../src/sim/phases';
import { checkOutcome, holds, scoreOutcome, theaterDetail } from '../../src/sim/outcomes';
import { judge } from '../../src/sim/scenario/conditions';
import { loadScenarioData, type LoadedScenario } from '../../src/sim/scenario/load';
import { createInitialState, resolveLevers } from '../../src/sim/setup';
import { regionForWrite, type GameState } from '../../src/sim/state';
import type { InputProblem, Result } from '../../src/sim/validation';
import { bothAccept, derivedStatus, settle, updateWars } from '../../src/sim/wars';
import { BASELINE, type Json } from '../helpers/baseline';
import { game, scenario } from '../helpers/game';

/**
 * Wars end per theater and outcomes name the end honestly: a war status per theater derived from
 * events, settlements that need both sides, a Ukraine ceasefire that leaves a Baltic war running,
 * and for every end state the outcome that names it, with a line per theater.
 */

const sc = scenario('two-front').scenario;

function initial(seed = 'outcomes'): GameState {
  const levers = resolveLevers(sc, {});
  if (!levers.ok) throw new Error(levers.error.message);
  const s = createInitialState(sc, seed, levers.value);
  s.turn = 5;
  return s;
}

function war(s: GameState, theater: Theater, status: WarStatus = 'war', foughtTurn = 2): void {
  s.wars[theater] = { status, since: s.turn, foughtTurn, lastFightTurn: s.turn };
}

/** The outcome the game would end with now, as at the last turn. */
function ending(s: GameState): NonNullable<GameState['outcome']> {
  const ctx = new Ctx(s, sc, 'assessment', { inPlace: true });
  checkOutcome(ctx, true);
  if (!s.outcome) throw new Error('no outcome');
  return s.outcome;
}

function broken(mutate: (d: Json) => void): Result<LoadedScenario, InputProblem[]> {
  const d = structuredClone(BASELINE);
  mutate(d);
  return loadScenarioData(d, 'bad.json');
}

function problemAt(r: Result<LoadedScenario, InputProblem[]>, path: string): string {
  expect(r.ok).toBe(false);
  if (r.ok) return '';
  const hit = r.error.find((p) => p.path === path);
  expect(
    hit,
    `no problem at ${path}; got:\n${r.error.map((p) => p.message).join('\n')}`,
  ).toBeDefined();
  return hit?.message ?? '';
}

describe('the bundled war rules', () => {
  // Pinned on purpose: a change to when a war is a ceasefire, what a settlement does or how the
  // sides weigh talks is a balance change that must show up here (scores: tests/sim/score.test.ts).
  it('are the figures the wars and outcomes rest on', () => {
    expect(sc.rules.war).toEqual({
      crisisRung: 2,
      ceasefireQuietTurns: 2,
      settlementRelief: 2,
      offerBase: -14,
      offerHoldingGain: 16,
      offerFailingWeight: 30,
      offerCostDivisor: 3,
      acceptBase: -10,
      acceptOfferGain: 14,
      acceptNuclearGain: 10,
      acceptOccupiedLoss: 20,
      acceptCostDivisor: 4,
    });
  });
});

describe('war conditions', () => {
  it('test the war status and whether a theater ever fought', () => {
    const s = initial();
    expect(holds(s, { war: 'europe', is: ['peace'] })).toBe(true);
    expect(holds(s, { fought: 'europe' })).toBe(false);
    expect(holds(s, { fought: 'europe', is: false })).toBe(true);
    war(s, 'europe', 'ceasefire');
    expect(holds(s, { war: 'europe', is: ['war', 'ceasefire'] })).toBe(true);
    expect(holds(s, { war: 'europe', is: ['war'] })).toBe(false);
    expect(holds(s, { fought: 'europe' })).toBe(true);
  });

  it('are strict in the schema', () => {
    const when = (c: unknown) =>
      broken((d) => {
        d.outcomes[2].when = c;
      });
    expect(when({ war: 'europe', is: [] }).ok).toBe(false);
    expect(when({ war: 'europe', is: ['truce'] }).ok).toBe(false);
    expect(when({ war: 'atlantic', is: ['war'] }).ok).toBe(false);
    expect(when({ fought: 'europe', is: 'yes' }).ok).toBe(false);
    expect(when({ fought: 'europe', since: 3 }).ok).toBe(false);
    expect(when({ war: 'europe', is: ['war'] }).ok).toBe(true);
    expect(when({ fought: 'indoPacific', is: false }).ok).toBe(true);
  });

  it('a war condition naming every status always holds', () => {
    const all = ['peace', 'crisis', 'war', 'ceasefire', 'settled'] as WarStatus[];
    expect(judge({ war: 'europe', is: all }, BASELINE).verdict).toBe('always');
    expect(judge({ war: 'europe', is: ['war'] }, BASELINE).verdict).toBe('maybe');
  });
});

describe('theater outcomes in the scenario', () => {
  it('need a catch-all last for each theater', () => {
    const r = broken((d) => {
      d.theaterOutcomes = d.theaterOutcomes.filter((o: Json) => o.id !== 'eu-peace');
    });
    expect(problemAt(r, '$.theaterOutcomes')).toContain('for europe that always holds');
  });

  it('refuse a rule hidden behind a catch-all, and repeated ids', () => {
    const hidden = broken((d) => {
      d.theaterOutcomes.push({ ...d.theaterOutcomes[0], id: 'ip-late' });
    });
    const last = BASELINE.theaterOutcomes.length;
    expect(problemAt(hidden, `$.theaterOutcomes[${last}]`)).toContain('which always holds');
    const twice = broken((d) => {
      d.theaterOutcomes[1].id = d.theaterOutcomes[0].id;
    });
    expect(problemAt(twice, '$.theaterOutcomes[1].id')).toContain('unique id');
  });
});

describe('wars per theater', () => {
  it('crisis comes from the ladder, war from fighting, a ceasefire from quiet with nothing agreed', () => {
    const s = initial();
    expect(derivedStatus(s, sc, 'europe')).toBe('peace');
    s.tracks.escalation.europe = 2;
    expect(derivedStatus(s, sc, 'europe')).toBe('crisis');
    s.turnStats.combats.russia = 1;
    const ctx = new Ctx(s, sc, 'events', { inPlace: true });
    updateWars(ctx);
    expect(s.wars.europe).toEqual({ status: 'war', since: 5, foughtTurn: 5, lastFightTurn: 5 });
    s.turnStats.combats.russia = 0;
    s.turn = 6;
    expect(derivedStatus(s, sc, 'europe')).toBe('war');
    s.turn = 7;
    expect(derivedStatus(s, sc, 'europe')).toBe('ceasefire');
  });

  it('a Ukraine ceasefire leaves a Baltic war running', () => {
    const s = initial();
    s.tracks.escalation.europe = 5;
    s.flags.secondFront = true;
    s.europe.operation = 'incursion';
    s.europe.targets = ['narva'];
    war(s, 'europe');
    // Russia proposes a ceasefire in Ukraine and Ukraine takes it; the US is talking too.
    const r = adjudicate(
      s,
      sc,
      {
        russia: [{ type: 'russia.propose-ceasefire' }],
        ukraine: [{ type: 'ukraine.accept-ceasefire' }],
        usa: [{ type: 'usa.negotiate' }],
      },
      { russia: 'human', ukraine: 'human', usa: 'human' },
    );
    // Ukraine accepts on the next turn's menu; force the ceasefire as its decision would.
    const after = r.state;
    after.ukraine.status = 'ceasefire';
    after.flags.ukraineCeasefire = true;
    const ctx = new Ctx(after, sc, 'events', { inPlace: true });
    updateWars(ctx);
    expect(after.flags.europeSettlement).toBe(false);
    expect(after.europe.operation).toBe('incursion');
    expect(after.wars.europe.status).toBe('war');
    const o = ending(after);
    expect(o.id).not.toBe('negotiated-settlement');
    expect(o.theaters.europe.label).toBe('Baltic war continues');
    expect(o.theaters.europe.detail).toContain('Ukraine: ceasefire');
  });

  it('a settlement needs both sides: Russia’s offer and NATO’s acceptance', () => {
    const s = initial();
    war(s, 'europe');
    s.europe.operation = 'incursion';
    s.europe.targets = ['narva'];
    s.flags.russiaOffersTerms = true;
    settle(new Ctx(s, sc, 'events', { inPlace: true }));
    expect(s.flags.europeSettlement).toBe(false);
    s.flags.russiaOffersTerms = false;
    s.flags.natoNegotiating = true;
    settle(new Ctx(s, sc, 'events', { inPlace: true }));
    expect(s.flags.europeSettlement).toBe(false);
    expect(bothAccept(s, 'europe')).toBe(false);
    s.flags.russiaOffersTerms = true;
    settle(new Ctx(s, sc, 'events', { inPlace: true }));
    expect(s.flags.europeSettlement).toBe(true);
    expect(s.europe.operation).toBe('none');
    expect(s.wars.europe.status).toBe('settled');
  });

  it('China and Taiwan or the US, in the Indo-Pacific; never over a fallen Taipei', () => {
    const s = initial();
    s.tracks.escalation.indoPacific = 5;
    s.flags.strikesActive = true;
    war(s, 'indoPacific');
    s.flags.chinaNegotiating = true;
    settle(new Ctx(s, sc, 'events', { inPlace: true }));
    expect(s.flags.indoPacificSettlement).toBe(false);
    s.flags.taiwanNegotiating = true;
    s.taiwan.phase = 'fallen';
    settle(new Ctx(s, sc, 'events', { inPlace: true }));
    expect(s.flags.indoPacificSettlement).toBe(false);
    s.taiwan.phase = 'lodgement';
    settle(new Ctx(s, sc, 'events', { inPlace: true }));
    expect(s.flags.indoPacificSettlement).toBe(true);
    expect(s.taiwan.phase).toBe('settled');
    // The ladder comes down below limited war.
    expect(s.tracks.escalation.indoPacific).toBe(3);
  });

  it('talks offered before the fighting lapse when it begins', () => {
    const s = initial();
    s.tracks.escalation.europe = 3;
    s.wars.europe.status = 'crisis';
    s.flags.natoNegotiating = true;
    s.turnStats.combats.russia = 2;
    updateWars(new Ctx(s, sc, 'events', { inPlace: true }));
    expect(s.wars.europe.status).toBe('war');
    expect(s.flags.natoNegotiating).toBe(false);
  });

  it('combat after a settlement breaks it', () => {
    const s = initial();
    war(s, 'europe', 'settled');
    s.wars.europe.since = 3;
    s.flags.europeSettlement = true;
    s.flags.russiaOffersTerms = true;
    s.flags.natoNegotiating = true;
    s.turnStats.combats.russia = 1;
    updateWars(new Ctx(s, sc, 'events', { inPlace: true }));
    expect(s.flags.europeSettlement).toBe(false);
    expect(s.wars.europe.status).toBe('war');
  });
});

describe('each end is named honestly', () => {
  it('nuclear use', () => {
    const s = initial();
    s.keyEvents.push({ name: 'nuclearUse', turn: 5, hour: 400 });
    s.tracks.escalation.europe = 7;
    const o = ending(s);
    expect([o.id, o.theaters.europe.id]).toEqual(['nuclear-use', 'eu-nuclear']);
  });

  it('Taiwan falls', () => {
    const s = initial();
    s.flags.invasionLaunched = true;
    s.flags.taipeiFallen = true;
    war(s, 'indoPacific');
    const o = ending(s);
    expect([o.id, o.theaters.indoPacific.label]).toEqual(['taiwan-falls', 'Taiwan falls']);
  });

  it('a two-front war only when both theaters fought, and not when both settled', () => {
    const s = initial();
    s.tracks.escalation = { indoPacific: 5, europe: 5 };
    war(s, 'indoPacific');
    expect(ending(s).id).not.toBe('two-front-war');
    war(s, 'europe');
    s.outcome = null;
    expect(ending(s).id).toBe('two-front-war');
    war(s, 'indoPacific', 'settled');
    war(s, 'europe', 'settled');
    s.flags.indoPacificSettlement = true;
    s.flags.europeSettlement = true;
    s.outcome = null;
    expect(ending(s).id).toBe('negotiated-settlement');
  });

  it('the high rungs alone are not a war: no two-front war from the ladder without fighting', () => {
    const s = initial();
    s.tracks.escalation = { indoPacific: 5, europe: 5 };
    expect(ending(s).id).not.toBe('two-front-war');
  });

  it('a Baltic fait accompli', () => {
    const s = initial();
    war(s, 'europe', 'ceasefire');
    s.flags.balticCapitalFallen = true;
    regionForWrite(s, 'estonia').owner = 'russia';
    const o = ending(s);
    expect([o.id, o.theaters.europe.id]).toEqual(['baltic-fait-accompli', 'eu-fait-accompli']);
    expect(o.theaters.europe.detail).toMatch(/^Tallinn fallen; Riga, Vilnius held/);
  });

  it('Taiwan holds (invasion repulsed), never “deterrence holds” after an invasion', () => {
    const s = initial();
    s.flags.invasionLaunched = true;
    s.flags.invasionRepulsed = true;
    s.taiwan.phase = 'repulsed';
    war(s, 'indoPacific', 'ceasefire');
    const o = ending(s);
    expect(o.id).toBe('taiwan-holds');
    expect(o.theaters.indoPacific.label).toBe('Taiwan holds (invasion repulsed)');
    expect(o.summary).toBe(
      'Indo-Pacific: Taiwan holds (invasion repulsed; Taipei held; fighting stopped, nothing agreed); Europe: Deterrence holds (Ukraine: war goes on)',
    );
  });

  it('a Baltic war, never “deterrence holds” after a Russian attack', () => {
    const s = initial();
    war(s, 'europe', 'ceasefire');
    const o = ending(s);
    expect(o.id).toBe('baltic-war');
    expect(o.theaters.europe.label).toBe('Baltic war halted (nothing agreed)');
    war(s, 'europe');
    s.outcome = null;
    expect(ending(s).theaters.europe.label).toBe('Baltic war continues');
  });

  it('no “negotiated settlement” while a theater is at war', () => {
    const s = initial();
    war(s, 'indoPacific', 'settled');
    s.flags.indoPacificSettlement = true;
    s.tracks.escalation.europe = 3;
    s.wars.europe.status = 'crisis';
    expect(ending(s).id).toBe('negotiated-settlement');
    war(s, 'europe');
    s.outcome = null;
    const o = ending(s);
    expect(o.id).toBe('two-front-war');
    expect(o.summary).toContain('Europe: Baltic war continues');
  });

  it('a negotiated settlement beside Ukraine’s war says that war goes on, never “no theater at war”', () => {
    const s = initial();
    war(s, 'indoPacific', 'settled');
    s.flags.indoPacificSettlement = true;
    const o = ending(s);
    expect(o.id).toBe('negotiated-settlement');
    expect(o.summary).toContain('Ukraine: war goes on');
    const rule = sc.outcomes.find((x) => x.id === o.id)!;
    expect(rule.description).not.toMatch(/no theater is still at war/);
    expect(rule.description).toContain('war in Ukraine');
  });

  it('Taiwan coerced, a war in the Pacific, a blockade standoff, deterrence holds', () => {
    const s = initial();
    s.flags.blockadeActive = true;
    s.tracks.taiwanSupply = 25;
    expect(ending(s).id).toBe('coerced-taiwan');
    s.outcome = null;
    s.tracks.taiwanSupply = 60;
    const standoff = ending(s);
    expect([standoff.id, standoff.theaters.indoPacific.detail]).toEqual([
      'blockade-standoff',
      'supply 60%',
    ]);
    s.outcome = null;
    war(s, 'indoPacific');
    expect(ending(s).id).toBe('pacific-war');
    const calm = initial();
    const o = ending(calm);
    expect([o.id, o.theaters.indoPacific.id, o.theaters.europe.id]).toEqual([
      'deterrence-holds',
      'ip-peace',
      'eu-peace',
    ]);
  });

  it('scores: the outcome’s base, one point per 5 of support gained and per 5 of economic cost', () => {
    // The first three terms of every actor's objectives; China's goal terms are 0 here.
    const s = initial();
    s.actors.china.support = sc.actors.china.domesticSupport - 12;
    s.actors.china.economicCost = 23;
    const rule = sc.outcomes.find((o) => o.id === 'deterrence-holds')!;
    // -15 base, trunc(-12 / 5) = -2, trunc(23 / 5) = 4.
    expect(scoreOutcome(s, sc, rule).china).toBe(-21);
  });

  it('theater detail names Ukraine on its own line, not as the end of the Baltic war', () => {
    const s = initial();
    s.ukraine.status = 'ceasefire';
    expect(theaterDetail(s, sc, 'europe')).toBe('Ukraine: ceasefire');
  });
});

describe('whole games end honestly', () => {
  it('the outcome agrees with each theater’s war', () => {
    const bad: string[] = [];
    for (let i = 0; i < 24; i++) {
      const seed = `honest-${i}`;
      const b = game('two-front').seed(seed).quiet();
      if (i % 3 === 1) b.set('chinaCourse', 'invasion');
      if (i % 3 === 2) b.set('russiaCourse', 'limited-incursion');
      const s = b.play().state;
      const o = s.outcome!;
      const w = { ip: s.wars.indoPacific, eu: s.wars.europe };
      const atWar = w.ip.status === 'war' || w.eu.status === 'war';
      if (o.id === 'negotiated-settlement' && atWar) bad.push(`${seed}: settlement at war`);
      if (o.id === 'deterrence-holds' && (w.ip.foughtTurn > 0 || w.eu.foughtTurn > 0))
        bad.push(`${seed}: deterrence holds after fighting`);
      if (o.id === 'deterrence-holds' && s.flags.invasionLaunched)
        bad.push(`${seed}: deterrence holds after an invasion`);
      if (o.id === 'two-front-war' && !(w.ip.foughtTurn > 0 && w.eu.foughtTurn > 0))
        bad.push(`${seed}: two-front war without two fronts`);
      if (o.theaters.europe.id === 'eu-settled' && !s.flags.europeSettlement)
        bad.push(`${seed}: Europe named settled without a settlement`);
    }
    expect(bad).toEqual([]);
  });
});
