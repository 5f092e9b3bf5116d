import { scheduleBloc } from '../economy';
import type { ActorId } from '../ids';
import { costTerms, param, terms, type OptionBehaviour } from './types';
import type { Scenario } from '../scenario/schema';
import type { OptionId } from './params';

/**
 * Pieces several actors share: sanctions (the US and European NATO) and the settlement check that
 * runs whenever a party opens talks.
 */

/**
 * One sanctions behaviour for every sanctioning actor, so the US and European options cannot
 * drift apart; only their parameters and Europe's exposure to China differ.
 *
 * @example
 * 'usa.sanctions': sanctionsOption('usa.sanctions', 'usa'),
 */
export function sanctionsOption(
  id: OptionId & `${string}.sanctions`,
  actor: ActorId,
): OptionBehaviour {
  return {
    legal: (v, d) => {
      if (d.target !== 'china' && d.target !== 'russia') return 'target must be china or russia';
      const theater = d.target === 'china' ? 'indoPacific' : 'europe';
      if (v.s.tracks.escalation[theater] < 2) return `no crisis with ${d.target} to sanction`;
      if (v.s.actors[d.target].economicCost >= v.sc.rules.economy.sanctionsCostCap)
        return 'sanctions are already at their limit';
      return null;
    },
    targets: () => ['china', 'russia'],
    assess: (v, d) => {
      const ai = v.sc.rules.aiShared;
      const theater = d.target === 'china' ? 'indoPacific' : 'europe';
      const selfExposure =
        d.target === 'china' && actor === 'nato-europe' ? ai.sanctionsEuropeChinaExposure : 0;
      return terms({
        gain:
          v.s.tracks.escalation[theater] * ai.sanctionsGainPerRung -
          ai.sanctionsOffset -
          selfExposure,
        ...costTerms(v.sc, id),
      });
    },
    apply: (ctx, d) => {
      const target = d.target as 'china' | 'russia';
      ctx.adjustCost(target, param(ctx.sc, id, 'economicCost'), `${actor} sanctions`);
      ctx.adjustCost(actor, param(ctx.sc, id, 'selfCost'), `cost of sanctioning ${target}`);
    },
  };
}

/**
 * When both sides of a theater have accepted talks, the war there is settled: the check lives with
 * the wars (src/sim/wars.ts), where a Russian offer of terms to NATO, not a Ukraine ceasefire, is
 * Russia's half of a European settlement.
 *
 * @example
 * ctx.setFlag('usNegotiating');
 * settle(ctx); // settles the Strait if China is already talking
 */
export { settle } from '../wars';

/**
 * A production surge (the US and European NATO each have one): more output for the NATO bloc after
 * the scenario's lag, one surge at a time per actor. `offset` reads the actor's AI offset (what
 * the gain must overcome) from the scenario.
 *
 * @example
 * 'usa.surge-production': productionSurge('usa.surge-production', 'US', (sc) => sc.rules.aiUsa.surgeOffset),
 */
export function productionSurge(
  id: OptionId & `${string}.surge-production`,
  who: string,
  offset: (sc: Scenario) => number,
): OptionBehaviour {
  const label = `${who} production surge`;
  return {
    legal: (v) =>
      v.s.pipeline.some((d) => d.kind === 'production' && d.label === label)
        ? 'a production surge is already under way'
        : null,
    assess: (v) =>
      terms({
        gain:
          Math.max(v.s.tracks.escalation.indoPacific, v.s.tracks.escalation.europe) *
            v.sc.rules.aiShared.surgeGainPerRung -
          offset(v.sc),
        ...costTerms(v.sc, id),
      }),
    apply: (ctx) =>
      scheduleBloc(
        ctx,
        'production',
        'nato',
        param(ctx.sc, id, 'productionGain'),
        param(ctx.sc, id, 'lagTurns'),
        label,
      ),
  };
}
