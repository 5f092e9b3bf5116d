/**
 * The closed vocabularies of the model. They are string unions (never numeric enums) because they
 * end up in scenario files, saved games and replay records, where an order-dependent number would
 * silently change meaning when a member is added.
 */

export const PLAYABLE_ACTORS = [
  'china',
  'russia',
  'usa',
  'nato-europe',
  'taiwan',
  'japan',
  'ukraine',
] as const;
export const BACKGROUND_ACTORS = ['north-korea', 'iran', 'non-aligned'] as const;
export const ACTORS = [...PLAYABLE_ACTORS, ...BACKGROUND_ACTORS] as const;

export type PlayableActorId = (typeof PLAYABLE_ACTORS)[number];
export type BackgroundActorId = (typeof BACKGROUND_ACTORS)[number];
export type ActorId = (typeof ACTORS)[number];

export const THEATERS = ['indoPacific', 'europe'] as const;
export type Theater = (typeof THEATERS)[number];

export const BLOCS = ['nato', 'china', 'russia'] as const;
export type BlocId = (typeof BLOCS)[number];

/** Which economic bloc each actor draws readiness and production from (null: none modelled). */
export const ACTOR_BLOC: Record<ActorId, BlocId | null> = {
  china: 'china',
  russia: 'russia',
  usa: 'nato',
  'nato-europe': 'nato',
  taiwan: null,
  japan: null,
  ukraine: null,
  'north-korea': null,
  iran: null,
  'non-aligned': null,
};

/** The escalation ladder, one per theater. Level 7 ends the game. */
export const ESCALATION_LADDER = [
  'peacetime',
  'grey-zone',
  'crisis',
  'blockade/hybrid',
  'limited conventional',
  'theater war',
  'nuclear signalling',
  'nuclear use',
] as const;
export const NUCLEAR_USE_LEVEL = 7;
export const NUCLEAR_SIGNAL_LEVEL = 6;
/** The first rung that takes fighting in the theater (incidents and injects stop below it). */
export const LIMITED_WAR_LEVEL = 4;
export const THEATER_WAR_LEVEL = 5;

/**
 * Where each theater's war stands, derived from events: `crisis` is tension without fighting,
 * `war` fighting this turn or lately, `ceasefire` fighting that has stopped with no agreement,
 * `settled` a settlement both sides accepted.
 */
export const WAR_STATUSES = ['peace', 'crisis', 'war', 'ceasefire', 'settled'] as const;
export type WarStatus = (typeof WAR_STATUSES)[number];

/** Key events: counted by `batch`, listed by `run`, each recorded once with its turn and hour. */
export const KEY_EVENTS = [
  'secondFront',
  /** The first step of the invasion: the hour the assault fleet sails (intervention counts from here). */
  'invasionBegins',
  /** The first step of a Russian offensive against NATO territory. */
  'balticOffensiveBegins',
  'usIntervenes',
  'taiwanLanding',
  /** The invasion fails for good: China's capacity to go on is broken. */
  'invasionRepulsed',
  /** The PLA takes its first sector of Taiwan, and with it a port to land through. */
  'portFalls',
  'taipeiFalls',
  'taiwanBlockade',
  'balticCapitalFalls',
  'article5Invoked',
  'nuclearSignal',
  'nuclearUse',
  'ceasefire',
] as const;
export type KeyEventName = (typeof KEY_EVENTS)[number];

/** The phases of the Taiwan campaign, in order. */
export const TAIWAN_PHASES = [
  'none',
  'mobilisation',
  'blockade',
  'strikes',
  'crossing',
  'lodgement',
  'breakout',
  'fallen',
  'repulsed',
  'settled',
] as const;
export type TaiwanPhase = (typeof TAIWAN_PHASES)[number];

/** Tracks a scenario condition may test. Each is a bounded number in the state. */
export const TRACK_PATHS = [
  'escalation.indoPacific',
  'escalation.europe',
  'deterrence.indoPacific',
  'deterrence.europe',
  'coordination',
  'natoCohesion',
  'article5Credibility',
  'miscalcRisk',
  'nonAligned',
  'usPacificShare',
  'taiwanSupply',
  'ukraineTerritoryHeld',
] as const;
export type TrackPath = (typeof TRACK_PATHS)[number];

/** Boolean facts about a game that conditions may test. */
export const FLAGS = [
  'chinaMobilised',
  'blockadeActive',
  'quarantineActive',
  'strikesActive',
  'invasionLaunched',
  'taiwanLanding',
  'taipeiFallen',
  'invasionRepulsed',
  'usIntervened',
  'japanBasesOpen',
  'japanJoined',
  'chinaRequestPending',
  'chinaRequestAccepted',
  'chinaRequestRefused',
  'secondFront',
  'balticCapitalFallen',
  'article4Invoked',
  'article5Invoked',
  'ukraineCeasefire',
  'chinaNegotiating',
  'usNegotiating',
  'russiaNegotiating',
  'taiwanNegotiating',
  'indoPacificSettlement',
  'europeSettlement',
  'hybridCampaign',
  'peaceDraftTabled',
  /** PLA forces are ashore on Taiwan now (a lodgement, or the island taken). */
  'plaAshore',
  /** Russia has offered NATO terms to end the fighting on NATO territory (not Ukraine). */
  'russiaOffersTerms',
  /** The North Atlantic Council has agreed to negotiate with Russia. */
  'natoNegotiating',
  /** Western intelligence detected China's mobilisation (what the other side knows of it). */
  'chinaMobilisationSeen',
] as const;
export type Flag = (typeof FLAGS)[number];

export const TERRAINS = [
  'open',
  'forest',
  'marsh',
  'urban',
  'mountain',
  'coastal',
  'island',
  'sea',
  'strait',
] as const;
export type Terrain = (typeof TERRAINS)[number];

export const FORCE_KINDS = ['ground', 'air', 'naval', 'missile', 'coastguard'] as const;
export type ForceKind = (typeof FORCE_KINDS)[number];

export const REGION_KINDS = ['land', 'sea', 'air'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

export const DECISION_SLOTS = ['military', 'diplomatic', 'information', 'economic'] as const;
export type DecisionSlot = (typeof DECISION_SLOTS)[number];
