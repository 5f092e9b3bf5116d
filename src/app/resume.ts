import { resumePoint, type ResumePoint } from '../engine/resume';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../sim/ids';
import type { TurnDecisions } from '../sim/replay';
import type { Result } from '../sim/validation';
import type { GameDriver, GameSetup } from './driver';
import { SAVE_KIND, SAVE_VERSION, type SavedGame } from './saves';
import { isBundled, scenarioForRecord } from './scenarios';

/**
 * Between a running game and its saved form. A save is the replay record of the completed turns
 * plus where the current turn stood (its phase and the human decisions already submitted), so
 * putting a game back is re-simulating the record and playing on to that phase: the state hash
 * after a reload is the hash before it.
 */

/**
 * The saved form of a running game.
 *
 * @example
 * autosaver.save(toSavedGame(driver, { id, createdAt, savedAt: new Date().toISOString() }));
 */
export function toSavedGame(
  driver: GameDriver,
  meta: { id: string; createdAt: string; savedAt: string },
  drafts?: { turn: number; by: TurnDecisions },
): SavedGame {
  const v = driver.view();
  const record = driver.replay();
  const state = v.ctx.state;
  return {
    kind: SAVE_KIND,
    version: SAVE_VERSION,
    id: meta.id,
    createdAt: meta.createdAt,
    savedAt: meta.savedAt,
    scenarioName: driver.setup.loaded.scenario.name,
    turn: state.turn,
    status: v.ended ? 'ended' : 'playing',
    outcome: state.outcome?.label ?? null,
    record,
    point: { phase: v.ended ? 'ended' : v.phase, pending: driver.pendingHuman() },
    aiForHumans: v.aiForHumans,
    autoSeats: [...(driver.setup.autoSeats ?? [])],
    ...(drafts && drafts.turn === state.turn && Object.keys(drafts.by).length
      ? { drafts: { turn: drafts.turn, by: { ...drafts.by } } }
      : {}),
  };
}

/** A saved game made ready to play on: the setup to build a driver with, and where to go. */
export interface Resumable {
  readonly setup: GameSetup;
  readonly point: ResumePoint;
  readonly aiForHumans: boolean;
  readonly drafts?: { readonly turn: number; readonly by: TurnDecisions };
}

/**
 * Rebuild a saved game: its scenario, then the engine's `resumePoint` (the record verified by
 * re-simulating it, the checkpoint at the start of the current turn, the phase to return to).
 *
 * @example
 * const r = resumeSaved(saved);
 * if (r.ok) { const d = new GameDriver(r.value.setup, opts); d.start(); d.advanceTo(r.value.point); }
 */
export function resumeSaved(saved: SavedGame): Result<Resumable, string> {
  const rec = saved.record;
  const loaded = scenarioForRecord(rec, `saved game "${saved.scenarioName}"`);
  if (!loaded.ok) return { ok: false, error: loaded.error.message };
  const r = resumePoint(loaded.value, rec, saved.point);
  if (!r.ok)
    return {
      ok: false,
      error: `the saved game does not replay${r.error.turn ? ` at turn ${r.error.turn}` : ''}: ${r.error.reason}`,
    };
  const autoSeats = saved.autoSeats.filter((a): a is PlayableActorId =>
    (PLAYABLE_ACTORS as readonly string[]).includes(a),
  );
  return {
    ok: true,
    value: {
      setup: {
        loaded: loaded.value,
        seed: rec.seed,
        levers: r.value.timeline.levers,
        controllers: rec.controllers,
        turnLimit: rec.turnLimit,
        custom: !isBundled(loaded.value),
        from: r.value.from,
        ...(rec.parent ? { parent: rec.parent } : {}),
        ...(autoSeats.length ? { autoSeats } : {}),
      },
      point: r.value.point,
      aiForHumans: saved.aiForHumans,
      ...(saved.drafts ? { drafts: saved.drafts } : {}),
    },
  };
}
