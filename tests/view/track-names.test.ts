import { describe, expect, it } from 'vitest';
import { trackName as columnHead } from '../../src/app/end-csv';
import { TRACK_HELP } from '../../src/app/track-help';
import { trackName as logName } from '../../src/view/log-names';
import {
  capitalise,
  knownTrackName,
  TRACK_NAMES,
  trackId,
  type TrackId,
} from '../../src/view/track-names';
import { game } from '../helpers/game';

/**
 * One table names the tracks; the log, the CSV heads and the help's labels all say what it says.
 * The charted tracks are read from the snapshots of a real game, so a track the engine starts to
 * chart without a name fails here rather than reaching a player spelt out from its key.
 */

const run = game('two-front').seed('track-names').turns(3).play();
/** The snapshot's clock columns: the row's time, not a track. */
const CLOCK = ['turn', 'hour'];
const charted = Object.keys(run.tracks[0]!).filter((k) => !CLOCK.includes(k));

describe('the one table of track names', () => {
  it('names every charted track of a real game from the table, not from its key', () => {
    expect(run.tracks).toHaveLength(3);
    expect(charted).toContain('support.usa');
    expect(charted).toContain('nato.spendingBp');
    expect(charted.filter((k) => knownTrackName(k) === undefined)).toEqual([]);
    for (const k of charted) {
      const id = trackId(k)!;
      // The name is the table's for the track's id, with at most a theater, actor or bloc before it.
      expect(knownTrackName(k), k).toMatch(new RegExp(`(^| )${TRACK_NAMES[id]}$`));
      expect(logName(k), k).toBe(knownTrackName(k));
    }
  });

  it('gives the CSV heads the same names, capitalised, with a unit only where one is needed', () => {
    for (const k of charted)
      expect(columnHead(k).startsWith(capitalise(knownTrackName(k)!)), k).toBe(true);
    expect(charted.map(columnHead)).toEqual([
      'Indo-Pacific escalation (rung 0-7)',
      'Europe escalation (rung 0-7)',
      'Indo-Pacific deterrence',
      'Europe deterrence',
      'China–Russia coordination',
      'NATO cohesion',
      'Article 5 credibility',
      'Miscalculation risk',
      'Non-aligned states’ leaning to the West',
      'US share of forces in the Pacific (%)',
      'Taiwan supply',
      'Ukrainian territory held (basis points)',
      'NATO readiness',
      'NATO defence spending (basis points of GDP)',
      'NATO munitions',
      'Russia munitions',
      'China munitions',
      ...charted.slice(17).map((k) => capitalise(knownTrackName(k)!)),
    ]);
    expect(columnHead('support.china')).toBe('China’s domestic support');
    expect(columnHead('economicCost.usa')).toBe('US economic cost');
    expect(columnHead('turn')).toBe('Turn');
    expect(columnHead('hour')).toBe('Campaign hour');
  });

  it('gives the help the same names as labels, one per id of the table', () => {
    expect(Object.keys(TRACK_HELP).sort()).toEqual(Object.keys(TRACK_NAMES).sort());
    for (const id of Object.keys(TRACK_NAMES) as TrackId[])
      expect(TRACK_HELP[id].label).toBe(capitalise(TRACK_NAMES[id]));
    // Where the three tables once disagreed, the clearer name won: it says what the number is.
    expect(TRACK_HELP.usPacificShare.label).toBe('US share of forces in the Pacific');
    expect(TRACK_HELP.nonAligned.label).toBe('Non-aligned states’ leaning to the West');
    expect(logName('taiwanSupply')).toBe('Taiwan supply');
  });

  it('reads a bloc’s track either way round, and nothing off a prototype', () => {
    expect(knownTrackName('munitions.nato')).toBe('NATO munitions');
    expect(knownTrackName('nato.munitions')).toBe('NATO munitions');
    expect(trackId('nato.spendingBp')).toBe('spending');
    for (const k of ['toString', 'support.toString', 'constructor.usa', 'escalation', 'a.b.c'])
      expect(knownTrackName(k), k).toBeUndefined();
  });
});
