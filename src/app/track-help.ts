/**
 * What every track means, in one table keyed by track id: the side panel's tooltips and the help
 * dialog's glossary both read it, so a definition is written once. Ids follow the state's names
 * (`GameState.tracks`, an actor's `support` and `economicCost`, a bloc's `munitions`,
 * `readiness` and `spending`), without the theater, actor or bloc a charted track adds
 * (`escalation.europe`, `support.usa`) or its unit (`ukraineTerritoryHeldBp`).
 */

export interface TrackHelp {
  /** The name the screens use. */
  readonly label: string;
  /** Its range and what a higher value means. */
  readonly range: string;
  /** What it measures, what moves it and why it matters, in a sentence or two. */
  readonly text: string;
}

export const TRACK_HELP = {
  support: {
    label: 'Domestic support',
    range: '0 to 100; higher is better for the side',
    text: 'How far the public at home backs the government’s course. Some options cost support (“support −2” on the option); each turn, war above limited war and an economic cost above 30 wear it down, and otherwise it recovers slowly towards where it started. Its change since the start counts in the score.',
  },
  economicCost: {
    label: 'Economic cost',
    range: '0 to 100; higher is worse',
    text: 'What the crisis has cost the side’s economy so far: sanctions, blockades, the running cost of war. Each turn the side’s theater stands at limited war or above adds to it, and above 30 it takes support every turn. It counts against the score.',
  },
  munitions: {
    label: 'Munitions',
    range: '0 to 100; higher is better',
    text: 'The stockpile of the side’s bloc (NATO, China or Russia). Every combat spends some, production makes some each turn. Sides without a modelled bloc (Taiwan, Japan, Ukraine) have none shown.',
  },
  readiness: {
    label: 'Readiness',
    range: '0 to 100%; higher is better',
    text: 'How ready the side’s forces are to fight at once; for a side in a bloc (the United States and European NATO in NATO’s, China, Russia), its bloc’s. A force’s power in combat is its strength times its own readiness. NATO raises the bloc’s by spending more, after a lag; mobilisation orders raise a force’s own.',
  },
  strength: {
    label: 'Strength',
    range: 'points; higher is stronger',
    text: 'A force’s size in strength points. Combat and losses on the way lower it; reinforcements add to it.',
  },
  escalation: {
    label: 'Escalation',
    range: '0 peacetime to 7 nuclear use, one ladder per theater',
    text: 'How far each theater’s crisis has climbed: grey zone, crisis, blockade or hybrid war, limited conventional war, theater war, nuclear signalling, nuclear use. Decisions and incidents raise it; nuclear use ends the game.',
  },
  deterrence: {
    label: 'Deterrence',
    range: '0 to 100 per theater; higher restrains the attacker more',
    text: 'How strongly the defenders discourage an attack in a theater, assessed each turn at intelligence from the balance of forces, the credibility of commitments and allied cohesion.',
  },
  coordination: {
    label: 'China–Russia coordination',
    range: '0 to 100; higher means closer',
    text: 'How closely Beijing and Moscow act together. High coordination makes a second front in Europe more likely while China moves on Taiwan.',
  },
  natoCohesion: {
    label: 'NATO cohesion',
    range: '0 to 100; higher is more united',
    text: 'How united the alliance is. It feeds deterrence in Europe and the credibility of Article 5; divisive moves and Russian pressure lower it.',
  },
  article5Credibility: {
    label: 'Article 5 credibility',
    range: '0 to 100; higher is more believed',
    text: 'How far Moscow believes an attack on one ally would bring a response from all. Russia weighs it before it attacks NATO territory.',
  },
  miscalcRisk: {
    label: 'Miscalculation risk',
    range: '0 to 100; higher is more dangerous',
    text: 'The chance of an incident nobody chose. It moves towards what the escalation ladders and the tempo of military action imply; an incident can push a ladder up through the crisis rungs.',
  },
  nonAligned: {
    label: 'Non-aligned states',
    range: '−100 to 100; positive leans to the West, negative to China and Russia',
    text: 'Where the non-aligned states lean. Diplomacy and information moves shift it; their backing is one of the things China weighs before it escalates.',
  },
  usPacificShare: {
    label: 'US forces split',
    range: '0 to 100% in the Pacific',
    text: 'The share of the US pool committed to the Indo-Pacific rather than Europe, counting units on the way. A unit sent to one theater is not in the other: the two-front dilemma.',
  },
  usPacificTarget: {
    label: 'US forces aim',
    range: '0 to 100% in the Pacific',
    text: 'The share of the US pool the United States means to have in the Indo-Pacific, set by its order to allocate forces between theaters. The split moves towards it as units make the journey.',
  },
  spending: {
    label: 'Defence spending',
    range: 'per cent of GDP, across NATO',
    text: 'What NATO’s members spend on defence. Raising it adds to the bloc’s readiness after a lag.',
  },
  taiwanSupply: {
    label: 'Taiwan supply',
    range: '0 to 100; higher is better for Taiwan',
    text: 'How much of what Taiwan needs gets through: fuel, food and munitions. A blockade squeezes it; 100 less it counts in Beijing’s hold on Taiwan.',
  },
  ukraineTerritoryHeld: {
    label: 'Ukrainian territory held',
    range: '0 to 100% of Ukraine',
    text: 'The share of Ukraine’s territory Ukraine holds. The fighting there moves it, and with it how much of Russia’s army the front ties down.',
  },
} as const satisfies Record<string, TrackHelp>;

export type TrackId = keyof typeof TRACK_HELP;

/**
 * The definition of a track, as one line for a tooltip: "Range. Text".
 *
 * @example
 * trackTip('support') // '0 to 100; higher is better for the side. How far the public …'
 */
export function trackTip(id: TrackId): string {
  const t: TrackHelp = TRACK_HELP[id];
  return `${t.range}. ${t.text}`;
}
