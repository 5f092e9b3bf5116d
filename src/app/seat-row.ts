import type { PlayableActorId } from '../sim/ids';
import type { Scenario } from '../sim/scenario/schema';
import { ACTOR_STYLE } from '../view/palette';
import { h } from './dom';

/**
 * One seat's Human / AI choice: the actor's code and name, then a labelled pair of radio buttons.
 * `prefix` keeps the ids (and test ids `<prefix>-<actor>-human|ai`) apart where two such lists
 * could be on one page (the setup screen's seats, the fork dialog's).
 */
export function seatRow(
  sc: Scenario,
  actor: PlayableActorId,
  prefix: string,
  current: 'human' | 'ai',
  onChange: (who: 'human' | 'ai') => void,
): HTMLElement {
  const st = ACTOR_STYLE[actor];
  const labelId = `${prefix}-label-${actor}`;
  const group = h('span', { class: 'segmented', role: 'radiogroup', 'aria-labelledby': labelId });
  for (const who of ['human', 'ai'] as const) {
    const id = `${prefix}-${actor}-${who}`;
    const input = h('input', {
      type: 'radio',
      name: `${prefix}-${actor}`,
      id,
      value: who,
      checked: current === who,
      'data-testid': id,
    });
    input.addEventListener('change', () => onChange(who));
    group.append(input, h('label', { for: id, text: who === 'human' ? 'Human' : 'AI' }));
  }
  return h(
    'div',
    { class: 'seat-row', 'data-testid': `${prefix}-${actor}` },
    h('span', { class: 'code', style: `background:${st.css};color:${st.ink}`, text: st.code }),
    h('span', { class: 'seat-name', id: labelId, text: sc.actors[actor]?.name ?? actor }),
    group,
  );
}
