import { createActor } from 'xstate';
import { hashValue } from '../sim/hash';
import { ACTORS } from '../sim/ids';
import type { LogEntry } from '../sim/log';
import type { TrackSnapshot } from '../sim/phases';
import { RULES_VERSION, type ReplayRecord, type TurnDecisions } from '../sim/replay';
import type { LoadedScenario } from '../sim/scenario/load';
import type { Levers } from '../sim/scenario/levers';
import { createInitialState, resolveLevers } from '../sim/setup';
import type { GameState } from '../sim/state';
import { quoteSafe } from '../sim/safe-text';
import type { Result } from '../sim/validation';
import { drive } from './drive';
import { gameMachine, type Checkpoint } from './machine';

/**
 * A replay as something to look at: the game re-simulated from its record through the real turn
 * engine, with the state at the end of every turn kept, so a viewer can show any turn at once and
 * a player can take over from any turn. Building it also verifies the record turn by turn, so a
 * tampered or foreign replay is refused before anything is shown.
 */

/** The game at the end of one turn (turn 0: before the first turn). */
export interface TurnFrame {
  readonly turn: number;
  readonly state: GameState;
  /** How many log entries existed at this point (the log only grows). */
  readonly logLength: number;
  /** How many track rows existed at this point (one per completed turn). */
  readonly tracksLength: number;
  /** The state hash after this turn ('' for turn 0, which no record hashes). */
  readonly hash: string;
}

export interface Timeline {
  readonly loaded: LoadedScenario;
  readonly record: ReplayRecord;
  readonly levers: Levers;
  /** frames[t] is the game after turn t; frames[0] is the starting position. */
  readonly frames: readonly TurnFrame[];
  readonly log: readonly LogEntry[];
  readonly tracks: readonly TrackSnapshot[];
  /** Whether the recorded game reached its end (an outcome or its last turn). */
  readonly ended: boolean;
}

/** Why a record could not be replayed: the turn that differs (null: before any turn). */
export interface ReplayMismatch {
  readonly turn: number | null;
  readonly reason: string;
}

/**
 * The message for a record made under other rules, naming both versions.
 *
 * @example
 * rulesMismatch('1.0.0') // 'the replay was made under rules 1.0.0; this is rules 2.0.0 …'
 */
export function rulesMismatch(recorded: string): string {
  return `the replay was made under rules ${quoteSafe(recorded, 20)}; this is rules ${RULES_VERSION}. A game re-simulated under other rules would not be the game that was played, so it is not replayed: open it with the Second Front release of rules ${quoteSafe(recorded, 20)}`;
}

/**
 * Check what a record needs before any turn is played: the same scenario (by id and content
 * hash), the same engine version and valid levers. The messages name both versions.
 *
 * @example
 * const h = checkRecordHeader(loaded, record);
 * if (!h.ok) show(h.error.reason);
 */
export function checkRecordHeader(
  loaded: LoadedScenario,
  record: ReplayRecord,
): Result<Levers, ReplayMismatch> {
  const sc = loaded.scenario;
  const fail = (reason: string): Result<Levers, ReplayMismatch> => ({
    ok: false,
    error: { turn: null, reason },
  });
  // The rules come first: under other rules every later check (even the scenario's hash, which
  // the rules' schema shapes) could only report a symptom.
  if (record.engineVersion !== RULES_VERSION) return fail(rulesMismatch(record.engineVersion));
  if (record.scenarioId !== sc.id)
    return fail(`the replay is of scenario "${record.scenarioId}", not "${sc.id}"`);
  if (record.scenarioHash !== loaded.hash)
    return fail(
      `the replay was made with a different version of scenario "${sc.id}" (the replay's version ${record.scenarioHash}, this game's version ${loaded.hash})`,
    );
  const levers = resolveLevers(sc, record.levers);
  if (!levers.ok) return fail(`bad lever in the replay: ${levers.error.message}`);
  return levers;
}

/**
 * Compare what the simulation did in one turn with what the record says.
 *
 * @example
 * const diff = compareTurn(3, simDecisions[2], record.decisions[2], simHash, record.turnHashes[2]);
 */
export function compareTurn(
  turn: number,
  made: TurnDecisions | undefined,
  recorded: TurnDecisions | undefined,
  madeHash: string | undefined,
  recordedHash: string | undefined,
): ReplayMismatch | null {
  // Every actor, background ones included: a record with orders for an actor the simulation
  // decided otherwise (made-up Iran orders) is not this game.
  for (const actor of ACTORS) {
    const x = JSON.stringify(made?.[actor] ?? []);
    const y = JSON.stringify(recorded?.[actor] ?? []);
    if (x !== y)
      return {
        turn,
        reason: `${actor}'s decisions differ: the record has ${y}, the simulation made ${x}`,
      };
  }
  if (madeHash !== recordedHash)
    return {
      turn,
      reason: `state hash differs: the record has ${recordedHash ?? 'no turn'}, the simulation gives ${madeHash ?? 'no turn'}`,
    };
  return null;
}

/**
 * Re-simulate a record through the paced engine (the shared scripted loop, `./drive`), keeping every turn's end state, and check each
 * turn's decisions and hash against the record (`keepLog: false` to only verify, faster). Human seats play the recorded decisions; AI seats
 * decide again (and must decide the same).
 *
 * @example
 * const t = buildTimeline(loaded, record);
 * if (t.ok) show(t.value.frames[t.value.frames.length - 1]);
 * else show(`turn ${t.error.turn}: ${t.error.reason}`);
 */
export function buildTimeline(
  loaded: LoadedScenario,
  record: ReplayRecord,
  opts: { keepLog?: boolean } = {},
): Result<Timeline, ReplayMismatch> {
  const header = checkRecordHeader(loaded, record);
  if (!header.ok) return header;
  const levers = header.value;
  const sc = loaded.scenario;
  const turns = record.turnHashes.length;
  if (record.decisions.length !== turns)
    return {
      ok: false,
      error: {
        turn: Math.min(record.decisions.length, turns) + 1,
        reason: `the record has decisions for ${record.decisions.length} turns but state hashes for ${turns}, so this turn is incomplete`,
      },
    };
  const initial = createInitialState(sc, record.seed, levers);
  const frames: TurnFrame[] = [
    { turn: 0, state: initial, logLength: 0, tracksLength: 0, hash: '' },
  ];
  const actor = createActor(gameMachine, {
    input: {
      sc,
      seed: record.seed,
      levers,
      controllers: record.controllers,
      turnLimit: record.turnLimit,
      paced: true,
      keepLog: opts.keepLog ?? true,
    },
  });
  actor.start();
  let failure: ReplayMismatch | null = null;
  // Each move is one phase or one seat; a record of N turns needs about 7N.
  const how = drive(actor, {
    decide: (turn, seat) => record.decisions[turn - 1]?.[seat] ?? [],
    cap: 20 * (turns + 2),
    visit: (snap) => {
      const c = snap.context;
      // A turn has just been hashed (its assessment, or the end of the game): check and keep it.
      if (c.turnHashes.length === frames.length && frames.length <= turns) {
        const turn = frames.length;
        failure = compareTurn(
          turn,
          c.decisions[turn - 1],
          record.decisions[turn - 1],
          c.turnHashes[turn - 1],
          record.turnHashes[turn - 1],
        );
        if (failure) return false;
        frames.push({
          turn,
          state: c.state,
          logLength: c.log.length,
          tracksLength: c.tracks.length,
          hash: c.turnHashes[turn - 1] ?? '',
        });
      }
      // The record ends here (a game saved part-way, or one that ran its course).
      return frames.length <= turns;
    },
  });
  if (how === 'rejected') {
    const rejected = actor.getSnapshot().context.lastRejection!;
    failure = {
      turn: rejected.turn,
      reason: `illegal decision for ${rejected.actor}: ${rejected.reason}`,
    };
  }
  const end = actor.getSnapshot();
  actor.stop();
  if (!failure && frames.length - 1 < turns) {
    const turn = frames.length;
    failure = {
      turn,
      reason:
        end.status !== 'active'
          ? `the game ended after turn ${turn - 1}, but the record goes on to turn ${turns}`
          : `the simulation stopped before turn ${turn} (the record may be cut short or altered)`,
    };
  }
  if (!failure && turns > 0 && record.finalHash !== record.turnHashes[turns - 1])
    failure = {
      turn: null,
      reason: `final hash differs: the record says ${record.finalHash}, its last turn ${record.turnHashes[turns - 1]}`,
    };
  if (failure) return { ok: false, error: failure };
  const c = end.context;
  const last = frames[frames.length - 1]!;
  const ended = last.state.outcome !== null || last.turn >= record.turnLimit;
  return {
    ok: true,
    value: { loaded, record, levers, frames, log: c.log, tracks: c.tracks, ended },
  };
}

/**
 * Everything needed to continue the game from the end of turn `turn` (fork, resume).
 *
 * @example
 * const from = checkpointAt(timeline, 3); // play on from the end of turn 3 with new decisions
 */
export function checkpointAt(t: Timeline, turn: number): Checkpoint {
  const f = t.frames[Math.max(0, Math.min(turn, t.frames.length - 1))]!;
  return {
    state: f.state,
    log: t.log.slice(0, f.logLength),
    tracks: t.tracks.slice(0, f.tracksLength),
    turnHashes: t.record.turnHashes.slice(0, f.turn),
    decisions: t.record.decisions.slice(0, f.turn),
  };
}

/**
 * The hash of a state as replays hash it (after every turn), for any moment of the game.
 *
 * @example
 * stateHash(driver.view().ctx.state) // same after a reload as before it
 */
export function stateHash(state: GameState): string {
  return hashValue(state);
}
