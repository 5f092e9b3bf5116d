/**
 * One tab stop for a long list of buttons (the "roving tabindex" of the WAI-ARIA authoring
 * practices): the text log holds hundreds of row buttons, and Tab must pass the list in one step
 * and never land on a row that is folded away or on a log that is not on screen. The arrow keys,
 * Home and End move within the list; ArrowRight opens and ArrowLeft closes a fold button.
 */

export interface RovingFocus {
  /** Make sure exactly one visible button is the tab stop (call after the list changed). */
  refresh(): void;
  /** Whether the list is in the tab order at all (false while the log is off screen). */
  setTabbable(on: boolean): void;
}

/** A button is visible if neither it nor an ancestor is `hidden`. */
function visible(b: HTMLElement): boolean {
  return b.isConnected && b.closest('[hidden]') === null;
}

/**
 * Roving focus over the buttons of `list` matching `selector`. Every such button must be created
 * with `tabIndex = -1`; this module hands the single 0 around.
 *
 * @example
 * const focus = rovingFocus(ol, 'button');
 * focus.setTabbable(true);
 * focus.refresh(); // after rows were added, folded or filtered
 */
export function rovingFocus(list: HTMLElement, selector: string): RovingFocus {
  let stop: HTMLElement | null = null;
  let tabbable = true;
  const buttons = () => [...list.querySelectorAll<HTMLElement>(selector)].filter((b) => visible(b));

  const setStop = (b: HTMLElement | null) => {
    if (stop && stop !== b) stop.tabIndex = -1;
    stop = b;
    if (stop) stop.tabIndex = tabbable ? 0 : -1;
  };

  list.addEventListener('focusin', (ev) => {
    const t = ev.target as HTMLElement;
    if (t.matches(selector)) setStop(t);
  });

  list.addEventListener('keydown', (ev) => {
    const t = ev.target as HTMLElement;
    if (!t.matches(selector)) return;
    if (t.getAttribute('aria-expanded') !== null && t.dataset.fold !== undefined) {
      const open = t.getAttribute('aria-expanded') === 'true';
      if ((ev.key === 'ArrowRight' && !open) || (ev.key === 'ArrowLeft' && open)) {
        ev.preventDefault();
        t.click();
        return;
      }
    }
    const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
    if (!keys.includes(ev.key)) return;
    ev.preventDefault();
    const all = buttons();
    const at = all.indexOf(t);
    const next =
      ev.key === 'Home'
        ? all[0]
        : ev.key === 'End'
          ? all[all.length - 1]
          : all[Math.max(0, Math.min(all.length - 1, at + (ev.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      setStop(next);
      next.focus();
    }
  });

  return {
    refresh() {
      if (stop && visible(stop)) {
        stop.tabIndex = tabbable ? 0 : -1;
        return;
      }
      setStop(list.querySelector<HTMLElement>(selector) ? (buttons()[0] ?? null) : null);
    },
    setTabbable(on) {
      tabbable = on;
      if (stop) stop.tabIndex = on ? 0 : -1;
    },
  };
}
