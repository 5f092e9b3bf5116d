import type { ActorId, Theater } from '../sim/ids';
import type { LogEntry } from '../sim/log';
import type { Scenario } from '../sim/scenario/schema';
import type { GameState } from '../sim/state';
import type { ShownEntry } from './contract';

/**
 * The turn's story on the map, as plain data: which rings, bursts and arrows to draw, where, and
 * how faded. Derived from the state (what holds now: a blockade, forces on the way, axes under
 * attack, regions that changed hands) and from the log the viewer may see (what happened: a
 * landing, strikes, an incursion, a battle). Pure, so the scene only draws what this returns.
 */

export type MarkerKind =
  /** A ring around the island while the blockade (solid) or quarantine (dashed) is on. */
  | 'blockade'
  | 'quarantine'
  /** A burst where strikes landed. */
  | 'strike'
  /** An arrow from the staging area to the landing region. */
  | 'landing'
  /** An arrow across the border into the region attacked. */
  | 'incursion'
  /** An arrow along an axis under attack, from its staging area to its objective. */
  | 'advance'
  /** Crossed swords where a battle was fought. */
  | 'clash'
  /** A region held by someone other than its owner at the start, outlined in the holder's colour. */
  | 'control'
  /** A dashed route of forces on their way, with the turn they arrive. */
  | 'transit';

export interface StoryMarker {
  readonly kind: MarkerKind;
  readonly theater: Theater;
  /** Where it happens (the arrow's head). */
  readonly region: string;
  /** The arrow's tail: a region, or null for forces coming from off the map. */
  readonly from?: string | null;
  /** Who acted (the arrow's colour), if anyone. */
  readonly actor: ActorId | null;
  /** The turn it happened (for what holds now: the frame's turn). */
  readonly turn: number;
  /** 1 in the turn it happened, less in each later turn (see `fade`). */
  readonly alpha: number;
  /** One line for the tooltip and the tests. */
  readonly label: string;
  /** For forces on the way: the turn they arrive. */
  readonly eta?: number;
}

/** Opacity of an event's marker by its age in turns; gone from the fourth turn on. */
export const FADE = [1, 0.65, 0.4] as const;

/** A marker's opacity `age` turns after the event (0 once it has faded out). */
export function fade(age: number): number {
  if (age < 0) return 1;
  return FADE[age] ?? 0;
}

/** What has changed hands stays marked at this opacity at least, while it is held. */
const HELD_ALPHA = 0.45;

type Coord = readonly [number, number];

/** Where an attack on `to` comes from: a bordering candidate if any, else the nearest centre. */
function nearest(sc: Scenario, to: string, candidates: readonly string[]): string | null {
  const def = sc.regions[to];
  if (!def) return candidates[0] ?? null;
  const at = def.geo.center;
  const bordering = candidates.filter((c) => def.adjacent.includes(c));
  const pool = bordering.length > 0 ? bordering : candidates;
  // Degrees of longitude shrink towards the poles.
  const kx = Math.cos((at[1] * Math.PI) / 180);
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of pool) {
    const p: Coord | undefined = sc.regions[c]?.geo.center;
    if (!p) continue;
    const d = ((p[0] - at[0]) * kx) ** 2 + (p[1] - at[1]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function theaterOf(sc: Scenario, region: string | undefined): Theater | null {
  return (region && sc.regions[region]?.theater) || null;
}

const STRIKE_TEXT = /\bstrikes (on|US)\b/;
const TAKEN_TEXT = /\b(seize|seizes|takes|retake|retakes|falls)\b/i;

/** The first actor of an entry that is not the defender, for an arrow's colour. */
function actorOf(e: LogEntry): ActorId | null {
  if (e.type === 'decision') return e.actor;
  return e.actors[0] ?? null;
}

/**
 * Every marker for one moment of the game, oldest event first.
 *
 * @example
 * const markers = storyMarkers(sc, state, frame.log);
 * markers.filter((m) => m.kind === 'blockade'); // a ring around Taiwan while blockaded
 */
export function storyMarkers(
  sc: Scenario,
  state: GameState,
  log: readonly ShownEntry[],
): StoryMarker[] {
  const out: StoryMarker[] = [];
  const now = state.turn;
  const seen = new Set<string>();
  const push = (m: StoryMarker): void => {
    const key = `${m.kind}|${m.region}|${m.from ?? ''}|${m.turn}`;
    if (seen.has(key) || m.alpha <= 0) return;
    seen.add(key);
    out.push(m);
  };
  const roles = sc.roles;

  // What happened: from the log, faded by age.
  for (const { entry: e } of log) {
    const age = now - e.turn;
    const alpha = fade(age);
    if (alpha <= 0) continue;
    const theater = theaterOf(sc, e.region);
    if (!e.region || !theater) {
      // Strikes on the island are logged against the Strait, as part of the air and sea war.
      continue;
    }
    const base = { theater, turn: e.turn, alpha, actor: actorOf(e) };
    if (e.type === 'key-event') {
      if (e.name === 'taiwanLanding') {
        push({
          ...base,
          kind: 'landing',
          region: e.region,
          from: roles.chinaStaging,
          actor: 'china',
          label: `Landing, turn ${e.turn}`,
        });
      } else if (e.name === 'invasionBegins') {
        push({
          ...base,
          kind: 'landing',
          region: roles.taiwanStrait,
          from: roles.chinaStaging,
          actor: 'china',
          label: `Invasion fleet sails, turn ${e.turn}`,
        });
      } else if (e.name === 'secondFront' || e.name === 'balticOffensiveBegins') {
        push({
          ...base,
          kind: 'incursion',
          region: e.region,
          from: nearest(sc, e.region, roles.russianStaging),
          actor: 'russia',
          label: `Russia crosses into ${sc.regions[e.region]?.name ?? e.region}, turn ${e.turn}`,
        });
      }
    } else if (e.type === 'adjudication' && e.kind === 'combat') {
      const attacker = e.inputs['attacker'];
      push({
        ...base,
        kind: 'clash',
        region: e.region,
        actor: typeof attacker === 'string' ? (attacker as ActorId) : base.actor,
        label: `Battle for ${sc.regions[e.region]?.name ?? e.region}, turn ${e.turn}`,
      });
    } else if (e.type === 'adjudication' && e.kind === 'air-sea') {
      const fired = Number(e.inputs['chinaMissilesFired'] ?? 0);
      if (fired > 0)
        push({
          ...base,
          kind: 'strike',
          region: roles.taiwanMain,
          actor: 'china',
          label: `Missile strikes, turn ${e.turn}`,
        });
    } else if (e.type === 'change' && STRIKE_TEXT.test(e.text)) {
      push({ ...base, kind: 'strike', region: e.region, label: `Strikes, turn ${e.turn}` });
    } else if (e.type === 'decision' && /incursion|offensive/.test(e.decision.type)) {
      push({
        ...base,
        kind: 'incursion',
        region: e.region,
        from: nearest(sc, e.region, roles.russianStaging),
        label: `${e.decision.type.split('.').pop()} into ${sc.regions[e.region]?.name ?? e.region}, turn ${e.turn}`,
      });
    }
  }

  // What holds now.
  const main = roles.taiwanMain;
  const mainTheater = theaterOf(sc, main);
  if (mainTheater && (state.flags.blockadeActive || state.flags.quarantineActive)) {
    const blockade = state.flags.blockadeActive;
    push({
      kind: blockade ? 'blockade' : 'quarantine',
      theater: mainTheater,
      region: main,
      actor: 'china',
      turn: now,
      alpha: 1,
      label: blockade ? 'Blockade of Taiwan' : 'Quarantine of Taiwan',
    });
  }
  const war = state.europe.operation === 'incursion' || state.europe.operation === 'offensive';
  if (war) {
    for (const id of state.europe.axes) {
      const axis = sc.baltic.axes[id];
      const theater = theaterOf(sc, axis?.objective);
      if (!axis || !theater) continue;
      for (const from of Object.keys(axis.from)) {
        push({
          kind: 'advance',
          theater,
          region: axis.objective,
          from,
          actor: 'russia',
          turn: now,
          alpha: 1,
          label: `Axis ${axis.name}`,
        });
      }
    }
  }
  for (const id of Object.keys(state.regions)) {
    const def = sc.regions[id];
    const rs = state.regions[id]!;
    if (!def || def.kind === 'sea' || !rs.owner || rs.owner === def.owner) continue;
    // When it changed hands: the last visible entry about the region that says so.
    let turn = now;
    for (let i = log.length - 1; i >= 0; i--) {
      const e = log[i]!.entry;
      if (e.region === id && TAKEN_TEXT.test(e.text)) {
        turn = e.turn;
        break;
      }
    }
    push({
      kind: 'control',
      theater: def.theater,
      region: id,
      actor: rs.owner,
      turn,
      alpha: Math.max(HELD_ALPHA, fade(now - turn)),
      label: `${sc.regions[id]!.name}: held by ${sc.actors[rs.owner]?.name ?? rs.owner}`,
    });
  }
  const turnHours = sc.calendar.turnHours;
  for (const u of state.us.units) {
    if (u.at !== 'transit' || !u.toRegion) continue;
    const theater = theaterOf(sc, u.toRegion);
    if (!theater) continue;
    const eta = Math.floor(u.arrives / turnHours) + 1;
    push({
      kind: 'transit',
      theater,
      region: u.toRegion,
      from: null,
      actor: 'usa',
      turn: now,
      alpha: 1,
      eta,
      label: `${sc.us.units[u.id]?.name ?? u.id} → ${sc.regions[u.toRegion]?.name ?? u.toRegion}, arrives turn ${eta}`,
    });
  }
  for (const d of state.pipeline) {
    if (d.kind !== 'force') continue;
    const theater = theaterOf(sc, d.region);
    if (!theater) continue;
    push({
      kind: 'transit',
      theater,
      region: d.region,
      from: null,
      actor: d.actor,
      turn: now,
      alpha: 1,
      eta: d.arrives,
      label: `${d.label} → ${sc.regions[d.region]?.name ?? d.region}, arrives turn ${d.arrives}`,
    });
  }
  for (const m of state.europe.moves) {
    const axis = sc.baltic.axes[m.axis];
    const theater = theaterOf(sc, axis?.objective);
    if (!axis || !theater) continue;
    const eta = Math.floor(m.arrives / turnHours) + 1;
    const from = m.actor === 'russia' ? (Object.keys(axis.from)[0] ?? null) : null;
    push({
      kind: 'transit',
      theater,
      region: axis.objective,
      from,
      actor: m.actor,
      turn: now,
      alpha: 1,
      eta,
      label: `${m.label} → ${sc.regions[axis.objective]?.name ?? axis.objective}, arrives turn ${eta}`,
    });
  }
  return out;
}
