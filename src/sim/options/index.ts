import { background } from './background';
import { china } from './china';
import { nato } from './nato';
import { OPTION_SPECS, type OptionId } from './params';
import { nuclear } from './nuclear';
import { japan, taiwan, ukraine } from './partners';
import { russia } from './russia';
import { settlement } from './settlement';
import type { Behaviours } from './types';
import { usa } from './usa';

/** Every option's behaviour, keyed by option id (the compiler checks none is missing). */
export const BEHAVIOURS: Behaviours = {
  ...china,
  ...russia,
  ...usa,
  ...nato,
  ...taiwan,
  ...japan,
  ...ukraine,
  ...background,
  ...nuclear,
  ...settlement,
};

const MENUS = new Map<string, OptionId[]>();
for (const id of Object.keys(OPTION_SPECS) as OptionId[]) {
  const a = OPTION_SPECS[id].actor;
  MENUS.set(a, [...(MENUS.get(a) ?? []), id]);
}

/**
 * An actor's menu, in catalog order.
 *
 * @example
 * optionsOf('china') // ['china.gray-zone-pressure', 'china.mobilise', ...]
 * optionsOf('nobody') // []
 */
export function optionsOf(actor: string): readonly OptionId[] {
  return MENUS.get(actor) ?? [];
}
