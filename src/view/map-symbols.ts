import type { ActorId, ForceKind } from '../sim/ids';
import type { Viewpoint } from './contract';

/**
 * Force counters as APP-6(D) / MIL-STD-2525D unit symbols. This file only names them: which
 * symbol a force gets (its affiliation as the viewer sees it, and its type) and the symbol's
 * 20-digit code (SIDC). The SVGs are generated from these codes with milsymbol by
 * `npm run symbols` into assets/symbols/, so the game ships them as files instead of bundling
 * milsymbol (a test checks the files are current).
 */

/** The standard identities a counter can have. */
export const AFFILIATIONS = ['friend', 'hostile', 'neutral'] as const;
export type Affiliation = (typeof AFFILIATIONS)[number];

/** The unit types the map distinguishes. */
export const UNIT_TYPES = ['armour', 'infantry', 'air', 'naval', 'missile', 'coastguard'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** The China–Russia bloc and its partners: hostile to the West, friendly to each other. */
const BLOC: ReadonlySet<ActorId> = new Set<ActorId>(['china', 'russia', 'north-korea', 'iran']);

/**
 * How `viewer` sees `actor`'s forces. The non-aligned states are neutral to everyone; otherwise an
 * actor of the viewer's camp is a friend. The control and public views read the map from the
 * Western side, as the game's default seat (the United States) does.
 *
 * @example
 * affiliation('russia', 'china'); // 'friend'
 * affiliation('russia', 'usa'); // 'hostile'
 */
export function affiliation(actor: ActorId, viewer: Viewpoint): Affiliation {
  if (actor === 'non-aligned') return 'neutral';
  const viewerBloc = viewer !== 'control' && viewer !== 'public' && BLOC.has(viewer);
  return BLOC.has(actor) === viewerBloc ? 'friend' : 'hostile';
}

/**
 * A force's unit type. Ground forces carry no arm in the model; their scenario name tells armour
 * (armoured, tank, panzer) from the rest, drawn as infantry.
 */
export function unitType(kind: ForceKind, name: string): UnitType {
  switch (kind) {
    case 'ground':
      return /\b(armou?r(ed)?|tank|panzer)\b/i.test(name) ? 'armour' : 'infantry';
    case 'air':
      return 'air';
    case 'naval':
      return 'naval';
    case 'missile':
      return 'missile';
    case 'coastguard':
      return 'coastguard';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** Symbol set and entity of each unit type (2525D): land unit, air, or sea surface. */
const ENTITY: Record<UnitType, { set: string; entity: string }> = {
  armour: { set: '10', entity: '120500' },
  infantry: { set: '10', entity: '121100' },
  missile: { set: '10', entity: '130700' },
  air: { set: '01', entity: '110100' },
  naval: { set: '30', entity: '120200' },
  coastguard: { set: '30', entity: '140300' },
};

const IDENTITY: Record<Affiliation, string> = { friend: '3', neutral: '4', hostile: '6' };

/**
 * The 20-digit SIDC: version 10, reality, the standard identity, the symbol set, present, no
 * headquarters or echelon, the entity, no modifiers.
 *
 * @example
 * sidc('friend', 'armour'); // '10031000001205000000'
 */
export function sidc(aff: Affiliation, type: UnitType): string {
  const e = ENTITY[type];
  return `100${IDENTITY[aff]}${e.set}0000${e.entity}0000`;
}

/** The texture key and asset file name (without `.svg`) of a symbol. */
export function symbolKey(aff: Affiliation, type: UnitType): string {
  return `${aff}-${type}`;
}
