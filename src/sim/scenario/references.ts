import type { z } from 'zod';
import { OPTION_SPECS, isOptionId, type OptionId } from '../options/params';
import { PLAYABLE_ACTORS } from '../ids';
import { describeValue, quoted } from '../validation';
import { checkConditions } from './conditions';
import { LEVER_DOMAINS, LEVER_NAMES } from './levers';
import type { ScenarioShape } from './schema';

/**
 * The checks a schema of shapes cannot express: every reference resolves (sources, regions,
 * roles), adjacency is symmetric, options carry exactly their parameters, levers stay inside the
 * domain the code understands, tables are ordered, ids and list entries are unique, roles name
 * regions of the right kind, and conditions can hold (`./conditions.ts`). Each problem is phrased
 * "expected X, found Y" with its JSON path, quoting what the file says through `quoted`.
 *
 * Keys of the file's records (`regions`, `options`, `sources`...) may be any id, `constructor`
 * and `toString` included, so they are looked up in Maps and Sets or with `Object.hasOwn`, never
 * with `in` or a bare index on a plain object.
 *
 * @example
 * z.strictObject({ ... }).superRefine((s, ctx) => checkReferences(s, ctx));
 */
export function checkReferences(s: ScenarioShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string): void => {
    ctx.addIssue({ code: 'custom', path, message });
  };
  const sources = new Set(Object.keys(s.sources));
  const regions = new Map(Object.entries(s.regions));
  // Every `sources` array anywhere must name declared sources.
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'sources' && Array.isArray(x) && path.length > 0) {
          x.forEach((ref, i) => {
            if (typeof ref === 'string' && !sources.has(ref))
              issue(
                [...path, k, i],
                `expected a source id declared in "sources", found ${quoted(ref)}`,
              );
          });
        } else if (!(k === 'sources' && path.length === 0)) walk(x, [...path, k]);
      }
    }
  };
  walk(s, []);

  for (const [rid, r] of regions) {
    // A duplicate would count a border twice; a self-loop lets a force "move" without moving.
    const seen = new Map<string, number>();
    r.adjacent.forEach((a, i) => {
      const at = ['regions', rid, 'adjacent', i];
      const first = seen.get(a);
      if (first !== undefined)
        issue(at, `expected each neighbour once, found ${quoted(a)} again (first at [${first}])`);
      else if (a === rid) issue(at, `expected another region, found the region itself`);
      else if (!regions.has(a)) issue(at, `expected a region id, found ${quoted(a)}`);
      else if (!regions.get(a)!.adjacent.includes(rid))
        issue(at, `expected adjacency to be symmetric: ${quoted(a)} does not list ${quoted(rid)}`);
      if (first === undefined) seen.set(a, i);
    });
  }
  for (const [fid, f] of Object.entries(s.forces)) {
    if (!regions.has(f.region))
      issue(['forces', fid, 'region'], `expected a region id, found ${quoted(f.region)}`);
  }
  checkRoles(s, regions, issue);
  checkPlans(s, issue);
  // Options: every catalog option present, each with exactly its parameters.
  for (const oid of Object.keys(OPTION_SPECS) as OptionId[]) {
    if (!Object.hasOwn(s.options, oid))
      issue(['options'], `expected option "${oid}", found it missing`);
  }
  for (const [oid, o] of Object.entries(s.options)) {
    if (!isOptionId(oid)) {
      issue(['options', oid], `expected a known option id, found ${quoted(oid)}`);
      continue;
    }
    const want: readonly string[] = OPTION_SPECS[oid].params;
    for (const p of want)
      if (!Object.hasOwn(o.params, p))
        issue(['options', oid, 'params'], `expected parameter "${p}", found it missing`);
    for (const p of Object.keys(o.params))
      if (!want.includes(p))
        issue(
          ['options', oid, 'params', p],
          `expected one of ${want.join(', ')}, found ${quoted(p)}`,
        );
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
        const first = values.indexOf(v);
        if (first < i)
          issue(
            [...at, 'values', i],
            `expected each value once, found ${quoted(v)} again (first at [${first}])`,
          );
        else if (!(dom.values as readonly string[]).includes(v))
          issue(
            [...at, 'values', i],
            `expected one of ${dom.values.join(' | ')}, found ${quoted(v)}`,
          );
      });
      if (typeof def.default !== 'string' || !values.includes(def.default))
        issue(
          [...at, 'default'],
          `expected one of ${values.map(quoted).join(' | ')}, found ${describeValue(def.default)}`,
        );
    } else if (dom.kind === 'boolean') {
      if (typeof def.default !== 'boolean')
        issue([...at, 'default'], `expected true or false, found ${describeValue(def.default)}`);
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
          `expected a number in ${min}..${max}, found ${describeValue(def.default)}`,
        );
      else if (dom.kind === 'integer' && !Number.isInteger(def.default))
        issue([...at, 'default'], `expected an integer, found ${def.default}`);
    }
  }
  // The engagement curve is read by interpolation: its anchors must rise in force ratio.
  s.engagement.curve.forEach((c, i) => {
    const prev = s.engagement.curve[i - 1];
    if (prev && c.ratioPct <= prev.ratioPct)
      issue(
        ['engagement', 'curve', i, 'ratioPct'],
        `expected more than ${prev.ratioPct} (the anchors rise in force ratio), found ${c.ratioPct}`,
      );
  });
  // Each event draws from a random stream named by its id, and `once` is kept by id: a second
  // event of the same id would never fire and would share the first one's rolls.
  uniqueIds(s.events, 'events', issue);
  uniqueIds(s.outcomes, 'outcomes', issue);
  uniqueIds(s.theaterOutcomes, 'theaterOutcomes', issue);
  if (!s.outcomes.some((o) => o.check === 'end'))
    issue(
      ['outcomes'],
      'expected at least one rule with check "end" (the fallback at the last turn)',
    );
  checkConditions(s, issue);
}

type Issue = (path: (string | number)[], message: string) => void;

function uniqueIds(items: readonly { id: string }[], list: string, issue: Issue): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else
      issue(
        [list, i, 'id'],
        `expected a unique id, found ${quoted(item.id)} twice (first at $.${list}[${first}])`,
      );
  });
}

/**
 * The regions the campaigns are built on. Taiwan's main island is landed on and held, the strait
 * is blockaded and crossed: a sea zone as the island (or land as the strait) would make those
 * rules silently meaningless. Lists name each region once: a duplicate Baltic state would count
 * twice in every strength sum over the list.
 */
function checkRoles(
  s: ScenarioShape,
  regions: ReadonlyMap<string, { kind: string }>,
  issue: Issue,
): void {
  for (const [role, v] of Object.entries(s.roles) as [
    keyof ScenarioShape['roles'],
    string | string[],
  ][]) {
    const want = role === 'taiwanStrait' ? 'sea' : 'land';
    const list = Array.isArray(v) ? v : [v];
    list.forEach((r, i) => {
      const at = Array.isArray(v) ? ['roles', role, i] : ['roles', role];
      const first = list.indexOf(r);
      const region = regions.get(r);
      if (first < i)
        issue(at, `expected each region once, found ${quoted(r)} again (first at [${first}])`);
      else if (!region) issue(at, `expected a region id, found ${quoted(r)}`);
      else if (region.kind !== want)
        issue(at, `expected a ${want} region, found ${quoted(r)}, a ${region.kind} region`);
    });
  }
}

/**
 * Plans: every playable actor has some, ids are unique per actor, and every option a stage takes
 * or a plan forbids is one of the actor's own.
 */
function checkPlans(
  s: ScenarioShape,
  issue: (path: (string | number)[], message: string) => void,
): void {
  for (const actor of PLAYABLE_ACTORS) {
    if (!Object.hasOwn(s.aiPlans, actor))
      issue(['aiPlans'], `expected plans for "${actor}", found none`);
  }
  for (const [actor, plans] of Object.entries(s.aiPlans)) {
    const ids = new Set<string>();
    plans.forEach((p, i) => {
      if (ids.has(p.id))
        issue(
          ['aiPlans', actor, i, 'id'],
          `expected a unique plan id, found ${quoted(p.id)} again`,
        );
      ids.add(p.id);
      const check = (oid: string, path: (string | number)[]): void => {
        if (!isOptionId(oid)) issue(path, `expected an option id, found ${quoted(oid)}`);
        else if (OPTION_SPECS[oid].actor !== actor)
          issue(
            path,
            `expected one of ${actor}'s options, found ${quoted(oid)} (${OPTION_SPECS[oid].actor}'s)`,
          );
      };
      p.stages.forEach((st, j) =>
        st.take.forEach((oid, k) => check(oid, ['aiPlans', actor, i, 'stages', j, 'take', k])),
      );
      (p.forbid ?? []).forEach((oid, k) => check(oid, ['aiPlans', actor, i, 'forbid', k]));
    });
  }
}
