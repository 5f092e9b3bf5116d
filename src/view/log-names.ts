import type { ActorId, BlocId, Theater } from '../sim/ids';
import type { TrackChange } from '../sim/log';
import type { Tracks } from '../sim/state';

/**
 * Human names for the internal names the log carries: track keys (`miscalcRisk`,
 * `support.usa`, `munitions.nato`) and the keys of an adjudication's inputs (`tieDown`,
 * `lanePct`). One table, read by the canvas log and the text log through `describeEntry`, so both
 * say "miscalculation risk" where the engine wrote `miscalcRisk`. Presentation only: the engine's
 * log entries are left exactly as they are (replays and goldens depend on them).
 */

/** The scalar tracks: every key of `Tracks` whose value is one number. */
export type ScalarTrack = Exclude<keyof Tracks, 'escalation' | 'deterrence'>;

/** Typed as a full record, so a track added to `Tracks` without a name fails the type check. */
export const SCALAR_TRACK_NAMES: Readonly<Record<ScalarTrack, string>> = {
  coordination: 'China–Russia coordination',
  natoCohesion: 'NATO cohesion',
  article5Credibility: 'Article 5 credibility',
  miscalcRisk: 'miscalculation risk',
  nonAligned: 'non-aligned states’ leaning to the West',
  usPacificShare: 'US share of forces in the Pacific',
  usPacificTarget: 'US target share of forces in the Pacific',
  taiwanSupply: 'Taiwan’s supply',
};

const THEATER_NAMES: Readonly<Record<Theater, string>> = {
  europe: 'Europe',
  indoPacific: 'Indo-Pacific',
};

/** Short actor names for running text (the scenario's names are formal and long). */
export const ACTOR_SHORT: Readonly<Record<ActorId, string>> = {
  china: 'China',
  russia: 'Russia',
  usa: 'US',
  'nato-europe': 'European NATO',
  taiwan: 'Taiwan',
  japan: 'Japan',
  ukraine: 'Ukraine',
  'north-korea': 'North Korea',
  iran: 'Iran',
  'non-aligned': 'non-aligned states',
};

const BLOC_NAMES: Readonly<Record<BlocId, string>> = {
  nato: 'NATO',
  china: 'China',
  russia: 'Russia',
};

/** Per-actor and per-bloc tracks: the part before the dot, and how the name is made. */
const PREFIXED: Readonly<Record<string, (who: string) => string | undefined>> = {
  support: (a) => actorName(a, 'domestic support'),
  economicCost: (a) => actorName(a, 'economic cost'),
  munitions: (b) => (b in BLOC_NAMES ? `${BLOC_NAMES[b as BlocId]} munitions` : undefined),
  escalation: (t) => (t in THEATER_NAMES ? `${THEATER_NAMES[t as Theater]} escalation` : undefined),
  deterrence: (t) => (t in THEATER_NAMES ? `${THEATER_NAMES[t as Theater]} deterrence` : undefined),
};

function actorName(a: string, what: string): string | undefined {
  if (!(a in ACTOR_SHORT)) return undefined;
  const who = ACTOR_SHORT[a as ActorId];
  // "US domestic support", "Russia’s domestic support", "non-aligned states’ domestic support".
  const owner = who === 'US' ? who : who.endsWith('s') ? `${who}’` : `${who}’s`;
  return `${owner} ${what}`;
}

/**
 * A track's human name, or undefined for a key this table does not know.
 *
 * @example
 * knownTrackName('miscalcRisk') // 'miscalculation risk'
 * knownTrackName('support.russia') // 'Russia’s domestic support'
 * knownTrackName('nope') // undefined
 */
export function knownTrackName(track: string): string | undefined {
  if (track in SCALAR_TRACK_NAMES) return SCALAR_TRACK_NAMES[track as ScalarTrack];
  const dot = track.indexOf('.');
  if (dot < 0) return undefined;
  return PREFIXED[track.slice(0, dot)]?.(track.slice(dot + 1));
}

/** A track's human name; a key the table does not know is spelt out in words. */
export function trackName(track: string): string {
  return knownTrackName(track) ?? words(track);
}

/** Adjudication inputs whose key alone would not say what they are. */
const INPUT_NAMES: Readonly<Record<string, string>> = {
  tieDown: 'forces tied down in Ukraine',
  detectionChance: 'detection chance (%)',
  territoryHeldBp: 'territory held (basis points)',
  lanePct: 'shipping lane open (%)',
  powerSharePct: 'power from imports (%)',
  importsThroughPct: 'imports getting through (%)',
  generationPct: 'power generation (%)',
  lngDays: 'LNG stocks (days)',
  coalDays: 'coal stocks (days)',
  oilDays: 'oil stocks (days)',
  seaControl: 'China’s sea control',
  escortShipsLost: 'escort ships lost',
  chinaShipsLost: 'Chinese ships lost',
  blockadeHour: 'hour of the blockade',
  ladder: 'escalation rung',
};

/**
 * The name an adjudication's input is shown under: a track's name, a named input, or the key
 * spelt out in words (`russianCasualties` → 'russian casualties').
 */
export function inputName(key: string): string {
  return INPUT_NAMES[key] ?? knownTrackName(key) ?? words(key);
}

/** `camelCase.dotted_key` as lower-case words: 'camel case dotted key'. */
export function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .toLowerCase()
    .trim();
}

function signedDelta(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

/**
 * The cause of a one-track change, read off the end of the engine's text: what follows the
 * "from → to" figures (the engine writes `natoCohesion 70 → 67 (-3): hybrid attacks`, or
 * `nato munitions 35 → 37 (made 2, spent 0 in 0 combats).`). Null if the text has no figures.
 */
function causeOf(text: string, c: TrackChange): string | null {
  const mark = ` → ${c.to}`;
  const at = text.indexOf(mark);
  if (at < 0) return null;
  let rest = text.slice(at + mark.length);
  rest = rest.replace(/^ \([+-]?\d+\)/, '');
  if (rest.startsWith(': ')) rest = rest.slice(2);
  rest = rest.trim();
  const paren = /^\((.*)\)\.?$/.exec(rest);
  if (paren) rest = paren[1]!;
  return rest.length > 0 ? rest : null;
}

/**
 * The one-line title of a change entry in human words: the track's name, the figures and the
 * cause. Entries that are notes (no track changed) or change several tracks keep their text.
 *
 * @example
 * changeTitle('miscalcRisk 10 → 11 (+1): Beijing stays silent', [{ track: 'miscalcRisk', from: 10, to: 11 }])
 * // 'Miscalculation risk 10 → 11 (+1): Beijing stays silent'
 */
export function changeTitle(text: string, changes: readonly TrackChange[]): string {
  if (changes.length !== 1) return text;
  const c = changes[0]!;
  const cause = causeOf(text, c);
  const name = trackName(c.track);
  const head = `${name.charAt(0).toUpperCase()}${name.slice(1)} ${c.from} → ${c.to} (${signedDelta(c.to - c.from)})`;
  return cause ? `${head}: ${cause}` : head;
}
