import { PLAYABLE_ACTORS } from '../sim/ids';
import type { Scenario } from '../sim/scenario/schema';
import { signed } from '../sim/score';
import { h } from './dom';
import { SCORE_RULE, actorChip, objectivesDisclosure } from './objectives';

/**
 * What the setup screen says about winning, from the scenario's own data: how the game can end
 * (its outcome rules, in the order they are checked, each with its description and the base score
 * it gives every side) and what each side is after (its objectives, with the terms of its score
 * under a disclosure). Nothing here is written twice: the same outcome rules decide the game, and
 * the same objectives score it.
 */
export function victoryPanel(sc: Scenario): HTMLElement {
  const table = h('table', { class: 'outcome-table', 'data-testid': 'victory-conditions' });
  table.append(
    h('caption', {
      text: 'How the game can end: the first rule that holds wins, and gives each side the base score shown (the first term of its score).',
    }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', text: 'Outcome' }),
        ...PLAYABLE_ACTORS.map((a) =>
          h(
            'th',
            { scope: 'col', class: 'num', title: sc.actors[a]?.name ?? a },
            actorChip(a),
            h('span', { class: 'sr-only', text: ` ${sc.actors[a]?.name ?? a}` }),
          ),
        ),
      ),
    ),
  );
  const body = h('tbody');
  for (const o of sc.outcomes)
    body.append(
      h(
        'tr',
        { 'data-outcome': o.id },
        h(
          'th',
          { scope: 'row' },
          h('strong', { text: o.label }),
          h('span', {
            class: 'when',
            text: o.check === 'immediate' ? ' · ends the game at once' : ' · at the last turn',
          }),
          h('span', { class: 'description', text: o.description }),
        ),
        ...PLAYABLE_ACTORS.map((a) => h('td', { class: 'num', text: signed(o.scores[a] ?? 0) })),
      ),
    );
  table.append(body);
  const sides = h('ul', { class: 'side-goals' });
  for (const a of PLAYABLE_ACTORS)
    sides.append(
      h(
        'li',
        {},
        h('span', { class: 'side-name' }, actorChip(a), ` ${sc.actors[a]?.name ?? a}`),
        objectivesDisclosure(sc, a),
      ),
    );
  return h(
    'section',
    { class: 'victory', 'aria-labelledby': 'victory-title' },
    h('h2', { id: 'victory-title', text: 'Victory conditions' }),
    h('div', { class: 'table-scroll' }, table),
    h('h3', { text: 'What each side is after' }),
    h('p', { class: 'hint', text: `Open a side for the terms of its score. ${SCORE_RULE}` }),
    sides,
  );
}
