import type { Ctx } from '../context';
import { signalBlocked } from '../escalation';
import { GROUND, forcesOf, strength } from '../measures';
import { clamp } from '../state';
import { secondFrontNet } from '../second-front';
import { BEIJING_MOSCOW } from './china';
import { costTerms, memo, param, terms, type OptionBehaviour, type View } from './types';

const calculus = (v: View) => memo(v, 'second-front', () => secondFrontNet(v.s, v.sc));

/**
 * Russia's menu. Its attack options (limited incursion, Baltic offensive) and its answer to
 * China's request all take their utility from the second-front calculus, so the AI's reasons are
 * the calculus' factors.
 */

function calculusTerms(v: View, gainPct: number, costPct: number): { gain: number; risk: number } {
  const c = calculus(v);
  const gain = c.gain;
  const cost = c.cost + v.sc.rules.secondFront.threshold;
  return { gain: Math.trunc((gain * gainPct) / 100), risk: -Math.trunc((cost * costPct) / 100) };
}

/** Russia needs a real force near the Baltic to attack at all. */
const tooWeak = (v: View): string | null => {
  const min = v.sc.rules.secondFront.minStagingPoints;
  return memo(v, 'staging', () => strength(v.s, 'russia', v.sc.roles.russianStaging, GROUND)) < min
    ? `fewer than ${min} effective points stand near the Baltic`
    : null;
};

/** Russia's answer to China's request: secret between the two, and it moves coordination. */
function answerChina(ctx: Ctx, accepted: boolean): void {
  ctx.setFlag('chinaRequestPending', false);
  ctx.setFlag(accepted ? 'chinaRequestAccepted' : 'chinaRequestRefused');
  ctx.emit({
    type: 'change',
    changes: [],
    theater: 'global',
    actors: ['russia', 'china'],
    visibleTo: BEIJING_MOSCOW,
    text: accepted
      ? "Moscow agrees to Beijing's request to keep NATO busy."
      : "Moscow declines Beijing's request: no second front for now.",
  });
  const delta = accepted
    ? param(ctx.sc, 'russia.accept-china-request', 'coordinationGain')
    : -param(ctx.sc, 'russia.refuse-china-request', 'coordinationLoss');
  ctx.adjust(
    'coordination',
    delta,
    accepted ? 'Russia accepts China’s request' : 'Russia refuses China’s request',
  );
}

const attacking = (v: View): boolean =>
  v.s.europe.operation === 'incursion' || v.s.europe.operation === 'offensive';

export const russia = {
  'russia.ukraine-offensive': {
    legal: (v) =>
      v.s.ukraine.status !== 'fighting' ? 'there is no active front in Ukraine' : null,
    assess: (v) => {
      const ai = v.sc.rules.aiRussia;
      return terms({
        gain: ai.ukraineOffensiveGain - (attacking(v) ? ai.ukraineOffensiveWhileAttacking : 0),
        ...costTerms(v.sc, 'russia.ukraine-offensive'),
      });
    },
    apply: (ctx) => {
      ctx.s.ukraine.russianOffensive = true;
    },
  },
  'russia.hybrid-eastern-flank': {
    legal: (v) => (attacking(v) ? 'already attacking NATO openly' : null),
    assess: (v) => {
      const ai = v.sc.rules.aiRussia;
      const c = calculusTerms(v, ai.hybridGainPct, ai.hybridCostPct);
      return terms({
        gain: c.gain + ai.hybridGain,
        risk: c.risk - ai.hybridRisk,
        ...costTerms(v.sc, 'russia.hybrid-eastern-flank'),
      });
    },
    apply: (ctx) => {
      const id = 'russia.hybrid-eastern-flank';
      if (ctx.s.europe.operation === 'none') ctx.s.europe.operation = 'hybrid';
      ctx.setFlag('hybridCampaign');
      ctx.adjust(
        'natoCohesion',
        -param(ctx.sc, id, 'cohesionLoss'),
        'hybrid attacks on the eastern flank',
        'europe',
      );
      ctx.adjust(
        'miscalcRisk',
        param(ctx.sc, id, 'miscalcRise'),
        'checkpoints and sabotage on the eastern flank',
        'europe',
      );
      ctx.escalate('europe', 3, 'Russian hybrid action on the eastern flank', ['russia']);
    },
  },
  'russia.limited-incursion': {
    legal: (v, d) => {
      if (attacking(v)) return 'an operation against NATO is already under way';
      const weak = tooWeak(v);
      if (weak) return weak;
      const t = d.target ?? '';
      if (!v.sc.roles.incursionTargets.includes(t))
        return `target must be one of ${v.sc.roles.incursionTargets.join(', ')}`;
      if (v.s.regions[t]?.owner === 'russia') return 'already held';
      return null;
    },
    targets: (v) => v.sc.roles.incursionTargets.filter((r) => v.s.regions[r]?.owner !== 'russia'),
    assess: (v) => {
      // The calculus already weighs the costs of attacking NATO; adding the option's price again
      // would count them twice.
      const ai = v.sc.rules.aiRussia;
      const c = calculusTerms(v, ai.incursionGainPct, ai.incursionCostPct);
      return terms({ gain: c.gain, risk: c.risk });
    },
    apply: (ctx, d) => {
      const target = d.target!;
      ctx.s.europe.operation = 'incursion';
      ctx.s.europe.targets = [target];
      ctx.setFlag('secondFront');
      ctx.keyEvent(
        'secondFront',
        'europe',
        ['russia', 'nato-europe'],
        `Russia attacks NATO territory: a limited incursion into ${ctx.sc.regions[target]?.name ?? target}.`,
        target,
      );
      ctx.adjustSupport(
        'nato-europe',
        ctx.sc.rules.support.rallyOnAttack,
        'rally after a Russian attack',
      );
      ctx.escalate('europe', 4, 'Russian forces cross into NATO territory', ['russia']);
    },
  },
  'russia.baltic-offensive': {
    legal: (v) =>
      v.s.europe.operation === 'offensive' ? 'the offensive is already under way' : tooWeak(v),
    assess: (v) => {
      const ai = v.sc.rules.aiRussia;
      const c = calculusTerms(v, ai.offensiveGainPct, ai.offensiveCostPct);
      return terms({ gain: c.gain, risk: c.risk });
    },
    apply: (ctx) => {
      const s = ctx.s;
      s.europe.operation = 'offensive';
      s.europe.targets = ctx.sc.roles.balticStates.filter((r) => s.regions[r]?.owner !== 'russia');
      ctx.setFlag('secondFront');
      ctx.keyEvent(
        'secondFront',
        'europe',
        ['russia', 'nato-europe'],
        'Russia attacks NATO: an offensive into the Baltic states.',
        ctx.sc.roles.balticStates[0],
      );
      ctx.adjustSupport(
        'nato-europe',
        ctx.sc.rules.support.rallyOnAttack,
        'rally after a Russian attack',
      );
      ctx.escalate('europe', 5, 'Russia launches a Baltic offensive', ['russia']);
    },
  },
  'russia.nuclear-signal': {
    legal: (v) => signalBlocked(v.s, 'europe'),
    assess: (v) => {
      const ai = v.sc.rules.aiRussia;
      const pressed = v.s.flags.article5Invoked ? ai.nuclearArticle5Gain : 0;
      const losing =
        v.s.europe.operation !== 'none' &&
        v.s.europe.occupiedTurns === 0 &&
        v.s.turn > ai.nuclearLosingAfterTurn
          ? ai.nuclearLosingGain
          : 0;
      return terms({
        gain: ai.nuclearGain + pressed + losing,
        risk: -(
          ai.nuclearRisk -
          v.sc.actors.russia.traits.riskTolerance / ai.nuclearToleranceDivisor
        ),
        ...costTerms(v.sc, 'russia.nuclear-signal'),
      });
    },
    apply: (ctx) => {
      const id = 'russia.nuclear-signal';
      ctx.keyEvent(
        'nuclearSignal',
        'europe',
        ['russia', 'nato-europe', 'usa'],
        'Russia stages nuclear exercises and threatens NATO.',
      );
      ctx.adjust(
        'natoCohesion',
        -param(ctx.sc, id, 'cohesionLoss'),
        'Russian nuclear threats divide allies',
        'europe',
      );
      ctx.adjust(
        'article5Credibility',
        -param(ctx.sc, id, 'credibilityLoss'),
        'Russian nuclear threats',
        'europe',
      );
      ctx.escalate('europe', 6, 'Russia signals with nuclear forces', ['russia']);
    },
  },
  'russia.accept-china-request': {
    legal: (v) => (!v.s.flags.chinaRequestPending ? 'China has made no request' : null),
    assess: (v) => {
      const ai = v.sc.rules.aiRussia;
      const c = calculus(v);
      return terms({
        gain: Math.trunc(c.net / ai.answerNetDivisor),
        alliance:
          (v.sc.actors.russia.traits.trustInPartners - ai.answerTrustPivot) / ai.answerTrustDivisor,
      });
    },
    secretTo: () => BEIJING_MOSCOW,
    apply: (ctx) => answerChina(ctx, true),
  },
  'russia.refuse-china-request': {
    legal: (v) => (!v.s.flags.chinaRequestPending ? 'China has made no request' : null),
    assess: (v) => {
      const ai = v.sc.rules.aiRussia;
      const c = calculus(v);
      return terms({
        gain: -Math.trunc(c.net / ai.answerNetDivisor),
        alliance:
          (ai.answerTrustPivot - v.sc.actors.russia.traits.trustInPartners) / ai.answerTrustDivisor,
      });
    },
    secretTo: () => BEIJING_MOSCOW,
    apply: (ctx) => answerChina(ctx, false),
  },
  'russia.propose-ceasefire': {
    legal: (v) =>
      v.s.ukraine.status !== 'fighting'
        ? 'there is no war in Ukraine to pause'
        : v.s.flags.russiaNegotiating
          ? 'already proposed'
          : null,
    assess: (v) => {
      const ai = v.sc.rules.aiRussia;
      const c = calculus(v);
      return terms({
        gain:
          Math.trunc(c.readings.attrition / ai.ceasefireAttritionDivisor) +
          (attacking(v) ? ai.ceasefireWhileAttacking : 0) +
          (c.net > 0 ? ai.ceasefireNetPositive : 0) -
          ai.ceasefireOffset,
        ...costTerms(v.sc, 'russia.propose-ceasefire'),
      });
    },
    apply: (ctx) => {
      ctx.setFlag('russiaNegotiating');
      ctx.note(
        'europe',
        ['russia', 'ukraine'],
        'Russia proposes a ceasefire in Ukraine along the current line.',
        ctx.sc.roles.ukraineOccupied,
      );
    },
  },
  'russia.mobilise': {
    legal: (v) => {
      const full = param(v.sc, 'russia.mobilise', 'fullReadiness');
      for (const f of forcesOf(v.s, 'russia'))
        if (f.readiness < full && v.sc.roles.russianStaging.includes(f.region)) return null;
      return 'forces are already at full readiness';
    },
    assess: (v) => {
      const ai = v.sc.rules.aiRussia;
      const c = calculus(v);
      return terms({
        gain: c.net > ai.mobiliseNetAbove ? ai.mobiliseGain : ai.mobiliseGainLow,
        risk: -ai.mobiliseRisk,
        ...costTerms(v.sc, 'russia.mobilise'),
      });
    },
    apply: (ctx) => {
      const id = 'russia.mobilise';
      const gain = param(ctx.sc, id, 'readinessGain');
      for (const f of ctx.s.forces)
        if (f.actor === 'russia' && ctx.sc.roles.russianStaging.includes(f.region))
          f.readiness = clamp(f.readiness + gain, 0, 100);
      ctx.adjustSupport('russia', -param(ctx.sc, id, 'supportLoss'), 'partial mobilisation');
      ctx.escalate('europe', 2, 'Russia mobilises reserves near the Baltic', ['russia']);
    },
  },
  'russia.disinformation': {
    legal: () => null,
    assess: (v) => {
      const ai = v.sc.rules.aiRussia;
      return terms({
        gain:
          ai.disinformationGain +
          (v.s.tracks.natoCohesion - ai.disinformationCohesionPivot) /
            ai.disinformationCohesionDivisor,
        risk: -ai.disinformationRisk,
      });
    },
    apply: (ctx) => {
      const id = 'russia.disinformation';
      ctx.adjust(
        'natoCohesion',
        -param(ctx.sc, id, 'cohesionLoss'),
        'Russian disinformation',
        'europe',
      );
      ctx.adjust('nonAligned', param(ctx.sc, id, 'nonAlignedShift'), 'Russian disinformation');
    },
  },
} satisfies Record<string, OptionBehaviour>;
