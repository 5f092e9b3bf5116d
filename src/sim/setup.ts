import { initialEnergy } from './campaigns/blockade';
import { initialAirSea } from './air-sea';
import { initialUsForces, pacificShare } from './us-pool';
import { ACTORS, BLOCS, FLAGS, type ActorId, type BlocId, type Flag } from './ids';
import {
  LEVER_DOMAINS,
  LEVER_NAMES,
  isLeverName,
  parseLeverNumber,
  type LeverName,
  type Levers,
} from './scenario/levers';
import type { Scenario } from './scenario/schema';
import {
  clamp,
  forceById,
  raiseForce,
  regionForWrite,
  type ActorState,
  type BlocState,
  type ForceState,
  type GameState,
  type RegionState,
  type WarState,
} from './state';
import type { Result } from './validation';

/** A lever problem, phrased for a person at a command line or a setup screen. */
export interface LeverProblem {
  readonly lever: string;
  readonly message: string;
}

/**
 * The scenario's default for every lever.
 *
 * @example
 * const s0 = createInitialState(scenario, '42', defaultLevers(scenario));
 */
export function defaultLevers(sc: Scenario): Levers {
  const out = {} as Record<LeverName, unknown>;
  for (const name of LEVER_NAMES) out[name] = sc.levers[name].default;
  return out as Levers;
}

/**
 * Check one lever value against the scenario's declared range. Accepts strings (from a command line
 * or a URL) and typed values (from a replay or a form).
 *
 * @example
 * parseLever(sc, 'article5Credibility', '0.9') // { ok: true, value: 0.9 }
 */
export function parseLever(
  sc: Scenario,
  name: string,
  raw: unknown,
): Result<Levers[LeverName], LeverProblem> {
  if (!isLeverName(name)) {
    const known = LEVER_NAMES.join(', ');
    return {
      ok: false,
      error: { lever: name, message: `unknown lever "${name}"; the levers are: ${known}` },
    };
  }
  const def = sc.levers[name];
  const dom = LEVER_DOMAINS[name];
  const bad = (expected: string): Result<never, LeverProblem> => ({
    ok: false,
    error: {
      lever: name,
      message: `lever ${name} must be ${expected}, found ${JSON.stringify(raw)} (${def.meaning})`,
    },
  });
  if (dom.kind === 'enum') {
    const values = def.values ?? [];
    return typeof raw === 'string' && values.includes(raw)
      ? { ok: true, value: raw as Levers[LeverName] }
      : bad(`one of ${values.join(' | ')}`);
  }
  if (dom.kind === 'boolean') {
    if (raw === true || raw === 'true') return { ok: true, value: true };
    if (raw === false || raw === 'false') return { ok: true, value: false };
    return bad('true or false');
  }
  const n =
    typeof raw === 'number' ? raw : typeof raw === 'string' ? (parseLeverNumber(raw) ?? NaN) : NaN;
  const min = def.min ?? dom.min;
  const max = def.max ?? dom.max;
  const range = `${dom.kind === 'integer' ? 'an integer' : 'a number'} in ${min}..${max}`;
  if (!Number.isFinite(n) || n < min || n > max) return bad(range);
  if (dom.kind === 'integer' && !Number.isInteger(n)) return bad(range);
  return { ok: true, value: n as Levers[LeverName] };
}

/**
 * The scenario defaults with `overrides` applied, every value checked.
 *
 * @example
 * const levers = resolveLevers(scenario, { usIntervention: 'delayed', chinaCourse: 'blockade' });
 * if (!levers.ok) console.error(`${levers.error.lever}: ${levers.error.message}`);
 */
export function resolveLevers(
  sc: Scenario,
  overrides: Readonly<Record<string, unknown>>,
): Result<Levers, LeverProblem> {
  const levers = defaultLevers(sc) as Record<LeverName, unknown>;
  for (const [name, raw] of Object.entries(overrides)) {
    const r = parseLever(sc, name, raw);
    if (!r.ok) return r;
    levers[name as LeverName] = r.value;
  }
  return { ok: true, value: levers as Levers };
}

/**
 * The state before turn 1: the scenario's data with the levers applied.
 *
 * @example
 * const s0 = createInitialState(scenario, '42', defaultLevers(scenario));
 */
export function createInitialState(sc: Scenario, seed: string, levers: Levers): GameState {
  const regions: Record<string, RegionState> = {};
  for (const [id, r] of Object.entries(sc.regions))
    regions[id] = { owner: r.owner, control: 100, contested: false };
  const forces: ForceState[] = Object.entries(sc.forces).map(([id, f]) => ({
    id,
    actor: f.actor,
    region: f.region,
    kind: f.kind,
    strength: f.strength,
    readiness: f.readiness,
  }));
  const actors = {} as Record<ActorId, ActorState>;
  for (const a of ACTORS) {
    const d = sc.actors[a];
    actors[a] = {
      support: d.domesticSupport,
      economicCost: 0,
      readiness: d.readiness,
      lastDecisions: [],
      taken: {},
      plan: null,
    };
  }
  const blocs = {} as Record<BlocId, BlocState>;
  for (const b of BLOCS) {
    const d = sc.blocs[b];
    blocs[b] = {
      spendingBp: Math.round(d.spendingPctGdp * 100),
      readiness: d.readiness,
      production: d.production,
      munitions: d.munitions,
    };
  }
  const flags = {} as Record<Flag, boolean>;
  for (const f of FLAGS) flags[f] = false;
  const t = sc.tracks;
  const us = initialUsForces(sc);
  const state: GameState = {
    scenarioId: sc.id,
    seed,
    turn: 0,
    hour: 0,
    levers,
    tracks: {
      escalation: { indoPacific: t.escalation.indoPacific, europe: t.escalation.europe },
      deterrence: { indoPacific: 50, europe: 50 },
      coordination: Math.round(levers.chinaRussiaCoordination * 100),
      natoCohesion: t.natoCohesion,
      article5Credibility: Math.round(levers.article5Credibility * 100),
      miscalcRisk: t.miscalcRisk,
      nonAligned: t.nonAligned,
      // The share follows the units where they stand; the scenario's figure is the US aim.
      usPacificShare: pacificShare({ us }),
      usPacificTarget: t.usPacificShare,
      taiwanSupply: t.taiwanSupply,
    },
    flags,
    actors,
    blocs,
    regions,
    forces,
    forceLabels: {},
    pipeline: [],
    taiwan: {
      phase: 'none',
      since: 0,
      mobilisedTurn: 0,
      lodgement: 0,
      crossingTurns: 0,
      defenceBonus: 0,
      chinaLosses: 0,
      usInterveneTurn: 0,
      beganHour: -1,
      ashore: 0,
      landed: 0,
      failedWaves: 0,
      front: 0,
      sectorControl: sc.taiwanCampaign.sectors.map(() => 0),
      defenders: sc.taiwanCampaign.sectors.map(() => 0),
      ashoreSupply: 100,
      regroupUntil: 0,
    },
    airSea: initialAirSea(sc),
    europe: {
      operation: 'none',
      targets: [],
      occupiedTurns: 0,
      beganHour: -1,
      launched: 'none',
      axes: [],
      sentPct: [...sc.baltic.followOn, ...sc.baltic.reinforcements].map(() => 0),
      moves: [],
      counterAttack: '',
      carry: Object.keys(sc.baltic.axes).flatMap(() => [0, 0]),
    },
    us,
    ukraine: {
      status: 'fighting',
      territoryHeldBp: sc.ukraine.territoryHeldBp,
      russianCasualties: sc.ukraine.russianCasualties,
      ukrainianCasualties: sc.ukraine.ukrainianCasualties,
      guarantees: { ownForces: true, coalition: false, usBackstop: false },
      russianOffensive: true,
    },
    energy: initialEnergy(sc),
    wars: { indoPacific: initialWar(), europe: initialWar() },
    keyEvents: [],
    fired: [],
    outcome: null,
    turnStats: { combats: { nato: 0, china: 0, russia: 0 }, militaryActions: 0 },
  };
  applyLevers(state, sc, levers);
  return state;
}

/** Before turn 1 no theater has fought; the first turn's events derive crisis from the ladder. */
function initialWar(): WarState {
  return { status: 'peace', since: 0, foughtTurn: 0, lastFightTurn: 0 };
}

function applyLevers(s: GameState, sc: Scenario, levers: Levers): void {
  const rules = sc.rules;
  // NATO spending above (or below) the scenario's own figure shows in readiness and production
  // from the start: the money was spent before the crisis.
  const baseBp = Math.round(sc.blocs.nato.spendingPctGdp * 100);
  const bp = Math.round(levers.natoSpendingPctGdp * 100);
  const nato = s.blocs.nato;
  nato.spendingBp = bp;
  // Readiness per whole percentage point of GDP, pro rata: 2.8 points above is 2.8 × the step.
  const gain = Math.trunc(((bp - baseBp) * rules.economy.readinessPerSpendingPoint) / 100);
  nato.readiness = clamp(nato.readiness + gain, 0, 100);
  nato.production = clamp(nato.production + gain, 0, 100);
  nato.munitions = clamp(nato.munitions + gain, 0, 100);
  // European forces train and stock up with the money too.
  for (const f of s.forces)
    if (f.actor === 'nato-europe') f.readiness = clamp(f.readiness + Math.trunc(gain / 2), 0, 100);

  // NATO brigades on the ground in the Baltic states, spread over them in order.
  const states = sc.roles.balticStates;
  const addBrigades = (count: number, heavy: boolean): void => {
    for (let i = 0; i < count; i++) {
      const region = states[i % states.length]!;
      const id = `nato-${heavy ? 'heavy' : 'forward'}-${region}`;
      const per = heavy ? rules.europe.heavyBrigadeStrength : rules.europe.brigadeStrength;
      const f = forceById(s, id);
      if (f) f.strength += per;
      else
        raiseForce(
          s,
          {
            id,
            actor: 'nato-europe',
            region,
            kind: 'ground',
            strength: per,
            readiness: 80,
          },
          `NATO ${heavy ? 'heavy' : 'forward'} brigades (${sc.regions[region]?.name ?? region})`,
        );
    }
  };
  addBrigades(levers.balticForwardBrigades, false);
  addBrigades(levers.balticHeavyBrigades, true);
  // Money spent before the crisis is also troops on the flank: one more heavy brigade in the
  // Baltic states for each whole point of GDP above the scenario's own figure.
  addBrigades(Math.max(0, Math.trunc((bp - baseBp) / 100)), true);

  // `japanBases` says whether Tokyo will let US combat operations fly from Japan; Japan opens
  // them (a decision on its menu) once China uses force.

  const u = s.ukraine;
  switch (levers.ukraineStatus) {
    case 'fighting':
      break;
    case 'ceasefire-guaranteed':
      u.status = 'ceasefire';
      u.russianOffensive = false;
      u.guarantees = { ownForces: true, coalition: true, usBackstop: true };
      s.flags.ukraineCeasefire = true;
      break;
    case 'ceasefire-unguaranteed':
      u.status = 'ceasefire';
      u.russianOffensive = false;
      s.flags.ukraineCeasefire = true;
      break;
    case 'russia-controls': {
      u.status = 'russia-controls';
      u.territoryHeldBp = 0;
      u.russianOffensive = false;
      u.guarantees = { ownForces: false, coalition: false, usBackstop: false };
      const held = s.regions[sc.roles.ukraineHeld]
        ? regionForWrite(s, sc.roles.ukraineHeld)
        : undefined;
      if (held) held.owner = 'russia';
      // Forces that were fighting in Ukraine now stand on NATO's border.
      for (const f of s.forces) if (f.actor === 'ukraine') f.strength = Math.trunc(f.strength / 5);
      s.tracks.escalation.europe = Math.max(s.tracks.escalation.europe, 2);
      break;
    }
    default: {
      const never: never = levers.ukraineStatus;
      throw new Error(`unknown ukraineStatus ${String(never)}`);
    }
  }
}
