import type { TrackChange } from '../sim/log';
import { capitalise, knownTrackName } from './track-names';

/**
 * Human names for the internal names the log carries: track keys (`miscalcRisk`,
 * `support.usa`, `munitions.nato`) and the keys of an adjudication's inputs (`tieDown`,
 * `lanePct`). Read by the canvas log and the text log through `describeEntry`, so both say
 * "miscalculation risk" where the engine wrote `miscalcRisk`. The tracks' names come from the
 * one table in `track-names.ts`, which the CSV heads and the help's labels read too. Presentation
 * only: the engine's log entries are left exactly as they are (replays and goldens depend on them).
 */

export { knownTrackName };

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
  const head = `${capitalise(trackName(c.track))} ${c.from} → ${c.to} (${signedDelta(c.to - c.from)})`;
  return cause ? `${head}: ${cause}` : head;
}
