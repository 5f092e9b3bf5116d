import { allianceResponse, shiftUsPool } from './alliances';
import { europeStep, europeTurn } from './campaigns/europe';
import { blockadeTurn, capitulation } from './campaigns/blockade';
import { taiwanCampaign } from './campaigns/taiwan';
import { ukraineFront } from './campaigns/ukraine';
import { Ctx, theaterName, type PhaseOptions } from './context';
import { forcedDecision } from './courses';
import { whyIllegal } from './decisions';
import { deliver, economyTurn } from './economy';
import { incidents, logNuclearCalculus, updateMiscalc } from './escalation';
import { ACTORS, BACKGROUND_ACTORS, DECISION_SLOTS, THEATERS, type ActorId } from './ids';
import { decideAI, perceive } from './ai';
import type { LogEntry } from './log';
import { GROUND, deterrence, strength } from './measures';
import { BEHAVIOURS } from './options';
import { OPTION_SPECS, type OptionId } from './options/params';
import { checkOutcome } from './outcomes';
import { hashValue } from './hash';
import type { Scenario } from './scenario/schema';
import { scriptedEvents } from './scripted';
import { secondFrontCalculus } from './second-front';
import { updateWars } from './wars';
import { usForcesStep } from './us-forces';
import type { Decision, GameState, PlanMemory } from './state';

/**
 * The turn's phases as pure functions: each takes a state and returns a new state plus the log
 * entries it produced. The xstate engine calls them in order (briefing → intelligence → decisions
 * → adjudication → events → assessment); so does the plain loop in `run.ts`.
 */
export interface PhaseResult {
  readonly state: GameState;
  readonly log: LogEntry[];
}

/** Who made each seat's decisions this turn. */
export type DecidedBy = 'ai' | 'human';
export type Submissions = Readonly<Partial<Record<ActorId, readonly Decision[]>>>;

const SLOT_RANK = new Map<OptionId, number>(
  (Object.keys(OPTION_SPECS) as OptionId[]).map((id) => [
    id,
    DECISION_SLOTS.indexOf(OPTION_SPECS[id].slot),
  ]),
);
const bySlot = (a: Decision, b: Decision): number =>
  SLOT_RANK.get(a.type)! - SLOT_RANK.get(b.type)!;

/** Whether decisions are already in slot order (the AI's are): the stable sort would keep them. */
function inSlotOrder(ds: readonly Decision[]): boolean {
  for (let i = 1; i < ds.length; i++) if (bySlot(ds[i - 1]!, ds[i]!) > 0) return false;
  return true;
}

/** The log's words for an order the state no longer allows when its turn comes (the UI reads them). */
export const NOT_CARRIED_OUT = 'is overtaken by events and not carried out';

function header(ctx: Ctx, phase: Ctx['phase'], text: string): void {
  ctx.emit({ type: 'phase', phase, theater: 'global', actors: [], visibleTo: 'all', text });
}

/**
 * Start a turn: advance the clock, deliver what is due, fire scripted events.
 *
 * @example
 * const r = briefing(state, scenario); // r.state.turn === state.turn + 1
 */
export function briefing(state: GameState, sc: Scenario, opts: PhaseOptions = {}): PhaseResult {
  // The previous turn's end state is kept (replays, the viewer), so a new turn copies, unless the
  // caller keeps no turn-end state (`turnInPlace`).
  const ctx = new Ctx(state, sc, 'briefing', { ...opts, inPlace: opts.turnInPlace === true }, 1);
  const s = ctx.s;
  s.turnStats = { combats: { nato: 0, china: 0, russia: 0 }, militaryActions: 0 };
  s.ukraine.russianOffensive = false;
  const e = s.tracks.escalation;
  if (!ctx.quiet)
    header(
      ctx,
      'briefing',
      `Turn ${s.turn} (hour ${s.hour}): Indo-Pacific at rung ${e.indoPacific}, Europe at rung ${e.europe}.`,
    );
  deliver(ctx);
  scriptedEvents(ctx);
  return { state: s, log: ctx.log };
}

/**
 * What each side knows: deterrence per theater, Russia's private calculus, estimates.
 *
 * @example
 * const s = intelligence(briefing(state, scenario).state, scenario).state;
 */
export function intelligence(state: GameState, sc: Scenario, opts: PhaseOptions = {}): PhaseResult {
  const ctx = new Ctx(state, sc, 'intelligence', opts);
  const s = ctx.s;
  header(ctx, 'intelligence', 'Intelligence: deterrence and estimates.');
  for (const t of THEATERS) {
    const d = deterrence(s, sc, t);
    s.tracks.deterrence[t] = d.value;
    if (ctx.quiet) continue;
    const w = sc.rules.deterrence;
    ctx.emit({
      type: 'adjudication',
      kind: 'detection',
      theater: t,
      actors: [],
      visibleTo: 'all',
      inputs: { balance: d.balance, credibility: d.credibility, cohesion: d.cohesion },
      modifiers: [
        {
          name: `balance ${d.balance} × ${w.balanceWeight}%`,
          value: Math.trunc((d.balance * w.balanceWeight) / 100),
        },
        {
          name: `credibility ${d.credibility} × ${w.credibilityWeight}%`,
          value: Math.trunc((d.credibility * w.credibilityWeight) / 100),
        },
        {
          name: `cohesion ${d.cohesion} × ${w.cohesionWeight}%`,
          value: Math.trunc((d.cohesion * w.cohesionWeight) / 100),
        },
      ],
      roll: null,
      result: `deterrence ${d.value}`,
      text: `${theaterName(t)} deterrence ${d.value}: balance ${d.balance}, credibility ${d.credibility}, cohesion ${d.cohesion}.`,
    });
  }
  if (ctx.quiet) return { state: s, log: ctx.log };
  // Russia's calculus on what Moscow knows: the same numbers its AI acts on this turn.
  const c = secondFrontCalculus(perceive(s, sc, 'russia'), sc);
  const fmt = (ms: readonly { name: string; value: number }[]): string =>
    ms.map((m) => `${m.name} = ${m.value}`).join(', ');
  ctx.emit({
    type: 'adjudication',
    kind: 'second-front-calculus',
    theater: 'europe',
    actors: ['russia'],
    visibleTo: ['russia'],
    inputs: c.readings,
    modifiers: [
      ...c.gains,
      ...c.costs.map((m) => ({ name: m.name, value: -m.value })),
      { name: 'threshold', value: -sc.rules.secondFront.threshold },
    ],
    roll: null,
    result:
      c.net > 0
        ? `net +${c.net}: the factors favour a second front`
        : `net ${c.net}: the factors advise against a second front`,
    text: `Russia's second-front calculus: gains ${fmt(c.gains)}; costs ${fmt(c.costs)}; net ${c.net}.`,
  });
  // The allies' estimates are what their intelligence sees (src/sim/ai/perceive.ts).
  const west = perceive(s, sc, 'nato-europe');
  const ruStaging = strength(west, 'russia', sc.roles.russianStaging, GROUND);
  const natoBaltic =
    strength(s, 'nato-europe', sc.roles.balticStates, GROUND) +
    strength(s, 'usa', sc.roles.balticStates, GROUND);
  ctx.emit({
    type: 'change',
    changes: [],
    theater: 'europe',
    actors: ['nato-europe', 'usa'],
    visibleTo: ['usa', 'nato-europe', 'ukraine'],
    text: `Allied estimate: Russian forces near the Baltic ${ruStaging} points; allied forces in the Baltic states ${natoBaltic}.`,
  });
  const chinaStaging = strength(west, 'china', [sc.roles.chinaStaging], GROUND);
  ctx.emit({
    type: 'change',
    changes: [],
    theater: 'indoPacific',
    actors: ['usa', 'taiwan', 'japan'],
    visibleTo: ['usa', 'taiwan', 'japan'],
    text: `Allied estimate: PLA ground forces on the Eastern Theater coast ${chinaStaging} points; Taiwan supply ${s.tracks.taiwanSupply}.`,
  });
  return { state: s, log: ctx.log };
}

/**
 * Apply every seat's decisions (and any lever-forced ones) in a fixed order, then run the
 * campaigns. Decisions made illegal by an earlier one this turn are logged and skipped.
 *
 * @example
 * const usa: Decision[] = [{ type: 'usa.reaffirm-article5' }];
 * const r = adjudicate(state, scenario, { usa }, { usa: 'human' }); // background actors: AI
 */
export function adjudicate(
  state: GameState,
  sc: Scenario,
  submissions: Submissions,
  by: Readonly<Partial<Record<ActorId, DecidedBy>>>,
  opts: PhaseOptions = {},
  plans: Readonly<Partial<Record<ActorId, PlanMemory | null>>> = {},
): PhaseResult {
  // With `inPlace` the caller promises nobody else holds the pre-adjudication state (the seats
  // have decided; background actors decide below before anything changes).
  const ctx = new Ctx(state, sc, 'adjudication', opts);
  const s = ctx.s;
  header(ctx, 'adjudication', 'Adjudication: decisions take effect.');
  const taken: Partial<Record<ActorId, Decision[]>> = {};
  // Background actors have no seat: the AI decides for them here, against the same
  // pre-adjudication state the seats saw.
  const background = new Map<ActorId, readonly Decision[]>();
  for (const actor of BACKGROUND_ACTORS) {
    if (submissions[actor]) continue;
    const c = decideAI(state, sc, actor, !ctx.quiet);
    if (c.reasoning) ctx.log.push(c.reasoning);
    background.set(actor, c.decisions);
  }
  for (const actor of ACTORS) {
    const forced = forcedDecision(s, sc, actor);
    const list: { d: Decision; how: 'ai' | 'human' | 'lever' }[] = [];
    if (forced) list.push({ d: forced, how: 'lever' });
    const seat = submissions[actor] ?? background.get(actor) ?? [];
    const how = by[actor] ?? 'ai';
    // Each seat's decisions take effect in slot order (military, diplomatic, information,
    // economic), whatever order they were submitted in.
    for (const d of inSlotOrder(seat) ? seat : [...seat].sort(bySlot)) list.push({ d, how });
    const done: Decision[] = [];
    for (const { d, how } of list) {
      const why = whyIllegal(s, sc, actor, d, how === 'lever');
      const name = sc.actors[actor].name;
      const label = ctx.quiet
        ? ''
        : sc.options[d.type].label +
          (d.target ? ` (${sc.regions[d.target]?.name ?? d.target})` : '') +
          (d.amount !== undefined ? ` (${d.amount})` : '');
      if (why) {
        if (!ctx.quiet)
          ctx.emit({
            type: 'decision',
            actor,
            decision: d,
            by: how,
            theater: 'global',
            actors: [actor],
            visibleTo: [actor],
            text: `${name}: ${label} ${NOT_CARRIED_OUT} (${why}).`,
          });
        continue;
      }
      const spec = OPTION_SPECS[d.type] as {
        escalation?: { theater: 'indoPacific' | 'europe'; floor: number };
      };
      // A secret order (a request between Beijing and Moscow, a mobilisation the West does not
      // detect) is logged for its parties alone, and so is everything it causes: a track it
      // moves in public would tell the other side what its decision entry does not.
      const secretTo = ctx.quiet ? null : (BEHAVIOURS[d.type].secretTo?.(ctx, d) ?? null);
      ctx.secretly(secretTo, () => {
        ctx.emit({
          type: 'decision',
          actor,
          decision: d,
          by: how,
          theater: spec.escalation?.theater ?? sc.regions[d.target ?? '']?.theater ?? 'global',
          actors: [actor],
          ...(d.target && sc.regions[d.target] ? { region: d.target } : {}),
          visibleTo: 'all',
          text: `${name}${how === 'lever' ? ' (forced by lever)' : how === 'ai' ? ' (AI)' : ''}: ${label}.`,
        });
        const cost = sc.options[d.type].cost;
        if (cost.support) ctx.adjustSupport(actor, -cost.support, sc.options[d.type].label);
        if (cost.economic) ctx.adjustCost(actor, cost.economic, sc.options[d.type].label);
        BEHAVIOURS[d.type].apply(ctx, d);
        if (spec.escalation)
          ctx.escalate(spec.escalation.theater, spec.escalation.floor, sc.options[d.type].label, [
            actor,
          ]);
      });
      if (OPTION_SPECS[d.type].slot === 'military') s.turnStats.militaryActions++;
      done.push(d);
      ctx.tick();
    }
    const a = s.actors[actor];
    a.lastDecisions = done;
    if (done.length) {
      const counts: Record<string, number> = { ...a.taken };
      for (const d of done) counts[d.type] = (counts[d.type] ?? 0) + 1;
      a.taken = counts;
    }
    // The AI's plan for the seat it played (kept for the next turn; a human seat keeps none).
    const plan = plans[actor];
    if (plan !== undefined) a.plan = plan;
    taken[actor] = done;
  }
  // The operational clock: campaigns run in steps of `clock.stepHours` through the turn, so a
  // fait accompli can happen inside one turn and its hour is known.
  const steps = Math.max(1, Math.trunc(sc.calendar.turnHours / sc.rules.clock.stepHours));
  let euEngagements = 0;
  for (let k = 0; k < steps; k++) {
    ctx.atStep(k);
    usForcesStep(ctx);
    s.turnStats.combats.china += taiwanCampaign(ctx);
    euEngagements += europeStep(ctx);
  }
  // Munitions are spent per combat-turn: seven 12-hour engagements on an axis are one combat.
  const eu = Math.trunc((euEngagements + steps - 1) / steps);
  s.turnStats.combats.russia += eu;
  s.turnStats.combats.nato += eu;
  europeTurn(ctx);
  ctx.endSteps();
  ukraineFront(ctx, taken);
  return { state: s, log: ctx.log };
}

/**
 * What follows from the turn: redeployment, alliance responses, incidents, economy, nuclear risk.
 *
 * @example
 * const r = events(adjudicate(state, scenario, submissions, by).state, scenario);
 */
export function events(state: GameState, sc: Scenario, opts: PhaseOptions = {}): PhaseResult {
  const ctx = new Ctx(state, sc, 'events', opts);
  const s = ctx.s;
  header(ctx, 'events', 'Events: consequences and incidents.');
  shiftUsPool(ctx);
  allianceResponse(ctx);
  incidents(ctx);
  economyTurn(ctx, s.turnStats.combats);
  blockadeTurn(ctx);
  capitulation(ctx);
  updateWars(ctx);
  logNuclearCalculus(ctx);
  return { state: s, log: ctx.log };
}

/** A flat record of every charted track at the end of a turn. */
export type TrackSnapshot = Record<string, number>;

/**
 * Flatten the charted tracks into one row per turn, so charts and batch statistics need not know
 * the state's nesting.
 *
 * @example
 * tracks.push(snapshot(state)); // { turn: 3, 'escalation.europe': 2, natoCohesion: 70, ... }
 */
export function snapshot(s: GameState): TrackSnapshot {
  const t = s.tracks;
  const out: TrackSnapshot = {
    turn: s.turn,
    hour: s.hour,
    'escalation.indoPacific': t.escalation.indoPacific,
    'escalation.europe': t.escalation.europe,
    'deterrence.indoPacific': t.deterrence.indoPacific,
    'deterrence.europe': t.deterrence.europe,
    coordination: t.coordination,
    natoCohesion: t.natoCohesion,
    article5Credibility: t.article5Credibility,
    miscalcRisk: t.miscalcRisk,
    nonAligned: t.nonAligned,
    usPacificShare: t.usPacificShare,
    taiwanSupply: t.taiwanSupply,
    ukraineTerritoryHeldBp: s.ukraine.territoryHeldBp,
    'nato.readiness': s.blocs.nato.readiness,
    'nato.spendingBp': s.blocs.nato.spendingBp,
    'nato.munitions': s.blocs.nato.munitions,
    'russia.munitions': s.blocs.russia.munitions,
    'china.munitions': s.blocs.china.munitions,
  };
  for (const a of ACTORS) {
    out[`support.${a}`] = s.actors[a].support;
    out[`economicCost.${a}`] = s.actors[a].economicCost;
  }
  return out;
}

export interface Assessment extends PhaseResult {
  /** The state hash, or '' when hashing was turned off. */
  readonly hash: string;
  /** The charted tracks, or null in quiet mode (a batch charts nothing). */
  readonly snapshot: TrackSnapshot | null;
}

/**
 * End the turn: derived tracks, outcome checks, the turn's hash.
 *
 * @example
 * const a = assessment(state, scenario, scenario.calendar.maxTurns); // a.hash, a.snapshot
 */
export function assessment(
  state: GameState,
  sc: Scenario,
  lastTurn: number,
  opts: PhaseOptions = {},
): Assessment {
  const ctx = new Ctx(state, sc, 'assessment', opts);
  const s = ctx.s;
  header(ctx, 'assessment', 'Assessment: tracks and outcomes.');
  updateMiscalc(ctx, s.turnStats.militaryActions);
  // Deterrence is assessed once a turn, at intelligence, where every side reads it.
  checkOutcome(ctx, s.turn >= lastTurn);
  return {
    state: s,
    log: ctx.log,
    hash: opts.hash === false ? '' : hashValue(s),
    snapshot: ctx.quiet ? null : snapshot(s),
  };
}
