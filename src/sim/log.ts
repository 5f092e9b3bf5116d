import type { ActorId, KeyEventName, PlayableActorId, Theater } from './ids';
import type { OptionId } from './options/params';
import type { Decision } from './state';

/**
 * Log entries: the game's explanation of itself. Every adjudication carries its inputs, modifiers,
 * roll and result; every AI decision carries its options and the terms of their utilities. Entries
 * are plain data tagged by `type`; `text` is the one-line human rendering.
 */

export type PhaseName =
  'briefing' | 'intelligence' | 'decisions' | 'adjudication' | 'events' | 'assessment';

export interface Modifier {
  readonly name: string;
  readonly value: number;
}

export interface Roll {
  /** The named random stream the roll came from: `seed:turn:purpose`. */
  readonly stream: string;
  readonly die: 'd100';
  readonly value: number;
  /** For a chance roll: succeeds when `value <= target`. */
  readonly target?: number;
}

export interface UtilityTerms {
  gain: number;
  risk: number;
  cost: number;
  alliance: number;
  domestic: number;
}

export interface ScoredOption {
  readonly option: OptionId | 'hold';
  readonly slot: string;
  readonly target?: string;
  /** The number chosen, for options that need one (the US Pacific share, say). */
  readonly amount?: number;
  /** Raw terms before doctrine weights. */
  readonly terms: UtilityTerms;
  /** Each term times its doctrine weight, then the noise. */
  readonly weighted: UtilityTerms;
  /** The noise counted in `utility`. */
  readonly noise: number;
  /**
   * Noise drawn but not counted (the planning AI: a slot where a key choice is at stake is decided
   * without it, and it never makes an option worth taking); `utility` is the number that decided.
   */
  readonly noiseSetAside?: number;
  /** The planning AI's bonus for an option of its plan's current stage. */
  readonly plan?: number;
  /**
   * Worth lost because the actor has taken the option before: its gain, alliance and domestic
   * terms shrink (already out of `weighted`).
   */
  readonly repeatLoss?: number;
  readonly utility: number;
}

/** One plan as the planning AI valued it: each stage's best option and discounted worth. */
export interface PlanConsidered {
  readonly plan: string;
  readonly stage: string;
  readonly value: number;
  readonly noise: number;
  readonly hysteresis: number;
  /** The expected outcome score (weighted) the plan leads to, the outcome it aims at, and the odds. */
  readonly outcome: number;
  readonly aim: string;
  readonly odds: number;
  readonly stages: readonly { stage: string; option: string | null; worth: number }[];
}

export interface TrackChange {
  readonly track: string;
  readonly from: number;
  readonly to: number;
}

export type AdjudicationKind =
  | 'combat'
  | 'second-front-calculus'
  | 'incident'
  | 'detection'
  | 'article5'
  | 'blockade'
  | 'ukraine-front'
  | 'capitulation'
  | 'production'
  | 'inject'
  | 'alliance-response'
  | 'support'
  | 'air-sea'
  | 'lift'
  | 'nuclear-calculus';

interface Base {
  readonly turn: number;
  readonly hour: number;
  readonly theater: Theater | 'global';
  /** Actors the entry is about (for filtering). */
  readonly actors: readonly ActorId[];
  /** A region to highlight on the map, when the entry is about one. */
  readonly region?: string;
  /** Who may see this entry under fog of war: everyone, or only these actors (and control). */
  readonly visibleTo: 'all' | readonly ActorId[];
  readonly text: string;
}

export type LogEntry = Base &
  (
    | { readonly type: 'phase'; readonly phase: PhaseName }
    | { readonly type: 'inject'; readonly eventId: string; readonly title: string }
    | {
        readonly type: 'decision';
        readonly actor: ActorId;
        readonly decision: Decision;
        readonly by: 'ai' | 'human' | 'lever';
      }
    | {
        readonly type: 'ai-reasoning';
        readonly actor: ActorId;
        readonly considered: readonly ScoredOption[];
        readonly chosen: readonly OptionId[];
        /** The planning AI's plan this turn, the plans it weighed, and why it re-planned. */
        readonly plan?: {
          readonly id: string;
          readonly name: string;
          readonly stage: string;
          readonly replanned: string | null;
          readonly considered: readonly PlanConsidered[];
        };
      }
    | {
        readonly type: 'adjudication';
        readonly kind: AdjudicationKind;
        readonly inputs: Readonly<Record<string, number | string | boolean>>;
        readonly modifiers: readonly Modifier[];
        readonly roll: Roll | null;
        readonly result: string;
      }
    | { readonly type: 'change'; readonly changes: readonly TrackChange[] }
    | { readonly type: 'key-event'; readonly name: KeyEventName }
    | {
        readonly type: 'escalation';
        readonly ladder: Theater;
        readonly from: number;
        readonly to: number;
        readonly cause: string;
      }
    | {
        readonly type: 'outcome';
        readonly outcome: string;
        readonly label: string;
        readonly scores: Readonly<Record<PlayableActorId, number>>;
      }
  );

export type LogType = LogEntry['type'];
