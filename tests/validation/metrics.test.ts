import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/cli/stats';
import type { Flag, KeyEventName } from '../../src/sim/ids';
import { CASES, type DirectionCase, type LevelCase } from '../../src/validation/cases';
import { acceptedBand, judge } from '../../src/validation/evaluate';
import {
  describePredicate,
  holds,
  measureShare,
  measureTiming,
} from '../../src/validation/metrics';
import { checkCases } from '../../src/validation/run';

/** Metrics and judging on made-up runs: pure functions of key events, flags and outcome. */

function run(
  events: Partial<Record<KeyEventName, number>>,
  flags: Flag[] = [],
  outcome = 'x',
): RunSummary {
  return {
    outcome,
    turnsPlayed: 26,
    events: Object.entries(events).map(([name, hour]) => ({ name: name as KeyEventName, hour })),
    flags,
  };
}

function copies(n: number, r: RunSummary): RunSummary[] {
  return Array.from({ length: n }, () => r);
}

const byId = (id: string) => CASES.find((c) => c.id === id)!;

describe('holds', () => {
  const r = run({ balticOffensiveBegins: 100, balticCapitalFalls: 160 }, ['invasionLaunched']);

  it('reads events, flags and outcome', () => {
    expect(holds(r, { event: 'balticCapitalFalls' })).toBe(true);
    expect(holds(r, { event: 'taipeiFalls' })).toBe(false);
    expect(holds(r, { flag: 'invasionLaunched' })).toBe(true);
    expect(holds(r, { flag: 'invasionRepulsed' })).toBe(false);
    expect(holds(r, { outcome: 'x' })).toBe(true);
    expect(holds(r, { not: { flag: 'invasionRepulsed' } })).toBe(true);
    expect(holds(r, { all: [{ flag: 'invasionLaunched' }, { event: 'taipeiFalls' }] })).toBe(false);
    expect(holds(r, { any: [{ flag: 'invasionLaunched' }, { event: 'taipeiFalls' }] })).toBe(true);
  });

  it('an event within H hours of another: both must happen, at most H hours apart', () => {
    const within = (h: number) =>
      holds(r, { event: 'balticCapitalFalls', within: h, after: 'balticOffensiveBegins' });
    expect(within(60)).toBe(true); // 160 − 100 = 60: on the edge counts
    expect(within(59)).toBe(false);
    const noAnchor = run({ balticCapitalFalls: 10 });
    expect(
      holds(noAnchor, { event: 'balticCapitalFalls', within: 60, after: 'balticOffensiveBegins' }),
    ).toBe(false);
  });

  it('summaries without flags (made by hand) have none set', () => {
    const bare: RunSummary = { outcome: 'x', turnsPlayed: 1, events: [] };
    expect(holds(bare, { flag: 'invasionLaunched' })).toBe(false);
  });

  it('describes predicates in words', () => {
    expect(describePredicate({ not: { flag: 'invasionRepulsed' } })).toBe(
      'the flag `invasionRepulsed` is not set at the end',
    );
    expect(
      describePredicate({
        event: 'balticCapitalFalls',
        within: 60,
        after: 'balticOffensiveBegins',
      }),
    ).toBe(
      'the key event `balticCapitalFalls` happens no later than 60 h after `balticOffensiveBegins`',
    );
    expect(
      describePredicate({
        any: [
          { flag: 'taipeiFallen' },
          { all: [{ flag: 'taiwanLanding' }, { not: { flag: 'invasionRepulsed' } }] },
        ],
      }),
    ).toBe(
      'the flag `taipeiFallen` is set at the end or (the flag `taiwanLanding` is set at the end and the flag `invasionRepulsed` is not set at the end)',
    );
  });
});

describe('measureShare and measureTiming', () => {
  it('counts among the qualifying runs only', () => {
    const runs = [
      ...copies(3, run({ taipeiFalls: 900 }, ['invasionLaunched'])),
      ...copies(5, run({}, ['invasionLaunched'])),
      ...copies(2, run({ taipeiFalls: 900 })), // no invasion: not counted
    ];
    const m = measureShare(runs, {
      kind: 'share',
      of: { event: 'taipeiFalls' },
      among: { flag: 'invasionLaunched' },
    });
    expect(m).toMatchObject({ runs: 10, n: 8, x: 3, p: 3 / 8 });
  });

  it('the PLA holds ground: Taipei fell, or PLA forces are still ashore at the end', () => {
    const c = byId('csis-pessimistic') as DirectionCase;
    const launched: Flag = 'invasionLaunched';
    const runs = [
      run({}, [launched, 'taiwanLanding', 'taipeiFallen', 'plaAshore']), // fell
      run({}, [launched, 'taiwanLanding', 'plaAshore']), // lodgement still fighting
      run({}, [launched, 'taiwanLanding', 'indoPacificSettlement', 'plaAshore']), // ceasefire in place
      run({}, [launched, 'taiwanLanding', 'indoPacificSettlement']), // withdrawn under the terms
      run({}, [launched, 'taiwanLanding', 'invasionRepulsed']), // thrown back
      run({}, [launched]), // never got ashore
    ];
    expect(measureShare(runs, c.metric)).toMatchObject({ n: 6, x: 3 });
  });

  it('times an event from another, in weeks, skipping runs without either', () => {
    const runs = [
      run({ invasionBegins: 168, taipeiFalls: 168 * 9 }), // 8 weeks
      run({ invasionBegins: 168, taipeiFalls: 168 * 11 }), // 10 weeks
      run({ invasionBegins: 0, taipeiFalls: 168 * 12 }), // 12 weeks
      run({ taipeiFalls: 500 }), // no start: not timed, counted apart
      run({ invasionBegins: 10 }), // no fall
    ];
    const m = measureTiming(runs, {
      kind: 'timing',
      event: 'taipeiFalls',
      from: 'invasionBegins',
      unit: 'weeks',
    });
    expect(m).toMatchObject({ runs: 5, eligible: 5, n: 3, withoutFrom: 1, median: 10 });
    expect(m.q1).toBeCloseTo(9, 12);
    expect(m.q3).toBeCloseTo(11, 12);
  });
});

describe('judge', () => {
  const base = byId('csis-base') as LevelCase;
  const fell = run({ taipeiFalls: 900 }, ['invasionLaunched']);
  const held = run({}, ['invasionLaunched', 'invasionRepulsed']);

  it('a level case passes inside its band, on its edge, and fails outside', () => {
    expect(acceptedBand(base)).toEqual([0, 0.05]);
    expect(judge(base, [[...copies(20, fell), ...copies(380, held)]]).pass).toBe(true); // 5.0%
    const over = judge(base, [[...copies(21, fell), ...copies(379, held)]]);
    expect(over.pass).toBe(false);
    expect(over.reason).toBe('5.3% outside 0.0..5.0%');
  });

  it('a level case fails when its campaign did not happen in enough runs', () => {
    const r = judge(base, [[...copies(10, held), ...copies(390, run({}))]]);
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('the flag `invasionLaunched` is set at the end');
    expect(r.reason).toContain('in 10 of 400 runs');
  });

  it('a timing needs enough runs with both events, and names the missing one', () => {
    const week = byId('csis-taiwan-alone-week') as LevelCase;
    const r = judge(week, [copies(400, run({ taipeiFalls: 900 }, ['invasionLaunched']))]);
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('400 more runs without `invasionBegins`');
    const ok = judge(week, [
      copies(400, run({ invasionBegins: 0, taipeiFalls: 168 * 10 }, ['invasionLaunched'])),
    ]);
    expect(ok.pass).toBe(true);
    expect(ok.reason).toBe('median 10.0 weeks within 7..13 weeks');
  });

  it('a direction needs the sign, the margin and an interval clear of zero', () => {
    const c = byId('sensitivity-japan-bases') as DirectionCase;
    const ashore = run({}, ['invasionLaunched', 'taiwanLanding', 'plaAshore']);
    const arm = (k: number) => [...copies(k, ashore), ...copies(400 - k, held)];
    // 30% vs 10%: +20 points, interval well clear of 0 and the 10-point margin.
    expect(judge(c, [arm(120), arm(40)]).pass).toBe(true);
    // 15% vs 10%: +5 points, under the margin.
    const small = judge(c, [arm(60), arm(40)]);
    expect(small.pass).toBe(false);
    expect(small.reason).toContain('smaller than the 10.0-point margin');
    // The wrong way round.
    expect(judge(c, [arm(40), arm(120)]).reason).toContain('the wrong sign');
    expect(judge(c, [arm(40), arm(40)]).reason).toContain('no difference');
  });

  it('a sign-only direction fails when the interval straddles zero', () => {
    const c = byId('two-front-coupling') as DirectionCase;
    // Coupling is measured by the PLA taking a port (the key event portFalls).
    const port = run({ portFalls: 400 }, ['invasionLaunched', 'taiwanLanding']);
    const arm = (k: number) => [...copies(k, port), ...copies(400 - k, held)];
    const r = judge(c, [arm(44), arm(40)]);
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('does not exclude 0');
    expect(judge(c, [arm(80), arm(40)]).pass).toBe(true);
  });
});

describe('the case table', () => {
  it('is sound: unique ids, loadable scenarios, declared sources', () => {
    expect(checkCases(CASES)).toEqual([]);
  });

  it('holds the cases the issue asks for', () => {
    const ids = CASES.map((c) => c.id);
    for (const id of [
      'csis-base',
      'csis-taiwan-alone',
      'csis-pessimistic',
      'rand-present-posture',
      'rand-seven-brigades',
      'csis-2024-nuclear',
      'two-front-coupling',
      'lever-article5',
      'lever-coordination',
      'lever-hague-spending',
      'lever-ukraine-status',
      'sensitivity-japan-bases',
      'sensitivity-us-timing',
      'sensitivity-brigades',
    ])
      expect(ids).toContain(id);
  });
});
