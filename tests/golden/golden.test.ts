/**
 * Golden games: committed replays of whole games (several scenarios, levers and human seats) and
 * the pinned figures of a few baseline seeds. A rule change that alters any game fails here until
 * RULES_VERSION (src/sim/replay.ts) is bumped and `npm run goldens` re-records them, so no rule
 * change goes unnoticed and no replay is ever broken without a version that names why.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyReplay } from '../../src/engine/run';
import { RULES_VERSION, parseReplayText } from '../../src/sim/replay';
import { game, scenario } from '../helpers/game';
import { FIGURE_SEEDS, GOLDEN_CASES, figuresOf, type GameFigures } from './cases';

const HOW = 'bump RULES_VERSION in src/sim/replay.ts and run `npm run goldens`';

function readGolden(name: string) {
  const file = new URL(`./${name}.replay.json`, import.meta.url);
  const parsed = parseReplayText(readFileSync(file, 'utf8'), `${name}.replay.json`);
  if (!parsed.ok) throw new Error(parsed.error.map((p) => p.message).join('; '));
  return parsed.value;
}

describe('golden games', () => {
  it('cover several scenarios, lever settings and human seats', () => {
    const records = GOLDEN_CASES.map((c) => readGolden(c.name));
    expect(new Set(records.map((r) => r.scenarioId)).size).toBeGreaterThanOrEqual(5);
    expect(records.some((r) => Object.values(r.controllers).includes('human'))).toBe(true);
    expect(records.every((r) => r.turnHashes.length > 1)).toBe(true);
  });

  for (const c of GOLDEN_CASES) {
    it(`${c.name} replays exactly under rules ${RULES_VERSION}`, () => {
      const record = readGolden(c.name);
      expect(record.engineVersion, `recorded under other rules: ${HOW}`).toBe(RULES_VERSION);
      const v = verifyReplay(scenario(c.scenario), record);
      if (!v.ok)
        throw new Error(
          `rules changed the result of golden game ${c.name} at turn ${v.turn}: ${v.reason}. If the change is deliberate, ${HOW}`,
        );
      expect(v.turns).toBe(record.turnHashes.length);
    });
  }
});

describe('pinned whole-game figures of the baseline', () => {
  const pinned = JSON.parse(readFileSync(new URL('./figures.json', import.meta.url), 'utf8')) as {
    rulesVersion: string;
    seeds: Record<string, GameFigures>;
  };

  it('were recorded under these rules', () => {
    expect(pinned.rulesVersion, HOW).toBe(RULES_VERSION);
    expect(Object.keys(pinned.seeds)).toEqual([...FIGURE_SEEDS]);
  });

  for (const seed of FIGURE_SEEDS) {
    it(`seed ${seed}: outcome, turns and key events`, () => {
      expect(figuresOf(game('two-front').seed(seed).play()), HOW).toEqual(pinned.seeds[seed]);
    });
  }
});

describe('a replay recorded before the rules changed', () => {
  // 1.0.0: the first fixture; 1.1.0: the last golden game before Model 2.
  it.each(['1.0.0', '1.1.0'])(
    'of rules %s is refused by the CLI naming both versions (exit 2), never as a hash mismatch',
    (version) => {
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli/main.ts',
          'verify',
          `tests/fixtures/replay-rules-${version}.json`,
        ],
        { encoding: 'utf8' },
      );
      expect(r.status).toBe(2);
      expect(r.stderr + r.stdout).toContain(
        `made under rules ${version}; this is rules ${RULES_VERSION}`,
      );
      expect(r.stderr + r.stdout).not.toMatch(/hash differs/);
    },
  );
});
