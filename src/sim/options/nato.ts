import { counterAttackBases, counterAttackOdds, orderCounterAttack } from '../campaigns/europe';
import { scheduleBloc, scheduleForce } from '../economy';
import { interpolate } from '../combat';
import { GROUND, strength } from '../measures';
import { clamp } from '../state';
import { productionSurge, sanctionsOption } from './shared';
import { costTerms, param, terms, type OptionBehaviour, type View } from './types';

/**
 * European NATO: spending and production (with lags), the eastern flank, Articles 4 and 5, the
 * coalition of the willing for Ukraine, and counter-attacks to retake allied territory.
 */

function weakestBalticState(v: View): string {
  let best = v.sc.roles.balticStates[0]!;
  let bestStrength = Infinity;
  for (const r of v.sc.roles.balticStates) {
    if (v.s.regions[r]?.owner === 'russia') continue;
    const st = strength(v.s, 'nato-europe', [r], GROUND);
    if (st < bestStrength) {
      best = r;
      bestStrength = st;
    }
  }
  return best;
}

/**
 * A reinforcement with this label prefix is still on its way.
 *
 * @example
 * inTransit(v, 'Allied brigades') ? 'brigades are already on their way' : null
 */
export const inTransit = (v: View, label: string): boolean =>
  v.s.pipeline.some((d) => d.kind === 'force' && d.label.startsWith(label));

const occupied = (v: View): string[] =>
  [...v.sc.roles.balticStates, ...v.sc.roles.incursionTargets].filter(
    (r) => v.s.regions[r]?.owner === 'russia',
  );

export const nato = {
  'nato-europe.raise-spending': {
    legal: (v) => {
      const ceiling = param(v.sc, 'nato-europe.raise-spending', 'ceilingBp');
      return v.s.blocs.nato.spendingBp >= ceiling
        ? `spending is at the ${ceiling / 100}% ceiling`
        : null;
    },
    assess: (v) => {
      const ai = v.sc.rules.aiNato;
      const bp = v.s.blocs.nato.spendingBp;
      const toHague = bp < ai.spendingHagueBp ? ai.spendingHagueGain : 0;
      return terms({
        gain:
          toHague +
          Math.max(v.s.tracks.escalation.europe, v.s.tracks.escalation.indoPacific) *
            ai.spendingGainPerRung -
          Math.trunc(bp / ai.spendingBpDivisor),
        ...costTerms(v.sc, 'nato-europe.raise-spending'),
      });
    },
    apply: (ctx) => {
      const id = 'nato-europe.raise-spending';
      const b = ctx.s.blocs.nato;
      const step = param(ctx.sc, id, 'stepBp');
      const from = b.spendingBp;
      b.spendingBp = Math.min(param(ctx.sc, id, 'ceilingBp'), from + step);
      ctx.note(
        'europe',
        ['nato-europe'],
        `European allies raise defence spending ${(from / 100).toFixed(2)}% → ${(b.spendingBp / 100).toFixed(2)}% of GDP.`,
      );
      const readiness = Math.max(
        1,
        Math.trunc((step * ctx.sc.rules.economy.readinessPerSpendingPoint) / 100),
      );
      scheduleBloc(
        ctx,
        'readiness',
        'nato',
        readiness,
        param(ctx.sc, id, 'lagTurns'),
        'European spending rise',
      );
      ctx.adjustSupport('nato-europe', -param(ctx.sc, id, 'supportLoss'), 'budget trade-offs');
    },
  },
  'nato-europe.surge-production': productionSurge(
    'nato-europe.surge-production',
    'European',
    (sc) => sc.rules.aiNato.surgeOffset,
  ),
  'nato-europe.reinforce-eastern-flank': {
    legal: (v) =>
      v.s.tracks.escalation.europe < 2
        ? 'no threat to the eastern flank yet'
        : inTransit(v, 'Allied brigades')
          ? 'the last reinforcements are still in transit'
          : null,
    assess: (v) => {
      const ai = v.sc.rules.aiNato;
      return terms({
        gain:
          v.s.tracks.escalation.europe * ai.flankGainPerRung +
          (v.s.flags.secondFront ? ai.flankSecondFrontGain : 0) -
          ai.flankOffset,
        alliance: ai.flankAlliance,
        ...costTerms(v.sc, 'nato-europe.reinforce-eastern-flank'),
      });
    },
    apply: (ctx) => {
      const id = 'nato-europe.reinforce-eastern-flank';
      const n = param(ctx.sc, id, 'brigades');
      const region = weakestBalticState({ s: ctx.s, sc: ctx.sc, actor: 'nato-europe' });
      scheduleForce(
        ctx,
        'nato-europe',
        region,
        'ground',
        n * ctx.sc.rules.europe.brigadeStrength,
        param(ctx.sc, id, 'arrivalTurns'),
        `Allied brigades (${n})`,
      );
    },
  },
  'nato-europe.invoke-article4': {
    legal: (v) =>
      v.s.flags.article4Invoked
        ? 'already invoked'
        : v.s.tracks.escalation.europe < 2
          ? 'no threat to consult on'
          : null,
    assess: (v) =>
      terms({
        gain: v.s.tracks.escalation.europe * v.sc.rules.aiNato.article4GainPerRung,
        alliance: v.sc.rules.aiNato.article4Alliance,
      }),
    apply: (ctx) => {
      ctx.setFlag('article4Invoked');
      ctx.adjust(
        'natoCohesion',
        param(ctx.sc, 'nato-europe.invoke-article4', 'cohesionGain'),
        'Article 4 consultations',
        'europe',
      );
    },
  },
  'nato-europe.invoke-article5': {
    legal: (v) =>
      !v.s.flags.secondFront
        ? 'no armed attack on an ally'
        : v.s.flags.article5Invoked
          ? 'already invoked'
          : null,
    assess: (v) => {
      const ai = v.sc.rules.aiNato;
      return terms({
        gain: ai.article5Gain + Math.trunc(v.s.tracks.natoCohesion / ai.article5CohesionDivisor),
        risk: -Math.trunc(v.s.tracks.escalation.europe * ai.article5RiskPerRung),
        alliance: ai.article5Alliance,
      });
    },
    apply: (ctx) => {
      const id = 'nato-europe.invoke-article5';
      ctx.setFlag('article5Invoked');
      ctx.keyEvent(
        'article5Invoked',
        'europe',
        ['nato-europe', 'usa'],
        'The North Atlantic Council invokes Article 5.',
      );
      ctx.adjust('natoCohesion', param(ctx.sc, id, 'cohesionGain'), 'Article 5 invoked', 'europe');
      ctx.adjust(
        'article5Credibility',
        param(ctx.sc, id, 'credibilityGain'),
        'Article 5 invoked',
        'europe',
      );
      ctx.escalate('europe', 5, 'NATO at war with Russia', ['nato-europe']);
    },
  },
  'nato-europe.coalition-of-the-willing': {
    legal: (v) =>
      v.s.ukraine.status === 'russia-controls'
        ? 'there is no Ukrainian state to reassure'
        : v.s.ukraine.guarantees.coalition
          ? 'already deployed'
          : null,
    assess: (v) => {
      const ai = v.sc.rules.aiNato;
      return terms({
        gain:
          (v.s.ukraine.status === 'ceasefire' ||
          v.s.flags.russiaNegotiating ||
          v.s.flags.peaceDraftTabled
            ? ai.coalitionGainInTalks
            : ai.coalitionGain) - (v.s.flags.secondFront ? ai.coalitionSecondFrontPenalty : 0),
        alliance: ai.coalitionAlliance,
        risk: -ai.coalitionRisk,
        ...costTerms(v.sc, 'nato-europe.coalition-of-the-willing'),
      });
    },
    apply: (ctx) => {
      const id = 'nato-europe.coalition-of-the-willing';
      ctx.s.ukraine.guarantees.coalition = true;
      const n = param(ctx.sc, id, 'brigades');
      scheduleForce(
        ctx,
        'nato-europe',
        ctx.sc.roles.ukraineHeld,
        'ground',
        n * ctx.sc.rules.europe.brigadeStrength,
        param(ctx.sc, id, 'arrivalTurns'),
        `Coalition of the willing (France, UK, Germany and others): ${n} brigades`,
      );
      ctx.adjust(
        'article5Credibility',
        param(ctx.sc, id, 'credibilityGain'),
        'the coalition of the willing deploys',
        'europe',
      );
    },
  },
  'nato-europe.sanctions': sanctionsOption('nato-europe.sanctions', 'nato-europe'),
  'nato-europe.counter-attack': {
    legal: (v, d) => {
      const occ = occupied(v);
      if (occ.length === 0) return 'no allied territory is occupied';
      if (!d.target || !occ.includes(d.target))
        return `target must be an occupied region: ${occ.join(', ')}`;
      return counterAttackBases(v.s, v.sc, d.target).length === 0
        ? 'no allied region next to it is free to attack from'
        : null;
    },
    targets: occupied,
    assess: (v, d) => {
      // Worth what the engagement curve says it would gain a step at today's odds: a full gain
      // at a breakthrough, a loss when the attack would be thrown back.
      const odds = counterAttackOdds(
        v.s,
        v.sc,
        d.target ?? '',
        param(v.sc, 'nato-europe.counter-attack', 'commitmentPct'),
      );
      const e = v.sc.engagement;
      const shift = interpolate(
        e.curve.map((p) => [p.ratioPct, p.shift] as const),
        odds,
      );
      const r = v.sc.rules.baltic;
      const full =
        r.counterAttackGain + (v.s.flags.article5Invoked ? r.counterAttackArticle5Gain : 0);
      const b = e.breakthroughShift;
      return terms({
        gain: Math.trunc((full * clamp(shift, -b, b)) / b),
        risk: -r.counterAttackRisk,
        ...costTerms(v.sc, 'nato-europe.counter-attack'),
      });
    },
    apply: (ctx, d) => {
      const points = orderCounterAttack(
        ctx,
        d.target!,
        param(ctx.sc, 'nato-europe.counter-attack', 'commitmentPct'),
      );
      ctx.note(
        'europe',
        ['nato-europe'],
        `Allied counter-attack on ${ctx.sc.regions[d.target!]!.name}: ${points} points attack through this turn's steps.`,
        d.target,
      );
    },
  },
} satisfies Record<string, OptionBehaviour>;
