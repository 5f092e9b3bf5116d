import { PLAYABLE_ACTORS, type PlayableActorId } from '../sim/ids';
import type { Scenario } from '../sim/scenario/schema';
import { scoreActor, signed } from '../sim/score';
import type { GameState } from '../sim/state';
import { BAND_HEIGHT } from '../view/contract';
import { ACTOR_STYLE } from '../view/palette';
import { clear, h } from './dom';
import { actorChip, termsTable } from './objectives';

/**
 * The game screen's objectives: a top-bar button with one side's score so far, and the card it
 * opens with that side's objectives and the terms of the score as if the game ended now (the
 * outcome rule that would fire, each term's value and points). The side is the human seat's, or
 * in a game of AIs the one chosen in the card (or the viewpoint). It recomputes once a turn.
 */
export interface ObjectivesCard {
  /** The top-bar button (shows the score; opens and closes the card). */
  readonly toggle: HTMLButtonElement;
  readonly el: HTMLElement;
  /** Show `actor`'s objectives and provisional score in `state` (redrawn once a turn). */
  update(state: GameState, actor: PlayableActorId, ended: boolean): void;
  setOpen(open: boolean): void;
  /** The side picked in the card (games of AIs only). */
  readonly picked: PlayableActorId;
}

export function objectivesCard(
  sc: Scenario,
  opts: { choosable: boolean; onPick(actor: PlayableActorId): void },
): ObjectivesCard {
  const toggle = h('button', {
    type: 'button',
    class: 'tool objectives-toggle',
    'aria-expanded': 'false',
    'aria-controls': 'objectives-card',
    'data-testid': 'objectives-toggle',
  });
  const el = h('section', {
    id: 'objectives-card',
    class: 'objectives-card',
    hidden: true,
    'aria-label': 'Objectives and score so far',
    'data-testid': 'objectives-card',
    style: `top:${BAND_HEIGHT + 34}px`,
  });
  let picked: PlayableActorId = PLAYABLE_ACTORS[0];
  let shown = '';

  function setOpen(open: boolean): void {
    el.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.classList.toggle('on', open);
  }
  toggle.addEventListener('click', () => setOpen(Boolean(el.hidden)));

  function render(state: GameState, actor: PlayableActorId, ended: boolean): void {
    // Once the game is over, its outcome's own terms; until then, as if it ended now.
    const o = state.outcome;
    const score = o
      ? { total: o.scores[actor], terms: o.terms[actor], outcome: o.id }
      : scoreActor(state, sc, actor);
    const rule = sc.outcomes.find((r) => r.id === score.outcome);
    const name = sc.actors[actor]?.name ?? actor;
    clear(toggle);
    toggle.append(
      h('span', { class: 'wide-only', text: 'Score ' }),
      actorChip(actor),
      ` ${signed(score.total)}`,
    );
    toggle.title = `${name}: objectives and score ${ended ? 'at the end' : 'so far'}`;
    toggle.setAttribute(
      'aria-label',
      // The name starts with the words shown on the button, so speech input can say them.
      `Score ${ACTOR_STYLE[actor].code} ${signed(score.total)}: ${name}, objectives and score ${ended ? 'at the end' : 'so far'}`,
    );
    clear(el);
    const close = h('button', { type: 'button', class: 'ghost small', 'aria-label': 'Close' }, '×');
    close.addEventListener('click', () => {
      setOpen(false);
      // Back to the button that opens the card: the close button is gone with it.
      toggle.focus();
    });
    let who: HTMLElement = h('strong', { text: name });
    if (opts.choosable) {
      const select = h('select', {
        'aria-label': 'Whose objectives',
        'data-testid': 'objectives-actor',
      });
      for (const a of PLAYABLE_ACTORS)
        select.append(
          h('option', { value: a, selected: a === actor, text: sc.actors[a]?.name ?? a }),
        );
      select.addEventListener('change', () => {
        picked = select.value as PlayableActorId;
        opts.onPick(picked);
      });
      who = select;
    }
    el.append(
      h('header', {}, actorChip(actor), who, close),
      h('p', { class: 'objective-summary', text: sc.objectives[actor].summary }),
      h('p', {
        class: 'hint',
        'data-testid': 'objectives-if-ended',
        text:
          ended || o
            ? `Game over: ${rule?.label ?? 'no outcome'}.`
            : `Turn ${state.turn}, if the game ended now: ${rule?.label ?? 'no outcome'}.`,
      }),
      termsTable(sc, actor, score.terms, score.total, ended || o ? 'Score' : 'Score so far'),
    );
  }

  return {
    toggle,
    el,
    get picked() {
      return picked;
    },
    update(state, actor, ended) {
      if (opts.choosable) picked = actor;
      const key = `${actor}:${state.turn}:${ended}:${state.outcome?.id ?? ''}`;
      if (key === shown) return;
      shown = key;
      render(state, actor, ended);
    },
    setOpen,
  };
}
