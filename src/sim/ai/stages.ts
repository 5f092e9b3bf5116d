import { theaterName } from '../context';
import { THEATERS, type Flag } from '../ids';
import { holds } from '../outcomes';
import type { Condition, PlanDef } from '../scenario/schema';
import type { GameState } from '../state';

/**
 * How a plan moves through its stages, and the words the log gives for it: a stage gives way to
 * the next when the next stage's premise (`when`) holds, when its own `until` holds, or when it
 * has run `rules.aiPlanner.stageMaxTurns` turns; never into a stage whose premise does not hold
 * (a timer cannot start "intervene if Taiwan is attacked"). Also the actor's picture of the world
 * a plan rests on (`situation`), packed so the log can say what changed.
 */

/** Flags whose setting or clearing changes a plan's picture of the world (see `situation`). */
const SITUATION_FLAGS: readonly Flag[] = [
  'usIntervened',
  'invasionLaunched',
  'blockadeActive',
  'strikesActive',
  'secondFront',
  'article5Invoked',
  'chinaRequestPending',
  'chinaRequestAccepted',
  'chinaRequestRefused',
  'plaAshore',
  'taipeiFallen',
  'balticCapitalFallen',
  'chinaNegotiating',
  'usNegotiating',
  'russiaNegotiating',
  'natoNegotiating',
  'russiaOffersTerms',
  'indoPacificSettlement',
  'europeSettlement',
  'invasionRepulsed',
];

const WAR_STATUSES = ['peace', 'crisis', 'war', 'ceasefire', 'settled'] as const;

const WAR_CODE: Record<GameState['wars']['europe']['status'], number> = {
  peace: 0,
  crisis: 1,
  war: 2,
  ceasefire: 3,
  settled: 4,
};

/** Rungs run 0..7: eight values each. */
const RUNGS = 8;
const FLAG_SPAN = 2 ** SITUATION_FLAGS.length;

/**
 * The actor's picture of the world a plan rests on, as one exact integer (below 2^31): either
 * theater's rung and war status, and the flags above. It changes exactly when one of those
 * does, and `situationChanges` reads the parts back.
 *
 * @example
 * situation(seen) !== memory.situation // re-plan
 */
export function situation(s: GameState): number {
  let h = s.tracks.escalation.indoPacific * RUNGS + s.tracks.escalation.europe;
  h = h * 5 + WAR_CODE[s.wars.indoPacific.status];
  h = h * 5 + WAR_CODE[s.wars.europe.status];
  let f = 0;
  for (const flag of SITUATION_FLAGS) f = f * 2 + (s.flags[flag] ? 1 : 0);
  return h * FLAG_SPAN + f;
}

interface SituationParts {
  readonly rung: Record<(typeof THEATERS)[number], number>;
  readonly war: Record<(typeof THEATERS)[number], string>;
  readonly flags: ReadonlySet<Flag>;
}

function unpack(x: number): SituationParts {
  let f = x % FLAG_SPAN;
  let h = (x - f) / FLAG_SPAN;
  const flags = new Set<Flag>();
  for (let i = SITUATION_FLAGS.length - 1; i >= 0; i--) {
    if (f % 2) flags.add(SITUATION_FLAGS[i]!);
    f = Math.floor(f / 2);
  }
  const eu = h % 5;
  h = (h - eu) / 5;
  const ip = h % 5;
  h = (h - ip) / 5;
  return {
    rung: { indoPacific: Math.floor(h / RUNGS), europe: h % RUNGS },
    war: { indoPacific: WAR_STATUSES[ip]!, europe: WAR_STATUSES[eu]! },
    flags,
  };
}

/**
 * What differs between two situations, in words: rungs, wars, flags set or cleared.
 *
 * @example
 * situationChanges(before, after) // ['Indo-Pacific rung 2→3', 'blockadeActive set']
 */
export function situationChanges(before: number, after: number): string[] {
  const a = unpack(before);
  const b = unpack(after);
  const out: string[] = [];
  for (const t of THEATERS) {
    if (a.rung[t] !== b.rung[t]) out.push(`${theaterName(t)} rung ${a.rung[t]}→${b.rung[t]}`);
    if (a.war[t] !== b.war[t]) out.push(`${theaterName(t)} ${a.war[t]}→${b.war[t]}`);
  }
  for (const f of SITUATION_FLAGS)
    if (a.flags.has(f) !== b.flags.has(f)) out.push(`${f} ${b.flags.has(f) ? 'set' : 'cleared'}`);
  return out;
}

/** A condition in a few words, for the log ("blockadeActive and taiwanSupply ≤ 60"). */
export function conditionText(c: Condition): string {
  const inner = (x: Condition) =>
    'all' in x || 'any' in x ? `(${conditionText(x)})` : conditionText(x);
  if ('flag' in c) return c.is === false ? `not ${c.flag}` : c.flag;
  if ('track' in c)
    return [
      c.gte !== undefined ? `${c.track} ≥ ${c.gte}` : '',
      c.lte !== undefined ? `${c.track} ≤ ${c.lte}` : '',
    ]
      .filter((x) => x)
      .join(' and ');
  if ('event' in c) return `${c.event} happened`;
  if ('turn' in c)
    return [
      c.turn.gte !== undefined ? `turn ≥ ${c.turn.gte}` : '',
      c.turn.lte !== undefined ? `turn ≤ ${c.turn.lte}` : '',
    ]
      .filter((x) => x)
      .join(' and ');
  if ('lever' in c) return `lever ${c.lever}=${String(c.eq)}`;
  if ('war' in c) return `${theaterName(c.war)} ${c.is.join(' or ')}`;
  if ('fought' in c)
    return `${c.is === false ? 'no fighting' : 'fighting'} in ${theaterName(c.fought)}`;
  if ('all' in c) return c.all.length ? c.all.map(inner).join(' and ') : 'always';
  if ('any' in c) return c.any.map(inner).join(' or ');
  return `not ${inner(c.not)}`;
}

/** Why a stage gave way to the next (or, for the last, ended the plan). */
export type StageStep =
  | { readonly kind: 'premise'; readonly from: number; readonly premise: Condition }
  | { readonly kind: 'done'; readonly from: number; readonly until: Condition }
  | { readonly kind: 'timed-out'; readonly from: number; readonly turns: number };

/**
 * The stage a plan is at this turn, from the stage it was at and the turn that stage began: each
 * stage gives way when the next one's premise holds, or (the next stage having no premise, or its
 * premise holding) when its own `until` holds or it has run `maxTurns` turns (a last stage
 * without `until` has no timer: it is the plan's steady state). Past the last stage
 * (`stage === plan.stages.length`) the plan is over. Returns the steps taken, for the log.
 *
 * @example
 * advanceStages(plan, 0, 1, seen, 7, 6) // { stage: 1, stageSince: 7, steps: [{ kind: 'timed-out', from: 0, turns: 6 }] }
 */
export function advanceStages(
  plan: PlanDef,
  stage: number,
  stageSince: number,
  seen: GameState,
  turn: number,
  maxTurns: number,
): { stage: number; stageSince: number; steps: StageStep[] } {
  const steps: StageStep[] = [];
  while (stage < plan.stages.length) {
    const st = plan.stages[stage]!;
    const next = plan.stages[stage + 1];
    let step: StageStep | null = null;
    if (next?.when && holds(seen, next.when))
      step = { kind: 'premise', from: stage, premise: next.when };
    else if (next?.when) break;
    else if (st.until && holds(seen, st.until))
      step = { kind: 'done', from: stage, until: st.until };
    // A last stage with no aim is the plan's steady state: it lasts while the plan is kept (a
    // timer there would only end the plan, and its hysteresis, every few turns).
    else if ((next || st.until) && turn - stageSince >= maxTurns)
      step = { kind: 'timed-out', from: stage, turns: turn - stageSince };
    if (!step) break;
    steps.push(step);
    stage++;
    stageSince = turn;
  }
  return { stage, stageSince, steps };
}

/**
 * The first stage of `plan` a re-plan would start at, on what the actor sees: past every stage
 * whose successor's premise holds, or whose own `until` holds (the successor having no premise,
 * or its premise holding). Timers do not count: a plan taken up afresh starts where the world is.
 */
export function firstOpenStage(seen: GameState, plan: PlanDef): number {
  let k = 0;
  while (k < plan.stages.length - 1) {
    const next = plan.stages[k + 1]!;
    if (
      next.when
        ? holds(seen, next.when)
        : !!plan.stages[k]!.until && holds(seen, plan.stages[k]!.until!)
    )
      k++;
    else break;
  }
  return k;
}

/**
 * A stage step in words: "stage 1 of 2 (production, sanctions and both commitments) gave way:
 * stage 2's premise holds (blockadeActive)".
 */
export function stepText(plan: PlanDef, step: StageStep): string {
  const n = plan.stages.length;
  const st = plan.stages[step.from]!;
  const what = `stage ${step.from + 1} of ${n} (${st.name})`;
  switch (step.kind) {
    case 'premise':
      return `${what} gave way: the premise of stage ${step.from + 2} holds (${conditionText(step.premise)})`;
    case 'done':
      return `${what} is done: its aim holds (${conditionText(step.until)})`;
    case 'timed-out':
      return `${what} timed out after ${step.turns} turns`;
    default: {
      const never: never = step;
      throw new Error(`unknown step ${String(never)}`);
    }
  }
}
