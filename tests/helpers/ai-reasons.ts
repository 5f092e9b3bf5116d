import { decisionLabel } from '../../src/sim/ai/one-step';
import type { LogEntry, ScoredOption } from '../../src/sim/log';
import type { Scenario } from '../../src/sim/scenario/schema';

/**
 * Checks one planning-AI log entry against itself: the numbers shown are the numbers that decided,
 * and every reason it gives for leaving an option out is true of the entry's own data (its options,
 * their shown utilities, its choices, the plan and stage it names in the scenario). Returns the
 * problems found, in words (none: []).
 *
 * - Each option's utility is the sum of its weighted terms, the noise counted and the plan bonus.
 * - Each chosen option was shown worth taking (above 0).
 * - An option shown worth taking and worth more than its slot's choice (or in a slot left empty)
 *   is left out with a reason, and each left-out reason holds: a clash names a chosen option and
 *   the criterion that put it first (the plan's stage, a higher utility with both numbers, a
 *   tie), a later stage or the plan's ban is the plan's, the plan's own option is of its stage.
 */
export function checkReasons(e: LogEntry, sc: Scenario): string[] {
  if (e.type !== 'ai-reasoning' || !e.plan) return [];
  const out: string[] = [];
  const where = `turn ${e.turn} ${e.actor}`;
  const label = (o: ScoredOption) =>
    decisionLabel({ type: o.option, target: o.target, amount: o.amount });
  const plans = sc.aiPlans[e.actor as keyof Scenario['aiPlans']] ?? [];
  const plan = plans.find((p) => p.id === e.plan!.id);
  const stageAt = plan ? plan.stages.findIndex((st) => st.id === e.plan!.stage) : -1;
  const inStage = (id: string) =>
    stageAt >= 0 && (plan!.stages[stageAt]!.take as readonly string[]).includes(id);
  const chosenLabels = new Set(
    (/\(AI\) chooses (.*?)(?:; [a-z.-]+ is forced by lever)?\. Top options/.exec(e.text)?.[1] ?? '')
      .split(', ')
      .filter((x) => x),
  );
  const chosen = new Set<string>(e.chosen);
  const shownOf = (id: string) => e.considered.filter((o) => o.option === id).map((o) => o.utility);
  for (const o of e.considered) {
    const sum =
      o.weighted.gain +
      o.weighted.risk +
      o.weighted.cost +
      o.weighted.alliance +
      o.weighted.domestic +
      o.noise +
      (o.plan ?? 0);
    if (sum !== o.utility)
      out.push(`${where}: ${label(o)} shown at ${o.utility}, terms sum ${sum}`);
    if (chosenLabels.has(label(o)) && o.utility <= 0)
      out.push(`${where}: ${label(o)} chosen though shown at ${o.utility}`);
  }
  const reasons = leftOut(e.text);
  for (const [option, whys] of reasons)
    for (const why of whys) {
      const bad = falseReason(option, why);
      if (bad) out.push(`${where}: ${option} (${why}): ${bad}`);
    }
  const bestInSlot = new Map<string, number>();
  for (const o of e.considered)
    if (chosenLabels.has(label(o)))
      bestInSlot.set(o.slot, Math.max(bestInSlot.get(o.slot) ?? -Infinity, o.utility));
  for (const o of e.considered) {
    if (chosenLabels.has(label(o)) || o.utility <= 0) continue;
    if ((bestInSlot.get(o.slot) ?? -Infinity) >= o.utility) continue;
    if (!reasons.has(o.option) && !heldBack(e.text).has(o.option))
      out.push(`${where}: ${label(o)} shown at ${o.utility} above its slot's choice, no reason`);
  }
  return out;

  function falseReason(option: string, why: string): string | null {
    let m: RegExpExecArray | null;
    if ((m = /^contradicts (\S+), which comes first: (.*)$/.exec(why))) {
      const [, x, how] = m as unknown as [string, string, string];
      if (!chosen.has(x as never)) return `${x} was not chosen`;
      if (how === `the plan's current stage takes it`)
        return inStage(x) && !inStage(option) ? null : 'not a stage option over one outside it';
      const shownX = shownOf(x);
      const shownO = shownOf(option);
      if ((m = /^worth more this turn \((-?\d+) against (-?\d+)\)$/.exec(how))) {
        const a = Number(m[1]);
        const b = Number(m[2]);
        if (!(a > b)) return 'not more';
        if (shownX.length && !shownX.includes(a)) return `${x} is not shown at ${a}`;
        if (shownO.length && !shownO.includes(b)) return `${option} is not shown at ${b}`;
        return null;
      }
      if ((m = /^as much \((-?\d+)\)(?: at a lower rung|, by a seeded draw)$/.exec(how))) {
        const a = Number(m[1]);
        if (shownX.length && !shownX.includes(a)) return `${x} is not shown at ${a}`;
        if (shownO.length && !shownO.includes(a)) return `${option} is not shown at ${a}`;
        return null;
      }
      return 'unknown criterion';
    }
    if ((m = /^waits for stage (\d+) of (\d+), (.*)$/.exec(why))) {
      const st = plan?.stages[Number(m[1]) - 1];
      if (!st || st.name !== m[3]) return 'no such stage';
      return (st.take as readonly string[]).includes(option) && !inStage(option)
        ? null
        : 'not an option of that stage only';
    }
    if (plan && why === `${plan.name} rules it out`)
      return (plan.forbid ?? []).includes(option) ? null : 'the plan does not forbid it';
    if ((m = /^the plan's (\S+) comes first in the (\S+) slot$/.exec(why))) {
      const x = m[1]!;
      if (!chosen.has(x as never)) return `${x} was not chosen`;
      return inStage(x) && !inStage(option) ? null : `${x} is not of the stage, or ${option} is`;
    }
    if (why === 'taken at another target') return chosen.has(option as never) ? null : 'not taken';
    if (/ tied with \S+ at -?\d+; (the lower rung|a seeded draw) chose \S+$/.test(why)) return null;
    return 'unknown reason';
  }
}

/** The "Left out:" reasons of an entry's text, by option (an option may have several). */
export function leftOut(text: string): Map<string, string[]> {
  return items(/ Left out: (.*?)\.(?= Held back:| Doctrine:|$)/.exec(text)?.[1]);
}

function heldBack(text: string): Map<string, string[]> {
  return items(/ Held back: (.*?)\.(?= Doctrine:|$)/.exec(text)?.[1]);
}

function items(list: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!list) return out;
  for (const item of list.split(/; (?=[a-z-]+\.[a-z0-9-]+ \()/)) {
    const open = item.indexOf(' (');
    const option = item.slice(0, open);
    const why = item.slice(open + 2, item.endsWith(')') ? -1 : undefined);
    out.set(option, [...(out.get(option) ?? []), why]);
  }
  return out;
}
