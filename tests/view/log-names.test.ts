import { beforeAll, describe, expect, it } from 'vitest';
import { runEngine } from '../../src/engine/run';
import { ACTORS } from '../../src/sim/ids';
import type { LogEntry } from '../../src/sim/log';
import type { Scenario } from '../../src/sim/scenario/schema';
import { createInitialState, defaultLevers } from '../../src/sim/setup';
import { describeEntry } from '../../src/view/log-format';
import { changeTitle, inputName, knownTrackName } from '../../src/view/log-names';
import { scenario } from '../helpers/game';

/**
 * Every internal name the log can show has a human one. The list of tracks is read from the
 * sim's own data (the keys of a new game's tracks, its actors and its blocs) and from the change
 * entries of real games, so a track added to the engine without a name fails here.
 */

const SCENARIOS = ['two-front', 'taiwan-alone', 'europe-first'];
let games: { sc: Scenario; log: LogEntry[] }[];

beforeAll(() => {
  games = SCENARIOS.flatMap((id) => {
    const sc = scenario(id).scenario;
    return ['1', '42', '7'].map((seed) => ({
      sc,
      log: runEngine(sc, { seed, levers: defaultLevers(sc), turns: 12 }).log,
    }));
  });
});

/** Every key under which the engine can log a track change, from a new game's state. */
function trackKeys(sc: Scenario): string[] {
  const s = createInitialState(sc, 'names', defaultLevers(sc));
  const keys: string[] = [];
  for (const [k, v] of Object.entries(s.tracks)) {
    if (typeof v === 'number') keys.push(k);
    else for (const sub of Object.keys(v)) keys.push(`${k}.${sub}`);
  }
  for (const a of Object.keys(s.actors)) keys.push(`support.${a}`, `economicCost.${a}`);
  for (const b of Object.keys(s.blocs)) keys.push(`munitions.${b}`);
  return keys;
}

/** A word in camelCase (an engine key left in the text a reader sees). */
const CAMEL = /\b[a-z]+[A-Z][A-Za-z]*\b/;

describe('human names for the log', () => {
  it('names every track of the game state, every actor’s and every bloc’s', () => {
    const keys = trackKeys(scenario('two-front').scenario);
    expect(keys).toContain('miscalcRisk');
    expect(keys).toContain('support.usa');
    expect(keys.length).toBeGreaterThan(ACTORS.length * 2);
    const missing = keys.filter((k) => knownTrackName(k) === undefined);
    expect(missing).toEqual([]);
    for (const k of keys) expect(knownTrackName(k)).not.toMatch(CAMEL);
    expect(knownTrackName('miscalcRisk')).toBe('miscalculation risk');
    expect(knownTrackName('usPacificShare')).toBe('US share of forces in the Pacific');
  });

  it('names every track the engine logged a change of, in games of three scenarios', () => {
    const logged = new Set<string>();
    for (const g of games)
      for (const e of g.log)
        if (e.type === 'change') for (const c of e.changes) logged.add(c.track);
    expect(logged.size).toBeGreaterThan(10);
    expect([...logged].filter((k) => knownTrackName(k) === undefined)).toEqual([]);
  });

  it('shows no engine key in a change’s title, its table or an input’s name', () => {
    let changes = 0;
    for (const g of games)
      for (const e of g.log) {
        const v = describeEntry(e, g.sc);
        if (e.type === 'change' && e.changes.length > 0) {
          changes++;
          expect(v.title, e.text).not.toMatch(CAMEL);
          for (const c of e.changes) {
            if (/[.A-Z]/.test(c.track)) expect(v.title).not.toContain(c.track);
            expect(v.title.toLowerCase()).toContain(knownTrackName(c.track)!.toLowerCase());
          }
          // The figures are kept, with the change worked out.
          const c = e.changes[0]!;
          expect(v.title).toContain(`${c.from} → ${c.to}`);
        }
        for (const b of v.details)
          if (b.kind === 'pairs' && (b.heading === 'Tracks' || b.heading === 'Inputs'))
            for (const r of b.rows) expect(r.name, `${b.heading} of ${e.text}`).not.toMatch(CAMEL);
      }
    expect(changes).toBeGreaterThan(500);
  });

  it('keeps the cause the engine gave a change', () => {
    expect(
      changeTitle('natoCohesion 70 → 67 (-3): hybrid attacks on the eastern flank', [
        { track: 'natoCohesion', from: 70, to: 67 },
      ]),
    ).toBe('NATO cohesion 70 → 67 (−3): hybrid attacks on the eastern flank');
    expect(
      changeTitle('nato munitions 35 → 37 (made 2, spent 0 in 0 combats).', [
        { track: 'munitions.nato', from: 35, to: 37 },
      ]),
    ).toBe('NATO munitions 35 → 37 (+2): made 2, spent 0 in 0 combats');
    expect(
      changeTitle('usa domestic support 55 → 53: Open negotiations', [
        { track: 'support.usa', from: 55, to: 53 },
      ]),
    ).toBe('US domestic support 55 → 53 (−2): Open negotiations');
    expect(inputName('tieDown')).toBe('forces tied down in Ukraine');
    expect(inputName('russianCasualties')).toBe('russian casualties');
  });
});
