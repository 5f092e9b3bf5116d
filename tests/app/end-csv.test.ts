import { describe, expect, it } from 'vitest';
import { csvField, decisionsCsv, tracksCsv, trackName } from '../../src/app/end-csv';
import { loadBundled } from '../../src/app/scenarios';
import { runEngine } from '../../src/engine/run';
import { allAi } from '../../src/sim/run';
import { defaultLevers } from '../../src/sim/setup';

/**
 * The end screen's CSV exports, read back the way a spreadsheet would: one row per turn with one
 * column per track under its human name; one row per decision with who took it.
 */

const loaded = loadBundled('two-front');
if (!loaded.ok) throw new Error('two-front did not load');
const sc = loaded.value.scenario;

/** A small RFC 4180 reader, so the test checks what a spreadsheet would see. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field, 'text after the last CRLF').toBe('');
  return rows;
}

describe('CSV fields', () => {
  it('quote commas, quotes and line breaks, and defuse formulas in text', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(undefined)).toBe('');
  });
});

describe('exports of a played game', () => {
  const controllers = { ...allAi(), usa: 'human' as const };
  const r = runEngine(sc, {
    seed: 'csv',
    levers: defaultLevers(sc),
    controllers,
    turns: 6,
    // The human seat takes a decision with an amount in turn 1, a plain one in turn 2, holds after.
    script: [
      { usa: [{ type: 'usa.allocate-forces', amount: 40 }] },
      { usa: [{ type: 'usa.reaffirm-article5' }] },
    ],
  });

  it('is a game the human seat played', () => {
    expect(r.rejection).toBeNull();
    expect(r.log.some((e) => e.type === 'decision' && e.by === 'human')).toBe(true);
  });

  it('tracks: a named column per track and a row per turn, with the engine’s numbers', () => {
    const rows = parse(tracksCsv(r.tracks));
    const [head, ...body] = rows;
    expect(body).toHaveLength(r.tracks.length);
    expect(r.tracks).toHaveLength(6);
    expect(head?.slice(0, 2)).toEqual(['Turn', 'Campaign hour']);
    expect(head).toContain('NATO cohesion');
    expect(head).toContain('Indo-Pacific escalation (rung 0-7)');
    expect(head).toContain('China’s domestic support');
    expect(
      head?.every((n) => !/^[a-z]+[A-Z.]/.test(n)),
      'no raw keys',
    ).toBe(true);
    const keys = Object.keys(r.tracks[0]!);
    expect(head).toHaveLength(keys.length);
    body.forEach((row, i) =>
      keys.forEach((k, j) => expect(Number(row[j]), `${k} turn ${i + 1}`).toBe(r.tracks[i]![k])),
    );
    // Named as the log and the help name them (`view/track-names.ts`), not from the scenario.
    expect(trackName('economicCost.usa')).toBe('US economic cost');
    expect(trackName('noSuchTrack')).toBe('noSuchTrack');
  });

  it('decisions: one row per decision, by AI or human, with targets named', () => {
    const decisions = r.log.filter((e) => e.type === 'decision');
    expect(decisions.length).toBeGreaterThan(0);
    const rows = parse(decisionsCsv(r.log, sc, () => false));
    expect(rows[0]).toEqual(['Turn', 'Actor', 'Decision', 'Target', 'Amount', 'Decided by']);
    expect(rows.slice(1)).toHaveLength(decisions.length);
    rows.slice(1).forEach((row, i) => {
      const e = decisions[i]!;
      if (e.type !== 'decision') return;
      expect(row[0]).toBe(String(e.turn));
      expect(row[1]).toBe(sc.actors[e.actor]!.name);
      expect(row[2]).toBe(sc.options[e.decision.type]!.label);
      if (e.decision.target) expect(row[3]).not.toBe('');
      expect(row[5]).toBe(e.by === 'ai' ? 'AI' : e.by === 'human' ? 'human' : 'scenario lever');
    });
    const human = rows.filter((row) => row[5] === 'human');
    expect(human.map((row) => [row[0], row[2], row[4]])).toEqual([
      ['1', sc.options['usa.allocate-forces']!.label, '40'],
      ['2', sc.options['usa.reaffirm-article5']!.label, ''],
    ]);
    // A human seat handed to the AI in turn 2 says so; nothing else changes.
    const handed = parse(decisionsCsv(r.log, sc, (t, a) => a === 'usa' && t === 2));
    expect(handed.filter((row) => row[5] === 'AI for the human seat').map((row) => row[0])).toEqual(
      ['2'],
    );
    expect(handed.filter((row) => row[5] === 'AI')).toEqual(rows.filter((row) => row[5] === 'AI'));
  });
});
