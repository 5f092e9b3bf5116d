import { PLAYABLE_ACTORS } from '../sim/ids';
import type { Controllers } from '../sim/replay';
import type { Scenario } from '../sim/scenario/schema';
import { h } from './dom';
import { seatRow } from './seat-row';

/**
 * "Take over from here": which seats humans play from the turn shown on. The record's own seats
 * are the default; the game replays to that turn exactly, then goes on with new decisions.
 */
export function forkDialog(
  sc: Scenario,
  turn: number,
  seats: Controllers,
  actions: { start(controllers: Controllers): void; cancel(): void },
): { el: HTMLElement; focus(): void } {
  const chosen: Controllers = { ...seats };
  const rows = PLAYABLE_ACTORS.map((a) =>
    seatRow(sc, a, 'fork', chosen[a], (who) => (chosen[a] = who)),
  );
  const go = h(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'fork-start' },
    'Start playing',
  );
  const cancel = h('button', { type: 'button', class: 'ghost' }, 'Cancel');
  go.addEventListener('click', () => actions.start({ ...chosen }));
  cancel.addEventListener('click', () => actions.cancel());
  const el = h(
    'div',
    {
      class: 'card fork-card',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'fork-title',
    },
    h('h2', {
      id: 'fork-title',
      text: turn === 0 ? 'Take over from the start' : `Take over after turn ${turn}`,
    }),
    h('p', {
      text: `The game replays to the end of turn ${turn} exactly as recorded, then goes on with new decisions. The new game remembers this one as its parent and is saved on its own; this replay is not changed.`,
    }),
    h('fieldset', { class: 'seats' }, h('legend', {}, 'Who plays each side from here'), rows),
    h('div', { class: 'end-actions' }, cancel, go),
  );
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') actions.cancel();
  });
  return { el, focus: () => go.focus() };
}
