import { describe, expect, it } from 'vitest';
import { TRACK_HELP } from '../../src/app/track-help';
import { snapshot } from '../../src/sim/phases';
import { createInitialState, defaultLevers } from '../../src/sim/setup';
import { trackId } from '../../src/view/track-names';
import { scenario } from '../helpers/game';

/** Every track a player can meet has one definition, so no tooltip or glossary entry is missing. */

const sc = scenario('two-front').scenario;
const state = createInitialState(sc, 'track-help', defaultLevers(sc));

describe('track definitions', () => {
  it('define every charted track and every track of the state', () => {
    const keys = Object.keys(snapshot(state)).filter((k) => k !== 'turn' && k !== 'hour');
    const ids = new Set([...keys.map((k) => trackId(k) ?? k), ...Object.keys(state.tracks)]);
    const missing = [...ids].filter((id) => !(id in TRACK_HELP));
    expect(missing).toEqual([]);
  });

  it('give each a name, a range and at least one whole sentence', () => {
    for (const [id, t] of Object.entries(TRACK_HELP)) {
      expect(t.label.length, id).toBeGreaterThan(0);
      expect(t.range.length, id).toBeGreaterThan(0);
      expect(t.text, id).toMatch(/\.$/);
    }
  });
});
