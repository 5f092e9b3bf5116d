import { describe, expect, it } from 'vitest';
import { lossReport } from '../../src/sim/air-sea';
import { runPlain } from '../../src/sim/run';
import { resolveLevers } from '../../src/sim/setup';
import { scenario } from '../helpers/game';

/**
 * The air and sea war's calibration against CSIS's base case ("The First Battle of the Next War",
 * 2023): with the US entering promptly and Japan's bases open, over about three weeks of war the
 * US lost about 2 carriers, 10-20 major surface ships and some 270 aircraft (168-372 over the
 * iterations); China about 138 ships, 86 of them amphibious, and 155 aircraft; Japan about 112
 * aircraft and 26 ships. The bands below are CSIS's spread where it gives one and otherwise about
 * ±25% of its average (its figures are averages of a handful of games). Mean losses of 100 seeded
 * games, 21 days after the fleet sails; deterministic, so the test cannot flake.
 */

const SC = scenario('two-front').scenario;
const lv = resolveLevers(SC, {
  chinaCourse: 'invasion',
  russiaCourse: 'stay-out',
  usIntervention: 'prompt',
  japanBases: 'true',
});
if (!lv.ok) throw new Error(lv.error.message);
const levers = lv.value;

function meanLossesAtDay21(runs: number) {
  const sum = {
    usCarriers: 0,
    usSurface: 0,
    usAircraft: 0,
    cnShips: 0,
    cnAmphib: 0,
    cnAircraft: 0,
    jpAircraft: 0,
    jpShips: 0,
  };
  let n = 0;
  for (let i = 0; i < runs; i++) {
    const seed = `csis-losses-${i}`;
    const whole = runPlain(SC, { seed, levers, keepLog: false, turnHashes: false, turns: 6 });
    const began = whole.state.keyEvents.find((e) => e.name === 'invasionBegins');
    if (!began) continue;
    const turns = Math.ceil((began.hour + 21 * 24) / SC.calendar.turnHours);
    const r = runPlain(SC, { seed, levers, keepLog: false, turnHashes: false, turns });
    const L = lossReport(r.state);
    sum.usCarriers += L.usa.carriers;
    sum.usSurface += L.usa.surface;
    sum.usAircraft += L.usa.aircraft;
    sum.cnShips += L.china.surface + L.china.amphibious + L.china.carriers;
    sum.cnAmphib += L.china.amphibious;
    sum.cnAircraft += L.china.aircraft;
    sum.jpAircraft += L.japan.aircraft;
    sum.jpShips += L.japan.surface;
    n++;
  }
  const mean = {} as Record<keyof typeof sum, number>;
  for (const k of Object.keys(sum) as (keyof typeof sum)[]) mean[k] = sum[k] / n;
  return { n, mean };
}

describe('air and sea losses in the CSIS base case (three weeks)', () => {
  const { n, mean } = meanLossesAtDay21(100);
  const bands: [keyof typeof mean, number, number, string][] = [
    ['usCarriers', 1, 3, 'US: about 2 carriers'],
    ['usSurface', 10, 20, 'US: 10-20 major surface ships'],
    ['usAircraft', 168, 372, 'US: about 270 aircraft (CSIS range 168-372)'],
    ['cnShips', 104, 172, 'China: about 138 ships'],
    ['cnAmphib', 65, 107, 'China: about 86 of them amphibious'],
    ['cnAircraft', 116, 194, 'China: about 155 aircraft'],
    ['jpAircraft', 84, 140, 'Japan: about 112 aircraft'],
    ['jpShips', 19, 33, 'Japan: about 26 ships'],
  ];
  it('every game invaded', () => expect(n).toBe(100));
  for (const [k, lo, hi, what] of bands)
    it(`${what}: mean ${k} within ${lo}..${hi}`, () => {
      expect(mean[k], `${k} = ${mean[k].toFixed(1)}`).toBeGreaterThanOrEqual(lo);
      expect(mean[k], `${k} = ${mean[k].toFixed(1)}`).toBeLessThanOrEqual(hi);
    });
});
