import { h } from './dom';

/**
 * The game screen's menu: export the replay, share it as a link, watch the game so far (to step
 * back or fork), open a file, start a new game. A disclosure button with a list of actions, so the
 * top bar stays within 1280 pixels; Escape or a click elsewhere closes it.
 */
export type MenuAction = 'export' | 'share' | 'replay' | 'open' | 'new' | 'leave';

const ITEMS: readonly { action: MenuAction; label: string; hint: string }[] = [
  { action: 'export', label: 'Export replay', hint: 'Save the game so far as a .json replay file' },
  {
    action: 'share',
    label: 'Share link',
    hint: 'A link that opens this game in the replay viewer',
  },
  {
    action: 'replay',
    label: 'Watch from the start',
    hint: 'Step through the turns played; take over from any of them',
  },
  {
    action: 'open',
    label: 'Open file…',
    hint: 'Open a replay or a scenario file (or drop one on the page)',
  },
  { action: 'new', label: 'New game', hint: 'Back to the start screen (this game stays saved)' },
  {
    action: 'leave',
    label: 'Leave the session…',
    hint: 'Give up your place on the team (the facilitator can place you again if you rejoin)',
  },
];

/** Offered only where a screen asks for them (a classroom team's); every other action by default. */
const ON_REQUEST: readonly MenuAction[] = ['leave'];

export function gameMenu(): {
  el: HTMLElement;
  on(action: MenuAction, cb: () => void): void;
  /** Offer only these actions (a classroom team has no replay of its own to export). */
  offer(actions: readonly MenuAction[]): void;
} {
  const cbs = new Map<MenuAction, () => void>();
  const items = new Map<MenuAction, HTMLElement>();
  const button = h(
    'button',
    {
      type: 'button',
      class: 'tool',
      'aria-haspopup': 'true',
      'aria-expanded': 'false',
      'aria-controls': 'game-menu-list',
      'data-testid': 'game-menu',
    },
    'Game ▾',
  );
  const list = h('ul', { class: 'menu-list', id: 'game-menu-list', role: 'menu', hidden: true });
  const el = h('span', { class: 'menu' }, button, list);
  const setOpen = (open: boolean): void => {
    list.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) list.querySelector<HTMLButtonElement>('li:not([hidden]) button')?.focus();
  };
  for (const it of ITEMS) {
    const b = h(
      'button',
      { type: 'button', role: 'menuitem', title: it.hint, 'data-testid': `menu-${it.action}` },
      it.label,
    );
    b.addEventListener('click', () => {
      setOpen(false);
      cbs.get(it.action)?.();
    });
    const li = h('li', { role: 'none', hidden: ON_REQUEST.includes(it.action) }, b);
    items.set(it.action, li);
    list.append(li);
  }
  button.addEventListener('click', () => setOpen(list.hasAttribute('hidden')));
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !list.hidden) {
      setOpen(false);
      button.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!list.hidden && !el.contains(e.target as Node)) setOpen(false);
  });
  return {
    el,
    on: (action, cb) => void cbs.set(action, cb),
    offer(actions) {
      for (const [action, li] of items) li.hidden = !actions.includes(action);
      el.hidden = actions.length === 0;
    },
  };
}
