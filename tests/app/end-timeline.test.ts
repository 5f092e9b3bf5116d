import { describe, expect, it } from 'vitest';
import { escalationSteps, ladderKey, timelineItems } from '../../src/app/end-timeline';
import { loadBundled } from '../../src/app/scenarios';
import { runEngine } from '../../src/engine/run';
import { THEATERS } from '../../src/sim/ids';
import type { LogEntry } from '../../src/sim/log';
import type { TrackSnapshot } from '../../src/sim/phases';
import { defaultLevers } from '../../src/sim/setup';

/**
 * The end screen's timeline names each ladder move as the escalation chart draws it: the rung at
 * the end of a turn against the rung at the end of the turn before. A move up and down again
 * inside one turn is not on the chart, so it is not on the timeline; a fall reads as a fall.
 */

function game(id: string, seed: string) {
  const loaded = loadBundled(id);
  if (!loaded.ok) throw new Error(`${id} did not load`);
  const sc = loaded.value.scenario;
  return runEngine(sc, { seed, levers: defaultLevers(sc) });
}

function esc(
  turn: number,
  ladder: 'indoPacific' | 'europe',
  from: number,
  to: number,
  cause: string,
): LogEntry {
  return {
    type: 'escalation',
    turn,
    hour: turn * 84 - 40,
    ladder,
    from,
    to,
    cause,
    theater: ladder,
    actors: [],
    visibleTo: 'all',
    text: '',
  };
}

const snap = (turn: number, ip: number, eu: number): TrackSnapshot => ({
  turn,
  hour: turn * 84,
  'escalation.indoPacific': ip,
  'escalation.europe': eu,
});

describe('timeline ladder moves', () => {
  it('agree with the charted rungs turn by turn, in real games', () => {
    // csis-base seed 1: in turn 8 the Indo-Pacific goes 6 → 5 → 3; europe-first seed 2 settles
    // the Baltic war in turn 11 (5 → 3).
    for (const [id, seed] of [
      ['csis-base', '1'],
      ['europe-first', '2'],
      ['two-front', '42'],
    ] as const) {
      const r = game(id, seed);
      const steps = escalationSteps(r.tracks, r.log);
      expect(steps.length, `${id} ${seed}`).toBeGreaterThan(0);
      for (const s of steps) {
        const i = r.tracks.findIndex((t) => t.turn === s.turn);
        const key = ladderKey(s.ladder!);
        expect(r.tracks[i]?.[key]).toBe(s.to);
        if (i > 0) expect(r.tracks[i - 1]?.[key]).toBe(s.from);
        expect(s.kind).toBe(s.to! > s.from! ? 'rise' : 'fall');
      }
      // Every turn whose rung differs from the turn before has its line, and no other turn.
      for (const t of THEATERS) {
        const key = ladderKey(t);
        const changed = r.tracks.filter((x, i) => i > 0 && x[key] !== r.tracks[i - 1]![key]);
        expect(
          steps.filter((s) => s.ladder === t && s.turn !== r.tracks[0]!.turn).map((s) => s.turn),
        ).toEqual(changed.map((x) => x.turn));
      }
    }
    const g = game('csis-base', '1');
    const csis = escalationSteps(g.tracks, g.log);
    const fall = csis.find((s) => s.turn === 8 && s.ladder === 'indoPacific');
    expect(fall).toMatchObject({ kind: 'fall', from: 6, to: 3 });
    expect(fall?.text).toMatch(
      /^Indo-Pacific falls back to blockade\/hybrid \(rung 3\), from nuclear signalling \(rung 6\): /,
    );
    expect(csis.some((s) => /rises to theater war/.test(s.text) && s.turn === 4)).toBe(true);
  });

  it('leave out a rise and fall inside one turn, and start from the first move’s rung', () => {
    const tracks = [snap(1, 3, 1), snap(2, 3, 3), snap(3, 2, 3)];
    const log = [
      esc(1, 'indoPacific', 1, 3, 'mobilisation'),
      esc(2, 'indoPacific', 3, 5, 'an invasion'),
      esc(2, 'indoPacific', 5, 3, 'a settlement'),
      esc(2, 'europe', 1, 3, 'hybrid action'),
      esc(3, 'indoPacific', 3, 2, 'talks'),
    ];
    const steps = escalationSteps(tracks, log);
    expect(steps.map((s) => [s.turn, s.ladder, s.kind, s.from, s.to])).toEqual([
      [1, 'indoPacific', 'rise', 1, 3],
      [3, 'indoPacific', 'fall', 3, 2],
      [2, 'europe', 'rise', 1, 3],
    ]);
    expect(steps.some((s) => /theater war/.test(s.text))).toBe(false);
    expect(steps[1]?.text).toBe(
      'Indo-Pacific falls back to crisis (rung 2), from blockade/hybrid (rung 3): talks',
    );
  });

  it('puts key events and ladder moves in time order', () => {
    const tracks = [snap(1, 3, 1), snap(2, 4, 1)];
    const log = [esc(1, 'indoPacific', 1, 3, 'a'), esc(2, 'indoPacific', 3, 4, 'strikes')];
    const items = timelineItems(
      [
        { name: 'taiwanLanding', turn: 2, hour: 100 },
        { name: 'taiwanBlockade', turn: 1, hour: 10 },
      ],
      tracks,
      log,
    );
    expect(items.map((i) => i.kind)).toEqual(['key', 'rise', 'key', 'rise']);
    expect(items[0]?.text).toBe('Taiwan blockaded');
    // A ladder line stands at the hour of the turn's last move of that ladder.
    expect(items.map((i) => i.hour)).toEqual([10, 44, 100, 128]);
  });
});
