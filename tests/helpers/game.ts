import { createActor, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import { loadScenarioFile } from '../../src/cli/scenario-files';
import { gameMachine, type GameInput } from '../../src/engine/machine';
import { runEngine, toReplay } from '../../src/engine/run';
import type { Rejection } from '../../src/sim/decisions';
import { PLAYABLE_ACTORS, type KeyEventName, type PlayableActorId } from '../../src/sim/ids';
import type { LogEntry, LogType } from '../../src/sim/log';
import type { Controllers, ReplayRecord, TurnDecisions } from '../../src/sim/replay';
import { allAi, runPlain, type RunOptions, type RunResult } from '../../src/sim/run';
import type { LeverName, Levers } from '../../src/sim/scenario/levers';
import type { LoadedScenario } from '../../src/sim/scenario/load';
import type { Scenario } from '../../src/sim/scenario/schema';
import { resolveLevers } from '../../src/sim/setup';
import type { Decision, GameState, KeyEvent } from '../../src/sim/state';

/**
 * Scenario tests through the real engine, headless and without mocks, in the spirit of pokerogue's
 * `game.override...toNextTurn()`:
 *
 * ```ts
 * const g = game('two-front').seed('s1').set('chinaCourse', 'invasion').human('usa').turns(6).play();
 * g.keyEvent('taiwanLanding')?.turn;
 * g.track('taiwanSupply'); // one value per turn played
 * ```
 *
 * Human seats take their decisions from `decide(turn, actor, decisions)` (a fixed script) or from
 * `policy(actor, fn)` (decided each turn from the live state, for property tests); a seat with
 * neither submits nothing. `start()` gives a session that stops at each decisions phase, for tests
 * that need to look at or poke the machine between turns.
 */

/** What a policy sees when a human seat must decide. */
export interface SeatView {
  readonly state: GameState;
  readonly sc: Scenario;
  readonly actor: PlayableActorId;
  readonly turn: number;
}

/** Decides a human seat's submission (anything: the engine validates it). */
export type Policy = (view: SeatView) => unknown;

const cache = new Map<string, LoadedScenario>();

/** Load a scenario from `scenarios/` once per test file. */
export function scenario(id: string): LoadedScenario {
  const hit = cache.get(id);
  if (hit) return hit;
  const r = loadScenarioFile(id);
  if (!r.ok)
    throw new Error(`cannot load scenario ${id}: ${r.error.map((p) => p.message).join('; ')}`);
  cache.set(id, r.value);
  return r.value;
}

/** A finished (or stopped) game with conveniences for assertions. */
export interface GameRun extends RunResult {
  readonly loaded: LoadedScenario;
  readonly sc: Scenario;
  readonly opts: RunOptions;
  /** The first occurrence of a key event, or undefined. */
  keyEvent(name: KeyEventName): KeyEvent | undefined;
  happened(name: KeyEventName): boolean;
  /** A charted track's value at the end of each turn played (index 0 = turn 1). */
  track(name: string): number[];
  /** Log entries of one type (the log is empty for quiet runs). */
  entries<T extends LogType>(type: T): Extract<LogEntry, { type: T }>[];
  /** The replay record a person would save for this game. */
  replay(): ReplayRecord;
}

function wrap(loaded: LoadedScenario, opts: RunOptions, r: RunResult): GameRun {
  return {
    ...r,
    loaded,
    sc: loaded.scenario,
    opts,
    keyEvent: (name) => r.state.keyEvents.find((e) => e.name === name),
    happened: (name) => r.state.keyEvents.some((e) => e.name === name),
    track: (name) =>
      r.tracks.map((t) => {
        const v = t[name];
        if (v === undefined) throw new Error(`no charted track "${name}"`);
        return v;
      }),
    entries: <T extends LogType>(type: T) =>
      r.log.filter((e): e is Extract<LogEntry, { type: T }> => e.type === type),
    replay: () => toReplay(loaded, opts, r),
  };
}

type GameActor = ActorRefFrom<typeof gameMachine>;
type GameSnapshot = SnapshotFrom<typeof gameMachine>;

/**
 * A game stopped at a decisions phase (or ended). Every method drives the real machine with real
 * events; nothing is stubbed.
 */
export class Session {
  readonly actor: GameActor;

  constructor(
    readonly loaded: LoadedScenario,
    readonly opts: RunOptions,
    private readonly policies: Partial<Record<PlayableActorId, Policy>>,
  ) {
    const input: GameInput = {
      sc: loaded.scenario,
      seed: opts.seed,
      levers: opts.levers,
      controllers: { ...allAi(), ...opts.controllers },
      turnLimit: opts.turns ?? loaded.scenario.calendar.maxTurns,
      keepLog: opts.keepLog ?? true,
      turnHashes: opts.turnHashes ?? true,
    };
    this.actor = createActor(gameMachine, { input });
    this.actor.start();
  }

  get snapshot(): GameSnapshot {
    return this.actor.getSnapshot();
  }
  get state(): GameState {
    return this.snapshot.context.state;
  }
  get turn(): number {
    return this.state.turn;
  }
  get ended(): boolean {
    return this.snapshot.status !== 'active';
  }
  get lastRejection(): (Rejection & { turn: number }) | null {
    return this.snapshot.context.lastRejection;
  }

  /** Human seats that have not yet decided this turn. */
  waitingFor(): PlayableActorId[] {
    const c = this.snapshot.context;
    if (this.ended || !this.snapshot.matches('decisions')) return [];
    return PLAYABLE_ACTORS.filter(
      (a) => c.controllers[a] === 'human' && c.pending[a] === undefined,
    );
  }

  /**
   * Send one SUBMIT; returns the rejection it caused, or null. (Each rejection is a new object in
   * the context, so an earlier one still held there is not mistaken for this one's.)
   */
  submit(actor: string, decisions: unknown): (Rejection & { turn: number }) | null {
    const before = this.snapshot.context.lastRejection;
    this.actor.send({ type: 'SUBMIT', actor: actor as PlayableActorId, decisions });
    const after = this.snapshot.context.lastRejection;
    return after !== before ? after : null;
  }

  /**
   * Submit for every waiting human seat (from `decisions`, else the seat's policy or script, else
   * nothing) so the turn is adjudicated; stops early on a rejection.
   */
  toNextTurn(decisions: Partial<Record<PlayableActorId, unknown>> = {}): this {
    const turn = this.turn;
    for (const a of this.waitingFor()) {
      const policy = this.policies[a];
      const raw =
        decisions[a] ??
        (policy
          ? policy({ state: this.state, sc: this.loaded.scenario, actor: a, turn })
          : (this.opts.script?.[turn - 1]?.[a] ?? []));
      if (this.submit(a, raw)) return this;
    }
    return this;
  }

  /** Play on until the game ends or a submission is rejected. */
  toEnd(): this {
    for (let guard = 0; guard < 1000 && !this.ended && !this.lastRejection; guard++) {
      if (this.waitingFor().length === 0) break;
      this.toNextTurn();
    }
    return this;
  }

  /** The run so far, in the same shape as `runEngine` returns. */
  result(): GameRun {
    const c = this.snapshot.context;
    const r: RunResult = {
      state: c.state,
      log: c.log,
      tracks: c.tracks,
      decisions: c.decisions,
      turnHashes: c.turnHashes,
      finalHash:
        this.opts.turnHashes === false ? '' : (c.turnHashes[c.turnHashes.length - 1] ?? ''),
      turnsPlayed: c.state.turn,
      rejection: c.lastRejection,
    };
    return wrap(this.loaded, this.opts, r);
  }

  stop(): void {
    this.actor.stop();
  }
}

export class GameBuilder {
  private seedValue = '1';
  private readonly overrides: Record<string, unknown> = {};
  private readonly humans = new Set<PlayableActorId>();
  private turnCount: number | undefined;
  private readonly scriptByTurn: TurnDecisions[] = [];
  private readonly policies: Partial<Record<PlayableActorId, Policy>> = {};
  private keepLog = true;
  private hashes = true;
  private loop: 'engine' | 'plain' = 'engine';

  constructor(readonly loaded: LoadedScenario) {}

  seed(s: string | number): this {
    this.seedValue = String(s);
    return this;
  }

  /** Override one lever (checked against the scenario when the game starts). */
  set<K extends LeverName>(lever: K, value: Levers[K] | string): this {
    this.overrides[lever] = value;
    return this;
  }

  levers(values: Partial<Record<LeverName, unknown>>): this {
    Object.assign(this.overrides, values);
    return this;
  }

  human(...actors: PlayableActorId[]): this {
    for (const a of actors) this.humans.add(a);
    return this;
  }

  turns(n: number): this {
    this.turnCount = n;
    return this;
  }

  /** Script a human seat's decisions for one turn (turn numbers start at 1). */
  decide(turn: number, actor: PlayableActorId, decisions: readonly Decision[] | unknown): this {
    this.humans.add(actor);
    while (this.scriptByTurn.length < turn) this.scriptByTurn.push({});
    (this.scriptByTurn[turn - 1] as Record<string, unknown>)[actor] = decisions;
    return this;
  }

  /** Decide a human seat from the live state every turn. */
  policy(actor: PlayableActorId, fn: Policy): this {
    this.humans.add(actor);
    this.policies[actor] = fn;
    return this;
  }

  /** Drop the log and per-turn hashes (batch-style runs). */
  quiet(): this {
    this.keepLog = false;
    this.hashes = false;
    return this;
  }

  /** Use the plain loop instead of the xstate engine (for engine-vs-loop comparisons). */
  plain(): this {
    this.loop = 'plain';
    return this;
  }

  options(): RunOptions {
    const levers = resolveLevers(this.loaded.scenario, this.overrides);
    if (!levers.ok) throw new Error(levers.error.message);
    const controllers = { ...allAi() } as Controllers;
    for (const a of this.humans) controllers[a] = 'human';
    return {
      seed: this.seedValue,
      levers: levers.value,
      ...(this.turnCount !== undefined ? { turns: this.turnCount } : {}),
      controllers,
      script: this.scriptByTurn,
      keepLog: this.keepLog,
      turnHashes: this.hashes,
    };
  }

  /** Start a session that stops at each decisions phase with a human seat to ask. */
  start(): Session {
    return new Session(this.loaded, this.options(), this.policies);
  }

  /** Play the game to its end (or to the first rejected submission). */
  play(): GameRun {
    const opts = this.options();
    const dynamic = Object.keys(this.policies).length > 0;
    if (this.loop === 'plain') {
      if (dynamic) throw new Error('policies need the engine; the plain loop takes a fixed script');
      return wrap(this.loaded, opts, runPlain(this.loaded.scenario, opts));
    }
    if (!dynamic) return wrap(this.loaded, opts, runEngine(this.loaded.scenario, opts));
    const session = new Session(this.loaded, opts, this.policies).toEnd();
    const r = session.result();
    session.stop();
    return r;
  }
}

/** Begin describing a game of a shipped scenario (by id) or of an already loaded one. */
export function game(id: string | LoadedScenario): GameBuilder {
  return new GameBuilder(typeof id === 'string' ? scenario(id) : id);
}
