import type { Ctx } from './context';
import type { ActorId, Terrain, Theater } from './ids';
import type { Modifier } from './log';
import type { CombatTable } from './scenario/schema';

/**
 * Combat, the classic way: force ratio picks a column, terrain, supply, air and sea control and
 * readiness add modifiers, a d100 is rolled, and the total is read off the results table. Every
 * number is an integer, so the same inputs give the same result in any runtime, and each step is
 * logged so a student can redo the sum by hand.
 */
export interface CombatInput {
  readonly attacker: ActorId;
  readonly defender: ActorId;
  /** Effective strengths (strength × readiness already applied). */
  readonly attack: number;
  readonly defence: number;
  readonly terrain: Terrain;
  readonly attackerSupply: number;
  readonly defenderSupply: number;
  /** Air and sea control from the attacker's side, -100..100. */
  readonly airSea: number;
  readonly attackerReadiness: number;
  readonly defenderReadiness: number;
  readonly extra: readonly Modifier[];
}

export interface CombatOutcome {
  readonly ratioPct: number;
  readonly column: string;
  readonly modifiers: readonly Modifier[];
  readonly roll: number;
  readonly score: number;
  readonly result: CombatTable['results'][number]['result'];
  readonly attackerLossPct: number;
  readonly defenderLossPct: number;
  readonly controlShift: number;
}

/**
 * Resolve one combat for a given d100 roll.
 *
 * @example
 * resolveCombat({ attack: 300, defence: 100, terrain: 'open', ... }, table, 50).result // 'advance'
 */
export function resolveCombat(input: CombatInput, table: CombatTable, roll: number): CombatOutcome {
  const ratioPct = input.defence <= 0 ? 10000 : Math.floor((input.attack * 100) / input.defence);
  let column = table.columns[0]!;
  for (const c of table.columns) if (ratioPct >= c.minRatioPct) column = c;
  const modifiers: Modifier[] = [
    { name: `force ratio ${column.label}`, value: column.shift },
    { name: `terrain (${input.terrain})`, value: table.terrain[input.terrain] },
    {
      name: 'supply',
      value: Math.trunc((input.attackerSupply - input.defenderSupply) / table.supplyDivisor),
    },
    { name: 'air and sea control', value: Math.trunc(input.airSea / table.airSeaDivisor) },
    {
      name: 'readiness',
      value: Math.trunc(
        (input.attackerReadiness - input.defenderReadiness) / table.readinessDivisor,
      ),
    },
    ...input.extra,
  ];
  const score = modifiers.reduce((t, m) => t + m.value, roll);
  let row = table.results[0]!;
  for (const r of table.results) if (score >= r.minScore) row = r;
  return {
    ratioPct,
    column: column.label,
    modifiers,
    roll,
    score,
    result: row.result,
    attackerLossPct: row.attackerLossPct,
    defenderLossPct: row.defenderLossPct,
    controlShift: row.controlShift,
  };
}

/**
 * Roll, resolve and log a combat in a phase context.
 *
 * @example
 * const out = fight(ctx, 'crossing', 'indoPacific', scenario.roles.taiwanMain, input);
 * applyLosses(ctx.s, 'taiwan', [scenario.roles.taiwanMain], GROUND, out.defenderLossPct);
 */
export function fight(
  ctx: Ctx,
  label: string,
  theater: Theater,
  region: string,
  input: CombatInput,
): CombatOutcome {
  const r = ctx.rng(`combat:${label}`);
  const roll = r.d100();
  const out = resolveCombat(input, ctx.sc.combat, roll);
  ctx.tick();
  if (ctx.quiet) return out;
  const regionName = ctx.sc.regions[region]?.name ?? region;
  const mods = out.modifiers
    .map((m) => `${m.name} ${m.value >= 0 ? '+' : ''}${m.value}`)
    .join(', ');
  ctx.emit({
    type: 'adjudication',
    kind: 'combat',
    theater,
    region,
    actors: [input.attacker, input.defender],
    visibleTo: 'all',
    inputs: {
      attacker: input.attacker,
      defender: input.defender,
      attack: input.attack,
      defence: input.defence,
      ratioPct: out.ratioPct,
      terrain: input.terrain,
      attackerSupply: input.attackerSupply,
      defenderSupply: input.defenderSupply,
      airSea: input.airSea,
      attackerReadiness: input.attackerReadiness,
      defenderReadiness: input.defenderReadiness,
    },
    modifiers: out.modifiers,
    roll: { stream: r.label, die: 'd100', value: roll },
    result: out.result,
    text:
      `Combat in ${regionName} (${label}): ${input.attacker} ${input.attack} vs ${input.defender} ${input.defence}, ` +
      `ratio ${out.column}; modifiers ${mods}; roll ${roll} → score ${out.score}: ${out.result} ` +
      `(losses ${out.attackerLossPct}% / ${out.defenderLossPct}%, control shift ${out.controlShift}).`,
  });
  return out;
}
