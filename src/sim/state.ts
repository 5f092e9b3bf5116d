import type {
  ActorId,
  BlocId,
  Flag,
  ForceKind,
  KeyEventName,
  PlayableActorId,
  TaiwanPhase,
  Theater,
  WarStatus,
} from './ids';
import type { OptionId } from './options/params';
import type { Levers } from './scenario/levers';
import type { ScoreTerm } from './score';

/**
 * The whole game state: plain, JSON-serialisable data built in a fixed key order, so that its hash
 * is a faithful fingerprint. Integers throughout (percentages, basis points, strength points):
 * adjudication never depends on floating-point rounding that could differ between runtimes.
 */

/** One choice from an actor's menu. `type` is the option id. */
export interface Decision {
  readonly type: OptionId;
  /** A region id or actor id, for options that need one. */
  readonly target?: string;
  /** A number, for options that need one (for example the US Pacific share to aim for). */
  readonly amount?: number;
}

export interface RegionState {
  owner: ActorId | null;
  /** The owner's hold on the region, 0..100; below 100 with an enemy present it is contested. */
  control: number;
  contested: boolean;
}

export interface ForceState {
  /** The scenario's force id, or a generated one for forces raised in play. */
  id: string;
  actor: ActorId;
  region: string;
  kind: ForceKind;
  strength: number;
  readiness: number;
}

export interface ActorState {
  support: number;
  economicCost: number;
  readiness: number;
  /** Decisions taken last turn, and which of them other actors have seen. */
  lastDecisions: Decision[];
  /** How often each option has been taken this game (the AI's repeats lose worth). Replaced, never changed in place. */
  taken: Readonly<Record<string, number>>;
  /** The course of action the AI follows for this actor, or null (src/sim/ai/planner.ts). */
  plan: PlanMemory | null;
}

/** An AI actor's plan between turns. Replaced, never changed in place. */
export interface PlanMemory {
  /** The plan's id in the scenario's `aiPlans`. */
  readonly id: string;
  /** The stage being followed (index into the plan's stages). */
  readonly stage: number;
  /** The turn the plan was adopted, and the turn its current stage began. */
  readonly adopted: number;
  readonly stageSince: number;
  /** The situation the plan was made for (src/sim/ai/planner.ts `situation`). */
  readonly situation: number;
  /** Its value when adopted or last re-examined. */
  readonly value: number;
  /**
   * The plan merit chose (without noise) when noise chose this one; absent when they agree. The
   * plan is kept only while the two agree on the turn's key decisions (src/sim/ai/planner.ts).
   */
  readonly rival?: string;
}

/** Something bought now that arrives later: production lags and reinforcement transit. */
export type Delivery =
  | { kind: 'readiness'; arrives: number; bloc: BlocId; amount: number; label: string }
  | { kind: 'production'; arrives: number; bloc: BlocId; amount: number; label: string }
  | {
      kind: 'force';
      arrives: number;
      force: string;
      actor: ActorId;
      region: string;
      forceKind: ForceKind;
      strength: number;
      label: string;
    };

export interface BlocState {
  /** Defence spending in basis points of GDP (200 = 2.00%). */
  spendingBp: number;
  readiness: number;
  production: number;
  munitions: number;
}

export interface Tracks {
  escalation: Record<Theater, number>;
  deterrence: Record<Theater, number>;
  coordination: number;
  natoCohesion: number;
  article5Credibility: number;
  miscalcRisk: number;
  nonAligned: number;
  usPacificShare: number;
  usPacificTarget: number;
  taiwanSupply: number;
}

export interface TaiwanCampaign {
  phase: TaiwanPhase;
  /** Turn the current phase began. */
  since: number;
  mobilisedTurn: number;
  /** China's hold on the lodgement, 0..100 (100 = the island is taken). */
  lodgement: number;
  crossingTurns: number;
  defenceBonus: number;
  chinaLosses: number;
  usInterveneTurn: number;
  /** Hour of the invasion's first step (the fleet sails), or -1. */
  beganHour: number;
  /** PLA strength points ashore (the lodgement force), raw strength. */
  ashore: number;
  /** Points landed so far, over all waves. */
  landed: number;
  /** Landing waves that were thrown back into the sea. */
  failedWaves: number;
  /** Index in the scenario's `taiwanCampaign.sectors` of the sector being fought for. */
  front: number;
  /** China's control of each sector, 0..100 (100: taken, with its port and airfield). */
  sectorControl: number[];
  /** Taiwan's ground strength points in each sector. */
  defenders: number[];
  /** Supply of the forces ashore at the last step, 0..100. */
  ashoreSupply: number;
  /** After a failed wave, the hour before which the fleet is still regrouping. */
  regroupUntil: number;
}

/** What each side has of its air and naval forces and long-range munitions, in thousandths. */
export const STOCKS = [
  'carriers',
  'surface',
  'submarines',
  'amphibious',
  'aircraft',
  'antiShip',
  'landAttack',
] as const;
export type StockKind = (typeof STOCKS)[number];
export type Stocks = Record<StockKind, number>;
export const AIR_SEA_SIDES = ['usa', 'china', 'japan', 'taiwan'] as const;
export type AirSeaSide = (typeof AIR_SEA_SIDES)[number];

/**
 * The air and sea war around Taiwan as stocks. Counts are kept in thousandths of a ship, an
 * aircraft or a missile, so that small per-step rates accumulate exactly in integers; reports
 * divide by 1,000.
 */
export interface AirSeaState {
  stocks: Record<AirSeaSide, Stocks>;
  lost: Record<AirSeaSide, Stocks>;
  produced: Record<AirSeaSide, Stocks>;
  /** Air control over the Strait at the last step, from China's side, -100..100. */
  airControl: number;
  /** Sea control around Taiwan at the last step, from China's side, -100..100. */
  seaControl: number;
  /** Share of the full US posture in the Pacific at the last step of the war, 0..100. */
  usPresence: number;
}

export interface EuropeCampaign {
  /** What Russia is doing against NATO territory. */
  operation: 'none' | 'hybrid' | 'incursion' | 'offensive';
  /** Objectives of the axes under attack (kept for the options that read it). */
  targets: string[];
  occupiedTurns: number;
  /** Hour of the first step of the attack on NATO territory, or -1. */
  beganHour: number;
  /** The largest operation whose axes have been launched (an incursion can grow into an offensive). */
  launched: 'none' | 'incursion' | 'offensive';
  /** The scenario's Baltic axes Russia is attacking on, in the scenario's order. */
  axes: string[];
  /** Share (%) of its force each scenario move (`baltic.followOn`, then `baltic.reinforcements`) has sent. */
  sentPct: number[];
  /** Forces on their way to an axis. */
  moves: AxisMove[];
  /** The occupied region NATO counter-attacks through this turn's steps, or ''. */
  counterAttack: string;
  /** Fractions of a point of loss carried between steps, in thousandths: per axis, Russia's then NATO's. */
  carry: number[];
}

/** A force on its way to a Baltic axis: a follow-on echelon, a reinforcement, a regrouping. */
export interface AxisMove {
  actor: ActorId;
  /** Raw strength points and readiness of what moves. */
  strength: number;
  readiness: number;
  axis: string;
  /** The hour it arrives. */
  arrives: number;
  label: string;
  /** The fraction of a point of loss carried to the next step of the way, in thousandths. */
  carry: number;
}

/** One unit of the US pool (`scenario.us.units`): where it is, or where it is going. */
export interface UsUnitState {
  id: string;
  strength: number;
  at: 'conus' | 'europe' | 'indoPacific' | 'transit';
  /** The region it stands in, '' at home or on the way. */
  region: string;
  /** On the way: its destination theater (or home) and region, and the hour it arrives. */
  to: 'conus' | 'europe' | 'indoPacific' | '';
  toRegion: string;
  arrives: number;
}

export interface UsForcesState {
  /** In the scenario's order. */
  units: UsUnitState[];
}

function cloneEurope(e: EuropeCampaign): EuropeCampaign {
  return {
    ...e,
    targets: e.targets.slice(),
    axes: e.axes.slice(),
    sentPct: e.sentPct.slice(),
    carry: e.carry.slice(),
    moves: e.moves.map((m) => ({ ...m })),
  };
}

function cloneUnit(u: UsUnitState): UsUnitState {
  return {
    id: u.id,
    strength: u.strength,
    at: u.at,
    region: u.region,
    to: u.to,
    toRegion: u.toRegion,
    arrives: u.arrives,
  };
}

export interface UkraineFront {
  status: 'fighting' | 'ceasefire' | 'russia-controls';
  territoryHeldBp: number;
  russianCasualties: number;
  ukrainianCasualties: number;
  guarantees: { ownForces: boolean; coalition: boolean; usBackstop: boolean };
  russianOffensive: boolean;
}

/**
 * Taiwan's energy picture under quarantine, blockade or war (all scalars: copied with one spread).
 * Stocks are in hundredths of an hour of pre-crisis consumption (2,400 = a day), so per-step
 * burn and inflow percentages add up exactly in integers.
 */
export interface EnergyState {
  lng: number;
  coal: number;
  oil: number;
  /** Share of power demand not met at the end of the last step, 0..100. */
  shortfall: number;
  /** The average shortfall over the last turn (set once a turn). */
  avgShortfall: number;
  /** Hours since the pressure began (the blockade clock); 0 when none. */
  hours: number;
  /** Operational steps run since the pressure began (convoys sail every N of them). */
  steps: number;
  /** Blockade-clock hour each stock first ran out, or -1 while it has not. */
  lngOutAt: number;
  coalOutAt: number;
  oilOutAt: number;
  convoys: number;
  convoysArrived: number;
  merchantShipsLost: number;
  /** The sea lane the last convoy opened: imports it brings (% of normal) and steps it has left. */
  laneInflow: number;
  laneSteps: number;
  /** Hours spent under each regime, for every actor's economic cost. */
  quarantineHours: number;
  blockadeHours: number;
  warHours: number;
  /** Taiwan's output lost so far, in basis points of annual GDP × hours. */
  taiwanLossBpH: number;
  /** This turn so far (reset each turn): Taiwan's output lost to the power shortfall, bp × h. */
  turnPowerBpH: number;
  /** This turn so far: power shortfall × hours. */
  turnShortfallH: number;
}

/** One theater's war, derived from events each turn (src/sim/wars.ts). */
export interface WarState {
  status: WarStatus;
  /** Turn the status began. */
  since: number;
  /** First turn with fighting in the theater, 0 if none yet. */
  foughtTurn: number;
  /** Last turn with fighting in the theater, 0 if none yet. */
  lastFightTurn: number;
}

export interface KeyEvent {
  name: KeyEventName;
  turn: number;
  hour: number;
}

/** How one theater ended: the scenario's theater outcome that held, with the state's particulars. */
export interface TheaterEnd {
  id: string;
  label: string;
  /** Particulars from the state, e.g. "Tallinn fallen; Riga, Vilnius held" (may be empty). */
  detail: string;
  status: WarStatus;
}

export interface OutcomeState {
  id: string;
  label: string;
  turn: number;
  scores: Record<PlayableActorId, number>;
  /** How each actor's score was made: its objectives' terms, in the scenario's order. */
  terms: Record<PlayableActorId, readonly ScoreTerm[]>;
  /** Each theater's end state, named on its own. */
  theaters: Record<Theater, TheaterEnd>;
  /** One line per theater: "Indo-Pacific: Taiwan holds (invasion repulsed); Europe: ...". */
  summary: string;
}

export interface GameState {
  scenarioId: string;
  seed: string;
  /** The current turn, from 1; 0 before the first briefing. */
  turn: number;
  /** Hours since the campaign began at the start of the current turn. */
  hour: number;
  levers: Levers;
  tracks: Tracks;
  flags: Record<Flag, boolean>;
  actors: Record<ActorId, ActorState>;
  blocs: Record<BlocId, BlocState>;
  regions: Record<string, RegionState>;
  /** In scenario order, then in the order raised; an array because it is walked constantly. */
  forces: ForceState[];
  /** Names of forces raised in play (scenario forces take theirs from the scenario). */
  forceLabels: Record<string, string>;
  pipeline: Delivery[];
  taiwan: TaiwanCampaign;
  airSea: AirSeaState;
  europe: EuropeCampaign;
  /** The US pool as units. */
  us: UsForcesState;
  ukraine: UkraineFront;
  /** Taiwan's energy under blockade (src/sim/campaigns/blockade.ts). */
  energy: EnergyState;
  /** Each theater's war: peace, crisis, war, ceasefire or settled (src/sim/wars.ts). */
  wars: Record<Theater, WarState>;
  /** First occurrence of each key event. */
  keyEvents: KeyEvent[];
  /** Ids of scripted events that have fired (for `once` events). */
  fired: string[];
  outcome: OutcomeState | null;
  /** Counters for the turn in progress, reset at each briefing. */
  turnStats: { combats: Record<BlocId, number>; militaryActions: number };
}

/**
 * A fast structural copy: adjudication clones once per phase and mutates the copy.
 *
 * @example
 * const pending = cloneState(state); // mutate freely; `state` is untouched
 */
export function cloneState(s: GameState): GameState {
  // Regions change rarely: the copy shares them, and writers take a private copy first
  // (`regionForWrite`).
  const regions: Record<string, RegionState> = { ...s.regions };
  // One object shape for every force keeps this copy (done every turn) on V8's fast path.
  const forces: ForceState[] = s.forces.map((f) => ({
    id: f.id,
    actor: f.actor,
    region: f.region,
    kind: f.kind,
    strength: f.strength,
    readiness: f.readiness,
  }));
  const actors = {} as Record<ActorId, ActorState>;
  for (const k in s.actors) {
    const a = s.actors[k as ActorId];
    actors[k as ActorId] = {
      support: a.support,
      economicCost: a.economicCost,
      readiness: a.readiness,
      lastDecisions: a.lastDecisions,
      taken: a.taken,
      plan: a.plan,
    };
  }
  const blocs = {} as Record<BlocId, BlocState>;
  for (const k in s.blocs) {
    const b = s.blocs[k as BlocId];
    blocs[k as BlocId] = {
      spendingBp: b.spendingBp,
      readiness: b.readiness,
      production: b.production,
      munitions: b.munitions,
    };
  }
  return {
    scenarioId: s.scenarioId,
    seed: s.seed,
    turn: s.turn,
    hour: s.hour,
    levers: s.levers,
    tracks: {
      ...s.tracks,
      escalation: { ...s.tracks.escalation },
      deterrence: { ...s.tracks.deterrence },
    },
    flags: { ...s.flags },
    actors,
    blocs,
    regions,
    forces,
    // Replaced, never changed in place, when a force is raised: safe to share.
    forceLabels: s.forceLabels,
    pipeline: s.pipeline.slice(),
    taiwan: {
      ...s.taiwan,
      sectorControl: s.taiwan.sectorControl.slice(),
      defenders: s.taiwan.defenders.slice(),
    },
    airSea: cloneAirSea(s.airSea),
    europe: cloneEurope(s.europe),
    us: { units: s.us.units.map(cloneUnit) },
    ukraine: { ...s.ukraine, guarantees: { ...s.ukraine.guarantees } },
    energy: { ...s.energy },
    wars: { indoPacific: { ...s.wars.indoPacific }, europe: { ...s.wars.europe } },
    keyEvents: s.keyEvents.slice(),
    fired: s.fired.slice(),
    outcome: s.outcome,
    turnStats: {
      combats: { ...s.turnStats.combats },
      militaryActions: s.turnStats.militaryActions,
    },
  };
}

function cloneStocks(r: Record<AirSeaSide, Stocks>): Record<AirSeaSide, Stocks> {
  return {
    usa: { ...r.usa },
    china: { ...r.china },
    japan: { ...r.japan },
    taiwan: { ...r.taiwan },
  };
}

function cloneAirSea(a: AirSeaState): AirSeaState {
  return {
    stocks: cloneStocks(a.stocks),
    lost: cloneStocks(a.lost),
    produced: cloneStocks(a.produced),
    airControl: a.airControl,
    seaControl: a.seaControl,
    usPresence: a.usPresence,
  };
}

/**
 * A region of `s` that this phase may change: states share unchanged region objects, so a writer
 * replaces the region with its own copy before changing it.
 *
 * @example
 * const r = regionForWrite(ctx.s, 'estonia');
 * r.control -= 25;
 */
export function regionForWrite(s: GameState, id: string): RegionState {
  const r = s.regions[id];
  if (!r) throw new Error(`unknown region ${id}`);
  const copy = { owner: r.owner, control: r.control, contested: r.contested };
  s.regions[id] = copy;
  return copy;
}

/**
 * Add a force raised in play, with its name (the names record is replaced, so earlier states that
 * share it are untouched).
 *
 * @example
 * raiseForce(ctx.s, { id: 'usa-ground-estonia-reinforcement', actor: 'usa', ... }, 'US armoured brigades (2)');
 */
export function raiseForce(s: GameState, f: ForceState, label: string): void {
  s.forces.push(f);
  s.forceLabels = { ...s.forceLabels, [f.id]: label };
}

/**
 * Find a force by id.
 *
 * @example
 * const existing = forceById(state, `russia-occupation-${target}`); // undefined if not yet raised
 */
export function forceById(s: GameState, id: string): ForceState | undefined {
  return s.forces.find((f) => f.id === id);
}

/**
 * Keep a track or percentage inside its range; rules add deltas freely and clamp once.
 *
 * @example
 * clamp(from + made - spent, 0, 100) // munitions stay 0..100
 */
export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Take `points` of strength from an actor's forces of the given kinds in the given regions, in
 * proportion to their strength (the largest remainder goes to the first force with any left), and
 * return the points actually taken. Used when forces are moved out (to a landing wave) or lost in an
 * engagement that counted them as one body.
 *
 * @example
 * removePoints(state, 'taiwan', ['taiwan'], ['ground'], 12) // 12 (or fewer if less remains)
 */
export function removePoints(
  s: GameState,
  actor: ActorId,
  regions: readonly string[],
  kinds: readonly ForceKind[],
  points: number,
): number {
  if (points <= 0) return 0;
  let total = 0;
  for (const f of s.forces)
    if (f.actor === actor && f.strength > 0 && kinds.includes(f.kind) && regions.includes(f.region))
      total += f.strength;
  if (total === 0) return 0;
  const want = points > total ? total : points;
  let left = want;
  for (const f of s.forces) {
    if (
      f.actor !== actor ||
      f.strength <= 0 ||
      !kinds.includes(f.kind) ||
      !regions.includes(f.region)
    )
      continue;
    const take = Math.min(f.strength, Math.trunc((want * f.strength) / total), left);
    f.strength -= take;
    left -= take;
  }
  for (const f of s.forces) {
    if (left <= 0) break;
    if (
      f.actor !== actor ||
      f.strength <= 0 ||
      !kinds.includes(f.kind) ||
      !regions.includes(f.region)
    )
      continue;
    const take = Math.min(f.strength, left);
    f.strength -= take;
    left -= take;
  }
  return want - left;
}
