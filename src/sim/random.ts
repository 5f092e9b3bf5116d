/**
 * Every random number in the game comes from here. A stream is named by the game seed and a label
 * (`seed:turn:purpose`), so one extra draw for one purpose cannot shift any other roll, and the
 * same label always gives the same numbers. Streams are seedrandom's Alea generator (reimplemented
 * below, bit for bit): quick to seed (we seed many small streams per turn) and pure double
 * arithmetic, so the same bits come out in Node and in every browser.
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

/**
 * Baagoe's Mash hash, one pass over `data` from state `n` (seedrandom's `Mash`, written out as a
 * loop over a number so that seeding a stream allocates nothing). The same double operations in
 * the same order as seedrandom, so the same bits, with one substitution: seedrandom truncates
 * with `h >>> 0`, which is `Math.floor(h)` for 0 <= h < 2^32, and here h always is: n stays in
 * [0, 2^33) (it is a floor below 2.2e8 plus a fraction times 2^32), so 0.0252 × (n + a char
 * code) < 2.2e8, and a fraction times a floor below 2.2e8 is below 2.2e8 too. Math.floor is one
 * instruction, where the uint32 truncation and its conversion back to a double are two (about
 * 40% of a stream's seeding time).
 */
function mash(n: number, data: string): number {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = Math.floor(h);
    h -= n;
    h *= n;
    n = Math.floor(h);
    h -= n;
    n += h * 0x100000000; // 2^32
  }
  return n;
}

/** Mash's output for its state: `(n >>> 0) × 2^-32`. */
function mashOut(n: number): number {
  return (n >>> 0) * 2.3283064365386963e-10; // 2^-32
}

// Alea's seeding starts every stream with three passes over ' ' from Mash's initial state: the
// same for every label, so done once here (by the same arithmetic, not as pasted constants).
const N0 = mash(0xefc8249d, ' ');
const S0 = mashOut(N0);
const N1 = mash(N0, ' ');
const S1 = mashOut(N1);
const N2 = mash(N1, ' ');
const S2 = mashOut(N2);

/** Mash's state after the first pass over `seed:turn:` (shared by every purpose of a turn). */
let prefixSeed = '';
let prefixTurn = -1;
let prefixN = 0;

function firstPassPrefix(seed: string, turn: number): number {
  if (seed !== prefixSeed || turn !== prefixTurn) {
    prefixN = mash(mash(mash(N2, seed), ':'), `${turn}:`);
    prefixSeed = seed;
    prefixTurn = turn;
  }
  return prefixN;
}

/**
 * seedrandom's Alea generator (`seedrandom.alea(label)`), reimplemented so that a stream costs
 * four numbers instead of a generator object with four closures: streams are seeded hundreds of
 * times a turn. It yields exactly seedrandom's numbers (tests/sim/random.test.ts checks it against
 * seedrandom itself): seeding is three Mash passes over the label `seed:turn:purpose`, the first
 * of which resumes from the turn's shared prefix.
 */
class AleaStream implements Stream {
  private s0: number;
  private s1: number;
  private s2: number;
  private c = 1;

  constructor(
    private readonly seed: string,
    private readonly turn: number,
    private readonly purpose: string,
  ) {
    const turnText = `${turn}`;
    let n = mash(firstPassPrefix(seed, turn), purpose);
    let s0 = S0 - mashOut(n);
    if (s0 < 0) s0 += 1;
    n = mash(mash(mash(mash(mash(n, seed), ':'), turnText), ':'), purpose);
    let s1 = S1 - mashOut(n);
    if (s1 < 0) s1 += 1;
    n = mash(mash(mash(mash(mash(n, seed), ':'), turnText), ':'), purpose);
    let s2 = S2 - mashOut(n);
    if (s2 < 0) s2 += 1;
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
  }

  /** The stream's name, `seed:turn:purpose` (built when asked: quiet batches never ask). */
  get label(): string {
    return streamLabel(this.seed, this.turn, this.purpose);
  }

  /** Alea's next double in [0, 1). */
  private next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
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
  return new AleaStream(seed, turn, purpose);
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
