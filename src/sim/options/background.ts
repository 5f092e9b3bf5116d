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
    assess: (v) => terms({ gain: 4 + v.s.tracks.escalation.indoPacific * 2, risk: -6 }),
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
    legal: (v) => (v.s.tracks.coordination < 20 ? 'Moscow is not buying' : null),
    assess: (v) => terms({ gain: 6 + (v.s.ukraine.status === 'fighting' ? 4 : 0) }),
    apply: (ctx) =>
      armRussia(
        ctx,
        param(ctx.sc, 'north-korea.supply-russia', 'russiaMunitionsGain'),
        'north-korea',
        'North Korean shells and missiles',
      ),
  },
  'iran.supply-drones': {
    legal: (v) => (v.s.tracks.coordination < 15 ? 'Moscow is not buying' : null),
    assess: () => terms({ gain: 5 }),
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
    assess: () => terms({ gain: 5, risk: -7 }),
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
      const aggression =
        (v.s.flags.blockadeActive ? 4 : 0) +
        (v.s.flags.invasionLaunched ? 4 : 0) +
        (v.s.flags.secondFront ? 4 : 0);
      const winning = (v.s.flags.invasionRepulsed ? 6 : 0) + (v.s.flags.article5Invoked ? 2 : 0);
      return terms({ gain: aggression + winning - 6 });
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
      const winning =
        (v.s.flags.taipeiFallen ? 10 : 0) +
        (v.s.flags.balticCapitalFallen ? 6 : 0) +
        (v.s.flags.taiwanLanding ? 3 : 0);
      const pressure = v.s.actors['non-aligned'].economicCost > 10 ? 3 : 0;
      return terms({ gain: winning + pressure - 6 });
    },
    apply: (ctx) =>
      ctx.adjust(
        'nonAligned',
        -param(ctx.sc, 'non-aligned.lean-east', 'shift'),
        'non-aligned states side with China and Russia',
      ),
  },
} satisfies Record<string, OptionBehaviour>;
