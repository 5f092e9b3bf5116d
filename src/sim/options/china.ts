import { sameSide } from '../ai/perceive';
import type { Ctx } from '../context';
import { chinaDefeat, signalBlocked } from '../escalation';
import { ACTORS, type ActorId } from '../ids';
import { applyLosses, indoPacificAirSea, theaterRegions } from '../measures';
import { clamp, type GameState } from '../state';
import {
  chinaCampaignActive,
  costTerms,
  memo,
  param,
  terms,
  type OptionBehaviour,
  type View,
} from './types';

/** Beijing and Moscow: the only parties to China's request for a second front and its answer. */
export const BEIJING_MOSCOW: readonly ActorId[] = ['china', 'russia'];

const airSea = (v: View) => memo(v, 'air-sea', () => indoPacificAirSea(v.s, v.sc)).control;

/**
 * China's menu: a ladder from grey-zone pressure through quarantine and blockade to strikes and an
 * amphibious invasion, plus the diplomatic moves around it (asking Russia to keep NATO busy,
 * dual-use supply, talks). China's AI climbs the ladder when the gain outweighs deterrence.
 */

/** How much China wants the next rung: resolve against deterrence in the Indo-Pacific. */
function appetite(v: View): number {
  return (
    v.sc.actors.china.traits.resolve -
    v.s.tracks.deterrence.indoPacific / v.sc.rules.aiChina.appetiteDeterrenceDivisor
  );
}

const turnsMobilised = (v: View): number =>
  v.s.flags.chinaMobilised ? v.s.turn - v.s.taiwan.mobilisedTurn : -1;
const over = (v: View): boolean => ['fallen', 'settled'].includes(v.s.taiwan.phase);

/**
 * Whether Western intelligence detects China's mobilisation this turn. The roll is the first draw
 * of its own stream, so asking before the order takes effect (who may read of it) and rolling as
 * it does give one answer.
 */
function mobilisationDetection(ctx: Ctx): {
  chance: number;
  roll: number;
  seen: boolean;
  stream: string;
} {
  const chance = param(ctx.sc, 'china.mobilise', 'detectionChance');
  const r = ctx.rng('detect:china-mobilisation');
  const roll = r.d100();
  return { chance, roll, seen: roll <= chance, stream: r.label };
}

/**
 * A state as a side that has not detected China's mobilisation knows it (perceive already clears
 * the flag): no campaign phase opened by it and no turn it began, fields that name the order
 * itself. What it moved stays as that side's intelligence sees it: the PLA's readiness (the
 * allies' force estimates in the log count it), the rung and the risk.
 *
 * @example
 * const known = unmobilised(perceive(state, scenario, 'usa'));
 * known.taiwan.phase // 'none' where the true state says 'mobilisation'
 */
export function unmobilised(known: GameState): GameState {
  const t = known.taiwan;
  return {
    ...known,
    taiwan:
      t.phase === 'mobilisation'
        ? { ...t, phase: 'none', since: 0, mobilisedTurn: 0 }
        : { ...t, mobilisedTurn: 0 },
  };
}

export const china = {
  'china.gray-zone-pressure': {
    legal: (v) =>
      v.s.flags.invasionLaunched || over(v)
        ? 'the campaign has gone past grey-zone pressure'
        : null,
    assess: (v) => {
      const ai = v.sc.rules.aiChina;
      return terms({
        // Worth most while the crisis is still grey-zone (rungs 0-1).
        gain: v.s.tracks.escalation.indoPacific <= 1 ? ai.grayZoneGainEarly : ai.grayZoneGain,
        risk: -ai.grayZoneRisk,
        ...costTerms(v.sc, 'china.gray-zone-pressure'),
      });
    },
    apply: (ctx) => {
      const id = 'china.gray-zone-pressure';
      ctx.adjustSupport('taiwan', -param(ctx.sc, id, 'taiwanSupportLoss'), 'grey-zone pressure');
      ctx.adjust(
        'miscalcRisk',
        param(ctx.sc, id, 'miscalcRise'),
        'air incursions and patrols near Taiwan',
        'indoPacific',
      );
    },
  },
  'china.mobilise': {
    legal: (v) =>
      v.s.flags.chinaMobilised
        ? 'already mobilised'
        : over(v)
          ? 'the Taiwan campaign is over'
          : null,
    assess: (v) => {
      const ai = v.sc.rules.aiChina;
      return terms({
        gain: ai.mobiliseGain + appetite(v) / ai.mobiliseAppetiteDivisor,
        risk: -(
          ai.mobiliseRisk +
          v.s.tracks.deterrence.indoPacific / ai.mobiliseRiskDeterrenceDivisor
        ),
        ...costTerms(v.sc, 'china.mobilise'),
      });
    },
    // Undetected, it is known only to China's side (which shares its intelligence, as in
    // perceive): the order, the detection roll, its costs and the rung and risk it raises.
    secretTo: (ctx) => (mobilisationDetection(ctx).seen ? null : sameSide(ctx.sc, 'china')),
    apply: (ctx) => {
      const id = 'china.mobilise';
      const s = ctx.s;
      ctx.setFlag('chinaMobilised');
      s.taiwan.mobilisedTurn = s.turn;
      if (s.taiwan.phase === 'none') {
        s.taiwan.phase = 'mobilisation';
        s.taiwan.since = s.turn;
      }
      const gain = param(ctx.sc, id, 'readinessGain');
      for (const f of s.forces)
        if (f.actor === 'china') f.readiness = clamp(f.readiness + gain, 0, 100);
      const { chance, roll, seen, stream } = mobilisationDetection(ctx);
      ctx.emit({
        type: 'adjudication',
        kind: 'detection',
        theater: 'indoPacific',
        actors: ['china', 'usa', 'taiwan'],
        region: ctx.sc.roles.chinaStaging,
        visibleTo: seen ? 'all' : sameSide(ctx.sc, 'china'),
        inputs: { detectionChance: chance },
        modifiers: [],
        roll: { stream, die: 'd100', value: roll, target: chance },
        result: seen ? 'detected' : 'undetected',
        text: seen
          ? `Western intelligence detects China's mobilisation (roll ${roll} ≤ ${chance}): Taiwan and the US raise readiness.`
          : `China's mobilisation goes undetected (roll ${roll} > ${chance}): ambiguity raises miscalculation risk.`,
      });
      if (seen) {
        ctx.setFlag('chinaMobilisationSeen');
        const warned = param(ctx.sc, id, 'warnedReadinessGain');
        for (const f of s.forces)
          if (f.actor === 'taiwan' || f.actor === 'usa')
            f.readiness = clamp(f.readiness + warned, 0, 100);
      } else
        ctx.adjust(
          'miscalcRisk',
          ctx.sc.rules.miscalc.fogPenalty,
          'undetected mobilisation (fog)',
          'indoPacific',
        );
      ctx.escalate('indoPacific', 2, 'China mobilises the Eastern Theater', ['china']);
    },
  },
  'china.quarantine': {
    legal: (v) =>
      v.s.flags.quarantineActive || v.s.flags.blockadeActive
        ? 'a quarantine or blockade is already in force'
        : over(v) || v.s.flags.invasionLaunched
          ? 'the campaign has gone past a quarantine'
          : null,
    assess: (v) => {
      const ai = v.sc.rules.aiChina;
      return terms({
        gain: ai.quarantineGain + appetite(v) / ai.quarantineAppetiteDivisor,
        risk: -ai.quarantineRisk,
        ...costTerms(v.sc, 'china.quarantine'),
      });
    },
    apply: (ctx) => {
      const id = 'china.quarantine';
      ctx.setFlag('quarantineActive');
      ctx.adjust('nonAligned', param(ctx.sc, id, 'nonAlignedShift'), 'China quarantines Taiwan');
      ctx.escalate('indoPacific', 2, 'China declares a coast-guard quarantine of Taiwan', [
        'china',
        'taiwan',
      ]);
    },
  },
  'china.blockade': {
    legal: (v) =>
      v.s.flags.blockadeActive
        ? 'a blockade is already in force'
        : !v.s.flags.chinaMobilised && !v.s.flags.quarantineActive
          ? 'needs mobilisation or a quarantine first'
          : over(v)
            ? 'the Taiwan campaign is over'
            : null,
    assess: (v) => {
      const ai = v.sc.rules.aiChina;
      return terms({
        gain:
          ai.blockadeGain +
          appetite(v) / ai.blockadeAppetiteDivisor -
          v.s.tracks.taiwanSupply / ai.blockadeSupplyDivisor,
        risk: -(
          ai.blockadeRisk +
          v.s.tracks.deterrence.indoPacific / ai.blockadeRiskDeterrenceDivisor
        ),
        ...costTerms(v.sc, 'china.blockade'),
      });
    },
    apply: (ctx) => {
      const id = 'china.blockade';
      const s = ctx.s;
      ctx.setFlag('blockadeActive');
      ctx.setFlag('quarantineActive', false);
      if (s.taiwan.phase === 'none' || s.taiwan.phase === 'mobilisation') {
        s.taiwan.phase = 'blockade';
        s.taiwan.since = s.turn;
      }
      ctx.keyEvent(
        'taiwanBlockade',
        'indoPacific',
        ['china', 'taiwan'],
        'China declares a blockade of Taiwan.',
        ctx.sc.roles.taiwanStrait,
      );
      const cost = param(ctx.sc, id, 'globalEconomicCost');
      for (const a of ACTORS) {
        if (a === 'taiwan')
          ctx.adjustCost(
            a,
            cost * param(ctx.sc, id, 'taiwanCostFactor'),
            'blockade: trade cut off',
          );
        else if (a === 'usa' || a === 'nato-europe' || a === 'japan' || a === 'china')
          ctx.adjustCost(a, cost, 'blockade: chip and shipping disruption');
      }
      ctx.adjust('nonAligned', param(ctx.sc, id, 'nonAlignedShift'), 'China blockades Taiwan');
      ctx.escalate('indoPacific', 3, 'China blockades Taiwan', ['china', 'taiwan']);
    },
  },
  'china.missile-strikes': {
    legal: (v) =>
      v.s.flags.strikesActive
        ? 'strikes are already under way'
        : turnsMobilised(v) < v.sc.rules.taiwan.mobilisationTurns
          ? `needs ${v.sc.rules.taiwan.mobilisationTurns} turns of mobilisation first`
          : over(v)
            ? 'the Taiwan campaign is over'
            : null,
    assess: (v) => {
      const ai = v.sc.rules.aiChina;
      return terms({
        gain:
          ai.strikesGain +
          appetite(v) / ai.strikesAppetiteDivisor +
          airSea(v) / ai.strikesAirSeaDivisor,
        risk: -(
          ai.strikesRisk +
          v.s.tracks.deterrence.indoPacific / ai.strikesRiskDeterrenceDivisor
        ),
        ...costTerms(v.sc, 'china.missile-strikes'),
      });
    },
    apply: (ctx) => {
      const id = 'china.missile-strikes';
      const s = ctx.s;
      const regions = theaterRegions(ctx.sc, 'indoPacific');
      ctx.setFlag('strikesActive');
      if (['none', 'mobilisation', 'blockade'].includes(s.taiwan.phase)) {
        s.taiwan.phase = 'strikes';
        s.taiwan.since = s.turn;
      }
      const pct = param(ctx.sc, id, 'defenceDamagePct');
      const lost = applyLosses(s, 'taiwan', regions, ['air', 'naval', 'missile'], pct);
      let usLost = 0;
      if (s.flags.usIntervened)
        usLost = applyLosses(s, 'usa', regions, ['air', 'naval'], param(ctx.sc, id, 'usDamagePct'));
      ctx.note(
        'indoPacific',
        ['china', 'taiwan'],
        `PLA Rocket Force strikes on airfields, ports and air defences: Taiwan loses ${lost} air/naval/missile points${usLost ? `, US forces ${usLost}` : ''} (${pct}% per force).`,
        ctx.sc.roles.taiwanMain,
      );
      ctx.adjust('miscalcRisk', param(ctx.sc, id, 'miscalcRise'), 'missile strikes', 'indoPacific');
      ctx.adjustSupport(
        'taiwan',
        ctx.sc.rules.support.rallyOnAttack,
        'rally after Chinese strikes',
      );
      ctx.escalate('indoPacific', 4, 'China strikes Taiwan', ['china', 'taiwan']);
    },
  },
  'china.amphibious-invasion': {
    legal: (v) =>
      v.s.flags.invasionLaunched
        ? 'the invasion is already under way'
        : !v.s.flags.strikesActive
          ? 'needs missile and air strikes first'
          : turnsMobilised(v) < v.sc.rules.taiwan.mobilisationTurns
            ? 'the assault force is not yet mobilised'
            : over(v)
              ? 'the Taiwan campaign is over'
              : null,
    assess: (v) => {
      const ai = v.sc.rules.aiChina;
      return terms({
        gain:
          ai.invasionGain +
          appetite(v) / ai.invasionAppetiteDivisor +
          airSea(v) / ai.invasionAirSeaDivisor,
        risk: -(
          ai.invasionRisk +
          v.s.tracks.deterrence.indoPacific / ai.invasionRiskDeterrenceDivisor
        ),
        ...costTerms(v.sc, 'china.amphibious-invasion'),
      });
    },
    apply: (ctx) => {
      const s = ctx.s;
      ctx.setFlag('invasionLaunched');
      s.taiwan.phase = 'crossing';
      s.taiwan.since = s.turn;
      s.taiwan.crossingTurns = 0;
      ctx.note(
        'indoPacific',
        ['china', 'taiwan'],
        'China launches an amphibious assault across the Taiwan Strait.',
        ctx.sc.roles.taiwanStrait,
      );
      ctx.escalate('indoPacific', 5, 'China invades Taiwan', ['china', 'taiwan']);
    },
  },
  'china.ask-russia-second-front': {
    legal: (v) =>
      !chinaCampaignActive(v.s)
        ? 'only once China is using force against Taiwan'
        : v.s.flags.chinaRequestPending ||
            v.s.flags.chinaRequestAccepted ||
            v.s.flags.chinaRequestRefused
          ? 'Moscow has already been asked'
          : null,
    assess: (v) => {
      const ai = v.sc.rules.aiChina;
      return terms({
        gain:
          ai.askRussiaGain +
          v.s.tracks.usPacificShare / ai.askRussiaShareDivisor +
          (v.s.flags.usIntervened ? ai.askRussiaIntervenedGain : 0),
        alliance:
          (v.sc.actors.china.traits.trustInPartners - ai.askRussiaTrustPivot) /
          ai.askRussiaTrustDivisor,
        risk: -ai.askRussiaRisk,
      });
    },
    secretTo: () => BEIJING_MOSCOW,
    apply: (ctx) => {
      ctx.setFlag('chinaRequestPending');
      ctx.emit({
        type: 'change',
        changes: [],
        theater: 'global',
        actors: ['china', 'russia'],
        visibleTo: BEIJING_MOSCOW,
        text: 'Xi calls Putin: Beijing asks Moscow to keep NATO busy in Europe.',
      });
      ctx.adjust(
        'coordination',
        param(ctx.sc, 'china.ask-russia-second-front', 'coordinationGain'),
        "China's request to Russia",
      );
    },
  },
  'china.supply-dual-use': {
    legal: (v) =>
      v.s.tracks.coordination < param(v.sc, 'china.supply-dual-use', 'minCoordination')
        ? 'relations with Moscow are too cold'
        : null,
    assess: (v) => {
      const ai = v.sc.rules.aiChina;
      return terms({
        gain: ai.dualUseGain + v.s.tracks.coordination / ai.dualUseCoordinationDivisor,
        alliance:
          (v.sc.actors.china.traits.trustInPartners - ai.dualUseTrustPivot) /
          ai.dualUseTrustDivisor,
        risk: -param(v.sc, 'china.supply-dual-use', 'sanctionsExposure') * ai.dualUseExposureWeight,
        ...costTerms(v.sc, 'china.supply-dual-use'),
      });
    },
    apply: (ctx) => {
      const id = 'china.supply-dual-use';
      const b = ctx.s.blocs.russia;
      b.munitions = clamp(b.munitions + param(ctx.sc, id, 'russiaMunitionsGain'), 0, 100);
      ctx.adjust(
        'coordination',
        param(ctx.sc, id, 'coordinationGain'),
        'dual-use supply to Russia',
      );
      ctx.adjustCost(
        'china',
        param(ctx.sc, id, 'sanctionsExposure'),
        'secondary-sanctions exposure',
      );
    },
  },
  'china.nuclear-signal': {
    legal: (v) =>
      signalBlocked(v.s, 'indoPacific') ??
      (!v.s.flags.usIntervened ? 'only in a war with the US' : null),
    assess: (v) => {
      const ai = v.sc.rules.aiChina;
      return terms({
        // Signals follow the prospect of defeat (src/sim/escalation.ts), as in CSIS 2024.
        gain:
          ai.nuclearGain +
          Math.trunc((chinaDefeat(v.s, v.sc).value * v.sc.rules.escalation.signalStakes) / 100),
        risk: -(
          ai.nuclearRisk -
          v.sc.actors.china.traits.riskTolerance / ai.nuclearToleranceDivisor
        ),
        ...costTerms(v.sc, 'china.nuclear-signal'),
      });
    },
    apply: (ctx) => {
      const id = 'china.nuclear-signal';
      ctx.keyEvent(
        'nuclearSignal',
        'indoPacific',
        ['china', 'usa'],
        'China alerts its nuclear forces.',
      );
      ctx.adjust(
        'usPacificTarget',
        -param(ctx.sc, id, 'usResolveLoss'),
        'China nuclear signal shakes US resolve',
        'indoPacific',
      );
      ctx.adjust('nonAligned', param(ctx.sc, id, 'nonAlignedShift'), 'China nuclear signal');
      ctx.escalate('indoPacific', 6, 'China signals with nuclear forces', ['china']);
    },
  },
  'china.negotiate': {
    legal: (v) =>
      !chinaCampaignActive(v.s) || v.s.flags.chinaNegotiating
        ? 'no campaign to negotiate over, or talks already open'
        : null,
    assess: (v) => {
      const ai = v.sc.rules.aiChina;
      const failing =
        v.s.taiwan.phase === 'repulsed'
          ? ai.negotiateRepulsedGain
          : v.s.taiwan.chinaLosses > ai.negotiateLossesAbove
            ? ai.negotiateLossesGain
            : 0;
      // Nobody sues for peace while winning: progress ashore or a strangling blockade counts
      // against talks.
      const t = v.s.taiwan;
      const winning =
        (t.phase === 'lodgement' || t.phase === 'breakout'
          ? ai.negotiateAshorePenalty + Math.trunc(t.lodgement / ai.negotiateLodgementDivisor)
          : 0) +
        (v.s.flags.blockadeActive && v.s.tracks.taiwanSupply < ai.negotiateStrangledSupply
          ? ai.negotiateStrangledPenalty
          : 0);
      return terms({
        gain:
          failing +
          v.s.actors.china.economicCost / ai.negotiateCostDivisor -
          ai.negotiateOffset -
          winning,
        ...costTerms(v.sc, 'china.negotiate'),
      });
    },
    apply: (ctx) => {
      ctx.setFlag('chinaNegotiating');
      ctx.deescalate(
        'indoPacific',
        param(ctx.sc, 'china.negotiate', 'tensionRelief'),
        'China opens talks',
      );
    },
  },
  'china.stand-down': {
    legal: (v) =>
      !chinaCampaignActive(v.s) && !v.s.flags.chinaMobilised
        ? 'nothing to stand down'
        : ['crossing', 'lodgement', 'breakout'].includes(v.s.taiwan.phase)
          ? 'troops are ashore or crossing; negotiate instead'
          : null,
    assess: (v) => {
      const ai = v.sc.rules.aiChina;
      return terms({
        gain:
          (v.s.taiwan.phase === 'repulsed' ? ai.standDownRepulsedGain : 0) +
          v.s.actors.china.economicCost / ai.standDownCostDivisor -
          ai.standDownOffset,
        ...costTerms(v.sc, 'china.stand-down'),
      });
    },
    apply: (ctx) => {
      const id = 'china.stand-down';
      const s = ctx.s;
      for (const f of [
        'blockadeActive',
        'quarantineActive',
        'strikesActive',
        'chinaMobilised',
        'chinaMobilisationSeen',
      ] as const)
        ctx.setFlag(f, false);
      if (s.taiwan.phase !== 'repulsed') s.taiwan.phase = 'none';
      ctx.adjustSupport('china', -param(ctx.sc, id, 'supportLoss'), 'climb-down');
      ctx.deescalate('indoPacific', param(ctx.sc, id, 'tensionRelief'), 'China stands down');
    },
  },
} satisfies Record<string, OptionBehaviour>;
