import type { Ctx } from '../context';
import { GROUND, forcesOf, strength } from '../measures';
import { clamp } from '../state';
import { secondFrontCalculus } from '../second-front';
import { costTerms, memo, param, terms, type OptionBehaviour, type View } from './types';

const calculus = (v: View) => memo(v, 'second-front', () => secondFrontCalculus(v.s, v.sc));

/**
 * Russia's menu. Its attack options (limited incursion, Baltic offensive) and its answer to
 * China's request all take their utility from the second-front calculus, so the AI's reasons are
 * the calculus' factors.
 */

function calculusTerms(v: View, gainPct: number, costPct: number): { gain: number; risk: number } {
  const c = calculus(v);
  const gain = c.gains.reduce((t, m) => t + m.value, 0);
  const cost = c.costs.reduce((t, m) => t + m.value, 0) + v.sc.rules.secondFront.threshold;
  return { gain: Math.trunc((gain * gainPct) / 100), risk: -Math.trunc((cost * costPct) / 100) };
}

/** Russia needs a real force near the Baltic to attack at all. */
const MIN_STAGING = 30;
const tooWeak = (v: View): string | null =>
  memo(v, 'staging', () => strength(v.s, 'russia', v.sc.roles.russianStaging, GROUND)) < MIN_STAGING
    ? `fewer than ${MIN_STAGING} effective points stand near the Baltic`
    : null;

/** Russia's answer to China's request: secret between the two, and it moves coordination. */
function answerChina(ctx: Ctx, accepted: boolean): void {
  ctx.setFlag('chinaRequestPending', false);
  ctx.setFlag(accepted ? 'chinaRequestAccepted' : 'chinaRequestRefused');
  ctx.emit({
    type: 'change',
    changes: [],
    theater: 'global',
    actors: ['russia', 'china'],
    visibleTo: ['russia', 'china'],
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
    assess: (v) =>
      terms({ gain: 12 - (attacking(v) ? 8 : 0), ...costTerms(v.sc, 'russia.ukraine-offensive') }),
    apply: (ctx) => {
      ctx.s.ukraine.russianOffensive = true;
    },
  },
  'russia.hybrid-eastern-flank': {
    legal: (v) => (attacking(v) ? 'already attacking NATO openly' : null),
    assess: (v) => {
      const c = calculusTerms(v, 30, 10);
      return terms({
        gain: c.gain + 2,
        risk: c.risk - 4,
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
      const c = calculusTerms(v, 80, 75);
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
      const c = calculusTerms(v, 100, 100);
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
    legal: (v) =>
      v.s.tracks.escalation.europe < 4 ? 'only once fighting has begun in Europe' : null,
    assess: (v) => {
      const pressed = v.s.flags.article5Invoked ? 8 : 0;
      const losing =
        v.s.europe.operation !== 'none' && v.s.europe.occupiedTurns === 0 && v.s.turn > 3 ? 10 : 0;
      return terms({
        gain: 4 + pressed + losing,
        risk: -(28 - v.sc.actors.russia.traits.riskTolerance / 5),
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
      const c = calculus(v);
      return terms({
        gain: Math.trunc(c.net / 2),
        alliance: (v.sc.actors.russia.traits.trustInPartners - 50) / 2,
      });
    },
    apply: (ctx) => answerChina(ctx, true),
  },
  'russia.refuse-china-request': {
    legal: (v) => (!v.s.flags.chinaRequestPending ? 'China has made no request' : null),
    assess: (v) => {
      const c = calculus(v);
      return terms({
        gain: -Math.trunc(c.net / 2),
        alliance: (50 - v.sc.actors.russia.traits.trustInPartners) / 2,
      });
    },
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
      const c = calculus(v);
      return terms({
        gain:
          Math.trunc(c.readings.attrition! / 3) +
          (attacking(v) ? 12 : 0) +
          (c.net > 0 ? 6 : 0) -
          22,
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
      for (const f of forcesOf(v.s, 'russia'))
        if (f.readiness < 95 && v.sc.roles.russianStaging.includes(f.region)) return null;
      return 'forces are already at full readiness';
    },
    assess: (v) => {
      const c = calculus(v);
      return terms({ gain: c.net > -15 ? 12 : 2, risk: -4, ...costTerms(v.sc, 'russia.mobilise') });
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
    assess: (v) => terms({ gain: 5 + (v.s.tracks.natoCohesion - 50) / 10, risk: -1 }),
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
