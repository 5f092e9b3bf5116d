import type { z } from 'zod';
import { OPTION_SPECS, type OptionId } from '../options/params';
import { LEVER_DOMAINS, LEVER_NAMES } from './levers';
import type { ScenarioShape } from './schema';

/**
 * The checks a schema of shapes cannot express: every reference resolves (sources, regions,
 * roles), adjacency is symmetric, options carry exactly their parameters, levers stay inside the
 * domain the code understands, tables are ordered. Each problem is phrased "expected X, found Y"
 * with its JSON path.
 *
 * @example
 * z.strictObject({ ... }).superRefine((s, ctx) => checkReferences(s, ctx));
 */
export function checkReferences(s: ScenarioShape, ctx: z.RefinementCtx): void {
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
