import type { PlayableActorId } from '../sim/ids';
import type { Scenario } from '../sim/scenario/schema';
import { METRIC_INFO, formatWeight, signed, type ScoreTerm } from '../sim/score';
import { ACTOR_STYLE } from '../view/palette';
import { h } from './dom';

/**
 * Each side's objectives as the screens show them: what the side is trying to achieve (the
 * scenario's summary) and the terms its score is made of, with their weights, and once there are
 * numbers, each term's value and points. Shared by the setup screen (a disclosure per seat), the
 * game screen (the side's card, provisional) and the end screen (each actor's terms).
 */

/** One line on how every score is made, for the places that list terms. */
export const SCORE_RULE =
  'A score runs from −100 to 100: the sum of its terms, each a measure of the game times its weight.';

/** An actor's code chip, in its palette colours. */
export function actorChip(actor: PlayableActorId): HTMLElement {
  const st = ACTOR_STYLE[actor];
  return h('span', { class: 'code', style: `background:${st.css};color:${st.ink}`, text: st.code });
}

/** What a term measures and why it is in the score, for a tooltip. */
function termTitle(sc: Scenario, actor: PlayableActorId, id: string): string {
  const def = sc.objectives[actor].terms.find((t) => t.id === id);
  if (!def) return '';
  const m = METRIC_INFO[def.metric];
  return `${m.label}: ${m.explain} Weight ${formatWeight(def.weight)} per ${m.unit}. Why: ${def.why}.`;
}

/**
 * A side's objectives as a disclosure: the summary shows, the terms with their weights and
 * reasons open under it (the setup screen's seats).
 *
 * @example
 * seats.append(objectivesDisclosure(sc, 'usa'));
 */
export function objectivesDisclosure(sc: Scenario, actor: PlayableActorId): HTMLElement {
  const o = sc.objectives[actor];
  const list = h('ul', { class: 'objective-terms' });
  for (const t of o.terms)
    list.append(
      h(
        'li',
        { title: termTitle(sc, actor, t.id) },
        h('span', { class: 'term-label', text: t.label }),
        h('span', { class: 'weight', text: formatWeight(t.weight) }),
        h('span', { class: 'why', text: t.why }),
      ),
    );
  return h(
    'details',
    { class: 'objectives-box', 'data-testid': `objectives-${actor}` },
    h('summary', { text: o.summary }),
    list,
  );
}

/**
 * Terms with their numbers as a table: term, value now, weight, points; the total in the foot.
 *
 * @example
 * card.append(termsTable(sc, 'usa', score.terms, score.total, 'Score so far'));
 */
export function termsTable(
  sc: Scenario,
  actor: PlayableActorId,
  terms: readonly ScoreTerm[],
  total: number,
  caption: string,
): HTMLTableElement {
  const table = h('table', { class: 'terms-table' });
  table.append(
    h('caption', { text: caption }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', text: 'Term' }),
        h('th', { scope: 'col', class: 'num', text: 'Now' }),
        h('th', { scope: 'col', class: 'num', text: 'Weight' }),
        h('th', { scope: 'col', class: 'num', text: 'Points' }),
      ),
    ),
  );
  const body = h('tbody');
  for (const t of terms)
    body.append(
      h(
        'tr',
        { title: termTitle(sc, actor, t.id), 'data-term': t.id },
        h('th', { scope: 'row', text: t.label }),
        h('td', { class: 'num', text: String(t.value) }),
        h('td', { class: 'num', text: formatWeight(t.weight) }),
        h('td', { class: 'num points', text: signed(t.points) }),
      ),
    );
  table.append(
    body,
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row', colspan: 3, text: 'Total (−100 to 100)' }),
        h('td', { class: 'num points', text: signed(total) }),
      ),
    ),
  );
  return table;
}

/**
 * An actor's terms in a line: "Outcome +20 · Support at home −4 · Economic cost −20".
 *
 * @example
 * row.append(h('td', { text: termsLine(outcome.terms.usa) }));
 */
export function termsLine(terms: readonly ScoreTerm[]): string {
  return terms.map((t) => `${t.label} ${signed(t.points)}`).join(' · ');
}
