import { writeFileSync } from 'node:fs';
import ms from 'milsymbol';
import {
  AFFILIATIONS,
  UNIT_TYPES,
  sidc,
  symbolKey,
  type Affiliation,
  type UnitType,
} from '../../src/view/map-symbols';

/**
 * Writes the map's unit symbols (assets/symbols/<affiliation>-<type>.svg) from their SIDCs with
 * milsymbol: `npm run symbols`. The map rasterises them once at load; they are the project's own
 * files, so the page needs neither milsymbol nor anything from another origin.
 */

/** Symbol size in milsymbol's units (the frame's height is about this many px). */
export const SYMBOL_SIZE = 24;

/** One symbol's SVG text: the standard frame and fill (no outline), as milsymbol draws it. */
export function symbolSvg(aff: Affiliation, type: UnitType): string {
  return new ms.Symbol(sidc(aff, type), { size: SYMBOL_SIZE }).asSVG() + '\n';
}

/** Every symbol, by file name. */
export function allSymbols(): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of AFFILIATIONS)
    for (const t of UNIT_TYPES) out.set(`${symbolKey(a, t)}.svg`, symbolSvg(a, t));
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  for (const [file, svg] of allSymbols()) writeFileSync(new URL(file, import.meta.url), svg);
  console.log(`wrote ${AFFILIATIONS.length * UNIT_TYPES.length} symbols to assets/symbols/`);
}
