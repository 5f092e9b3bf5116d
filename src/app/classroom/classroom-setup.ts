import { LIMITS } from '../../net/protocol';
import { h } from '../dom';

/**
 * The setup screen's "Run as a classroom session" section, offered when the page was opened with
 * the facilitator's address. The scenario, levers, seed and length are the setup screen's own;
 * the seats set to Human under Sides become the teams, the AI plays the others. Here: a title,
 * the decisions phase's clock, and whether students pick their team or are placed.
 */

export interface ClassroomOptions {
  readonly title: string;
  /** Seconds each decisions phase lasts (0: no clock, the facilitator advances). */
  readonly decisionSeconds: number;
  readonly teamChoice: 'pick' | 'assigned';
}

export interface ClassroomSection {
  readonly el: HTMLElement;
  /** The options as filled in, or what is wrong with them (and the field is focused). */
  read(): { ok: true; value: ClassroomOptions } | { ok: false; error: string };
  setBusy(busy: boolean): void;
}

/** "5", "5:00", "0:30", "90s" → seconds; null if unreadable. */
export function parseClock(typed: string): number | null {
  const t = typed.trim().toLowerCase();
  if (t === '' || t === '0') return 0;
  let m = /^(\d{1,3}):([0-5]\d)$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(\d{1,4})\s*s$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d{1,3}(?:\.\d+)?)\s*(?:m|min)?$/.exec(t);
  if (m) return Math.round(Number(m[1]) * 60);
  return null;
}

export function classroomSection(onCreate: () => void): ClassroomSection {
  const title = h('input', {
    id: 'classroom-title',
    type: 'text',
    maxlength: LIMITS.title,
    autocomplete: 'off',
    placeholder: 'Seminar 3, group B',
    'data-testid': 'classroom-title',
  });
  const clock = h('input', {
    id: 'classroom-clock',
    type: 'text',
    inputmode: 'numeric',
    value: '8:00',
    autocomplete: 'off',
    'aria-describedby': 'classroom-clock-hint',
    'data-testid': 'classroom-clock',
  });
  const choice = h('span', {
    class: 'segmented',
    role: 'radiogroup',
    'aria-labelledby': 'classroom-choice-label',
  });
  for (const [value, label] of [
    ['pick', 'Students pick'],
    ['assigned', 'I place them'],
  ] as const) {
    const id = `classroom-choice-${value}`;
    choice.append(
      h('input', {
        type: 'radio',
        name: 'classroom-choice',
        id,
        value,
        checked: value === 'pick',
        'data-testid': id,
      }),
      h('label', { for: id, text: label }),
    );
  }
  const create = h(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'classroom-create' },
    'Create classroom session',
  );
  create.addEventListener('click', onCreate);
  const el = h(
    'fieldset',
    { class: 'classroom-setup', 'data-testid': 'classroom-setup' },
    h('legend', {}, 'Run as a classroom session'),
    h('p', {
      class: 'hint',
      text: 'Each seat set to Human under Sides is played by a team on its own devices; the AI plays the others. The scenario, levers, seed and turns above are the session’s.',
    }),
    h('div', { class: 'seed-row' }, h('label', { for: 'classroom-title', text: 'Title' }), title),
    h(
      'div',
      { class: 'seed-row' },
      h('label', { for: 'classroom-clock', text: 'Phase timer' }),
      clock,
      h('span', {
        class: 'hint',
        id: 'classroom-clock-hint',
        text: 'Minutes (8 or 8:00) or seconds (45s) for the teams’ orders each turn; 0: no timer, you advance.',
      }),
    ),
    h(
      'div',
      { class: 'seed-row' },
      h('span', { id: 'classroom-choice-label', class: 'label', text: 'Teams' }),
      choice,
    ),
    create,
  );
  return {
    el,
    read() {
      const seconds = parseClock(clock.value);
      if (seconds === null || seconds > LIMITS.clockSeconds) {
        clock.setAttribute('aria-invalid', 'true');
        clock.focus();
        return {
          ok: false,
          error: `The phase timer reads as minutes (8 or 8:00) or seconds (45s), at most ${LIMITS.clockSeconds / 60} minutes.`,
        };
      }
      clock.removeAttribute('aria-invalid');
      const picked = choice.querySelector<HTMLInputElement>('input:checked')?.value;
      return {
        ok: true,
        value: {
          title: title.value.trim(),
          decisionSeconds: seconds,
          teamChoice: picked === 'assigned' ? 'assigned' : 'pick',
        },
      };
    },
    setBusy(busy) {
      create.disabled = busy;
      create.textContent = busy ? 'Creating…' : 'Create classroom session';
    },
  };
}
