import { h } from '../dom';

/**
 * "Leave the session?": asked before a student gives up their place, since the device's key stops
 * working at once and coming back means joining again (and, once the game is on, waiting to be
 * placed by the facilitator). A true modal; Stay (or Escape) closes it and gives the focus back.
 * `leave` answers a problem to show (the server refused or did not answer), or null once gone.
 */
export function leaveDialog(
  parent: HTMLElement,
  leave: () => Promise<string | null>,
  after: HTMLElement | null = null,
): void {
  const problem = h('p', { class: 'error', role: 'alert', 'data-testid': 'leave-error' });
  const yes = h(
    'button',
    { type: 'button', class: 'danger', 'data-testid': 'leave-confirm' },
    'Leave the session',
  );
  const no = h('button', { type: 'button', class: 'ghost', 'data-testid': 'leave-cancel' }, 'Stay');
  const dialog = h(
    'dialog',
    {
      class: 'leave-dialog card',
      'aria-labelledby': 'leave-title',
      'aria-describedby': 'leave-text',
      'data-testid': 'leave-dialog',
    },
    h('h2', { id: 'leave-title', text: 'Leave the session?' }),
    h('p', {
      id: 'leave-text',
      text: 'Your place on the team is given up and this device is signed out of the session. Your team keeps its orders and messages. To come back, join again with the code; once the game is on, the facilitator places you.',
    }),
    problem,
    h('div', { class: 'dialog-actions' }, no, yes),
  );
  const close = (): void => {
    dialog.close();
    dialog.remove();
    after?.focus();
  };
  no.addEventListener('click', close);
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    close();
  });
  yes.addEventListener('click', () => {
    yes.disabled = true;
    problem.textContent = '';
    void leave().then((p) => {
      if (p === null) {
        if (dialog.open) dialog.close();
        dialog.remove();
        return;
      }
      problem.textContent = p;
      yes.disabled = false;
    });
  });
  parent.append(dialog);
  dialog.showModal();
  no.focus();
}
