import { theaterName } from '../sim/context';
import { ESCALATION_LADDER, THEATERS, type KeyEventName, type Theater } from '../sim/ids';
import type { LogEntry } from '../sim/log';
import type { TrackSnapshot } from '../sim/phases';

/**
 * The end screen's timeline as data: the key events, and each turn at whose end an escalation
 * ladder stood on another rung than the turn before. The rungs come from the same per-turn track
 * snapshots the escalation chart draws, so the timeline can never name a rung the chart does not
 * reach, and a fall is called a fall. The log only adds why (the causes of that turn's moves).
 */

/** How each key event reads in timelines (the end screen, the viewer's key moments). */
export const KEY_EVENT_LABEL: Record<KeyEventName, string> = {
  secondFront: 'Russia opens a second front',
  invasionBegins: 'The invasion fleet sails',
  balticOffensiveBegins: 'Russia attacks the Baltic states',
  usIntervenes: 'The US intervenes',
  taiwanLanding: 'PLA lands on Taiwan',
  invasionRepulsed: 'The invasion fails',
  portFalls: 'The PLA takes a port on Taiwan',
  taipeiFalls: 'Taipei falls',
  taiwanBlockade: 'Taiwan blockaded',
  balticCapitalFalls: 'A Baltic capital falls',
  article5Invoked: 'Article 5 invoked',
  nuclearSignal: 'Nuclear signalling',
  nuclearUse: 'Nuclear use',
  ceasefire: 'Ceasefire',
};

/** One line of the timeline. */
export interface TimelineItem {
  readonly hour: number;
  readonly turn: number;
  /** A key event, or a ladder's end-of-turn rung above or below the turn before. */
  readonly kind: 'key' | 'rise' | 'fall';
  readonly text: string;
  /** For `rise` and `fall`: the ladder and the rungs, as the chart shows them. */
  readonly ladder?: Theater;
  readonly from?: number;
  readonly to?: number;
}

/** The chart's series key for a ladder. */
export const ladderKey = (t: Theater): string => `escalation.${t}`;

function rung(level: number): string {
  return `${ESCALATION_LADDER[level] ?? '?'} (rung ${level})`;
}

/**
 * Each change of a ladder's end-of-turn rung, from the charted snapshots. Before the first
 * snapshot the ladder stood where the turn's first escalation entry started it (no entry: it did
 * not move in that turn).
 *
 * @example
 * escalationSteps(tracks, log) // [{ turn: 3, ladder: 'indoPacific', from: 3, to: 4, ... }, ...]
 */
export function escalationSteps(
  tracks: readonly TrackSnapshot[],
  log: readonly LogEntry[],
): TimelineItem[] {
  const out: TimelineItem[] = [];
  for (const ladder of THEATERS) {
    const key = ladderKey(ladder);
    const first = tracks[0];
    if (!first) continue;
    const start = log.find(
      (e) => e.type === 'escalation' && e.ladder === ladder && e.turn === first.turn,
    );
    let prev = start?.type === 'escalation' ? start.from : (first[key] ?? 0);
    for (const snap of tracks) {
      const to = snap[key] ?? prev;
      if (to !== prev) {
        const moves = log.filter(
          (e) => e.type === 'escalation' && e.ladder === ladder && e.turn === snap.turn,
        );
        const causes = moves.map((e) => (e.type === 'escalation' ? e.cause : ''));
        const verb = to > prev ? 'rises to' : 'falls back to';
        out.push({
          // Shown at the turn's last move of this ladder (the snapshot has the turn's start).
          hour: moves[moves.length - 1]?.hour ?? snap.hour ?? 0,
          turn: snap.turn ?? 0,
          kind: to > prev ? 'rise' : 'fall',
          ladder,
          from: prev,
          to,
          text: `${theaterName(ladder)} ${verb} ${rung(to)}, from ${rung(prev)}${causes.length ? `: ${[...new Set(causes)].join('; ')}` : ''}`,
        });
      }
      prev = to;
    }
  }
  return out;
}

/**
 * The whole timeline in order: key events at their hour, ladder changes at the end of their turn.
 *
 * @example
 * timelineItems(state.keyEvents, tracks, log).map((i) => i.text)
 */
export function timelineItems(
  keyEvents: readonly {
    readonly name: KeyEventName;
    readonly hour: number;
    readonly turn?: number;
  }[],
  tracks: readonly TrackSnapshot[],
  log: readonly LogEntry[],
): TimelineItem[] {
  const items: TimelineItem[] = keyEvents.map((k) => ({
    hour: k.hour,
    turn: k.turn ?? 0,
    kind: 'key',
    text: KEY_EVENT_LABEL[k.name],
  }));
  items.push(...escalationSteps(tracks, log));
  // Stable: at one hour, key events stay before the ladder changes they led to.
  return items
    .map((it, i) => ({ it, i }))
    .sort((p, q) => p.it.hour - q.it.hour || p.i - q.i)
    .map((x) => x.it);
}
