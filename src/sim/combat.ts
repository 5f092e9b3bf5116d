import type { Ctx } from './context';
import type { ActorId, Terrain, Theater } from './ids';
import type { Modifier } from './log';
import type { EngagementRules } from './scenario/schema';

/* ------------------------------------------------------------------------------------------------
 * Model 2: engagements in operational steps.
 *
 * Why an interpolated curve rather than a results table: with a table, each odds column was worth
 * a fixed ±10 on a d100, so a 2:1 attack was routed a quarter of the time and 1.5:1 and 3:1 read
 * much alike. Here the force ratio itself (after terrain, supply, air support and the situation)
 * is read off a curve of a few published anchor points (the 3:1 rule of thumb for a deliberate
 * attack, the loss rates of the Dupuy and RAND studies), interpolated linearly between them, so
 * every extra battalion moves the result a little and never by a jump. Fortune (a d100) scales the
 * effective ratio by at most ±`fortunePct`, so luck matters at the margin but cannot turn 4:1 into
 * a rout. Results are per 12-hour step: how far the attacker gets (control points of the objective;
 * negative when the defender is the stronger and counter-attacks) and the per-mille losses of the
 * forces actually engaged on each side.
 * --------------------------------------------------------------------------------------------- */

/** One side's combat power, with the percentage multipliers that bear on it (logged). */
export interface EngagementSide {
  readonly actor: ActorId;
  /** Strength × readiness of the engaged forces, before multipliers. */
  readonly power: number;
  readonly multipliers: readonly Modifier[];
}

export interface EngagementInput {
  readonly attacker: EngagementSide;
  readonly defender: EngagementSide;
  readonly terrain: Terrain;
}

export interface EngagementOutcome {
  readonly attack: number;
  readonly defence: number;
  /** Effective attack per 100 effective defence, before fortune. */
  readonly ratioPct: number;
  readonly roll: number;
  /** Fortune: the d100 as a percentage applied to the ratio (100 ± fortunePct). */
  readonly fortunePct: number;
  readonly effectiveRatioPct: number;
  /** Control of the objective gained by the attacker this step (negative: the defender regains). */
  readonly shift: number;
  readonly attackerLossPm: number;
  readonly defenderLossPm: number;
  readonly result: 'attacker-routed' | 'repulsed' | 'stalemate' | 'advance' | 'breakthrough';
}

/** Apply percentage multipliers in order, truncating after each (integers only). */
export function applyMultipliers(power: number, ms: readonly Modifier[]): number {
  let p = power;
  for (const m of ms) p = Math.trunc((p * m.value) / 100);
  return p;
}

/**
 * Linear interpolation of a curve at x (clamped to its ends), in integers.
 *
 * @example
 * interpolate([[100, 0], [300, 20]], 200) // 10
 */
export function interpolate(points: readonly (readonly [number, number])[], x: number): number {
  const first = points[0]!;
  if (x <= first[0]) return first[1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    if (x <= x1) {
      const [x0, y0] = points[i - 1]!;
      return y0 + Math.trunc(((y1 - y0) * (x - x0)) / (x1 - x0));
    }
  }
  return points[points.length - 1]![1];
}

const curveCache = new WeakMap<
  EngagementRules,
  { shift: [number, number][]; aLoss: [number, number][]; dLoss: [number, number][] }
>();

function curves(rules: EngagementRules) {
  let c = curveCache.get(rules);
  if (!c) {
    c = {
      shift: rules.curve.map((p) => [p.ratioPct, p.shift]),
      aLoss: rules.curve.map((p) => [p.ratioPct, p.attackerLossPm]),
      dLoss: rules.curve.map((p) => [p.ratioPct, p.defenderLossPm]),
    };
    curveCache.set(rules, c);
  }
  return c;
}

/**
 * Resolve one step of an engagement for a given d100 roll: a pure function, so golden tables can
 * pin it.
 *
 * @example
 * const side = (actor, power) => ({ actor, power, multipliers: [] });
 * resolveEngagement({ attacker: side('russia', 300), defender: side('nato-europe', 100), terrain: 'open' }, rules, 50).shift
 */
export function resolveEngagement(
  input: EngagementInput,
  rules: EngagementRules,
  roll: number,
): EngagementOutcome {
  const attack = applyMultipliers(input.attacker.power, input.attacker.multipliers);
  const defence = Math.trunc(
    (applyMultipliers(input.defender.power, input.defender.multipliers) *
      rules.terrainDefencePct[input.terrain]) /
      100,
  );
  const ratioPct = defence <= 0 ? 10000 : Math.min(10000, Math.floor((attack * 100) / defence));
  const f = rules.fortunePct;
  const fortunePct = 100 - f + Math.trunc(((roll - 1) * 2 * f) / 99);
  const effectiveRatioPct = Math.trunc((ratioPct * fortunePct) / 100);
  const c = curves(rules);
  const shift = attack <= 0 ? -rules.breakthroughShift : interpolate(c.shift, effectiveRatioPct);
  const attackerLossPm = attack <= 0 ? 0 : interpolate(c.aLoss, effectiveRatioPct);
  const defenderLossPm = attack <= 0 ? 0 : interpolate(c.dLoss, effectiveRatioPct);
  const result =
    attackerLossPm >= rules.routLossPm
      ? 'attacker-routed'
      : shift < 0
        ? 'repulsed'
        : shift === 0
          ? 'stalemate'
          : shift >= rules.breakthroughShift
            ? 'breakthrough'
            : 'advance';
  return {
    attack,
    defence,
    ratioPct,
    roll,
    fortunePct,
    effectiveRatioPct,
    shift,
    attackerLossPm,
    defenderLossPm,
    result,
  };
}

/** `250` → `2.50:1`. */
export function ratioText(pct: number): string {
  return `${Math.trunc(pct / 100)}.${String(pct % 100).padStart(2, '0')}:1`;
}

/**
 * Roll, resolve and log one step of an engagement. The caller applies the per-mille losses to the
 * forces it engaged (`applyLossesPm`) and the shift to its objective.
 *
 * @example
 * const out = engage(ctx, 'lodgement', 'indoPacific', 'taiwan', input);
 * ashore.strength -= lossPoints(ashore.strength, out.attackerLossPm);
 */
export function engage(
  ctx: Ctx,
  label: string,
  theater: Theater,
  region: string,
  input: EngagementInput,
): EngagementOutcome {
  const r = ctx.rng(`engage:${label}:${ctx.step}`);
  const roll = r.d100();
  const out = resolveEngagement(input, ctx.sc.engagement, roll);
  if (ctx.quiet) return out;
  const a = input.attacker;
  const d = input.defender;
  const terrainPct = ctx.sc.engagement.terrainDefencePct[input.terrain];
  const ms = (side: EngagementSide): string =>
    side.multipliers.map((m) => ` × ${m.name} ${m.value}%`).join('');
  ctx.emit({
    type: 'adjudication',
    kind: 'combat',
    theater,
    region,
    actors: [a.actor, d.actor],
    visibleTo: 'all',
    inputs: {
      attacker: a.actor,
      defender: d.actor,
      attackPower: a.power,
      defencePower: d.power,
      attack: out.attack,
      defence: out.defence,
      terrain: input.terrain,
      ratioPct: out.ratioPct,
      step: ctx.step,
    },
    modifiers: [
      ...a.multipliers.map((m) => ({ name: `attacker: ${m.name} (%)`, value: m.value })),
      ...d.multipliers.map((m) => ({ name: `defender: ${m.name} (%)`, value: m.value })),
      { name: `defender: terrain ${input.terrain} (%)`, value: terrainPct },
      { name: 'fortune (% of ratio)', value: out.fortunePct },
    ],
    roll: { stream: r.label, die: 'd100', value: roll },
    result: `${out.result}: shift ${out.shift}, losses ${out.attackerLossPm}‰ / ${out.defenderLossPm}‰`,
    text:
      `${ctx.sc.regions[region]?.name ?? region} (${label}): ${a.actor} ${a.power}${ms(a)} = ${out.attack} ` +
      `vs ${d.actor} ${d.power}${ms(d)} × terrain ${terrainPct}% = ${out.defence}; ratio ${ratioText(out.ratioPct)}, ` +
      `roll ${roll} → fortune ${out.fortunePct}% → ${ratioText(out.effectiveRatioPct)}: ${out.result}, ` +
      `control ${out.shift >= 0 ? '+' : ''}${out.shift}, losses ${out.attackerLossPm}‰ / ${out.defenderLossPm}‰ of the engaged forces.`,
  });
  return out;
}

/**
 * Points lost from a strength at a per-mille rate (rounded up, so a fight always costs something
 * while the rate is above zero).
 *
 * @example
 * lossPoints(200, 15) // 3
 */
export function lossPoints(strength: number, pm: number): number {
  if (pm <= 0 || strength <= 0) return 0;
  return Math.min(strength, Math.trunc((strength * pm + 999) / 1000));
}
