import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/scenario-files';
import { isLeverName, parseLeverNumber } from '../../src/sim/scenario/levers';
import { resolveLevers } from '../../src/sim/setup';

/**
 * Lever values typed at a command line (or carried as strings in a replay) are plain decimal
 * numbers or nothing: `Number()` would read `0x1` as 1, `" 0.5"` as 0.5 and `1e-1` as 0.1, so a
 * typo silently became another game. Names are looked up as own keys only.
 */

const loaded = loadScenarioFile('two-front');
if (!loaded.ok) throw new Error('two-front does not load');
const sc = loaded.value.scenario;

describe('parseLeverNumber', () => {
  it.each([
    ['0.5', 0.5],
    ['1', 1],
    ['0', 0],
    ['-2.25', -2.25],
    ['12', 12],
  ] as const)('reads %j as %d', (text, n) => {
    expect(parseLeverNumber(text)).toBe(n);
  });

  it.each(['0x1', ' 0.5', '0.5 ', '1e-1', '', '.5', '5.', '+1', 'Infinity', 'NaN', '1_0', '٣'])(
    'refuses %j',
    (text) => {
      expect(parseLeverNumber(text)).toBeNull();
    },
  );
});

describe('resolveLevers with command-line text', () => {
  it('accepts plain decimals and refuses coercible look-alikes, naming lever and value', () => {
    const ok = resolveLevers(sc, { article5Credibility: '0.5', balticForwardBrigades: '3' });
    expect(ok.ok && ok.value.article5Credibility).toBe(0.5);
    expect(ok.ok && ok.value.balticForwardBrigades).toBe(3);
    for (const raw of ['0x1', ' 0.5', '1e-1', '']) {
      const r = resolveLevers(sc, { article5Credibility: raw });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.lever).toBe('article5Credibility');
        expect(r.error.message).toContain(JSON.stringify(raw));
      }
    }
  });

  it('refuses prototype keys as unknown levers', () => {
    expect(isLeverName('__proto__')).toBe(false);
    expect(isLeverName('constructor')).toBe(false);
    expect(isLeverName('toString')).toBe(false);
    // Object.fromEntries makes `__proto__` an own key, as the CLI's --set parsing does.
    const r = resolveLevers(sc, Object.fromEntries([['__proto__', '1']]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('unknown lever "__proto__"');
  });
});
