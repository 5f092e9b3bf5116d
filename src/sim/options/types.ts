import type { Ctx } from '../context';
import type { ActorId } from '../ids';
import type { UtilityTerms } from '../log';
import type { Scenario } from '../scenario/schema';
import type { Decision, GameState } from '../state';
import type { OptionId } from './params';

/** What an option's rules can read: the state, the scenario and the acting actor. */
export interface View {
  readonly s: GameState;
  readonly sc: Scenario;
  readonly actor: ActorId;
  /** Per-decision scratch space: the AI evaluates many options against one state. */
  readonly memo?: Record<string, unknown>;
}

/**
 * Compute once per view (the state does not change while an actor weighs its options).
 *
 * @example
 * const control = memo(v, 'air-sea', () => indoPacificAirSea(v.s, v.sc)).control;
 */
export function memo<T>(v: View, key: string, fn: () => T): T {
  if (!v.memo) return fn();
  const hit = v.memo[key];
  if (hit !== undefined) return hit as T;
  const value = fn();
  v.memo[key] = value;
  return value;
}

/**
 * An option's behaviour. `legal` returns null or the reason it cannot be taken; `assess` gives the
 * AI the raw terms of its utility (before doctrine weights); `apply` changes the state and logs.
 */
export interface OptionBehaviour {
  legal(v: View, d: Decision): string | null;
  assess(v: View, d: Decision): UtilityTerms;
  apply(ctx: Ctx, d: Decision): void;
  /** Candidate targets (region or actor ids) the AI considers, for options that need one. */
  targets?(v: View): string[];
  /** Candidate amounts the AI considers, for options that need one. */
  amounts?(v: View): number[];
  /**
   * Who alone learns of the order, for one that not everyone sees (fog of war); absent or null:
   * everyone does. Asked before the order takes effect, so its decision entry and everything it
   * causes are logged for them and control alone (`Ctx.secretly`). It reads, never changes, the
   * state.
   */
  secretTo?(ctx: Ctx, d: Decision): readonly ActorId[] | null;
}

export type Behaviours = { readonly [K in OptionId]: OptionBehaviour };

/**
 * A numeric parameter of an option, from the scenario.
 *
 * @example
 * param(scenario, 'usa.allocate-forces', 'maxShiftPerTurn') // throws if the scenario lacks it
 */
export function param(sc: Scenario, id: OptionId, name: string): number {
  const v = sc.options[id].params[name];
  if (v === undefined) throw new Error(`scenario option ${id} lacks parameter ${name}`);
  return v;
}

/**
 * Full utility terms from the few an option cares about, the rest zero, so each `assess` names
 * only what matters to it.
 *
 * @example
 * terms({ gain: 8, risk: -6, ...costTerms(v.sc, 'china.quarantine') }) // alliance: 0
 */
export function terms(t: Partial<UtilityTerms>): UtilityTerms {
  return {
    gain: t.gain ?? 0,
    risk: t.risk ?? 0,
    cost: t.cost ?? 0,
    alliance: t.alliance ?? 0,
    domestic: t.domestic ?? 0,
  };
}

/**
 * The standard cost terms of an option from its scenario costs, each times its weight in
 * `rules.aiShared`.
 *
 * @example
 * terms({ gain: 10, ...costTerms(v.sc, 'china.blockade') }) // cost and domestic both negative
 */
export function costTerms(sc: Scenario, id: OptionId): Pick<UtilityTerms, 'cost' | 'domestic'> {
  const c = sc.options[id].cost;
  const w = sc.rules.aiShared;
  return { cost: -c.economic * w.economicCostWeight, domestic: -c.support * w.supportCostWeight };
}

/**
 * Whether China is using force against Taiwan in any form.
 *
 * @example
 * !chinaCampaignActive(v.s) ? 'only once China is using force against Taiwan' : null
 */
export function chinaCampaignActive(s: GameState): boolean {
  return (
    s.flags.blockadeActive ||
    s.flags.quarantineActive ||
    s.flags.strikesActive ||
    // An invasion ordered in the turn a settlement took effect never sailed: once settled, the
    // flag is history, not a campaign.
    (s.flags.invasionLaunched && s.taiwan.phase !== 'settled')
  );
}
