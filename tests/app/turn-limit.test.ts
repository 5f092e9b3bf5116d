import { describe, expect, it } from 'vitest';
import { parseTurnLimit } from '../../src/app/turn-limit';

/** The setup screen's turn limit: a whole number from 1 to the scenario's own length. */
describe('parseTurnLimit', () => {
  it('takes 1 to the scenario’s maximum', () => {
    expect(parseTurnLimit('1', 26)).toEqual({ ok: true, value: 1 });
    expect(parseTurnLimit(' 26 ', 26)).toEqual({ ok: true, value: 26 });
    expect(parseTurnLimit('07', 26)).toEqual({ ok: true, value: 7 });
  });
  it('refuses anything else with the range in the message', () => {
    for (const bad of ['', '0', '27', '2.5', '-3', '1e1', 'ten'])
      expect(parseTurnLimit(bad, 26), bad).toMatchObject({
        ok: false,
        error: expect.stringContaining('1 to 26 turns') as unknown,
      });
  });
});
