import type { ReplayRecord } from '../sim/replay';
import { MAX_LINK_CHARS, encodeShareLink } from '../sim/replay-codec';
import { h } from './dom';

/**
 * Sharing a replay as a link: the record rides compressed in the URL fragment, so opening the
 * link needs no server and the game is never uploaded anywhere. A replay too long for a link is
 * saved as a file instead, and the notice says why.
 */
export function shareDialog(
  record: ReplayRecord,
  actions: { exportFile(record: ReplayRecord): void; notice(message: string): void },
): HTMLElement | null {
  const link = encodeShareLink(record);
  if (!link.ok) {
    actions.exportFile(record);
    actions.notice(
      `This replay is too long for a share link (${link.error.found}; a link holds at most ${MAX_LINK_CHARS.toLocaleString('en')}), so it was saved as a file instead: send the file, and open it with "Open file" or by dropping it on the page.`,
    );
    return null;
  }
  const url = `${location.origin}${location.pathname}${link.value}`;
  const field = h('input', {
    type: 'text',
    readonly: true,
    value: url,
    'aria-label': 'Share link',
    'data-testid': 'share-url',
    spellcheck: 'false',
  });
  const copy = h(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'share-copy' },
    'Copy link',
  );
  const done = h('button', { type: 'button', class: 'ghost' }, 'Close');
  const said = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const overlay = h(
    'div',
    { class: 'overlay share-overlay', 'data-testid': 'share-dialog' },
    h(
      'div',
      { class: 'card', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'share-title' },
      h('h2', { id: 'share-title', text: 'Share this replay' }),
      h('p', {
        text: `Anyone who opens this link sees this game in the replay viewer, turn by turn, verified against its hashes. The game travels inside the link (${url.length.toLocaleString('en')} characters); nothing is uploaded.`,
      }),
      field,
      said,
      h('div', { class: 'end-actions' }, done, copy),
    ),
  );
  copy.addEventListener('click', () => {
    field.select();
    const ok = (): void => void (said.textContent = 'Copied to the clipboard.');
    const manual = (): void =>
      void (said.textContent =
        'Select the link and copy it (Ctrl+C): the clipboard is not available here.');
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(url).then(ok, manual);
    else manual();
  });
  const closeIt = (): void => overlay.remove();
  done.addEventListener('click', closeIt);
  overlay.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeIt();
  });
  queueMicrotask(() => {
    field.focus();
    field.select();
  });
  return overlay;
}
