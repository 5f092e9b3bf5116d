import {
  REPLAY_FORMAT,
  REPLAY_FORMAT_VERSION,
  RULES_VERSION,
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
  };
}
