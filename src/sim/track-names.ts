import type { ActorId, BlocId, Theater } from './ids';
import type { Tracks } from './state';

/**
 * The one table of the tracks' human names. The log (`log-names.ts`), the end screen's CSV heads
 * (`app/end-csv.ts`) and the help's labels (`app/track-help.ts`) all read it, so a track is named
 * once and the three cannot drift apart. It lives in `view` because `app` may import `view` and
 * not the reverse; it reads only types from `sim`, which must not import either.
 *
 * Names are kept as running text says them ("miscalculation risk", capitals only for proper
 * nouns), because the log puts them mid-sentence; a heading or a column head capitalises the
 * first letter with `capitalise`.
 */

/** The scalar tracks: every key of `Tracks` whose value is one number. */
export type ScalarTrack = Exclude<keyof Tracks, 'escalation' | 'deterrence'>;

/** Tracks kept once per theater (`escalation.europe`). */
export type TheaterTrack = Exclude<keyof Tracks, ScalarTrack>;

/** Tracks kept once per actor (`support.usa`). */
export type ActorTrack = 'support' | 'economicCost';

/** Tracks kept once per bloc: `nato.munitions` in a snapshot, `munitions.nato` in the log. */
export type BlocTrack = 'munitions' | 'readiness' | 'spending';

/**
 * A track without the theater, actor or bloc it is kept for and without its unit
 * (`ukraineTerritoryHeldBp` is `ukraineTerritoryHeld`): the id the help's definitions use.
 */
export type TrackId =
  ScalarTrack | TheaterTrack | ActorTrack | BlocTrack | 'ukraineTerritoryHeld' | 'strength';

/**
 * Every track's name, by id. Typed as a full record, so a track added to `Tracks` without a name
 * fails the type check.
 */
export const TRACK_NAMES: Readonly<Record<TrackId, string>> = {
  support: 'domestic support',
  economicCost: 'economic cost',
  munitions: 'munitions',
  readiness: 'readiness',
  strength: 'strength',
  escalation: 'escalation',
  deterrence: 'deterrence',
  coordination: 'China–Russia coordination',
  natoCohesion: 'NATO cohesion',
  article5Credibility: 'Article 5 credibility',
  miscalcRisk: 'miscalculation risk',
  nonAligned: 'non-aligned states’ leaning to the West',
  usPacificShare: 'US share of forces in the Pacific',
  usPacificTarget: 'US target share of forces in the Pacific',
  spending: 'defence spending',
  taiwanSupply: 'Taiwan supply',
  ukraineTerritoryHeld: 'Ukrainian territory held',
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

const THEATER_TRACKS: readonly string[] = ['escalation', 'deterrence'] satisfies TheaterTrack[];
const ACTOR_TRACKS: readonly string[] = ['support', 'economicCost'] satisfies ActorTrack[];
const BLOC_TRACKS: readonly string[] = ['munitions', 'readiness', 'spending'] satisfies BlocTrack[];

// Own keys only: a key from a file or a log (`toString.usa`) must not find a prototype's member.
const has = Object.hasOwn;

/** A key's track without its unit: the state keeps some in basis points (`spendingBp`). */
function unitless(track: string): string {
  return track.replace(/Bp$/, '');
}

/** A track key read into its id and the name of whom it is kept for (null for a scalar). */
function parse(key: string): { id: TrackId; who: string | null } | undefined {
  const parts = key.split('.');
  if (parts.length === 1) {
    const id = unitless(key);
    if (!has(TRACK_NAMES, id) || [...THEATER_TRACKS, ...ACTOR_TRACKS, ...BLOC_TRACKS].includes(id))
      return undefined;
    return { id: id as TrackId, who: null };
  }
  if (parts.length !== 2) return undefined;
  const [a, b] = parts as [string, string];
  // A snapshot writes a bloc's tracks bloc first (`nato.munitions`), the log track first.
  if (has(BLOC_NAMES, a) && BLOC_TRACKS.includes(unitless(b)))
    return { id: unitless(b) as BlocTrack, who: BLOC_NAMES[a as BlocId] };
  const track = unitless(a);
  if (THEATER_TRACKS.includes(track) && has(THEATER_NAMES, b))
    return { id: track as TheaterTrack, who: THEATER_NAMES[b as Theater] };
  if (ACTOR_TRACKS.includes(track) && has(ACTOR_SHORT, b))
    return { id: track as ActorTrack, who: possessive(ACTOR_SHORT[b as ActorId]) };
  if (BLOC_TRACKS.includes(track) && has(BLOC_NAMES, b))
    return { id: track as BlocTrack, who: BLOC_NAMES[b as BlocId] };
  return undefined;
}

function possessive(who: string): string {
  // "US domestic support", "Russia’s domestic support", "non-aligned states’ domestic support".
  return who === 'US' ? who : who.endsWith('s') ? `${who}’` : `${who}’s`;
}

/**
 * The id of a track key as the snapshot (`nato.spendingBp`, `support.usa`) or the log
 * (`munitions.nato`) writes it, or undefined for a key that is no track of this table (`turn`).
 *
 * @example
 * trackId('escalation.europe') // 'escalation'
 * trackId('nato.spendingBp') // 'spending'
 * trackId('ukraineTerritoryHeldBp') // 'ukraineTerritoryHeld'
 */
export function trackId(key: string): TrackId | undefined {
  return parse(key)?.id;
}

/**
 * A track's human name in running text, or undefined for a key this table does not know.
 *
 * @example
 * knownTrackName('miscalcRisk') // 'miscalculation risk'
 * knownTrackName('support.russia') // 'Russia’s domestic support'
 * knownTrackName('nato.munitions') // 'NATO munitions' (and so does 'munitions.nato')
 * knownTrackName('escalation.indoPacific') // 'Indo-Pacific escalation'
 * knownTrackName('nope') // undefined
 */
export function knownTrackName(key: string): string | undefined {
  const p = parse(key);
  if (!p) return undefined;
  return p.who === null ? TRACK_NAMES[p.id] : `${p.who} ${TRACK_NAMES[p.id]}`;
}

/** A name for a heading or a column head: the first letter capitalised. */
export function capitalise(name: string): string {
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}
