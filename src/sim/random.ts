import seedrandom from 'seedrandom';

/**
 * Every random number in the game comes from here. A stream is named by the game seed and a label
 * (`seed:turn:purpose`), so one extra draw for one purpose cannot shift any other roll, and the
 * same label always gives the same numbers. Streams are Alea generators from seedrandom: quick to
 * seed (we seed many small streams per turn) and pure double arithmetic, so the same bits come out
 * in Node and in every browser.
 *
 * @example
 * const r = stream('42', 3, 'combat:estonia');
 * r.d100(); // 1..100, the same for seed 42, turn 3, that label, every time
 */
export interface Stream {
  readonly label: string;
  /** A uniform integer in 1..100. */
  d100(): number;
  /** A uniform integer in lo..hi inclusive. */
  int(lo: number, hi: number): number;
}

export function streamLabel(seed: string, turn: number, purpose: string): string {
  return `${seed}:${turn}:${purpose}`;
}

export function stream(seed: string, turn: number, purpose: string): Stream {
  const label = streamLabel(seed, turn, purpose);
  const next = seedrandom.alea(label);
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return { label, d100: () => int(1, 100), int };
}
