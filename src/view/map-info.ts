import type { ActorId } from '../sim/ids';
import type { Scenario } from '../sim/scenario/schema';
import type { ForceState, GameState } from '../sim/state';
import { ACTOR_STYLE } from './palette';

/**
 * What the map says about regions and forces, as plain data and text: counter groups and tooltip
 * lines. Pure, so the wording and grouping do not depend on Phaser.
 */

/** One counter on the map: a single force, or several of one actor added up. */
export interface CounterGroup {
  readonly actor: ActorId;
  readonly strength: number;
  /** The forces behind the counter (one unless aggregated). */
  readonly forces: readonly ForceState[];
}

/**
 * The counters to draw in one region: one per actor (its forces added up, strongest force first),
 * biggest first. The theater maps are small at 1280×720, and one counter per actor keeps even the
 * Baltic readable; the tooltip lists the forces behind each counter.
 */
export function counterGroups(forces: readonly ForceState[]): CounterGroup[] {
  const live = forces.filter((f) => f.strength > 0).sort((a, b) => b.strength - a.strength);
  const by = new Map<ActorId, ForceState[]>();
  for (const f of live) by.set(f.actor, [...(by.get(f.actor) ?? []), f]);
  return [...by.entries()]
    .map(([actor, fs]) => ({ actor, strength: fs.reduce((s, f) => s + f.strength, 0), forces: fs }))
    .sort((a, b) => b.strength - a.strength);
}

/** Forces by region id, in state order. */
export function forcesByRegion(state: GameState): Map<string, ForceState[]> {
  const m = new Map<string, ForceState[]>();
  for (const f of state.forces) {
    const list = m.get(f.region);
    if (list) list.push(f);
    else m.set(f.region, [f]);
  }
  return m;
}

/** A force's display name: the scenario's, or the one it was raised under. */
export function forceName(sc: Scenario, state: GameState, id: string): string {
  return sc.forces[id]?.name ?? state.forceLabels[id] ?? id;
}

/** A force name cut to its head (before a colon or bracket), at most 40 characters. */
function brief(name: string): string {
  const head = name.split(/[:(]/)[0]!.trim() || name;
  return head.length > 40 ? `${head.slice(0, 39)}…` : head;
}

function actorName(sc: Scenario, a: ActorId | null): string {
  if (!a) return 'nobody';
  return sc.actors[a]?.name ?? a;
}

/** Tooltip lines for a region: name, owner and control, supply, value and the forces in it. */
export function regionTooltip(sc: Scenario, state: GameState, id: string): string[] {
  const def = sc.regions[id];
  const rs = state.regions[id];
  if (!def || !rs) return [id];
  const marks = [
    def.value.capital ? `capital ${def.value.capital}` : '',
    def.value.port ? 'port' : '',
    def.value.chokepoint ? 'chokepoint' : '',
  ].filter(Boolean);
  const lines = [
    def.name,
    `Owner: ${actorName(sc, rs.owner)}${rs.owner ? ` · control ${rs.control}%` : ''}`,
  ];
  if (rs.contested) lines.push('⚔ Contested');
  lines.push(`Supply ${def.supply}% · ${def.kind} · ${def.terrain}`);
  lines.push(`Value ${def.value.points}${marks.length ? ` · ${marks.join(' · ')}` : ''}`);
  const forces = state.forces.filter((f) => f.region === id && f.strength > 0);
  if (forces.length > 0) {
    lines.push(`Forces (${forces.length}):`);
    for (const f of forces.slice(0, 8)) {
      const name = brief(forceName(sc, state, f.id));
      lines.push(`  ${ACTOR_STYLE[f.actor].code} ${f.kind} ${f.strength} · ${name}`);
    }
    if (forces.length > 8) lines.push(`  … and ${forces.length - 8} more`);
  }
  return lines;
}

/**
 * Tooltip lines for a counter: the actor and total, then one line per force (kind, strength,
 * readiness, name); a single force also gets its full name.
 */
export function counterTooltip(sc: Scenario, state: GameState, g: CounterGroup): string[] {
  const n = g.forces.length;
  const lines = [
    `${actorName(sc, g.actor)} · ${n === 1 ? '1 force' : `${n} forces`}, strength ${g.strength}`,
  ];
  for (const f of g.forces.slice(0, 8)) {
    const name = n === 1 ? forceName(sc, state, f.id) : brief(forceName(sc, state, f.id));
    lines.push(`${f.kind} ${f.strength} · readiness ${f.readiness}% · ${name}`);
  }
  if (n > 8) lines.push(`… and ${n - 8} more`);
  return lines;
}
