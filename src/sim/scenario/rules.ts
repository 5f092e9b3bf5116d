/**
 * The numeric rules a scenario must supply, by section. Each value is an integer unless noted;
 * percentages are 0..100 and basis points are hundredths of a percent. Mechanisms read them by
 * these names; the schema rejects a missing or unknown one.
 */
export const RULE_KEYS = {
  /** The operational clock inside a strategic turn. */
  clock: ['stepHours'],
  /** Miscalculation risk, derived each turn, and the incidents it produces. */
  miscalc: [
    'base',
    'perEscalationLevel',
    'perMilitaryAction',
    'fogPenalty',
    'incidentChanceMaxPct',
    'decayPerTurn',
  ],
  /** Deterrence per theater, derived from balance, credibility and cohesion (weights sum to 100). */
  deterrence: ['balanceWeight', 'credibilityWeight', 'cohesionWeight'],
  /** Russia's second-front calculus: weights of each factor, and the go threshold. */
  secondFront: [
    'distractionWeight',
    'leverageWeight',
    'coordinationWeight',
    'opportunityWeight',
    'credibilityWeight',
    'readinessWeight',
    'tieDownWeight',
    'attritionWeight',
    'nuclearWeight',
    'mistrustWeight',
    'threshold',
  ],
  /** Taiwan campaign. */
  taiwan: [
    'mobilisationTurns',
    'blockadeSupportLossPerTurn',
    'capitulationSupply',
    'breakoutControl',
    'maxCrossingTurns',
    'repulseLossPct',
    'usDelayedTurns',
  ],
  /** Europe: Article 5, cohesion responses, Baltic campaign. */
  europe: [
    'article5CohesionMin',
    'firmUsReinforceBrigades',
    'hesitantCohesionLoss',
    'capitalControlLoss',
    'occupationCohesionLossPerTurn',
    'brigadeStrength',
    'heavyBrigadeStrength',
  ],
  /** Budgets and production. */
  economy: [
    'productionLagTurns',
    'readinessPerSpendingPoint',
    'munitionsPerProduction',
    'sanctionsCostCap',
    'warCostPerTurn',
  ],
  /** The Ukraine front. */
  ukraine: [
    'baseRussianGainBp',
    'russianCasualtiesPerTurn',
    'ukrainianCasualtiesPerTurn',
    'forcesTiedPct',
    'ceasefireFreedPct',
    'guaranteeCredibility',
  ],
  /** Domestic support. */
  support: ['rallyOnAttack', 'lossPerEscalationAboveFour', 'recoveryPerTurn', 'collapseAt'],
} as const;

export type RuleSection = keyof typeof RULE_KEYS;
export type Rules = {
  [S in RuleSection]: Record<(typeof RULE_KEYS)[S][number], number>;
};
