import { clear, h } from './dom';

/**
 * One place for messages about outside input (a bad file, a damaged link, a saved game that will
 * not load) and for news (a scenario loaded, a link copied): shown over whatever screen is up,
 * which stays as it was. Text only, never markup: messages quote file names and values from the
 * files themselves.
 *
 * Every notice can be dismissed (its close button, or Escape while focus is in it). News goes
 * away by itself after `INFO_MS`, a problem stays until dismissed: a problem is something the
 * player must read and act on (export the game, choose another file). The countdown waits while
 * the pointer is over the notice or focus is in it, so nobody loses a message while reading it.
 */
export interface Notices {
  readonly el: HTMLElement;
  /** A problem (the default) or, with `info`, news that is not a problem. */
  show(message: string, details?: readonly string[], kind?: 'problem' | 'info'): void;
  clear(): void;
  text(): string;
}

/** How long news stays on screen, in milliseconds. */
export const INFO_MS = 8000;

export function notices(): Notices {
  const body = h('div', { class: 'notice-body' });
  const close = h(
    'button',
    {
      type: 'button',
      class: 'ghost small',
      'aria-label': 'Dismiss this notice',
      title: 'Dismiss (Escape)',
      'data-testid': 'notice-close',
    },
    '×',
  );
  const el = h(
    'div',
    { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'notice' },
    body,
    close,
  );
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Milliseconds left for the news on screen; null for a problem (it never expires). */
  let left: number | null = null;
  let since = 0;
  let held = false;

  function stopTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }
  function runTimer(): void {
    stopTimer();
    if (left === null || held || el.hidden) return;
    since = Date.now();
    timer = setTimeout(() => api.clear(), left);
  }
  function hold(on: boolean): void {
    if (on === held) return;
    held = on;
    if (on) {
      if (timer !== null && left !== null) left = Math.max(1000, left - (Date.now() - since));
      stopTimer();
    } else runTimer();
  }

  const api: Notices = {
    el,
    show(message, details = [], kind = 'problem') {
      clear(body);
      el.classList.toggle('info', kind === 'info');
      el.setAttribute('role', kind === 'info' ? 'status' : 'alert');
      el.dataset['kind'] = kind;
      body.append(h('p', { text: message }));
      if (details.length)
        body.append(h('ul', {}, ...details.slice(0, 12).map((d) => h('li', { text: d }))));
      el.hidden = false;
      left = kind === 'info' ? INFO_MS : null;
      runTimer();
    },
    clear() {
      stopTimer();
      left = null;
      clear(body);
      el.hidden = true;
      held = false;
    },
    text() {
      return el.hidden ? '' : (body.textContent ?? '');
    },
  };
  close.addEventListener('click', () => api.clear());
  el.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    e.preventDefault();
    api.clear();
  });
  el.addEventListener('pointerenter', () => hold(true));
  el.addEventListener('pointerleave', () => hold(el.contains(document.activeElement)));
  el.addEventListener('focusin', () => hold(true));
  el.addEventListener('focusout', (e) => {
    if (!el.contains(e.relatedTarget as Node | null)) hold(el.matches(':hover'));
  });
  return api;
}
