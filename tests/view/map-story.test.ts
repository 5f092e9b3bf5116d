import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/sim/log';
import { fade, storyMarkers, type StoryMarker } from '../../src/view/map-story';
import { game } from '../helpers/game';

/**
 * The map's story markers from real games: what a blockade, a landing and an incursion leave on
 * the map, and how an event's marker fades over the turns after it.
 */

function shown(log: readonly LogEntry[], upTo = Infinity) {
  return log.filter((e) => e.turn <= upTo).map((entry, index) => ({ index, entry }));
}

function kinds(ms: readonly StoryMarker[]): string[] {
  return [...new Set(ms.map((m) => m.kind))].sort();
}

describe('story markers', () => {
  it('a blockade rings Taiwan while it is on', () => {
    const g = game('two-front').seed('map-blockade').set('chinaCourse', 'blockade').turns(4).play();
    expect(g.state.flags.blockadeActive).toBe(true);
    const rings = storyMarkers(g.sc, g.state, shown(g.log)).filter((m) => m.kind === 'blockade');
    expect(rings).toEqual([
      expect.objectContaining({ region: 'taiwan', theater: 'indoPacific', alpha: 1 }),
    ]);
    // Lifted, it leaves no ring.
    const lifted = { ...g.state, flags: { ...g.state.flags, blockadeActive: false } };
    expect(storyMarkers(g.sc, lifted, shown(g.log)).some((m) => m.kind === 'blockade')).toBe(false);
  });

  it('a landing draws an arrow from the mainland to Taiwan that fades over three turns', () => {
    const g = game('two-front')
      .seed('42')
      .set('chinaCourse', 'invasion')
      .set('russiaCourse', 'limited-incursion')
      .turns(8)
      .play();
    const landing = g.keyEvent('taiwanLanding')!;
    expect(landing).toBeDefined();
    const at = (turn: number): StoryMarker[] => {
      const log = shown(g.log, turn);
      return storyMarkers(g.sc, { ...g.state, turn }, log).filter(
        (m) => m.kind === 'landing' && m.turn === landing.turn && m.label.startsWith('Landing'),
      );
    };
    const now = at(landing.turn);
    expect(now).toEqual([
      expect.objectContaining({
        region: 'taiwan',
        from: 'eastern-theater-coast',
        actor: 'china',
        alpha: 1,
      }),
    ]);
    expect(at(landing.turn + 1)[0]?.alpha).toBe(0.65);
    expect(at(landing.turn + 2)[0]?.alpha).toBe(0.4);
    expect(at(landing.turn + 3)).toEqual([]);
    // Before it happened, nothing.
    expect(at(landing.turn - 1)).toEqual([]);
    // The strikes before the landing left bursts on the island.
    const all = storyMarkers(g.sc, { ...g.state, turn: landing.turn }, shown(g.log, landing.turn));
    expect(all.some((m) => m.kind === 'strike' && m.region === 'taiwan')).toBe(true);
  });

  it('an incursion draws an arrow across the border, and the region taken is marked held', () => {
    const g = game('two-front')
      .seed('42')
      .set('russiaCourse', 'limited-incursion')
      .set('chinaCourse', 'none')
      .turns(2)
      .play();
    const ms = storyMarkers(g.sc, g.state, shown(g.log));
    const arrow = ms.find((m) => m.kind === 'incursion');
    expect(arrow).toEqual(
      expect.objectContaining({ region: 'narva', from: 'russia-west', theater: 'europe' }),
    );
    if (g.state.regions['narva']!.owner === 'russia') {
      expect(ms).toContainEqual(
        expect.objectContaining({ kind: 'control', region: 'narva', actor: 'russia' }),
      );
    }
    expect(kinds(ms)).toEqual(expect.arrayContaining(['clash', 'incursion']));
  });

  it('an offensive draws an arrow along every axis under attack', () => {
    const g = game('two-front')
      .seed('42')
      .set('russiaCourse', 'baltic-offensive')
      .set('chinaCourse', 'none')
      .turns(1)
      .play();
    const axes = storyMarkers(g.sc, g.state, shown(g.log)).filter((m) => m.kind === 'advance');
    expect(g.state.europe.axes.length).toBeGreaterThan(0);
    expect(new Set(axes.map((m) => m.region))).toEqual(
      new Set(g.state.europe.axes.map((a) => g.sc.baltic.axes[a]!.objective)),
    );
    for (const m of axes) expect(g.sc.roles.russianStaging).toContain(m.from);
  });

  it('forces on the way get a route with the turn they arrive', () => {
    const g = game('two-front')
      .seed('42')
      .set('russiaCourse', 'limited-incursion')
      .set('chinaCourse', 'none')
      .turns(2)
      .play();
    const routes = storyMarkers(g.sc, g.state, shown(g.log)).filter((m) => m.kind === 'transit');
    const moving = g.state.us.units.filter((u) => u.at === 'transit' && u.toRegion);
    expect(moving.length).toBeGreaterThan(0);
    for (const u of moving) expect(routes.map((r) => r.region)).toContain(u.toRegion);
    for (const r of routes) expect(r.eta).toBeGreaterThanOrEqual(g.state.turn);
  });

  it('fades full, then 65% and 40%, then out', () => {
    expect([0, 1, 2, 3, 9].map(fade)).toEqual([1, 0.65, 0.4, 0, 0]);
  });

  it('shows only what the viewer was told: no log, no log-borne markers', () => {
    const g = game('two-front').seed('42').set('chinaCourse', 'invasion').turns(5).play();
    const ms = storyMarkers(g.sc, g.state, []);
    expect(ms.some((m) => m.kind === 'landing' || m.kind === 'strike')).toBe(false);
  });
});
