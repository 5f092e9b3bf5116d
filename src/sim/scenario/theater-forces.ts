import type { z } from 'zod';
import { quoted } from '../validation';
import type { ScenarioShape } from './schema';

/**
 * References of the Baltic axes and the US units that a shape cannot check: every region and force
 * they name exists and has the right owner and kind, the offensive's shares of a staging region
 * sum to at most 100, and each move goes to a declared axis with a force of the right side.
 * Problems are phrased "expected X, found Y" with their JSON path, as in `./references.ts`.
 *
 * @example
 * z.strictObject({ ... }).superRefine((s, ctx) => checkTheaterForces(s, ctx));
 */
export function checkTheaterForces(s: ScenarioShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string): void => {
    ctx.addIssue({ code: 'custom', path, message });
  };
  const regions = new Map(Object.entries(s.regions));
  const forces = new Map(Object.entries(s.forces));
  const region = (path: (string | number)[], r: string, want?: (def: RegionDefLike) => string) => {
    const def = regions.get(r);
    if (!def) return issue(path, `expected a region id, found ${quoted(r)}`);
    const problem = want?.(def);
    if (problem) issue(path, `expected ${problem}, found ${quoted(r)}`);
  };
  const perStaging = new Map<string, number>();
  for (const [aid, a] of Object.entries(s.baltic.axes)) {
    const at = ['baltic', 'axes', aid];
    region([...at, 'objective'], a.objective, (d) =>
      d.kind !== 'land' || !d.nato ? 'a NATO land region' : '',
    );
    for (const [r, pct] of Object.entries(a.from)) {
      region([...at, 'from', r], r, (d) =>
        d.kind !== 'land' || d.owner !== 'russia' ? 'a Russian-held land region' : '',
      );
      perStaging.set(r, (perStaging.get(r) ?? 0) + pct);
    }
    if (Object.keys(a.from).length === 0)
      issue([...at, 'from'], 'expected at least one staging region');
  }
  for (const [r, total] of perStaging)
    if (total > 100)
      issue(
        ['baltic', 'axes'],
        `expected the offensive's shares of ${quoted(r)} to sum to at most 100, found ${total}`,
      );
  const axes = new Set(Object.keys(s.baltic.axes));
  const moves = (list: 'followOn' | 'reinforcements', russian: boolean): void => {
    const seen = new Set<string>();
    s.baltic[list].forEach((m, i) => {
      const at = ['baltic', list, i];
      if (seen.has(m.id)) issue([...at, 'id'], `expected a unique id, found ${quoted(m.id)} again`);
      seen.add(m.id);
      if (!axes.has(m.axis)) issue([...at, 'axis'], `expected an axis id, found ${quoted(m.axis)}`);
      const f = forces.get(m.force);
      if (!f) issue([...at, 'force'], `expected a force id, found ${quoted(m.force)}`);
      else if ((f.actor === 'russia') !== russian || f.kind !== 'ground')
        issue(
          [...at, 'force'],
          `expected a ${russian ? 'Russian' : 'NATO or US'} ground force, found ${quoted(m.force)} (${f.actor} ${f.kind})`,
        );
      if (m.when === 'ukraine-front' && !russian)
        issue([...at, 'when'], 'expected "offensive" or "article5" for a NATO move');
    });
  };
  moves('followOn', true);
  moves('reinforcements', false);
  for (const [uid, u] of Object.entries(s.us.units)) {
    const at = ['us', 'units', uid, 'region'];
    if (u.home === 'conus') {
      if (u.region !== undefined) issue(at, 'expected no region for a unit at home in CONUS');
    } else if (u.region === undefined) issue(at, `expected a region of ${u.home}`);
    else region(at, u.region, (d) => (d.theater !== u.home ? `a region of ${u.home}` : ''));
  }
  for (const theater of ['europe', 'indoPacific'] as const)
    for (const [kind, r] of Object.entries(s.us.stations[theater]))
      region(['us', 'stations', theater, kind], r, (d) =>
        d.theater !== theater ? `a region of ${theater}` : '',
      );
}

interface RegionDefLike {
  readonly kind: string;
  readonly nato: boolean;
  readonly owner: string | null;
  readonly theater: string;
}
