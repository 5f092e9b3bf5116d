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
} from '../ids';
import { OPTION_SPECS, type OptionId } from '../options/params';
import { LEVER_DOMAINS, LEVER_NAMES, type LeverName } from './levers';
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
const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const Source = z.strictObject({
  title: text,
  publisher: text,
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date like 2025-06-25'),
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

const UsPool = z.strictObject({
  poolStrength: z.number().int().min(1).max(1000),
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
  cost: z.strictObject({
    support: z.number().int().min(0).max(50),
    economic: z.number().int().min(0).max(50),
  }),
  params: z.record(z.string(), z.number()),
});

const CombatColumn = z.strictObject({
  minRatioPct: z.number().int().min(0),
  label: z.string().min(1).max(10),
  shift: z.number().int().min(-100).max(100),
});
const CombatResult = z.strictObject({
  minScore: z.number().int(),
  result: z.enum(['attacker-routed', 'repulsed', 'stalemate', 'advance', 'breakthrough']),
  attackerLossPct: pct,
  defenderLossPct: pct,
  controlShift: pct,
});
const Combat = z.strictObject({
  columns: z.array(CombatColumn).min(2),
  results: z.array(CombatResult).min(2),
  terrain: z.record(z.enum(TERRAINS), z.number().int().min(-50).max(50)),
  supplyDivisor: z.number().int().min(1),
  airSeaDivisor: z.number().int().min(1),
  readinessDivisor: z.number().int().min(1),
  sources: sourceRefs,
});

/** A small condition language for scripted events and outcome rules. */
export type Condition =
  | { flag: (typeof FLAGS)[number]; is?: boolean }
  | { track: (typeof TRACK_PATHS)[number]; gte?: number; lte?: number }
  | { event: (typeof KEY_EVENTS)[number] }
  | { turn: { gte?: number; lte?: number } }
  | { lever: LeverName; eq: string | number | boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
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
    z.strictObject({ all: z.array(ConditionSchema) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
);

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
});

const ruleSections = Object.fromEntries(
  (Object.keys(RULE_KEYS) as RuleSection[]).map((section) => [
    section,
    z.strictObject(
      Object.fromEntries(RULE_KEYS[section].map((k) => [k, z.number().int()])) as Record<
        string,
        z.ZodNumber
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
      start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2027-03-01'),
      turnHours: z.number().int().min(1).max(720),
      maxTurns: z.number().int().min(1).max(200),
    }),
    sources: z.record(id, Source),
    actors: z.record(z.enum(ACTORS), Actor),
    blocs: z.record(z.enum(BLOCS), Bloc),
    regions: z.record(id, Region),
    forces: z.record(id, Force),
    tracks: Tracks,
    us: UsPool,
    ukraine: UkraineFront,
    roles: Roles,
    levers: z.record(z.enum(LEVER_NAMES as [LeverName, ...LeverName[]]), LeverDef),
    options: z.record(z.string(), OptionDef),
    combat: Combat,
    rules: z.strictObject({ ...ruleSections, sources: sourceRefs }),
    events: z.array(ScriptedEvent),
    outcomes: z.array(Outcome).min(1),
  })
  .superRefine((s, ctx) => checkReferences(s as ScenarioShape, ctx));

type ScenarioShape = z.infer<typeof ScenarioSchema>;

function checkReferences(s: ScenarioShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string): void => {
    ctx.addIssue({ code: 'custom', path, message });
  };
  const sources = new Set(Object.keys(s.sources));
  const regions = new Set(Object.keys(s.regions));
  // Every `sources` array anywhere must name declared sources.
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'sources' && Array.isArray(x) && path.length > 0) {
          x.forEach((ref, i) => {
            if (typeof ref === 'string' && !sources.has(ref))
              issue([...path, k, i], `expected a source id declared in "sources", found "${ref}"`);
          });
        } else if (!(k === 'sources' && path.length === 0)) walk(x, [...path, k]);
      }
    }
  };
  walk(s, []);

  for (const [rid, r] of Object.entries(s.regions)) {
    r.adjacent.forEach((a, i) => {
      if (!regions.has(a))
        issue(['regions', rid, 'adjacent', i], `expected a region id, found "${a}"`);
      else if (!s.regions[a]?.adjacent.includes(rid))
        issue(
          ['regions', rid, 'adjacent', i],
          `expected adjacency to be symmetric: "${a}" does not list "${rid}"`,
        );
    });
  }
  for (const [fid, f] of Object.entries(s.forces)) {
    if (!regions.has(f.region))
      issue(['forces', fid, 'region'], `expected a region id, found "${f.region}"`);
  }
  const roleRegions: [string, string | string[]][] = Object.entries(s.roles);
  for (const [role, v] of roleRegions) {
    const list = Array.isArray(v) ? v : [v];
    list.forEach((r, i) => {
      if (!regions.has(r))
        issue(
          Array.isArray(v) ? ['roles', role, i] : ['roles', role],
          `expected a region id, found "${r}"`,
        );
    });
  }
  // Options: every catalog option present, each with exactly its parameters.
  for (const oid of Object.keys(OPTION_SPECS) as OptionId[]) {
    if (!(oid in s.options)) issue(['options'], `expected option "${oid}", found it missing`);
  }
  for (const [oid, o] of Object.entries(s.options)) {
    if (!(oid in OPTION_SPECS)) {
      issue(['options', oid], `expected a known option id, found "${oid}"`);
      continue;
    }
    const want: readonly string[] = OPTION_SPECS[oid as OptionId].params;
    for (const p of want)
      if (!(p in o.params))
        issue(['options', oid, 'params'], `expected parameter "${p}", found it missing`);
    for (const p of Object.keys(o.params))
      if (!want.includes(p))
        issue(['options', oid, 'params', p], `expected one of ${want.join(', ')}, found "${p}"`);
  }
  // Levers: all declared, each within the domain the code understands.
  for (const name of LEVER_NAMES) {
    const def = s.levers[name];
    if (!def) {
      issue(['levers'], `expected lever "${name}", found it missing`);
      continue;
    }
    const dom = LEVER_DOMAINS[name];
    const at = ['levers', name];
    if (dom.kind === 'enum') {
      const values = def.values ?? [];
      if (values.length === 0) issue([...at, 'values'], 'expected a list of values');
      values.forEach((v, i) => {
        if (!(dom.values as readonly string[]).includes(v))
          issue([...at, 'values', i], `expected one of ${dom.values.join(' | ')}, found "${v}"`);
      });
      if (typeof def.default !== 'string' || !values.includes(def.default))
        issue(
          [...at, 'default'],
          `expected one of ${values.join(' | ')}, found ${JSON.stringify(def.default)}`,
        );
    } else if (dom.kind === 'boolean') {
      if (typeof def.default !== 'boolean')
        issue([...at, 'default'], `expected true or false, found ${JSON.stringify(def.default)}`);
    } else {
      const min = def.min ?? dom.min;
      const max = def.max ?? dom.max;
      if (def.min === undefined || def.max === undefined)
        issue(at, 'expected "min" and "max" for a numeric lever');
      if (min < dom.min || max > dom.max || min > max)
        issue(at, `expected a range within ${dom.min}..${dom.max}, found ${min}..${max}`);
      if (typeof def.default !== 'number' || def.default < min || def.default > max)
        issue(
          [...at, 'default'],
          `expected a number in ${min}..${max}, found ${JSON.stringify(def.default)}`,
        );
      else if (dom.kind === 'integer' && !Number.isInteger(def.default))
        issue([...at, 'default'], `expected an integer, found ${def.default}`);
    }
  }
  // Combat tables must be ordered so lookups are well defined.
  s.combat.columns.forEach((c, i) => {
    const prev = s.combat.columns[i - 1];
    if (prev && c.minRatioPct <= prev.minRatioPct)
      issue(
        ['combat', 'columns', i, 'minRatioPct'],
        `expected more than ${prev.minRatioPct}, found ${c.minRatioPct}`,
      );
  });
  s.combat.results.forEach((r, i) => {
    const prev = s.combat.results[i - 1];
    if (prev && r.minScore <= prev.minScore)
      issue(
        ['combat', 'results', i, 'minScore'],
        `expected more than ${prev.minScore}, found ${r.minScore}`,
      );
  });
  const outcomeIds = new Set<string>();
  s.outcomes.forEach((o, i) => {
    if (outcomeIds.has(o.id))
      issue(['outcomes', i, 'id'], `expected a unique id, found "${o.id}" twice`);
    outcomeIds.add(o.id);
  });
  if (!s.outcomes.some((o) => o.check === 'end'))
    issue(
      ['outcomes'],
      'expected at least one rule with check "end" (the fallback at the last turn)',
    );
}

export type Scenario = Omit<ScenarioShape, 'rules' | 'options' | 'levers'> & {
  rules: Rules & { sources: string[] };
  options: Record<OptionId, z.infer<typeof OptionDef>>;
  levers: Record<LeverName, z.infer<typeof LeverDef>>;
};
export type ScenarioOption = z.infer<typeof OptionDef>;
export type ScenarioEffect = z.infer<typeof Effect>;
export type ScenarioEvent = z.infer<typeof ScriptedEvent>;
export type OutcomeRule = z.infer<typeof Outcome>;
export type CombatTable = z.infer<typeof Combat>;
export type RegionDef = z.infer<typeof Region>;
export type ForceDef = z.infer<typeof Force>;
export type ActorDef = z.infer<typeof Actor>;
