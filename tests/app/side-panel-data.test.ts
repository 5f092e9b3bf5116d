import { describe, expect, it } from 'vitest';
import { sinceLastTurn, sidePanelData } from '../../src/app/side-panel-data';
import { PLAYABLE_ACTORS } from '../../src/sim/ids';
import { snapshot } from '../../src/sim/phases';
import { scoreActor } from '../../src/sim/score';
import { createInitialState } from '../../src/sim/setup';
import { cloneState } from '../../src/sim/state';
import { game } from '../helpers/game';

/**
 * The side panel's data: a player's own figures with their change since last turn, their forces
 * (in place and on the way), and their objectives and score so far, and nothing of any other side.
 */

/**
 * A game stopped in turn 6's decisions: Taiwan's seat is human (it holds every turn) so the
 * engine waits there, as the browser does for a player, and every other seat is the AI.
 */
const session = game('two-front').seed('side-panel').human('taiwan').start();
for (let t = 1; t < 6; t++) session.toNextTurn();
const sc = session.loaded.scenario;
const start = snapshot(createInitialState(sc, 'side-panel', session.opts.levers));
const run = {
  state: session.state,
  tracks: session.snapshot.context.tracks,
  track: (key: string): number[] => session.snapshot.context.tracks.map((t) => t[key]!),
};
session.stop();

describe('sidePanelData', () => {
  it('shows the side’s own support, cost, munitions and readiness, with the change since last turn', () => {
    const s = run.state;
    expect(s.turn).toBe(6);
    const since = sinceLastTurn(run.tracks, s.turn, start);
    // Changes count from the start of turn 5, the end of turn 4.
    expect(since?.turn).toBe(5);
    expect(since?.tracks['turn']).toBe(4);
    const d = sidePanelData(s, sc, 'usa', since);
    expect(d.since).toBe(5);
    const byId = Object.fromEntries(d.figures.map((f) => [f.id, f]));
    const support = run.track('support.usa');
    const cost = run.track('economicCost.usa');
    const munitions = run.track('nato.munitions');
    const readiness = run.track('nato.readiness');
    const n = support.length;
    expect(n).toBe(5);
    expect(byId['support']).toEqual({
      id: 'support',
      value: s.actors.usa.support,
      delta: s.actors.usa.support - support[3]!,
    });
    expect(byId['economicCost']).toEqual({
      id: 'economicCost',
      value: s.actors.usa.economicCost,
      delta: s.actors.usa.economicCost - cost[3]!,
    });
    expect(byId['munitions']).toEqual({
      id: 'munitions',
      value: s.blocs.nato.munitions,
      delta: s.blocs.nato.munitions - munitions[3]!,
    });
    expect(byId['readiness']!.value).toBe(s.blocs.nato.readiness);
    expect(byId['readiness']!.delta).toBe(s.blocs.nato.readiness - readiness[3]!);
    // The last turn moved something: a wrong reference would show.
    expect(d.figures.some((f) => f.delta !== null && f.delta !== 0)).toBe(true);
  });

  it('counts turn 2’s changes from the game’s start', () => {
    const g = game('two-front').seed('side-panel').human('taiwan').start();
    g.toNextTurn();
    expect(g.state.turn).toBe(2);
    const since = sinceLastTurn(g.snapshot.context.tracks, 2, start);
    expect(since).toEqual({ turn: 1, tracks: start });
    const d = sidePanelData(g.state, sc, 'china', since);
    expect(d.figures[0]).toEqual({
      id: 'support',
      value: g.state.actors.china.support,
      delta: g.state.actors.china.support - sc.actors.china.domesticSupport,
    });
    g.stop();
  });

  it('has no change to show on the first turn, and no munitions for a side without a bloc', () => {
    const first = game('two-front').seed('side-panel').human('taiwan').start();
    expect(first.state.turn).toBe(1);
    expect(sinceLastTurn(first.snapshot.context.tracks, 1, start)).toBeNull();
    const d = sidePanelData(first.state, sc, 'taiwan', null);
    first.stop();
    for (const f of d.figures) expect(f.delta).toBeNull();
    expect(d.figures.find((f) => f.id === 'munitions')!.value).toBeNull();
    expect(d.figures.find((f) => f.id === 'support')!.value).toBe(sc.actors.taiwan.domesticSupport);
  });

  it('lists the side’s forces with region names and strength, and only its own', () => {
    const s = run.state;
    for (const side of PLAYABLE_ACTORS) {
      const d = sidePanelData(s, sc, side, null);
      const own = s.forces.filter((f) => f.actor === side && f.strength > 0);
      for (const f of own) {
        const line = d.forces.find((l) => l.id === f.id);
        expect(line, `${side} ${f.id}`).toBeDefined();
        expect(line!.where).toBe(sc.regions[f.region]!.name);
        expect(line!.strength).toBe(f.strength);
        expect(line!.readiness).toBe(f.readiness);
      }
      const others = new Set(s.forces.filter((f) => f.actor !== side).map((f) => f.id));
      for (const l of [...d.forces, ...d.transit]) expect(others.has(l.id)).toBe(false);
      // US pool units belong to the United States' panel alone.
      const pool = new Set(Object.keys(sc.us.units));
      if (side !== 'usa')
        for (const l of [...d.forces, ...d.transit]) expect(pool.has(l.id)).toBe(false);
    }
  });

  it('shows US units on the way with their destination and arrival hour', () => {
    const g = game('two-front').seed('side-panel').human('taiwan').start();
    let found = false;
    for (let t = 0; t < 8 && !found && !g.ended; t++) {
      g.toNextTurn();
      const s = g.state;
      const moving = s.us.units.filter((u) => u.at === 'transit' && u.strength > 0);
      if (moving.length === 0) continue;
      found = true;
      const d = sidePanelData(s, sc, 'usa', null);
      for (const u of moving) {
        const line = d.transit.find((l) => l.id === u.id)!;
        expect(line.arrives).toBe(u.arrives);
        expect(line.name).toBe(sc.us.units[u.id]!.name);
        expect(line.where).toBe(
          u.toRegion
            ? sc.regions[u.toRegion]!.name
            : {
                conus: 'At home (United States)',
                europe: 'Europe',
                indoPacific: 'Indo-Pacific',
                '': '',
              }[u.to],
        );
      }
      const arrivals = d.transit.map((l) => l.arrives!);
      expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));
    }
    g.stop();
    expect(found, 'a US unit on the way within eight turns').toBe(true);
  });

  it('gives the side’s objectives and the score so far, term by term', () => {
    const s = run.state;
    for (const side of PLAYABLE_ACTORS) {
      const d = sidePanelData(s, sc, side, null);
      const score = scoreActor(s, sc, side);
      expect(d.score).toEqual(score);
      expect(d.summary).toBe(sc.objectives[side].summary);
      expect(d.outcomeLabel).toBe(sc.outcomes.find((o) => o.id === score.outcome)?.label ?? null);
      expect(d.final).toBe(false);
    }
  });

  it('after the end, shows the final score the outcome recorded', () => {
    const end = game('two-front').seed('side-panel-end').turns(3).play();
    expect(end.state.outcome).not.toBeNull();
    const d = sidePanelData(end.state, end.sc, 'china', null);
    expect(d.final).toBe(true);
    expect(d.score.total).toBe(end.state.outcome!.scores.china);
    expect(d.outcomeLabel).toBe(end.state.outcome!.label);
  });

  it('does not change when another side’s figures, forces or deliveries change', () => {
    const s = cloneState(run.state);
    const since = sinceLastTurn(run.tracks, s.turn, start);
    const before = sidePanelData(s, sc, 'usa', since);
    // Another side's own figures and forces, which the United States does not know exactly.
    s.actors.russia.support = 3;
    s.actors.russia.economicCost = 97;
    s.actors.china.support = 1;
    s.blocs.china.munitions = 0;
    for (const f of s.forces) if (f.actor === 'russia' || f.actor === 'china') f.readiness = 1;
    s.pipeline.push({
      kind: 'force',
      arrives: s.hour + 48,
      force: 'secret-reserve',
      actor: 'russia',
      region: Object.keys(sc.regions)[0]!,
      forceKind: 'ground',
      strength: 99,
      label: 'Secret reserve',
    });
    const after = sidePanelData(s, sc, 'usa', since);
    expect(after.figures).toEqual(before.figures);
    expect(after.forces).toEqual(before.forces);
    expect(after.transit).toEqual(before.transit);
    expect(JSON.stringify(after)).not.toContain('Secret reserve');
  });
});
