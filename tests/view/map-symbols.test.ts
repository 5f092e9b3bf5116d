import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allSymbols } from '../../assets/symbols/generate';
import { affiliation, sidc, unitType } from '../../src/view/map-symbols';

/**
 * Unit symbols: the SIDC of each type and side (APP-6(D) / MIL-STD-2525D: identity at digit 4,
 * symbol set at 5-6, entity at 11-16), whose forces look friendly or hostile to whom, and that the
 * shipped SVGs in assets/symbols/ are the ones the codes make (run `npm run symbols` if not).
 */

describe('unit symbols', () => {
  it('codes each type and side as 2525D does', () => {
    expect(sidc('friend', 'armour')).toBe('10031000001205000000');
    expect(sidc('hostile', 'infantry')).toBe('10061000001211000000');
    expect(sidc('neutral', 'missile')).toBe('10041000001307000000');
    expect(sidc('friend', 'air')).toBe('10030100001101000000');
    expect(sidc('hostile', 'naval')).toBe('10063000001202000000');
    expect(sidc('friend', 'coastguard')).toBe('10033000001403000000');
  });

  it('shows each side its own camp as friends and the other as hostile', () => {
    expect(affiliation('usa', 'usa')).toBe('friend');
    expect(affiliation('taiwan', 'japan')).toBe('friend');
    expect(affiliation('china', 'usa')).toBe('hostile');
    expect(affiliation('russia', 'china')).toBe('friend');
    expect(affiliation('nato-europe', 'russia')).toBe('hostile');
    expect(affiliation('non-aligned', 'russia')).toBe('neutral');
    // The all-seeing and public views read the map from the Western side.
    expect(affiliation('china', 'control')).toBe('hostile');
    expect(affiliation('ukraine', 'public')).toBe('friend');
  });

  it('tells armour from infantry by the force name', () => {
    expect(unitType('ground', 'German 45th Panzer Brigade (Lithuania)')).toBe('armour');
    expect(unitType('ground', 'Armoured brigade combat team')).toBe('armour');
    expect(unitType('ground', '1st Guards Tank Army')).toBe('armour');
    expect(unitType('ground', 'Estonian Defence Forces (1st and 2nd Infantry Brigades)')).toBe(
      'infantry',
    );
    expect(unitType('naval', 'Baltic Fleet')).toBe('naval');
    expect(unitType('coastguard', 'China Coast Guard')).toBe('coastguard');
  });

  it('ships the SVGs its codes make, and no others', () => {
    const dir = new URL('../../assets/symbols/', import.meta.url);
    const made = allSymbols();
    const files = readdirSync(dir).filter((f) => f.endsWith('.svg'));
    expect(files.sort()).toEqual([...made.keys()].sort());
    for (const [file, svg] of made) expect(readFileSync(new URL(file, dir), 'utf8')).toBe(svg);
  });
});
