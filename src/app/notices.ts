import { clear, h } from './dom';

/**
 * One place for messages about outside input (a bad file, a damaged link, a saved game that will
 * not load): shown over whatever screen is up, which stays as it was. Text only, never markup:
 * messages quote file names and values from the files themselves.
 */
export interface Notices {
  readonly el: HTMLElement;
  /** A problem (the default) or, with `info`, news that is not a problem. */
  show(message: string, details?: readonly string[], kind?: 'problem' | 'info'): void;
  clear(): void;
  text(): string;
}

export function notices(): Notices {
  const body = h('div', { class: 'notice-body' });
  const close = h(
    'button',
    {
      type: 'button',
      class: 'ghost small',
      'aria-label': 'Dismiss',
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
  const api: Notices = {
    el,
    show(message, details = [], kind = 'problem') {
      clear(body);
      el.classList.toggle('info', kind === 'info');
      el.setAttribute('role', kind === 'info' ? 'status' : 'alert');
      body.append(h('p', { text: message }));
      if (details.length)
        body.append(h('ul', {}, ...details.slice(0, 12).map((d) => h('li', { text: d }))));
      el.hidden = false;
    },
    clear() {
      clear(body);
      el.hidden = true;
    },
    text() {
      return el.hidden ? '' : (body.textContent ?? '');
    },
  };
  close.addEventListener('click', () => api.clear());
  return api;
}
