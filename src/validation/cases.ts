import type { LeverName } from '../sim/scenario/levers';
import type { Metric, Predicate, ShareMetric } from './metrics';

/**
 * The validation cases: published wargame results and the argued lever directions, each with the
 * campaign it is measured on, the figure it must reproduce and how far the model may stray.
 *
 * Every case forces the courses it is about (`chinaCourse`, `russiaCourse`) so that it measures
 * that campaign and not whether the AI chose to fight it, and checks that the campaign happened
 * (`among`, at least `minQualifying` of the runs). Lever values are written as at the command
 * line (`--set name=value`), so any run can be reproduced by hand.
 */

/** The bundled scenarios a case may run. */
export type ScenarioId =
  'two-front' | 'taiwan-alone' | 'europe-first' | 'skeptic' | 'hague-target' | 'ukraine-falls';

/** One set of runs: a scenario with lever overrides, as `--set name=value`. */
export interface Arm {
  /** How the page names this arm ("US prompt", "7 brigades"). */
  readonly label: string;
  readonly scenario: ScenarioId;
  readonly set: Readonly<Partial<Record<LeverName, string>>>;
}

/** What every case carries. */
interface CaseCommon {
  /** Seeds are `validate-<id>-<i>`. */
  readonly id: string;
  readonly title: string;
  /** What kind of claim: a published result, a lever's argued direction, or a sensitivity. */
  readonly group: 'published' | 'lever' | 'sensitivity';
  /** What the case sets up and asks, for the analyst. */
  readonly setup: string;
  /** Source ids in the scenario's `sources`. */
  readonly sources: readonly string[];
  /** The published result (or the argument) in words. */
  readonly published: string;
  /** A caveat on how the model's measure maps to the published one, if any. */
  readonly caveat?: string;
  /**
   * The least share of runs in which the metric's `among` holds (the campaign happened) for the
   * case to count as measured; default {@link DEFAULT_MIN_QUALIFYING}.
   */
  readonly minQualifying?: number;
}

/** A figure: the model's measure must fall in the published range widened by the tolerance. */
export interface LevelCase extends CaseCommon {
  readonly kind: 'level';
  readonly arm: Arm;
  readonly metric: Metric;
  /** The published figure as a range (shares as fractions; timings in the metric's unit). */
  readonly target: { readonly lo: number; readonly hi: number; readonly text: string };
  /** Added to both ends of the target (shares are then kept within 0..1). */
  readonly tolerance: { readonly value: number; readonly why: string };
  /** A timing needs at least this many runs in which the event happened. */
  readonly minEvents?: number;
}

/**
 * A direction: the metric under arm A minus under arm B must have the published sign, its 95%
 * interval must exclude 0, and its size must reach the margin (0 for a sign alone).
 */
export interface DirectionCase extends CaseCommon {
  readonly kind: 'direction';
  readonly a: Arm;
  readonly b: Arm;
  readonly metric: ShareMetric;
  /** Whether A's share must be higher or lower than B's. */
  readonly expect: 'higher' | 'lower';
  readonly margin: { readonly value: number; readonly why: string };
}

export type ValidationCase = LevelCase | DirectionCase;

/** Seeded runs per arm of every case. */
export const RUNS_PER_CASE = 400;

/** Default least share of runs in which the case's campaign must have happened. */
export const DEFAULT_MIN_QUALIFYING = 0.9;

/**
 * The seed base of a case: run `i` of either arm uses the seed `validate-<id>-<i>`.
 *
 * @example
 * caseSeedBase('csis-base') // 'validate-csis-base'
 */
export function caseSeedBase(id: string): string {
  return `validate-${id}`;
}

// ---- The campaigns the cases measure -------------------------------------------------------

/** China invades; Russia stays out of NATO territory (CSIS played the Pacific war alone). */
const INVASION_ONLY = { chinaCourse: 'invasion', russiaCourse: 'stay-out' } as const;

/** The CSIS base case: the US fights from the first step of the invasion, Japan's bases open. */
const CSIS_BASE = { ...INVASION_ONLY, usIntervention: 'prompt', japanBases: 'true' } as const;

/** Russia's offensive into the Baltic states with no war in the Pacific (RAND's game). */
const BALTIC_ONLY = { chinaCourse: 'none', russiaCourse: 'baltic-offensive' } as const;

/** RAND's answer: about seven more brigades in the Baltic states, three of them heavy. */
const RAND_BRIGADES = { balticForwardBrigades: '4', balticHeavyBrigades: '3' } as const;

/** Today's posture: no NATO brigades beyond the forces the scenario lists. */
const PRESENT_POSTURE = { balticForwardBrigades: '0', balticHeavyBrigades: '0' } as const;

/** The two-front crisis of the seeds: China invades and Russia attacks the Baltic states. */
const BOTH_FRONTS = { chinaCourse: 'invasion', russiaCourse: 'baltic-offensive' } as const;

const INVASION_LAUNCHED: Predicate = { flag: 'invasionLaunched' };
const OFFENSIVE_BEGAN: Predicate = { event: 'balticOffensiveBegins' };

/**
 * The PLA holds ground on Taiwan when the game ends: Taipei fell, or it landed and was not thrown
 * back (a lodgement still fighting, or one frozen by a settlement: "operations end, status
 * unresolved"). An invasion settled or abandoned before any landing does not count.
 */
const PLA_HOLDS_GROUND: ShareMetric = {
  kind: 'share',
  of: {
    any: [{ flag: 'taipeiFallen' }, { flag: 'plaAshore' }],
  },
  among: INVASION_LAUNCHED,
};

/**
 * The share of invasions in which the PLA takes a first sector of Taiwan, with its port: the
 * build-up ashore that a late or thinned US defence allows (CSIS: a port was what the PLA needed).
 */
const PLA_TAKES_PORT: ShareMetric = {
  kind: 'share',
  of: { event: 'portFalls' },
  among: INVASION_LAUNCHED,
};
const PORT_WORDS =
  'The share of invasions in which the PLA takes a first sector of Taiwan, and with it a port to land through (however the game then ends).';

/** The share, in words, for the cases' setups. */
const HOLDS_GROUND_WORDS =
  'The share of invasions after which the PLA holds ground on Taiwan when the game ends: Taipei fell, or PLA forces are still ashore (a settlement makes them withdraw).';

const TAIPEI_FALLS: ShareMetric = {
  kind: 'share',
  of: { event: 'taipeiFalls' },
  among: INVASION_LAUNCHED,
};

/** RAND's measure: a Baltic capital taken within 60 h of the offensive's first step. */
const CAPITAL_WITHIN_60H: ShareMetric = {
  kind: 'share',
  of: { event: 'balticCapitalFalls', within: 60, after: 'balticOffensiveBegins' },
  among: OFFENSIVE_BEGAN,
};

const CAPITAL_FALLS: ShareMetric = {
  kind: 'share',
  of: { event: 'balticCapitalFalls' },
  among: OFFENSIVE_BEGAN,
};

const RUSSIA_ATTACKS_NATO: ShareMetric = { kind: 'share', of: { event: 'secondFront' } };

const SENSITIVITY_MARGIN = {
  value: 0.1,
  why: 'The study names this factor as one the outcome turns on: an effect under 10 points would not be worth reporting, and 10 points is about twice the half-width of a 400-run difference interval, so a pass is not noise.',
} as const;

const SIGN_ONLY = {
  value: 0,
  why: 'The argument gives a direction, not a size: the 95% interval of the difference must lie wholly on the argued side of zero.',
} as const;

const RAND_POSTURE_NOTE =
  "RAND's present posture was NATO's of 2016; the scenario lists the forces of 2025 (the multinational battlegroups and a German brigade forming in Lithuania), a little more, so the case is slightly generous to NATO. RAND's measure is Russian forces at the outskirts of Tallinn or Riga; the model's is a capital taken (`balticCapitalFalls`), a slightly higher bar.";

/** The case table, in the order of the page. */
export const CASES: readonly ValidationCase[] = [
  {
    id: 'csis-base',
    kind: 'level',
    group: 'published',
    title: 'CSIS base case: the US enters promptly, Japan opens its bases',
    setup:
      'China mobilises and invades; the United States fights from the first step of the invasion and Japan lets US forces fly from its bases. Russia stays out of NATO territory: CSIS played the Pacific war alone.',
    arm: { label: 'CSIS base', scenario: 'two-front', set: CSIS_BASE },
    sources: ['csis-2023'],
    published:
      'In the base scenario the invasion failed: the PLA got ashore but could not take Taipei, and Taiwan remained autonomous, at heavy cost to the defenders (the US typically lost two aircraft carriers and 10 to 20 large surface ships).',
    metric: TAIPEI_FALLS,
    target: { lo: 0, hi: 0, text: '0% (Taipei never falls)' },
    tolerance: {
      value: 0.05,
      why: 'CSIS saw no fall of Taipei in its base iterations; one run in twenty leaves room for chance (weather, a lucky breakout) without turning a published defeat into a gamble.',
    },
  },
  {
    id: 'csis-taiwan-alone',
    kind: 'level',
    group: 'published',
    title: 'CSIS: Taiwan alone (no US intervention, no Japanese bases)',
    setup:
      'The Taiwan-alone scenario: the United States stays out and Japan keeps its bases closed. China invades; Russia stays out of NATO territory.',
    arm: {
      label: 'Taiwan alone',
      scenario: 'taiwan-alone',
      set: { ...INVASION_ONLY, usIntervention: 'none', japanBases: 'false' },
    },
    sources: ['csis-2023'],
    published:
      'When the United States did not intervene and Taiwan fought alone, the invasion succeeded: China took the island.',
    metric: TAIPEI_FALLS,
    target: { lo: 1, hi: 1, text: '100% (the invasion succeeds)' },
    tolerance: {
      value: 0.25,
      why: 'CSIS reports the excursion as a Chinese success without a spread; "most runs" is read as at least three in four, room for crossings that fail to weather and chance, not for a coin toss.',
    },
  },
  {
    id: 'csis-taiwan-alone-week',
    kind: 'level',
    group: 'published',
    title: 'CSIS: Taiwan alone, how long Taipei holds',
    setup:
      'As in the Taiwan-alone case. Among the runs in which Taipei falls, the weeks from the first step of the invasion (`invasionBegins`, the hour the assault fleet sails) to the fall.',
    arm: {
      label: 'Taiwan alone',
      scenario: 'taiwan-alone',
      set: { ...INVASION_ONLY, usIntervention: 'none', japanBases: 'false' },
    },
    sources: ['csis-2023'],
    published:
      'Even alone, Taiwan fights for weeks: the island falls after a campaign of about ten weeks, not in a coup de main.',
    caveat:
      "The ten weeks is this project's reading of the CSIS excursion (as set out in the model issue), not a figure quoted from the report. Runs in which Taipei has not fallen when the game ends are not in the sample, which pulls the median early if many campaigns run out of calendar.",
    metric: {
      kind: 'timing',
      event: 'taipeiFalls',
      from: 'invasionBegins',
      unit: 'weeks',
      among: INVASION_LAUNCHED,
    },
    target: { lo: 10, hi: 10, text: 'about week 10' },
    tolerance: {
      value: 3,
      why: 'A single excursion gives no spread; three weeks either side (six 84-hour turns) still separates a weeks-long campaign from a collapse in the first month or a siege that outlasts the game.',
    },
    minEvents: 100,
  },
  {
    id: 'csis-pessimistic',
    kind: 'direction',
    group: 'published',
    title: 'CSIS pessimistic: the US comes late and Japan keeps its bases closed',
    setup: `China invades, Russia stays out. A: US intervention delayed (by the scenario's number of days) and Japan's bases closed. B: the CSIS base case. ${HOLDS_GROUND_WORDS}`,
    a: {
      label: 'US delayed, no Japanese bases',
      scenario: 'two-front',
      set: { ...INVASION_ONLY, usIntervention: 'delayed', japanBases: 'false' },
    },
    b: { label: 'CSIS base', scenario: 'two-front', set: CSIS_BASE },
    sources: ['csis-2023'],
    published:
      'In the pessimistic scenarios the invasion was no longer reliably defeated: games ended in stalemate with PLA lodgements holding part of Taiwan, and its survival was in doubt.',
    metric: PLA_HOLDS_GROUND,
    expect: 'higher',
    margin: {
      value: 0.1,
      why: 'CSIS reports a change of outcome class (defeat to stalemate), not a nuance: under 10 points would not be that, and 10 points is about twice the half-width of a 400-run difference interval.',
    },
  },
  {
    id: 'rand-present-posture',
    kind: 'level',
    group: 'published',
    title: "RAND 2016: today's posture, Russia attacks the Baltic states",
    setup:
      "Russia launches its offensive into the Baltic states; no war in the Pacific; no NATO brigades beyond the forces the scenario lists. The share of offensives in which a Baltic capital is taken no later than 60 hours after the offensive's first step (`balticOffensiveBegins`).",
    arm: {
      label: 'present posture',
      scenario: 'two-front',
      set: { ...BALTIC_ONLY, ...PRESENT_POSTURE },
    },
    sources: ['rand-2016'],
    published:
      'In every iteration Russian forces reached the outskirts of Tallinn or Riga, or both, within 36 to 60 hours: NATO could not defend the Baltic states with the forces it had there.',
    caveat: RAND_POSTURE_NOTE,
    metric: CAPITAL_WITHIN_60H,
    target: { lo: 1, hi: 1, text: '100% within 60 h' },
    tolerance: {
      value: 0.1,
      why: 'RAND found the same result in every game; one run in ten for a defence that holds a little longer is as much as "every game" allows.',
    },
  },
  {
    id: 'rand-present-posture-hours',
    kind: 'level',
    group: 'published',
    title: "RAND 2016: today's posture, how fast a capital falls",
    setup:
      "As in the present-posture case. Among the offensives in which a capital falls, the hours from the offensive's first step to the fall.",
    arm: {
      label: 'present posture',
      scenario: 'two-front',
      set: { ...BALTIC_ONLY, ...PRESENT_POSTURE },
    },
    sources: ['rand-2016'],
    published: 'Tallinn or Riga was reached in 36 to 60 hours.',
    caveat: RAND_POSTURE_NOTE,
    metric: {
      kind: 'timing',
      event: 'balticCapitalFalls',
      from: 'balticOffensiveBegins',
      unit: 'hours',
      among: OFFENSIVE_BEGAN,
    },
    target: { lo: 36, hi: 60, text: '36 to 60 h' },
    tolerance: {
      value: 12,
      why: "One 12-hour operational step either side: the model's clock cannot resolve finer than its step.",
    },
    minEvents: 100,
  },
  {
    id: 'rand-seven-brigades',
    kind: 'level',
    group: 'published',
    title: 'RAND 2016: about seven brigades, three of them heavy',
    setup:
      'As in the present-posture case, with 7 more NATO brigades in the Baltic states at the start: 4 (`balticForwardBrigades`) and 3 heavy armoured (`balticHeavyBrigades`). The share of offensives in which a capital is taken within 60 hours.',
    arm: {
      label: '7 brigades (3 heavy)',
      scenario: 'two-front',
      set: { ...BALTIC_ONLY, ...RAND_BRIGADES },
    },
    sources: ['rand-2016'],
    published:
      'A force of about seven brigades, three of them heavy armoured, with air power and fires, could prevent a rapid overrun of the Baltic states: no fait accompli; the defence holds for weeks.',
    metric: CAPITAL_WITHIN_60H,
    target: { lo: 0, hi: 0, text: '0% within 60 h (no fait accompli)' },
    tolerance: {
      value: 0.1,
      why: 'RAND claims the force could prevent a rapid overrun, not that it is invulnerable; one run in ten is the most "could prevent" allows.',
    },
  },
  {
    id: 'csis-2024-nuclear',
    kind: 'level',
    group: 'published',
    title: 'CSIS 2024: nuclear use possible, but a minority',
    setup:
      "The CSIS base case (the study played the invasion of CSIS 2023 with nuclear weapons): an invasion that fails under a prompt US intervention with Japan's bases open. The share of invasions in which any actor uses a nuclear weapon (`nuclearUse`).",
    arm: { label: 'CSIS base', scenario: 'two-front', set: CSIS_BASE },
    sources: ['csis-2024-nuclear'],
    published:
      'In 15 games the pressure for nuclear use was greatest when China\'s invasion was failing ("gambling for resurrection"); use was possible (nuclear war occurred in three games) but most games stayed conventional.',
    metric: { kind: 'share', of: { event: 'nuclearUse' }, among: INVASION_LAUNCHED },
    target: { lo: 0.01, hi: 0.35, text: '1% to 35% (3 of 15 games)' },
    tolerance: {
      value: 0,
      why: 'The finding is already a range: "possible" is at least 1 run in 100 and "a minority" at most about a third (3 of 15 games is 20%, with a 95% interval of 7% to 45%).',
    },
  },
  {
    id: 'two-front-coupling',
    kind: 'direction',
    group: 'lever',
    title: "Two fronts: a Russian offensive makes Taiwan's case worse",
    setup: `The CSIS base case (US prompt, Japan's bases open, China invades). A: Russia also launches its Baltic offensive. B: Russia stays out. ${PORT_WORDS}`,
    a: {
      label: 'Russia attacks the Baltic states',
      scenario: 'two-front',
      set: { ...CSIS_BASE, russiaCourse: 'baltic-offensive' },
    },
    b: { label: 'Russia stays out', scenario: 'two-front', set: CSIS_BASE },
    sources: ['rutte-nyt-2025', 'rutte-bild-2025'],
    published:
      'The seeds\' premise: Xi would ask Putin to "keep us busy here in Europe", because a war in Europe draws US forces and attention from the Pacific. A Russian offensive should make the defence of Taiwan harder, not easier.',
    metric: PLA_TAKES_PORT,
    expect: 'higher',
    margin: SIGN_ONLY,
  },
  {
    id: 'lever-article5',
    kind: 'direction',
    group: 'lever',
    title: 'Article 5 credibility: a credible guarantee deters Russia',
    setup:
      "China invades; Russia's AI decides whether to attack NATO. A: Moscow judges Article 5 credible (0.9). B: doubtful (0.3). The share of runs in which Russia attacks NATO territory (`secondFront`: an incursion or an offensive).",
    a: {
      label: 'Article 5 credibility 0.9',
      scenario: 'two-front',
      set: { chinaCourse: 'invasion', russiaCourse: 'ai', article5Credibility: '0.9' },
    },
    b: {
      label: 'Article 5 credibility 0.3',
      scenario: 'two-front',
      set: { chinaCourse: 'invasion', russiaCourse: 'ai', article5Credibility: '0.3' },
    },
    sources: ['explainer-2025'],
    published:
      "The skeptics' argument: Article 5 and nuclear-armed allies make an attack on NATO existential for Moscow. The more credible the guarantee, the less often Russia attacks.",
    metric: RUSSIA_ATTACKS_NATO,
    expect: 'lower',
    margin: SIGN_ONLY,
  },
  {
    id: 'lever-coordination',
    kind: 'direction',
    group: 'lever',
    title: 'China-Russia coordination: closer alignment, more second fronts',
    setup:
      "China invades; Russia's AI decides. A: close coordination (0.9). B: the skeptic scenario's mistrust (0.25). The share of runs in which Russia attacks NATO territory.",
    a: {
      label: 'coordination 0.9',
      scenario: 'two-front',
      set: { chinaCourse: 'invasion', russiaCourse: 'ai', chinaRussiaCoordination: '0.9' },
    },
    b: {
      label: 'coordination 0.25',
      scenario: 'two-front',
      set: { chinaCourse: 'invasion', russiaCourse: 'ai', chinaRussiaCoordination: '0.25' },
    },
    sources: ['rutte-nyt-2025', 'explainer-2025'],
    published:
      'Rutte: Xi "would first make sure that he makes a call to his very junior partner" Putin to keep NATO busy; the skeptics: mistrust and divergent interests. The closer Beijing and Moscow coordinate, the more often a second front opens.',
    metric: RUSSIA_ATTACKS_NATO,
    expect: 'higher',
    margin: SIGN_ONLY,
  },
  {
    id: 'lever-hague-spending',
    kind: 'direction',
    group: 'lever',
    title: 'Hague spending: 5% of GDP defends the Baltic states better than 2%',
    setup:
      'Both fronts: China invades and Russia launches its Baltic offensive. A: the European Allies and Canada at 5% of GDP. B: at 2%. The share of offensives in which a Baltic capital falls (at any time).',
    a: {
      label: 'NATO at 5% of GDP',
      scenario: 'two-front',
      set: { ...BOTH_FRONTS, natoSpendingPctGdp: '5' },
    },
    b: {
      label: 'NATO at 2% of GDP',
      scenario: 'two-front',
      set: { ...BOTH_FRONTS, natoSpendingPctGdp: '2' },
    },
    sources: ['nato-hague-2025', 'rutte-quantum-leap-2025'],
    published:
      'The Hague commitment (5% of GDP by 2035) and Rutte\'s "quantum leap": money spent before a crisis is readiness, munitions and troops on the flank, so a Russian offensive fails more often.',
    metric: CAPITAL_FALLS,
    expect: 'lower',
    margin: SIGN_ONLY,
  },
  {
    id: 'lever-ukraine-status',
    kind: 'direction',
    group: 'lever',
    title: 'Ukraine status: Russia in control of Ukraine is worse for the Baltic states',
    setup:
      "Both fronts: China invades and Russia launches its Baltic offensive, against RAND's seven brigades (4, and 3 heavy) so that the defence is in play: with today's posture a capital falls in nearly every run whatever Ukraine's status, and a direction cannot show at a ceiling. A: the Ukraine-falls scenario (Russia controls Ukraine; the forces that fought there stand on NATO's border). B: the baseline, Ukraine still fighting. The share of offensives in which a Baltic capital falls.",
    a: {
      label: 'Russia controls Ukraine',
      scenario: 'ukraine-falls',
      set: { ...BOTH_FRONTS, ...RAND_BRIGADES, ukraineStatus: 'russia-controls' },
    },
    b: {
      label: 'Ukraine fighting',
      scenario: 'two-front',
      set: { ...BOTH_FRONTS, ...RAND_BRIGADES, ukraineStatus: 'fighting' },
    },
    sources: ['rutte-bild-2025', 'rand-2016'],
    published:
      'Rutte: if Russia controlled all of Ukraine, NATO "would have to spend much more than what we agreed in The Hague": the forces tied down in Ukraine would be free to turn on NATO.',
    metric: CAPITAL_FALLS,
    expect: 'higher',
    margin: SIGN_ONLY,
  },
  {
    id: 'sensitivity-japan-bases',
    kind: 'direction',
    group: 'sensitivity',
    title: "Sensitivity: Japan's bases",
    setup: `The CSIS base case (China invades, US prompt, Russia stays out). A: Japan keeps its bases closed. B: open. ${HOLDS_GROUND_WORDS}`,
    a: {
      label: 'Japanese bases closed',
      scenario: 'two-front',
      set: { ...CSIS_BASE, japanBases: 'false' },
    },
    b: { label: 'Japanese bases open', scenario: 'two-front', set: CSIS_BASE },
    sources: ['csis-2023'],
    published:
      'Japanese bases were essential: without them the United States could not generate enough air power over Taiwan to defeat the invasion.',
    metric: PLA_HOLDS_GROUND,
    expect: 'higher',
    margin: SENSITIVITY_MARGIN,
  },
  {
    id: 'sensitivity-us-timing',
    kind: 'direction',
    group: 'sensitivity',
    title: 'Sensitivity: US intervention timing',
    setup: `The CSIS base case (China invades, Japan's bases open, Russia stays out). A: US intervention delayed by the scenario's number of days after the invasion begins. B: prompt, from its first step. ${PORT_WORDS}`,
    a: {
      label: 'US delayed',
      scenario: 'two-front',
      set: { ...CSIS_BASE, usIntervention: 'delayed' },
    },
    b: { label: 'US prompt', scenario: 'two-front', set: CSIS_BASE },
    sources: ['csis-2023'],
    published:
      'There is no "Ukraine model" for Taiwan: US forces had to join the fight at once; a late entry lets the PLA build up ashore and makes the defence far harder.',
    metric: PLA_TAKES_PORT,
    expect: 'higher',
    margin: SENSITIVITY_MARGIN,
  },
  {
    id: 'sensitivity-brigades',
    kind: 'direction',
    group: 'sensitivity',
    title: 'Sensitivity: brigades in the Baltic states',
    setup:
      "RAND's game: Russia's Baltic offensive, no war in the Pacific. A: no NATO brigades beyond the forces listed. B: 7 more (4, and 3 heavy). The share of offensives in which a capital is taken within 60 hours.",
    a: {
      label: 'no extra brigades',
      scenario: 'two-front',
      set: { ...BALTIC_ONLY, ...PRESENT_POSTURE },
    },
    b: {
      label: '7 brigades (3 heavy)',
      scenario: 'two-front',
      set: { ...BALTIC_ONLY, ...RAND_BRIGADES },
    },
    sources: ['rand-2016'],
    published:
      "Forward forces decide the first days: with today's posture the capitals fall in 36 to 60 hours; about seven brigades, three heavy, prevent the fait accompli.",
    metric: CAPITAL_WITHIN_60H,
    expect: 'higher',
    margin: SENSITIVITY_MARGIN,
  },
];
