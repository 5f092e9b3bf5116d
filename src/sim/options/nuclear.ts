import type { Ctx } from '../context';
import { emitCalculus, nuclearCalculus, NUCLEAR_THEATER, type NuclearPower } from '../escalation';
import { ESCALATION_LADDER, NUCLEAR_SIGNAL_LEVEL, NUCLEAR_USE_LEVEL } from '../ids';
import { memo, type OptionBehaviour, type View } from './types';

/**
 * Nuclear use as a decision. China and Russia may cross the threshold only from the
 * nuclear-signalling rung of their theater; the AI weighs the option like any other, its utility
 * terms being the nuclear calculus (src/sim/escalation.ts): the stakes and the prospect of
 * conventional defeat against the expected response, world opinion and the price. The calculus is
 * logged when the option is taken (by the AI or a person) and, while the rung lasts, each turn.
 */

function nuclearUse(actor: NuclearPower): OptionBehaviour {
  const theater = NUCLEAR_THEATER[actor];
  const calc = (v: View) => memo(v, 'nuclear-calculus', () => nuclearCalculus(v.s, v.sc, actor));
  return {
    legal: (v) => {
      const rung = v.s.tracks.escalation[theater];
      return rung === NUCLEAR_SIGNAL_LEVEL
        ? null
        : `only on the nuclear-signalling rung (${theater} is at ${ESCALATION_LADDER[rung]})`;
    },
    assess: (v) => calc(v).terms,
    apply: (ctx: Ctx) => {
      const c = nuclearCalculus(ctx.s, ctx.sc, actor);
      emitCalculus(ctx, c, true);
      const name = ctx.sc.actors[actor].name;
      ctx.keyEvent('nuclearUse', theater, [actor], `${name} uses a nuclear weapon.`);
      ctx.escalate(
        theater,
        NUCLEAR_USE_LEVEL,
        `${name} uses a nuclear weapon (defeat prospect ${c.defeat.value}: ${c.defeat.why})`,
        [actor],
      );
    },
  };
}

export const nuclear = {
  'china.nuclear-use': nuclearUse('china'),
  'russia.nuclear-use': nuclearUse('russia'),
} satisfies Record<string, OptionBehaviour>;
