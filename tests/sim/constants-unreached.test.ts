import { describe, expect, it } from 'vitest';
import { taiwanCampaign } from '../../src/sim/campaigns/taiwan';
import { Ctx } from '../../src/sim/context';
import { incidentChance } from '../../src/sim/escalation';
import type { ActorId } from '../../src/sim/ids';
import { BEHAVIOURS } from '../../src/sim/options';
import type { OptionId } from '../../src/sim/options/params';
import { loadScenarioData } from '../../src/sim/scenario/load';
import type { Scenario } from '../../src/sim/scenario/schema';
import { createInitialState, resolveLevers } from '../../src/sim/setup';
import type { GameState } from '../../src/sim/state';
import { BASELINE, type Json } from '../helpers/baseline';
import { scenario } from '../helpers/game';

/**
 * Constants that no golden campaign of tests/sim/constants.test.ts can move, shown doing what they
 * say on small states built by hand. Each is a finding, listed in that file's exemptions with the
 * reason no game moves it:
 *
 * - read only on a path no game of the bundled scenarios takes (Japan's bases already open when
 *   the US has intervened, Japan already attacked when it could join an invasion or strikes, the
 *   game over once Taipei has fallen, a Japanese force always in the Ryukyus);
 * - or inert where the games go (a threshold no invasion comes near, a utility term too small to
 *   tip a decision that is never close, a cap above the most its formula can reach).
 *
 * The digest below pins what each gives, and the last block proves each constant moves it, so a
 * deliberate change to any of them fails here.
 */

const SC = scenario('two-front').scenario;

function fresh(sc: Scenario, levers: Record<string, unknown> = {}): GameState {
  const lv = resolveLevers(sc, levers);
  if (!lv.ok) throw new Error(lv.error.message);
  return createInitialState(sc, 'unreached', lv.value);
}

/** An option's raw utility terms for `actor` in state `s`. */
function assess(sc: Scenario, s: GameState, actor: ActorId, id: OptionId): unknown {
  const view = { s, sc, actor, memo: {} };
  const d = { type: id };
  expect(BEHAVIOURS[id].legal(view, d), `${id} is legal in the state built for it`).toBe(null);
  return BEHAVIOURS[id].assess(view, d);
}

/**
 * China's lodgement destroyed in step 1 (five points ashore against 300), with `staging` points of
 * ground forces on the coast before the step: the invasion goes on, or is repulsed for want of
 * troops to carry (`taiwanOps.minStagingPoints`). No game comes near: in 240 invasions of
 * different levers, China's staging army never fell below about 190 points with nothing ashore;
 * the fleet is always sunk first.
 */
function afterLodgementLost(sc: Scenario, staging: number): string {
  const s = fresh(sc, { chinaCourse: 'invasion', russiaCourse: 'stay-out' });
  s.turn = 4;
  s.hour = (s.turn - 1) * sc.calendar.turnHours;
  Object.assign(s.flags, {
    chinaMobilised: true,
    strikesActive: true,
    invasionLaunched: true,
    taiwanLanding: true,
  });
  const t = s.taiwan;
  Object.assign(t, { phase: 'lodgement', beganHour: s.hour - sc.calendar.turnHours, front: 0 });
  t.sectorControl = [1, 0, 0];
  t.defenders = [300, 30, 70];
  t.ashore = 5;
  t.landed = 5;
  let left = staging;
  for (const f of s.forces)
    if (f.actor === 'china' && f.kind === 'ground' && sc.roles.chinaStaging.includes(f.region)) {
      f.strength = left;
      left = 0;
    }
  const ctx = new Ctx(s, sc, 'adjudication', { inPlace: true, quiet: true });
  ctx.atStep(1);
  taiwanCampaign(ctx);
  return `${staging}: ${t.phase}`;
}

function digest(sc: Scenario): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Some of what is left is on its way across in the step, so the edge lies a few points above.
  out['staging'] = [12, 14, 15, 16, 17, 18, 19, 20, 22].map((n) => afterLodgementLost(sc, n));

  // Japan's choice to join: legal only with its bases open and the US in, before China has struck
  // them. In a blockade the US has entered (the only case a game reaches, where the option scores
  // about -19 and is never taken), and in an invasion or under strikes (not reached: China's salvo
  // at the bases in the first step of the US's war makes Japan a party before it can choose).
  const jp = fresh(sc);
  Object.assign(jp.flags, { blockadeActive: true, usIntervened: true, japanBasesOpen: true });
  out['join.blockade'] = assess(sc, jp, 'japan', 'japan.join-defence');
  Object.assign(jp.flags, { invasionLaunched: true, strikesActive: true });
  out['join.invasion'] = assess(sc, jp, 'japan', 'japan.join-defence');

  // Opening the bases once the US has intervened: never reached, the US's entry opens them.
  const bases = fresh(sc);
  Object.assign(bases.flags, { blockadeActive: true, usIntervened: true });
  out['bases.usIn'] = assess(sc, bases, 'japan', 'japan.open-bases');

  // China asking Moscow after the US has entered (China always asks first, or never).
  const ask = fresh(sc);
  Object.assign(ask.flags, { invasionLaunched: true, usIntervened: true });
  out['askRussia.usIn'] = assess(sc, ask, 'china', 'china.ask-russia-second-front');

  // China's talks after a repulse (always taken: worth far more than the term), and while a
  // blockade strangles Taiwan (China opens talks before the supply falls that low, or not at all).
  const rep = fresh(sc);
  rep.flags.invasionLaunched = true;
  rep.taiwan.phase = 'repulsed';
  out['negotiate.repulsed'] = assess(sc, rep, 'china', 'china.negotiate');
  const strangled = fresh(sc);
  strangled.flags.blockadeActive = true;
  strangled.taiwan.phase = 'blockade';
  strangled.tracks.taiwanSupply = 40;
  out['negotiate.strangled'] = assess(sc, strangled, 'china', 'china.negotiate');

  // The US seat's choice to intervene while an invasion is on: never reached, the usIntervention
  // lever brings the US in at the invasion's first step (prompt) or at its due hour inside a turn
  // (delayed), before the seat decides again.
  const usInv = fresh(sc);
  Object.assign(usInv.flags, { invasionLaunched: true, strikesActive: true });
  out['intervene.invasion'] = assess(sc, usInv, 'usa', 'usa.intervene-taiwan');

  // Taiwan's answer to talks China has opened (games settle before Taiwan is asked, or China
  // never opens them while its campaign is on).
  const talks = fresh(sc);
  Object.assign(talks.flags, { strikesActive: true, chinaNegotiating: true });
  out['taiwanTalks.china'] = assess(sc, talks, 'taiwan', 'taiwan.negotiate');

  // The non-aligned states after Taipei's fall: never reached, the game ends with it.
  const east = fresh(sc);
  east.flags.taipeiFallen = true;
  out['leanEast.taipei'] = assess(sc, east, 'non-aligned', 'non-aligned.lean-east');

  // Japan reinforcing the Ryukyus with no force of its own there (the bundled scenario has two).
  const ry = fresh(sc);
  ry.tracks.escalation.indoPacific = 3;
  ry.forces = ry.forces.filter((f) => !(f.actor === 'japan' && f.region === 'ryukyus'));
  const ctx = new Ctx(ry, sc, 'adjudication', { inPlace: true, quiet: true });
  BEHAVIOURS['japan.reinforce-ryukyus'].apply(ctx, { type: 'japan.reinforce-ryukyus' });
  const raised = ry.forces.find((f) => f.actor === 'japan' && f.region === 'ryukyus');
  out['ryukyus.raised'] = raised && { strength: raised.strength, readiness: raised.readiness };

  // The incident chance at the highest miscalculation risk on each crisis rung: the cap binds only
  // below 25 (100 × (2 + 1) / 12), and games reach about 13.
  const inc = fresh(sc);
  inc.tracks.miscalcRisk = 100;
  out['incident'] = [1, 2].map((rung) => {
    inc.tracks.escalation.europe = rung;
    return incidentChance(inc, sc, 'europe');
  });
  return out;
}

describe('constants no golden campaign moves, on small states', () => {
  it('the digest is the recorded one', () => {
    const j = (gain: number, risk: number, cost: number, alliance: number, domestic: number) => ({
      gain,
      risk,
      cost,
      alliance,
      domestic,
    });
    expect(digest(SC)).toEqual({
      staging: [
        '12: repulsed',
        '14: repulsed',
        '15: repulsed',
        '16: repulsed',
        '17: crossing',
        '18: crossing',
        '19: crossing',
        '20: crossing',
        '22: crossing',
      ],
      'join.blockade': j(6, -14, -8, 8, -10),
      'join.invasion': j(28, -14, -8, 8, -10),
      'bases.usIn': j(25, -8, -2, 8, -6),
      'askRussia.usIn': j(28.8, -4, 0, 2.5, 0),
      'negotiate.repulsed': j(30, 0, -0, 0, -6),
      'negotiate.strangled': j(-20, 0, -0, 0, -6),
      'intervene.invasion': j(47, -17, -12, 10, -8),
      'taiwanTalks.china': j(-27, 0, -0, 0, -12),
      'leanEast.taipei': j(4, 0, 0, 0, 0),
      'ryukyus.raised': { strength: 10, readiness: 80 },
      incident: [16, 25],
    });
  });
});

/** The constants this file stands for: their labels in tests/sim/constants.test.ts, and paths. */
const COVERED: readonly (readonly [string, readonly string[]])[] = [
  ...[
    'taiwanOps.minStagingPoints',
    'aiPartners.joinGain',
    'aiPartners.joinGainInvasion',
    'aiPartners.joinStrikesGain',
    'aiPartners.joinRisk',
    'aiPartners.joinAlliance',
    'aiPartners.basesIntervenedGain',
    'aiChina.askRussiaIntervenedGain',
    'aiChina.negotiateRepulsedGain',
    'aiChina.negotiateStrangledPenalty',
    'aiBackground.eastTaipeiGain',
    'miscalc.incidentChanceMaxPct',
    'aiUsa.interveneInvasionGain',
    'aiPartners.taiwanTalksGain',
  ].map((k) => [`rules.${k}`, ['rules', ...k.split('.')]] as const),
  [
    'options.japan.reinforce-ryukyus.params.readiness',
    ['options', 'japan.reinforce-ryukyus', 'params', 'readiness'],
  ],
];

function at(path: readonly string[]): { o: Json; k: string } {
  let o: Json = BASELINE;
  for (const k of path.slice(0, -1)) o = o[k];
  return { o, k: path[path.length - 1]! };
}

function valueOf(path: readonly string[]): number {
  const { o, k } = at(path);
  return typeof o[k] === 'number' ? o[k] : o[k].value;
}

function changed(path: readonly string[], value: number): Scenario | null {
  const data: Json = structuredClone(BASELINE);
  let o = data;
  for (const k of path.slice(0, -1)) o = o[k];
  const k = path[path.length - 1]!;
  if (typeof o[k] === 'number') o[k] = value;
  else o[k].value = value;
  const r = loadScenarioData(data, 'changed.json');
  return r.ok ? r.value.scenario : null;
}

describe('each of these constants moves the digest', () => {
  const base = JSON.stringify(digest(SC));
  it.each(COVERED)('%s', (label, path) => {
    const v = valueOf(path);
    const step = Math.max(1, Math.round(Math.abs(v) * 0.2));
    const moved = [v + step, v - step].filter((x) => {
      const sc = changed(path, x);
      return sc !== null && JSON.stringify(digest(sc)) !== base;
    });
    expect(
      moved.length,
      `${label}: neither ${v + step} nor ${v - step} moves the digest`,
    ).toBeGreaterThan(0);
  });
});
