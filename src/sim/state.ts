import type {
  ActorId,
  BlocId,
  Flag,
  ForceKind,
  KeyEventName,
  PlayableActorId,
  TaiwanPhase,
  Theater,
} from './ids';
import type { OptionId } from './options/params';
import type { Levers } from './scenario/levers';

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
}

export interface EuropeCampaign {
  /** What Russia is doing against NATO territory. */
  operation: 'none' | 'hybrid' | 'incursion' | 'offensive';
  targets: string[];
  occupiedTurns: number;
}

export interface UkraineFront {
  status: 'fighting' | 'ceasefire' | 'russia-controls';
  territoryHeldBp: number;
  russianCasualties: number;
  ukrainianCasualties: number;
  guarantees: { ownForces: boolean; coalition: boolean; usBackstop: boolean };
  russianOffensive: boolean;
}

export interface KeyEvent {
  name: KeyEventName;
  turn: number;
  hour: number;
}

export interface OutcomeState {
  id: string;
  label: string;
  turn: number;
  scores: Record<PlayableActorId, number>;
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
  europe: EuropeCampaign;
  ukraine: UkraineFront;
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
    taiwan: { ...s.taiwan },
    europe: { ...s.europe, targets: s.europe.targets.slice() },
    ukraine: { ...s.ukraine, guarantees: { ...s.ukraine.guarantees } },
    keyEvents: s.keyEvents.slice(),
    fired: s.fired.slice(),
    outcome: s.outcome,
    turnStats: {
      combats: { ...s.turnStats.combats },
      militaryActions: s.turnStats.militaryActions,
    },
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
