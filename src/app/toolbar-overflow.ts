import { h } from './dom';

/**
 * The top bar's overflow menu. When the bar's controls do not fit its width, the bar first turns
 * compact (class `compact`: the stylesheet shortens what only informs, such as the phase list),
 * then the least used controls move, one by one in the order given, into a "More" disclosure at
 * the end of the bar, and move back when there is room again: every control stays on screen and
 * reachable at any width. The controls are moved, not copied, so their listeners, labels and
 * state go with them.
 */
export interface ToolbarOverflow {
  /** The "More" button and its list; put it in the bar where the moved controls should go. */
  readonly el: HTMLElement;
  /** Fit the bar now (it also refits on its own when the bar or a control changes size). */
  fit(): void;
  destroy(): void;
}

export function toolbarOverflow(
  bar: HTMLElement,
  /** The controls that may move, the first to move first. */
  movable: readonly HTMLElement[],
): ToolbarOverflow {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'tool',
      'aria-expanded': 'false',
      'aria-controls': 'toolbar-more-list',
      'data-testid': 'toolbar-more',
    },
    'More ▾',
  );
  const list = h('div', {
    class: 'menu-list more-list',
    id: 'toolbar-more-list',
    role: 'group',
    'aria-label': 'More controls',
    hidden: true,
  });
  const el = h('span', { class: 'menu more', hidden: true }, button, list);
  // Where each control stands in the bar, to put it back in its place.
  const homes = movable.map((c) => {
    const mark = document.createComment('toolbar slot');
    c.before(mark);
    return { c, mark };
  });

  const setOpen = (open: boolean): void => {
    list.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => {
    const open = list.hasAttribute('hidden');
    setOpen(open);
    if (open) list.querySelector<HTMLElement>('button, select, input')?.focus();
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !list.hidden) {
      setOpen(false);
      button.focus();
    }
  });
  const onDocClick = (e: MouseEvent): void => {
    if (!list.hidden && !el.contains(e.target as Node)) setOpen(false);
  };
  document.addEventListener('click', onDocClick);

  const overflows = (): boolean => bar.scrollWidth > bar.clientWidth + 1;
  const gap = (): number => parseFloat(getComputedStyle(bar).columnGap) || 0;
  /** Width the bar's shown children take now, with the gaps and padding between them. */
  function used(): number {
    const cs = getComputedStyle(bar);
    let w = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
    let n = 0;
    for (const c of bar.children) {
      const r = c.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      w += r.width;
      n++;
    }
    return w + gap() * Math.max(0, n - 1);
  }
  // How many controls are in the menu (always the first ones), and how wide each was in the bar.
  let out = 0;
  const widths: number[] = [];
  function fit(): void {
    if (!bar.isConnected) return;
    const focused = document.activeElement;
    // Out, one by one, while the bar overflows; back, the last out first, while it has room.
    // Only controls that must move are moved (moving one closes an open select, drops focus).
    if (out === 0 && bar.classList.contains('compact')) {
      bar.classList.remove('compact');
      if (overflows()) bar.classList.add('compact');
    }
    if (overflows()) bar.classList.add('compact');
    while (overflows() && out < homes.length) {
      el.hidden = false;
      const { c } = homes[out]!;
      widths[out] = c.getBoundingClientRect().width;
      list.append(c);
      out++;
    }
    while (out > 0) {
      const room = bar.clientWidth - used() + (out === 1 ? el.getBoundingClientRect().width : 0);
      if (widths[out - 1]! + gap() > room) break;
      const { c, mark } = homes[out - 1]!;
      mark.after(c);
      out--;
    }
    el.hidden = out === 0;
    if (out === 0) setOpen(false);
    if (focused instanceof HTMLElement && focused !== document.activeElement) focused.focus();
    // What this did is not a change to react to.
    mo.takeRecords();
  }

  // Refit after layout, at most once a frame, whenever the bar or a control changes size or a
  // control is shown or hidden (the Results button appears at the end).
  let pending = 0;
  const schedule = (): void => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      fit();
    });
  };
  const ro = new ResizeObserver(schedule);
  ro.observe(bar);
  for (const c of bar.children) ro.observe(c);
  for (const c of movable) ro.observe(c);
  const mo = new MutationObserver(schedule);
  for (const c of bar.querySelectorAll('*'))
    mo.observe(c, { attributes: true, attributeFilter: ['hidden'] });
  mo.observe(bar, { subtree: true, characterData: true, childList: true });

  return {
    el,
    fit,
    destroy() {
      ro.disconnect();
      mo.disconnect();
      if (pending) cancelAnimationFrame(pending);
      document.removeEventListener('click', onDocClick);
    },
  };
}
