import type { ActorId } from '../ids';
import { OPTION_SPECS, type OptionId } from '../options/params';
import type { Decision } from '../state';

/** Which AI plays a seat: the planner (the default) or the earlier one-step AI (for duels). */
export type AiPolicy = 'planner' | 'one-step';
export const AI_POLICIES: readonly AiPolicy[] = ['planner', 'one-step'];

/**
 * One AI decision in numbers, kept even when the log is off, so a batch can say how the AI played:
 * how many key decisions it made, how many of them noise decided, whether any went against the
 * reasons it logged.
 */
export interface AiDecisionRecord {
  readonly actor: ActorId;
  readonly turn: number;
  readonly policy: AiPolicy;
  /** The plan followed and its stage (ids), or null for the one-step AI. */
  readonly plan: string | null;
  readonly stage: string | null;
  /** The plan was (re)chosen this turn. */
  readonly replanned: boolean;
  readonly decisions: readonly Decision[];
  /** Key decisions this turn: slots where the choice made, or the choice without noise, was key. */
  readonly key: number;
  /** Of those, the slots where noise changed the choice. */
  readonly noiseDecided: number;
  /**
   * Choices that went against the actor's own logged reasons: an option taken whose logged utility
   * did not beat doing nothing, or a Russian attack on NATO when its logged second-front calculus
   * advised against. The planner is built so this is 0; the count checks it.
   */
  readonly againstCalculus: number;
}

const KEY_EXTRA: ReadonlySet<OptionId> = new Set<OptionId>([
  'china.ask-russia-second-front',
  'russia.accept-china-request',
  'russia.refuse-china-request',
  'china.negotiate',
  'china.stand-down',
  'usa.negotiate',
  'taiwan.negotiate',
  'russia.propose-ceasefire',
  'russia.offer-terms',
  'nato-europe.negotiate',
  'ukraine.accept-ceasefire',
  'usa.nuclear-signal',
  'china.nuclear-signal',
  'russia.nuclear-signal',
  'nato-europe.invoke-article5',
]);

/**
 * Key decisions: military escalations (every military option that climbs a ladder, nuclear use
 * included), nuclear signals, Article 5, requests and their answers, and settlements. Grey-zone
 * pressure, disinformation and hybrid action climb the ladder too but are not key: they are the
 * everyday instruments of the crisis.
 *
 * @example
 * isKeyOption('russia.limited-incursion') // true
 * isKeyOption('taiwan.appeal') // false
 */
export function isKeyOption(id: OptionId): boolean {
  return KEY.has(id);
}

/** Every key option, computed once (the planner asks for each candidate, every turn). */
const KEY: ReadonlySet<OptionId> = new Set(
  (Object.keys(OPTION_SPECS) as OptionId[]).filter((id) => {
    const spec = OPTION_SPECS[id] as { slot: string; escalation?: unknown };
    return KEY_EXTRA.has(id) || (spec.slot === 'military' && spec.escalation !== undefined);
  }),
);
