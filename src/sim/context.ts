import { ESCALATION_LADDER, type ActorId, type Flag, type KeyEventName, type Theater } from './ids';
import type { AdjudicationKind, LogEntry, Modifier, PhaseName } from './log';
import { stream, type Stream } from './random';
import type { Scenario } from './scenario/schema';
import { clamp, cloneState, type GameState, type Tracks } from './state';

/**
 * How a phase runs. `inPlace` lets a caller that owns the state (the engine, the plain loop) skip
 * the copy for phases whose input nobody else holds; `quiet` skips the log entirely (a batch of
 * thousands of runs needs outcomes, not prose); `hash: false` skips the per-turn state hash.
 */
export interface PhaseOptions {
  readonly inPlace?: boolean;
  /**
   * The briefing copies the previous turn's state even with `inPlace` (the engine keeps every
   * turn-end state); a caller that keeps none (the plain loop) sets this to let it advance that
   * state in place too.
   */
  readonly turnInPlace?: boolean;
  readonly quiet?: boolean;
  readonly hash?: boolean;
}

/**
 * A phase's working context: a private copy of the state that rules mutate, the scenario, and the
 * log entries the phase produces. Phase functions are pure from the outside: state in, new state
 * and entries out.
 *
 * @example
 * const ctx = new Ctx(state, scenario, 'adjudication');
 * ctx.adjust('natoCohesion', -3, 'hybrid attacks'); // logged with its cause
 */
export class Ctx {
  readonly s: GameState;
  readonly log: LogEntry[] = [];
  readonly quiet: boolean;
  hour: number;
  /** The operational step inside the turn (0-based), while campaigns run; 0 otherwise. */
  step = 0;
  private readonly phaseEnd: number;
  /** Who alone may see what is logged now (`secretly`); null: as each entry says. */
  private secretTo: readonly ActorId[] | null = null;

  constructor(
    state: GameState,
    readonly sc: Scenario,
    readonly phase: PhaseName,
    opts: PhaseOptions = {},
    /** 1 when this phase opens a new turn (the briefing): the copy advances the clock. */
    advanceTurns = 0,
  ) {
    this.s = opts.inPlace ? state : cloneState(state);
    if (advanceTurns > 0) {
      this.s.turn += advanceTurns;
      this.s.hour = (this.s.turn - 1) * sc.calendar.turnHours;
    }
    this.quiet = opts.quiet ?? false;
    const [start, end] = phaseWindow(sc.calendar.turnHours, phase);
    this.hour = this.s.hour + start;
    this.phaseEnd = this.s.hour + end;
  }

  /** Advance the in-turn clock a little so that successive adjudications read in order. */
  tick(hours = 1): void {
    this.hour = Math.min(this.hour + hours, this.phaseEnd);
  }

  /**
   * Enter operational step `k` of the turn: the clock reads the step's end, `stepHours × (k + 1)`
   * hours into the turn (the last step ends an hour before the next turn's briefing), so an event
   * in the third step of an offensive begun with the turn is logged 36 hours after it began (the
   * last step is cut short at the end of the phase's window, an hour or two before the turn ends).
   */
  atStep(k: number): void {
    this.step = k;
    const h = this.sc.rules.clock.stepHours;
    this.hour = Math.min(this.s.hour + h * (k + 1), this.phaseEnd);
  }

  /** The hour the current operational step began (an offensive begun in it dates from here). */
  stepStart(): number {
    return this.s.hour + this.sc.rules.clock.stepHours * this.step;
  }

  /** Leave the operational steps: the clock returns to the phase's window for what follows. */
  endSteps(): void {
    this.step = 0;
    this.hour = this.phaseEnd;
  }

  rng(purpose: string): Stream {
    return stream(this.s.seed, this.s.turn, purpose);
  }

  /**
   * Roll a d100 against a chance (the first draw of the stream named `purpose`, so anyone can
   * redo it) and log the adjudication with its inputs, modifiers, roll and result.
   */
  chanceRoll(spec: ChanceRoll): boolean {
    const r = this.rng(spec.purpose);
    const roll = r.d100();
    const ok = roll <= spec.chance;
    if (!this.quiet)
      this.emit({
        type: 'adjudication',
        kind: spec.kind,
        theater: spec.theater,
        actors: spec.actors,
        ...(spec.region ? { region: spec.region } : {}),
        visibleTo: 'all',
        inputs: spec.inputs,
        modifiers: spec.modifiers,
        roll: { stream: r.label, die: 'd100', value: roll, target: spec.chance },
        result: ok ? spec.result[0] : spec.result[1],
        text: spec.text(roll, ok),
      });
    return ok;
  }

  emit(entry: DistributiveOmit<LogEntry, 'turn' | 'hour'>): void {
    if (this.quiet) return;
    const visibleTo = this.secretTo ? narrow(entry.visibleTo, this.secretTo) : entry.visibleTo;
    this.log.push({ ...entry, visibleTo, turn: this.s.turn, hour: this.hour } as LogEntry);
  }

  /**
   * Run `fn` with everything it logs visible only to `to` (and control). An action the other side
   * does not learn of (a secret request, an undetected mobilisation) must not reach it through
   * what the action causes either: the track it moves, the rung it climbs, the cost it incurs are
   * logged for the parties alone. `null` runs `fn` as it is. Only the log changes, never the state.
   *
   * @example
   * ctx.secretly(['china', 'russia'], () => ctx.adjust('coordination', 5, "China's request"));
   */
  secretly(to: readonly ActorId[] | null, fn: () => void): void {
    const outer = this.secretTo;
    this.secretTo = to && outer ? narrow(to, outer) : (to ?? outer);
    try {
      fn();
    } finally {
      this.secretTo = outer;
    }
  }

  note(
    theater: Theater | 'global',
    actors: readonly ActorId[],
    text: string,
    region?: string,
  ): void {
    if (this.quiet) return;
    this.emit({
      type: 'change',
      changes: [],
      theater,
      actors,
      text,
      visibleTo: 'all',
      ...(region ? { region } : {}),
    });
  }

  setFlag(flag: Flag, value = true): void {
    this.s.flags[flag] = value;
  }

  /** Record a key event the first time it happens (later repeats are logged but not re-recorded). */
  keyEvent(
    name: KeyEventName,
    theater: Theater | 'global',
    actors: readonly ActorId[],
    text: string,
    region?: string,
    /** When it happened, if not now (an operation that began at the start of its step). */
    hour = this.hour,
  ): void {
    if (!this.s.keyEvents.some((e) => e.name === name))
      this.s.keyEvents.push({ name, turn: this.s.turn, hour });
    if (this.quiet) return;
    this.emit({
      type: 'key-event',
      name,
      theater,
      actors,
      text,
      visibleTo: 'all',
      ...(region ? { region } : {}),
    });
  }

  /** Change a bounded scalar track and log the change with its cause. */
  adjust(
    track: Exclude<keyof Tracks, 'escalation' | 'deterrence'>,
    delta: number,
    cause: string,
    theater: Theater | 'global' = 'global',
  ): void {
    if (delta === 0) return;
    const from = this.s.tracks[track];
    const lo = track === 'nonAligned' ? -100 : 0;
    const to = clamp(from + delta, lo, 100);
    if (to === from) return;
    this.s.tracks[track] = to;
    if (this.quiet) return;
    this.emit({
      type: 'change',
      changes: [{ track, from, to }],
      theater,
      actors: [],
      visibleTo: 'all',
      text: `${track} ${from} → ${to} (${delta > 0 ? '+' : ''}${delta}): ${cause}`,
    });
  }

  adjustSupport(actor: ActorId, delta: number, cause: string): void {
    if (delta === 0) return;
    const a = this.s.actors[actor];
    const from = a.support;
    a.support = clamp(from + delta, 0, 100);
    if (a.support !== from && !this.quiet)
      this.emit({
        type: 'change',
        changes: [{ track: `support.${actor}`, from, to: a.support }],
        theater: 'global',
        actors: [actor],
        visibleTo: 'all',
        text: `${actor} domestic support ${from} → ${a.support}: ${cause}`,
      });
  }

  adjustCost(actor: ActorId, delta: number, cause: string): void {
    if (delta === 0) return;
    const a = this.s.actors[actor];
    const from = a.economicCost;
    a.economicCost = clamp(from + delta, 0, 100);
    if (a.economicCost !== from && !this.quiet)
      this.emit({
        type: 'change',
        changes: [{ track: `economicCost.${actor}`, from, to: a.economicCost }],
        theater: 'global',
        actors: [actor],
        visibleTo: 'all',
        text: `${actor} economic cost ${from} → ${a.economicCost}: ${cause}`,
      });
  }

  /** Raise a theater's ladder to at least `level` (never lowers). */
  escalate(theater: Theater, level: number, cause: string, actors: readonly ActorId[] = []): void {
    const from = this.s.tracks.escalation[theater];
    const to = clamp(level, 0, 7);
    if (to <= from) return;
    this.s.tracks.escalation[theater] = to;
    if (this.quiet) return;
    this.emit({
      type: 'escalation',
      ladder: theater,
      from,
      to,
      cause,
      theater,
      actors,
      visibleTo: 'all',
      text: `${theaterName(theater)} escalation ${ESCALATION_LADDER[from]} → ${ESCALATION_LADDER[to]}: ${cause}`,
    });
  }

  /** Lower a theater's ladder (de-escalation through talks or a stand-down). */
  deescalate(theater: Theater, steps: number, cause: string): void {
    const from = this.s.tracks.escalation[theater];
    // Nuclear use cannot be talked back down: the rung stands and the game ends on it.
    if (from >= 7) return;
    const to = clamp(from - steps, 0, 7);
    if (to === from) return;
    this.s.tracks.escalation[theater] = to;
    if (this.quiet) return;
    this.emit({
      type: 'escalation',
      ladder: theater,
      from,
      to,
      cause,
      theater,
      actors: [],
      visibleTo: 'all',
      text: `${theaterName(theater)} de-escalation ${ESCALATION_LADDER[from]} → ${ESCALATION_LADDER[to]}: ${cause}`,
    });
  }
}

/** What `Ctx.chanceRoll` needs to roll and explain a chance. */
export interface ChanceRoll {
  readonly purpose: string;
  readonly chance: number;
  readonly kind: AdjudicationKind;
  readonly theater: Theater | 'global';
  readonly actors: readonly ActorId[];
  readonly region?: string;
  readonly inputs: Readonly<Record<string, number | string | boolean>>;
  readonly modifiers: readonly Modifier[];
  /** The result when the roll succeeds, and when it fails. */
  readonly result: readonly [string, string];
  /** The log line, built only when the log is kept. */
  readonly text: (roll: number, ok: boolean) => string;
}

/** An entry's audience within a secret: those of `to` it was meant for anyway. */
function narrow(visibleTo: 'all' | readonly ActorId[], to: readonly ActorId[]): readonly ActorId[] {
  return visibleTo === 'all' ? to : visibleTo.filter((a) => to.includes(a));
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Display name of a theater for log prose; ids like `indoPacific` are not for readers.
 *
 * @example
 * `${theaterName('indoPacific')} deterrence ${d.value}` // 'Indo-Pacific deterrence 55'
 */
export function theaterName(t: Theater | 'global'): string {
  return t === 'indoPacific' ? 'Indo-Pacific' : t === 'europe' ? 'Europe' : 'Global';
}

/**
 * Each phase's window inside a turn, in hours from the turn's start.
 *
 * @example
 * phaseWindow(84, 'decisions') // [2, 3]
 */
export function phaseWindow(turnHours: number, phase: PhaseName): [number, number] {
  // Operations fill the turn: the decisions are taken in its first hours, then the campaigns run
  // in operational steps through to its last hours, where events and the assessment close it.
  const end = Math.max(4, turnHours - 1);
  switch (phase) {
    case 'briefing':
      return [0, 1];
    case 'intelligence':
      return [1, 2];
    case 'decisions':
      return [2, 3];
    case 'adjudication':
      return [3, end - 2];
    case 'events':
      return [end - 2, end - 1];
    case 'assessment':
      return [end - 1, end];
    default: {
      const never: never = phase;
      throw new Error(`unknown phase ${String(never)}`);
    }
  }
}
