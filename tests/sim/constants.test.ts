import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '../../src/cli/scenario-files';
import type { AiPolicy } from '../../src/sim/ai';
import { PLAYABLE_ACTORS } from '../../src/sim/ids';
import type { Controllers, TurnDecisions } from '../../src/sim/replay';
import { runPlain, type RunResult } from '../../src/sim/run';
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
 * - The campaigns: forced courses and levers, all-AI games, seats played by a fixed script, the
 *   scenario's own length (`turns: 'full'`), and the bundled variants, each loaded on the changed
 *   baseline it extends (a variant's campaigns are tried after the baseline's: a load of its own).
 * - The change: about +20% (at least 1), then -20%, then doubling and halving, each only if the
 *   schema accepts it, then the larger change `LARGER` names for a few; the first that moves a
 *   hash passes (the summary at the end names the constants that needed more than +20%).
 * - The unchanged campaigns are first played once through a proxy that records which numbers of
 *   the scenario the simulation reads. A run that never reads a constant is bit for bit the same
 *   whatever its value, so a constant no campaign reads fails at once ("never read"), and a changed
 *   constant is replayed only in the campaigns that read it. Most of the time left is loading:
 *   one `loadScenarioData` per change tried (about 40 s of one core for 711 constants, 36
 *   campaigns).
 *
 * A failure is a finding: a constant never read is unread (use it or remove it) or read only on a
 * path no golden campaign takes (add a campaign that takes it); one read but never able to move a
 * hash is insensitive where the campaigns go (a threshold nobody comes near, a rate rounded away).
 * Exemptions (`EXEMPT`) name the test elsewhere that fails on a change of the constant, and why no
 * game moves it; each was checked by changing the constant and running that test.
 */

/** Turns a golden campaign plays unless it says otherwise. */
const GOLDEN_TURNS = 16;

interface Golden {
  readonly name: string;
  readonly seed: string;
  readonly levers: Readonly<Record<string, unknown>>;
  /** Turns to play; `full` plays the scenario's own length (`calendar.maxTurns`). */
  readonly turns?: number | 'full';
  /** Seats held by a "human" who submits nothing, so the levers alone decide for them. */
  readonly controllers?: Partial<Controllers>;
  /** What the human seats submit, turn by turn (index 0 = turn 1); nothing after the last. */
  readonly script?: readonly TurnDecisions[];
  /** A bundled variant (scenarios/<id>.json) played on the changed baseline it extends. */
  readonly variant?: string;
  /** The AI in every AI seat; the default AI (the planner) unless set. */
  readonly policy?: AiPolicy;
}

/** Taiwan standing alone: no US intervention, no Japanese bases. */
const ALONE = { usIntervention: 'none', japanBases: false } as const;

const BY_DEFAULT_AI: readonly Golden[] = [
  { name: 'all-AI baseline, seed c1', seed: 'c1', levers: {} },
  { name: 'all-AI baseline, seed c2', seed: 'c2', levers: {} },
  {
    name: 'CSIS base: invasion, US prompt, Japan’s bases',
    seed: 's1',
    levers: { chinaCourse: 'invasion', russiaCourse: 'stay-out', usIntervention: 'prompt' },
  },
  {
    // The whole game at the scenario's own length (calendar.maxTurns): Taipei falls in turn 25.
    name: 'CSIS: Taiwan alone',
    seed: 'c4',
    turns: 'full',
    levers: { chinaCourse: 'invasion', russiaCourse: 'stay-out', ...ALONE },
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
  // Paths the campaigns above do not take, each found by playing seeds until one took it. The
  // seeds are arbitrary strings; the comment says what the game does (at the rules of the day).
  {
    // The AI's own choices over a whole game: Russia's offensive fails under Article 5 (its defeat
    // prospect), terms are offered, a Ukraine ceasefire is backed by the US.
    name: 'all-AI baseline, seed a1, 26 turns',
    seed: 'a1',
    turns: 26,
    levers: {},
  },
  { name: 'all-AI baseline, seed a2, 26 turns', seed: 'a2', turns: 26, levers: {} },
  { name: 'all-AI baseline, seed a4, 26 turns', seed: 'a4', turns: 26, levers: {} },
  {
    // China invades in turn 7 on its own, is repulsed, signals, then stands down and talks.
    name: 'all-AI baseline, seed ai9: China’s own invasion, repulsed',
    seed: 'ai9',
    turns: 26,
    levers: {},
  },
  {
    // Rutte's world: Russia attacks while the factors favour it (its calculus net above zero),
    // China weighs an invasion, the US weighs entering over strikes.
    name: 'close coordination, a doubted Article 5, low spending (all AI)',
    seed: 'hicai9',
    turns: 26,
    levers: { chinaRussiaCoordination: 1, article5Credibility: 0.2, natoSpendingPctGdp: 1.2 },
  },
  {
    // Beijing and Moscow apart: China's dual-use supply is out of reach.
    name: 'no coordination between Beijing and Moscow (all AI)',
    seed: 'lowco0',
    turns: 26,
    levers: { chinaRussiaCoordination: 0 },
  },
  {
    // Waves thrown back (the fleet regroups), and a settlement over a lodgement.
    name: 'CSIS base, seed inv2: waves thrown back, a settlement',
    seed: 'inv2',
    turns: 26,
    levers: { chinaCourse: 'invasion', russiaCourse: 'stay-out', usIntervention: 'prompt' },
  },
  {
    // Japan stays out while the US fights; Taipei falls in turn 19.
    name: 'invasion, US prompt, Japan’s bases shut, seed invs2',
    seed: 'invs2',
    turns: 26,
    levers: { chinaCourse: 'invasion', russiaCourse: 'stay-out', japanBases: false },
  },
  {
    // Russia answers an invasion with a second front: a Baltic capital falls, NATO counter-attacks.
    name: 'invasion, Russia’s answer left to the AI, seed invai2',
    seed: 'invai2',
    turns: 26,
    levers: { chinaCourse: 'invasion' },
  },
  {
    name: 'invasion, Russia’s answer left to the AI, seed i1: repulsed, then a Ukraine ceasefire',
    seed: 'i1',
    turns: 26,
    levers: { chinaCourse: 'invasion' },
  },
  {
    name: 'two fronts, seed t1: Ukraine accepts an unguaranteed ceasefire',
    seed: 't1',
    turns: 26,
    levers: { chinaCourse: 'invasion', russiaCourse: 'baltic-offensive' },
  },
  {
    name: 'two fronts, seed tf25: the invasion repulsed, a Baltic fait accompli',
    seed: 'tf25',
    turns: 26,
    levers: { chinaCourse: 'invasion', russiaCourse: 'baltic-offensive' },
  },
  {
    name: 'two fronts, seed tf26: a two-front war to the end',
    seed: 'tf26',
    turns: 26,
    levers: { chinaCourse: 'invasion', russiaCourse: 'baltic-offensive' },
  },
  {
    name: 'Baltic offensive, US hesitant on Article 5, China staying out',
    seed: 'bh18',
    turns: 26,
    levers: {
      chinaCourse: 'none',
      russiaCourse: 'baltic-offensive',
      usArticle5Response: 'hesitant',
    },
  },
  {
    // Energy runs short, Taiwan weighs capitulating and opens talks.
    name: 'blockade, Taiwan alone: pressed to talks',
    seed: 'blka12',
    turns: 26,
    levers: { chinaCourse: 'blockade', russiaCourse: 'stay-out', ...ALONE },
  },
  {
    // Seats played by a fixed script, to take the paths no AI takes: China strikes after the US
    // has entered a blockade, and Japan joins the defence before China has struck its bases.
    name: 'a crisis by hand: China blockades, the US enters, Japan joins, China strikes',
    seed: 'h1',
    turns: 26,
    levers: {},
    controllers: { china: 'human', usa: 'human', japan: 'human' },
    script: [
      { china: [{ type: 'china.mobilise' }] },
      { china: [{ type: 'china.blockade' }] },
      { usa: [{ type: 'usa.intervene-taiwan' }] },
      { china: [{ type: 'china.missile-strikes' }], japan: [{ type: 'japan.join-defence' }] },
    ],
  },
  {
    // Close coordination: China opens talks and Taiwan weighs answering them.
    name: 'close coordination (all AI), seed k24: Taiwan weighs China’s talks',
    seed: 'k24',
    turns: 26,
    levers: { chinaRussiaCoordination: 1 },
  },
  {
    // Noise at its full doctrine value: at turn 7 the US's Pacific first ties with Negotiate,
    // so the odds it gives its fight for Taiwan decide between them.
    name: 'all AI at aiNoise 100, seed k4: the US weighs fighting for Taiwan against talks',
    seed: 'k4',
    turns: 26,
    levers: { aiNoise: 100 },
  },
  // The bundled variants, all AI, on the changed baseline they extend.
  {
    name: 'Taiwan alone (variant), all AI',
    seed: 'ta5',
    turns: 26,
    levers: {},
    variant: 'taiwan-alone',
  },
  { name: 'Skeptic (variant), all AI', seed: 'v2', turns: 26, levers: {}, variant: 'skeptic' },
  {
    // China invades on its own against a prompt US; repulsed, it stands down.
    name: 'Skeptic (variant): US prompt, Russia staying out',
    seed: 'strk12',
    turns: 26,
    levers: { usIntervention: 'prompt', russiaCourse: 'stay-out' },
    variant: 'skeptic',
  },
  {
    name: 'Ukraine falls (variant), all AI, seed uf6',
    seed: 'uf6',
    turns: 26,
    levers: {},
    variant: 'ukraine-falls',
  },
  {
    name: 'Ukraine falls (variant), all AI, seed v3',
    seed: 'v3',
    turns: 26,
    levers: {},
    variant: 'ukraine-falls',
  },
  {
    // China orders an invasion in the turn a settlement over Taiwan takes effect: the fleet never
    // sails, but the US (AI) weighs entering "against an invasion" and enters in turn 11.
    name: 'Hague target (variant), all AI',
    seed: 'ht10',
    turns: 26,
    levers: {},
    variant: 'hague-target',
  },
];

/**
 * Every campaign twice: played by the default AI (the planner), and by the one-step AI, which
 * still plays in duels and `batch --policy one-step` and reads the options' one-step terms. The
 * one-step copies play at `aiNoise` 100, the one-step AI's full doctrine noise (its play before
 * rules 5.0.0, when it ignored the lever): its noise takes it down paths the planner, noise kept
 * out of its key decisions, no longer goes.
 */
const CAMPAIGNS: readonly Golden[] = [
  ...BY_DEFAULT_AI,
  ...BY_DEFAULT_AI.map((g) => ({
    ...g,
    name: `${g.name} (one-step AI)`,
    levers: { aiNoise: 100, ...g.levers },
    policy: 'one-step' as const,
  })),
];

/**
 * Constants no golden campaign can move, by label, each with the reason: either a dedicated test
 * elsewhere changes this very constant and fails (its digest or its pinned value moves; the file is
 * named), or it provably cannot change a seeded run of the bundled scenarios (the proof is given).
 * Keep this short: an entry here is a constant no game shows moving.
 */
const EXEMPT: Readonly<Record<string, string>> = {
  ...exemptAll(
    'tests/sim/planner.test.ts pins digests of the planning AI’s decisions, logged reasons and plan valuations (China’s odds of taking Taipei under each US and Japanese posture) and fails on a change of each; in the golden campaigns the plan these odds value is never the best, nor is the neutral trait ever the one that decides',
    [
      'rules.aiPlanner.neutralTrait',
      'aiPlans.china[2].stages[4].odds[1].pct',
      'aiPlans.china[2].stages[4].odds[2].pct',
      'aiPlans.china[2].stages[4].odds[3].pct',
    ],
  ),
  ...exemptAll(
    'tests/sim/blockade.test.ts pins a digest of every rules.blockade figure on small states and fails on a change of each',
    [
      // Oil runs out after about 20 weeks, past the 13 of the longest game.
      'rules.blockade.oilOutSupplyLoss',
      // Only when the shortfall is logged (a quiet run logs nothing).
      'rules.blockade.shortfallLogStep',
      'rules.blockade.breakControl',
      'rules.blockade.capitulationUsDiscount',
    ],
  ),
  ...exemptAll(
    'tests/sim/baltic.test.ts pins a digest of every Baltic figure and fails on a change of each',
    [
      'rules.baltic.responseLowCohesionPct',
      'rules.baltic.responseMinPct',
      'baltic.axes.narva.depth',
    ],
  ),
  ...exemptAll(
    'routes no game takes (armies never swing between oceans, only units at home start from home, ' +
      'a move inside a theater is only a brigade bound for the Baltic) or losses rounded away; ' +
      'tests/sim/us-forces.test.ts sends every unit everywhere in its pinned digest and fails on a change of each',
    [
      'us.transit.carrier-strike-group.inTheater',
      'us.transit.surface-group.conusEurope',
      'us.transit.surface-group.conusIndoPacific',
      'us.transit.surface-group.inTheater',
      'us.transit.surface-group.lossPm',
      'us.transit.submarine-group.inTheater',
      'us.transit.fighter-wing.inTheater',
      'us.transit.bomber-group.inTheater',
      'us.transit.air-defence.inTheater',
      'us.transit.armoured-brigade.conusIndoPacific',
      'us.transit.armoured-brigade.europeIndoPacific',
      'us.transit.stryker-brigade.conusEurope',
      'us.transit.stryker-brigade.conusIndoPacific',
      'us.transit.stryker-brigade.europeIndoPacific',
      'us.transit.airborne-brigade.conusIndoPacific',
      'us.transit.airborne-brigade.europeIndoPacific',
      'us.transit.marine-brigade.conusIndoPacific',
      'us.transit.marine-brigade.europeIndoPacific',
    ],
  ),
  ...exemptAll(
    'no engagement of the bundled scenarios is fought on this terrain (the Strait, Taiwan’s island ' +
      'and urban sectors, the Baltic axes’ forest, open and urban ground); ' +
      'tests/sim/engagement-golden.test.ts pins the terrain table and fails on a change',
    [
      'engagement.terrainDefencePct.marsh',
      'engagement.terrainDefencePct.mountain',
      'engagement.terrainDefencePct.coastal',
      'engagement.terrainDefencePct.sea',
    ],
  ),
  'engagement.routLossPm':
    'it only names a result "attacker-routed" in the log, and nothing in the state reads the name; ' +
    'tests/sim/engagement-golden.test.ts tables the urban and Strait routs and fails on a change',
  'rules.escalation.chinaFailedWavesForDefeat':
    'waves thrown back are too few to outweigh the fleet sunk in China’s defeat prospect; ' +
    'tests/sim/escalation.test.ts pins it and computes the prospect from waves, and fails on a change',
  ...exemptAll(
    'read only on a path no game of the bundled scenarios takes, or inert where they go; ' +
      'tests/sim/constants-unreached.test.ts shows it on small states and fails on a change',
    [
      // China's staging army never falls below about 190 points with nothing ashore.
      'rules.taiwanOps.minStagingPoints',
      // Japan can choose to join only in a blockade the US has entered (scoring about -19);
      // in an invasion or under strikes China's salvo at its bases makes it a party first.
      'rules.aiPartners.joinGain',
      // The US's entry opens Japan's bases whenever the japanBases lever allows them.
      'rules.aiPartners.basesIntervenedGain',
      // China asks Moscow before the US enters, or never; China opens talks before a blockade
      // strangles Taiwan.
      'rules.aiChina.askRussiaIntervenedGain',
      'rules.aiChina.negotiateStrangledPenalty',
      // The game ends in the turn Taipei falls.
      'rules.aiBackground.eastTaipeiGain',
      // The US weighs entering against an invasion only before the lever brings it in (at the
      // first step, or at the delay's hour inside a turn); under rules 4.0.0 a stage timer
      // sent the AI US in over the Hague variant's invasion ordered as a settlement took effect.
      'rules.aiUsa.interveneInvasionGain',
      // The bundled scenario has Japanese forces in the Ryukyus, so a reinforcement adds to them.
      'options.japan.reinforce-ryukyus.params.readiness',
      // The chance is at most trunc(100 × (2 + 1) / 12) = 25 on the crisis rungs, below the cap
      // of 30; games reach about 13.
      'rules.miscalc.incidentChanceMaxPct',
    ],
  ),
};

/** The same reason for each of `labels`. */
function exemptAll(why: string, labels: readonly string[]): Record<string, string> {
  return Object.fromEntries(labels.map((l) => [l, why]));
}

/**
 * Constants that only a change larger than ±20% (or doubling, halving) moves in any golden
 * campaign, with the factor tried after those and the reason it takes that much. Each is a
 * finding: a term too small to tip a decision where the campaigns go.
 */
const LARGER: Readonly<Record<string, { readonly factor: number; readonly why: string }>> = {
  'rules.aiRussia.disinformationRisk': {
    factor: 5,
    why:
      'a risk of 1 or 2 is rounded away: weigh() makes trunc(trunc(-2 × 95 / 100) × 95 / 100) = 0 ' +
      'for Russia, so only 3 or more counts',
  },
};

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
  return out.map((c) => balticShare(raw, c));
}

/**
 * A Baltic axis's share of a staging region's offensive moves against the next axis drawing on the
 * same region (the shares of a region sum to at most 100, and one already full could not grow).
 */
function balticShare(raw: Json, c: Constant): Constant {
  const p = c.parts[0]!.path;
  if (c.parts.length !== 1 || p[0] !== 'baltic' || p[1] !== 'axes' || p[3] !== 'from') return c;
  const region = p[4] as string;
  const axes = Object.keys(raw.baltic.axes as Record<string, Json>);
  const at = axes.indexOf(p[2] as string);
  const other = [...axes.slice(at + 1), ...axes.slice(0, at)].find(
    (a) => raw.baltic.axes[a].from[region] !== undefined,
  );
  if (!other) return c;
  return {
    label: `${c.label} (against ${other})`,
    parts: [...c.parts, { path: ['baltic', 'axes', other, 'from', region, 'value'], sign: -1 }],
    value: c.value,
  };
}

/**
 * The changes to try, in order: about +20% and -20% (the deliberate change), then doubling and
 * halving (for a threshold that a fifth does not cross in any golden campaign), then the larger
 * change `LARGER` names for this constant, if any. At least ±1; integers stay integers.
 */
function deltas(c: Constant): number[] {
  const v = c.value;
  const fifth = Number.isInteger(v)
    ? Math.max(1, Math.round(Math.abs(v) * 0.2))
    : Math.abs(v) * 0.2;
  const whole = Number.isInteger(v) ? Math.max(1, Math.abs(v)) : Math.abs(v);
  const half = Number.isInteger(v) ? -Math.max(1, Math.trunc(Math.abs(v) / 2)) : -Math.abs(v) / 2;
  const larger = LARGER[c.label];
  return [
    fifth || 0.1,
    -(fifth || 0.1),
    whole,
    half,
    ...(larger ? [Math.trunc(v * larger.factor) - v] : []),
  ];
}

/** The engagement curve must stay in increasing order of ratio for interpolation to mean anything. */
function curveOrdered(raw: Json): boolean {
  const c = raw.engagement.curve as Json[];
  return c.every((p, i) => i === 0 || p.ratioPct > c[i - 1].ratioPct);
}

const variantFiles = new Map<string, Json>();

/** A bundled variant's file, parsed (it `extends` two-front). */
function variantData(id: string): Json {
  let v = variantFiles.get(id);
  if (!v) {
    v = JSON.parse(readFileSync(join(SCENARIO_DIR, `${id}.json`), 'utf8'));
    variantFiles.set(id, v);
  }
  return v;
}

/** The (changed) baseline loaded, or a variant of it: its patch merged onto `raw`. */
function load(raw: Json, variant?: string): Scenario | string {
  const r = variant
    ? loadScenarioData(variantData(variant), `${variant}.json`, (id) =>
        id === 'two-front' ? { text: JSON.stringify(raw), file: 'two-front (changed).json' } : null,
      )
    : loadScenarioData(raw, 'two-front (changed).json');
  return r.ok ? r.value.scenario : r.error.map((p) => p.message).join('; ');
}

/** One change tried: the baseline loaded, and each variant loaded only when a campaign needs it. */
interface Change {
  readonly raw: Json;
  readonly scenarios: Map<string, Scenario | string>;
}

function scenarioOf(ch: Change, variant?: string): Scenario | string {
  const k = variant ?? '';
  let sc = ch.scenarios.get(k);
  if (sc === undefined) {
    sc = load(ch.raw, variant);
    ch.scenarios.set(k, sc);
  }
  return sc;
}

/** The scenario with one constant changed by `d`, or why the schema refuses it. */
function changed(c: Constant, d: number): Change | string {
  const raw = structuredClone(BASELINE);
  for (const p of c.parts) set(raw, p.path, get(raw, p.path) + p.sign * d);
  if (!curveOrdered(raw)) return 'the curve would be out of order';
  const ch: Change = { raw, scenarios: new Map() };
  const sc = scenarioOf(ch);
  return typeof sc === 'string' ? sc : ch;
}

function run(sc: Scenario, g: Golden): RunResult {
  const levers = resolveLevers(sc, g.levers);
  if (!levers.ok) throw new Error(`${g.name}: ${levers.error.message}`);
  return runPlain(sc, {
    seed: g.seed,
    levers: levers.value,
    ...(g.turns === 'full' ? {} : { turns: g.turns ?? GOLDEN_TURNS }),
    keepLog: false,
    turnHashes: true,
    ...(g.controllers ? { controllers: g.controllers } : {}),
    ...(g.script ? { script: g.script } : {}),
    ...(g.policy
      ? { policies: Object.fromEntries(PLAYABLE_ACTORS.map((a) => [a, g.policy])) }
      : {}),
  });
}

function play(sc: Scenario, g: Golden): string {
  return run(sc, g).turnHashes.join(',');
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

const UNCHANGED: Change = { raw: structuredClone(BASELINE), scenarios: new Map() };
const BASE = scenarioOf(UNCHANGED);
const baselines = new Map<string, Baseline>();
function baseline(g: Golden): Baseline {
  let b = baselines.get(g.name);
  if (!b) {
    const sc = scenarioOf(UNCHANGED, g.variant);
    if (typeof sc === 'string')
      throw new Error(`${g.variant ?? 'the baseline'} does not load: ${sc}`);
    const reads = new Set<string>();
    const r = run(recording(sc, reads), g);
    // A refused scripted decision would end the game early, unnoticed.
    expect(r.rejection, `${g.name}: the script is refused`).toBeNull();
    const hashes = r.turnHashes.join(',');
    // The recording proxy must not change the game.
    expect(play(sc, g), `${g.name}: the same game through the recording proxy`).toBe(hashes);
    b = { hashes, reads };
    baselines.set(g.name, b);
  }
  return b;
}

/**
 * Campaign indices in the order they are tried, the last to detect a change first; the baseline's
 * campaigns before the variants', which cost a load of their own.
 */
const order = [
  ...CAMPAIGNS.flatMap((g, i) => (g.variant ? [] : [i])),
  ...CAMPAIGNS.flatMap((g, i) => (g.variant ? [i] : [])),
];
const FIRST_VARIANT = CAMPAIGNS.filter((g) => !g.variant).length;

/** The first of `readers` whose turn hashes change under `ch`, or null when none does. */
function detectedBy(ch: Change, readers: ReadonlySet<number>): string | null {
  for (let n = 0; n < order.length; n++) {
    const i = order[n]!;
    if (!readers.has(i)) continue;
    const g = CAMPAIGNS[i]!;
    const sc = scenarioOf(ch, g.variant);
    if (typeof sc === 'string') continue;
    if (play(sc, g) !== baseline(g).hashes) {
      // Move it to the front of its group.
      const front = g.variant ? FIRST_VARIANT : 0;
      order.splice(n, 1);
      order.splice(front, 0, i);
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
      // An exemption is a claim: a covering test exists, and no golden campaign moves the
      // constant. Both are checked, so a stale exemption (a campaign now notices) fails.
      it(`${c.label}: exempt, covered elsewhere`, () => {
        const file = /tests\/[\w/.-]+\.test\.ts/.exec(exempt)?.[0];
        expect(file, `${c.label}: the exemption names no covering test file`).toBeDefined();
        expect(existsSync(file!), `${file} does not exist`).toBe(true);
        const paths = parsedPaths(c);
        const readers = new Set(
          CAMPAIGNS.flatMap((g, i) => (paths.some((p) => baseline(g).reads.has(p)) ? [i] : [])),
        );
        if (readers.size === 0) return;
        for (const d of deltas(c)) {
          const sc = changed(c, d);
          if (typeof sc !== 'string' && detectedBy(sc, readers))
            expect.fail(
              `${c.label}: a golden campaign now moves with it (${c.value} → ${c.value + d}); remove its exemption`,
            );
        }
      });
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
          `${c.label}: no golden campaign reads it (unread: use it or remove it; or add a campaign that takes the path that reads it)`,
        );
      }
      const tried: string[] = [];
      for (const d of deltas(c)) {
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
        `${c.label}: read by ${[...readers].map((i) => CAMPAIGNS[i]!.name).join('; ')}, but no change moves their turn hashes (${tried.join('; ')})`,
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
