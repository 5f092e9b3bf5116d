import { test as base, expect, type Page } from '@playwright/test';
import type { AppHandle } from '../../src/app/app';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../../src/sim/ids';

/**
 * Every browser test fails on a console error or an uncaught exception: "no console errors" is
 * checked everywhere, not in one test.
 */
export const test = base.extend<{ errors: string[] }>({
  errors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

declare global {
  interface Window {
    __secondFront?: AppHandle;
  }
}

export interface StartOptions {
  scenario?: string;
  seed?: string;
  humans?: PlayableActorId[];
  levers?: Record<string, string>;
}

/** Open the setup screen, choose sides and seed, press Start, wait for the map. */
export async function startGame(page: Page, opts: StartOptions = {}): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('setup')).toBeVisible();
  if (opts.scenario) await page.getByTestId(`scenario-${opts.scenario}`).check({ force: true });
  const humans = opts.humans ?? ['usa'];
  for (const a of PLAYABLE_ACTORS)
    await page
      .getByTestId(`seat-${a}-${humans.includes(a) ? 'human' : 'ai'}`)
      .check({ force: true });
  if (opts.seed) await page.getByTestId('seed').fill(opts.seed);
  for (const [name, value] of Object.entries(opts.levers ?? {}))
    await page.locator(`#lever-${name}`).selectOption(value);
  await page.getByTestId('start').click();
  await expect(page.getByTestId('game')).toBeVisible();
  await page.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
}

/** The engine's view of the running game, read through the test hook. */
export async function engine(page: Page): Promise<{
  turn: number;
  phase: string;
  ended: boolean;
  waiting: string[];
  finalHash: string;
  turnHashes: string[];
}> {
  return page.evaluate(() => {
    const g = window.__secondFront!.game()!;
    const v = g.driver.view();
    const r = g.driver.replay();
    return {
      turn: v.ctx.state.turn,
      phase: v.phase,
      ended: v.ended,
      waiting: [...v.waiting],
      finalHash: r.finalHash,
      turnHashes: r.turnHashes,
    };
  });
}
