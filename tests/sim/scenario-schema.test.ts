import { describe, it, expect } from 'vitest';
import { listScenarioIds, loadScenarioFile } from '../../src/cli/scenario-files';
import { LEVER_NAMES } from '../../src/sim/scenario/levers';
import {
  loadScenarioData,
  loadScenarioText,
  type BaseResolver,
  type LoadedScenario,
} from '../../src/sim/scenario/load';
import { parseLever } from '../../src/sim/setup';
import type { InputProblem, Result } from '../../src/sim/validation';
import { BASELINE, baselineResolver, type Json } from '../helpers/baseline';

/**
 * The scenario files in `scenarios/` and the ways a scenario file can be wrong. Every malformed
 * case starts from a deep copy of the baseline, breaks one thing, and checks that the loader
 * refuses it with a problem whose JSONPath and message name what is wrong.
 */

function broken(mutate: (d: Json) => void): Result<LoadedScenario, InputProblem[]> {
  const data: Json = structuredClone(BASELINE);
  mutate(data);
  return loadScenarioData(data, 'bad.json');
}

/** Assert the load failed with a problem at exactly `path` whose message contains every `words`. */
function expectProblem(
  r: Result<LoadedScenario, InputProblem[]>,
  path: string,
  ...words: string[]
): InputProblem {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('unreachable');
  const at = r.error.filter((p) => p.path === path);
  expect(
    at.length,
    `no problem at ${path}; got:\n${r.error.map((p) => p.message).join('\n')}`,
  ).toBeGreaterThan(0);
  const hit = at.find((p) => words.every((w) => p.message.includes(w)));
  expect(
    hit,
    `no problem at ${path} mentioning ${words.join(', ')}; got:\n${at.map((p) => p.message).join('\n')}`,
  ).toBeDefined();
  expect(hit!.file).toBe('bad.json');
  expect(hit!.message).toContain(path);
  return hit!;
}

describe('the shipped scenarios', () => {
  const ids = listScenarioIds();

  it('include the baseline and the five variants', () => {
    expect(ids).toEqual(
      expect.arrayContaining([
        'two-front',
        'skeptic',
        'hague-target',
        'ukraine-falls',
        'taiwan-alone',
        'europe-first',
      ]),
    );
  });

  it.each(ids)('%s loads, its id matches its file name, and its hash is stable', (id) => {
    const first = loadScenarioFile(id);
    if (!first.ok) throw new Error(first.error.map((p) => p.message).join('\n'));
    const again = loadScenarioFile(id);
    if (!again.ok) throw new Error('second load failed');
    expect(first.value.scenario.id).toBe(id);
    expect(first.value.hash).toMatch(/^[0-9a-f]+$/);
    expect(again.value.hash).toBe(first.value.hash);
  });

  it('have distinct hashes', () => {
    const hashes = ids.map((id) => {
      const r = loadScenarioFile(id);
      if (!r.ok) throw new Error(id);
      return r.value.hash;
    });
    expect(new Set(hashes).size).toBe(ids.length);
  });

  it.each(ids)('%s: every lever default passes the lever parser', (id) => {
    const r = loadScenarioFile(id);
    if (!r.ok) throw new Error(id);
    const sc = r.value.scenario;
    for (const name of LEVER_NAMES) {
      const parsed = parseLever(sc, name, sc.levers[name].default);
      expect(parsed, name).toEqual({ ok: true, value: sc.levers[name].default });
    }
  });

  it.each(ids)(
    '%s: the NATO spending lever defaults to the bloc figure, and the last rule is a catch-all',
    (id) => {
      const r = loadScenarioFile(id);
      if (!r.ok) throw new Error(id);
      const sc = r.value.scenario;
      expect(sc.levers.natoSpendingPctGdp.default).toBe(sc.blocs.nato.spendingPctGdp);
      const last = sc.outcomes[sc.outcomes.length - 1]!;
      expect(last.check).toBe('end');
      expect(last.when).toEqual({ all: [] });
    },
  );

  it('variants change only what they say (merge patch over the baseline)', () => {
    const get = (id: string): LoadedScenario => {
      const r = loadScenarioFile(id);
      if (!r.ok) throw new Error(id);
      return r.value;
    };
    const base = get('two-front').scenario;
    const skeptic = get('skeptic').scenario;
    expect(skeptic.levers.chinaRussiaCoordination.default).toBe(0.25);
    expect(skeptic.levers.chinaRussiaCoordination.meaning).toBe(
      base.levers.chinaRussiaCoordination.meaning,
    );
    expect(skeptic.actors.russia.traits.trustInPartners).toBeLessThan(
      base.actors.russia.traits.trustInPartners,
    );
    expect(skeptic.regions).toEqual(base.regions);
    expect(get('taiwan-alone').scenario.levers.usIntervention.default).toBe('none');
    expect(get('taiwan-alone').scenario.levers.japanBases.default).toBe(false);
    expect(get('europe-first').scenario.levers.russiaCourse.default).toBe('limited-incursion');
    expect(get('ukraine-falls').scenario.levers.ukraineStatus.default).toBe('russia-controls');
    expect(get('hague-target').scenario.blocs.nato.spendingPctGdp).toBe(5);
  });

  it('an unknown scenario id names the known ones', () => {
    const r = loadScenarioFile('no-such-scenario');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]!.message).toContain('no-such-scenario');
    expect(r.error[0]!.message).toContain('two-front');
  });
});

describe('malformed scenario files are refused with a path and a reason', () => {
  it('rejects invalid JSON text, saying where (line and column)', () => {
    const text = '{\n  "format": "second-front-scenario"\n  "formatVersion": 1\n}\n';
    const r = loadScenarioText(text, 'bad.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]!.path).toBe('$');
    expect(r.error[0]!.message).toContain('valid JSON');
    expect(r.error[0]!.message).toContain('line 3, column');
  });

  it('rejects empty text', () => {
    const r = loadScenarioText('  \n\t\n', 'bad.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]!.path).toBe('$');
    expect(r.error[0]!.message).toContain('empty file');
  });

  it('rejects a top-level array', () => {
    const r = loadScenarioData([BASELINE], 'bad.json');
    expectProblem(r, '$', 'a scenario object', 'an array');
  });

  it('rejects a wrong format literal', () => {
    const r = broken((d) => {
      d.format = 'second-front-replay';
    });
    expectProblem(r, '$.format', '"second-front-scenario"', '"second-front-replay"');
  });

  it('rejects a wrong format version', () => {
    const r = broken((d) => {
      d.formatVersion = 2;
    });
    expectProblem(r, '$.formatVersion', 'found 2');
  });

  it('rejects a missing required key', () => {
    const r = broken((d) => {
      delete d.calendar;
    });
    expectProblem(r, '$.calendar', 'missing');
  });

  it('rejects an unknown extra key, at the top and inside an object', () => {
    expectProblem(
      broken((d) => {
        d.author = 'someone';
      }),
      '$',
      'unknown key "author"',
    );
    expectProblem(
      broken((d) => {
        d.regions.estonia.population = 1_300_000;
      }),
      '$.regions.estonia',
      'unknown key "population"',
    );
  });

  it('rejects a wrong type (a string for a number)', () => {
    const r = broken((d) => {
      d.calendar.maxTurns = '26';
    });
    expectProblem(r, '$.calendar.maxTurns', 'expected number', '"26"');
  });

  it('rejects an out-of-range number (readiness 150)', () => {
    const r = broken((d) => {
      d.forces['efp-estonia'].readiness = 150;
    });
    expectProblem(r, '$.forces.efp-estonia.readiness', '<= 100', '150');
  });

  it('rejects an escalation level beyond the ladder', () => {
    const r = broken((d) => {
      d.tracks.escalation.europe = 8;
    });
    expectProblem(r, '$.tracks.escalation.europe', '<= 7');
  });

  it('rejects an unknown enum value (terrain "swamp")', () => {
    const r = broken((d) => {
      d.regions.estonia.terrain = 'swamp';
    });
    expectProblem(r, '$.regions.estonia.terrain', '"marsh"', '"swamp"');
  });

  it('rejects a malformed country code and date', () => {
    expectProblem(
      broken((d) => {
        d.regions.estonia.geo.iso = 'EE';
      }),
      '$.regions.estonia.geo.iso',
      '"EE"',
    );
    expectProblem(
      broken((d) => {
        d.sources['csis-2023'].date = 'January 2023';
      }),
      '$.sources.csis-2023.date',
      'a date like',
    );
  });

  it('rejects a dangling region reference in adjacency', () => {
    const r = broken((d) => {
      d.regions.estonia.adjacent[0] = 'atlantis';
    });
    expectProblem(r, '$.regions.estonia.adjacent[0]', 'a region id', '"atlantis"');
  });

  it('rejects asymmetric adjacency', () => {
    const r = broken((d) => {
      d.regions.narva.adjacent = d.regions.narva.adjacent.filter((a: string) => a !== 'estonia');
    });
    const i = BASELINE.regions.estonia.adjacent.indexOf('narva');
    expectProblem(
      r,
      `$.regions.estonia.adjacent[${i}]`,
      'symmetric',
      '"narva" does not list "estonia"',
    );
  });

  it('rejects a force in an unknown region', () => {
    const r = broken((d) => {
      d.forces['efp-estonia'].region = 'atlantis';
    });
    expectProblem(r, '$.forces.efp-estonia.region', 'a region id', '"atlantis"');
  });

  it('rejects a role naming an unknown region', () => {
    const r = broken((d) => {
      d.roles.balticStates = ['estonia', 'latvia', 'lithuania', 'atlantis'];
    });
    expectProblem(r, '$.roles.balticStates[3]', '"atlantis"');
  });

  it('rejects an undeclared source id', () => {
    const r = broken((d) => {
      d.forces['efp-estonia'].sources = ['iiss-mb-2025', 'my-blog'];
    });
    expectProblem(r, '$.forces.efp-estonia.sources[1]', 'declared in "sources"', '"my-blog"');
  });

  it('rejects a figure without sources', () => {
    const r = broken((d) => {
      d.forces['efp-estonia'].sources = [];
    });
    expectProblem(r, '$.forces.efp-estonia.sources', 'at least 1');
  });

  it('rejects a missing option parameter, a missing option and an unknown parameter', () => {
    expectProblem(
      broken((d) => {
        delete d.options['china.blockade'].params.globalEconomicCost;
      }),
      '$.options["china.blockade"].params',
      'parameter "globalEconomicCost"',
      'missing',
    );
    expectProblem(
      broken((d) => {
        delete d.options['china.mobilise'];
      }),
      '$.options',
      'option "china.mobilise"',
    );
    expectProblem(
      broken((d) => {
        d.options['china.blockade'].params.warpFactor = 9;
      }),
      '$.options["china.blockade"].params.warpFactor',
      '"warpFactor"',
    );
  });

  it('rejects a missing rule', () => {
    const r = broken((d) => {
      delete d.rules.taiwan.mobilisationTurns;
    });
    expectProblem(r, '$.rules.taiwan.mobilisationTurns', 'missing');
  });

  it('rejects an unknown lever and a missing one', () => {
    expectProblem(
      broken((d) => {
        d.levers.warpDrive = { default: 1, min: 0, max: 2, meaning: 'engage' };
      }),
      '$.levers',
      'unknown key "warpDrive"',
    );
    expectProblem(
      broken((d) => {
        delete d.levers.japanBases;
      }),
      '$.levers.japanBases',
      'missing',
    );
  });

  it('rejects a lever default outside its range, and a range outside the domain', () => {
    expectProblem(
      broken((d) => {
        d.levers.article5Credibility.default = 1.5;
      }),
      '$.levers.article5Credibility.default',
      'a number in 0..1',
      '1.5',
    );
    expectProblem(
      broken((d) => {
        d.levers.natoSpendingPctGdp.max = 12;
      }),
      '$.levers.natoSpendingPctGdp',
      'within 1..8',
    );
    expectProblem(
      broken((d) => {
        d.levers.balticForwardBrigades.default = 2.5;
      }),
      '$.levers.balticForwardBrigades.default',
      'an integer',
    );
  });

  it('rejects an enum lever default not in its values, and a value outside the domain', () => {
    expectProblem(
      broken((d) => {
        d.levers.usIntervention.default = 'maybe';
      }),
      '$.levers.usIntervention.default',
      '"prompt" | "delayed" | "none"',
      '"maybe"',
    );
    expectProblem(
      broken((d) => {
        d.levers.russiaCourse.values = ['ai', 'invade-finland'];
      }),
      '$.levers.russiaCourse.values[1]',
      '"invade-finland"',
    );
  });

  it('rejects an engagement curve whose anchors do not rise in force ratio', () => {
    expectProblem(
      broken((d) => {
        d.engagement.curve[2].ratioPct = d.engagement.curve[1].ratioPct;
      }),
      '$.engagement.curve[2].ratioPct',
      'expected more than',
    );
  });

  it('rejects an unknown flag in an event trigger', () => {
    const r = broken((d) => {
      d.events[0].trigger = { flag: 'martiansLand' };
    });
    expectProblem(r, '$.events[0].trigger', 'allowed forms');
  });

  it('rejects an unknown extends base, and an extends cycle', () => {
    expectProblem(
      broken((d) => {
        d.extends = 'no-such-base';
      }),
      '$.extends',
      'known scenario',
      '"no-such-base"',
    );
    const loop: BaseResolver = () => ({ text: '{ "extends": "loop" }', file: 'loop.json' });
    const r = loadScenarioData({ extends: 'loop' }, 'bad.json', loop);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]!.path).toBe('$.extends');
    expect(r.error[0]!.message).toContain('levels of extends');
  });

  it('applies a variant as a merge patch, where null deletes and the result is validated', () => {
    const patch = { extends: 'two-front', id: 'patched', levers: { japanBases: null } };
    const r = loadScenarioData(patch, 'bad.json', baselineResolver);
    expectProblem(r, '$.levers.japanBases', 'missing');
    const ok = loadScenarioData(
      { extends: 'two-front', id: 'patched', levers: { japanBases: { default: false } } },
      'good.json',
      baselineResolver,
    );
    if (!ok.ok) throw new Error(ok.error.map((p) => p.message).join('\n'));
    expect(ok.value.scenario.levers.japanBases.default).toBe(false);
    expect(ok.value.scenario.levers.japanBases.meaning).toBe(BASELINE.levers.japanBases.meaning);
  });

  it('rejects duplicate outcome ids', () => {
    const r = broken((d) => {
      d.outcomes[1].id = d.outcomes[0].id;
    });
    expectProblem(r, '$.outcomes[1].id', 'unique', `"${BASELINE.outcomes[0].id}"`);
  });

  it("rejects a scenario with no 'end' outcome", () => {
    const r = broken((d) => {
      d.outcomes = d.outcomes.filter((o: { check: string }) => o.check !== 'end');
    });
    expectProblem(r, '$.outcomes', 'check "end"');
  });

  it('rejects outcome scores missing a playable actor', () => {
    const r = broken((d) => {
      delete d.outcomes[0].scores.japan;
    });
    expectProblem(r, '$.outcomes[0].scores.japan', 'missing');
  });
});
