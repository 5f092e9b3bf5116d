import type { PlayableActorId } from '../../src/sim/ids';
import type { LeverName } from '../../src/sim/scenario/levers';
import { game, type GameRun } from '../helpers/game';
import { randomLegal } from '../helpers/random-legal';

/**
 * The golden games: whole games whose replays are committed and verified by `npm test`, so a
 * change to any rule that alters a result fails until the rules version is bumped and the goldens
 * are re-recorded (`npm run goldens`). They cover several scenarios, levers and human seats; the
 * human seats play seeded random legal orders, so re-recording under new rules still gives legal
 * games.
 */
export interface GoldenCase {
  readonly name: string;
  readonly scenario: string;
  readonly seed: string;
  readonly levers?: Partial<Record<LeverName, unknown>>;
  /** Human seats and the seed of the random legal policy each plays. */
  readonly humans?: Partial<Record<PlayableActorId, number>>;
}

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: 'baseline-seed-42', scenario: 'two-front', seed: '42' },
  {
    name: 'baseline-us-human',
    scenario: 'two-front',
    seed: '7',
    levers: { article5Credibility: 0.9, natoSpendingPctGdp: 3.5 },
    humans: { usa: 1 },
  },
  {
    name: 'taiwan-alone-china-taiwan-human',
    scenario: 'taiwan-alone',
    seed: '3',
    humans: { china: 2, taiwan: 3 },
  },
  {
    name: 'europe-first-russia-nato-human',
    scenario: 'europe-first',
    seed: '11',
    levers: { balticForwardBrigades: 7, balticHeavyBrigades: 3 },
    humans: { russia: 4, 'nato-europe': 5 },
  },
  {
    name: 'ukraine-falls-coordinated',
    scenario: 'ukraine-falls',
    seed: '5',
    levers: { chinaRussiaCoordination: 0.95, usIntervention: 'delayed' },
  },
  { name: 'skeptic-invasion', scenario: 'skeptic', seed: '9', levers: { chinaCourse: 'invasion' } },
  { name: 'hague-target', scenario: 'hague-target', seed: '13', humans: { japan: 6 } },
];

/** Play one golden case from scratch under the current rules. */
export function playGolden(c: GoldenCase): GameRun {
  let b = game(c.scenario).seed(c.seed);
  if (c.levers) b = b.levers(c.levers);
  for (const [actor, policySeed] of Object.entries(c.humans ?? {}))
    b = b.policy(actor as PlayableActorId, randomLegal(policySeed));
  return b.play();
}

/** The whole-game figures pinned for a few seeds: what a person would quote about a game. */
export interface GameFigures {
  readonly outcome: string | null;
  readonly turns: number;
  readonly keyEvents: readonly string[];
  readonly finalHash: string;
}

export function figuresOf(r: GameRun): GameFigures {
  return {
    outcome: r.state.outcome ? `${r.state.outcome.id} (turn ${r.state.outcome.turn})` : null,
    turns: r.turnsPlayed,
    keyEvents: r.state.keyEvents.map((e) => `${e.name} t${e.turn} h${e.hour}`),
    finalHash: r.finalHash,
  };
}

/** Seeds of the baseline whose figures are pinned in `figures.json`. */
export const FIGURE_SEEDS: readonly string[] = ['1', '2', '3', '42', '1000'];
