/** Fog of war lives in `sim` (one function for hot seat, the replay viewer and the server). */
export { canSee, visibleLog } from '../sim/view';
