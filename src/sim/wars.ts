import { settleLodgement } from './campaigns/taiwan';
import { theaterName, type Ctx } from './context';
import { LIMITED_WAR_LEVEL, THEATERS, type Flag, type Theater, type WarStatus } from './ids';
import type { Scenario } from './scenario/schema';
import type { GameState } from './state';

/**
 * Wars per theater. Each theater's war has a status derived from what happened there: `peace`,
 * `crisis` (the ladder at the crisis rung or above, no fighting), `war` (fighting this turn or
 * within the last few), `ceasefire` (fighting that stopped with nothing agreed) and `settled` (a
 * settlement both sides accepted, which takes the ladder below limited war). A war ends only by a
 * settlement both sides accept, theater by
 * theater: a Ukraine ceasefire is the Ukraine front's business and does not end a Baltic war.
 *
 * What other campaigns' state is read here, so it can follow them when they change:
 * - `s.turnStats.combats.china` / `.russia`: combats fought this turn (Indo-Pacific / Europe);
 * - `s.taiwan.phase` (`crossing`, `lodgement`, `breakout`: an invasion in progress; `settled`,
 *   `fallen`: over) and `s.flags.strikesActive`;
 * - `s.europe.operation` (`incursion`, `offensive`) and `s.europe.targets` still to take;
 * - `s.actors['nato-europe'].lastDecisions` (a counter-attack decided this turn).
 */

const INVASION_UNDER_WAY: readonly string[] = ['crossing', 'lodgement', 'breakout'];

/**
 * Combats fought in the theater this turn (what the campaigns counted).
 *
 * @example
 * combatsThisTurn(state, 'europe') // Russia's combats against NATO territory this turn
 */
export function combatsThisTurn(s: GameState, theater: Theater): number {
  return theater === 'indoPacific' ? s.turnStats.combats.china : s.turnStats.combats.russia;
}

/**
 * A campaign of force in progress in the theater: an invasion under way or strikes on Taiwan;
 * a Russian incursion or offensive with targets still to take, or a NATO counter-attack.
 *
 * @example
 * campaignOfForce(state, 'indoPacific') // true from the crossing until repulse or the fall of Taipei
 */
export function campaignOfForce(s: GameState, theater: Theater): boolean {
  if (theater === 'indoPacific') {
    const phase = s.taiwan.phase;
    if (phase === 'settled' || phase === 'fallen') return false;
    return INVASION_UNDER_WAY.includes(phase) || s.flags.strikesActive;
  }
  const op = s.europe.operation;
  if ((op === 'incursion' || op === 'offensive') && s.europe.targets.some(notRussian(s)))
    return true;
  return s.actors['nato-europe'].lastDecisions.some((d) => d.type === 'nato-europe.counter-attack');
}

const notRussian =
  (s: GameState) =>
  (r: string): boolean =>
    s.regions[r]?.owner !== 'russia';

/**
 * Fighting in the theater this turn: combats, or a campaign of force in progress.
 *
 * @example
 * fightingThisTurn(state, 'europe') // false during a Ukraine-only war: that is not NATO's war
 */
export function fightingThisTurn(s: GameState, theater: Theater): boolean {
  return combatsThisTurn(s, theater) > 0 || campaignOfForce(s, theater);
}

/**
 * The theater has seen fighting at some point (this turn included).
 *
 * @example
 * hasFought(state, 'europe') // an incident alone never makes this true
 */
export function hasFought(s: GameState, theater: Theater): boolean {
  return s.wars[theater].foughtTurn > 0 || fightingThisTurn(s, theater);
}

/** The theater's settlement stands (its flag is set only when both sides accepted). */
function settlementStands(s: GameState, theater: Theater): boolean {
  return theater === 'indoPacific' ? s.flags.indoPacificSettlement : s.flags.europeSettlement;
}

/**
 * Whether both sides have accepted talks in the theater: China and Taiwan or the US in the
 * Indo-Pacific; Russia (an offer of terms to NATO, not a Ukraine ceasefire) and the North
 * Atlantic Council in Europe.
 *
 * @example
 * bothAccept(state, 'europe') // russiaOffersTerms && natoNegotiating
 */
export function bothAccept(s: GameState, theater: Theater): boolean {
  const f = s.flags;
  return theater === 'indoPacific'
    ? f.chinaNegotiating && (f.usNegotiating || f.taiwanNegotiating)
    : f.russiaOffersTerms && f.natoNegotiating;
}

/**
 * The status the theater's war should have now, from what happened: a standing settlement;
 * fighting is war; a war with no fighting for `war.ceasefireQuietTurns` turns is a ceasefire
 * (nothing agreed); otherwise crisis from the crisis rung, or peace.
 *
 * @example
 * derivedStatus(state, scenario, 'europe') // 'war' while Russian forces fight in the Baltic
 */
export function derivedStatus(s: GameState, sc: Scenario, theater: Theater): WarStatus {
  const w = s.wars[theater];
  const r = sc.rules.war;
  if (settlementStands(s, theater)) return 'settled';
  if (fightingThisTurn(s, theater)) return 'war';
  if (w.foughtTurn > 0)
    return s.turn - w.lastFightTurn >= r.ceasefireQuietTurns ? 'ceasefire' : 'war';
  return s.tracks.escalation[theater] >= r.crisisRung ? 'crisis' : 'peace';
}

const STATUS_TEXT: Record<WarStatus, string> = {
  peace: 'at peace',
  crisis: 'in crisis (no fighting)',
  war: 'at war',
  ceasefire: 'in a de facto ceasefire (fighting has stopped, nothing agreed)',
  settled: 'settled (both sides accepted)',
};

/**
 * Bring each theater's war up to date with the turn: record fighting, settle where both sides
 * have accepted, derive the status and log every change with its cause. Run in the events phase,
 * after the campaigns have fought.
 *
 * @example
 * updateWars(ctx); // events phase, after capitulation(ctx)
 */
export function updateWars(ctx: Ctx): void {
  const s = ctx.s;
  for (const theater of THEATERS) {
    const w = s.wars[theater];
    if (fightingThisTurn(s, theater)) {
      w.lastFightTurn = s.turn;
      if (w.foughtTurn === 0) w.foughtTurn = s.turn;
    }
    // Combat after a settlement of an earlier turn breaks it.
    if (settlementStands(s, theater) && w.since < s.turn && combatsThisTurn(s, theater) > 0)
      breakSettlement(ctx, theater);
  }
  settle(ctx);
  for (const theater of THEATERS) {
    const w = s.wars[theater];
    const next = derivedStatus(s, ctx.sc, theater);
    if (next === w.status) continue;
    const from = w.status;
    if (next === 'war' && from !== 'war') lapseTalks(ctx, theater);
    w.status = next;
    w.since = s.turn;
    if (!ctx.quiet) {
      const n = combatsThisTurn(s, theater);
      ctx.note(
        theater,
        [],
        `${theaterName(theater)} is now ${STATUS_TEXT[next]} (was ${from})${n > 0 ? `: ${n} combats this turn` : ''}.`,
      );
    }
  }
}

/** The flags by which each side of a theater has accepted talks. */
const TALKS: Record<Theater, readonly Flag[]> = {
  indoPacific: ['chinaNegotiating', 'usNegotiating', 'taiwanNegotiating'],
  europe: ['russiaOffersTerms', 'natoNegotiating'],
};

/**
 * When fighting begins (or resumes), offers to talk made before it lapse: a settlement of the war
 * needs both sides to accept it after it began, not a word given in the crisis before it.
 */
function lapseTalks(ctx: Ctx, theater: Theater): void {
  const open = TALKS[theater].filter((f) => ctx.s.flags[f]);
  if (open.length === 0) return;
  for (const f of open) ctx.setFlag(f, false);
  ctx.note(
    theater,
    [],
    `Fighting in the ${theaterName(theater)} overtakes the talks offered before it (${open.join(', ')}): a settlement now needs both sides to accept again.`,
  );
}

/** Fighting after a settlement breaks it: the parties must offer and accept again. */
function breakSettlement(ctx: Ctx, theater: Theater): void {
  ctx.setFlag(theater === 'indoPacific' ? 'indoPacificSettlement' : 'europeSettlement', false);
  for (const f of TALKS[theater]) ctx.setFlag(f, false);
  ctx.note(theater, [], `Fighting breaks the ${theaterName(theater)} settlement.`);
}

/**
 * Settle each theater where both sides have accepted talks (and nothing has settled it yet): the
 * campaigns there stop along the lines reached and the ladder comes down `war.settlementRelief`
 * rungs. Called when a party opens talks and again each turn in the events phase.
 *
 * @example
 * ctx.setFlag('natoNegotiating');
 * settle(ctx); // settles Europe if Russia has already offered terms and fighting has happened
 */
export function settle(ctx: Ctx): void {
  const s = ctx.s;
  // Nothing is settled over a nuclear detonation: the game ends on it.
  if (s.keyEvents.some((e) => e.name === 'nuclearUse')) return;
  const relief = ctx.sc.rules.war.settlementRelief;
  if (
    !s.flags.indoPacificSettlement &&
    bothAccept(s, 'indoPacific') &&
    s.taiwan.phase !== 'fallen'
  ) {
    ctx.setFlag('indoPacificSettlement');
    for (const k of ['blockadeActive', 'quarantineActive', 'strikesActive'] as const)
      ctx.setFlag(k, false);
    s.taiwan.phase = 'settled';
    s.taiwan.since = s.turn;
    settleLodgement(ctx);
    markSettled(s, 'indoPacific');
    ctx.note(
      'indoPacific',
      ['china', 'usa', 'taiwan'],
      'China and Taiwan/the US both accept a settlement in the Taiwan Strait: operations end, status unresolved.',
    );
    ctx.deescalate('indoPacific', settledDrop(s, 'indoPacific', relief), 'negotiated settlement');
  }
  if (!s.flags.europeSettlement && bothAccept(s, 'europe') && hasFought(s, 'europe')) {
    ctx.setFlag('europeSettlement');
    s.europe.operation = 'none';
    s.europe.targets = [];
    markSettled(s, 'europe');
    ctx.note(
      'europe',
      ['russia', 'usa', 'nato-europe'],
      'Russia and NATO both accept a settlement: fighting on allied territory stops along the current lines.',
    );
    ctx.deescalate('europe', settledDrop(s, 'europe', relief), 'negotiated settlement');
  }
}

/** Rungs a settlement takes off: `relief`, and at least down to below limited war. */
function settledDrop(s: GameState, theater: Theater, relief: number): number {
  const rung = s.tracks.escalation[theater];
  return Math.max(relief, rung - (LIMITED_WAR_LEVEL - 1));
}

function markSettled(s: GameState, theater: Theater): void {
  const w = s.wars[theater];
  if (w.status === 'settled') return;
  w.status = 'settled';
  w.since = s.turn;
}
