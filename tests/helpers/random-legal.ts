import { validateSubmission } from '../../src/sim/decisions';
import { BEHAVIOURS, optionsOf } from '../../src/sim/options';
import { OPTION_SPECS } from '../../src/sim/options/params';
import type { Decision } from '../../src/sim/state';
import type { Policy } from './game';

/**
 * Human seats that play random *legal* orders, for property tests: shared so every property
 * explores the same space of submissions the game itself accepts.
 */

/** A tiny deterministic PRNG so a policy's choices follow from one fast-check integer. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A human seat that takes random legal options: it walks the actor's whole menu in a random order
 * with random targets and amounts, and keeps each pick that the validator accepts together with
 * the picks before it. So every submission is legal by the game's own definition.
 */
export function randomLegal(policySeed: number, takeChance = 0.5): Policy {
  const rnd = mulberry32(policySeed);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
  return ({ state, sc, actor }) => {
    const chosen: Decision[] = [];
    const ids = [...optionsOf(actor)].sort(() => rnd() - 0.5);
    for (const id of ids) {
      if (rnd() > takeChance) continue;
      const spec = OPTION_SPECS[id] as { needs?: string };
      const b = BEHAVIOURS[id];
      const v = { s: state, sc, actor };
      const d: Decision =
        spec.needs === 'amount'
          ? { type: id, amount: Math.floor(rnd() * 101) }
          : spec.needs
            ? { type: id, target: pick(b.targets?.(v) ?? []) ?? '' }
            : { type: id };
      if (validateSubmission(state, sc, actor, [...chosen, d]).ok) chosen.push(d);
    }
    return chosen;
  };
}
