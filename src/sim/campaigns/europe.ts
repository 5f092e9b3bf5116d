import { fight } from '../combat';
import type { Ctx } from '../context';
import type { Scenario } from '../scenario/schema';
import { GROUND, applyLosses, europeAirSea, strength, usPool } from '../measures';
import { param } from '../options/types';
import { clamp, forceById, raiseForce, regionForWrite } from '../state';

const NATO_REGIONS = new WeakMap<Scenario, string[]>();

/** The scenario's NATO territory (computed once per scenario). */
function natoRegions(sc: Scenario): string[] {
  let list = NATO_REGIONS.get(sc);
  if (!list) {
    list = Object.keys(sc.regions).filter((r) => sc.regions[r]!.nato);
    NATO_REGIONS.set(sc, list);
  }
  return list;
}

/**
 * Russia's operations against NATO territory: a limited incursion against one target, or a Baltic
 * offensive against all three states at once. Each target is a combat per turn; control falls with
 * each result and the region changes hands at zero. A fallen Baltic state is a fallen capital.
 * Returns the number of combats fought.
 *
 * @example
 * const eu = europeCampaign(ctx); // combats fought: both Russia and NATO spend munitions
 * ctx.s.turnStats.combats.russia += eu;
 */
export function europeCampaign(ctx: Ctx): number {
  const s = ctx.s;
  const sc = ctx.sc;
  const op = s.europe.operation;
  let combats = 0;
  if (op === 'incursion' || op === 'offensive') {
    const targets = s.europe.targets.filter((r) => s.regions[r]?.owner !== 'russia');
    const staging = strength(s, 'russia', sc.roles.russianStaging, GROUND);
    for (const target of targets) {
      const attack =
        op === 'incursion'
          ? Math.min(param(sc, 'russia.limited-incursion', 'assaultStrength'), staging)
          : Math.trunc(
              (staging * param(sc, 'russia.baltic-offensive', 'assaultSharePct')) /
                100 /
                targets.length,
            );
      const share = staging === 0 ? 0 : Math.trunc((attack * 100) / staging);
      const pool = usPool(s, sc).europe;
      const defence =
        strength(s, 'nato-europe', [target], GROUND) +
        strength(s, 'usa', [target], GROUND) +
        Math.trunc(pool / (s.flags.article5Invoked ? 5 : 12));
      const air = europeAirSea(s, sc);
      const out = fight(ctx, `${op}:${target}`, 'europe', target, {
        attacker: 'russia',
        defender: 'nato-europe',
        attack,
        defence,
        terrain: sc.regions[target]!.terrain,
        attackerSupply: s.blocs.russia.munitions,
        defenderSupply: s.blocs.nato.munitions,
        airSea: air.control,
        attackerReadiness: s.blocs.russia.readiness,
        defenderReadiness: s.blocs.nato.readiness,
        extra: [],
      });
      combats++;
      applyLosses(
        s,
        'russia',
        sc.roles.russianStaging,
        GROUND,
        Math.trunc((out.attackerLossPct * share) / 100),
      );
      applyLosses(s, 'nato-europe', [target], GROUND, out.defenderLossPct);
      applyLosses(s, 'usa', [target], GROUND, out.defenderLossPct);
      const r = regionForWrite(s, target);
      r.control = clamp(r.control - out.controlShift, 0, 100);
      r.contested = r.control < 100;
      if (r.control === 0) capture(ctx, target, Math.trunc(attack / 3));
    }
  }
  const occupiedNato = natoRegions(sc).filter((r) => s.regions[r]?.owner === 'russia');
  if (occupiedNato.length > 0) {
    s.europe.occupiedTurns++;
    if (!s.flags.article5Invoked)
      ctx.adjust(
        'natoCohesion',
        -sc.rules.europe.occupationCohesionLossPerTurn * occupiedNato.length,
        'allied territory occupied without an Article 5 response',
        'europe',
      );
  }
  return combats;
}

function capture(ctx: Ctx, target: string, occupiers: number): void {
  const s = ctx.s;
  const sc = ctx.sc;
  const r = regionForWrite(s, target);
  r.owner = 'russia';
  r.control = 50;
  r.contested = true;
  // Occupiers come out of the staging areas.
  let left = occupiers;
  for (const f of s.forces) {
    if (left <= 0) break;
    if (f.actor !== 'russia' || f.kind !== 'ground' || !sc.roles.russianStaging.includes(f.region))
      continue;
    const take = Math.min(left, f.strength);
    f.strength -= take;
    left -= take;
  }
  const id = `russia-occupation-${target}`;
  const existing = forceById(s, id);
  if (existing) existing.strength += occupiers - left;
  else
    raiseForce(
      s,
      {
        id,
        actor: 'russia',
        region: target,
        kind: 'ground',
        strength: occupiers - left,
        readiness: 80,
      },
      `Russian occupation force (${sc.regions[target]!.name})`,
    );
  for (const f of s.forces) if (f.region === target && f.actor !== 'russia') f.strength = 0;
  const capital = sc.regions[target]!.value.capital;
  if (capital) {
    ctx.setFlag('balticCapitalFallen');
    ctx.keyEvent(
      'balticCapitalFalls',
      'europe',
      ['russia', 'nato-europe'],
      `${capital} falls: Russian forces control ${sc.regions[target]!.name}.`,
      target,
    );
    ctx.adjust(
      'natoCohesion',
      -sc.rules.europe.capitalControlLoss,
      `the fall of ${capital}`,
      'europe',
    );
  } else
    ctx.note(
      'europe',
      ['russia', 'nato-europe'],
      `Russian forces seize ${sc.regions[target]!.name}.`,
      target,
    );
  if (s.europe.operation === 'incursion')
    s.europe.targets = s.europe.targets.filter((t) => t !== target);
}
