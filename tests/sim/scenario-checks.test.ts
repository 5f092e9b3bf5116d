import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_DIR, listScenarioIds, loadScenarioFile } from '../../src/cli/scenario-files';
import { judge } from '../../src/sim/scenario/conditions';
import { loadScenarioData, type LoadedScenario } from '../../src/sim/scenario/load';
import type { Condition } from '../../src/sim/scenario/schema';
import type { InputProblem, Result } from '../../src/sim/validation';

/**
 * The checks beyond shapes: ids and list entries that must be unique, neighbours that must be
 * other regions, dates the calendar has, roles of the right kind of region, outcomes and
 * triggers that can happen. Each case breaks one thing in a copy of the baseline and expects the
 * problem at its JSON path.
 */

// The parsed JSON is mutated freely below, so it is typed loosely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const BASELINE_TEXT = readFileSync(join(SCENARIO_DIR, 'two-front.json'), 'utf8');
const BASELINE: Json = JSON.parse(BASELINE_TEXT);

function broken(mutate: (d: Json) => void): Result<LoadedScenario, InputProblem[]> {
  const d = structuredClone(BASELINE);
  mutate(d);
  return loadScenarioData(d, 'bad.json');
}

function expectAt(r: Result<LoadedScenario, InputProblem[]>, path: string, ...words: string[]) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  const hit = r.error.find((p) => p.path === path && words.every((w) => p.message.includes(w)));
  expect(
    hit,
    `no problem at ${path} with ${words.join(', ')}; got:\n${r.error.map((p) => p.message).join('\n')}`,
  ).toBeDefined();
}

describe('unique ids and list entries', () => {
  it('a second event with the same id (it would never fire and share the first one’s rolls)', () => {
    const r = broken((d) => {
      d.events.push({ ...structuredClone(d.events[2]), title: 'Copy' });
    });
    expectAt(
      r,
      `$.events[${BASELINE.events.length}].id`,
      'unique',
      `"${BASELINE.events[2].id}"`,
      '$.events[2]',
    );
  });

  it('a region twice in a role list', () => {
    expectAt(
      broken((d) => {
        d.roles.balticStates.push('latvia');
      }),
      '$.roles.balticStates[3]',
      'each region once',
      '"latvia"',
    );
    expectAt(
      broken((d) => {
        d.roles.russianStaging = ['belarus', 'belarus'];
      }),
      '$.roles.russianStaging[1]',
      'each region once',
    );
  });

  it('a neighbour twice, and a region its own neighbour', () => {
    expectAt(
      broken((d) => {
        d.regions.estonia.adjacent.push('narva');
      }),
      `$.regions.estonia.adjacent[${BASELINE.regions.estonia.adjacent.length}]`,
      'each neighbour once',
      '"narva"',
    );
    expectAt(
      broken((d) => {
        d.regions.estonia.adjacent.push('estonia');
      }),
      `$.regions.estonia.adjacent[${BASELINE.regions.estonia.adjacent.length}]`,
      'another region, found the region itself',
    );
  });

  it('a lever value twice', () => {
    expectAt(
      broken((d) => {
        d.levers.usIntervention.values.push('prompt');
      }),
      `$.levers.usIntervention.values[${BASELINE.levers.usIntervention.values.length}]`,
      'each value once',
      '"prompt"',
    );
  });
});

describe('dates the calendar has', () => {
  it.each([
    ['2027-02-30', false],
    ['2027-02-29', false],
    ['2028-02-29', true],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2027-04-31', false],
    ['2027-13-01', false],
    ['2027-00-10', false],
    ['2027-01-00', false],
    ['2027-12-31', true],
  ])('start %s accepted: %s', (date, ok) => {
    const r = broken((d) => {
      d.calendar.start = date;
    });
    if (ok) expect(r.ok).toBe(true);
    else expectAt(r, '$.calendar.start', 'a real calendar date', `"${date}"`);
  });

  it('a source date: year, month or day, each real', () => {
    const at = (date: string) =>
      broken((d) => {
        d.sources['csis-2023'].date = date;
      });
    expect(at('2023').ok).toBe(true);
    expect(at('2023-06').ok).toBe(true);
    expectAt(at('2023-13'), '$.sources.csis-2023.date', 'a real calendar date');
    expectAt(at('2023-02-29'), '$.sources.csis-2023.date', 'a real calendar date');
    expectAt(at('June 2023'), '$.sources.csis-2023.date', 'a date like');
  });
});

describe('roles name the right kind of region', () => {
  it('a sea zone as Taiwan’s main island', () => {
    expectAt(
      broken((d) => {
        d.roles.taiwanMain = 'taiwan-strait';
      }),
      '$.roles.taiwanMain',
      'a land region',
      '"taiwan-strait", a sea region',
    );
  });

  it('land as the strait, and a sea zone as a Baltic state', () => {
    expectAt(
      broken((d) => {
        d.roles.taiwanStrait = 'penghu';
      }),
      '$.roles.taiwanStrait',
      'a sea region',
    );
    expectAt(
      broken((d) => {
        d.roles.balticStates[1] = 'baltic-sea';
      }),
      '$.roles.balticStates[1]',
      'a land region',
    );
  });
});

describe('outcomes and triggers that can happen', () => {
  const sc = (() => {
    const r = loadScenarioData(BASELINE, 'two-front.json');
    if (!r.ok) throw new Error('baseline');
    return r.value.scenario;
  })();
  const cases: [Condition, 'always' | 'never' | 'maybe'][] = [
    [{ all: [] }, 'always'],
    [{ not: { all: [] } }, 'never'],
    [{ any: [{ not: { all: [] } }, { flag: 'secondFront' }] }, 'maybe'],
    [{ any: [{ not: { all: [] } }, { turn: { gte: 30 } }] }, 'never'],
    [{ turn: { gte: 27 } }, 'never'],
    [{ turn: { gte: 26 } }, 'maybe'],
    [{ turn: { lte: 0 } }, 'never'],
    [{ turn: { gte: 5, lte: 4 } }, 'never'],
    [{ turn: { gte: 1, lte: 26 } }, 'always'],
    [{ track: 'natoCohesion', gte: 50, lte: 5 }, 'never'],
    [{ track: 'natoCohesion', gte: 5, lte: 50 }, 'maybe'],
    [{ lever: 'usIntervention', eq: 'maybe' }, 'never'],
    [{ lever: 'usIntervention', eq: 'none' }, 'maybe'],
    [{ lever: 'japanBases', eq: 'yes' }, 'never'],
    [{ lever: 'article5Credibility', eq: 2 }, 'never'],
    [{ lever: 'balticForwardBrigades', eq: 2.5 }, 'never'],
    [{ not: { not: { all: [] } } }, 'always'],
    [{ all: [{ flag: 'secondFront' }, { turn: { gte: 99 } }] }, 'never'],
  ];
  it.each(cases)('%j is %s', (c, verdict) => {
    expect(judge(c, sc).verdict).toBe(verdict);
  });

  it('an outcome that can never hold is refused at the part to blame', () => {
    expectAt(
      broken((d) => {
        d.outcomes[2].when = { all: [{ flag: 'secondFront' }, { turn: { gte: 40 } }] };
      }),
      '$.outcomes[2].when.all[1].turn',
      'never can',
      'past the last turn (26)',
    );
  });

  it('the end rules all unsatisfiable: each is named, so no end outcome is left', () => {
    const r = broken((d) => {
      for (const o of d.outcomes) if (o.check === 'end') o.when = { not: { all: [] } };
    });
    const ends = BASELINE.outcomes
      .map((o: { check: string }, i: number) => (o.check === 'end' ? i : -1))
      .filter((i: number) => i >= 0);
    for (const i of ends) expectAt(r, `$.outcomes[${i}].when`, 'never can');
  });

  it('an outcome after a catch-all that wins first', () => {
    expectAt(
      broken((d) => {
        d.outcomes.push({ ...structuredClone(d.outcomes[2]), id: 'late' });
      }),
      `$.outcomes[${BASELINE.outcomes.length}]`,
      'can be chosen',
      '"deterrence-holds"',
    );
    // An immediate catch-all hides every rule after it, end rules included.
    expectAt(
      broken((d) => {
        d.outcomes[0].when = { all: [] };
      }),
      '$.outcomes[1]',
      'can be chosen',
    );
  });

  it('an end catch-all hides later end rules, not later immediate ones', () => {
    const r = broken((d) => {
      d.outcomes.unshift(d.outcomes.pop());
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hidden = r.error.filter((p) => p.message.includes('can be chosen')).map((p) => p.path);
    const expected = BASELINE.outcomes
      .slice(0, -1)
      .map((o: { check: string }, i: number) => (o.check === 'end' ? `$.outcomes[${i + 1}]` : null))
      .filter((p: string | null) => p !== null);
    expect(hidden).toEqual(expected);
    expect(hidden).not.toContain('$.outcomes[1]');
  });

  it('an event trigger that can never hold', () => {
    expectAt(
      broken((d) => {
        d.events[1].trigger = { track: 'taiwanSupply', gte: 80, lte: 20 };
      }),
      '$.events[1].trigger',
      'never can',
      'gte 80 is above lte 20',
    );
  });

  it.each(listScenarioIds())('bundled %s passes every check', (id) => {
    const r = loadScenarioFile(id);
    expect(r.ok, r.ok ? '' : r.error.map((p) => p.message).join('\n')).toBe(true);
  });
});
