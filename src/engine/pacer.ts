import { fromCallback } from 'xstate';
import type { LogEntry } from '../sim/log';

/**
 * Pacing a paced game (the browser's auto-play) as a child actor of the turn machine. The machine
 * tells it what is on screen after every phase (`PACE.SHOW`: the turn and phase, the log, whether
 * the game waits for a person or has ended); the page tells it, through the machine, whether to
 * play and how fast (`PACE.SET`). It answers `CONTINUE` once the phase has been shown long enough.
 *
 * The engine reads no clock: the timer functions come in from outside (`PaceClock`), the browser's
 * setTimeout and requestAnimationFrame, or a test's fake. The default `pacer` child of the machine
 * never answers (the timeline and the server send `CONTINUE` themselves); a page swaps in a real
 * one with `gameMachine.provide({ actors: { pacer: pacer(clock, settings) } })`.
 */

/** Auto-play speeds. */
export type Speed = 'slow' | 'normal' | 'fast' | 'max';

/** Milliseconds between phases for each auto-play speed, for a phase that logged nothing. */
export const SPEEDS = { slow: 1400, normal: 600, fast: 180, max: 0 } as const satisfies Record<
  Speed,
  number
>;

/**
 * Milliseconds a phase that logged entries stays on screen before the next one runs. At Normal a
 * turn's six phases once passed in under 4 s, too fast to read what each had done; now a phase
 * with something to read holds for 2.2 s (Slow: 4 s). Fast and Fastest keep their pace.
 */
export const READ_TIME: Readonly<Record<Speed, number>> = {
  slow: 4000,
  normal: 2200,
  fast: 180,
  max: 0,
};

/**
 * How long auto-play shows a phase: its reading time if it logged entries (phase markers aside),
 * the speed's plain interval if not.
 *
 * @example
 * phaseDelay('normal', 12) // 2200
 * phaseDelay('normal', 0) // 600
 */
export function phaseDelay(speed: Speed, logged: number): number {
  return logged > 0 ? Math.max(SPEEDS[speed], READ_TIME[speed]) : SPEEDS[speed];
}

/** Timers from outside the engine; each returns the function that cancels it. */
export interface PaceClock {
  /** Run `fn` after `ms` milliseconds. */
  after(ms: number, fn: () => void): () => void;
  /** Run `fn` at the next frame, if the runtime has frames (a delay of 0 uses it). */
  frame?: ((fn: () => void) => () => void) | undefined;
}

/** What the pacer hears. */
export type PaceEvent =
  | {
      type: 'PACE.SHOW';
      /** The phase on screen, as `turn:phase`. */
      key: string;
      /** The log as it stands (only grows). */
      log: readonly LogEntry[];
      /** Nothing to time: the game waits for a person, or has ended. */
      still: boolean;
    }
  | {
      type: 'PACE.SET';
      playing: boolean;
      speed: Speed;
      /** Time the phase on screen afresh (a new speed, a seat handed over). */
      restart: boolean;
    };

/** Whether auto-play is on and its speed, when the game begins. */
export interface PaceSettings {
  readonly playing: boolean;
  readonly speed: Speed;
}

/** The machine's default pacer: it never answers, so a caller sends `CONTINUE` itself. */
export const noPacer = fromCallback<PaceEvent>(() => {});

/**
 * A pacer on the given clock: after each phase it waits the phase's delay (`phaseDelay`, by what
 * that phase logged) and sends `CONTINUE`; at a delay of 0 it waits one frame where there are
 * frames, so a phase's work never piles onto a frame that already has one.
 *
 * @example
 * const clock = { after: (ms, fn) => { const id = setTimeout(fn, ms); return () => clearTimeout(id); } };
 * const machine = gameMachine.provide({ actors: { pacer: pacer(clock, { playing: true, speed: 'normal' }) } });
 */
export function pacer(clock: PaceClock, settings: PaceSettings) {
  return fromCallback<PaceEvent>(({ receive, sendBack }) => {
    let { playing, speed } = settings;
    let shown: { key: string; log: readonly LogEntry[]; still: boolean } | null = null;
    /**
     * The phase last timed, the log's length once it had run, and how many entries it logged: a
     * speed change while it is on screen times it again from the same count.
     */
    let timed = { key: '', to: 0, logged: 0 };
    let cancel: (() => void) | null = null;
    const clear = (): void => {
      cancel?.();
      cancel = null;
    };
    const run = (): void => {
      cancel = null;
      if (!playing || !shown || shown.still) return;
      sendBack({ type: 'CONTINUE' });
    };
    const schedule = (): void => {
      if (!playing || !shown) return;
      // The engine can pass a phase at once (AI seats decide without a stop): the phase now on
      // screen is timed afresh, by what it logged.
      if (cancel !== null) {
        if (shown.key === timed.key) return;
        clear();
      }
      if (shown.still) return;
      if (shown.key !== timed.key) {
        const log = shown.log;
        let logged = 0;
        for (let i = Math.min(timed.to, log.length); i < log.length; i++)
          if (log[i]!.type !== 'phase') logged++;
        timed = { key: shown.key, to: log.length, logged };
      }
      const delay = phaseDelay(speed, timed.logged);
      cancel = delay === 0 && clock.frame ? clock.frame(run) : clock.after(delay, run);
    };
    receive((event) => {
      if (event.type === 'PACE.SHOW') {
        shown = { key: event.key, log: event.log, still: event.still };
      } else {
        playing = event.playing;
        speed = event.speed;
        if (!playing || event.restart) clear();
      }
      schedule();
    });
    return clear;
  });
}
