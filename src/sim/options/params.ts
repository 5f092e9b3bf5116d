import type { ActorId, DecisionSlot, Theater } from '../ids';

/**
 * The option catalog's static part: which actor owns each option, its DIME slot, the rung of the
 * escalation ladder it implies, and the names of the numeric parameters a scenario must supply.
 * Behaviour lives in the per-actor option files; this table is what the scenario schema checks
 * against, so a scenario cannot omit a parameter or invent one.
 */
export interface OptionSpec {
  readonly actor: ActorId;
  readonly slot: DecisionSlot;
  /** Taking the option lifts this theater's ladder to at least `floor`. */
  readonly escalation?: { readonly theater: Theater; readonly floor: number };
  /** Does the option need a target region or actor, or an amount? */
  readonly needs?: 'region' | 'actor' | 'amount';
  readonly params: readonly string[];
}

export const OPTION_SPECS = {
  // China
  'china.gray-zone-pressure': {
    actor: 'china',
    slot: 'information',
    escalation: { theater: 'indoPacific', floor: 1 },
    params: ['taiwanSupportLoss', 'miscalcRise'],
  },
  'china.mobilise': {
    actor: 'china',
    slot: 'military',
    escalation: { theater: 'indoPacific', floor: 2 },
    params: ['readinessGain', 'detectionChance', 'warnedReadinessGain'],
  },
  'china.quarantine': {
    actor: 'china',
    slot: 'military',
    escalation: { theater: 'indoPacific', floor: 2 },
    params: ['nonAlignedShift'],
  },
  'china.blockade': {
    actor: 'china',
    slot: 'military',
    escalation: { theater: 'indoPacific', floor: 3 },
    params: ['globalEconomicCost', 'nonAlignedShift', 'taiwanCostFactor'],
  },
  'china.missile-strikes': {
    actor: 'china',
    slot: 'military',
    escalation: { theater: 'indoPacific', floor: 4 },
    params: ['defenceDamagePct', 'usDamagePct', 'miscalcRise'],
  },
  'china.amphibious-invasion': {
    actor: 'china',
    slot: 'military',
    escalation: { theater: 'indoPacific', floor: 5 },
    params: [],
  },
  'china.ask-russia-second-front': {
    actor: 'china',
    slot: 'diplomatic',
    params: ['coordinationGain'],
  },
  'china.supply-dual-use': {
    actor: 'china',
    slot: 'economic',
    params: ['russiaMunitionsGain', 'coordinationGain', 'sanctionsExposure', 'minCoordination'],
  },
  'china.nuclear-signal': {
    actor: 'china',
    slot: 'information',
    escalation: { theater: 'indoPacific', floor: 6 },
    params: ['usResolveLoss', 'nonAlignedShift'],
  },
  'china.negotiate': { actor: 'china', slot: 'diplomatic', params: ['tensionRelief'] },
  'china.stand-down': {
    actor: 'china',
    slot: 'military',
    params: ['tensionRelief', 'supportLoss'],
  },
  // Russia
  'russia.ukraine-offensive': {
    actor: 'russia',
    slot: 'military',
    params: ['gainBpPerTurn'],
  },
  'russia.hybrid-eastern-flank': {
    actor: 'russia',
    slot: 'information',
    escalation: { theater: 'europe', floor: 3 },
    params: ['cohesionLoss', 'miscalcRise'],
  },
  'russia.limited-incursion': {
    actor: 'russia',
    slot: 'military',
    escalation: { theater: 'europe', floor: 4 },
    needs: 'region',
    params: ['assaultStrength'],
  },
  'russia.baltic-offensive': {
    actor: 'russia',
    slot: 'military',
    escalation: { theater: 'europe', floor: 5 },
    params: ['assaultSharePct'],
  },
  'russia.nuclear-signal': {
    actor: 'russia',
    slot: 'information',
    escalation: { theater: 'europe', floor: 6 },
    params: ['cohesionLoss', 'credibilityLoss'],
  },
  'russia.accept-china-request': {
    actor: 'russia',
    slot: 'diplomatic',
    params: ['coordinationGain'],
  },
  'russia.refuse-china-request': {
    actor: 'russia',
    slot: 'diplomatic',
    params: ['coordinationLoss'],
  },
  'russia.propose-ceasefire': { actor: 'russia', slot: 'diplomatic', params: [] },
  'russia.mobilise': {
    actor: 'russia',
    slot: 'military',
    escalation: { theater: 'europe', floor: 2 },
    params: ['readinessGain', 'supportLoss', 'fullReadiness'],
  },
  'russia.disinformation': {
    actor: 'russia',
    slot: 'information',
    escalation: { theater: 'europe', floor: 1 },
    params: ['cohesionLoss', 'nonAlignedShift'],
  },
  // United States
  'usa.allocate-forces': {
    actor: 'usa',
    slot: 'military',
    needs: 'amount',
    params: ['maxShiftPerTurn'],
  },
  'usa.reinforce-europe': {
    actor: 'usa',
    slot: 'military',
    params: ['brigades'],
  },
  'usa.reinforce-pacific': {
    actor: 'usa',
    slot: 'military',
    params: ['airWings'],
  },
  'usa.intervene-taiwan': {
    actor: 'usa',
    slot: 'military',
    escalation: { theater: 'indoPacific', floor: 5 },
    params: [],
  },
  'usa.sanctions': {
    actor: 'usa',
    slot: 'economic',
    needs: 'actor',
    params: ['economicCost', 'selfCost'],
  },
  'usa.reaffirm-article5': {
    actor: 'usa',
    slot: 'diplomatic',
    params: ['credibilityGain', 'cohesionGain', 'maxCredibility', 'hesitantDivisor'],
  },
  'usa.back-ukraine-guarantee': {
    actor: 'usa',
    slot: 'diplomatic',
    params: ['credibilityGain'],
  },
  'usa.nuclear-signal': {
    actor: 'usa',
    slot: 'information',
    needs: 'actor',
    params: ['deterrenceGain', 'nonAlignedDivisor'],
  },
  'usa.negotiate': { actor: 'usa', slot: 'diplomatic', params: [] },
  'usa.surge-production': {
    actor: 'usa',
    slot: 'economic',
    params: ['productionGain', 'lagTurns'],
  },
  // European NATO
  'nato-europe.raise-spending': {
    actor: 'nato-europe',
    slot: 'economic',
    params: ['stepBp', 'lagTurns', 'supportLoss', 'ceilingBp'],
  },
  'nato-europe.surge-production': {
    actor: 'nato-europe',
    slot: 'economic',
    params: ['productionGain', 'lagTurns'],
  },
  'nato-europe.reinforce-eastern-flank': {
    actor: 'nato-europe',
    slot: 'military',
    params: ['brigades', 'arrivalTurns'],
  },
  'nato-europe.invoke-article4': {
    actor: 'nato-europe',
    slot: 'diplomatic',
    params: ['cohesionGain'],
  },
  'nato-europe.invoke-article5': {
    actor: 'nato-europe',
    slot: 'diplomatic',
    escalation: { theater: 'europe', floor: 5 },
    params: ['cohesionGain', 'credibilityGain'],
  },
  'nato-europe.coalition-of-the-willing': {
    actor: 'nato-europe',
    slot: 'military',
    params: ['brigades', 'credibilityGain', 'arrivalTurns'],
  },
  'nato-europe.sanctions': {
    actor: 'nato-europe',
    slot: 'economic',
    needs: 'actor',
    params: ['economicCost', 'selfCost'],
  },
  'nato-europe.counter-attack': {
    actor: 'nato-europe',
    slot: 'military',
    needs: 'region',
    params: ['commitmentPct'],
  },
  // Taiwan
  'taiwan.mobilise': {
    actor: 'taiwan',
    slot: 'military',
    params: ['readinessGain', 'supportLoss', 'fullReadiness'],
  },
  'taiwan.harden': { actor: 'taiwan', slot: 'military', params: ['defenceGain', 'maxBonus'] },
  'taiwan.appeal': {
    actor: 'taiwan',
    slot: 'diplomatic',
    params: ['nonAlignedShift', 'usResolveGain'],
  },
  'taiwan.negotiate': { actor: 'taiwan', slot: 'diplomatic', params: ['supportLoss'] },
  // Japan
  'japan.open-bases': { actor: 'japan', slot: 'diplomatic', params: [] },
  'japan.join-defence': {
    actor: 'japan',
    slot: 'military',
    escalation: { theater: 'indoPacific', floor: 5 },
    params: ['strengthPct'],
  },
  'japan.stay-out': { actor: 'japan', slot: 'diplomatic', params: ['supportGain'] },
  'japan.reinforce-ryukyus': {
    actor: 'japan',
    slot: 'military',
    params: ['strengthGain', 'readiness'],
  },
  // Ukraine
  'ukraine.defend': { actor: 'ukraine', slot: 'military', params: ['defenceBonus'] },
  'ukraine.counter-attack': {
    actor: 'ukraine',
    slot: 'military',
    params: ['gainBpPerTurn', 'attritionPct'],
  },
  'ukraine.accept-ceasefire': {
    actor: 'ukraine',
    slot: 'diplomatic',
    params: ['supportLossUnguaranteed'],
  },
  'ukraine.request-guarantees': {
    actor: 'ukraine',
    slot: 'diplomatic',
    params: ['cohesionGain'],
  },
  // Background actors (AI only)
  'north-korea.provocation': {
    actor: 'north-korea',
    slot: 'military',
    params: ['usPacificPull', 'miscalcRise'],
  },
  'north-korea.supply-russia': {
    actor: 'north-korea',
    slot: 'economic',
    params: ['russiaMunitionsGain', 'minCoordination'],
  },
  'iran.supply-drones': {
    actor: 'iran',
    slot: 'economic',
    params: ['russiaMunitionsGain', 'minCoordination'],
  },
  'iran.regional-escalation': {
    actor: 'iran',
    slot: 'military',
    params: ['usDistraction'],
  },
  'non-aligned.lean-west': {
    actor: 'non-aligned',
    slot: 'diplomatic',
    params: ['shift'],
  },
  'non-aligned.lean-east': {
    actor: 'non-aligned',
    slot: 'diplomatic',
    params: ['shift'],
  },
  // Added after the rest of the catalog, so that every option above keeps its AI noise draw (the
  // draws follow catalog order): nuclear use as a decision, and the two halves of a settlement
  // with NATO (src/sim/options/nuclear.ts, src/sim/options/settlement.ts).
  'china.nuclear-use': {
    actor: 'china',
    slot: 'military',
    escalation: { theater: 'indoPacific', floor: 7 },
    params: [],
  },
  'russia.nuclear-use': {
    actor: 'russia',
    slot: 'military',
    escalation: { theater: 'europe', floor: 7 },
    params: [],
  },
  'russia.offer-terms': { actor: 'russia', slot: 'diplomatic', params: [] },
  'nato-europe.negotiate': { actor: 'nato-europe', slot: 'diplomatic', params: [] },
} as const satisfies Record<string, OptionSpec>;

export type OptionId = keyof typeof OPTION_SPECS;
export const OPTION_IDS = Object.keys(OPTION_SPECS) as OptionId[];

/**
 * Narrow an arbitrary string to an option id.
 *
 * @example
 * if (typeof type !== 'string' || !isOptionId(type)) return reject(`unknown option ${type}`);
 */
export function isOptionId(s: string): s is OptionId {
  return Object.prototype.hasOwnProperty.call(OPTION_SPECS, s);
}
