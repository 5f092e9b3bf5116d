import { CODE_LENGTH, LIMITS, formatCode, normaliseCode } from '../../net/protocol';
import type { PlayableActorId } from '../../sim/ids';
import type { Scenario } from '../../sim/scenario/schema';
import { ACTOR_STYLE } from '../../view/palette';
import { clear, h } from '../dom';
import type { SessionState } from './connection';
import { leaveDialog } from './leave-dialog';

/**
 * A student's way in: the join code (filled in from the link, or typed) and a name; then the
 * team, where the session lets students pick, or "Waiting for the facilitator to place you";
 * then the lobby until the game starts. One page, one card, redrawn as the session moves on;
 * the focus goes to what is to be done next.
 */

export interface JoinPage {
  readonly el: HTMLElement;
  /** The code and name form (a problem from the last try, if any). */
  form(code: string | null, problem?: string): void;
  /** A line while something is under way ("Connecting…"). */
  wait(text: string): void;
  /** Joined: the team to pick, the wait to be placed, or the lobby. */
  joined(s: SessionState, sc: Scenario | null, name: string): void;
  /** This device is out of the session. */
  removed(reason: string): void;
}

export function joinPage(actions: {
  join(code: string, name: string): Promise<string | null>;
  pick(team: PlayableActorId): Promise<string | null>;
  rejoin(): void;
  /** Give up this device's place in the session: a problem to show, or null once gone. */
  leave(): Promise<string | null>;
}): JoinPage {
  const card = h('div', { class: 'card join-card' });
  const el = h(
    'main',
    { class: 'classroom-join', 'aria-labelledby': 'join-page-title', 'data-testid': 'join' },
    h(
      'header',
      { class: 'join-head' },
      h('h1', { id: 'join-page-title', text: 'Second Front' }),
      h('p', { class: 'tagline', text: 'Classroom session' }),
    ),
    card,
  );
  let shownKey = '';

  /** "Leave this session": before the game, or while waiting to be placed. */
  function leaveRow(): HTMLElement {
    const b = h(
      'button',
      { type: 'button', class: 'ghost small', 'data-testid': 'leave-session' },
      'Leave this session',
    );
    b.addEventListener('click', () => leaveDialog(el, actions.leave, b));
    return h('p', { class: 'leave-row' }, b);
  }

  /**
   * Redraw the card when what it says changed. A new step takes the focus; the same step redrawn
   * (another student joined a team) gives it back to the control that had it.
   */
  function show(key: string, build: () => HTMLElement | null): void {
    if (key === shownKey) return;
    const step = key.split(':')[0];
    const sameStep = shownKey.split(':')[0] === step;
    shownKey = key;
    const at = document.activeElement;
    const had = at && card.contains(at) ? at.getAttribute('data-testid') : null;
    clear(card);
    const focus = build();
    if (sameStep && had)
      card.querySelector<HTMLElement>(`[data-testid="${CSS.escape(had)}"]`)?.focus();
    else if (!sameStep) focus?.focus();
  }

  return {
    el,
    form(code, problem) {
      show(`form:${code}:${problem ?? ''}`, () => {
        const codeIn = h('input', {
          id: 'join-code',
          type: 'text',
          value: code ? formatCode(code) : '',
          maxlength: 20,
          autocomplete: 'off',
          autocapitalize: 'characters',
          spellcheck: 'false',
          'aria-describedby': 'join-code-hint',
          'data-testid': 'join-code-input',
        });
        const nameIn = h('input', {
          id: 'join-name',
          type: 'text',
          maxlength: LIMITS.name,
          autocomplete: 'nickname',
          'data-testid': 'join-name',
        });
        const error = h('p', {
          class: 'error',
          role: 'alert',
          'data-testid': 'join-error',
          text: problem ?? '',
        });
        const go = h(
          'button',
          { type: 'submit', class: 'primary big', 'data-testid': 'join-submit' },
          'Join',
        );
        const form = h(
          'form',
          { class: 'join-form', novalidate: true },
          h('h2', { text: 'Join a classroom session' }),
          h('label', { for: 'join-code', text: 'Join code' }),
          codeIn,
          h('p', {
            class: 'hint',
            id: 'join-code-hint',
            text: `${CODE_LENGTH} letters and digits, as on the facilitator’s screen (ABCD-EFGH).`,
          }),
          h('label', { for: 'join-name', text: 'Your name' }),
          nameIn,
          error,
          go,
        );
        form.addEventListener('submit', (e) => {
          e.preventDefault();
          const c = normaliseCode(codeIn.value);
          const n = nameIn.value.trim();
          if (c.length !== CODE_LENGTH) {
            error.textContent = `The join code has ${CODE_LENGTH} letters and digits.`;
            codeIn.setAttribute('aria-invalid', 'true');
            codeIn.focus();
            return;
          }
          codeIn.removeAttribute('aria-invalid');
          if (n === '') {
            error.textContent = 'Type your name: your team sees it beside your messages.';
            nameIn.setAttribute('aria-invalid', 'true');
            nameIn.focus();
            return;
          }
          nameIn.removeAttribute('aria-invalid');
          go.disabled = true;
          error.textContent = '';
          void actions.join(c, n).then((p) => {
            go.disabled = false;
            if (p) {
              error.textContent = p;
              go.focus();
            }
          });
        });
        card.append(form);
        return code ? nameIn : codeIn;
      });
    },
    wait(text) {
      show(`wait:${text}`, () => {
        const p = h('p', { class: 'lead', role: 'status', tabindex: -1, text });
        card.append(p);
        return null;
      });
    },
    joined(s, sc, name) {
      const info = s.session;
      const actorName = (t: PlayableActorId): string => sc?.actors[t]?.name ?? t;
      const team = info.team;
      const key = `joined-${team}-${info.status}:${info.status}:${info.teamChoice}:${JSON.stringify(
        info.teams.map((t) => [t.team, t.members.map((m) => m.name)]),
      )}`;
      show(key, () => {
        const heading = h('h2', {
          tabindex: -1,
          text: info.title ? info.title : (sc?.name ?? 'Classroom session'),
        });
        card.append(heading, h('p', { class: 'hint', text: `You joined as ${name}.` }));
        if (team === null && info.teamChoice === 'pick') {
          const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'pick-error' });
          const list = h('div', {
            class: 'team-picks',
            role: 'group',
            'aria-label': 'Choose your team',
          });
          for (const t of info.teams) {
            const st = ACTOR_STYLE[t.team];
            const b = h(
              'button',
              { type: 'button', class: 'team-pick', 'data-testid': `pick-${t.team}` },
              h('span', {
                class: 'code',
                style: `background:${st.css};color:${st.ink}`,
                text: st.code,
              }),
              h('strong', { text: actorName(t.team) }),
              h('span', {
                class: 'hint',
                text:
                  t.members.length === 0 ? 'nobody yet' : t.members.map((m) => m.name).join(', '),
              }),
            );
            b.addEventListener('click', () => {
              void actions.pick(t.team).then((p) => (error.textContent = p ?? ''));
            });
            list.append(b);
          }
          card.append(h('p', { class: 'lead', text: 'Choose your team.' }), list, error);
          card.append(leaveRow());
          return heading;
        }
        if (team === null) {
          card.append(
            h('p', {
              class: 'lead',
              role: 'status',
              'data-testid': 'waiting-placement',
              text: 'Waiting for the facilitator to place you on a team.',
            }),
          );
          card.append(leaveRow());
          return heading;
        }
        const st = ACTOR_STYLE[team];
        const mates = info.teams.find((t) => t.team === team)?.members ?? [];
        card.append(
          h(
            'p',
            { class: 'lead', 'data-testid': 'your-team' },
            h('span', {
              class: 'code',
              style: `background:${st.css};color:${st.ink}`,
              text: st.code,
            }),
            ` You play ${actorName(team)}.`,
          ),
          h('p', { class: 'hint', text: `On your team: ${mates.map((m) => m.name).join(', ')}.` }),
          h('p', {
            class: 'lead',
            role: 'status',
            'data-testid': 'waiting-start',
            text:
              info.status === 'ended'
                ? 'The session has ended.'
                : 'Waiting for the facilitator to start the game.',
          }),
        );
        card.append(leaveRow());
        return heading;
      });
    },
    removed(reason) {
      show(`removed:${reason}`, () => {
        const again = h('button', { type: 'button', class: 'primary' }, 'Join again');
        again.addEventListener('click', () => actions.rejoin());
        const heading = h('h2', { tabindex: -1, text: 'You are no longer in this session' });
        card.append(heading, h('p', { 'data-testid': 'removed', text: reason }), again);
        return heading;
      });
    },
  };
}
