import { intervene } from '../campaigns/taiwan';
import { balticIndex } from '../campaigns/baltic-moves';
import { pressedAxis } from '../campaigns/europe';
import type { ForceKind } from '../ids';
import { availableUnits, reinforceTheater, unitsBound } from '../us-forces';
import { clamp } from '../state';
import {
  chinaCampaignActive,
  costTerms,
  param,
  terms,
  type OptionBehaviour,
  type View,
} from './types';
import { settle, productionSurge, sanctionsOption } from './shared';

/**
 * The United States: one limited pool of forces for two theaters (the heart of the two-front
 * dilemma), the choice to intervene for Taiwan, and the guarantees that hold NATO together.
 */

/**
 * The Pacific share the US would want given where the fighting is: each theater's claim is a
 * base, its rung, and bonuses for the US at war there and the war's worst turn (invasion,
 * Article 5), the share Pacific's part of both claims, within the scenario's bounds.
 *
 * @example
 * desiredPacificShare({ s: state, sc: scenario, actor: 'usa' }) // 50 in peacetime, 20..85
 */
export function desiredPacificShare(v: View): number {
  const s = v.s;
  const ai = v.sc.rules.aiUsa;
  const pacific =
    ai.shareBase +
    s.tracks.escalation.indoPacific * ai.sharePerRung +
    (s.flags.usIntervened ? ai.shareAtWar : 0) +
    (s.flags.invasionLaunched ? ai.shareWorstTurn : 0);
  const europe =
    ai.shareBase +
    s.tracks.escalation.europe * ai.sharePerRung +
    (s.flags.secondFront ? ai.shareAtWar : 0) +
    (s.flags.article5Invoked ? ai.shareWorstTurn : 0);
  return clamp(Math.trunc((pacific * 100) / (pacific + europe)), ai.shareMin, ai.shareMax);
}

/**
 * The turn China's campaign against Taiwan began (mobilisation or blockade, whichever came first);
 * a delayed US may intervene `taiwanOps.usDelayedDays` after it.
 *
 * @example
 * const from = campaignStart(v) + 3; // turns
 */
export function campaignStart(v: View): number {
  const first = v.s.keyEvents.find((e) => e.name === 'taiwanBlockade')?.turn ?? 0;
  const m = v.s.taiwan.mobilisedTurn;
  return m > 0 && (first === 0 || m < first) ? m : first;
}

const GROUND: readonly ForceKind[] = ['ground'];
const AIR: readonly ForceKind[] = ['air'];

/** Where US brigades sent to Europe go: the Baltic axis under most pressure. */
const balticTarget = (v: View): string =>
  balticIndex(v.sc).axes.get(pressedAxis(v.s, v.sc))!.objective;

export const usa = {
  'usa.allocate-forces': {
    legal: (_v, d) => {
      const a = d.amount;
      return a === undefined || !Number.isInteger(a) || a < 0 || a > 100
        ? 'amount must be an integer share 0..100 for the Indo-Pacific'
        : null;
    },
    amounts: (v) => {
      const t = v.s.tracks.usPacificTarget;
      const { allocateStep: small, allocateBigStep: big } = v.sc.rules.aiUsa;
      return [t - big, t - small, t + small, t + big].filter((a) => a >= 0 && a <= 100);
    },
    assess: (v, d) => {
      const want = desiredPacificShare(v);
      const before = Math.abs(want - v.s.tracks.usPacificTarget);
      const after = Math.abs(want - (d.amount ?? 0));
      return terms({ gain: Math.trunc((before - after) / v.sc.rules.aiUsa.allocateGainDivisor) });
    },
    apply: (ctx, d) => {
      const from = ctx.s.tracks.usPacificTarget;
      ctx.s.tracks.usPacificTarget = clamp(d.amount ?? from, 0, 100);
      ctx.note(
        'global',
        ['usa'],
        `The US sets its force allocation target to ${ctx.s.tracks.usPacificTarget}% Indo-Pacific (from ${from}%): carriers, air wings and air defences move at the end of each turn, at most ${param(ctx.sc, 'usa.allocate-forces', 'maxShiftPerTurn')}% of the pool a turn, and count where they are only once they arrive.`,
      );
    },
  },
  'usa.reinforce-europe': {
    legal: (v) =>
      v.s.tracks.escalation.europe < 2 && !v.s.flags.secondFront
        ? 'no crisis in Europe yet'
        : unitsBound(v.s, v.sc, 'europe', GROUND)
          ? 'the last reinforcements are still in transit'
          : availableUnits(
                v.s,
                v.sc,
                'europe',
                GROUND,
                balticTarget(v),
                v.sc.roles.balticStates,
              ) === 0
            ? 'no US ground units left to send'
            : null,
    assess: (v) => {
      const ai = v.sc.rules.aiUsa;
      return terms({
        gain:
          v.s.tracks.escalation.europe * ai.europeGainPerRung +
          (v.s.flags.secondFront ? ai.europeSecondFrontGain : 0) -
          ai.europeOffset -
          (v.s.flags.invasionLaunched ? ai.europeInvasionPenalty : 0),
        alliance: v.s.flags.article5Invoked ? ai.europeAllianceArticle5 : ai.europeAlliance,
        ...costTerms(v.sc, 'usa.reinforce-europe'),
      });
    },
    apply: (ctx) => {
      const v = { s: ctx.s, sc: ctx.sc, actor: 'usa' as const };
      reinforceTheater(
        ctx,
        'europe',
        GROUND,
        param(ctx.sc, 'usa.reinforce-europe', 'brigades'),
        balticTarget(v),
        ctx.sc.roles.balticStates,
      );
    },
  },
  'usa.reinforce-pacific': {
    legal: (v) =>
      v.s.tracks.escalation.indoPacific < 2
        ? 'no crisis in the Pacific yet'
        : unitsBound(v.s, v.sc, 'indoPacific', AIR)
          ? 'the last reinforcements are still in transit'
          : availableUnits(v.s, v.sc, 'indoPacific', AIR) === 0
            ? 'no US air units left at home'
            : null,
    assess: (v) => {
      const ai = v.sc.rules.aiUsa;
      return terms({
        gain:
          v.s.tracks.escalation.indoPacific * ai.pacificGainPerRung +
          (v.s.flags.usIntervened ? ai.pacificIntervenedGain : 0) -
          ai.pacificOffset,
        ...costTerms(v.sc, 'usa.reinforce-pacific'),
      });
    },
    apply: (ctx) => {
      reinforceTheater(ctx, 'indoPacific', AIR, param(ctx.sc, 'usa.reinforce-pacific', 'airWings'));
    },
  },
  'usa.intervene-taiwan': {
    legal: (v) => {
      const lever = v.s.levers.usIntervention;
      if (lever === 'none')
        return 'lever usIntervention=none: the US will not fight for Taiwan in this game';
      if (v.s.flags.usIntervened) return 'already intervening';
      if (!chinaCampaignActive(v.s)) return 'China has not used force against Taiwan';
      if (lever === 'delayed') {
        // Delayed counts from the invasion's first step (the lever then brings the US in);
        // against a blockade or strikes alone, from the start of China's campaign.
        const began = v.s.taiwan.beganHour;
        const days = v.sc.rules.taiwanOps.usDelayedDays;
        if (began >= 0) {
          if (v.s.hour < began + days * 24)
            return `lever usIntervention=delayed: not before hour ${began + days * 24}, ${days} days after the invasion began`;
        } else {
          const from = campaignStart(v) + Math.ceil((days * 24) / v.sc.calendar.turnHours);
          if (v.s.turn < from) return `lever usIntervention=delayed: not before turn ${from}`;
        }
      }
      return null;
    },
    assess: (v) => {
      const ai = v.sc.rules.aiUsa;
      const danger =
        (v.s.flags.invasionLaunched ? ai.interveneInvasionGain : 0) +
        (v.s.flags.blockadeActive ? ai.interveneBlockadeGain : 0) +
        (v.s.flags.strikesActive ? ai.interveneStrikesGain : 0);
      return terms({
        gain:
          danger + v.sc.actors.usa.traits.resolve / ai.interveneResolveDivisor - ai.interveneOffset,
        risk: -(
          ai.interveneRisk +
          v.s.tracks.escalation.indoPacific * ai.interveneRiskPerRung -
          (v.s.flags.japanBasesOpen ? ai.interveneJapanBasesRiskCut : 0)
        ),
        alliance: ai.interveneAlliance,
        ...costTerms(v.sc, 'usa.intervene-taiwan'),
      });
    },
    apply: (ctx) => intervene(ctx, 'the US decides to defend Taiwan'),
  },
  'usa.sanctions': sanctionsOption('usa.sanctions', 'usa'),
  'usa.reaffirm-article5': {
    legal: (v) =>
      v.s.tracks.article5Credibility >= param(v.sc, 'usa.reaffirm-article5', 'maxCredibility')
        ? 'credibility is already at its height'
        : null,
    assess: (v) => {
      const ai = v.sc.rules.aiUsa;
      return terms({
        gain:
          Math.trunc(
            (ai.reaffirmCredibilityGoal - v.s.tracks.article5Credibility) /
              ai.reaffirmCredibilityDivisor,
          ) +
          v.s.tracks.escalation.europe * ai.reaffirmGainPerRung,
        alliance: ai.reaffirmAlliance,
        ...(v.s.levers.usArticle5Response === 'hesitant'
          ? { domestic: -ai.reaffirmHesitantDomestic }
          : {}),
      });
    },
    apply: (ctx) => {
      const id = 'usa.reaffirm-article5';
      const hesitant = ctx.s.levers.usArticle5Response === 'hesitant';
      const gain = param(ctx.sc, id, 'credibilityGain');
      ctx.adjust(
        'article5Credibility',
        hesitant ? Math.trunc(gain / param(ctx.sc, id, 'hesitantDivisor')) : gain,
        hesitant ? 'a hedged US statement on Article 5' : 'the US reaffirms Article 5',
        'europe',
      );
      ctx.adjust('natoCohesion', param(ctx.sc, id, 'cohesionGain'), 'US reassurance', 'europe');
    },
  },
  'usa.back-ukraine-guarantee': {
    legal: (v) =>
      v.s.ukraine.status === 'russia-controls'
        ? 'there is no Ukrainian state to guarantee'
        : v.s.ukraine.guarantees.usBackstop
          ? 'already given'
          : null,
    assess: (v) => {
      const ai = v.sc.rules.aiUsa;
      return terms({
        gain:
          v.s.flags.russiaNegotiating || v.s.flags.peaceDraftTabled
            ? ai.guaranteeGainInTalks
            : ai.guaranteeGain,
        alliance: ai.guaranteeAlliance,
        risk: -ai.guaranteeRisk,
        ...costTerms(v.sc, 'usa.back-ukraine-guarantee'),
      });
    },
    apply: (ctx) => {
      ctx.s.ukraine.guarantees.usBackstop = true;
      ctx.note(
        'europe',
        ['usa', 'ukraine'],
        "The US commits to backstop Ukraine's security guarantee (layer 3).",
        ctx.sc.roles.ukraineHeld,
      );
      ctx.adjust(
        'article5Credibility',
        param(ctx.sc, 'usa.back-ukraine-guarantee', 'credibilityGain'),
        'US backstop for Ukraine',
        'europe',
      );
    },
  },
  'usa.nuclear-signal': {
    legal: (v, d) => {
      if (d.target !== 'china' && d.target !== 'russia') return 'target must be china or russia';
      const theater = d.target === 'china' ? 'indoPacific' : 'europe';
      return v.s.tracks.escalation[theater] < 6 ? 'only in answer to a nuclear signal' : null;
    },
    targets: () => ['china', 'russia'],
    assess: (v) =>
      terms({ gain: v.sc.rules.aiUsa.nuclearGain, risk: -v.sc.rules.aiUsa.nuclearRisk }),
    apply: (ctx, d) => {
      const gain = param(ctx.sc, 'usa.nuclear-signal', 'deterrenceGain');
      ctx.keyEvent(
        'nuclearSignal',
        d.target === 'china' ? 'indoPacific' : 'europe',
        ['usa'],
        `The US answers ${d.target}'s nuclear signal with visible bomber and submarine deployments.`,
      );
      if (d.target === 'russia')
        ctx.adjust('article5Credibility', gain, 'US nuclear signal', 'europe');
      else
        ctx.adjust(
          'nonAligned',
          Math.trunc(gain / param(ctx.sc, 'usa.nuclear-signal', 'nonAlignedDivisor')),
          'US nuclear signal',
        );
    },
  },
  'usa.negotiate': {
    legal: (v) =>
      Math.max(v.s.tracks.escalation.indoPacific, v.s.tracks.escalation.europe) < 3 ||
      v.s.flags.usNegotiating
        ? 'no crisis to negotiate over, or talks already open'
        : null,
    assess: (v) => {
      const ai = v.sc.rules.aiUsa;
      return terms({
        gain:
          (v.s.flags.chinaNegotiating || v.s.flags.russiaNegotiating ? ai.negotiateTalksGain : 0) +
          v.s.actors.usa.economicCost / ai.negotiateCostDivisor -
          ai.negotiateOffset,
        ...costTerms(v.sc, 'usa.negotiate'),
      });
    },
    apply: (ctx) => {
      ctx.setFlag('usNegotiating');
      settle(ctx);
    },
  },
  'usa.surge-production': productionSurge(
    'usa.surge-production',
    'US',
    (sc) => sc.rules.aiUsa.surgeOffset,
  ),
} satisfies Record<string, OptionBehaviour>;
