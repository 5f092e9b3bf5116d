import { describe, expect, it } from 'vitest';
import type { KeyEventName } from '../../src/sim/ids';
import { runPlain } from '../../src/sim/run';
import { resolveLevers } from '../../src/sim/setup';
import { scenario } from '../helpers/game';

/**
 * The levers point the way the sources say they should. Each test plays two arms of all-AI
 * campaigns of the baseline that differ in one lever, on the same seeds, and checks that a key
 * event's rate moves in the expected direction by more than twice the combined standard error of
 * the two rates (a difference that chance alone would produce in about 2% of comparisons).
 *
 * These are statements about balance, not exact numbers: the measured rates are printed so a
 * balance change that weakens a lever's effect is visible before it reverses it.
 */

const RUNS = 200;

/**
 * Where a second front is in play. Russia's AI attacks NATO only when the second-front calculus
 * it logs says yes; at the default Article 5 credibility (0.7) it almost never does (none of 200
 * runs), so a lever that should make a second front rarer or commoner is compared where Moscow
 * doubts the guarantee (0.3: about two runs in five).
 */
const DOUBTED = { article5Credibility: 0.3 } as const;
const sc = scenario('two-front').scenario;

interface Arm {
  readonly rate: number;
  readonly hits: number;
}

function arm(overrides: Record<string, unknown>, event: KeyEventName): Arm {
  const levers = resolveLevers(sc, overrides);
  if (!levers.ok) throw new Error(levers.error.message);
  let hits = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = runPlain(sc, {
      seed: `lever-${i}`,
      levers: levers.value,
      keepLog: false,
      turnHashes: false,
    });
    if (r.state.keyEvents.some((e) => e.name === event)) hits++;
  }
  return { hits, rate: hits / RUNS };
}

/** Twice the standard error of the difference of two independent proportions. */
function margin(a: Arm, b: Arm): number {
  return 2 * Math.sqrt((a.rate * (1 - a.rate)) / RUNS + (b.rate * (1 - b.rate)) / RUNS);
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Expect `more` to have a decisively higher rate than `less`; logs the measurement. */
function expectHigher(label: string, more: Arm, less: Arm): void {
  const m = margin(more, less);
  const line = `${label}: ${pct(more.rate)} vs ${pct(less.rate)} (difference ${pct(more.rate - less.rate)}, needs > ${pct(m)}; ${RUNS} runs per arm)`;
  console.log(line);
  expect(more.rate - less.rate, line).toBeGreaterThan(m);
}

describe(`lever directions (${RUNS} seeded campaigns per arm)`, () => {
  it('higher article5Credibility (0.95 vs 0.2) makes a second front rarer', () => {
    const low = arm({ article5Credibility: 0.2 }, 'secondFront');
    const high = arm({ article5Credibility: 0.95 }, 'secondFront');
    expectHigher('secondFront, article5Credibility 0.2 vs 0.95', low, high);
  });

  it('usIntervention=none makes the fall of Taipei more common than prompt intervention', () => {
    const none = arm({ usIntervention: 'none' }, 'taipeiFalls');
    const prompt = arm({ usIntervention: 'prompt' }, 'taipeiFalls');
    expectHigher('taipeiFalls, usIntervention none vs prompt', none, prompt);
  });

  it('...and so it does when the invasion is forced (the military effect alone)', () => {
    const none = arm({ usIntervention: 'none', chinaCourse: 'invasion' }, 'taipeiFalls');
    const prompt = arm({ usIntervention: 'prompt', chinaCourse: 'invasion' }, 'taipeiFalls');
    expectHigher(
      'taipeiFalls with chinaCourse=invasion, usIntervention none vs prompt',
      none,
      prompt,
    );
  });

  it('where Moscow doubts Article 5, high China–Russia coordination (0.9 vs 0.2) makes a second front more common', () => {
    const high = arm({ ...DOUBTED, chinaRussiaCoordination: 0.9 }, 'secondFront');
    const low = arm({ ...DOUBTED, chinaRussiaCoordination: 0.2 }, 'secondFront');
    expectHigher('secondFront, chinaRussiaCoordination 0.9 vs 0.2', high, low);
  });

  it('where Moscow doubts Article 5, six heavy brigades in the Baltic make a fallen capital (or a second front) rarer', () => {
    const noneFalls = arm({ ...DOUBTED, balticHeavyBrigades: 0 }, 'balticCapitalFalls');
    const sixFalls = arm({ ...DOUBTED, balticHeavyBrigades: 6 }, 'balticCapitalFalls');
    const noneFront = arm({ ...DOUBTED, balticHeavyBrigades: 0 }, 'secondFront');
    const sixFront = arm({ ...DOUBTED, balticHeavyBrigades: 6 }, 'secondFront');
    const falls = `balticCapitalFalls, balticHeavyBrigades 0 vs 6: ${pct(noneFalls.rate)} vs ${pct(sixFalls.rate)} (needs > ${pct(margin(noneFalls, sixFalls))})`;
    const front = `secondFront, balticHeavyBrigades 0 vs 6: ${pct(noneFront.rate)} vs ${pct(sixFront.rate)} (needs > ${pct(margin(noneFront, sixFront))})`;
    console.log(`${falls}\n${front}`);
    // Neither may move the wrong way decisively; at least one must move the right way decisively.
    expect(sixFalls.rate - noneFalls.rate, falls).toBeLessThanOrEqual(margin(noneFalls, sixFalls));
    expect(sixFront.rate - noneFront.rate, front).toBeLessThanOrEqual(margin(noneFront, sixFront));
    const decisive =
      noneFalls.rate - sixFalls.rate > margin(noneFalls, sixFalls) ||
      noneFront.rate - sixFront.rate > margin(noneFront, sixFront);
    expect(decisive, `${falls}\n${front}`).toBe(true);
  });

  it('where Moscow doubts Article 5, NATO spending at 5% of GDP (vs 2%) makes a second front rarer', () => {
    const two = arm({ ...DOUBTED, natoSpendingPctGdp: 2 }, 'secondFront');
    const five = arm({ ...DOUBTED, natoSpendingPctGdp: 5 }, 'secondFront');
    expectHigher('secondFront, natoSpendingPctGdp 2 vs 5', two, five);
  });
});
