import { ACTOR_BLOC, type PlayableActorId } from '../sim/ids';
import type { TrackSnapshot } from '../sim/phases';
import type { Scenario } from '../sim/scenario/schema';
import { scoreActor, type ActorScore } from '../sim/score';
import type { GameState } from '../sim/state';

/**
 * What the side panel shows for one side, as plain data: its own figures with their change since
 * the end of the last turn, its forces and where they are, and its objectives with the score so
 * far. Its figures and forces come only from that side's own entries of the state (its support
 * and cost, its bloc's munitions and readiness, its forces, its deliveries, the US pool for the
 * United States), never another side's. The score is the one the objectives card shows
 * (`scoreActor`: the outcome rule that would fire now, and the side's own terms).
 */

export type FigureId = 'support' | 'economicCost' | 'munitions' | 'readiness';

export interface Figure {
  readonly id: FigureId;
  /** null: not modelled for this side (munitions of a side without a bloc). */
  readonly value: number | null;
  /** Change since the start of the last turn; null when there is no earlier figure to compare. */
  readonly delta: number | null;
}

export interface ForceLine {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** Region id ('' at home for a US pool unit). */
  readonly region: string;
  /** Region name, or where the unit is ("At home (United States)"). */
  readonly where: string;
  readonly strength: number;
  /** Percent; null when the force has none of its own (a delivery on the way). */
  readonly readiness: number | null;
  /** The hour it arrives, for forces on the way; null for forces in place. */
  readonly arrives: number | null;
}

export interface SidePanelData {
  readonly actor: PlayableActorId;
  readonly name: string;
  readonly figures: readonly Figure[];
  /** The turn whose start the figures' changes count from; null in the first turn. */
  readonly since: number | null;
  /** Forces in place, by region name, then by name. */
  readonly forces: readonly ForceLine[];
  /** Forces on the way, soonest first. */
  readonly transit: readonly ForceLine[];
  readonly summary: string;
  /** The outcome that fired, or that would fire if the game ended now (null: none). */
  readonly outcomeLabel: string | null;
  /** The game is over: the score is final, not provisional. */
  readonly final: boolean;
  readonly score: ActorScore;
}

/** Where the changes are measured from: the start of the last turn. */
export interface Since {
  /** The turn whose start the changes count from (the turn before the current one). */
  readonly turn: number;
  /** The charted tracks at that moment (the end of the turn before it, or the game's start). */
  readonly tracks: TrackSnapshot;
}

/**
 * The reference for "change since last turn" in turn `turn`: the charted tracks at the start of
 * turn `turn − 1`, which is the end of turn `turn − 2`, or `start` (the state before turn 1) when
 * that is the first turn. At a decision this shows what the last turn did, since the player last
 * decided; later in the turn it adds what this turn has done so far. null in turn 1.
 *
 * @example
 * sinceLastTurn(ctx.tracks, 6, snapshot(createInitialState(sc, seed, levers)))
 * // { turn: 5, tracks: { turn: 4, 'support.usa': 62, … } }
 */
export function sinceLastTurn(
  tracks: readonly TrackSnapshot[],
  turn: number,
  start: TrackSnapshot,
): Since | null {
  if (turn < 2) return null;
  for (let i = tracks.length - 1; i >= 0; i--) {
    const t = tracks[i]!;
    if ((t['turn'] ?? 0) <= turn - 2) return { turn: turn - 1, tracks: t };
  }
  return { turn: turn - 1, tracks: start };
}

function figure(id: FigureId, value: number | null, before: number | undefined): Figure {
  return { id, value, delta: value === null || before === undefined ? null : value - before };
}

/**
 * The side panel's data for `side` in `state`, with changes since `since` (from `sinceLastTurn`).
 *
 * @example
 * const d = sidePanelData(ctx.state, sc, 'usa', sinceLastTurn(ctx.tracks, ctx.state.turn, start));
 * d.figures[0] // { id: 'support', value: 60, delta: -2 }
 */
export function sidePanelData(
  state: GameState,
  sc: Scenario,
  side: PlayableActorId,
  since: Since | null,
): SidePanelData {
  const own = state.actors[side];
  const bloc = ACTOR_BLOC[side];
  const before = (key: string): number | undefined => since?.tracks[key];
  const figures: Figure[] = [
    figure('support', own.support, before(`support.${side}`)),
    figure('economicCost', own.economicCost, before(`economicCost.${side}`)),
    figure(
      'munitions',
      bloc ? state.blocs[bloc].munitions : null,
      bloc ? before(`${bloc}.munitions`) : undefined,
    ),
    // A side in a bloc has its bloc's readiness (the actor's own follows it from the first
    // turn's events on); it is charted for NATO only, since the other blocs' does not change.
    figure(
      'readiness',
      bloc ? state.blocs[bloc].readiness : own.readiness,
      bloc ? before(`${bloc}.readiness`) : undefined,
    ),
  ];

  const regionName = (id: string): string => sc.regions[id]?.name ?? id;
  const forces: ForceLine[] = [];
  const transit: ForceLine[] = [];
  for (const f of state.forces) {
    if (f.actor !== side || f.strength <= 0) continue;
    forces.push({
      id: f.id,
      name: sc.forces[f.id]?.name ?? state.forceLabels[f.id] ?? f.id,
      kind: f.kind,
      region: f.region,
      where: regionName(f.region),
      strength: f.strength,
      readiness: f.readiness,
      arrives: null,
    });
  }
  for (const d of state.pipeline) {
    if (d.kind !== 'force' || d.actor !== side) continue;
    transit.push({
      id: d.force,
      name: d.label,
      kind: d.forceKind,
      region: d.region,
      where: regionName(d.region),
      strength: d.strength,
      readiness: null,
      arrives: d.arrives,
    });
  }
  if (side === 'usa')
    for (const u of state.us.units) {
      const def = sc.us.units[u.id];
      if (!def || u.strength <= 0) continue;
      const line = {
        id: u.id,
        name: def.name,
        kind: def.kind,
        strength: u.strength,
        readiness: def.readiness,
      };
      if (u.at === 'transit')
        transit.push({
          ...line,
          region: u.toRegion,
          where: u.toRegion ? regionName(u.toRegion) : PLACE[u.to || 'conus'],
          arrives: u.arrives,
        });
      else
        forces.push({
          ...line,
          region: u.region,
          where: u.region ? regionName(u.region) : PLACE[u.at],
          arrives: null,
        });
    }
  forces.sort((a, b) => a.where.localeCompare(b.where) || a.name.localeCompare(b.name));
  transit.sort((a, b) => (a.arrives ?? 0) - (b.arrives ?? 0) || a.name.localeCompare(b.name));

  // Once the game is over, its outcome's own terms; until then, as if it ended now.
  const o = state.outcome;
  const score: ActorScore = o
    ? { total: o.scores[side], terms: o.terms[side], outcome: o.id }
    : scoreActor(state, sc, side);
  return {
    actor: side,
    name: sc.actors[side]?.name ?? side,
    figures,
    since: since?.turn ?? null,
    forces,
    transit,
    summary: sc.objectives[side].summary,
    outcomeLabel: sc.outcomes.find((r) => r.id === score.outcome)?.label ?? null,
    final: o !== null,
    score,
  };
}

/** Where a US pool unit stands when it is in no region. */
const PLACE: Record<'conus' | 'europe' | 'indoPacific', string> = {
  conus: 'At home (United States)',
  europe: 'Europe',
  indoPacific: 'Indo-Pacific',
};
