import { theaterName, type Ctx } from './context';
import {
  PLAYABLE_ACTORS,
  THEATERS,
  type PlayableActorId,
  type Theater,
  type TrackPath,
} from './ids';
import type { Condition, OutcomeRule, Scenario } from './scenario/schema';
import { scoreActor, scoreTotal, signed, type ScoreTerm } from './score';
import type { GameState, TheaterEnd } from './state';
import { hasFought } from './wars';

/**
 * The scenario's condition language (used by scripted events and outcome rules), the named
 * outcomes with per-actor scores, and each theater's end state named on its own: the game's
 * outcome says what happened overall, and a line per theater says how each war ended (or that it
 * did not), so "settlement" is never claimed over a theater still at war.
 */

/**
 * Read a track by the dotted path a scenario condition names, so conditions need no knowledge of
 * the state's shape.
 *
 * @example
 * trackValue(state, 'escalation.europe') // current rung of the European ladder
 */
export function trackValue(s: GameState, path: TrackPath): number {
  const t = s.tracks;
  switch (path) {
    case 'escalation.indoPacific':
      return t.escalation.indoPacific;
    case 'escalation.europe':
      return t.escalation.europe;
    case 'deterrence.indoPacific':
      return t.deterrence.indoPacific;
    case 'deterrence.europe':
      return t.deterrence.europe;
    case 'coordination':
    case 'natoCohesion':
    case 'article5Credibility':
    case 'miscalcRisk':
    case 'nonAligned':
    case 'usPacificShare':
    case 'taiwanSupply':
      return t[path];
    case 'ukraineTerritoryHeld':
      return Math.trunc(s.ukraine.territoryHeldBp / 100);
    default: {
      const never: never = path;
      throw new Error(`unknown track ${String(never)}`);
    }
  }
}

/**
 * @example
 * holds(state, { all: [{ flag: 'blockadeActive' }, { track: 'taiwanSupply', lte: 30 }] })
 * holds(state, { war: 'europe', is: ['war', 'ceasefire'] }) // the Baltic war is not settled
 * holds(state, { fought: 'indoPacific' }) // fighting there at some point
 */
export function holds(s: GameState, c: Condition): boolean {
  let test = compiled.get(c);
  if (!test) {
    test = compile(c);
    compiled.set(c, test);
  }
  return test(s);
}

/** A condition's test, built once per condition object (scenario conditions never change). */
type Test = (s: GameState) => boolean;

const compiled = new WeakMap<Condition, Test>();

/** The condition's kind is found once; its test reads the condition's fields as `holds` did. */
function compile(c: Condition): Test {
  if ('flag' in c) return (s) => s.flags[c.flag] === (c.is ?? true);
  if ('track' in c)
    return (s) => {
      const v = trackValue(s, c.track);
      return (c.gte === undefined || v >= c.gte) && (c.lte === undefined || v <= c.lte);
    };
  if ('event' in c) return (s) => s.keyEvents.some((e) => e.name === c.event);
  if ('turn' in c)
    return (s) =>
      (c.turn.gte === undefined || s.turn >= c.turn.gte) &&
      (c.turn.lte === undefined || s.turn <= c.turn.lte);
  if ('lever' in c) return (s) => s.levers[c.lever] === c.eq;
  if ('war' in c) return (s) => c.is.includes(s.wars[c.war].status);
  if ('fought' in c) return (s) => hasFought(s, c.fought) === (c.is ?? true);
  if ('all' in c) {
    const parts = c.all.map(compile);
    return (s) => {
      for (const t of parts) if (!t(s)) return false;
      return true;
    };
  }
  if ('any' in c) {
    const parts = c.any.map(compile);
    return (s) => {
      for (const t of parts) if (t(s)) return true;
      return false;
    };
  }
  const inner = compile(c.not);
  return (s) => !inner(s);
}

/**
 * Scores: each actor's total under the outcome `rule`, from its objectives' terms
 * (src/sim/score.ts); the outcome's base score is one of the terms.
 *
 * @example
 * const scores = scoreOutcome(state, scenario, scenario.outcomes[0]!); // { china: 40, ... }
 */
export function scoreOutcome(
  s: GameState,
  sc: Scenario,
  rule: OutcomeRule,
): Record<PlayableActorId, number> {
  const out = {} as Record<PlayableActorId, number>;
  for (const a of PLAYABLE_ACTORS) out[a] = scoreTotal(s, sc, a, rule);
  return out;
}

/**
 * The particulars of a theater's end the state adds to its name: for the Indo-Pacific what is
 * ashore and whether Taipei stands, the supply under blockade; for Europe each Baltic capital
 * held or fallen, allied ground occupied, and the Ukraine front; for both whether the war is
 * still being fought.
 *
 * @example
 * theaterDetail(state, scenario, 'europe') // 'Tallinn fallen; Riga, Vilnius held; Ukraine: ceasefire'
 */
export function theaterDetail(s: GameState, sc: Scenario, theater: Theater): string {
  const parts: string[] = [];
  const status = s.wars[theater].status;
  if (theater === 'indoPacific') {
    const t = s.taiwan;
    if (s.flags.invasionLaunched && !s.flags.taipeiFallen) {
      parts.push(
        t.phase === 'lodgement' || t.phase === 'breakout'
          ? `lodgement ${t.lodgement}%, Taipei held`
          : 'Taipei held',
      );
    }
    if (s.flags.blockadeActive || s.flags.quarantineActive)
      parts.push(`supply ${s.tracks.taiwanSupply}%`);
  } else {
    if (hasFought(s, 'europe')) {
      const held: string[] = [];
      const fallen: string[] = [];
      for (const id of sc.roles.balticStates) {
        const capital = sc.regions[id]?.value.capital;
        if (!capital) continue;
        (s.regions[id]?.owner === 'russia' ? fallen : held).push(capital);
      }
      if (fallen.length) parts.push(`${fallen.join(', ')} fallen`);
      if (held.length) parts.push(`${held.join(', ')} held`);
      const occupied = Object.keys(sc.regions).filter(
        (id) =>
          sc.regions[id]!.nato &&
          !sc.regions[id]!.value.capital &&
          s.regions[id]?.owner === 'russia',
      );
      if (occupied.length)
        parts.push(`${occupied.map((id) => sc.regions[id]!.name).join(', ')} occupied`);
    }
    parts.push(
      s.ukraine.status === 'ceasefire'
        ? 'Ukraine: ceasefire'
        : s.ukraine.status === 'russia-controls'
          ? 'Ukraine: under Russian control'
          : 'Ukraine: war goes on',
    );
  }
  if (status === 'war') parts.push('fighting goes on');
  else if (status === 'ceasefire') parts.push('fighting stopped, nothing agreed');
  return parts.join('; ');
}

/**
 * How each theater ended: the first of the scenario's theater outcomes for it that holds, with
 * the state's particulars.
 *
 * @example
 * theaterEnd(state, scenario, 'indoPacific').label // 'Taiwan holds (invasion repulsed)'
 */
export function theaterEnd(s: GameState, sc: Scenario, theater: Theater): TheaterEnd {
  const status = s.wars[theater].status;
  const detail = theaterDetail(s, sc, theater);
  for (const rule of sc.theaterOutcomes)
    if (rule.theater === theater && holds(s, rule.when))
      return { id: rule.id, label: rule.label, detail, status };
  // The scenario check requires a catch-all per theater; this is for a state it never saw.
  return { id: 'unnamed', label: status, detail, status };
}

/**
 * One line naming every theater's end.
 *
 * @example
 * endSummary(theaters) // 'Indo-Pacific: Taiwan holds (invasion repulsed; Taipei held); Europe: ...'
 */
export function endSummary(theaters: Record<Theater, TheaterEnd>): string {
  return THEATERS.map((t) => {
    const e = theaters[t];
    // A label that already ends in particulars takes the state's into the same parentheses.
    const named = !e.detail
      ? e.label
      : e.label.endsWith(')')
        ? `${e.label.slice(0, -1)}; ${e.detail})`
        : `${e.label} (${e.detail})`;
    return `${theaterName(t)}: ${named}`;
  }).join('; ');
}

/**
 * Check outcome rules: `immediate` ones every turn; `end` ones too when `final`. First match wins;
 * the outcome carries each theater's end and a one-line summary of them.
 *
 * @example
 * checkOutcome(ctx, ctx.s.turn >= lastTurn); // sets ctx.s.outcome when a rule holds
 */
export function checkOutcome(ctx: Ctx, final: boolean): void {
  const s = ctx.s;
  for (const rule of ctx.sc.outcomes) {
    if (rule.check === 'end' && !final) continue;
    if (!holds(s, rule.when)) continue;
    const scores = {} as Record<PlayableActorId, number>;
    const terms = {} as Record<PlayableActorId, readonly ScoreTerm[]>;
    for (const a of PLAYABLE_ACTORS) {
      const score = scoreActor(s, ctx.sc, a, rule);
      scores[a] = score.total;
      terms[a] = score.terms;
    }
    const theaters = {
      indoPacific: theaterEnd(s, ctx.sc, 'indoPacific'),
      europe: theaterEnd(s, ctx.sc, 'europe'),
    };
    const summary = endSummary(theaters);
    s.outcome = { id: rule.id, label: rule.label, turn: s.turn, scores, terms, theaters, summary };
    if (ctx.quiet) return;
    ctx.emit({
      type: 'outcome',
      outcome: rule.id,
      label: rule.label,
      scores,
      theater: 'global',
      actors: [],
      visibleTo: 'all',
      text: `Outcome: ${rule.label}. ${rule.description} ${summary}. Scores: ${PLAYABLE_ACTORS.map(
        (a) => `${a} ${scores[a]} (${termsText(terms[a])})`,
      ).join('; ')}.`,
    });
    return;
  }
}

/**
 * An actor's terms in a line: "Outcome −15, Support at home −2, Economic cost −4".
 *
 * @example
 * termsText(scoreActor(s, sc, 'china', rule).terms)
 */
export function termsText(terms: readonly ScoreTerm[]): string {
  return terms.map((t) => `${t.label} ${signed(t.points)}`).join(', ');
}
