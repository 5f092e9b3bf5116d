import { courseForbids, forcedDecision } from './courses';
import { DECISION_SLOTS, type ActorId, type DecisionSlot } from './ids';
import { BEHAVIOURS, optionsOf } from './options';
import type { View } from './options/types';
import { OPTION_SPECS, isOptionId, type OptionId, type OptionSpec } from './options/params';
import type { Scenario } from './scenario/schema';
import type { Decision, GameState } from './state';
import type { Result } from './validation';

/**
 * Checking a seat's decisions: at most one option per slot, each from the actor's own menu, with
 * its target or amount, allowed by the levers and by the option's prerequisites. A bad submission
 * is a typed rejection with a reason and changes nothing.
 */
export interface Rejection {
  readonly actor: ActorId;
  /** Index of the offending decision in the submission, when one is to blame. */
  readonly index: number | null;
  readonly option: string | null;
  readonly reason: string;
}

/**
 * Why this single decision is not legal for `actor` now (ignoring slot clashes), or null.
 *
 * @example
 * whyIllegal(state, scenario, 'usa', { type: 'china.blockade' }) // "... not on usa's menu"
 */
export function whyIllegal(
  s: GameState,
  sc: Scenario,
  actor: ActorId,
  d: Decision,
  forced = false,
  view?: View,
): string | null {
  const spec: OptionSpec = OPTION_SPECS[d.type];
  if (spec.actor !== actor) return `${d.type} is not on ${actor}'s menu`;
  if (spec.needs === 'region' || spec.needs === 'actor') {
    if (typeof d.target !== 'string' || d.target === '') return `${d.type} needs a target`;
  } else if (d.target !== undefined) return `${d.type} takes no target`;
  if (spec.needs === 'amount') {
    if (typeof d.amount !== 'number' || !Number.isFinite(d.amount))
      return `${d.type} needs an amount`;
  } else if (d.amount !== undefined) return `${d.type} takes no amount`;
  if (!forced) {
    const lever = courseForbids(s, actor, d.type);
    if (lever) return lever;
  }
  return BEHAVIOURS[d.type].legal(view ?? { s, sc, actor }, d);
}

/**
 * Validate a whole submission for one seat.
 *
 * @example
 * validateSubmission(state, scenario, 'usa', [{ type: 'usa.reaffirm-article5' }]) // { ok: true, ... }
 */
export function validateSubmission(
  s: GameState,
  sc: Scenario,
  actor: ActorId,
  raw: unknown,
): Result<Decision[], Rejection> {
  const reject = (
    reason: string,
    index: number | null = null,
    option: string | null = null,
  ): Result<Decision[], Rejection> => ({
    ok: false,
    error: { actor, index, option, reason },
  });
  if (!Array.isArray(raw)) return reject('decisions must be a list');
  if (raw.length > DECISION_SLOTS.length)
    return reject(`at most ${DECISION_SLOTS.length} decisions a turn (one per slot)`);
  const forced = forcedDecision(s, sc, actor);
  const used = new Set<DecisionSlot>(forced ? [OPTION_SPECS[forced.type].slot] : []);
  const out: Decision[] = [];
  for (let i = 0; i < raw.length; i++) {
    const d = raw[i] as unknown;
    if (d === null || typeof d !== 'object') return reject('each decision must be an object', i);
    const { type, target, amount, ...rest } = d as Record<string, unknown>;
    if (Object.keys(rest).length > 0) return reject(`unknown field ${Object.keys(rest)[0]}`, i);
    if (typeof type !== 'string' || !isOptionId(type))
      return reject(`unknown option ${JSON.stringify(type)}`, i);
    const decision: Decision = {
      type,
      ...(target !== undefined ? { target: target as string } : {}),
      ...(amount !== undefined ? { amount: amount as number } : {}),
    };
    const slot = OPTION_SPECS[type].slot;
    if (used.has(slot))
      return reject(
        forced && OPTION_SPECS[forced.type].slot === slot
          ? `the ${slot} slot is fixed by a lever this turn`
          : `two decisions in the ${slot} slot`,
        i,
        type,
      );
    const why = whyIllegal(s, sc, actor, decision);
    if (why) return reject(why, i, type);
    used.add(slot);
    out.push(decision);
  }
  return { ok: true, value: out };
}

export interface MenuItem {
  readonly option: OptionId;
  readonly slot: DecisionSlot;
  readonly label: string;
  readonly summary: string;
  readonly cost: { readonly support: number; readonly economic: number };
  readonly needs: 'region' | 'actor' | 'amount' | null;
  /** Targets the option can take now, when it needs one. */
  readonly targets: readonly string[];
  /** Null when legal; otherwise why not. */
  readonly illegal: string | null;
}

/**
 * An actor's whole menu with what is legal now and why not, for a decision panel.
 *
 * @example
 * const legal = menu(state, scenario, 'china').filter((m) => m.illegal === null);
 */
export function menu(s: GameState, sc: Scenario, actor: ActorId): MenuItem[] {
  return optionsOf(actor).map((option) => {
    const spec: OptionSpec = OPTION_SPECS[option];
    const b = BEHAVIOURS[option];
    const v = { s, sc, actor };
    const targets = b.targets ? b.targets(v) : [];
    // An option with targets is legal when any target is; only the legal targets are offered.
    let reason: string | null;
    let legalTargets: string[] = targets;
    if (spec.needs === 'amount')
      reason = whyIllegal(s, sc, actor, { type: option, amount: s.tracks.usPacificTarget });
    else if (spec.needs) {
      const why = targets.map((target) => whyIllegal(s, sc, actor, { type: option, target }));
      legalTargets = targets.filter((_, i) => why[i] === null);
      reason =
        targets.length === 0 ? 'no valid target now' : legalTargets.length > 0 ? null : why[0]!;
    } else reason = whyIllegal(s, sc, actor, { type: option });
    const def = sc.options[option];
    return {
      option,
      slot: spec.slot,
      label: def.label,
      summary: def.summary,
      cost: def.cost,
      needs: spec.needs ?? null,
      targets: legalTargets,
      illegal: reason,
    };
  });
}
