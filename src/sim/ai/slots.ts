import type { UtilityTerms } from '../log';
import type { OptionId } from '../options/params';
import type { PlanDef } from '../scenario/schema';
import type { Decision } from '../state';
import { decisionLabel, type MenuEntry } from './one-step';
import { isKeyOption } from './record';

/**
 * The planning AI's turn under a plan: the best option of each of the four slots, coherent across
 * slots, and for every option the number that ranked it (or ruled it out), so the log shows the
 * numbers that decided and a true reason for every option it shows worth more than its slot's
 * choice (src/sim/ai/planner.ts builds the candidates and the plan).
 */

/** Pairs of options an actor never takes in the same turn: they say opposite things. */
const CONFLICTS: readonly (readonly [OptionId, OptionId])[] = [
  ['russia.refuse-china-request', 'russia.limited-incursion'],
  ['russia.refuse-china-request', 'russia.baltic-offensive'],
  ['russia.offer-terms', 'russia.limited-incursion'],
  ['russia.offer-terms', 'russia.baltic-offensive'],
  ['russia.offer-terms', 'russia.nuclear-signal'],
  ['russia.offer-terms', 'russia.nuclear-use'],
  ['russia.propose-ceasefire', 'russia.nuclear-use'],
  ['russia.propose-ceasefire', 'russia.ukraine-offensive'],
  ['china.negotiate', 'china.quarantine'],
  ['china.negotiate', 'china.blockade'],
  ['china.negotiate', 'china.missile-strikes'],
  ['china.negotiate', 'china.amphibious-invasion'],
  ['china.negotiate', 'china.nuclear-signal'],
  ['china.negotiate', 'china.nuclear-use'],
  ['china.stand-down', 'china.ask-russia-second-front'],
  ['china.stand-down', 'china.gray-zone-pressure'],
  ['usa.negotiate', 'usa.intervene-taiwan'],
  ['usa.negotiate', 'usa.nuclear-signal'],
  ['nato-europe.negotiate', 'nato-europe.counter-attack'],
  ['nato-europe.negotiate', 'nato-europe.invoke-article5'],
  ['ukraine.accept-ceasefire', 'ukraine.counter-attack'],
  ['taiwan.negotiate', 'taiwan.appeal'],
];

const CONFLICT_MAP = new Map<OptionId, OptionId[]>();
for (const [a, b] of CONFLICTS) {
  CONFLICT_MAP.set(a, [...(CONFLICT_MAP.get(a) ?? []), b]);
  CONFLICT_MAP.set(b, [...(CONFLICT_MAP.get(b) ?? []), a]);
}

/**
 * The nuclear threshold: the one key choice the leadership's temperament (the per-game noise of
 * its doctrine) may tip. CSIS 2024 played the same failing invasion fifteen times and three teams
 * crossed the threshold; nothing in the situation told them apart, only who was deciding. Every
 * other key choice follows the plan and its own terms.
 */
export const THRESHOLD: ReadonlySet<OptionId> = new Set<OptionId>([
  'china.nuclear-use',
  'russia.nuclear-use',
]);

/** One option variant the actor could take now, with the numbers that rank it. */
export interface Candidate {
  readonly e: MenuEntry;
  readonly d: Decision;
  readonly raw: UtilityTerms;
  readonly weighted: UtilityTerms;
  /** Worth lost to repeats (already out of `weighted`), and how often it was taken before. */
  readonly repeatLoss: number;
  readonly repeats: number;
  readonly noise: number;
  /** Utility without the plan's bonus, with and without noise. */
  readonly base: number;
  readonly baseNoNoise: number;
  /** A seeded draw that breaks ties (never list order). */
  readonly tie: number;
  /** The escalation rung the option implies (0 for none): ties go to the lower. */
  readonly rung: number;
}

/** `x` after `repeats` discounts of `rules.aiPlanner.repeatDecayPct` percent each. */
export function decayed(x: number, repeats: number, pct: number): number {
  let v = x;
  for (let i = 0; i < repeats && v > 0; i++) v = Math.trunc((v * (100 - pct)) / 100);
  return v;
}

/** The options a plan's stages `from` up to `to` name. */
export function stageOptions(plan: PlanDef, from: number, to: number): Set<string> {
  const out = new Set<string>();
  for (let k = from; k < to; k++) for (const id of plan.stages[k]!.take) out.add(id);
  return out;
}

/** The plan and stage a turn's decision serves. */
export interface StageInHand {
  readonly plan: PlanDef;
  readonly start: number;
}

/** The turn's decision under a plan: the best option of each slot, coherent across slots. */
export interface SlotPick {
  readonly c: Candidate;
  readonly bonus: number;
  readonly utility: number;
  /** An option of the plan's current stage (first in its slot). */
  readonly inStage: boolean;
}

/**
 * The number an option was ranked with (or ruled out by), as the log shows it: its utility, the
 * noise counted in it, the noise drawn but set aside, and the plan's bonus.
 */
export interface Shown {
  readonly utility: number;
  readonly noise: number;
  readonly setAside: number;
  readonly bonus: number;
}

export interface LeftOut {
  readonly option: OptionId;
  readonly why: string;
}

export interface SlotResult {
  readonly picks: (SlotPick | null)[];
  /** Options left out, each with the reason that decided it (only when explaining). */
  readonly dropped: LeftOut[];
  /** Every candidate's shown number (only when explaining). */
  readonly shown: Map<Candidate, Shown>;
  /** Slots decided without noise because a key choice was at stake there (slot indices). */
  readonly contended: ReadonlySet<number>;
}

/** A plan stage's option sets: the stage's, the later stages', the plan's forbidden. */
interface StageSets {
  readonly current: ReadonlySet<string>;
  readonly later: ReadonlySet<string>;
  readonly forbid: ReadonlySet<string>;
}

const NO_PLAN: StageSets = { current: new Set(), later: new Set(), forbid: new Set() };
const STAGE_SETS = new WeakMap<PlanDef, StageSets[]>();

/** The sets of `plan` at its stage, built once per scenario object and stage. */
function stageSets(plan: StageInHand): StageSets {
  let all = STAGE_SETS.get(plan.plan);
  if (!all) {
    const p = plan.plan;
    const forbid = new Set<string>(p.forbid ?? []);
    all = p.stages.map((_, k) => ({
      current: stageOptions(p, k, k + 1),
      later: stageOptions(p, k + 1, p.stages.length),
      forbid,
    }));
    STAGE_SETS.set(plan.plan, all);
  }
  return all[plan.start]!;
}

function asDrawn(c: Candidate, bonus: number, withNoise: boolean): Shown {
  return {
    utility: (withNoise ? c.base : c.baseNoNoise) + bonus,
    noise: withNoise ? c.noise : 0,
    setAside: 0,
    bonus,
  };
}

function noiseFree(c: Candidate, bonus: number, withNoise: boolean): Shown {
  return { utility: c.baseNoNoise + bonus, noise: 0, setAside: withNoise ? c.noise : 0, bonus };
}

function anyIn(xs: readonly OptionId[] | undefined, set: ReadonlySet<OptionId>): boolean {
  if (xs) for (const x of xs) if (set.has(x)) return true;
  return false;
}

function firstIn<V>(
  xs: readonly OptionId[] | undefined,
  m: ReadonlyMap<OptionId, V>,
): OptionId | undefined {
  if (xs) for (const x of xs) if (m.has(x)) return x;
  return undefined;
}

/**
 * The order of a slot's options: the plan comes first (an option of the current stage worth
 * taking beats any option outside the plan); then the higher utility, the lower rung, a seeded draw.
 */
function slotOrder(a: SlotPick, b: SlotPick): number {
  return (
    (b.inStage ? 1 : 0) - (a.inStage ? 1 : 0) ||
    b.utility - a.utility ||
    a.c.rung - b.c.rung ||
    b.c.tie - a.c.tie
  );
}

/**
 * Why `first` was ranked before `later` (`first` precedes it in `slotOrder`), in words: the
 * criterion that actually put it first.
 */
function precedence(first: SlotPick, later: SlotPick): string {
  if (first.inStage && !later.inStage) return `the plan's current stage takes it`;
  if (first.utility !== later.utility)
    return `worth more this turn (${first.utility} against ${later.utility})`;
  if (first.c.rung !== later.c.rung) return `as much (${first.utility}) at a lower rung`;
  return `as much (${first.utility}), by a seeded draw`;
}

/**
 * The turn's picks under `plan`: options the plan forbids are out; options of later stages wait;
 * options of the current stage come first in their slot (its key options with the `commitment`
 * bonus, less repeats); noise (`withNoise`) orders the options worth taking, never makes one, and
 * a slot where a key option is in contention is decided without it (the nuclear threshold keeps
 * its temperament). Contradicting options are never taken together: the one ranked first stays.
 *
 * @example
 * const { picks, dropped, shown } = pickSlots(candidates, plan, 15, 35, true, true);
 */
export function pickSlots(
  candidates: readonly Candidate[],
  plan: StageInHand | null,
  commitment: number,
  decayPct: number,
  withNoise: boolean,
  explain = false,
): SlotResult {
  const sets = plan ? stageSets(plan) : NO_PLAN;
  const current = sets.current;
  const later = sets.later;
  const forbid = sets.forbid;
  const shown = new Map<Candidate, Shown>();
  const ranked: SlotPick[] = [];
  for (const c of candidates) {
    const id = c.e.id;
    const inStage = current.has(id);
    if (forbid.has(id) || (later.has(id) && !inStage)) {
      if (explain) shown.set(c, asDrawn(c, 0, withNoise));
      continue;
    }
    // The plan's key steps get the commitment bonus (a blockade the moment alone would shy from);
    // its everyday options come first in their slot but must pay for themselves.
    const bonus = inStage && isKeyOption(id) ? decayed(commitment, c.repeats, decayPct) : 0;
    // Noise orders the options worth taking; it never makes one worth taking (an option whose own
    // terms sum to nothing stays out, or noise would repeat it every turn), the nuclear threshold
    // aside, where the leadership's temperament is the point.
    const threshold = THRESHOLD.has(id);
    if ((threshold ? c.base : c.baseNoNoise) + bonus <= 0) {
      if (explain)
        shown.set(
          c,
          !threshold && withNoise && c.base + bonus > 0
            ? noiseFree(c, bonus, withNoise)
            : asDrawn(c, bonus, withNoise),
        );
      continue;
    }
    const utility = (withNoise ? c.base : c.baseNoNoise) + bonus;
    ranked.push({ c, bonus, utility, inStage });
  }
  // Where a key option is in contention for a slot, the slot is decided without noise (the
  // nuclear threshold keeps its temperament): noise orders only the everyday options of a slot.
  // So is a slot whose option contradicts a key option in contention (taiwan.appeal against
  // taiwan.negotiate): the one ranked first keeps its place, and noise must not rank it.
  const keyIds = new Set<OptionId>();
  for (const p of ranked) if (isKeyOption(p.c.e.id)) keyIds.add(p.c.e.id);
  const contended = new Set<number>();
  for (const p of ranked)
    if (keyIds.has(p.c.e.id) || (keyIds.size > 0 && anyIn(CONFLICT_MAP.get(p.c.e.id), keyIds)))
      contended.add(p.c.e.slotIndex);
  for (let i = 0; i < ranked.length; i++) {
    const p = ranked[i]!;
    if (!withNoise || !contended.has(p.c.e.slotIndex) || THRESHOLD.has(p.c.e.id)) continue;
    ranked[i] = { ...p, utility: p.c.baseNoNoise + p.bonus };
  }
  if (explain)
    for (const p of ranked)
      shown.set(
        p.c,
        p.utility === p.c.base + p.bonus
          ? asDrawn(p.c, p.bonus, withNoise)
          : noiseFree(p.c, p.bonus, withNoise),
      );
  for (let i = ranked.length - 1; i >= 0; i--) if (ranked[i]!.utility <= 0) ranked.splice(i, 1);
  ranked.sort(slotOrder);
  const picks: (SlotPick | null)[] = [null, null, null, null];
  const takenBy = new Map<OptionId, SlotPick>();
  const dropped: LeftOut[] = [];
  for (const p of ranked) {
    const k = p.c.e.slotIndex;
    if (picks[k]) continue;
    const clash = firstIn(CONFLICT_MAP.get(p.c.e.id), takenBy);
    if (clash) {
      if (explain)
        dropped.push({
          option: p.c.e.id,
          why: `contradicts ${clash}, which comes first: ${precedence(takenBy.get(clash)!, p)}`,
        });
      continue;
    }
    picks[k] = p;
    takenBy.set(p.c.e.id, p);
  }
  if (withNoise && explain) {
    // Ties are broken by the lower rung, then a seeded draw (never list order); the log says so.
    // Only options ranked after the pick lost the tie (one ranked before it lost to a clash).
    const order = new Map<SlotPick, number>(ranked.map((p, i) => [p, i]));
    for (const p of picks) {
      if (!p) continue;
      for (const q of ranked) {
        if (q === p || q.c.e.slotIndex !== p.c.e.slotIndex) continue;
        if (q.inStage !== p.inStage || q.utility !== p.utility) continue;
        if (order.get(q)! < order.get(p)!) continue;
        const by = q.c.rung !== p.c.rung ? 'the lower rung' : 'a seeded draw';
        // Variants of one option are named by what tells them apart (→narva, =48).
        const same = q.c.e.id === p.c.e.id;
        const name = (d: Decision) =>
          same ? decisionLabel(d).slice(d.type.length) : decisionLabel(d);
        dropped.push({
          option: q.c.e.id,
          why: `${name(q.c.d)} tied with ${name(p.c.d)} at ${p.utility}; ${by} chose ${name(p.c.d)}`,
        });
      }
    }
    dropped.push(
      ...passedOver(candidates, plan, picks, { current, later, forbid }, shown, dropped),
    );
  }
  return { picks, dropped, shown, contended };
}

/**
 * Why an option the log shows as worth more than its slot's choice (or worth taking in a slot left
 * empty) was not taken: the plan rules it out, it waits for a later stage, or the plan's own
 * option comes first in the slot. Options with other reasons (a clash, a tie, a lever, the
 * calculus) are named where those are decided. Every shown number is the one that ranked the
 * option, so these are the only reasons left.
 */
function passedOver(
  candidates: readonly Candidate[],
  plan: StageInHand | null,
  picks: readonly (SlotPick | null)[],
  sets: {
    readonly current: ReadonlySet<string>;
    readonly later: ReadonlySet<string>;
    readonly forbid: ReadonlySet<string>;
  },
  shown: ReadonlyMap<Candidate, Shown>,
  already: readonly { option: OptionId }[],
): LeftOut[] {
  const { current, later, forbid } = sets;
  const out: LeftOut[] = [];
  const named = new Set<string>(already.map((x) => x.option));
  const stageOf = (id: OptionId): string => {
    const st = plan!.plan.stages;
    for (let k = plan!.start + 1; k < st.length; k++)
      if (st[k]!.take.includes(id)) return `stage ${k + 1} of ${st.length}, ${st[k]!.name}`;
    return 'a later stage';
  };
  for (const c of candidates) {
    const id = c.e.id;
    if (named.has(id) || picks.some((p) => p?.c === c)) continue;
    const worth = shown.get(c)!.utility;
    if (worth <= 0) continue;
    const chosen = picks[c.e.slotIndex];
    if (chosen && chosen.utility >= worth) continue;
    let why: string | null = null;
    if (plan && forbid.has(id)) why = `${plan.plan.name} rules it out`;
    else if (plan && later.has(id) && !current.has(id)) why = `waits for ${stageOf(id)}`;
    else if (chosen && chosen.inStage && !current.has(id))
      why = `the plan's ${chosen.c.e.id} comes first in the ${c.e.slot} slot`;
    else if (chosen && chosen.c.e.id === id) why = `taken at another target`;
    if (why) {
      out.push({ option: id, why });
      named.add(id);
    }
  }
  return out;
}
