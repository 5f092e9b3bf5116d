import { LIMITS, type Audience, type ChatMessage, type Reply } from '../../net/protocol';
import type { PlayableActorId } from '../../sim/ids';
import type { Scenario } from '../../sim/scenario/schema';
import { ACTOR_STYLE } from '../../view/palette';
import { clear, h } from '../dom';

/**
 * Messages in a classroom session: a team writes within the team, to another team or to control;
 * control writes to everyone or to one team, and notes for the debrief (only control reads them),
 * on the turn or on one log entry. Text only: every message goes in through
 * `textContent`, never as markup. A team's panel folds away behind a button that counts what
 * came in unread; the facilitator's is always open in the console.
 */

export interface MessagesPanel {
  readonly el: HTMLElement;
  /** The top-bar button that opens a team's panel, with its unread count (null: always open). */
  readonly toggle: HTMLButtonElement | null;
  update(messages: readonly ChatMessage[], teams: readonly PlayableActorId[]): void;
  setOpen(open: boolean): void;
  readonly unread: number;
}

export interface MessagesOptions {
  readonly sc: Scenario;
  /** Who writes from here: a team (its id and the student's name) or control. */
  readonly me: { readonly team: PlayableActorId; readonly name: string } | 'control';
  /** `about`: the log entry a facilitator's note is on. */
  send(to: Audience, text: string, about?: number): Promise<Reply>;
  /**
   * The facilitator's log entries a note may be about, newest first, with one-line titles; also
   * names the entry a note was on. Control only.
   */
  readonly entries?: () => readonly { readonly index: number; readonly title: string }[];
  /** A team's panel folds behind a button; the facilitator's stays open. */
  readonly foldable: boolean;
}

let panels = 0;

export function messagesPanel(opts: MessagesOptions): MessagesPanel {
  const { sc, me } = opts;
  const n = ++panels;
  const titleId = `messages-title-${n}`;
  const listId = `messages-list-${n}`;
  const name = (t: PlayableActorId | 'control'): string =>
    t === 'control' ? 'Control' : (sc.actors[t]?.name ?? t);
  const list = h('ol', { class: 'message-rows' });
  // The scrolling log (announced as messages arrive) holds the list; it takes the focus so that
  // a keyboard can scroll it.
  const log = h(
    'div',
    {
      class: 'message-list',
      id: listId,
      role: 'log',
      'aria-labelledby': titleId,
      'data-testid': 'message-list',
      tabindex: 0,
    },
    list,
  );
  const empty = h('p', { class: 'hint', text: 'No messages yet.' });
  const to = h('select', { id: `message-to-${n}`, 'data-testid': 'message-to' });
  // A note's log entry (control only): shown while "Note for the debrief" is chosen.
  const about = h('select', { id: `message-about-${n}`, 'data-testid': 'message-about' });
  const aboutRow = h(
    'div',
    { class: 'message-to-row', hidden: true },
    h('label', { for: `message-about-${n}`, text: 'On' }),
    about,
  );
  const titleOf = (index: number): string | null =>
    opts.entries?.().find((e) => e.index === index)?.title ?? null;
  function fillAbout(): void {
    const was = about.value;
    clear(about);
    about.append(h('option', { value: '', text: 'the turn' }));
    for (const e of (opts.entries?.() ?? []).slice(0, 40))
      about.append(h('option', { value: String(e.index), text: e.title.slice(0, 90) }));
    about.value = [...about.options].some((o) => o.value === was) ? was : '';
  }
  to.addEventListener('change', () => {
    aboutRow.hidden = !(me === 'control' && to.value === 'control');
    if (!aboutRow.hidden) fillAbout();
  });
  const text = h('textarea', {
    id: `message-text-${n}`,
    rows: 2,
    maxlength: LIMITS.message,
    required: true,
    'data-testid': 'message-text',
  });
  const send = h(
    'button',
    { type: 'submit', class: 'primary small', 'data-testid': 'message-send' },
    'Send',
  );
  const said = h('p', { class: 'error', role: 'alert', 'data-testid': 'message-error' });
  const form = h(
    'form',
    { class: 'message-form', novalidate: true },
    h('div', { class: 'message-to-row' }, h('label', { for: `message-to-${n}`, text: 'To' }), to),
    aboutRow,
    h('label', { for: `message-text-${n}`, class: 'sr-only', text: 'Message' }),
    text,
    h('div', { class: 'message-send-row' }, said, send),
  );
  const close = opts.foldable
    ? h('button', { type: 'button', class: 'ghost small', text: 'Close' })
    : null;
  const el = h(
    'section',
    {
      id: `messages-${n}`,
      class: `messages${opts.foldable ? ' messages-floating' : ''}`,
      'aria-labelledby': titleId,
      'data-testid': 'messages',
      hidden: opts.foldable,
    },
    h('header', {}, h('h2', { id: titleId, text: 'Messages' }), close),
    empty,
    log,
    form,
  );
  const badge = h('span', { class: 'unread', hidden: true, 'aria-hidden': 'true' });
  const toggle = opts.foldable
    ? h(
        'button',
        {
          type: 'button',
          class: 'tool',
          'aria-expanded': 'false',
          'aria-controls': el.id,
          'data-testid': 'messages-toggle',
        },
        'Messages',
        badge,
      )
    : null;
  let open = !opts.foldable;
  let shown = 0;
  let seen = 0;
  let unread = 0;
  let audiences = '';

  function setOpen(on: boolean): void {
    if (!opts.foldable) return;
    open = on;
    el.hidden = !on;
    toggle?.setAttribute('aria-expanded', String(on));
    if (on) {
      seen = shown;
      setUnread(0);
      text.focus();
    }
  }

  function setUnread(count: number): void {
    unread = count;
    badge.hidden = count === 0;
    badge.textContent = String(count);
    toggle?.setAttribute('aria-label', count === 0 ? 'Messages' : `Messages, ${count} unread`);
  }

  const mine = (m: ChatMessage): boolean =>
    me === 'control'
      ? m.from.team === 'control'
      : m.from.team === me.team && m.from.name === me.name;

  function audienceLabel(m: ChatMessage): string {
    if (m.from.team === 'control' && m.to === 'control') {
      const on = m.about !== undefined ? (titleOf(m.about) ?? `log entry ${m.about}`) : null;
      return on ? `note for the debrief, on “${on}”` : 'note for the debrief';
    }
    if (m.to === 'all') return 'to everyone';
    if (m.to === 'control') return 'to Control';
    if (m.to === 'team') return m.from.team === 'control' ? 'to the team' : 'within the team';
    return `to ${name(m.to)}`;
  }

  function row(m: ChatMessage): HTMLElement {
    const from = m.from.team;
    const chip =
      from === 'control'
        ? h('span', { class: 'code control-chip', text: 'CTL' })
        : h('span', {
            class: 'code',
            style: `background:${ACTOR_STYLE[from].css};color:${ACTOR_STYLE[from].ink}`,
            text: ACTOR_STYLE[from].code,
          });
    return h(
      'li',
      { class: mine(m) ? 'mine' : '', 'data-testid': 'message' },
      h(
        'p',
        { class: 'message-head' },
        chip,
        h('strong', { text: from === 'control' ? 'Control' : m.from.name }),
        h('span', { class: 'message-to', text: ` ${audienceLabel(m)} · turn ${m.turn}` }),
      ),
      h('p', { class: 'message-text', text: m.text }),
    );
  }

  function setAudiences(teams: readonly PlayableActorId[]): void {
    const choices: { value: Audience; label: string }[] =
      me === 'control'
        ? [
            { value: 'all', label: 'Everyone' },
            ...teams.map((t) => ({ value: t as Audience, label: name(t) })),
            { value: 'control', label: 'Note for the debrief (only you)' },
          ]
        : [
            { value: 'team', label: `My team (${name(me.team)})` },
            { value: 'control', label: 'Control' },
            ...teams
              .filter((t) => t !== me.team)
              .map((t) => ({ value: t as Audience, label: name(t) })),
          ];
    const key = choices.map((c) => c.value).join();
    if (key === audiences) return;
    audiences = key;
    const was = to.value;
    clear(to);
    for (const c of choices) to.append(h('option', { value: c.value, text: c.label }));
    if (choices.some((c) => c.value === was)) to.value = was;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = text.value.trim();
    if (body === '') {
      said.textContent = 'Write something first.';
      text.focus();
      return;
    }
    send.disabled = true;
    const on = !aboutRow.hidden && about.value !== '' ? Number(about.value) : undefined;
    void opts.send(to.value as Audience, body, on).then((r) => {
      send.disabled = false;
      if (!r.ok) {
        said.textContent = `Not sent: ${r.error}`;
        return;
      }
      said.textContent = '';
      text.value = '';
      text.focus();
    });
  });
  // Enter sends, Shift+Enter makes a new line (as in every chat).
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  toggle?.addEventListener('click', () => setOpen(!open));
  close?.addEventListener('click', () => {
    setOpen(false);
    toggle?.focus();
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && opts.foldable && open) {
      setOpen(false);
      toggle?.focus();
    }
  });

  return {
    el,
    toggle,
    get unread() {
      return unread;
    },
    setOpen,
    update(messages, teams) {
      setAudiences(teams);
      // Messages only ever come after those shown (a resync restates them from the first).
      if (messages.length < shown) {
        clear(list);
        shown = 0;
        seen = Math.min(seen, messages.length);
      }
      const atEnd = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
      for (let i = shown; i < messages.length; i++) list.append(row(messages[i]!));
      shown = messages.length;
      empty.hidden = shown > 0;
      if (atEnd) log.scrollTop = log.scrollHeight;
      if (open) seen = shown;
      else setUnread(messages.slice(seen).filter((m) => !mine(m)).length);
    },
  };
}
