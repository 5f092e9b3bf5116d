import type { Ctx } from './context';
import { ACTORS, ACTOR_BLOC, type ActorId, type BlocId, type ForceKind } from './ids';
import { clamp, forceById, raiseForce } from './state';

/**
 * Budgets and production with lags: money spent now becomes readiness, output or troops on the
 * ground only after the scenario's lag, through a pipeline of deliveries in the state.
 */

/**
 * Order a bloc-wide readiness or production gain that lands only after its lag (at least a turn),
 * so spending decisions pay off late.
 *
 * @example
 * scheduleBloc(ctx, 'production', 'nato', 5, 3, 'European production surge'); // arrives turn+3
 */
export function scheduleBloc(
  ctx: Ctx,
  kind: 'readiness' | 'production',
  bloc: BlocId,
  amount: number,
  lag: number,
  label: string,
): void {
  const arrives = ctx.s.turn + Math.max(1, lag);
  ctx.s.pipeline.push({ kind, arrives, bloc, amount, label });
  ctx.note(
    'global',
    [],
    `${label}: +${amount} ${kind} for ${bloc} ordered, arrives turn ${arrives} (lag ${lag}).`,
  );
}

/**
 * Send reinforcements that appear in a region only after their lag, merging into one
 * reinforcement force per actor, kind and region.
 *
 * @example
 * const points = 4 * ctx.sc.rules.europe.brigadeStrength;
 * scheduleForce(ctx, 'nato-europe', 'estonia', 'ground', points, 2, 'Allied reinforcements');
 */
export function scheduleForce(
  ctx: Ctx,
  actor: ActorId,
  region: string,
  forceKind: ForceKind,
  strength: number,
  lag: number,
  label: string,
): void {
  const arrives = ctx.s.turn + Math.max(1, lag);
  const force = `${actor}-${forceKind}-${region}-reinforcement`;
  ctx.s.pipeline.push({ kind: 'force', arrives, force, actor, region, forceKind, strength, label });
  const where = ctx.sc.regions[region]?.name ?? region;
  ctx.note(
    ctx.sc.regions[region]?.theater ?? 'global',
    [actor],
    `${label}: ${strength} points bound for ${where}, arriving turn ${arrives}.`,
    region,
  );
}

/**
 * Deliveries due this turn arrive.
 *
 * @example
 * deliver(new Ctx(state, scenario, 'briefing')); // pipeline entries with arrives <= turn land
 */
export function deliver(ctx: Ctx): void {
  const s = ctx.s;
  const due = s.pipeline.filter((d) => d.arrives <= s.turn);
  if (due.length === 0) return;
  s.pipeline = s.pipeline.filter((d) => d.arrives > s.turn);
  for (const d of due) {
    switch (d.kind) {
      case 'readiness':
      case 'production': {
        const b = s.blocs[d.bloc];
        const from = b[d.kind];
        b[d.kind] = clamp(from + d.amount, 0, 100);
        ctx.emit({
          type: 'adjudication',
          kind: 'production',
          theater: 'global',
          actors: [],
          visibleTo: 'all',
          inputs: { bloc: d.bloc, ordered: d.amount, from },
          modifiers: [],
          roll: null,
          result: `${d.kind} ${from} → ${b[d.kind]}`,
          text: `Delivered: ${d.label} — ${d.bloc} ${d.kind} ${from} → ${b[d.kind]}.`,
        });
        break;
      }
      case 'force': {
        // A region that has fallen cannot receive; the force goes to the first friendly neighbour.
        let region = d.region;
        if (s.regions[region]?.owner === 'russia' || s.regions[region]?.owner === 'china') {
          region =
            ctx.sc.regions[region]?.adjacent.find(
              (r) => s.regions[r]?.owner === d.actor || s.regions[r]?.owner === 'nato-europe',
            ) ?? region;
        }
        const f = forceById(s, d.force);
        if (f) {
          f.strength += d.strength;
          f.region = region;
        } else
          raiseForce(
            s,
            {
              id: d.force,
              actor: d.actor,
              region,
              kind: d.forceKind,
              strength: d.strength,
              readiness: ctx.sc.rules.economy.reinforcementReadiness,
            },
            d.label,
          );
        ctx.note(
          ctx.sc.regions[region]?.theater ?? 'global',
          [d.actor],
          `Arrived: ${d.label} (${d.strength} points) in ${ctx.sc.regions[region]?.name ?? region}.`,
          region,
        );
        break;
      }
      default: {
        const never: never = d;
        throw new Error(`unknown delivery ${JSON.stringify(never)}`);
      }
    }
  }
}

/**
 * Each turn: munitions made and spent, the economic cost of war, domestic support drift.
 * Munitions fall with fighting and rise with production; war costs grow while a theater is at war.
 *
 * @example
 * economyTurn(ctx, ctx.s.turnStats.combats); // combats per bloc this turn, e.g. { nato: 2, ... }
 */
export function economyTurn(ctx: Ctx, combatsByBloc: Record<BlocId, number>): void {
  const s = ctx.s;
  const e = ctx.sc.rules.economy;
  for (const b of ['nato', 'china', 'russia'] as const) {
    const bloc = s.blocs[b];
    const made = Math.trunc((bloc.production * e.munitionsPerProduction) / 100);
    const spent = combatsByBloc[b] * e.munitionsPerCombat;
    const from = bloc.munitions;
    bloc.munitions = clamp(from + made - spent, 0, 100);
    if (bloc.munitions !== from)
      ctx.emit({
        type: 'change',
        changes: [{ track: `munitions.${b}`, from, to: bloc.munitions }],
        theater: 'global',
        actors: [],
        visibleTo: 'all',
        text: `${b} munitions ${from} → ${bloc.munitions} (made ${made}, spent ${spent} in ${combatsByBloc[b]} combats).`,
      });
  }
  const sup = ctx.sc.rules.support;
  for (const a of ACTORS) {
    const theater =
      a === 'russia' || a === 'nato-europe' || a === 'ukraine'
        ? 'europe'
        : a === 'usa' || a === 'non-aligned' || a === 'iran'
          ? null
          : 'indoPacific';
    const esc = theater
      ? s.tracks.escalation[theater]
      : Math.max(s.tracks.escalation.europe, s.tracks.escalation.indoPacific);
    if (esc >= e.warCostFromRung) ctx.adjustCost(a, e.warCostPerTurn, 'the cost of war');
    const initial = ctx.sc.actors[a].domesticSupport;
    const st = s.actors[a];
    let delta = 0;
    if (esc > sup.wearinessAboveRung)
      delta -= (esc - sup.wearinessAboveRung) * sup.lossPerEscalationAboveFour;
    if (st.economicCost > sup.economicPainAbove) delta -= sup.economicPainLoss;
    if (delta === 0 && st.support < initial)
      delta = Math.min(sup.recoveryPerTurn, initial - st.support);
    if (delta !== 0)
      ctx.adjustSupport(a, delta, delta < 0 ? 'war weariness and economic pain' : 'recovery');
  }
  // Actor readiness follows its bloc's readiness.
  for (const a of ACTORS) {
    const b = ACTOR_BLOC[a];
    if (!b) continue;
    s.actors[a].readiness = s.blocs[b].readiness;
  }
}
