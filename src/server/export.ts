import {
  MAX_ANNOTATION_CHARS,
  MAX_ANNOTATIONS,
  REPLAY_FORMAT,
  REPLAY_FORMAT_VERSION,
  RULES_VERSION,
  type ReplayAnnotations,
  type ReplayRecord,
} from '../sim/replay';
import type { Levers } from '../sim/scenario/levers';
import type { Session } from './session';

/**
 * A session's game as a standard replay record (what `npm run sim -- verify` and the browser's
 * replay viewer read): the teams' seats are human seats with the orders they gave, including
 * those the AI chose while it held a seat and the empty orders of a team that was held. Only
 * completed turns: mid-turn, the orders already in are not part of the record.
 *
 * @example
 * const record = replayOf(session);
 * verifyReplay(session.loaded, record).ok // true
 */
export function replayOf(s: Session): ReplayRecord | null {
  const g = s.game;
  if (!g) return null;
  return {
    format: REPLAY_FORMAT,
    formatVersion: REPLAY_FORMAT_VERSION,
    engineVersion: RULES_VERSION,
    scenarioId: s.loaded.scenario.id,
    scenarioHash: s.loaded.hash,
    seed: s.setup.seed,
    levers: s.setup.levers as unknown as Levers,
    controllers: s.controllers(),
    turnLimit: s.setup.turnLimit,
    decisions: g.decisions.slice(0, g.turnHashes.length),
    turnHashes: [...g.turnHashes],
    finalHash: g.turnHashes[g.turnHashes.length - 1] ?? '',
    ...annotationsOf(s),
  };
}

/**
 * What the room said and the facilitator noted, for the after-action report (`annotations`, which
 * no hash covers): every message with who wrote it to whom, and control's notes on turns and log
 * entries. Left out when there is neither.
 */
function annotationsOf(s: Session): Pick<ReplayRecord, 'annotations'> {
  const sc = s.loaded.scenario;
  const actor = (t: string): string => sc.actors[t as keyof typeof sc.actors]?.name ?? t;
  const cap = (t: string): string => t.slice(0, 60);
  const messages: NonNullable<ReplayAnnotations['messages']> = [];
  const notes: NonNullable<ReplayAnnotations['notes']> = [];
  for (const m of s.messages.slice(0, MAX_ANNOTATIONS * 2)) {
    const text = m.text.slice(0, MAX_ANNOTATION_CHARS);
    if (m.from.team === 'control' && m.to === 'control') {
      if (notes.length < MAX_ANNOTATIONS)
        notes.push({ turn: m.turn, ...(m.about !== undefined ? { logIndex: m.about } : {}), text });
      continue;
    }
    if (messages.length >= MAX_ANNOTATIONS) continue;
    const from = m.from.team === 'control' ? 'Control' : `${m.from.name} (${actor(m.from.team)})`;
    const to =
      m.to === 'all'
        ? 'everyone'
        : m.to === 'team'
          ? `the ${actor(m.from.team)} team`
          : m.to === 'control'
            ? 'Control'
            : actor(m.to);
    messages.push({ turn: m.turn, from: cap(from), to: cap(to), text });
  }
  if (messages.length === 0 && notes.length === 0) return {};
  return {
    annotations: {
      ...(messages.length ? { messages } : {}),
      ...(notes.length ? { notes } : {}),
    },
  };
}
