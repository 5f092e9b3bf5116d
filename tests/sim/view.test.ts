import { describe, expect, it } from 'vitest';
import { Ctx } from '../../src/sim/context';
import { ACTORS, PLAYABLE_ACTORS } from '../../src/sim/ids';
import { NOT_CARRIED_OUT } from '../../src/sim/phases';
import { allAi } from '../../src/sim/run';
import { createInitialState, defaultLevers } from '../../src/sim/setup';
import {
  canSee,
  redactState,
  teamView,
  viewpointsFor,
  visibleLog,
  type Viewpoint,
} from '../../src/sim/view';
import { fogLeaks, secretBlocks } from '../helpers/fog';
import { game } from '../helpers/game';

/**
 * Fog of war as one function (src/sim/view.ts), on a real game: what each viewpoint is shown of
 * it, the United States played by a human who holds. The seed is chosen for a game that has
 * every kind of secret within five turns: China mobilises undetected (turn 1), an order is
 * overtaken by events (3), China asks Moscow for a second front (4) and Moscow answers (5).
 */

const SEED = 'fog-1';
const g = game('two-front').seed(SEED).human('usa').turns(5).play();
const VIEWPOINTS: readonly Viewpoint[] = [...ACTORS, 'public', 'control'];
const view = (vp: Viewpoint) => teamView(g.state, g.log, g.sc, vp);

describe('the game under test', () => {
  it('has an undetected mobilisation, a request to Moscow and its answer', () => {
    expect(secretBlocks(g.log, g.sc).map((b) => [b.what, b.turn])).toEqual([
      ['undetected mobilisation', 1],
      ['china.ask-russia-second-front', 4],
      [expect.stringMatching(/^russia\.(accept|refuse)-china-request$/), 5],
    ]);
    expect(g.state.flags.chinaMobilised && !g.state.flags.chinaMobilisationSeen).toBe(true);
    const overtaken = g.log.find((e) => e.type === 'decision' && e.text.includes(NOT_CARRIED_OUT));
    expect(overtaken?.turn).toBe(3);
    expect(g.log.some((e) => e.type === 'ai-reasoning' && e.actor === 'china')).toBe(true);
  });
});

describe('teamView', () => {
  it.each(VIEWPOINTS)('shows %s nothing it may not know', (vp) => {
    expect(fogLeaks(g.state, g.log, g.sc, vp, view(vp))).toEqual([]);
  });

  it('keeps every entry an undetected mobilisation causes from the West, and shows it to the East', () => {
    const [mobilised] = secretBlocks(g.log, g.sc);
    const texts = mobilised!.indices.map((i) => g.log[i]!.text);
    // The order, its costs, the detection roll, and the rung and risk it raised.
    expect(texts).toEqual([
      expect.stringContaining('Mobilise the Eastern Theater'),
      expect.stringContaining('china domestic support'),
      expect.stringContaining('china economic cost'),
      expect.stringContaining('goes undetected'),
      expect.stringContaining('undetected mobilisation (fog)'),
      expect.stringContaining('China mobilises the Eastern Theater'),
    ]);
    for (const vp of ['usa', 'taiwan', 'japan', 'nato-europe', 'ukraine', 'public'] as const) {
      const shown = new Set(view(vp).log.map((e) => e.index));
      expect(
        mobilised!.indices.filter((i) => shown.has(i)),
        vp,
      ).toEqual([]);
    }
    for (const vp of ['china', 'russia'] as const) {
      const shown = new Set(view(vp).log.map((e) => e.index));
      expect(
        mobilised!.indices.every((i) => shown.has(i)),
        vp,
      ).toBe(true);
    }
  });

  it('keeps the request to Moscow and its answer, coordination included, between the two', () => {
    const [, asked, answered] = secretBlocks(g.log, g.sc);
    for (const b of [asked!, answered!]) {
      expect(b.indices.some((i) => g.log[i]!.text.startsWith('coordination'))).toBe(true);
      const usa = new Set(view('usa').log.map((e) => e.index));
      expect(b.indices.some((i) => usa.has(i))).toBe(false);
      const russia = new Set(view('russia').log.map((e) => e.index));
      expect(b.indices.every((i) => russia.has(i))).toBe(true);
    }
  });

  it('shows every side the tracks as they are: the rung the mobilisation climbed is public', () => {
    for (const vp of VIEWPOINTS) expect(view(vp).state.tracks).toEqual(g.state.tracks);
  });

  it('gives a side its own forces as they are and the other side’s as estimates', () => {
    const usa = view('usa').state;
    const ownIds = g.state.forces.filter((f) => g.sc.actors[f.actor].side === 'west');
    for (const f of ownIds) expect(usa.forces.find((x) => x.id === f.id)).toEqual(f);
    const pla = g.state.forces.filter((f) => f.actor === 'china');
    expect(pla.some((f) => usa.forces.find((x) => x.id === f.id)!.strength !== f.strength)).toBe(
      true,
    );
  });

  it('gives the public view neither side’s estimate: both as a public one', () => {
    const pub = view('public').state;
    const west = view('usa').state;
    const east = view('china').state;
    const strength = (s: typeof pub, id: string) => s.forces.find((f) => f.id === id)!.strength;
    const plaId = g.state.forces.find((f) => f.actor === 'china' && f.strength > 50)!.id;
    const usId = g.state.forces.find((f) => f.actor === 'usa' && f.strength >= 20)!.id;
    expect(strength(pub, plaId)).not.toBe(strength(west, plaId));
    expect(strength(pub, usId)).not.toBe(strength(east, usId));
  });

  it('names a roll’s stream without the seed, for control with it', () => {
    const roll = (vp: Viewpoint) =>
      view(vp).log.find((e) => e.entry.type === 'adjudication' && e.entry.roll)!.entry;
    const china = roll('china');
    expect(china.type === 'adjudication' && china.roll?.stream).toBe(
      '…:1:detect:china-mobilisation',
    );
    const control = roll('control');
    expect(control.type === 'adjudication' && control.roll?.stream).toBe(
      `${SEED}:1:detect:china-mobilisation`,
    );
  });

  it('extends a previous view rather than filtering the log again, to the same result', () => {
    const half = g.log.slice(0, Math.floor(g.log.length / 2));
    const first = teamView(g.state, half, g.sc, 'russia');
    const grown = teamView(g.state, g.log, g.sc, 'russia', first);
    expect(grown.log).toEqual(view('russia').log);
    expect(grown.log[0]!.entry).toBe(first.log[0]!.entry);
    // Another viewpoint's view is not extended but rebuilt.
    expect(teamView(g.state, g.log, g.sc, 'usa', first).log).toEqual(view('usa').log);
  });
});

describe('visibleLog and canSee', () => {
  it('a side sees public entries and its own; public sees only public; control sees all', () => {
    const usa = visibleLog(g.log, 'usa', []);
    expect(usa.every((e) => canSee(e.entry, 'usa'))).toBe(true);
    expect(usa.some((e) => e.entry.visibleTo !== 'all')).toBe(true);
    expect(visibleLog(g.log, 'public', []).every((e) => e.entry.visibleTo === 'all')).toBe(true);
    expect(visibleLog(g.log, 'control', [])).toHaveLength(g.log.length);
  });
});

describe('redactState', () => {
  it('gives control the true state itself', () => {
    expect(redactState(g.state, g.sc, 'control')).toBe(g.state);
  });

  it('never writes the true state', () => {
    const before = JSON.stringify(g.state);
    for (const vp of VIEWPOINTS) redactState(g.state, g.sc, vp);
    expect(JSON.stringify(g.state)).toBe(before);
  });
});

describe('Ctx.secretly', () => {
  const sc = g.sc;
  const ctx = new Ctx(createInitialState(sc, 's', defaultLevers(sc)), sc, 'adjudication');

  it('narrows what is logged inside it to its parties, and only that', () => {
    ctx.secretly(['china', 'russia'], () => {
      ctx.adjust('coordination', 5, 'a secret');
      ctx.emit({
        type: 'change',
        changes: [],
        theater: 'global',
        actors: [],
        visibleTo: ['china', 'usa'],
        text: 'meant for China and the US',
      });
      ctx.secretly(['china'], () => ctx.note('global', [], 'China alone'));
    });
    ctx.note('global', [], 'after');
    expect(ctx.log.map((e) => [e.text.split(' → ')[0], e.visibleTo])).toEqual([
      [expect.stringMatching(/^coordination \d+$/), ['china', 'russia']],
      ['meant for China and the US', ['china']],
      ['China alone', ['china']],
      ['after', 'all'],
    ]);
  });
});

describe('viewpointsFor', () => {
  const seats = (...humans: string[]) => {
    const c = allAi();
    for (const h of humans) c[h as keyof typeof c] = 'human';
    return c;
  };

  it('offers every viewpoint, control first, in a game of AIs or once a game has ended', () => {
    expect(viewpointsFor(seats(), false)).toEqual({
      viewpoints: ['control', ...PLAYABLE_ACTORS],
      start: 'control',
    });
    expect(viewpointsFor(seats('usa', 'china'), true).start).toBe('control');
  });

  it('in a game in progress, the one human seat’s view and the public one', () => {
    expect(viewpointsFor(seats('usa'), false)).toEqual({
      viewpoints: ['usa', 'public'],
      start: 'usa',
    });
  });

  it('in a hot-seat game in progress, the public view alone', () => {
    expect(viewpointsFor(seats('usa', 'china'), false)).toEqual({
      viewpoints: ['public'],
      start: 'public',
    });
  });
});
