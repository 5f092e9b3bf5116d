import { z } from 'zod';
import {
  ACTORS,
  BLOCS,
  FLAGS,
  FORCE_KINDS,
  KEY_EVENTS,
  PLAYABLE_ACTORS,
  REGION_KINDS,
  TERRAINS,
  THEATERS,
  TRACK_PATHS,
  WAR_STATUSES,
} from '../ids';
import type { OptionId } from '../options/params';
import { SCORE_METRICS } from '../score';
import { quoted } from '../validation';
import { LEVER_NAMES, type LeverName } from './levers';
import { checkReferences } from './references';
import { checkTheaterForces } from './theater-forces';
import { RULE_KEYS, type RuleSection, type Rules } from './rules';

/**
 * The scenario file format. Everything that enters from a file is checked here, strictly: unknown
 * keys are errors, every figure-bearing object names its sources, and every reference (a region's
 * neighbour, a force's region, a source id) must exist. Inside the simulation the parsed value is
 * trusted.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case id like "taiwan-strait"');
const text = z.string().min(1).max(4000);
const pct = z.number().int().min(0).max(100);
const sourceRefs = z.array(id).min(1, 'at least one source id');
/**
 * A rule figure: a bare number, or the number with its provenance, `{ "value": 12, "source":
 * "csis-2023", "why": "one line" }`, where `source` is a source id (or several) from the
 * scenario's `sources`, or the word `"judgement"` for a designer's call, always with a one-line
 * reason. The simulation reads only the number; `npm run sim -- sources` reads the tags and counts
 * the bare numbers (the bundled scenarios have none).
 */
export const JUDGEMENT = 'judgement';
const figureTag = z.strictObject({
  value: z.number(),
  source: z.union([z.literal(JUDGEMENT), id, z.array(id).min(1)]),
  why: z.string().min(3).max(300),
});
export type FigureTag = z.infer<typeof figureTag>;
const figure = (n: z.ZodNumber) => {
  const tagged = figureTag.extend({ value: n });
  // An object is read as a tag and anything else as a bare number, so a mistake gets the message
  // of the form it was meant to be ("expected number, found "26""), not "none of the forms".
  return z.unknown().transform((v, ctx): number => {
    const isObject = typeof v === 'object' && v !== null && !Array.isArray(v);
    const r = isObject ? tagged.safeParse(v) : n.safeParse(v);
    if (r.success) return typeof r.data === 'number' ? r.data : r.data.value;
    for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: issue.path } as never);
    return z.NEVER;
  });
};
const intFigure = () => figure(z.number().int());

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/**
 * Whether `2027-02-30`, `2025-13` or `2025` names a day (or month, or year) the calendar has. The
 * pattern alone lets February 30th through, and a start date is turned into every turn's date.
 */
function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** A date of the given form that the calendar has, with one message for each way to fail. */
const calendarDate = (pattern: RegExp, example: string) =>
  z.string().superRefine((s, ctx) => {
    if (!pattern.test(s))
      ctx.addIssue({ code: 'custom', message: `expected a date like ${example}` });
    else if (!isCalendarDate(s))
      ctx.addIssue({
        code: 'custom',
        message: `expected a real calendar date (month 01 to 12, a day the month has), found ${quoted(s)}`,
      });
  });

const Source = z.strictObject({
  title: text,
  publisher: text,
  date: calendarDate(/^\d{4}(-\d{2}(-\d{2})?)?$/, '2025-06-25 (or 2025-06, or 2025)'),
  url: z.url().optional(),
  note: text.optional(),
});

const Traits = z.strictObject({
  riskTolerance: pct,
  trustInPartners: pct,
  resolve: pct,
});

/** Doctrine: percentage weights on the named terms of every utility the AI computes. */
const Doctrine = z.strictObject({
  gain: z.number().int().min(0).max(300),
  risk: z.number().int().min(0).max(300),
  cost: z.number().int().min(0).max(300),
  alliance: z.number().int().min(0).max(300),
  domestic: z.number().int().min(0).max(300),
  noise: z.number().int().min(0).max(50),
});

const Actor = z.strictObject({
  name: text,
  short: z.string().min(2).max(4),
  side: z.enum(['west', 'east', 'neutral']),
  controller: z.enum(['ai', 'human']),
  goals: z.array(text).min(1),
  traits: Traits,
  doctrine: Doctrine,
  readiness: pct,
  industry: pct,
  defenceBudgetBnUsd: z.number().min(0),
  domesticSupport: pct,
  sources: sourceRefs,
});

const Bloc = z.strictObject({
  name: text,
  spendingPctGdp: z.number().min(0).max(20),
  gdpTnUsd: z.number().min(0),
  readiness: pct,
  production: pct,
  munitions: pct,
  sources: sourceRefs,
});

const Region = z.strictObject({
  name: text,
  theater: z.enum(THEATERS),
  kind: z.enum(REGION_KINDS),
  owner: z.enum(ACTORS).nullable(),
  nato: z.boolean(),
  terrain: z.enum(TERRAINS),
  supply: pct,
  value: z.strictObject({
    points: z.number().int().min(0).max(100),
    capital: z.string().min(1).optional(),
    port: z.boolean().optional(),
    chokepoint: z.boolean().optional(),
  }),
  geo: z.strictObject({
    center: lonLat,
    /** ISO 3166-1 numeric code of the country in Natural Earth / world-atlas, when whole. */
    iso: z
      .string()
      .regex(/^\d{3}$/)
      .optional(),
    /** The region's own outline when it is not a whole country (sea zones, sub-regions). */
    polygon: z.array(lonLat).min(3).optional(),
  }),
  adjacent: z.array(id).min(1),
  sources: sourceRefs,
});

const Force = z.strictObject({
  name: text,
  actor: z.enum(ACTORS),
  region: id,
  kind: z.enum(FORCE_KINDS),
  strength: z.number().int().min(0).max(1000),
  readiness: pct,
  sources: sourceRefs,
});

const Escalation = z.number().int().min(0).max(7);

const Tracks = z.strictObject({
  escalation: z.strictObject({ indoPacific: Escalation, europe: Escalation }),
  natoCohesion: pct,
  miscalcRisk: pct,
  nonAligned: z.number().int().min(-100).max(100),
  usPacificShare: pct,
  taiwanSupply: pct,
  sources: sourceRefs,
});

/** What a US unit is; its type sets how it moves between theaters (its row of `us.transit`). */
export const US_UNIT_TYPES = [
  'carrier-strike-group',
  'surface-group',
  'submarine-group',
  'fighter-wing',
  'bomber-group',
  'air-defence',
  'armoured-brigade',
  'stryker-brigade',
  'airborne-brigade',
  'marine-brigade',
] as const;
export type UsUnitType = (typeof US_UNIT_TYPES)[number];
/** Where a US unit can be: at home, or in one of the two theaters. */
export const US_LOCATIONS = ['conus', ...THEATERS] as const;
export type UsLocation = (typeof US_LOCATIONS)[number];
const US_KINDS = ['ground', 'air', 'naval', 'missile'] as const;
const hours = () => figure(z.number().int().min(0).max(4000));

const UsUnit = z.strictObject({
  name: text,
  type: z.enum(US_UNIT_TYPES),
  kind: z.enum(US_KINDS),
  strength: z.number().int().min(0).max(1000),
  readiness: pct,
  home: z.enum(US_LOCATIONS),
  /** Where it stands in its home theater (none at home in CONUS). */
  region: id.optional(),
  sources: sourceRefs,
});
/** Hours between theaters by a unit type's means (airlift, self-deployment, sealift, steaming). */
const UsTransit = z.strictObject({
  conusEurope: hours(),
  conusIndoPacific: hours(),
  europeIndoPacific: hours(),
  /** Road, rail or short flights inside a theater, to a region other than the arrival station. */
  inTheater: hours(),
  /** Per-mille lost on the way when the enemy holds the destination's air and sea (scaled by it). */
  lossPm: figure(z.number().int().min(0).max(1000)),
});
const UsStations = z.strictObject({ ground: id, air: id, naval: id, missile: id });
/** The US pool as units: each stands in a theater or at home, and moves with transit times. */
const UsForces = z.strictObject({
  units: z.record(id, UsUnit),
  transit: z.record(z.enum(US_UNIT_TYPES), UsTransit),
  /** Where units arriving in a theater stand, by kind. */
  stations: z.strictObject({ europe: UsStations, indoPacific: UsStations }),
  sources: sourceRefs,
});

/** A Russian axis of advance into NATO territory, from staging regions to one objective. */
const Axis = z.strictObject({
  name: text,
  /** Staging regions and the share (%) of each one's committed assault the offensive puts here. */
  from: z.record(id, figure(pct)),
  objective: id,
  terrain: z.enum(TERRAINS),
  /** Shift points (the engagement curve's) from the border to the objective. */
  depth: figure(z.number().int().min(5).max(400)),
  sources: sourceRefs,
});
/**
 * Forces that move to an axis once the war begins: Russia's follow-on echelons, NATO's
 * reinforcements. `when`: the offensive's start, Article 5, or (for Russia's Ukraine grouping)
 * whenever the Ukraine front frees them (`sharePct` while Ukraine fights; the rules' ceasefire and
 * occupation shares otherwise).
 */
const AxisMove = z.strictObject({
  id,
  name: text,
  force: id,
  sharePct: figure(pct),
  axis: id,
  when: z.enum(['offensive', 'article5', 'ukraine-front']),
  transitHours: hours(),
  sources: sourceRefs,
});
const Baltic = z.strictObject({
  axes: z.record(id, Axis),
  followOn: z.array(AxisMove),
  reinforcements: z.array(AxisMove),
  sources: sourceRefs,
});

const UkraineFront = z.strictObject({
  territoryHeldBp: z.number().int().min(0).max(10000),
  russianCasualties: z.number().int().min(0),
  ukrainianCasualties: z.number().int().min(0),
  sources: sourceRefs,
});

const Roles = z.strictObject({
  taiwanMain: id,
  taiwanStrait: id,
  chinaStaging: id,
  balticStates: z.array(id).min(1),
  incursionTargets: z.array(id).min(1),
  russianStaging: z.array(id).min(1),
  ukraineHeld: id,
  ukraineOccupied: id,
});

const LeverDef = z.strictObject({
  default: z.union([z.string(), z.number(), z.boolean()]),
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().positive().optional(),
  values: z.array(z.string()).min(1).optional(),
  meaning: z.string().min(1).max(200),
  sources: sourceRefs.optional(),
});

const OptionDef = z.strictObject({
  label: z.string().min(1).max(60),
  summary: z.string().min(1).max(300),
  /**
   * What taking the option costs the actor, once, when it is carried out: domestic-support points
   * and economic-cost points (one point is `rules.blockade.costPointBp` of a year's GDP). Figures:
   * bare or tagged with their provenance; the parsed scenario carries the numbers.
   */
  cost: z.strictObject({
    support: figure(z.number().int().min(0).max(50)),
    economic: figure(z.number().int().min(0).max(50)),
  }),
  params: z.record(z.string(), figure(z.number())),
});

/** One anchor of the engagement curve: what a 12-hour step gives at this effective force ratio. */
const EngagementPoint = z.strictObject({
  ratioPct: z.number().int().min(0).max(10000),
  shift: z.number().int().min(-100).max(100),
  attackerLossPm: z.number().int().min(0).max(1000),
  defenderLossPm: z.number().int().min(0).max(1000),
  source: figureTag.shape.source,
  why: figureTag.shape.why,
});
const Engagement = z.strictObject({
  curve: z.array(EngagementPoint).min(2),
  terrainDefencePct: z.record(z.enum(TERRAINS), figure(z.number().int().min(10).max(1000))),
  fortunePct: figure(z.number().int().min(0).max(90)),
  breakthroughShift: figure(z.number().int().min(1).max(100)),
  routLossPm: figure(z.number().int().min(1).max(1000)),
  supplyFloorPct: figure(z.number().int().min(0).max(100)),
  sources: sourceRefs,
});

/** A sector of Taiwan in the invasion: the path runs from the landing beaches to the capital. */
const TaiwanSector = z.strictObject({
  id,
  name: text,
  terrain: z.enum(TERRAINS),
  /** Share of Taiwan's ground forces deployed here when the fleet sails (the shares sum to 100). */
  defenceSharePct: figure(pct),
  /** How much fighting the sector takes, in % of a plain sector's: control shifts divide by it. */
  depthPct: figure(z.number().int().min(10).max(1000)),
  port: z.string().min(1).max(60).optional(),
  airfield: z.string().min(1).max(60).optional(),
  capital: z.string().min(1).max(60).optional(),
  sources: sourceRefs,
});
const TaiwanCampaignDef = z
  .strictObject({
    sectors: z.array(TaiwanSector).min(1).max(12),
    /** The force that reservists called up during the invasion join (a force id). */
    reserveForce: id,
    sources: sourceRefs,
  })
  .superRefine((v, ctx) => {
    const sum = v.sectors.reduce((t, x) => t + x.defenceSharePct, 0);
    if (sum !== 100)
      ctx.addIssue({
        code: 'custom',
        path: ['sectors'],
        message: `expected defenceSharePct to sum to 100 over the sectors, found ${sum}`,
      });
    const last = v.sectors[v.sectors.length - 1];
    if (!last?.capital)
      ctx.addIssue({
        code: 'custom',
        path: ['sectors', v.sectors.length - 1],
        message: 'expected the last sector to hold the capital (the invasion’s objective)',
      });
  });

/** A small condition language for scripted events and outcome rules. */
export type Condition =
  | { flag: (typeof FLAGS)[number]; is?: boolean }
  | { track: (typeof TRACK_PATHS)[number]; gte?: number; lte?: number }
  | { event: (typeof KEY_EVENTS)[number] }
  | { turn: { gte?: number; lte?: number } }
  | { lever: LeverName; eq: string | number | boolean }
  /** The theater's war status is one of these (src/sim/wars.ts). */
  | { war: (typeof THEATERS)[number]; is: (typeof WAR_STATUSES)[number][] }
  /** The theater has (or, with `is: false`, has not) seen fighting at some point in the game. */
  | { fought: (typeof THEATERS)[number]; is?: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const ConditionShape: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ flag: z.enum(FLAGS), is: z.boolean().optional() }),
    z.strictObject({
      track: z.enum(TRACK_PATHS),
      gte: z.number().optional(),
      lte: z.number().optional(),
    }),
    z.strictObject({ event: z.enum(KEY_EVENTS) }),
    z.strictObject({
      turn: z.strictObject({
        gte: z.number().int().optional(),
        lte: z.number().int().optional(),
      }),
    }),
    z.strictObject({
      lever: z.enum(LEVER_NAMES as [LeverName, ...LeverName[]]),
      eq: z.union([z.string(), z.number(), z.boolean()]),
    }),
    z.strictObject({ war: z.enum(THEATERS), is: z.array(z.enum(WAR_STATUSES)).min(1) }),
    z.strictObject({ fought: z.enum(THEATERS), is: z.boolean().optional() }),
    z.strictObject({ all: z.array(ConditionShape) }),
    z.strictObject({ any: z.array(ConditionShape).min(1) }),
    z.strictObject({ not: ConditionShape }),
  ]),
);

/**
 * The deepest nesting of `all`, `any` and `not` a condition may have. The bundled scenarios use
 * 3; zod's recursive union, and every walk over a condition, recurse once per level, so the
 * depth is checked on the raw value before either sees it.
 */
export const MAX_CONDITION_DEPTH = 16;

/** The path (below the condition) of a part nested deeper than the limit, or null. */
function tooDeep(v: unknown, depth: number): (string | number)[] | null {
  if (v === null || typeof v !== 'object') return null;
  if (depth > MAX_CONDITION_DEPTH) return [];
  const o = v as Record<string, unknown>;
  const kids: [(string | number)[], unknown][] = [];
  if (Object.hasOwn(o, 'not')) kids.push([['not'], o['not']]);
  for (const k of ['all', 'any'])
    if (Object.hasOwn(o, k) && Array.isArray(o[k]))
      (o[k] as unknown[]).forEach((x, i) => kids.push([[k, i], x]));
  for (const [at, x] of kids) {
    const deeper = tooDeep(x, depth + 1);
    if (deeper) return [...at, ...deeper];
  }
  return null;
}

const ConditionSchema: z.ZodType<Condition> = z
  .unknown()
  .superRefine((v, ctx) => {
    const at = tooDeep(v, 1);
    if (at)
      ctx.addIssue({
        code: 'custom',
        path: at,
        message: `expected conditions nested at most ${MAX_CONDITION_DEPTH} levels deep (all, any, not), found deeper nesting`,
      });
  })
  .pipe(ConditionShape);

const Effect = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('adjustTrack'),
    track: z.enum(TRACK_PATHS),
    delta: z.number().int(),
  }),
  z.strictObject({ type: z.literal('setFlag'), flag: z.enum(FLAGS), value: z.boolean() }),
  z.strictObject({
    type: z.literal('escalateAtLeast'),
    theater: z.enum(THEATERS),
    level: Escalation,
  }),
  z.strictObject({
    type: z.literal('adjustSupport'),
    actor: z.enum(ACTORS),
    delta: z.number().int(),
  }),
]);

const ScriptedEvent = z.strictObject({
  id,
  title: z.string().min(1).max(120),
  text,
  theater: z.enum([...THEATERS, 'global']),
  trigger: ConditionSchema,
  /** Chance in percent that the event fires when its trigger holds (rolled once per turn). */
  chancePct: pct,
  once: z.boolean(),
  effects: z.array(Effect),
  sources: sourceRefs,
});

const Outcome = z.strictObject({
  id,
  label: z.string().min(1).max(60),
  description: text,
  /** `immediate` rules are checked after every turn and end the game; `end` rules at the last turn. */
  check: z.enum(['immediate', 'end']),
  when: ConditionSchema,
  scores: z.record(z.enum(PLAYABLE_ACTORS), z.number().int().min(-100).max(100)),
  /** What the scores and thresholds rest on (the provenance listing reads it). */
  sources: sourceRefs.optional(),
});

/**
 * One term of an actor's score: a metric of the catalog in src/sim/score.ts, weighted in percent
 * (points = trunc(value × weight / 100); 20 is a point per 5 of the metric, -100 a point lost per
 * unit). The weight is a figure, tagged with its provenance like the rules'.
 */
const ObjectiveTerm = z.strictObject({
  id,
  label: z.string().min(1).max(60),
  metric: z.enum(SCORE_METRICS),
  weight: figure(z.number().int().min(-1000).max(1000)),
  /** Why the term is in this actor's score: which of its goals it stands for. */
  why: z.string().min(3).max(300),
});

/** What an actor is trying to achieve, in a line, and the terms its score is made of. */
const Objective = z
  .strictObject({
    summary: z.string().min(1).max(300),
    terms: z.array(ObjectiveTerm).min(1).max(8),
  })
  .superRefine((o, ctx) => {
    const seen = new Set<string>();
    o.terms.forEach((t, i) => {
      if (seen.has(t.id))
        ctx.addIssue({
          code: 'custom',
          path: ['terms', i, 'id'],
          message: `expected term ids to be unique within the actor's objectives, found ${quoted(t.id)} twice`,
        });
      seen.add(t.id);
    });
  });

/**
 * How one theater ended, named on its own (the game's outcome above has the scores). For each
 * theater the first rule that holds when the game ends names it; each theater needs a catch-all.
 */
const TheaterOutcome = z.strictObject({
  id,
  theater: z.enum(THEATERS),
  label: z.string().min(1).max(80),
  description: text,
  when: ConditionSchema,
  sources: sourceRefs.optional(),
});

/**
 * A course of action an AI actor can follow over several turns (src/sim/ai/planner.ts): stages
 * in order, each pursuing some of the actor's options until its condition holds (or for at most
 * `rules.aiPlanner.stageMaxTurns` turns) or the next stage's premise holds, and options the whole
 * plan rules out (src/sim/ai/stages.ts).
 */
const PlanStage = z.strictObject({
  id,
  /** What the stage does, as the log says it ("blockade until Taiwan's supply runs low"). */
  name: z.string().min(1).max(120),
  /** The options the stage pursues (the actor's own; checked with the references). */
  take: z.array(z.string()).min(1).max(8),
  /**
   * The stage's premise, on what the actor knows: the stage begins as soon as it holds (the stage
   * before gives way, done or not) and never before (neither the stage before being done nor its
   * running `stageMaxTurns` turns starts it). "Intervene if Taiwan is attacked" waits for the
   * attack, not for a timer.
   */
  when: ConditionSchema.optional(),
  /**
   * The stage is done when this holds. A stage not done gives way after
   * `rules.aiPlanner.stageMaxTurns` turns (unless the next stage has a premise), except a last
   * stage without `until`: the plan's steady state, it lasts as long as the plan is kept.
   */
  until: ConditionSchema.optional(),
  /**
   * The actor's estimate, in percent, that `until` comes to hold once the stage is under way
   * (100 when not given): the first entry whose `when` holds on what the actor knows, or the
   * last entry without `when`.
   */
  odds: z
    .array(z.strictObject({ when: ConditionSchema.optional(), pct: figure(pct) }))
    .min(1)
    .max(8)
    .optional(),
});

const Plan = z.strictObject({
  id,
  name: z.string().min(1).max(60),
  summary: z.string().min(1).max(400),
  stages: z.array(PlanStage).min(1).max(8),
  /** The plan is an option only while this holds on what the actor knows (always, without it). */
  when: ConditionSchema.optional(),
  /** Options the plan rules out while it is followed. */
  forbid: z.array(z.string()).max(20).optional(),
  sources: sourceRefs,
});

const ruleSections = Object.fromEntries(
  (Object.keys(RULE_KEYS) as RuleSection[]).map((section) => [
    section,
    z.strictObject(
      Object.fromEntries(RULE_KEYS[section].map((k) => [k, intFigure()])) as Record<
        string,
        ReturnType<typeof intFigure>
      >,
    ),
  ]),
) as Record<RuleSection, z.ZodObject>;

export const ScenarioSchema = z
  .strictObject({
    format: z.literal('second-front-scenario'),
    formatVersion: z.literal(1),
    id,
    name: z.string().min(1).max(80),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version like 1.0.0'),
    summary: z.string().min(1).max(400),
    briefing: z.array(text).min(1),
    calendar: z.strictObject({
      start: calendarDate(/^\d{4}-\d{2}-\d{2}$/, '2027-03-01'),
      turnHours: figure(z.number().int().min(1).max(720)),
      maxTurns: figure(z.number().int().min(1).max(200)),
    }),
    sources: z.record(id, Source),
    actors: z.record(z.enum(ACTORS), Actor),
    blocs: z.record(z.enum(BLOCS), Bloc),
    regions: z.record(id, Region),
    forces: z.record(id, Force),
    tracks: Tracks,
    us: UsForces,
    baltic: Baltic,
    ukraine: UkraineFront,
    roles: Roles,
    levers: z.record(z.enum(LEVER_NAMES as [LeverName, ...LeverName[]]), LeverDef),
    options: z.record(z.string(), OptionDef),
    engagement: Engagement,
    taiwanCampaign: TaiwanCampaignDef,
    rules: z.strictObject({ ...ruleSections, sources: sourceRefs }),
    events: z.array(ScriptedEvent),
    outcomes: z.array(Outcome).min(1),
    theaterOutcomes: z.array(TheaterOutcome).min(1),
    /** Each playable actor's courses of action, for the planning AI. */
    aiPlans: z.record(z.enum(PLAYABLE_ACTORS), z.array(Plan).min(1).max(8)),
    /** Each playable actor's objectives: a summary, and the terms its score is made of. */
    objectives: z.record(z.enum(PLAYABLE_ACTORS), Objective),
  })
  .superRefine((s, ctx) => {
    checkReferences(s as ScenarioShape, ctx);
    checkTheaterForces(s as ScenarioShape, ctx);
  });

/** The parsed shape, before the tightened `Scenario` type below. */
export type ScenarioShape = z.infer<typeof ScenarioSchema>;

export type Scenario = Omit<ScenarioShape, 'rules' | 'options' | 'levers'> & {
  rules: Rules & { sources: string[] };
  options: Record<OptionId, z.infer<typeof OptionDef>>;
  levers: Record<LeverName, z.infer<typeof LeverDef>>;
};
export type ScenarioOption = z.infer<typeof OptionDef>;
export type ScenarioEffect = z.infer<typeof Effect>;
export type ScenarioEvent = z.infer<typeof ScriptedEvent>;
export type OutcomeRule = z.infer<typeof Outcome>;
export type PlanDef = z.infer<typeof Plan>;
export type PlanStageDef = z.infer<typeof PlanStage>;
export type TheaterOutcomeRule = z.infer<typeof TheaterOutcome>;
export type ObjectiveDef = z.infer<typeof Objective>;
export type ObjectiveTermDef = z.infer<typeof ObjectiveTerm>;
export type EngagementRules = z.infer<typeof Engagement>;
export type RegionDef = z.infer<typeof Region>;
export type ForceDef = z.infer<typeof Force>;
export type UsUnitDef = z.infer<typeof UsUnit>;
export type AxisDef = z.infer<typeof Axis>;
export type AxisMoveDef = z.infer<typeof AxisMove>;
export type ActorDef = z.infer<typeof Actor>;
