import { buildTimeline, checkpointAt } from '../engine/timeline';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../sim/ids';
import type { ReplayRecord, TurnDecisions } from '../sim/replay';
import type { Result } from '../sim/validation';
import type { GameDriver, GameSetup, ResumePoint } from './driver';
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
 * Rebuild a saved game: verify its record by re-simulating it, then give the checkpoint at the
 * start of the current turn and the phase to return to. At `assessment` the record already holds
 * the current turn, which is played again (with its recorded human decisions) to get back there.
 *
 * @example
 * const r = resumeSaved(saved);
 * if (r.ok) { const d = new GameDriver(r.value.setup, opts); d.start(); d.advanceTo(r.value.point); }
 */
export function resumeSaved(saved: SavedGame): Result<Resumable, string> {
  const rec = saved.record;
  const loaded = scenarioForRecord(rec, `saved game "${saved.scenarioName}"`);
  if (!loaded.ok) return { ok: false, error: loaded.error.message };
  const atAssessment = saved.point.phase === 'assessment';
  const done = rec.turnHashes.length;
  const keep = atAssessment ? Math.max(0, done - 1) : done;
  const pending: TurnDecisions = atAssessment
    ? humanOnly(rec.decisions[keep] ?? {}, rec)
    : saved.point.pending;
  const cut: ReplayRecord = {
    ...rec,
    decisions: rec.decisions.slice(0, keep),
    turnHashes: rec.turnHashes.slice(0, keep),
    finalHash: rec.turnHashes[keep - 1] ?? '',
  };
  const t = buildTimeline(loaded.value, cut);
  if (!t.ok)
    return {
      ok: false,
      error: `the saved game does not replay${t.error.turn ? ` at turn ${t.error.turn}` : ''}: ${t.error.reason}`,
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
        levers: t.value.levers,
        controllers: rec.controllers,
        turnLimit: rec.turnLimit,
        custom: !isBundled(loaded.value),
        from: checkpointAt(t.value, keep),
        ...(rec.parent ? { parent: rec.parent } : {}),
        ...(autoSeats.length ? { autoSeats } : {}),
      },
      point: { phase: saved.point.phase, pending },
      aiForHumans: saved.aiForHumans,
      ...(saved.drafts ? { drafts: saved.drafts } : {}),
    },
  };
}

function humanOnly(d: TurnDecisions, rec: ReplayRecord): TurnDecisions {
  const out: TurnDecisions = {};
  for (const a of PLAYABLE_ACTORS) if (rec.controllers[a] === 'human' && d[a]) out[a] = d[a];
  return out;
}
