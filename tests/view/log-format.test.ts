import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '../../src/cli/scenario-files';
import { runEngine } from '../../src/engine/run';
import type { LogEntry } from '../../src/sim/log';
import { loadScenarioText } from '../../src/sim/scenario/load';
import type { Scenario } from '../../src/sim/scenario/schema';
import { defaultLevers } from '../../src/sim/setup';
import type { ShownEntry } from '../../src/view/contract';
import {
  describeEntry,
  formatHour,
  matchesFilter,
  type DetailBlock,
} from '../../src/view/log-format';
import { foldLog } from '../../src/view/log-fold';
import { detailLines, itemsIn, layoutLog, wrap } from '../../src/view/log-lines';
import { inputName } from '../../src/view/log-names';

/**
 * The log as a reader sees it, checked on the entries of a real game (two-front, seed 42, six
 * turns) rather than hand-made ones, so a change to what the engine logs shows up here.
 */

let sc: Scenario;
let log: LogEntry[];
let shown: ShownEntry[];

beforeAll(() => {
  const text = readFileSync(join(SCENARIO_DIR, 'two-front.json'), 'utf8');
  const r = loadScenarioText(text, 'two-front.json');
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('; '));
  sc = r.value.scenario;
  log = runEngine(sc, { seed: '42', levers: defaultLevers(sc), turns: 6 }).log;
  shown = log.map((entry, index) => ({ index, entry }));
});

function block(details: readonly DetailBlock[], heading: string): DetailBlock {
  const b = details.find((d) => d.heading === heading);
  if (!b) throw new Error(`no ${heading} block in ${details.map((d) => d.heading).join(', ')}`);
  return b;
}

function pairs(b: DetailBlock): { name: string; value: string }[] {
  if (b.kind !== 'pairs') throw new Error(`${b.heading} is a ${b.kind} block`);
  return [...b.rows];
}

describe('describeEntry', () => {
  it('gives an adjudication its inputs, signed modifiers, roll and result', () => {
    const e = log.find(
      (x): x is Extract<LogEntry, { type: 'adjudication' }> =>
        x.type === 'adjudication' && x.roll !== null && x.modifiers.length > 1,
    )!;
    const v = describeEntry(e, sc);
    expect(v.badge).toBe('ROLL');
    expect(v.title).toContain(e.result);
    const inputs = pairs(block(v.details, 'Inputs'));
    expect(inputs.map((r) => r.name)).toEqual(Object.keys(e.inputs).map(inputName));
    const mods = pairs(block(v.details, 'Modifiers'));
    expect(mods).toHaveLength(e.modifiers.length);
    for (const [i, m] of e.modifiers.entries()) {
      expect(mods[i]!.name).toBe(m.name);
      expect(mods[i]!.value).toBe(m.value > 0 ? `+${m.value}` : String(m.value));
    }
    const roll = pairs(block(v.details, 'Roll'));
    expect(roll).toContainEqual({ name: 'value', value: String(e.roll!.value) });
    expect(roll).toContainEqual({ name: 'stream', value: e.roll!.stream });
    expect(block(v.details, 'Result')).toMatchObject({ kind: 'text', text: e.result });
  });

  it('shows a chance roll against its target', () => {
    const e = log.find(
      (x): x is Extract<LogEntry, { type: 'adjudication' }> =>
        x.type === 'adjudication' && x.roll?.target !== undefined,
    )!;
    const roll = pairs(block(describeEntry(e, sc).details, 'Roll'));
    expect(roll).toContainEqual({ name: 'target', value: `≤ ${e.roll!.target}` });
  });

  it("tables an AI's options with weighted terms, noise and utility, chosen ones marked", () => {
    const e = log.find(
      (x): x is Extract<LogEntry, { type: 'ai-reasoning' }> =>
        x.type === 'ai-reasoning' && x.chosen.length > 0 && x.considered.length > 2,
    )!;
    const v = describeEntry(e, sc);
    expect(v.badge).toBe('AI');
    expect(v.actors).toContain(e.actor);
    const t = v.details[0]!;
    if (t.kind !== 'table') throw new Error('expected a table');
    expect(t.columns).toEqual(['option', 'gain', 'risk', 'cost', 'ally', 'dom', 'noise', 'util']);
    expect(t.rows).toHaveLength(e.considered.length);
    const utils = t.rows.map((r) => r.cells[7]);
    for (const o of e.considered)
      expect(utils).toContain(o.utility > 0 ? `+${o.utility}` : String(o.utility));
    const marked = t.rows.filter((r) => r.marked).map((r) => r.cells[0]);
    expect(marked).toHaveLength(e.chosen.length);
    for (const id of e.chosen) expect(marked).toContain(sc.options[id].label);
    // Best first, so the reader sees why the winner won.
    const n = t.rows.map((r) => Number(r.cells[7]));
    expect([...n].sort((a, b) => b - a)).toEqual(n);
  });

  it('shows a change as from → to and an escalation by rung names', () => {
    const c = log.find((x) => x.type === 'change')!;
    if (c.type !== 'change') throw new Error();
    const rows = pairs(describeEntry(c, sc).details[0]!);
    expect(rows[0]!.value).toMatch(new RegExp(`^${c.changes[0]!.from} → ${c.changes[0]!.to} `));
    const esc = log.find((x) => x.type === 'escalation')!;
    const v = describeEntry(esc, sc);
    expect(v.badge).toBe('ESCALATION');
    expect(v.key).toBe(true);
    expect(v.title).toMatch(/grey-zone → crisis|→/);
    expect(pairs(block(v.details, 'Ladder')).map((r) => r.name)).toEqual(['theater', 'from', 'to']);
  });

  it('gives every entry of the game a title, and details to all but phase markers', () => {
    for (const e of log) {
      const v = describeEntry(e, sc);
      expect(v.title.length).toBeGreaterThan(0);
      if (e.type !== 'phase') expect(v.details.length).toBeGreaterThan(0);
    }
  });
});

describe('formatHour', () => {
  it('counts from the calendar start in UTC, with the turn', () => {
    expect(sc.calendar.start).toBe('2027-03-01');
    expect(formatHour(0, sc)).toBe('Mar 1, 00:00 (T1)');
    expect(formatHour(sc.calendar.turnHours, sc)).toMatch(/^Mar 4, 12:00 \(T2\)$/);
    expect(formatHour(24 * 31 + 5, sc)).toMatch(/^Apr 1, 05:00 /);
  });
});

describe('matchesFilter', () => {
  it('filters by theater and by actor', () => {
    const all = { theater: 'all', actor: 'all' } as const;
    expect(log.every((e) => matchesFilter(e, all))).toBe(true);
    const europe = log.filter((e) => matchesFilter(e, { ...all, theater: 'europe' }));
    expect(europe.length).toBeGreaterThan(0);
    expect(europe.every((e) => e.theater === 'europe')).toBe(true);
    const russia = log.filter((e) => matchesFilter(e, { ...all, actor: 'russia' }));
    expect(russia.length).toBeGreaterThan(0);
    for (const e of russia)
      expect(e.actors.includes('russia') || ('actor' in e && e.actor === 'russia')).toBe(true);
    const both = log.filter((e) => matchesFilter(e, { theater: 'indoPacific', actor: 'china' }));
    expect(both.every((e) => e.theater === 'indoPacific')).toBe(true);
    expect(both.length).toBeLessThan(log.filter((e) => e.theater === 'indoPacific').length);
  });
});

describe('detailLines', () => {
  it('keeps every line within the width and lines up signed values', () => {
    const e = log.find((x) => x.type === 'adjudication' && x.kind === 'second-front-calculus')!;
    const lines = detailLines(describeEntry(e, sc).details, 44);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(44);
    expect(lines).toContain('MODIFIERS');
    const ends = lines.filter((l) => /[+-]\d+$/.test(l)).map((l) => l.length);
    expect(new Set(ends).size).toBe(1);
  });

  it("lines up an AI's utilities and ticks the options it chose", () => {
    const e = log.find(
      (x): x is Extract<LogEntry, { type: 'ai-reasoning' }> =>
        x.type === 'ai-reasoning' && x.chosen.length > 0 && x.considered.length > 2,
    )!;
    const lines = detailLines(describeEntry(e, sc).details, 46);
    const totals = lines.filter((l) => /util +[+-]?\d+$/.test(l));
    expect(totals).toHaveLength(e.considered.length);
    expect(new Set(totals.map((l) => l.length)).size).toBe(1);
    expect(totals.filter((l) => l.includes('✓'))).toHaveLength(e.chosen.length);
  });

  it('wraps words and cuts those longer than a line', () => {
    expect(wrap('a bb ccc dddd', 6)).toEqual(['a bb', 'ccc', 'dddd']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('layoutLog and itemsIn (the canvas log draws only what is in view)', () => {
  const m = { turnH: 30, rowH: 24, lineH: 15 };

  it('puts a header before each turn and a detail block under each open row', () => {
    const turns = foldLog(shown, () => true);
    const rows = turns.flatMap((t) => t.rows);
    const open = rows[3]!.shown.index;
    const { items, total } = layoutLog(
      turns,
      (i) => i === open,
      () => false,
      () => ['a', 'b', 'c'],
      m,
    );
    expect(items.filter((i) => i.kind === 'turn').map((i) => i.kind === 'turn' && i.turn)).toEqual([
      6, 5, 4, 3, 2, 1,
    ]);
    // Folded, only the rows of the turns are laid out, each with the count of what it holds.
    const laid = items.filter((i) => i.kind === 'row');
    expect(laid).toHaveLength(rows.length);
    expect(laid.map((i) => i.kind === 'row' && i.folded)).toEqual(
      rows.map((r) => r.children.length),
    );
    const d = items.filter((i) => i.kind === 'detail');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ key: `d${open}`, h: 3 * 15 + 16, lines: 'a\nb\nc' });
    for (let i = 1; i < items.length; i++) expect(items[i]!.y).toBeGreaterThan(items[i - 1]!.y);
    expect(total).toBeGreaterThan(items[items.length - 1]!.y);
  });

  it('gives a row whose title wraps the height of its second line', () => {
    const turns = foldLog(shown, () => true);
    const long = turns[0]!.rows[2]!.shown.index;
    const { items } = layoutLog(
      turns,
      () => false,
      () => false,
      () => [],
      { ...m, titleLineH: 15 },
      (s) => (s.index === long ? 2 : 1),
    );
    const rows = items.filter((i) => i.kind === 'row');
    expect(rows.find((i) => i.shown.index === long)!.h).toBe(24 + 15);
    expect(rows.filter((i) => i.h !== 24)).toHaveLength(1);
    for (let i = 1; i < items.length; i++)
      expect(items[i]!.y).toBe(
        items[i - 1]!.y + items[i - 1]!.h + (items[i - 1]!.kind === 'detail' ? 4 : 0),
      );
  });

  it('finds exactly the items overlapping a window', () => {
    const { items } = layoutLog(
      foldLog(shown, () => true),
      () => false,
      () => true,
      () => [],
      m,
    );
    const inView = itemsIn(items, 500, 1100);
    expect(inView.length).toBeLessThan(30);
    const brute = items.filter((i) => i.y + i.h > 500 && i.y < 1100);
    expect(inView).toEqual(brute);
  });
});
