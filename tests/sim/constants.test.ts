import { afterAll, describe, expect, it } from 'vitest';
import type { Controllers } from '../../src/sim/replay';
import { runPlain } from '../../src/sim/run';
import { loadScenarioData } from '../../src/sim/scenario/load';
import type { Scenario } from '../../src/sim/scenario/schema';
import { resolveLevers } from '../../src/sim/setup';
import { BASELINE, type Json } from '../helpers/baseline';

/**
 * "A deliberate change to any constant fails a test" (issue 10, item 11), checked literally.
 *
 * Every number of the baseline scenario that is a constant of the model is enumerated from the
 * file at run time (so a constant added tomorrow is covered tomorrow; see `constants`). Each is
 * changed on its own, the changed scenario is loaded with `loadScenarioData`, and a fixed set of
 * golden campaigns is played with the plain loop and a hash of the state after every turn. A
 * constant passes when some campaign's turn hashes differ from the unchanged scenario's.
 *
 * - The change: about +20% (at least 1), then -20%, then doubling and halving, each only if the
 *   schema accepts it; the first that moves a hash passes (the summary at the end names the
 *   constants that needed more than +20%).
 * - The unchanged campaigns are first played once through a proxy that records which numbers of
 *   the scenario the simulation reads. A run that never reads a constant is bit for bit the same
 *   whatever its value, so a constant no campaign reads fails at once ("never read"), and a changed
 *   constant is replayed only in the campaigns that read it. Most of the time left is loading:
 *   one `loadScenarioData` per change tried (about 45 s of one core for 725 constants).
 *
 * A failure is a finding: a constant never read is unread (use it or remove it) or read only on a
 * path no golden campaign takes (add a campaign that takes it); one read but never able to move a
 * hash is insensitive where the campaigns go (a threshold nobody comes near, a rate rounded away).
 * Exemptions are only for constants that provably cannot change a seeded run; each says why.
 */

const GOLDEN_TURNS = 16;

interface Golden {
  readonly name: string;
  readonly seed: string;
  readonly levers: Readonly<Record<string, unknown>>;
  readonly turns?: number;
  /** Seats held by a "human" who submits nothing, so the levers alone decide for them. */
  readonly controllers?: Partial<Controllers>;
}

const CAMPAIGNS: readonly Golden[] = [
  { name: 'all-AI baseline, seed c1', seed: 'c1', levers: {} },
  { name: 'all-AI baseline, seed c2', seed: 'c2', levers: {} },
  {
    // A seed whose landing waves are thrown back and regroup (rules.taiwanOps.regroupSteps).
    name: 'CSIS base: invasion, US prompt, Japan’s bases',
    seed: 's1',
    levers: { chinaCourse: 'invasion', russiaCourse: 'stay-out', usIntervention: 'prompt' },
  },
  {
    // The whole game: Taipei falls around week 10 (turn 16-20), and its fall reads its rules.
    name: 'CSIS: Taiwan alone',
    seed: 'c4',
    turns: 26,
    levers: {
      chinaCourse: 'invasion',
      russiaCourse: 'stay-out',
      usIntervention: 'none',
      japanBases: false,
    },
  },
  {
    name: 'invasion, US prompt, Japan’s bases shut',
    seed: 'c13',
    levers: {
      chinaCourse: 'invasion',
      russiaCourse: 'stay-out',
      usIntervention: 'prompt',
      japanBases: false,
    },
  },
  {
    name: 'invasion, US delayed by the lever alone (the US seat passes)',
    seed: 'c14',
    levers: { chinaCourse: 'invasion', russiaCourse: 'stay-out', usIntervention: 'delayed' },
    controllers: { usa: 'human' },
  },
  {
    name: 'invasion, US delayed',
    seed: 'c5',
    levers: { chinaCourse: 'invasion', russiaCourse: 'stay-out', usIntervention: 'delayed' },
  },
  {
    name: 'blockade',
    seed: 'c6',
    levers: { chinaCourse: 'blockade', russiaCourse: 'stay-out' },
  },
  {
    name: 'quarantine',
    seed: 'c7',
    levers: { chinaCourse: 'quarantine', russiaCourse: 'stay-out' },
  },
  {
    name: 'RAND: Baltic offensive, present posture',
    seed: 'c8',
    levers: { chinaCourse: 'none', russiaCourse: 'baltic-offensive' },
  },
  {
    name: 'RAND: Baltic offensive, 7 brigades (3 heavy)',
    seed: 'c9',
    levers: {
      chinaCourse: 'none',
      russiaCourse: 'baltic-offensive',
      balticForwardBrigades: 4,
      balticHeavyBrigades: 3,
    },
  },
  {
    name: 'limited incursion, US hesitant on Article 5',
    seed: 'c10',
    levers: {
      chinaCourse: 'none',
      russiaCourse: 'limited-incursion',
      usArticle5Response: 'hesitant',
    },
  },
  {
    name: 'two fronts: invasion and Baltic offensive, Ukraine in an unguaranteed ceasefire',
    seed: 'c11',
    levers: {
      chinaCourse: 'invasion',
      russiaCourse: 'baltic-offensive',
      ukraineStatus: 'ceasefire-unguaranteed',
    },
  },
  {
    name: 'hybrid pressure, Ukraine fallen, low coordination',
    seed: 'c12',
    levers: {
      russiaCourse: 'hybrid',
      ukraineStatus: 'russia-controls',
      chinaRussiaCoordination: 0.2,
      natoSpendingPctGdp: 3.5,
    },
  },
];

/**
 * Constants that provably cannot change a seeded run, by label, each with the reason. Keep this
 * (almost) empty: an entry here is a constant nobody can see move.
 */
const EXEMPT: Readonly<Record<string, string>> = {};

/** A number's place in the raw scenario, as a path of keys and indices. */
type Path = readonly (string | number)[];

interface Constant {
  /** What the report calls it: `rules.taiwanOps.liftPerShipPm`, `engagement.curve[3].shift`. */
  readonly label: string;
  /** The numbers to change together, and by how much each moves per unit of the change. */
  readonly parts: readonly { readonly path: Path; readonly sign: 1 | -1 }[];
  readonly value: number;
}

function get(o: Json, path: Path): Json {
  return path.reduce((x: Json, k) => x?.[k], o);
}

function set(o: Json, path: Path, v: number): void {
  get(o, path.slice(0, -1))[path[path.length - 1]!] = v;
}

/**
 * Numeric leaves under `o` (a tagged figure's number is its `value`), skipping source lists and
 * the keys in `skip`; with `taggedOnly`, only tagged figures (what a section outside the rules
 * declares to be a figure of the model, with its provenance).
 */
function leaves(
  o: Json,
  path: Path,
  label: string,
  out: Constant[],
  opts: { skip?: readonly string[]; taggedOnly?: boolean } = {},
): void {
  if (typeof o === 'number') {
    if (!opts.taggedOnly) out.push({ label, parts: [{ path, sign: 1 }], value: o });
    return;
  }
  if (o === null || typeof o !== 'object') return;
  if (typeof o.value === 'number' && typeof o.why === 'string') {
    out.push({ label, parts: [{ path: [...path, 'value'], sign: 1 }], value: o.value });
    return;
  }
  if (Array.isArray(o)) o.forEach((x, i) => leaves(x, [...path, i], `${label}[${i}]`, out, opts));
  else
    for (const [k, v] of Object.entries(o))
      if (k !== 'sources' && !opts.skip?.includes(k))
        leaves(v, [...path, k], `${label}.${k}`, out, opts);
}

/** The sections whose every number is a constant (elsewhere, only tagged figures are). */
const RULE_SECTIONS = ['rules', 'engagement', 'taiwanCampaign', 'options'];

/**
 * Every constant of the model in a raw scenario, in file order: every number of `rules` and
 * `engagement`, each sector's share of Taiwan's army (moved to the next sector, so the shares
 * still sum to 100) and its other figures, every option parameter, and every tagged figure of the
 * other sections (the US units and the Baltic axes, for example).
 */
function constants(raw: Json): Constant[] {
  const out: Constant[] = [];
  for (const [section, rules] of Object.entries(raw.rules as Record<string, Json>))
    if (section !== 'sources') leaves(rules, ['rules', section], `rules.${section}`, out);
  leaves(raw.engagement, ['engagement'], 'engagement', out);
  const sectors = raw.taiwanCampaign.sectors as Json[];
  sectors.forEach((x, i) => {
    const next = (i + 1) % sectors.length;
    const at = (j: number): Path => {
      const base = ['taiwanCampaign', 'sectors', j, 'defenceSharePct'];
      return typeof sectors[j].defenceSharePct === 'number' ? base : [...base, 'value'];
    };
    out.push({
      label: `taiwanCampaign.sectors[${x.id}].defenceSharePct (moved to ${sectors[next].id})`,
      parts: [
        { path: at(i), sign: 1 },
        { path: at(next), sign: -1 },
      ],
      value: get(raw, at(i)),
    });
    leaves(x, ['taiwanCampaign', 'sectors', i], `taiwanCampaign.sectors[${x.id}]`, out, {
      skip: ['defenceSharePct'],
    });
  });
  for (const [id, option] of Object.entries(raw.options as Record<string, Json>))
    if (option.params)
      leaves(option.params, ['options', id, 'params'], `options.${id}.params`, out);
  for (const [section, v] of Object.entries(raw as Record<string, Json>))
    if (!RULE_SECTIONS.includes(section)) leaves(v, [section], section, out, { taggedOnly: true });
  return out;
}

/**
 * The changes to try, in order: about +20% and -20% (the deliberate change), then doubling and
 * halving (for a threshold that a fifth does not cross in any golden campaign). At least ±1;
 * integers stay integers.
 */
function deltas(v: number): number[] {
  const fifth = Number.isInteger(v)
    ? Math.max(1, Math.round(Math.abs(v) * 0.2))
    : Math.abs(v) * 0.2;
  const whole = Number.isInteger(v) ? Math.max(1, Math.abs(v)) : Math.abs(v);
  const half = Number.isInteger(v) ? -Math.max(1, Math.trunc(Math.abs(v) / 2)) : -Math.abs(v) / 2;
  return [fifth || 0.1, -(fifth || 0.1), whole, half];
}

/** The engagement curve must stay in increasing order of ratio for interpolation to mean anything. */
function curveOrdered(raw: Json): boolean {
  const c = raw.engagement.curve as Json[];
  return c.every((p, i) => i === 0 || p.ratioPct > c[i - 1].ratioPct);
}

function load(raw: Json): Scenario | string {
  const r = loadScenarioData(raw, 'two-front (changed).json');
  return r.ok ? r.value.scenario : r.error.map((p) => p.message).join('; ');
}

/** The scenario with one constant changed by `d`, or why the schema refuses it. */
function changed(c: Constant, d: number): Scenario | string {
  const raw = structuredClone(BASELINE);
  for (const p of c.parts) set(raw, p.path, get(raw, p.path) + p.sign * d);
  if (!curveOrdered(raw)) return 'the curve would be out of order';
  return load(raw);
}

function play(sc: Scenario, g: Golden): string {
  const levers = resolveLevers(sc, g.levers);
  if (!levers.ok) throw new Error(`${g.name}: ${levers.error.message}`);
  return runPlain(sc, {
    seed: g.seed,
    levers: levers.value,
    turns: g.turns ?? GOLDEN_TURNS,
    keepLog: false,
    turnHashes: true,
    ...(g.controllers ? { controllers: g.controllers } : {}),
  }).turnHashes.join(',');
}

/**
 * The scenario seen through a proxy that records every number the simulation reads, by its path
 * in the parsed scenario (`rules.taiwanOps.liftPerShipPm`, `engagement.curve.3.shift`). A run that
 * never reads a constant is bit for bit the same whatever its value, so a constant no golden
 * campaign reads fails at once, and a constant is changed only in the campaigns that read it.
 */
function recording(sc: Scenario, reads: Set<string>): Scenario {
  const proxies = new WeakMap<object, object>();
  const wrap = (o: object, path: string): object => {
    const hit = proxies.get(o);
    if (hit) return hit;
    const proxy = new Proxy(o, {
      get(target, key, receiver) {
        const v: unknown = Reflect.get(target, key, receiver);
        if (typeof key !== 'string') return v;
        const at = path ? `${path}.${key}` : key;
        reads.add(at);
        return v !== null && typeof v === 'object' ? wrap(v, at) : v;
      },
      has(target, key) {
        if (typeof key === 'string') reads.add(path ? `${path}.${key}` : key);
        return Reflect.has(target, key);
      },
    });
    proxies.set(o, proxy);
    return proxy;
  };
  return wrap(sc, '') as Scenario;
}

/** A constant's paths in the parsed scenario (a tagged figure's `value` is the number itself). */
function parsedPaths(c: Constant): string[] {
  return c.parts.map((p) =>
    (p.path[p.path.length - 1] === 'value' ? p.path.slice(0, -1) : p.path).join('.'),
  );
}

interface Baseline {
  readonly hashes: string;
  readonly reads: ReadonlySet<string>;
}

const BASE = load(structuredClone(BASELINE));
const baselines = new Map<string, Baseline>();
function baseline(g: Golden): Baseline {
  let b = baselines.get(g.name);
  if (!b) {
    if (typeof BASE === 'string') throw new Error(`the baseline does not load: ${BASE}`);
    const reads = new Set<string>();
    const hashes = play(recording(BASE, reads), g);
    // The recording proxy must not change the game.
    expect(play(BASE, g), `${g.name}: the same game through the recording proxy`).toBe(hashes);
    b = { hashes, reads };
    baselines.set(g.name, b);
  }
  return b;
}

/** Campaign indices, the last to detect a change first. */
const order = CAMPAIGNS.map((_, i) => i);

/** The first of `readers` whose turn hashes change under `sc`, or null when none does. */
function detectedBy(sc: Scenario, readers: ReadonlySet<number>): string | null {
  for (let n = 0; n < order.length; n++) {
    const i = order[n]!;
    if (!readers.has(i)) continue;
    const g = CAMPAIGNS[i]!;
    if (play(sc, g) !== baseline(g).hashes) {
      order.splice(n, 1);
      order.unshift(i);
      return g.name;
    }
  }
  return null;
}

/** What the meta-test found for each constant, for the summary at the end. */
const findings: string[] = [];

const ALL = constants(BASELINE);

describe('a deliberate change to any constant changes a golden campaign', () => {
  it('finds the constants in the scenario file', () => {
    expect(typeof BASE, typeof BASE === 'string' ? BASE : '').toBe('object');
    const labels = ALL.map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    // Spot checks that each family is found (the counts move with the model).
    for (const probe of [
      /^rules\.taiwanOps\./,
      /^rules\.airSea\./,
      /^engagement\.curve\[\d+\]\.shift$/,
      /^engagement\.terrainDefencePct\.urban$/,
      /^engagement\.fortunePct$/,
      /^taiwanCampaign\.sectors\[/,
      /^options\.[a-z-]+\.[a-z0-9-]+\.params\./,
    ])
      expect(
        labels.some((l) => probe.test(l)),
        String(probe),
      ).toBe(true);
    for (const e of Object.keys(EXEMPT))
      expect(labels, 'an exemption names no constant').toContain(e);
  });

  it('the golden campaigns are distinct games', () => {
    const hashes = CAMPAIGNS.map((g) => baseline(g).hashes);
    expect(new Set(hashes).size).toBe(CAMPAIGNS.length);
  });

  for (const c of ALL) {
    const exempt = EXEMPT[c.label];
    if (exempt) {
      it.skip(`${c.label}: exempt (${exempt})`, () => {});
      continue;
    }
    it(c.label, () => {
      const paths = parsedPaths(c);
      const readers = new Set(
        CAMPAIGNS.flatMap((g, i) => (paths.some((p) => baseline(g).reads.has(p)) ? [i] : [])),
      );
      if (readers.size === 0) {
        findings.push(`never read: ${c.label}`);
        expect.fail(
          `${c.label}: no golden campaign reads it in ${GOLDEN_TURNS} turns (unread: use it or remove it; or add a campaign that takes the path that reads it)`,
        );
      }
      const tried: string[] = [];
      for (const d of deltas(c.value)) {
        const sc = changed(c, d);
        const change = `${c.value} → ${c.value + d}`;
        if (typeof sc === 'string') {
          tried.push(`${change}: refused (${sc.slice(0, 160)})`);
          continue;
        }
        if (detectedBy(sc, readers)) {
          if (tried.length > 0) findings.push(`needs ${change}: ${c.label}`);
          return;
        }
        tried.push(`${change}: no change`);
      }
      findings.push(`read, no change: ${c.label} (read by ${readers.size})`);
      expect.fail(
        `${c.label}: read by ${[...readers].map((i) => CAMPAIGNS[i]!.name).join('; ')}, but no change moves their turn hashes in ${GOLDEN_TURNS} turns (${tried.join('; ')})`,
      );
    });
  }

  afterAll(() => {
    if (findings.length > 0)
      console.info(
        `constants the golden campaigns miss or barely see:\n  ${findings.join('\n  ')}`,
      );
  });
});
