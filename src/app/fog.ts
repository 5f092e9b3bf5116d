import type { Scenario } from '../sim/scenario/schema';
import type { Viewpoint } from '../sim/view';

/** Fog of war lives in `sim` (one function for hot seat, the replay viewer and the server). */
export { canSee, redactState, seatOf, teamView, viewpointsFor, visibleLog } from '../sim/view';
export type { TeamView } from '../sim/view';

/**
 * A viewpoint as the viewpoint menus name it.
 *
 * @example
 * viewpointLabel(scenario, 'usa') // 'View: US'
 */
export function viewpointLabel(sc: Scenario, v: Viewpoint): string {
  if (v === 'control') return 'View: control (all)';
  if (v === 'public') return 'View: public (what all sides know)';
  return `View: ${sc.actors[v]?.short ?? v}`;
}
