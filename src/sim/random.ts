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

class AleaStream implements Stream {
  private readonly next: () => number;

  constructor(readonly label: string) {
    this.next = seedrandom.alea(label);
  }

  d100(): number {
    return 1 + Math.floor(this.next() * 100);
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
}

/**
 * The one place a stream's name is spelt, so the log's `roll.stream` and the generator's seed
 * always agree.
 *
 * @example
 * streamLabel('42', 3, 'combat:estonia') // '42:3:combat:estonia'
 */
export function streamLabel(seed: string, turn: number, purpose: string): string {
  return `${seed}:${turn}:${purpose}`;
}

/**
 * A fresh generator for one purpose in one turn; phases reach it through `ctx.rng(purpose)`.
 *
 * @example
 * const roll = stream(state.seed, state.turn, 'alliance:article5').d100();
 */
export function stream(seed: string, turn: number, purpose: string): Stream {
  return new AleaStream(streamLabel(seed, turn, purpose));
}

const drawCache = new Map<string, readonly number[]>();

/**
 * The first `count` draws of `int(lo, hi)` from a named stream, memoised (a pure function of its
 * arguments; the cache is small and bounded). Used for per-game values read every turn, such as
 * an AI actor's temperament towards each option.
 *
 * @example
 * draws('42', 0, 'ai-temperament:russia', 12, -10, 10)[3] // always the same number
 */
export function draws(
  seed: string,
  turn: number,
  purpose: string,
  count: number,
  lo: number,
  hi: number,
): readonly number[] {
  const key = `${streamLabel(seed, turn, purpose)}|${count}|${lo}|${hi}`;
  const hit = drawCache.get(key);
  if (hit) return hit;
  const s = stream(seed, turn, purpose);
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(s.int(lo, hi));
  if (drawCache.size >= 256) drawCache.delete(drawCache.keys().next().value as string);
  drawCache.set(key, out);
  return out;
}
