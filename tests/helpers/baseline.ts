import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIO_DIR } from '../../src/cli/scenario-files';
import type { BaseResolver } from '../../src/sim/scenario/load';

/**
 * The baseline scenario as a file's text and as parsed JSON, and a resolver that answers
 * `extends: "two-front"` with it: shared by the tests that break or patch a copy of the baseline.
 */

// The parsed JSON is mutated freely by the tests, so it is typed loosely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const BASELINE_TEXT = readFileSync(join(SCENARIO_DIR, 'two-front.json'), 'utf8');
export const BASELINE: Json = JSON.parse(BASELINE_TEXT);

/** Resolves `extends: "two-front"` to the bundled baseline's text, and nothing else. */
export const baselineResolver: BaseResolver = (id) =>
  id === 'two-front' ? { text: BASELINE_TEXT, file: 'scenarios/two-front.json' } : null;
