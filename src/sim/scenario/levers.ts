/**
 * Levers: the named what-if knobs. The code knows what each lever does (see `applyLevers` in
 * `../setup.ts`); a scenario declares its range, default and one-line meaning within the domain
 * given here.
 */
export const LEVER_DOMAINS = {
  usIntervention: { kind: 'enum', values: ['prompt', 'delayed', 'none'] },
  japanBases: { kind: 'boolean' },
  balticForwardBrigades: { kind: 'integer', min: 0, max: 30 },
  balticHeavyBrigades: { kind: 'integer', min: 0, max: 20 },
  article5Credibility: { kind: 'number', min: 0, max: 1 },
  chinaRussiaCoordination: { kind: 'number', min: 0, max: 1 },
  natoSpendingPctGdp: { kind: 'number', min: 1, max: 8 },
  ukraineStatus: {
    kind: 'enum',
    values: ['fighting', 'ceasefire-guaranteed', 'ceasefire-unguaranteed', 'russia-controls'],
  },
  usArticle5Response: { kind: 'enum', values: ['firm', 'hesitant'] },
  chinaCourse: { kind: 'enum', values: ['ai', 'invasion', 'blockade', 'quarantine', 'none'] },
  russiaCourse: {
    kind: 'enum',
    values: ['ai', 'baltic-offensive', 'limited-incursion', 'hybrid', 'stay-out'],
  },
  /** The AI's noise, in percent of each actor's doctrine noise: 0 is the deterministic best. */
  aiNoise: { kind: 'integer', min: 0, max: 200 },
} as const;

export type LeverName = keyof typeof LEVER_DOMAINS;
export const LEVER_NAMES = Object.keys(LEVER_DOMAINS) as LeverName[];

type Domain = (typeof LEVER_DOMAINS)[LeverName];
type ValueOf<D extends Domain> = D extends { kind: 'enum'; values: readonly (infer V)[] }
  ? V
  : D extends { kind: 'boolean' }
    ? boolean
    : number;

/** Resolved lever values of one game. */
export type Levers = { -readonly [K in LeverName]: ValueOf<(typeof LEVER_DOMAINS)[K]> };

/**
 * Narrow a name from a command line, URL or replay to a lever before indexing lever tables.
 *
 * @example
 * if (!isLeverName(name)) return { ok: false, error: { lever: name, message: 'unknown lever' } };
 */
export function isLeverName(s: string): s is LeverName {
  // Own keys only: `constructor` or `__proto__` typed at a command line is not a lever.
  return Object.hasOwn(LEVER_DOMAINS, s);
}

/**
 * A plain decimal number as a person types it: an optional minus, digits, an optional fraction.
 * `Number()` alone would also read `0x1`, `1e3`, `" 0.5"` and `""` (as 0), so a typo or a
 * pasted value with a stray space would silently become a different lever setting.
 */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * The number a lever value's text stands for, or null when it is not a plain decimal number.
 *
 * @example
 * parseLeverNumber('0.9')  // 0.9
 * parseLeverNumber('0x1')  // null
 * parseLeverNumber(' 0.5') // null
 */
export function parseLeverNumber(text: string): number | null {
  // Far longer than any lever value; the cap keeps the regex and Number() off huge inputs.
  if (text.length > 40 || !DECIMAL.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
