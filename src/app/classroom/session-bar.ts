import { h } from '../dom';
import { clockText, msLeft, readyText } from './clock';
import type { LinkStatus, SessionState } from './connection';

/**
 * The session's state in a few words, for the top bar of a team's screen and the facilitator's
 * console: the phase clock ("1:42 left", counting down here from the server's deadline), how many
 * teams are in ("4 of 7 teams ready"), "Orders locked" once this team's are in, and a banner over
 * the map while the facilitator has paused the game or the link to the server is down.
 */
export interface SessionBar {
  /** For the top bar: clock, ready count, locked badge. */
  readonly items: HTMLElement[];
  /** Over the stage: the paused and reconnecting banner. */
  readonly banner: HTMLElement;
  update(s: SessionState, link: LinkStatus): void;
  destroy(): void;
}

export function sessionBar(opts: { team: boolean; testPrefix?: string }): SessionBar {
  const id = (name: string): string => `${opts.testPrefix ?? ''}${name}`;
  const clock = h('span', { class: 'session-clock', role: 'timer', 'data-testid': id('clock') });
  const ready = h('span', { class: 'session-ready', 'data-testid': id('ready') });
  const locked = h('span', {
    class: 'badge locked',
    hidden: true,
    'data-testid': 'orders-locked',
    text: 'Orders locked',
  });
  const banner = h('div', {
    class: 'session-banner',
    role: 'status',
    hidden: true,
    'data-testid': 'session-banner',
  });
  let last: SessionState | null = null;
  // How far this device's clock is behind the server's (the server says its time in each view).
  let skew = 0;

  function tick(): void {
    const s = last;
    if (!s || s.session.status !== 'playing' || s.game?.phase !== 'decisions') {
      clock.hidden = true;
      return;
    }
    const left = msLeft(s.session.clock, Date.now() + skew);
    clock.hidden = left === null;
    const t = left === null ? '' : clockText(left) + (s.session.paused ? ' (paused)' : '');
    if (clock.textContent !== t) clock.textContent = t;
    clock.classList.toggle('short', left !== null && left < 30_000);
  }
  const timer = setInterval(tick, 250);

  return {
    items: opts.team ? [clock, ready, locked] : [clock, ready],
    banner,
    update(s, link) {
      last = s;
      skew = s.session.serverTime - Date.now();
      const playing = s.session.status === 'playing';
      ready.hidden = !playing;
      ready.textContent = readyText(s.session.ready);
      locked.hidden = !(opts.team && playing && s.game?.submitted);
      const say =
        link !== 'online'
          ? 'Connection to the classroom server lost: reconnecting…'
          : playing && s.session.paused
            ? 'Paused by the facilitator'
            : '';
      banner.hidden = say === '';
      if (banner.textContent !== say) banner.textContent = say;
      tick();
    },
    destroy() {
      clearInterval(timer);
    },
  };
}
