import { beforeAll, describe, expect, it } from 'vitest';
import { runEngine } from '../../src/engine/run';
import type { LogEntry } from '../../src/sim/log';
import type { Scenario } from '../../src/sim/scenario/schema';
import { defaultLevers } from '../../src/sim/setup';
import type { LogFilter, ShownEntry } from '../../src/view/contract';
import { describeEntry, matchesFilter } from '../../src/view/log-format';
import { foldLog, type LogTurn } from '../../src/view/log-fold';
import { scenario } from '../helpers/game';

/**
 * The order and folding of the log, on the entries of a real game (two-front, seed 42, eight
 * turns): a turn reads from its first entry to its last, and each track change sits under the
 * decision, event or roll that caused it, or under its phase for the turn's bookkeeping.
 */

let sc: Scenario;
let shown: ShownEntry[];
let turns: LogTurn[];

beforeAll(() => {
  sc = scenario('two-front').scenario;
  const log = runEngine(sc, { seed: '42', levers: defaultLevers(sc), turns: 8 }).log;
  shown = log.map((entry, index) => ({ index, entry }));
  turns = foldLog(shown, () => true);
});

/** The engine index of the row each entry is folded under (undefined: a row of its own). */
function parents(t: readonly LogTurn[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const turn of t)
    for (const r of turn.rows) for (const c of r.children) m.set(c.index, r.shown.index);
  return m;
}

function placed(t: readonly LogTurn[]): number[] {
  return t.flatMap((turn) =>
    turn.rows.flatMap((r) => [
      ...(r.shown.entry.type === 'phase' ? [] : [r.shown.index]),
      ...r.children.map((c) => c.index),
    ]),
  );
}

describe('foldLog', () => {
  it('shows the newest turn first and each turn in the order it happened', () => {
    expect(turns.map((t) => t.turn)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    for (const t of turns) {
      const rows = t.rows.map((r) => r.shown.index);
      expect(rows, `turn ${t.turn}`).toEqual([...rows].sort((a, b) => a - b));
      for (const r of t.rows) {
        expect(r.shown.entry.turn).toBe(t.turn);
        const kids = r.children.map((c) => c.index);
        expect(kids).toEqual([...kids].sort((a, b) => a - b));
        expect(kids.every((k) => k > r.shown.index)).toBe(true);
      }
    }
  });

  it('places every entry exactly once, and no phase marker that holds nothing', () => {
    const all = shown.filter((s) => s.entry.type !== 'phase').map((s) => s.index);
    expect([...placed(turns)].sort((a, b) => a - b)).toEqual(all);
    for (const t of turns)
      for (const r of t.rows)
        if (r.shown.entry.type === 'phase') expect(r.children.length).toBeGreaterThan(0);
  });

  it('folds every track change, so a game reads in far fewer rows than it has entries', () => {
    const p = parents(turns);
    const changes = shown.filter((s) => s.entry.type === 'change' && s.entry.changes.length > 0);
    expect(changes.length).toBeGreaterThan(100);
    expect(changes.filter((s) => !p.has(s.index)).map((s) => s.entry.text)).toEqual([]);
    const rows = turns.reduce((n, t) => n + t.rows.length, 0);
    const entries = shown.filter((s) => s.entry.type !== 'phase').length;
    expect(rows).toBeLessThan(entries * 0.65);
  });

  it('puts a decision’s own costs under that decision', () => {
    const p = parents(turns);
    let checked = 0;
    for (const s of shown) {
      const e = s.entry;
      if (e.type !== 'change' || e.changes.length !== 1) continue;
      // "china domestic support 70 → 68: Mobilise the Eastern Theater" names its decision.
      const cause = e.text.split(': ').slice(1).join(': ');
      const decision = [...shown.slice(0, s.index)]
        .reverse()
        .find(
          (d) =>
            d.entry.type === 'decision' &&
            d.entry.turn === e.turn &&
            describeEntry(d.entry, sc).title.replace(/\.$/, '') === cause,
        );
      if (!decision) continue;
      checked++;
      expect(p.get(s.index), e.text).toBe(decision.index);
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('puts the turn’s bookkeeping (munitions, recovery) under the events phase', () => {
    const p = parents(turns);
    const munitions = shown.filter(
      (s) => s.entry.type === 'change' && s.entry.changes[0]?.track.startsWith('munitions.'),
    );
    expect(munitions.length).toBeGreaterThan(8);
    for (const s of munitions) {
      const parent = shown[p.get(s.index)!]!.entry;
      expect(parent.type === 'phase' && parent.phase, s.entry.text).toBe('events');
    }
  });

  it('shows exactly the entries a filter keeps, a change whose cause is filtered out on its own', () => {
    const filters: LogFilter[] = [
      { theater: 'europe', actor: 'all' },
      { theater: 'all', actor: 'usa' },
      { theater: 'indoPacific', actor: 'china' },
    ];
    for (const f of filters) {
      const keep = (e: LogEntry) => matchesFilter(e, f);
      const folded = foldLog(shown, keep);
      const want = shown.filter((s) => s.entry.type !== 'phase' && keep(s.entry));
      expect([...placed(folded)].sort((a, b) => a - b)).toEqual(want.map((s) => s.index));
      for (const t of folded)
        for (const r of t.rows) {
          if (r.shown.entry.type !== 'phase') expect(keep(r.shown.entry)).toBe(true);
          for (const c of r.children) expect(keep(c.entry)).toBe(true);
        }
    }
  });
});
