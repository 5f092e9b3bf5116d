import type { Ctx } from '../context';
import type { ActorId } from '../ids';
import type { AxisDef, AxisMoveDef, Scenario } from '../scenario/schema';
import { forceById, raiseForce, type AxisMove, type ForceState, type GameState } from '../state';

/**
 * The Baltic axes' data, indexed once per scenario, and the forces that move to an axis: Russia's
 * follow-on echelons and regroupings, NATO's reinforcements. Nothing teleports: a move leaves now,
 * arrives after its transit time, and loses a share on every step of the way under the other
 * side's air control.
 */

export interface BalticIndex {
  /** The axes in the scenario's order. */
  readonly ids: readonly string[];
  readonly axes: ReadonlyMap<string, AxisDef>;
  /** The axis aimed at each objective region. */
  readonly byObjective: ReadonlyMap<string, string>;
  /** `baltic.followOn`, then `baltic.reinforcements` (the order of `state.europe.sentPct`). */
  readonly moves: readonly AxisMoveDef[];
  /** Forces held back for a follow-on move (they do not join the first echelon). */
  readonly reserved: ReadonlySet<string>;
  /** Engagement labels (random stream names), built once: by axis, and by objective for counter-attacks. */
  readonly labels: ReadonlyMap<string, string>;
  readonly counterLabels: ReadonlyMap<string, string>;
  /** Force ids, built once: the Russian force on each axis, NATO's counter-attack force by objective. */
  readonly forceIds: ReadonlyMap<string, string>;
  readonly counterIds: ReadonlyMap<string, string>;
}

const cache = new WeakMap<Scenario, BalticIndex>();

/**
 * @example
 * balticIndex(scenario).axes.get('riga')!.objective // 'latvia'
 */
export function balticIndex(sc: Scenario): BalticIndex {
  let b = cache.get(sc);
  if (!b) {
    const axes = new Map(Object.entries(sc.baltic.axes));
    const byObjective = new Map<string, string>();
    for (const [id, a] of axes) if (!byObjective.has(a.objective)) byObjective.set(a.objective, id);
    b = {
      ids: [...axes.keys()],
      axes,
      byObjective,
      moves: [...sc.baltic.followOn, ...sc.baltic.reinforcements],
      reserved: new Set(sc.baltic.followOn.map((m) => m.force)),
      labels: new Map([...axes.keys()].map((id) => [id, `axis:${id}`])),
      counterLabels: new Map(
        [...axes.values()].map((a) => [a.objective, `counter-attack:${a.objective}`]),
      ),
      forceIds: new Map([...axes.keys()].map((id) => [id, axisForceId(id)])),
      counterIds: new Map(
        [...axes.values()].map((a) => [a.objective, counterAttackId(a.objective)]),
      ),
    };
    cache.set(sc, b);
  }
  return b;
}

/** The id of the Russian force counter fighting on an axis. */
export const axisForceId = (axis: string): string => `russia-axis-${axis}`;
/** The id of the NATO force counter-attacking an occupied objective. */
export const counterAttackId = (target: string): string => `nato-europe-counterattack-${target}`;

/**
 * Add raw strength at a readiness to a force (raised if new), averaging the readiness.
 *
 * @example
 * joinForce(s, 'russia-axis-riga', 'russia', 'russia-west', 30, 55, 'Russian assault group (Riga)');
 */
export function joinForce(
  s: GameState,
  id: string,
  actor: ActorId,
  region: string,
  points: number,
  readiness: number,
  label: string,
): ForceState {
  const f = forceById(s, id);
  if (!f) {
    const nf: ForceState = { id, actor, region, kind: 'ground', strength: points, readiness };
    raiseForce(s, nf, label);
    return nf;
  }
  const total = f.strength + points;
  if (total > 0) f.readiness = Math.trunc((f.strength * f.readiness + points * readiness) / total);
  f.strength = total;
  return f;
}

/**
 * Take `points` of raw strength out of these forces in proportion to their strength. Returns the
 * points taken and their strength-weighted readiness.
 *
 * @example
 * const { points, readiness } = draw(stagingForces, 40);
 */
export function draw(
  forces: readonly ForceState[],
  points: number,
): { points: number; readiness: number } {
  let available = 0;
  for (const f of forces) available += f.strength;
  const want = Math.min(points, available);
  if (want <= 0) return { points: 0, readiness: 0 };
  let taken = 0;
  let weighted = 0;
  for (const f of forces) {
    const part = Math.min(f.strength, Math.trunc((want * f.strength) / available));
    f.strength -= part;
    taken += part;
    weighted += part * f.readiness;
  }
  for (const f of forces) {
    if (taken >= want) break;
    const part = Math.min(f.strength, want - taken);
    f.strength -= part;
    taken += part;
    weighted += part * f.readiness;
  }
  return { points: taken, readiness: taken === 0 ? 0 : Math.trunc(weighted / taken) };
}

/**
 * Put a force on the road to an axis.
 *
 * @example
 * sendMove(ctx, { actor: 'nato-europe', strength: 40, readiness: 85, axis: 'riga', arrives: 220, label });
 */
export function sendMove(ctx: Ctx, m: Omit<AxisMove, 'carry'>): void {
  if (m.strength <= 0) return;
  ctx.s.europe.moves.push({ ...m, carry: 0 });
  if (ctx.quiet) return;
  const a = ctx.sc.baltic.axes[m.axis];
  ctx.note(
    'europe',
    [m.actor],
    `${m.label}: ${m.strength} points leave for the ${a?.name ?? m.axis} axis, arriving hour ${m.arrives}.`,
    a?.objective,
  );
}

/** The share (%) of a Ukraine-front move the front lets go, by the state of the war there. */
function ukraineFreedPct(s: GameState, sc: Scenario): number {
  const u = sc.rules.ukraine;
  switch (s.ukraine.status) {
    case 'fighting':
      return 100 - u.forcesTiedPct;
    case 'ceasefire':
      return Math.min(100, 100 - u.forcesTiedPct + u.ceasefireFreedPct);
    case 'russia-controls':
      return 100;
    default: {
      const never: never = s.ukraine.status;
      throw new Error(`unknown Ukraine status ${String(never)}`);
    }
  }
}

/**
 * Start the scenario's moves whose time has come (`baltic.followOn`, `baltic.reinforcements`): a
 * Russian follow-on echelon when the offensive begins (the Ukraine grouping as far as the Ukraine
 * front frees it: more after a ceasefire), NATO's national and Article 5 reinforcements when their
 * axis is under attack or its objective occupied. Each sends the rest of its share of its force's
 * scenario strength, out of what the force still has. They leave at `departs`.
 *
 * @example
 * dispatchMoves(ctx, ctx.stepStart());
 */
export function dispatchMoves(ctx: Ctx, departs: number): void {
  const s = ctx.s;
  const sc = ctx.sc;
  const e = s.europe;
  if (e.launched === 'none') return;
  const b = balticIndex(sc);
  for (let i = 0; i < b.moves.length; i++) {
    const m = b.moves[i]!;
    const axis = b.axes.get(m.axis)!;
    const engaged = e.axes.includes(m.axis) || s.regions[axis.objective]?.owner === 'russia';
    const russian = sc.forces[m.force]!.actor === 'russia';
    let want: number;
    switch (m.when) {
      case 'offensive':
        // Russia's echelons follow a full offensive; NATO's neighbours answer any attack on the axis.
        want = (russian ? e.launched === 'offensive' : engaged) ? m.sharePct : 0;
        break;
      case 'article5':
        want = s.flags.article5Invoked && engaged ? m.sharePct : 0;
        break;
      case 'ukraine-front':
        want =
          e.launched === 'offensive' ? Math.trunc((m.sharePct * ukraineFreedPct(s, sc)) / 100) : 0;
        break;
      default: {
        const never: never = m.when;
        throw new Error(`unknown move trigger ${String(never)}`);
      }
    }
    const sent = e.sentPct[i] ?? 0;
    if (want <= sent) continue;
    e.sentPct[i] = want;
    const f = forceById(s, m.force);
    if (!f) continue;
    const points = Math.min(
      f.strength,
      Math.trunc((sc.forces[m.force]!.strength * (want - sent)) / 100),
    );
    if (points <= 0) continue;
    f.strength -= points;
    sendMove(ctx, {
      actor: f.actor,
      strength: points,
      readiness: f.readiness,
      axis: m.axis,
      arrives: departs + m.transitHours,
      label: m.name,
    });
  }
}

/**
 * One step of the moves on the road: each loses `baltic.transitLossPm` ‰ scaled by the other
 * side's air control (`control`: Europe's, from Russia's side), and those due by the step's end
 * arrive: Russia's join the axis's force, NATO's stand in the axis's objective (or, if it has
 * fallen, its first neighbour NATO still holds).
 *
 * @example
 * advanceMoves(ctx, europeAirSea(ctx.s, ctx.sc).control);
 */
export function advanceMoves(ctx: Ctx, control: number): void {
  const s = ctx.s;
  const sc = ctx.sc;
  const e = s.europe;
  if (e.moves.length === 0) return;
  const pm = sc.rules.baltic.transitLossPm;
  const kept: AxisMove[] = [];
  for (const m of e.moves) {
    const hostile = m.actor === 'russia' ? -control : control;
    if (hostile > 0) {
      // Exact over the steps of the way: the fraction of a point not yet lost is carried.
      const exact = m.strength * Math.trunc((pm * hostile) / 100) + m.carry;
      const lost = Math.min(m.strength, Math.trunc(exact / 1000));
      m.strength -= lost;
      m.carry = exact - lost * 1000;
    }
    if (m.arrives > ctx.hour) {
      kept.push(m);
      continue;
    }
    arrive(ctx, m);
  }
  e.moves = kept;
}

function arrive(ctx: Ctx, m: AxisMove): void {
  const s = ctx.s;
  const sc = ctx.sc;
  const axis = sc.baltic.axes[m.axis]!;
  if (m.strength <= 0) return;
  let region: string;
  const e = s.europe;
  if (m.actor === 'russia' && !e.axes.includes(m.axis) && e.axes.length > 0) {
    // Its axis has reached its objective (or given up): it turns to an axis still fighting.
    sendMove(ctx, { ...m, axis: e.axes[0]!, arrives: ctx.hour + sc.rules.baltic.regroupHours });
    return;
  }
  if (m.actor === 'russia') {
    const id = balticIndex(sc).forceIds.get(m.axis)!;
    region = forceById(s, id)?.region ?? Object.keys(axis.from)[0]!;
    joinForce(s, id, 'russia', region, m.strength, m.readiness, m.label);
  } else {
    region = holdingRegion(s, sc, axis.objective);
    const id = `${m.actor}-ground-${region}-reinforcement`;
    joinForce(s, id, m.actor, region, m.strength, m.readiness, m.label);
  }
  if (!ctx.quiet)
    ctx.note(
      'europe',
      [m.actor],
      `Arrived on the ${axis.name} axis: ${m.label} (${m.strength} points) in ${sc.regions[region]?.name ?? region}.`,
      region,
    );
}

/**
 * Where NATO forces bound for an objective stand: the objective while NATO holds it, else its first
 * neighbour (in the scenario's order) that NATO holds on land.
 *
 * @example
 * holdingRegion(state, scenario, 'estonia') // 'latvia' once Estonia has fallen
 */
export function holdingRegion(s: GameState, sc: Scenario, objective: string): string {
  if (s.regions[objective]?.owner !== 'russia') return objective;
  for (const r of sc.regions[objective]!.adjacent)
    if (sc.regions[r]!.kind === 'land' && s.regions[r]?.owner === 'nato-europe') return r;
  return objective;
}
