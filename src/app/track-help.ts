import { capitalise, TRACK_NAMES, type TrackId } from '../view/track-names';

/**
 * What every track means, in one table keyed by track id: the side panel's tooltips and the help
 * dialog's glossary both read it, so a definition is written once. Ids follow the state's names
 * (`GameState.tracks`, an actor's `support` and `economicCost`, a bloc's `munitions`,
 * `readiness` and `spending`), without the theater, actor or bloc a charted track adds
 * (`escalation.europe`, `support.usa`) or its unit (`ukraineTerritoryHeldBp`). The labels are
 * the tracks' names from `view/track-names.ts`, the table the log and the CSV heads read, so a
 * track is called the same everywhere.
 */

export type { TrackId };

export interface TrackHelp {
  /** The name the screens use. */
  readonly label: string;
  /** Its range and what a higher value means. */
  readonly range: string;
  /** What it measures, what moves it and why it matters, in a sentence or two. */
  readonly text: string;
}

/** The definitions as written: everything but the label, which comes from the names' table. */
const DEFINITIONS: Readonly<Record<TrackId, Omit<TrackHelp, 'label'>>> = {
  support: {
    range: '0 to 100; higher is better for the side',
    text: 'How far the public at home backs the government’s course. Some options cost support (“support −2” on the option); each turn, war above limited war and an economic cost above 30 wear it down, and otherwise it recovers slowly towards where it started. Its change since the start counts in the score.',
  },
  economicCost: {
    range: '0 to 100; higher is worse',
    text: 'What the crisis has cost the side’s economy so far: sanctions, blockades, the running cost of war. Each turn the side’s theater stands at limited war or above adds to it, and above 30 it takes support every turn. It counts against the score.',
  },
  munitions: {
    range: '0 to 100; higher is better',
    text: 'The stockpile of the side’s bloc (NATO, China or Russia). Every combat spends some, production makes some each turn. Sides without a modelled bloc (Taiwan, Japan, Ukraine) have none shown.',
  },
  readiness: {
    range: '0 to 100%; higher is better',
    text: 'How ready the side’s forces are to fight at once; for a side in a bloc (the United States and European NATO in NATO’s, China, Russia), its bloc’s. A force’s power in combat is its strength times its own readiness. NATO raises the bloc’s by spending more, after a lag; mobilisation orders raise a force’s own.',
  },
  strength: {
    range: 'points; higher is stronger',
    text: 'A force’s size in strength points. Combat and losses on the way lower it; reinforcements add to it.',
  },
  escalation: {
    range: '0 peacetime to 7 nuclear use, one ladder per theater',
    text: 'How far each theater’s crisis has climbed: grey zone, crisis, blockade or hybrid war, limited conventional war, theater war, nuclear signalling, nuclear use. Decisions and incidents raise it; nuclear use ends the game.',
  },
  deterrence: {
    range: '0 to 100 per theater; higher restrains the attacker more',
    text: 'How strongly the defenders discourage an attack in a theater, assessed each turn at intelligence from the balance of forces, the credibility of commitments and allied cohesion.',
  },
  coordination: {
    range: '0 to 100; higher means closer',
    text: 'How closely Beijing and Moscow act together. High coordination makes a second front in Europe more likely while China moves on Taiwan.',
  },
  natoCohesion: {
    range: '0 to 100; higher is more united',
    text: 'How united the alliance is. It feeds deterrence in Europe and the credibility of Article 5; divisive moves and Russian pressure lower it.',
  },
  article5Credibility: {
    range: '0 to 100; higher is more believed',
    text: 'How far Moscow believes an attack on one ally would bring a response from all. Russia weighs it before it attacks NATO territory.',
  },
  miscalcRisk: {
    range: '0 to 100; higher is more dangerous',
    text: 'The chance of an incident nobody chose. It moves towards what the escalation ladders and the tempo of military action imply; an incident can push a ladder up through the crisis rungs.',
  },
  nonAligned: {
    range: '−100 to 100; positive leans to the West, negative to China and Russia',
    text: 'Where the non-aligned states lean. Diplomacy and information moves shift it; their backing is one of the things China weighs before it escalates.',
  },
  usPacificShare: {
    range: '0 to 100% in the Pacific',
    text: 'The share of the US pool committed to the Indo-Pacific rather than Europe, counting units on the way. A unit sent to one theater is not in the other: the two-front dilemma.',
  },
  usPacificTarget: {
    range: '0 to 100% in the Pacific',
    text: 'The share of the US pool the United States means to have in the Indo-Pacific, set by its order to allocate forces between theaters. The split moves towards it as units make the journey.',
  },
  spending: {
    range: 'per cent of GDP, across NATO',
    text: 'What NATO’s members spend on defence. Raising it adds to the bloc’s readiness after a lag.',
  },
  taiwanSupply: {
    range: '0 to 100; higher is better for Taiwan',
    text: 'How much of what Taiwan needs gets through: fuel, food and munitions. A blockade squeezes it; 100 less it counts in Beijing’s hold on Taiwan.',
  },
  ukraineTerritoryHeld: {
    range: '0 to 100% of Ukraine',
    text: 'The share of Ukraine’s territory Ukraine holds. The fighting there moves it, and with it how much of Russia’s army the front ties down.',
  },
};

/**
 * Every track's label, range and definition, in the glossary's order. Typed as a full record over
 * the names' ids, so a track named there without a definition here fails the type check.
 */
export const TRACK_HELP: Readonly<Record<TrackId, TrackHelp>> = Object.fromEntries(
  (Object.keys(DEFINITIONS) as TrackId[]).map((id) => [
    id,
    { label: capitalise(TRACK_NAMES[id]), ...DEFINITIONS[id] },
  ]),
) as Record<TrackId, TrackHelp>;

/**
 * The definition of a track, as one line for a tooltip: "Range. Text".
 *
 * @example
 * trackTip('support') // '0 to 100; higher is better for the side. How far the public …'
 */
export function trackTip(id: TrackId): string {
  const t = TRACK_HELP[id];
  return `${t.range}. ${t.text}`;
}
