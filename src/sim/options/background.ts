import type { Ctx } from '../context';
import { clamp } from '../state';
import { param, terms, type OptionBehaviour } from './types';

/** Russia's partners refill its munitions; the log says who sent what. */
function armRussia(ctx: Ctx, gain: number, who: 'north-korea' | 'iran', what: string): void {
  const b = ctx.s.blocs.russia;
  const from = b.munitions;
  b.munitions = clamp(from + gain, 0, 100);
  ctx.note('europe', [who, 'russia'], `${what} for Russia: munitions ${from} → ${b.munitions}.`);
}

/** Background actors (AI only): North Korea, Iran and the non-aligned states picking sides. */
export const background = {
  'north-korea.provocation': {
    legal: (v) => (v.s.tracks.escalation.indoPacific < 2 ? 'nothing to exploit yet' : null),
    assess: (v) => {
      const ai = v.sc.rules.aiBackground;
      return terms({
        gain: ai.provocationGain + v.s.tracks.escalation.indoPacific * ai.provocationPerRung,
        risk: -ai.provocationRisk,
      });
    },
    apply: (ctx) => {
      const id = 'north-korea.provocation';
      ctx.adjust(
        'usPacificTarget',
        param(ctx.sc, id, 'usPacificPull'),
        'North Korean provocations hold US forces in Korea',
        'indoPacific',
      );
      ctx.adjust(
        'miscalcRisk',
        param(ctx.sc, id, 'miscalcRise'),
        'North Korean missile tests',
        'indoPacific',
      );
    },
  },
  'north-korea.supply-russia': {
    legal: (v) =>
      v.s.tracks.coordination < param(v.sc, 'north-korea.supply-russia', 'minCoordination')
        ? 'Moscow is not buying'
        : null,
    assess: (v) => {
      const ai = v.sc.rules.aiBackground;
      return terms({
        gain: ai.shellsGain + (v.s.ukraine.status === 'fighting' ? ai.shellsWarGain : 0),
      });
    },
    apply: (ctx) =>
      armRussia(
        ctx,
        param(ctx.sc, 'north-korea.supply-russia', 'russiaMunitionsGain'),
        'north-korea',
        'North Korean shells and missiles',
      ),
  },
  'iran.supply-drones': {
    legal: (v) =>
      v.s.tracks.coordination < param(v.sc, 'iran.supply-drones', 'minCoordination')
        ? 'Moscow is not buying'
        : null,
    assess: (v) => terms({ gain: v.sc.rules.aiBackground.dronesGain }),
    apply: (ctx) =>
      armRussia(
        ctx,
        param(ctx.sc, 'iran.supply-drones', 'russiaMunitionsGain'),
        'iran',
        'Iranian drones',
      ),
  },
  'iran.regional-escalation': {
    legal: (v) =>
      Math.max(v.s.tracks.escalation.indoPacific, v.s.tracks.escalation.europe) < 4
        ? 'the great powers are not yet at war'
        : null,
    assess: (v) =>
      terms({
        gain: v.sc.rules.aiBackground.gulfGain,
        risk: -v.sc.rules.aiBackground.gulfRisk,
      }),
    apply: (ctx) => {
      const b = ctx.s.blocs.nato;
      const from = b.munitions;
      b.munitions = clamp(
        from - param(ctx.sc, 'iran.regional-escalation', 'usDistraction'),
        0,
        100,
      );
      ctx.note(
        'global',
        ['iran', 'usa'],
        `Iran escalates in the Gulf and the Red Sea, drawing US munitions: NATO munitions ${from} → ${b.munitions}.`,
      );
    },
  },
  'non-aligned.lean-west': {
    legal: (v) => (v.s.tracks.nonAligned >= 100 ? 'already fully aligned with the West' : null),
    assess: (v) => {
      const ai = v.sc.rules.aiBackground;
      const aggression =
        (v.s.flags.blockadeActive ? ai.westPerAggression : 0) +
        (v.s.flags.invasionLaunched ? ai.westPerAggression : 0) +
        (v.s.flags.secondFront ? ai.westPerAggression : 0);
      const winning =
        (v.s.flags.invasionRepulsed ? ai.westRepulsedGain : 0) +
        (v.s.flags.article5Invoked ? ai.westArticle5Gain : 0);
      return terms({ gain: aggression + winning - ai.leanOffset });
    },
    apply: (ctx) =>
      ctx.adjust(
        'nonAligned',
        param(ctx.sc, 'non-aligned.lean-west', 'shift'),
        'non-aligned states side with the West',
      ),
  },
  'non-aligned.lean-east': {
    legal: (v) =>
      v.s.tracks.nonAligned <= -100 ? 'already fully aligned with China and Russia' : null,
    assess: (v) => {
      const ai = v.sc.rules.aiBackground;
      const winning =
        (v.s.flags.taipeiFallen ? ai.eastTaipeiGain : 0) +
        (v.s.flags.balticCapitalFallen ? ai.eastBalticCapitalGain : 0) +
        (v.s.flags.taiwanLanding ? ai.eastLandingGain : 0);
      const pressure =
        v.s.actors['non-aligned'].economicCost > ai.eastPressureCostAbove ? ai.eastPressureGain : 0;
      return terms({ gain: winning + pressure - ai.leanOffset });
    },
    apply: (ctx) =>
      ctx.adjust(
        'nonAligned',
        -param(ctx.sc, 'non-aligned.lean-east', 'shift'),
        'non-aligned states side with China and Russia',
      ),
  },
} satisfies Record<string, OptionBehaviour>;
