import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES } from '../../src/validation/cases';
import type { CaseResult } from '../../src/validation/evaluate';
import {
  acceptedShort,
  formatDoc,
  measuredShort,
  publishedShort,
} from '../../src/validation/report';
import { runSuite, type SuiteResult } from '../../src/validation/run';

/**
 * The validation suite as a test: the same seeded runs as `npm run validate` (400 per arm, seeds
 * `validate-<case>-<i>`, on worker threads), every case within its tolerance, and the committed
 * docs/validation.md exactly what the suite writes now. Seeded runs are deterministic, so this
 * is not flaky: a failure means the model (or the page) changed.
 */

/** The whole suite on 2 cores takes a couple of minutes; this is the ceiling, not the budget. */
const SUITE_TIMEOUT_MS = 15 * 60_000;

const DOC = fileURLToPath(new URL('../../docs/validation.md', import.meta.url));

let suite: SuiteResult;

function resultOf(id: string): CaseResult {
  const r = suite.results.find((x) => x.case.id === id);
  if (!r) throw new Error(`no result for case ${id}`);
  return r;
}

describe('validation suite (npm run validate)', () => {
  beforeAll(async () => {
    suite = await runSuite();
  }, SUITE_TIMEOUT_MS);

  for (const c of CASES)
    it(`${c.id}: ${c.title}`, () => {
      const r = resultOf(c.id);
      expect(
        r.pass,
        `${c.id}: measured ${measuredShort(r)}, published ${publishedShort(c)}, accepted ${acceptedShort(r)}: ${r.reason}`,
      ).toBe(true);
    });

  it('docs/validation.md is what the suite writes now', () => {
    let committed = '';
    try {
      committed = readFileSync(DOC, 'utf8');
    } catch {
      // Missing: the comparison below fails with the message.
    }
    expect(
      committed === formatDoc(suite),
      'docs/validation.md is out of date: run `npm run validate` and commit the page',
    ).toBe(true);
  });

  it(
    'gives the same result in this thread as on worker threads',
    async () => {
      const inProcess = await runSuite({ only: ['rand-seven-brigades'], threads: 0 });
      expect(JSON.stringify(inProcess.results[0])).toBe(
        JSON.stringify(resultOf('rand-seven-brigades')),
      );
    },
    SUITE_TIMEOUT_MS,
  );
});
