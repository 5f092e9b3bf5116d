import type { ActorId } from './ids';
import { OPTION_SPECS, type OptionId } from './options/params';
import type { Scenario } from './scenario/schema';
import type { Decision, GameState } from './state';

/**
 * Forced courses: the `chinaCourse` and `russiaCourse` levers take an actor's military choices out
 * of its hands (AI or human) so an analyst can ask "what if China blockades?" without the AI's
 * judgment in the way. A forced course begins in the first turn and scripts the military slot.
 */

/**
 * The military decision the course requires this turn, or null for none.
 *
 * @example
 * // chinaCourse=blockade, turn 1, nothing mobilised yet:
 * forcedDecision(state, scenario, 'china') // { type: 'china.mobilise' }
 */
export function forcedDecision(s: GameState, sc: Scenario, actor: ActorId): Decision | null {
  if (actor === 'china') {
    const course = s.levers.chinaCourse;
    const f = s.flags;
    const ready =
      f.chinaMobilised && s.turn - s.taiwan.mobilisedTurn >= sc.rules.taiwan.mobilisationTurns;
    const over = ['fallen', 'repulsed', 'settled'].includes(s.taiwan.phase);
    switch (course) {
      case 'ai':
      case 'none':
        return null;
      case 'quarantine':
        return f.quarantineActive || over ? null : { type: 'china.quarantine' };
      case 'blockade':
        if (f.blockadeActive || over) return null;
        return f.chinaMobilised || f.quarantineActive
          ? { type: 'china.blockade' }
          : { type: 'china.mobilise' };
      case 'invasion':
        if (over || f.invasionLaunched) return null;
        if (!f.chinaMobilised) return { type: 'china.mobilise' };
        if (!ready) return null;
        if (!f.strikesActive) return { type: 'china.missile-strikes' };
        return { type: 'china.amphibious-invasion' };
      default: {
        const never: never = course;
        throw new Error(`unknown chinaCourse ${String(never)}`);
      }
    }
  }
  if (actor === 'russia') {
    const course = s.levers.russiaCourse;
    const op = s.europe.operation;
    switch (course) {
      case 'ai':
      case 'stay-out':
        return null;
      case 'hybrid':
        return op === 'none' ? { type: 'russia.hybrid-eastern-flank' } : null;
      case 'limited-incursion': {
        if (op === 'incursion' || op === 'offensive' || s.flags.europeSettlement) return null;
        const target = sc.roles.incursionTargets.find((r) => s.regions[r]?.owner !== 'russia');
        return target ? { type: 'russia.limited-incursion', target } : null;
      }
      case 'baltic-offensive':
        return op === 'offensive' || s.flags.europeSettlement
          ? null
          : { type: 'russia.baltic-offensive' };
      default: {
        const never: never = course;
        throw new Error(`unknown russiaCourse ${String(never)}`);
      }
    }
  }
  return null;
}

const CHINA_FORCE: readonly OptionId[] = [
  'china.mobilise',
  'china.quarantine',
  'china.blockade',
  'china.missile-strikes',
  'china.amphibious-invasion',
];
const RUSSIA_ATTACK: readonly OptionId[] = ['russia.limited-incursion', 'russia.baltic-offensive'];

/** Whether China's lever-fixed course has been carried out (talks may follow). */
function courseBegun(s: GameState): boolean {
  switch (s.levers.chinaCourse) {
    case 'invasion':
      return s.flags.invasionLaunched;
    case 'blockade':
      return s.flags.blockadeActive;
    case 'quarantine':
      return s.flags.quarantineActive;
    default:
      return true;
  }
}

/**
 * Why a lever forbids an option, or null.
 *
 * @example
 * courseForbids(state, 'russia', 'russia.baltic-offensive') // 'lever russiaCourse=stay-out: ...'
 */
export function courseForbids(s: GameState, actor: ActorId, option: OptionId): string | null {
  if (actor === 'china' && s.levers.chinaCourse !== 'ai') {
    if (s.levers.chinaCourse === 'none' && CHINA_FORCE.includes(option))
      return 'lever chinaCourse=none: China does not use force against Taiwan';
    // The lever fixes the conventional campaign; crossing the nuclear threshold stays China's
    // decision (the CSIS 2024 question is whether a failing invasion tempts it).
    if (OPTION_SPECS[option].slot === 'military' && option !== 'china.nuclear-use')
      return `lever chinaCourse=${s.levers.chinaCourse}: China's military course is fixed`;
    // Nor does China talk its way out of the course before it has taken it: the lever asks what
    // an invasion (a blockade, a quarantine) does, so talks wait until it has begun.
    if ((option === 'china.negotiate' || option === 'china.stand-down') && !courseBegun(s))
      return `lever chinaCourse=${s.levers.chinaCourse}: no talks before the ${s.levers.chinaCourse} has begun`;
  }
  if (actor === 'russia' && s.levers.russiaCourse !== 'ai') {
    if (
      (s.levers.russiaCourse === 'stay-out' || s.levers.russiaCourse === 'hybrid') &&
      RUSSIA_ATTACK.includes(option)
    )
      return `lever russiaCourse=${s.levers.russiaCourse}: Russia does not attack NATO territory`;
    if (
      s.levers.russiaCourse !== 'stay-out' &&
      s.levers.russiaCourse !== 'hybrid' &&
      RUSSIA_ATTACK.includes(option)
    )
      return `lever russiaCourse=${s.levers.russiaCourse}: Russia's attack is fixed by the lever`;
  }
  return null;
}
