import { phaseWindow } from '../context';
import { courseForbids, forcedDecision } from '../courses';
import { type ActorId, type PlayableActorId, type DecisionSlot, type Flag } from '../ids';
import type { LogEntry, PlanConsidered, ScoredOption, UtilityTerms } from '../log';
import { BEHAVIOURS } from '../options';
import type { View } from '../options/types';
import { OPTION_SPECS, type OptionId } from '../options/params';
import { holds } from '../outcomes';
import { provisionalOutcome, scoreTotal } from '../score';
import { draws } from '../random';
import type { Condition, PlanDef, Scenario } from '../scenario/schema';
import { secondFrontNet } from '../second-front';
import type { Decision, GameState, PlanMemory } from '../state';
import {
  decisionLabel,
  describe,
  menuEntries,
  noiseDraws,
  scaleNoise,
  weigh,
  type AiChoice,
} from './one-step';
import { perceive } from './perceive';
import { isKeyOption, type AiDecisionRecord } from './record';
import {
  THRESHOLD,
  decayed,
  pickSlots,
  type Candidate,
  type Shown,
  type SlotPick,
  type StageInHand,
} from './slots';
import {
  advanceStages,
  firstOpenStage,
  situation,
  situationChanges,
  stepText,
  type StageStep,
} from './stages';

/**
 * The planning AI. Each actor follows a course of action from the scenario's `aiPlans` (China:
 * coerce, strangle, blockade then invade...; Russia: stay out, hybrid pressure, a second front),
 * and makes one decision a turn across its four slots that serves it.
 *
 * - **Plans.** A plan is a list of stages, each pursuing some options until a condition holds. The
 *   actor values every plan by looking ahead through its stages: each stage is worth the best of
 *   its options, assessed by the options' own rules on the state as it would stand once the
 *   earlier stages are done (their `until` flags set), discounted by
 *   `rules.aiPlanner.stageDiscountPct` a stage, over `horizonStages` stages. A stage gives way when
 *   it is done, when it has run `stageMaxTurns` turns, or when the next stage's premise holds, and
 *   never by a timer into a stage whose premise does not (src/sim/ai/stages.ts). It keeps its plan,
 *   with a `hysteresis` bonus, until the situation changes (a rung climbed, a war begun or
 *   ended, a key event), the plan is done or blocked, or `replanEveryTurns` have passed.
 * - **One decision.** Options of the current stage get the `commitment` bonus; options of later
 *   stages wait; options the plan forbids are out; the rest compete on their own worth. Options
 *   that contradict each other (refusing China while attacking NATO, talks while escalating)
 *   are never taken together: the weaker gives way.
 * - **Acts on what it logs.** Every number that decides is in the log entry: the terms, the plan
 *   bonus, the repeat discount and the noise. Russia attacks NATO, or agrees to, only when the
 *   second-front calculus it logs (on what it knows) is positive.
 * - **Bounded noise.** The `aiNoise` lever scales each actor's doctrine noise (0: none). Noise
 *   colours everyday options only, with one exception: the nuclear threshold, where a per-game
 *   draw of the leadership's temperament (`rules.aiPlanner.thresholdNoise`, scaled by `aiNoise`)
 *   may tip a close call, as the published games' teams did. A slot where a key option is in
 *   contention (or an option that contradicts one) is decided without noise, and a plan noise
 *   chose is kept only while it agrees with the plan merit chose (`PlanMemory.rival`) on every
 *   key decision of the turn: where they part, merit chooses. The record's `noiseDecided`
 *   counts the key decisions that differ from merit's: its plan, no noise.
 * - **No degenerate play.** What an option offers (its gain, alliance and domestic terms, where
 *   positive) loses `repeatDecayPct` percent for each time the actor has taken it; ties are
 *   broken by the lower escalation, then by a seeded draw; the AI never uses an option to undo a
 *   lever the user set.
 * - **Perception.** The actor decides on `perceive(...)`: estimates of the other side, no secrets.
 * - **Doctrine shows.** When a trait decided the plan, the log names it.
 */

const RUSSIAN_ATTACKS: ReadonlySet<OptionId> = new Set<OptionId>([
  'russia.limited-incursion',
  'russia.baltic-offensive',
  'russia.accept-china-request',
]);

/**
 * Why the AI leaves an option alone because a lever the user set already decides what it would
 * change, or null. The Article 5 credibility and NATO spending levers set those tracks: the AI
 * may restore them to the level set, never push past it.
 *
 * @example
 * leverHolds(state, 'usa.reaffirm-article5') // 'lever article5Credibility=0.6 ...' at 60
 */
export function leverHolds(s: GameState, option: OptionId): string | null {
  if (option === 'usa.reaffirm-article5') {
    const set = Math.round(s.levers.article5Credibility * 100);
    if (s.tracks.article5Credibility >= set)
      return `lever article5Credibility=${s.levers.article5Credibility} sets credibility at ${set}; the AI restores it, never raises it past the lever`;
  }
  if (option === 'nato-europe.raise-spending') {
    const set = Math.round(s.levers.natoSpendingPctGdp * 100);
    if (s.blocs.nato.spendingBp >= set)
      return `lever natoSpendingPctGdp=${s.levers.natoSpendingPctGdp} sets spending; the AI does not raise it past the lever`;
  }
  return null;
}

/**
 * The weighted terms of one assessed option, with the repeat discount: what an option offers
 * (its positive gain, alliance and domestic terms) shrinks each time the actor has taken it
 * before; its risks and costs do not. The discount shows in the log as the worth lost to repeats.
 */
function weighTerms(
  sc: Scenario,
  actor: ActorId,
  raw: UtilityTerms,
  repeats: number,
): { weighted: UtilityTerms; loss: number; sum: number } {
  const w0 = weigh(sc, actor, raw);
  if (repeats > 0) {
    // Staying out pleases the public the first time more than the twentieth.
    const pct = sc.rules.aiPlanner.repeatDecayPct;
    const gain = w0.gain > 0 ? decayed(w0.gain, repeats, pct) : w0.gain;
    const alliance = w0.alliance > 0 ? decayed(w0.alliance, repeats, pct) : w0.alliance;
    const domestic = w0.domestic > 0 ? decayed(w0.domestic, repeats, pct) : w0.domestic;
    const loss = w0.gain - gain + (w0.alliance - alliance) + (w0.domestic - domestic);
    w0.gain = gain;
    w0.alliance = alliance;
    w0.domestic = domestic;
    return { weighted: w0, loss, sum: gain + w0.risk + w0.cost + alliance + domestic };
  }
  return { weighted: w0, loss: 0, sum: w0.gain + w0.risk + w0.cost + w0.alliance + w0.domestic };
}

/** The plan-independent part of a decision: every legal candidate, scored once. */
interface Assessment {
  readonly candidates: readonly Candidate[];
  /** Options that were legal but the AI leaves alone, with the reason (the log shows them). */
  readonly heldBack: readonly { option: OptionId; why: string }[];
  /** Russia's second-front calculus net on what it knows (null for other actors). */
  readonly calculusNet: number | null;
  /**
   * Outcome scores of the worlds the plans project, by the conditions assumed on what the actor
   * knows (plans share stages, so each world is scored once a decision).
   */
  readonly projected: Map<string, { score: number; rule: string }>;
  /** The worlds themselves, by the same keys, made when first needed ('' is what it sees). */
  readonly worlds: Map<string, GameState>;
  /** The worth of a later stage's option on a projected world, by the flags assumed and option. */
  readonly laterWorth: Map<string, number>;
  /** The turn's picks under a plan's stage, with or without noise, by plan, stage and noise. */
  readonly picks: Map<string, (SlotPick | null)[]>;
}

/** The turn's picks under `plan` (no log): each plan, stage and noise setting decided once. */
function picksUnder(
  now: Assessment,
  r: Scenario['rules']['aiPlanner'],
  plan: StageInHand | null,
  withNoise: boolean,
): (SlotPick | null)[] {
  const k = plan ? `${plan.plan.id}:${plan.start}:${withNoise ? 1 : 0}` : `:${withNoise ? 1 : 0}`;
  let p = now.picks.get(k);
  if (!p) {
    p = pickSlots(now.candidates, plan, r.commitment, r.repeatDecayPct, withNoise).picks;
    now.picks.set(k, p);
  }
  return p;
}

function assessAll(
  s: GameState,
  seen: GameState,
  sc: Scenario,
  actor: ActorId,
  noiseMax: number,
  fixedSlot: DecisionSlot | null,
): Assessment {
  const { temperament, turnWobble } = noiseDraws(s);
  const wobble = Math.trunc(noiseMax / 3);
  // The threshold's temperament is the leadership's, drawn once a game: no turn-to-turn wobble.
  const thresholdMax = Math.trunc((sc.rules.aiPlanner.thresholdNoise * s.levers.aiNoise) / 100);
  const legalView: View = { s, sc, actor, memo: {} };
  const view: View = { s: seen, sc, actor, memo: {} };
  const candidates: Candidate[] = [];
  const heldBack: { option: OptionId; why: string }[] = [];
  const calculusNet = actor === 'russia' ? secondFrontNet(seen, sc).net : null;
  const taken = s.actors[actor].taken;
  for (const e of menuEntries(actor)) {
    if (e.slot === fixedSlot) continue;
    if (courseForbids(s, actor, e.id) !== null) continue;
    const variants: readonly Decision[] =
      e.needs === 'amount'
        ? (e.behaviour.amounts?.(legalView) ?? []).map((amount) => ({ type: e.id, amount }))
        : e.needs
          ? (e.behaviour.targets?.(legalView) ?? []).map((target) => ({ type: e.id, target }))
          : e.plainList;
    // Noise colours the everyday options; key decisions follow the plan and their own terms (the
    // plan's choice carries the actor's temperament), so chance seldom decides them.
    const noise = THRESHOLD.has(e.id)
      ? scaleNoise(temperament[e.index]!, thresholdMax)
      : noiseMax > 0 && !isKeyOption(e.id)
        ? scaleNoise(temperament[e.index]!, noiseMax) + scaleNoise(turnWobble[e.index]!, wobble)
        : 0;
    const rung = (OPTION_SPECS[e.id] as { escalation?: { floor: number } }).escalation?.floor ?? 0;
    let vi = 0;
    for (const d of variants) {
      vi++;
      if (e.behaviour.legal(legalView, d) !== null) continue;
      const held = leverHolds(s, e.id);
      if (held) {
        heldBack.push({ option: e.id, why: held });
        continue;
      }
      if (calculusNet !== null && calculusNet <= 0 && RUSSIAN_ATTACKS.has(e.id)) {
        heldBack.push({
          option: e.id,
          why: `the second-front calculus advises against (net ${calculusNet})`,
        });
        continue;
      }
      const a = e.behaviour.assess(view, d);
      const raw: UtilityTerms = {
        gain: Math.trunc(a.gain),
        risk: Math.trunc(a.risk),
        cost: Math.trunc(a.cost),
        alliance: Math.trunc(a.alliance),
        domestic: Math.trunc(a.domestic),
      };
      const repeats = taken[e.id] ?? 0;
      const w = weighTerms(sc, actor, raw, repeats);
      candidates.push({
        e,
        d,
        raw,
        weighted: w.weighted,
        repeatLoss: w.loss,
        repeats,
        noise,
        base: w.sum + noise,
        baseNoNoise: w.sum,
        tie: (turnWobble[e.index]! * 7 + vi * 7919) % 10007,
        rung,
      });
    }
  }
  return {
    candidates,
    heldBack,
    calculusNet,
    projected: new Map(),
    worlds: new Map([['', seen]]),
    laterWorth: new Map(),
    picks: new Map(),
  };
}

const CONDITION_KEYS = new WeakMap<Condition, string>();

/** A condition as a string (for the projection memo), computed once per scenario object. */
function conditionKey(c: Condition | undefined): string {
  if (!c) return '';
  let k = CONDITION_KEYS.get(c);
  if (k === undefined) {
    k = JSON.stringify(c);
    CONDITION_KEYS.set(c, k);
  }
  return k;
}

/** Flags an `until` condition sets when it holds (for projecting the state past a stage). */
function untilFlags(c: Condition | undefined, out: Flag[]): void {
  if (!c) return;
  if ('flag' in c) {
    if (c.is !== false) out.push(c.flag);
  } else if ('all' in c) for (const x of c.all) untilFlags(x, out);
}

const PROJECTED = new WeakMap<PlanDef, Map<number, { flags: readonly Flag[]; key: string }>>();

/**
 * The flags the stages of `plan` from `from` up to `k` set when done, sorted, and joined as a memo
 * key; made once per scenario object.
 */
function projectedFlags(
  plan: PlanDef,
  from: number,
  k: number,
): { flags: readonly Flag[]; key: string } {
  let m = PROJECTED.get(plan);
  if (!m) {
    m = new Map();
    PROJECTED.set(plan, m);
  }
  const at = from * 64 + k;
  let v = m.get(at);
  if (!v) {
    const flags: Flag[] = [];
    for (let j = from; j < k; j++) untilFlags(plan.stages[j]!.until, flags);
    const sorted = [...new Set(flags)].sort();
    v = { flags: sorted, key: sorted.join(',') };
    m.set(at, v);
  }
  return v;
}

/** The state as the actor pictures it with `flags` set (the stages that set them done). */
function withFlags(seen: GameState, flags: readonly Flag[]): GameState {
  if (flags.length === 0) return seen;
  const f = { ...seen.flags };
  for (const x of flags) f[x] = true;
  return { ...seen, flags: f };
}

/**
 * The world past a stage, as the actor pictures it: what the stage's `until` says holds is made
 * to hold on a copy (flags set, tracks at their bound, the war in the status named). Parts not
 * named are shared with `s`: read the result, never write it.
 */
function assume(s: GameState, c: Condition | undefined): GameState {
  if (!c) return s;
  if ('all' in c) {
    let out = s;
    for (const x of c.all) out = assume(out, x);
    return out;
  }
  if ('flag' in c) {
    if (s.flags[c.flag] === (c.is ?? true)) return s;
    return { ...s, flags: { ...s.flags, [c.flag]: c.is ?? true } };
  }
  if ('track' in c) {
    const [head, sub] = c.track.split('.') as [string, string | undefined];
    const bound = c.lte ?? c.gte;
    if (bound === undefined) return s;
    const tracks = { ...s.tracks } as Record<string, unknown>;
    if (sub) tracks[head] = { ...(tracks[head] as Record<string, number>), [sub]: bound };
    else tracks[head] = bound;
    return { ...s, tracks: tracks as unknown as GameState['tracks'] };
  }
  if ('war' in c) {
    const status = c.is[0]!;
    const w = s.wars[c.war];
    const foughtTurn = status === 'war' && w.foughtTurn === 0 ? s.turn : w.foughtTurn;
    const wars = { ...s.wars, [c.war]: { ...w, status, foughtTurn } };
    if (status !== 'settled') return { ...s, wars };
    // A settlement ends what the theater's campaigns had set going (src/sim/wars.ts `settle`).
    const flags = { ...s.flags };
    if (c.war === 'indoPacific') {
      flags.indoPacificSettlement = true;
      flags.blockadeActive = false;
      flags.quarantineActive = false;
      flags.strikesActive = false;
    } else flags.europeSettlement = true;
    return { ...s, wars, flags };
  }
  return s;
}

/**
 * What a stage sets in motion whether or not it succeeds: the flags of an `all` that also asks
 * for more (a track's level or a war's status). A lone condition is the aim itself.
 */
function setInMotion(c: Condition): Condition | undefined {
  if (!('all' in c)) return undefined;
  const flags = c.all.filter((x) => 'flag' in x);
  return flags.length && flags.length < c.all.length ? { all: flags } : undefined;
}

/**
 * The actor's score (its objectives in the scenario: the outcome rule that would fire, support,
 * cost and its goals) if the game ended in state `s`.
 */
function outcomeScore(s: GameState, sc: Scenario, actor: ActorId): { score: number; rule: string } {
  const rule = provisionalOutcome(s, sc);
  return { score: scoreTotal(s, sc, actor as PlayableActorId, rule), rule: rule?.id ?? 'none' };
}

/**
 * The stage cannot go ahead now: for Russia, it attacks NATO while the second-front calculus says
 * no; for anyone, its key options (or, when it has none, all its options) are barred by levers.
 */
function barred(s: GameState, actor: ActorId, take: readonly string[], now: Assessment): boolean {
  const ids = take as readonly OptionId[];
  // Russia's calculus bars the stage that attacks, whatever else the stage does.
  if (actor === 'russia' && now.calculusNet !== null && now.calculusNet <= 0)
    if (ids.some((id) => RUSSIAN_ATTACKS.has(id))) return true;
  const key = ids.filter(isKeyOption);
  for (const id of key.length ? key : ids)
    if (courseForbids(s, actor, id) === null && !leverHolds(s, id)) return false;
  return true;
}

/** The actor's estimate that a stage's `until` comes to hold, in percent. */
function stageOdds(seen: GameState, st: PlanDef['stages'][number]): number {
  if (!st.odds) return 100;
  for (const o of st.odds) if (!o.when || holds(seen, o.when)) return o.pct;
  return 100;
}

/**
 * Where a plan leads, valued by the scenario's outcome scores: stage by stage from `start`, the
 * stage's `until` holds with its odds (and the plan goes on) or fails (and the game ends as the
 * world stood before it). Returns the expected score and the outcome the plan aims at.
 */
function expectedOutcome(
  s: GameState,
  seen: GameState,
  sc: Scenario,
  actor: ActorId,
  plan: PlanDef,
  start: number,
  now: Assessment,
): { ev: number; aim: string; odds: number } {
  // Plans share stages, so the worlds past them (and their scores) are made once a decision,
  // each from the world before it, and only when a score needs them (`projectedScore`).
  // Walk the chain once: the chance of getting this far, and the value of failing at each stage.
  let key = '';
  let reach = 100;
  let ev = 0;
  let aim = projectedScore(now, sc, actor, key, '', undefined);
  for (let k = start; k < plan.stages.length; k++) {
    const st = plan.stages[k]!;
    if (!st.until) break;
    // A stage whose every option is barred now (by a lever, or for Russia by its calculus)
    // cannot succeed from here.
    const p = barred(s, actor, st.take, now) ? 0 : stageOdds(seen, st);
    // A stage that fails leaves what it set in motion (its flags) without what it aimed at (a
    // track's level, a war's end, a further flag): a blockade that does not bite is still on.
    const motion = setInMotion(st.until);
    const here = key;
    const failedKey = `${here}|~${conditionKey(motion)}`;
    const failed = projectedScore(now, sc, actor, failedKey, here, motion);
    ev += Math.trunc((reach * (100 - p) * failed.score) / 10000);
    reach = Math.trunc((reach * p) / 100);
    key = `${here}|${conditionKey(st.until)}`;
    aim = projectedScore(now, sc, actor, key, here, st.until);
  }
  ev += Math.trunc((reach * aim.score) / 100);
  return { ev, aim: aim.rule, odds: reach };
}

/**
 * The actor's score in the world `k`: the world `from` with condition `c` made to hold (the world
 * it sees for the key ''), each world and score made once a decision.
 */
function projectedScore(
  now: Assessment,
  sc: Scenario,
  actor: ActorId,
  k: string,
  from: string,
  c: Condition | undefined,
): { score: number; rule: string } {
  let v = now.projected.get(k);
  if (!v) {
    let w = now.worlds.get(k);
    if (!w) {
      w = assume(now.worlds.get(from)!, c);
      now.worlds.set(k, w);
    }
    v = outcomeScore(w, sc, actor);
    now.projected.set(k, v);
  }
  return v;
}

/** How a plan was valued: each stage's best option and its discounted worth. */
interface PlanValue {
  readonly plan: PlanDef;
  readonly index: number;
  readonly start: number;
  readonly stages: readonly { stage: string; option: OptionId | null; worth: number }[];
  readonly noise: number;
  readonly hysteresis: number;
  /** Where the plan leads: the expected outcome score, its weight applied, and the aim. */
  readonly outcome: number;
  readonly aim: string;
  readonly odds: number;
  readonly value: number;
  /**
   * The value on merit: no noise, and the hysteresis bonus for the plan merit holds (the plan in
   * hand, or the one merit chose when noise chose the plan in hand: `PlanMemory.rival`).
   */
  readonly meritHysteresis: number;
  readonly valueNoNoise: number;
}

/** A plan valued as merit values it (no noise, merit's hysteresis): what the log shows then. */
function meritForm(v: PlanValue): PlanValue {
  return { ...v, noise: 0, hysteresis: v.meritHysteresis, value: v.valueNoNoise };
}

function valuePlan(
  s: GameState,
  seen: GameState,
  sc: Scenario,
  actor: ActorId,
  plan: PlanDef,
  index: number,
  start: number,
  now: Assessment,
  noise: number,
  hysteresis: number,
  meritHysteresis: number,
): PlanValue {
  const r = sc.rules.aiPlanner;
  const stages: { stage: string; option: OptionId | null; worth: number }[] = [];
  let total = 0;
  let disc = 100;
  const last = Math.min(plan.stages.length, start + r.horizonStages);
  for (let k = start; k < last; k++) {
    const st = plan.stages[k]!;
    let best: number | null = null;
    let bestOption: OptionId | null = null;
    if (k === start) {
      // The stage it would act on now: its options as they stand (legal, within the levers),
      // worth the best of them on its own terms (ties: the lower rung, then a seeded draw).
      let bestC: Candidate | null = null;
      for (const c of now.candidates)
        if (
          (st.take as readonly string[]).includes(c.e.id) &&
          (bestC === null ||
            c.baseNoNoise > bestC.baseNoNoise ||
            (c.baseNoNoise === bestC.baseNoNoise && before(c, bestC)))
        )
          bestC = c;
      if (bestC) {
        best = bestC.baseNoNoise;
        bestOption = bestC.e.id;
      }
    } else {
      // A later stage: its options assessed by their own rules on the state projected past the
      // earlier stages (they need not be legal yet).
      const { flags, key: flagsKey } = projectedFlags(plan, start, k);
      let pv: View | null = null;
      for (const id of st.take as readonly OptionId[]) {
        if (courseForbids(s, actor, id) !== null || leverHolds(s, id)) continue;
        if (
          actor === 'russia' &&
          RUSSIAN_ATTACKS.has(id) &&
          now.calculusNet !== null &&
          now.calculusNet <= 0
        )
          continue;
        const spec = OPTION_SPECS[id] as { needs?: string };
        if (spec.needs) continue;
        // Plans that share earlier stages picture the same world: each option is assessed on
        // it once a decision.
        const memoKey = `${flagsKey}#${id}`;
        let sum = now.laterWorth.get(memoKey);
        if (sum === undefined) {
          pv ??= { s: withFlags(seen, flags), sc, actor, memo: {} };
          const a = BEHAVIOUR_OF(id).assess(pv, { type: id });
          sum = weighTerms(
            sc,
            actor,
            {
              gain: Math.trunc(a.gain),
              risk: Math.trunc(a.risk),
              cost: Math.trunc(a.cost),
              alliance: Math.trunc(a.alliance),
              domestic: Math.trunc(a.domestic),
            },
            s.actors[actor].taken[id] ?? 0,
          ).sum;
          now.laterWorth.set(memoKey, sum);
        }
        if (best === null || sum > best) {
          best = sum;
          bestOption = id;
        }
      }
    }
    const worth = Math.trunc(((best ?? 0) * disc) / 100);
    stages.push({ stage: st.id, option: bestOption, worth });
    total += worth;
    disc = Math.trunc((disc * r.stageDiscountPct) / 100);
  }
  const eo = expectedOutcome(s, seen, sc, actor, plan, start, now);
  const outcome = Math.trunc((eo.ev * r.outcomeWeightPct) / 100);
  return {
    plan,
    index,
    start,
    stages,
    noise,
    hysteresis,
    outcome,
    aim: eo.aim,
    odds: eo.odds,
    value: total + outcome + noise + hysteresis,
    meritHysteresis,
    valueNoNoise: total + outcome + meritHysteresis,
  };
}

const BEHAVIOUR_OF = (id: OptionId) => BEHAVIOURS[id];

/** The turn's order among equals: the lower rung, then the seeded draw (never list order). */
function before(a: Candidate, b: Candidate): boolean {
  return a.rung !== b.rung ? a.rung < b.rung : a.tie > b.tie;
}

/** Per-game draws of each actor's plans (temperament and tie-break), for the game being played. */
let planDrawSeed: string | null = null;
const planDrawCache = new Map<string, readonly number[]>();

function planDraws(seed: string, purpose: string, actor: ActorId, n: number): readonly number[] {
  if (seed !== planDrawSeed) {
    planDrawCache.clear();
    planDrawSeed = seed;
  }
  const key = `${purpose}:${actor}`;
  let d = planDrawCache.get(key);
  if (!d) {
    d = draws(seed, 0, key, n, 0, 9999);
    planDrawCache.set(key, d);
  }
  return d;
}

/** Better plan: higher value, then the one that escalates less, then a seeded draw. */
function betterPlan(
  a: PlanValue,
  b: PlanValue,
  key: 'value' | 'valueNoNoise',
  tie: readonly number[],
): boolean {
  if (a[key] !== b[key]) return a[key] > b[key];
  const ra = planRung(a.plan);
  const rb = planRung(b.plan);
  if (ra !== rb) return ra < rb;
  return tie[a.index]! > tie[b.index]!;
}

function planRung(p: PlanDef): number {
  let m = 0;
  for (const st of p.stages)
    for (const id of st.take)
      m = Math.max(
        m,
        (OPTION_SPECS[id as OptionId] as { escalation?: { floor: number } }).escalation?.floor ?? 0,
      );
  return m;
}

/** The plan to follow this turn, and how it was chosen. */
interface PlanChoice {
  readonly chosen: PlanValue;
  /**
   * The plan and stage merit would follow this turn (no noise in its choice, ever): the plan
   * chosen on a re-plan without noise, or the kept plan's rival, or the kept plan itself. The
   * turn's decisions under it, without noise, are what noise is measured against.
   */
  readonly merit: StageInHand;
  /** Why merit chose over noise this turn (the plans differed on a key decision), or null. */
  readonly vetoed: string | null;
  readonly considered: readonly PlanValue[];
  readonly memory: PlanMemory;
  /** Why it re-planned, or null when it kept its plan. */
  readonly replanned: string | null;
  /** On a re-plan, whether the plan weighed again was the plan it had (kept on the re-examination). */
  readonly reaffirmed: boolean;
  /** The stages the plan followed moved through this turn, and why (for the log). */
  readonly steps: readonly StageStep[];
}

function choosePlan(
  s: GameState,
  seen: GameState,
  sc: Scenario,
  actor: ActorId,
  now: Assessment,
  noiseMax: number,
  explain: boolean,
): PlanChoice | null {
  const all = sc.aiPlans[actor as keyof Scenario['aiPlans']];
  if (!all || all.length === 0) return null;
  // Plans that do not apply now (their `when` fails on what the actor knows) are set aside; the
  // index into the scenario's list stays each plan's identity for noise and ties.
  const open = all.map((p) => !p.when || holds(seen, p.when));
  if (!open.includes(true)) return null;
  const plans = all;
  const r = sc.rules.aiPlanner;
  const mem = s.actors[actor].plan;
  const sit = situation(seen);
  let current: { plan: PlanDef; index: number; stage: number; stageSince: number } | null = null;
  let why: string | null = null;
  let steps: readonly StageStep[] = [];
  let finished = false;
  let meritOnly = false;
  if (mem) {
    const index = plans.findIndex((p) => p.id === mem.id);
    if (index < 0) why = 'its plan is not in this scenario';
    else {
      const plan = plans[index]!;
      // Stages done, run their course, or overtaken by the next one's premise give way.
      const adv = advanceStages(plan, mem.stage, mem.stageSince, seen, s.turn, r.stageMaxTurns);
      const stage = adv.stage;
      steps = adv.steps;
      finished = stage >= plan.stages.length;
      if (!open[index]) why = `${plan.name} no longer applies`;
      else if (finished) {
        const last = steps[steps.length - 1]!;
        why =
          last.kind === 'timed-out'
            ? `${plan.name} ran its course: its last stage timed out after ${last.turns} turns`
            : `${plan.name} is done: ${stepText(plan, last)}`;
      } else if (sit !== mem.situation)
        why = `the situation changed: ${situationChanges(mem.situation, sit).join(', ')}`;
      else if (s.turn - mem.adopted >= r.replanEveryTurns)
        why = `${r.replanEveryTurns} turns on, it is re-examined`;
      current = {
        plan,
        index,
        stage: Math.min(stage, plan.stages.length - 1),
        stageSince: adv.stageSince,
      };
      // A plan noise chose over merit's (its rival) is kept only while the two agree on every
      // key decision of the turn: where they part, the plan is chosen again, on merit.
      let merit: StageInHand = { plan, start: current.stage };
      if (!why && mem.rival !== undefined) {
        const ri = plans.findIndex((p) => p.id === mem.rival);
        if (ri < 0 || !open[ri]) why = `${mem.rival}, the plan merit chose, no longer applies`;
        else {
          merit = { plan: plans[ri]!, start: firstOpenStage(seen, plans[ri]!) };
          const diff = keyDifference(now, r, { plan, start: current.stage }, merit);
          if (diff) {
            why = `noise chose ${plan.name} over ${merit.plan.name}, and now they differ on a key decision (${diff}): chosen again on merit`;
            meritOnly = true;
          }
        }
      }
      if (!why)
        return keep(s, seen, sc, actor, now, plans, current, mem, noiseMax, explain, steps, merit);
    }
  } else why = 'no plan yet';
  // Re-plan: value every plan from its first open stage.
  const tie = planDraws(s.seed, 'ai-plan-tie', actor, plans.length);
  const temper = planDraws(s.seed, 'ai-plan-temperament', actor, plans.length);
  // Merit holds the plan it chose: the rival of a plan noise chose, else the plan in hand.
  const rivalIndex = mem?.rival !== undefined ? plans.findIndex((p) => p.id === mem.rival) : -1;
  let considered: PlanValue[] = [];
  let best: PlanValue | null = null;
  let bestNoNoise: PlanValue | null = null;
  plans.forEach((p, i) => {
    if (!open[i]) return;
    const isCurrent = current !== null && current.index === i && !finished;
    const meritHolds = rivalIndex >= 0 && open[rivalIndex] ? i === rivalIndex : isCurrent;
    const start = isCurrent ? current!.stage : firstOpenStage(seen, p);
    const v = valuePlan(
      s,
      seen,
      sc,
      actor,
      p,
      i,
      start,
      now,
      scaleNoise(temper[i]!, noiseMax),
      isCurrent ? r.hysteresis : 0,
      meritHolds ? r.hysteresis : 0,
    );
    considered.push(v);
    if (!best || betterPlan(v, best, 'value', tie)) best = v;
    if (!bestNoNoise || betterPlan(v, bestNoNoise, 'valueNoNoise', tie)) bestNoNoise = v;
  });
  let chosen: PlanValue = best!;
  const onMerit: PlanValue = bestNoNoise!;
  // Noise may choose between plans only where they agree on the turn's key decisions (military
  // escalations, requests and answers, nuclear signals, settlements): where they part, merit
  // chooses, so noise never decides a key decision through the plan.
  let vetoed: string | null = null;
  if (chosen !== onMerit) {
    const diff = meritOnly ? null : keyDifference(now, r, chosen, onMerit);
    if (diff)
      vetoed = `noise would have chosen ${chosen.plan.name} (${chosen.value}), which differs from ${onMerit.plan.name} on a key decision (${diff})`;
    if (meritOnly || diff) {
      considered = considered.map(meritForm);
      chosen = considered[considered.findIndex((x) => x.index === onMerit.index)]!;
    }
  }
  const same = current !== null && current.index === chosen.index;
  const memory: PlanMemory = {
    id: chosen.plan.id,
    stage: chosen.start,
    adopted: s.turn,
    stageSince: same && current!.stage === chosen.start ? current!.stageSince : s.turn,
    situation: sit,
    value: chosen.value,
    ...(chosen.index !== onMerit.index ? { rival: onMerit.plan.id } : {}),
  };
  return {
    chosen,
    merit: onMerit,
    vetoed,
    considered,
    memory,
    replanned: why,
    reaffirmed: same,
    steps: same && !finished ? steps : [],
  };
}

/**
 * The first key decision on which the turn's picks under plans `a` and `b` differ (noise as
 * drawn in both, so only the plans differ), in words ("military: usa.intervene-taiwan against
 * nothing"), or null when they agree on every key decision.
 */
function keyDifference(
  now: Assessment,
  r: Scenario['rules']['aiPlanner'],
  a: StageInHand,
  b: StageInHand,
): string | null {
  const pa = picksUnder(now, r, a, true);
  const pb = picksUnder(now, r, b, true);
  for (let k = 0; k < pa.length; k++) {
    const x = pa[k]?.c ?? null;
    const y = pb[k]?.c ?? null;
    if (!(x && isKeyOption(x.e.id)) && !(y && isKeyOption(y.e.id))) continue;
    if (sameDecision(x?.d ?? null, y?.d ?? null)) continue;
    const label = (c: Candidate | null) => (c ? decisionLabel(c.d) : 'nothing');
    return `${(x ?? y)!.e.slot}: ${label(x)} against ${label(y)}`;
  }
  return null;
}

/** Keep the current plan (nothing calls for a re-plan): value it for the log only. */
function keep(
  s: GameState,
  seen: GameState,
  sc: Scenario,
  actor: ActorId,
  now: Assessment,
  plans: readonly PlanDef[],
  current: { plan: PlanDef; index: number; stage: number; stageSince: number },
  mem: PlanMemory,
  noiseMax: number,
  explain: boolean,
  steps: readonly StageStep[],
  merit: StageInHand,
): PlanChoice {
  const memory = { ...mem, stage: current.stage, stageSince: current.stageSince };
  if (!explain) {
    // Kept plans are valued for the log only: a batch needs just the plan and its stage.
    const v: PlanValue = {
      plan: current.plan,
      index: current.index,
      start: current.stage,
      stages: [],
      noise: 0,
      hysteresis: 0,
      outcome: 0,
      aim: '',
      odds: 0,
      value: mem.value,
      meritHysteresis: 0,
      valueNoNoise: mem.value,
    };
    return {
      chosen: v,
      merit,
      vetoed: null,
      considered: [v],
      memory,
      replanned: null,
      reaffirmed: false,
      steps,
    };
  }
  const temper = planDraws(s.seed, 'ai-plan-temperament', actor, plans.length);
  const v = valuePlan(
    s,
    seen,
    sc,
    actor,
    current.plan,
    current.index,
    current.stage,
    now,
    scaleNoise(temper[current.index]!, noiseMax),
    sc.rules.aiPlanner.hysteresis,
    mem.rival === undefined ? sc.rules.aiPlanner.hysteresis : 0,
  );
  return {
    chosen: v,
    merit,
    vetoed: null,
    considered: [v],
    memory,
    replanned: null,
    reaffirmed: false,
    steps,
  };
}

/**
 * The planning AI's decisions for one actor this turn, its plan for the next, and the log entry
 * that explains both (when `explain`).
 *
 * @example
 * const { decisions, reasoning, plan } = decidePlanned(state, scenario, 'russia');
 */
export function decidePlanned(
  s: GameState,
  sc: Scenario,
  actor: ActorId,
  explain = true,
  traitsNote = true,
): AiChoice {
  const forced = forcedDecision(s, sc, actor);
  const fixedSlot: DecisionSlot | null = forced ? OPTION_SPECS[forced.type].slot : null;
  const noiseMax = Math.trunc((sc.actors[actor].doctrine.noise * s.levers.aiNoise) / 100);
  const seen = perceive(s, sc, actor);
  const now = assessAll(s, seen, sc, actor, noiseMax, fixedSlot);
  const pc = choosePlan(s, seen, sc, actor, now, noiseMax, explain);
  const r = sc.rules.aiPlanner;
  const { picks, dropped, shown, contended } = explain
    ? pickSlots(now.candidates, pc?.chosen ?? null, r.commitment, r.repeatDecayPct, true, true)
    : { picks: picksUnder(now, r, pc?.chosen ?? null, true), ...NO_EXPLANATION };
  // What merit would decide: its plan, no noise. Noise decided a key decision where they differ.
  const plain = picksUnder(now, r, pc?.merit ?? null, false);
  const decisions: Decision[] = [];
  let key = 0;
  let noiseDecided = 0;
  let against = 0;
  for (let k = 0; k < picks.length; k++) {
    const p = picks[k];
    const q = plain[k];
    if (p) {
      decisions.push(p.c.d);
      if (p.utility <= 0) against++;
      if (actor === 'russia' && RUSSIAN_ATTACKS.has(p.c.e.id) && (now.calculusNet ?? 0) <= 0)
        against++;
    }
    const keyHere = (p && isKeyOption(p.c.e.id)) || (q && isKeyOption(q.c.e.id));
    if (keyHere) {
      key++;
      if (!sameDecision(p?.c.d ?? null, q?.c.d ?? null)) noiseDecided++;
    }
  }
  const record: AiDecisionRecord = {
    actor,
    turn: s.turn,
    policy: 'planner',
    plan: pc?.chosen.plan.id ?? null,
    stage: pc ? (pc.chosen.plan.stages[pc.chosen.start]?.id ?? null) : null,
    replanned: pc?.replanned != null,
    decisions,
    key,
    noiseDecided,
    againstCalculus: against,
  };
  if (!explain) return { decisions, reasoning: null, plan: pc?.memory ?? null, record };
  const name = sc.actors[actor].name;
  // Each option as it was ranked: the utility that decided, with its plan bonus, repeats and the
  // noise counted in it (or set aside).
  const scored: ScoredOption[] = now.candidates
    .map((c) => scoredOption(c, shown.get(c)!))
    .sort((a, b) => b.utility - a.utility)
    .slice(0, 8);
  const chosen = decisions.map((d) => d.type);
  const planText = pc ? describePlan(sc, actor, pc, now, picks) : '';
  const trait = pc && traitsNote ? traitDecided(s, sc, actor, pc.chosen.plan.id, decisions) : null;
  const text =
    planText +
    (chosen.length
      ? ` ${name} (AI) chooses ${decisions.map(decisionLabel).join(', ')}`
      : ` ${name} (AI) holds: no option beats doing nothing`) +
    (forced ? `; ${forced.type} is forced by lever` : '') +
    `. Top options: ${scored.map(describe).join('; ') || 'none legal'}.` +
    setAsideNote(now.candidates, shown, contended) +
    (dropped.length
      ? ` Left out: ${dropped.map((x) => `${x.option} (${x.why})`).join('; ')}.`
      : '') +
    (now.heldBack.length
      ? ` Held back: ${uniqueHeld(now.heldBack)
          .map((x) => `${x.option} (${x.why})`)
          .join('; ')}.`
      : '') +
    (trait ? ` ${trait}` : '');
  const considered: PlanConsidered[] = pc
    ? pc.considered.map((v) => ({
        plan: v.plan.id,
        stage: v.plan.stages[v.start]?.id ?? '',
        value: v.value,
        noise: v.noise,
        hysteresis: v.hysteresis,
        outcome: v.outcome,
        aim: v.aim,
        odds: v.odds,
        stages: v.stages.map((x) => ({ stage: x.stage, option: x.option, worth: x.worth })),
      }))
    : [];
  const reasoning: LogEntry = {
    type: 'ai-reasoning',
    actor,
    considered: scored,
    chosen,
    ...(pc
      ? {
          plan: {
            id: pc.chosen.plan.id,
            name: pc.chosen.plan.name,
            stage: pc.chosen.plan.stages[pc.chosen.start]?.id ?? '',
            replanned: pc.replanned,
            considered,
          },
        }
      : {}),
    turn: s.turn,
    hour: s.hour + phaseWindow(sc.calendar.turnHours, 'decisions')[0],
    theater: 'global',
    actors: [actor],
    visibleTo: [actor],
    text,
  };
  return { decisions, reasoning, plan: pc?.memory ?? null, record };
}

/** What a decision without a log explains: nothing. */
const NO_EXPLANATION = {
  dropped: [],
  shown: new Map<Candidate, Shown>(),
  contended: new Set<number>(),
} as const;

function scoredOption(c: Candidate, v: Shown): ScoredOption {
  return {
    option: c.e.id,
    slot: c.e.slot,
    ...(c.d.target ? { target: c.d.target } : {}),
    ...(c.d.amount !== undefined ? { amount: c.d.amount } : {}),
    terms: c.raw,
    weighted: c.weighted,
    noise: v.noise,
    ...(v.setAside ? { noiseSetAside: v.setAside } : {}),
    utility: v.utility,
    ...(v.bonus ? { plan: v.bonus } : {}),
    ...(c.repeatLoss ? { repeatLoss: c.repeatLoss } : {}),
  };
}

/**
 * Why some noise was drawn but not counted: a key choice at stake in the slot (decided on its
 * merits), or an option worth nothing without it (noise orders the options worth taking).
 */
function setAsideNote(
  candidates: readonly Candidate[],
  shown: ReadonlyMap<Candidate, Shown>,
  contended: ReadonlySet<number>,
): string {
  const slots: string[] = [];
  const worthless: string[] = [];
  for (const c of candidates) {
    if (!shown.get(c)!.setAside) continue;
    if (contended.has(c.e.slotIndex)) {
      if (!slots.includes(c.e.slot)) slots.push(c.e.slot);
    } else if (!worthless.includes(c.e.id)) worthless.push(c.e.id);
  }
  const parts: string[] = [];
  if (slots.length)
    parts.push(
      `a key choice is at stake in the ${slots.join(' and ')} slot${slots.length > 1 ? 's' : ''}, decided on the options' own terms`,
    );
  if (worthless.length)
    parts.push(
      `${worthless.join(', ')} ${worthless.length > 1 ? 'are' : 'is'} worth nothing without it (noise orders the options worth taking, never makes one)`,
    );
  return parts.length ? ` Noise set aside: ${parts.join('; ')}.` : '';
}

function uniqueHeld(
  xs: readonly { option: OptionId; why: string }[],
): { option: OptionId; why: string }[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.option) ? false : (seen.add(x.option), true)));
}

function sameDecision(a: Decision | null, b: Decision | null): boolean {
  if (a === null || b === null) return a === b;
  return a.type === b.type && a.target === b.target && a.amount === b.amount;
}

/** "China's plan: Strangle (stage 2 of 3, blockade until ...)." and how it was chosen. */
function describePlan(
  sc: Scenario,
  actor: ActorId,
  pc: PlanChoice,
  now: Assessment,
  picks: readonly (SlotPick | null)[],
): string {
  const name = sc.actors[actor].name;
  const v = pc.chosen;
  const st = v.plan.stages[v.start]!;
  const parts = v.stages
    .map(
      (x, i) =>
        `${x.stage} ${x.worth >= 0 ? '+' : ''}${x.worth}${x.option ? ` (${x.option}${i === 0 ? takenInstead(v, x.option, picks) : ''})` : ''}`,
    )
    .join(', ');
  const extras =
    `, outcome ${v.outcome >= 0 ? '+' : ''}${v.outcome} (leads to ${outcomeLabel(sc, v.aim)}, ${v.odds}% likely)` +
    (v.noise ? `, noise ${v.noise > 0 ? '+' : ''}${v.noise}` : '') +
    (v.hysteresis ? `, holding to the plan +${v.hysteresis}` : '');
  let text = `${name}, plan: ${v.plan.name} — ${v.plan.summary} Stage ${v.start + 1} of ${v.plan.stages.length}: ${st.name}. Value ${v.value} (${parts}${extras}).`;
  if (pc.replanned) {
    const others = pc.considered
      .filter((x) => x !== v)
      .sort((a, b) => b.value - a.value)
      .map((x) => `${x.plan.name} ${x.value}`)
      .join(', ');
    text += pc.reaffirmed
      ? ` Plan re-examined (${pc.replanned}) and kept${others ? `, against ${others}` : ''}.`
      : ` Re-planned (${pc.replanned})${others ? `; against ${others}` : ''}.`;
    const tied = pc.considered.filter((x) => x !== v && x.value === v.value);
    // A tie is broken by the plan that climbs less, then a seeded draw (never list order).
    for (const x of tied) {
      const rx = planRung(x.plan);
      const rv = planRung(v.plan);
      const by = rx !== rv ? `the lower rung (${rv} against ${rx})` : 'a seeded draw';
      text += ` ${v.plan.name} tied with ${x.plan.name} at ${v.value}; ${by} chose ${v.plan.name}.`;
    }
    if (pc.vetoed) text += ` Chosen on merit, without noise: ${pc.vetoed}.`;
  } else text += ' Plan kept.';
  if (pc.steps.length)
    text += ` ${pc.steps.map((x) => upperFirst(stepText(v.plan, x))).join('. ')}.`;
  if (now.calculusNet !== null)
    text += ` Second-front calculus on what Moscow knows: net ${now.calculusNet > 0 ? '+' : ''}${now.calculusNet}${now.calculusNet > 0 ? ' (an attack on NATO is open)' : ' (no attack on NATO while it says no)'}.`;
  return text;
}

/**
 * The stage in hand is worth its best option on its own terms, but in that option's slot the turn
 * may take another of the stage's options (a key step carried by the plan's commitment, or an
 * everyday one its noise ranked first): then the log names what was taken, and why.
 */
function takenInstead(v: PlanValue, best: OptionId, picks: readonly (SlotPick | null)[]): string {
  const pick = picks.find((x) => x?.c.e.slot === OPTION_SPECS[best].slot);
  if (!pick || pick.c.e.id === best) return '';
  if (!(v.plan.stages[v.start]!.take as readonly string[]).includes(pick.c.e.id)) return '';
  const why = pick.bonus
    ? `on the plan's commitment (+${pick.bonus})`
    : pick.utility !== pick.c.baseNoNoise
      ? 'ranked first with its noise'
      : 'ranked first';
  return `; the turn takes ${pick.c.e.id} there, ${why}`;
}

function upperFirst(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function outcomeLabel(sc: Scenario, id: string): string {
  return sc.outcomes.find((o) => o.id === id)?.label ?? id;
}

const TRAITS = ['riskTolerance', 'trustInPartners', 'resolve'] as const;

/**
 * Did one of the actor's traits decide its plan, or this turn's choices? Re-decides with each
 * trait set to the neutral value (`rules.aiPlanner.neutralTrait`) and names the first that
 * changes the plan or any decision of the turn, and what would change. For the log only (never
 * changes a decision; not computed when the log is off).
 */
function traitDecided(
  s: GameState,
  sc: Scenario,
  actor: ActorId,
  planId: string,
  decisions: readonly Decision[],
): string | null {
  const neutral = sc.rules.aiPlanner.neutralTrait;
  const a = sc.actors[actor];
  const plans = sc.aiPlans[actor as keyof Scenario['aiPlans']];
  const planName = (id: string) => plans?.find((p) => p.id === id)?.name ?? id;
  const chosen = choiceIds(decisions);
  for (const t of TRAITS) {
    if (a.traits[t] === neutral) continue;
    const alt: Scenario = {
      ...sc,
      actors: { ...sc.actors, [actor]: { ...a, traits: { ...a.traits, [t]: neutral } } },
    };
    const other = decidePlanned(s, alt, actor, false, false);
    const otherPlan = other.plan?.id;
    if (otherPlan && otherPlan !== planId)
      return `Doctrine: ${t} ${a.traits[t]} made the difference; at a neutral ${neutral} ${a.name} would follow ${planName(otherPlan)} instead of ${planName(planId)}.`;
    const diff = choiceDifference(chosen, choiceIds(other.decisions));
    if (diff)
      return `Doctrine: ${t} ${a.traits[t]} made the difference this turn; at a neutral ${neutral} ${a.name} would ${diff}.`;
  }
  return null;
}

/** Each decision as one readable id (with its target). */
function choiceIds(decisions: readonly Decision[]): Set<string> {
  return new Set(decisions.map((d) => (d.target ? `${d.type}→${d.target}` : d.type)));
}

/** What the neutral trait would change in the turn's decisions, in words; '' when nothing. */
function choiceDifference(now: ReadonlySet<string>, alt: ReadonlySet<string>): string {
  const added = [...alt].filter((x) => !now.has(x)).sort();
  const dropped = [...now].filter((x) => !alt.has(x)).sort();
  if (added.length && dropped.length)
    return `take ${added.join(', ')} rather than ${dropped.join(', ')}`;
  if (added.length) return `also take ${added.join(', ')}`;
  if (dropped.length) return `not take ${dropped.join(', ')}`;
  return '';
}
