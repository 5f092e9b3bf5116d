/**
 * `npm run goldens`: re-record the golden games and pinned figures under the current rules.
 * Run it only after bumping RULES_VERSION in src/sim/replay.ts for a deliberate rule change; the
 * diff of the files it writes is the review of that change.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_VERSION } from '../../src/sim/replay';
import { game } from '../helpers/game';
import { FIGURE_SEEDS, GOLDEN_CASES, figuresOf, playGolden } from './cases';

const dir = new URL('.', import.meta.url).pathname;

for (const c of GOLDEN_CASES) {
  const run = playGolden(c);
  if (run.rejection)
    throw new Error(`${c.name}: a golden submission was refused: ${run.rejection.reason}`);
  writeFileSync(join(dir, `${c.name}.replay.json`), `${JSON.stringify(run.replay(), null, 1)}\n`);
  console.log(
    `${c.name}: ${run.state.outcome?.label ?? 'no outcome'}, ${run.turnsPlayed} turns, ${run.finalHash}`,
  );
}

const figures = Object.fromEntries(
  FIGURE_SEEDS.map((seed) => [seed, figuresOf(game('two-front').seed(seed).play())]),
);
writeFileSync(
  join(dir, 'figures.json'),
  `${JSON.stringify({ rulesVersion: RULES_VERSION, scenario: 'two-front', seeds: figures }, null, 2)}\n`,
);
console.log(`figures of seeds ${FIGURE_SEEDS.join(', ')} written under rules ${RULES_VERSION}`);
