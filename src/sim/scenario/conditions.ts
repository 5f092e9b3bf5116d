import { THEATERS, WAR_STATUSES } from '../ids';
import { quoted } from '../validation';
import { LEVER_DOMAINS } from './levers';
import type { Condition, ScenarioShape } from './schema';

/**
 * Conditions that can never hold, and outcomes that can never be reached, found without playing.
 *
 * Deciding whether a condition over flags and tracks can hold in some game would mean exploring
 * every game; this checks only what the scenario itself decides: turn windows against the
 * calendar, track ranges that are empty, lever values the lever cannot take, and how `all`, `any`
 * and `not` combine those. A condition this calls `never` truly never holds; one it calls
 * `always` truly always holds (a rule with it is a catch-all). Everything else is `maybe`.
 *
 * What is refused, each at its JSON path:
 * - an outcome or an event trigger that never holds (a typo such as `gte: 50, lte: 5`, or a
 *   turn past the calendar, makes an outcome or an inject silently dead);
 * - an outcome that comes after a catch-all that wins before it: outcomes are checked in order
 *   and the first that holds wins, so a rule after an `immediate` catch-all, or an `end` rule
 *   after an `end` catch-all, is never chosen.
 * With the schema's "at least one `end` rule", a scenario therefore has at least one end outcome
 * that nothing in the file rules out.
 */

type Verdict = 'always' | 'never' | 'maybe';

interface Judgement {
  readonly verdict: Verdict;
  /** For `never`: why, and the path (below the condition) of the part to blame. */
  readonly why?: string;
  readonly at?: readonly (string | number)[];
}

const MAYBE: Judgement = { verdict: 'maybe' };
const ALWAYS: Judgement = { verdict: 'always' };

/**
 * Whether `c` always, never or maybe holds in a game of scenario `s`.
 *
 * @example
 * judge({ turn: { gte: 30 } }, scenario).verdict // 'never' when the calendar has 26 turns
 * judge({ all: [] }, scenario).verdict // 'always'
 */
export function judge(c: Condition, s: ScenarioShape): Judgement {
  if ('all' in c) {
    let always = true;
    for (let i = 0; i < c.all.length; i++) {
      const j = judge(c.all[i]!, s);
      if (j.verdict === 'never') return { ...j, at: ['all', i, ...(j.at ?? [])] };
      if (j.verdict !== 'always') always = false;
    }
    return always ? ALWAYS : MAYBE;
  }
  if ('any' in c) {
    const js = c.any.map((x) => judge(x, s));
    if (js.some((j) => j.verdict === 'always')) return ALWAYS;
    if (js.every((j) => j.verdict === 'never'))
      return { verdict: 'never', why: 'none of its alternatives can hold', at: [] };
    return MAYBE;
  }
  if ('not' in c) {
    const j = judge(c.not, s);
    if (j.verdict === 'always')
      return { verdict: 'never', why: 'it negates a condition that always holds', at: [] };
    return j.verdict === 'never' ? ALWAYS : MAYBE;
  }
  if ('turn' in c) {
    const lo = c.turn.gte ?? -Infinity;
    const hi = c.turn.lte ?? Infinity;
    const last = s.calendar.maxTurns;
    const never = (why: string): Judgement => ({ verdict: 'never', why, at: ['turn'] });
    if (lo > hi) return never(`turn gte ${lo} is above lte ${hi}`);
    if (lo > last) return never(`turn gte ${lo} is past the last turn (${last})`);
    if (hi < 1) return never(`turn lte ${hi} is before the first turn (1)`);
    return lo <= 1 && hi >= last ? ALWAYS : MAYBE;
  }
  if ('track' in c) {
    if (c.gte !== undefined && c.lte !== undefined && c.gte > c.lte)
      return { verdict: 'never', why: `gte ${c.gte} is above lte ${c.lte}`, at: [] };
    return c.gte === undefined && c.lte === undefined ? ALWAYS : MAYBE;
  }
  if ('war' in c) return WAR_STATUSES.every((w) => c.is.includes(w)) ? ALWAYS : MAYBE;
  if ('lever' in c) {
    const why = leverCannotBe(s, c.lever, c.eq);
    return why ? { verdict: 'never', why, at: ['eq'] } : MAYBE;
  }
  return MAYBE;
}

/** Why lever `name` can never equal `eq` in this scenario, or null when it can. */
function leverCannotBe(
  s: ScenarioShape,
  name: keyof typeof LEVER_DOMAINS,
  eq: string | number | boolean,
): string | null {
  const dom = LEVER_DOMAINS[name];
  const def = s.levers[name];
  if (!def) return null; // reported as a missing lever
  if (dom.kind === 'enum')
    return typeof eq === 'string' && (def.values ?? []).includes(eq)
      ? null
      : `lever ${name} takes only ${(def.values ?? []).map(quoted).join(' | ')}`;
  if (dom.kind === 'boolean')
    return typeof eq === 'boolean' ? null : `lever ${name} is true or false`;
  const min = def.min ?? dom.min;
  const max = def.max ?? dom.max;
  if (typeof eq !== 'number' || eq < min || eq > max)
    return `lever ${name} ranges over ${min}..${max}`;
  if (dom.kind === 'integer' && !Number.isInteger(eq)) return `lever ${name} is a whole number`;
  return null;
}

/**
 * Report dead outcomes and triggers, and outcomes a catch-all before them hides.
 *
 * @example
 * checkConditions(scenario, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
 */
export function checkConditions(
  s: ScenarioShape,
  issue: (path: (string | number)[], message: string) => void,
): void {
  const dead = (path: (string | number)[], j: Judgement): void =>
    issue(
      [...path, ...(j.at ?? [])],
      `expected a condition that can hold, found one that never can (${j.why ?? 'unsatisfiable'})`,
    );
  s.events.forEach((e, i) => {
    const j = judge(e.trigger, s);
    if (j.verdict === 'never') dead(['events', i, 'trigger'], j);
  });
  let immediateCatchAll: number | null = null;
  let endCatchAll: number | null = null;
  s.outcomes.forEach((o, i) => {
    const hiddenBy = immediateCatchAll ?? (o.check === 'end' ? endCatchAll : null);
    const j = judge(o.when, s);
    if (hiddenBy !== null)
      issue(
        ['outcomes', i],
        `expected an outcome that can be chosen, found it after $.outcomes[${hiddenBy}] (${quoted(s.outcomes[hiddenBy]!.id)}), which always holds (the first rule that holds wins: put this one before it)`,
      );
    else if (j.verdict === 'never') dead(['outcomes', i, 'when'], j);
    if (j.verdict === 'always') {
      if (o.check === 'immediate') immediateCatchAll ??= i;
      else endCatchAll ??= i;
    }
  });
  // Theater outcomes: per theater, the first that holds names it, so each needs a catch-all last.
  for (const theater of THEATERS) {
    let catchAll: number | null = null;
    s.theaterOutcomes.forEach((o, i) => {
      if (o.theater !== theater) return;
      const j = judge(o.when, s);
      if (catchAll !== null)
        issue(
          ['theaterOutcomes', i],
          `expected a theater outcome that can be chosen, found it after $.theaterOutcomes[${catchAll}] (${quoted(s.theaterOutcomes[catchAll]!.id)}), which always holds for ${theater}`,
        );
      else if (j.verdict === 'never') dead(['theaterOutcomes', i, 'when'], j);
      if (j.verdict === 'always') catchAll ??= i;
    });
    if (catchAll === null)
      issue(
        ['theaterOutcomes'],
        `expected a last theater outcome for ${theater} that always holds (e.g. "when": { "all": [] }), so every end names the theater`,
      );
  }
}
