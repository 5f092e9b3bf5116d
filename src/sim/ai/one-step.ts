import { phaseWindow } from '../context';
import { courseForbids, forcedDecision } from '../courses';
import { DECISION_SLOTS, type ActorId, type DecisionSlot } from '../ids';
import type { LogEntry, ScoredOption, UtilityTerms } from '../log';
import { BEHAVIOURS, optionsOf } from '../options';
import { OPTION_IDS, OPTION_SPECS, type OptionId } from '../options/params';

const OPTION_INDEX = Object.fromEntries(OPTION_IDS.map((id, i) => [id, i])) as Record<
  OptionId,
  number
>;
import { stream } from '../random';
import type { Scenario } from '../scenario/schema';
import type { Decision, GameState, PlanMemory } from '../state';
import type { AiDecisionRecord } from './record';

/**
 * The AI: every actor chooses from the same menu a person sees. Each legal option gets raw utility
 * terms from its rules (gain, risk, cost, alliance, domestic); the scenario's doctrine weights them,
 * the actor's risk tolerance scales the risk term, and seeded noise breaks ties and adds
 * personality. In each slot the best option is taken if it beats doing nothing (utility 0). The
 * top options and their terms are logged so "why did Russia do that?" has an answer in numbers.
 */
export interface AiChoice {
  readonly decisions: Decision[];
  /** The logged explanation, or null when `explain` was off (batches). */
  readonly reasoning: LogEntry | null;
  /** The plan to keep for the next turn (undefined: the policy keeps none). */
  readonly plan?: PlanMemory | null;
  /** What the decision was, for the batch's `ai` figures. */
  readonly record?: AiDecisionRecord;
}

export const TERM_NAMES = ['gain', 'risk', 'cost', 'alliance', 'domestic'] as const;

/** A uniform draw 0..9999 scaled to -m..m (integer arithmetic). */
export function scaleNoise(u: number, m: number): number {
  return m > 0 ? -m + Math.floor((u * (2 * m + 1)) / 10000) : 0;
}

export interface NoiseDraws {
  readonly temperament: readonly number[];
  readonly turnWobble: readonly number[];
}

// Noise is a pure function of the seed (temperament) and of the seed and turn (wobble): one entry
// each is enough, since every actor of a turn asks in a row (a game at a time per thread).
let temperamentSeed: string | null = null;
let temperamentDraws: readonly number[] = [];
let wobbleSeed: string | null = null;
let wobbleTurn = -1;
let wobbleDraws: NoiseDraws = { temperament: [], turnWobble: [] };

/** The first `count` draws of `int(0, 9999)` from a named stream. */
function drawList(seed: string, turn: number, purpose: string, count: number): number[] {
  const r = stream(seed, turn, purpose);
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = r.int(0, 9999);
  return out;
}

/** The turn's noise draws, shared by every actor deciding in the same turn of the same game. */
export function noiseDraws(s: GameState): NoiseDraws {
  if (s.seed === wobbleSeed && s.turn === wobbleTurn) return wobbleDraws;
  if (s.seed !== temperamentSeed) {
    temperamentDraws = drawList(s.seed, 0, 'ai-temperament', OPTION_IDS.length);
    temperamentSeed = s.seed;
  }
  wobbleDraws = {
    temperament: temperamentDraws,
    turnWobble: drawList(s.seed, s.turn, 'ai-wobble', OPTION_IDS.length),
  };
  wobbleSeed = s.seed;
  wobbleTurn = s.turn;
  return wobbleDraws;
}

/** Options that take no target or amount are the same decision every time: build them once. */
/** One menu entry with everything the AI loop needs, resolved once (no keyed lookups per turn). */
export interface MenuEntry {
  readonly id: OptionId;
  readonly behaviour: (typeof BEHAVIOURS)[OptionId];
  readonly slot: DecisionSlot;
  /** The slot's place in DECISION_SLOTS (the order decisions are listed in). */
  readonly slotIndex: number;
  readonly index: number;
  readonly needs: 'region' | 'actor' | 'amount' | null;
  /** The decision itself, for options that take no target or amount (the same every time). */
  readonly plain: Decision;
  /** `[plain]`, built once. */
  readonly plainList: readonly Decision[];
}

const MENU_ENTRIES = new Map<string, readonly MenuEntry[]>();

export function menuEntries(actor: ActorId): readonly MenuEntry[] {
  let entries = MENU_ENTRIES.get(actor);
  if (!entries) {
    entries = optionsOf(actor).map((id) => {
      const plain: Decision = { type: id };
      return {
        id,
        behaviour: BEHAVIOURS[id],
        slot: OPTION_SPECS[id].slot,
        slotIndex: DECISION_SLOTS.indexOf(OPTION_SPECS[id].slot),
        index: OPTION_INDEX[id],
        needs: (OPTION_SPECS[id] as { needs?: MenuEntry['needs'] }).needs ?? null,
        plain,
        plainList: [plain],
      };
    });
    MENU_ENTRIES.set(actor, entries);
  }
  return entries;
}

/**
 * Weight raw terms by doctrine and traits. Integer arithmetic.
 *
 * @example
 * const weighted = weigh(scenario, 'russia', raw); // doctrine-scaled, risk damped by riskTolerance
 */
export function weigh(sc: Scenario, actor: ActorId, raw: UtilityTerms): UtilityTerms {
  const d = sc.actors[actor].doctrine;
  const riskScale = 150 - sc.actors[actor].traits.riskTolerance;
  return {
    gain: Math.trunc((raw.gain * d.gain) / 100),
    risk: Math.trunc((Math.trunc((raw.risk * d.risk) / 100) * riskScale) / 100),
    cost: Math.trunc((raw.cost * d.cost) / 100),
    alliance: Math.trunc((raw.alliance * d.alliance) / 100),
    domestic: Math.trunc((raw.domestic * d.domestic) / 100),
  };
}

/**
 * A decision as the log names it: the option, its target after an arrow, its number after `=`.
 *
 * @example
 * decisionLabel({ type: 'usa.sanctions', target: 'china' }) // 'usa.sanctions→china'
 * decisionLabel({ type: 'usa.allocate-forces', amount: 48 }) // 'usa.allocate-forces=48'
 */
export function decisionLabel(d: {
  readonly type: string;
  readonly target?: string | undefined;
  readonly amount?: number | undefined;
}): string {
  return `${d.type}${d.target ? `→${d.target}` : ''}${d.amount !== undefined ? `=${d.amount}` : ''}`;
}

export function describe(o: ScoredOption): string {
  const parts = TERM_NAMES.filter((t) => o.weighted[t] !== 0).map(
    (t) => `${t} ${o.weighted[t] > 0 ? '+' : ''}${o.weighted[t]}`,
  );
  if (o.repeatLoss) parts.push(`−${o.repeatLoss} for repeats`);
  if (o.plan) parts.push(`plan +${o.plan}`);
  if (o.noise !== 0) parts.push(`noise ${o.noise > 0 ? '+' : ''}${o.noise}`);
  if (o.noiseSetAside)
    parts.push(`noise ${o.noiseSetAside > 0 ? '+' : ''}${o.noiseSetAside} set aside`);
  const what = decisionLabel({ type: o.option, target: o.target, amount: o.amount });
  return `${what} ${o.utility} (${parts.join(', ') || 'nothing at stake'})`;
}

/**
 * Choose an AI actor's decisions for this turn.
 *
 * @example
 * const { decisions, reasoning } = decideAI(state, scenario, 'russia');
 */
export function decideOneStep(
  s: GameState,
  sc: Scenario,
  actor: ActorId,
  explain = true,
): AiChoice {
  const forced = forcedDecision(s, sc, actor);
  const fixedSlot: DecisionSlot | null = forced ? OPTION_SPECS[forced.type].slot : null;
  // Noise has two parts: a temperament drawn once per game for each option (so an actor is
  // consistently bolder or warier about a course, instead of rerolling its nerve every turn) and
  // a smaller turn-to-turn wobble. Both come from one stream each, drawn once per option in
  // catalog order, legal or not: no actor's choices can shift another's noise. The `aiNoise`
  // lever scales it as it scales the planner's (0: the best choice it sees, always), so a duel's
  // arms and the background actors play at the noise the lever says.
  const noiseMax = Math.trunc((sc.actors[actor].doctrine.noise * s.levers.aiNoise) / 100);
  const wobble = Math.trunc(noiseMax / 3);
  const { temperament, turnWobble } = noiseDraws(s);
  const scored: (ScoredOption & { decision: Decision })[] = [];
  // The best option of each slot so far (the first of the highest utility, in menu order), kept
  // as the options are scored: a batch (no explanation) needs nothing else, so it builds no
  // scored list and no term records.
  const bestDecision: (Decision | null)[] = [null, null, null, null];
  const bestUtility = [0, 0, 0, 0];
  const doctrine = sc.actors[actor].doctrine;
  const riskScale = 150 - sc.actors[actor].traits.riskTolerance;
  const view = { s, sc, actor, memo: {} as Record<string, unknown> };
  for (const e of menuEntries(actor)) {
    if (e.slot === fixedSlot) continue;
    // Candidates are built well-formed from the menu, so only the rules need checking.
    if (courseForbids(s, actor, e.id) !== null) continue;
    const variants: readonly Decision[] =
      e.needs === 'amount'
        ? (e.behaviour.amounts?.(view) ?? []).map((amount) => ({ type: e.id, amount }))
        : e.needs
          ? (e.behaviour.targets?.(view) ?? []).map((target) => ({ type: e.id, target }))
          : e.plainList;
    let noise = 0;
    let noiseDrawn = false;
    for (const d of variants) {
      if (e.behaviour.legal(view, d) !== null) continue;
      if (!noiseDrawn) {
        noise =
          scaleNoise(temperament[e.index]!, noiseMax) + scaleNoise(turnWobble[e.index]!, wobble);
        noiseDrawn = true;
      }
      const assessed = e.behaviour.assess(view, d);
      // `weigh` term by term, summed without building its record (the explanation builds it).
      const utility =
        noise +
        Math.trunc((Math.trunc(assessed.gain) * doctrine.gain) / 100) +
        Math.trunc(
          (Math.trunc((Math.trunc(assessed.risk) * doctrine.risk) / 100) * riskScale) / 100,
        ) +
        Math.trunc((Math.trunc(assessed.cost) * doctrine.cost) / 100) +
        Math.trunc((Math.trunc(assessed.alliance) * doctrine.alliance) / 100) +
        Math.trunc((Math.trunc(assessed.domestic) * doctrine.domestic) / 100);
      const k = e.slotIndex;
      if (utility > 0 && (bestDecision[k] === null || utility > bestUtility[k]!)) {
        bestDecision[k] = d;
        bestUtility[k] = utility;
      }
      if (!explain) continue;
      const raw: UtilityTerms = {
        gain: Math.trunc(assessed.gain),
        risk: Math.trunc(assessed.risk),
        cost: Math.trunc(assessed.cost),
        alliance: Math.trunc(assessed.alliance),
        domestic: Math.trunc(assessed.domestic),
      };
      scored.push({
        option: e.id,
        slot: e.slot,
        target: d.target,
        ...(d.amount !== undefined ? { amount: d.amount } : {}),
        terms: raw,
        weighted: weigh(sc, actor, raw),
        noise,
        utility,
        decision: d,
      });
    }
  }
  const decisions: Decision[] = [];
  const chosen: OptionId[] = [];
  for (const d of bestDecision)
    if (d) {
      decisions.push(d);
      chosen.push(d.type);
    }
  if (!explain) return { decisions, reasoning: null };
  const ranked = scored.slice().sort((a, b) => b.utility - a.utility);
  const top = ranked
    .slice(0, 6)
    .map(({ decision: _d, target, ...o }): ScoredOption => (target ? { ...o, target } : o));
  const name = sc.actors[actor].name;
  const text =
    (chosen.length
      ? `${name} (AI) chooses ${decisions.map(decisionLabel).join(', ')}`
      : `${name} (AI) holds: no option beats doing nothing`) +
    (forced ? `; ${forced.type} is forced by lever` : '') +
    `. Top options: ${top.map(describe).join('; ') || 'none legal'}.`;
  return {
    decisions,
    reasoning: {
      type: 'ai-reasoning',
      actor,
      considered: top,
      chosen,
      turn: s.turn,
      hour: s.hour + phaseWindow(sc.calendar.turnHours, 'decisions')[0],
      theater: 'global',
      actors: [actor],
      visibleTo: [actor],
      text,
    },
  };
}
