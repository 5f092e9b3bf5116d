import type { Control, Member, SessionInfo } from '../../net/protocol';
import type { PlayableActorId } from '../../sim/ids';
import type { Scenario } from '../../sim/scenario/schema';
import { ACTOR_STYLE } from '../../view/palette';
import { clear, h } from '../dom';

/**
 * The facilitator's roster: each team with who is on it (connected or not), whether its orders
 * are in, and who plays its seat (hand it to the AI and back); the students not yet placed. Any
 * student can be placed, moved or removed. Redrawn only when the roster changes, and the control
 * that had the focus has it again afterwards.
 */
export interface Roster {
  readonly el: HTMLElement;
  update(info: SessionInfo): void;
}

export function roster(sc: Scenario, control: (c: Control) => void): Roster {
  const name = (t: PlayableActorId): string => sc.actors[t]?.name ?? t;
  const teamsEl = h('ul', { class: 'roster-teams', 'data-testid': 'roster' });
  const unplacedTitle = h('h3', { id: 'roster-unplaced-title', text: 'Not yet on a team' });
  const unplaced = h('ul', {
    class: 'roster-unplaced',
    'aria-labelledby': 'roster-unplaced-title',
    'data-testid': 'unplaced',
  });
  const unplacedBox = h('div', { class: 'roster-unplaced-box' }, unplacedTitle, unplaced);
  const el = h(
    'section',
    { class: 'console-section roster', 'aria-labelledby': 'roster-title' },
    h('h2', { id: 'roster-title', text: 'Teams' }),
    teamsEl,
    unplacedBox,
  );
  let key = '';

  function chip(t: PlayableActorId): HTMLElement {
    const st = ACTOR_STYLE[t];
    return h('span', {
      class: 'code',
      style: `background:${st.css};color:${st.ink}`,
      text: st.code,
    });
  }

  function memberRow(m: Member, teams: readonly PlayableActorId[], on: PlayableActorId | null) {
    const label = `Move ${m.name} to`;
    const move = h('select', {
      'aria-label': label,
      'data-testid': `move-${m.deviceId}`,
    });
    move.append(h('option', { value: '', text: on ? 'Move to…' : 'Place on…', selected: true }));
    for (const t of teams) if (t !== on) move.append(h('option', { value: t, text: name(t) }));
    if (on) move.append(h('option', { value: 'none', text: 'No team' }));
    move.addEventListener('change', () => {
      if (move.value === '') return;
      control({
        action: 'assign',
        deviceId: m.deviceId,
        team: move.value === 'none' ? null : (move.value as PlayableActorId),
      });
    });
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'ghost small',
        'aria-label': `Remove ${m.name} from the session`,
        'data-testid': `remove-${m.deviceId}`,
      },
      'Remove',
    );
    remove.addEventListener('click', () => control({ action: 'remove', deviceId: m.deviceId }));
    return h(
      'li',
      { class: 'member', 'data-testid': `member-${m.deviceId}` },
      h('span', {
        class: `presence${m.connected ? ' on' : ''}`,
        title: m.connected ? 'connected' : 'not connected',
      }),
      h('span', { class: 'member-name', text: m.name }),
      h('span', { class: 'sr-only', text: m.connected ? ' (connected)' : ' (not connected)' }),
      move,
      remove,
    );
  }

  function render(info: SessionInfo): void {
    const teams = info.teams.map((t) => t.team);
    clear(teamsEl);
    for (const t of info.teams) {
      const seat = h(
        'button',
        {
          type: 'button',
          class: 'ghost small',
          'aria-pressed': String(t.by === 'ai'),
          'data-testid': `seat-${t.team}`,
          title:
            t.by === 'ai'
              ? `The AI plays ${name(t.team)}; give the seat back to its team`
              : `Hand ${name(t.team)}'s seat to the AI (the team watches)`,
        },
        t.by === 'ai' ? 'Give back' : 'Hand to AI',
      );
      seat.addEventListener('click', () =>
        control({ action: 'seat', team: t.team, by: t.by === 'ai' ? 'team' : 'ai' }),
      );
      const state =
        info.status !== 'playing'
          ? ''
          : t.submitted
            ? 'orders in'
            : t.by === 'ai'
              ? 'AI plays'
              : 'deciding';
      const members = h('ul', { class: 'members' });
      for (const m of t.members) members.append(memberRow(m, teams, t.team));
      if (t.members.length === 0) members.append(h('li', { class: 'hint', text: 'Nobody yet' }));
      teamsEl.append(
        h(
          'li',
          { class: `roster-team${t.submitted ? ' in' : ''}`, 'data-testid': `team-${t.team}` },
          h(
            'div',
            { class: 'roster-team-head' },
            chip(t.team),
            h('strong', { title: name(t.team), text: name(t.team) }),
            h('span', {
              class: `team-state${t.submitted ? ' in' : ''}`,
              'data-testid': `team-state-${t.team}`,
              text: state,
            }),
            seat,
          ),
          members,
        ),
      );
    }
    clear(unplaced);
    for (const m of info.unassigned) unplaced.append(memberRow(m, teams, null));
    unplacedBox.hidden = info.unassigned.length === 0;
  }

  return {
    el,
    update(info) {
      const k = JSON.stringify([info.status, info.teams, info.unassigned]);
      if (k === key) return;
      key = k;
      // The control with the focus is found again by its test id once the rows are redrawn.
      const at = document.activeElement;
      const focusKey = at && el.contains(at) ? at.getAttribute('data-testid') : null;
      render(info);
      if (focusKey)
        el.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focusKey)}"]`)?.focus();
    },
  };
}
