import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import type { AppHandle } from '../../src/app/app';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../../src/sim/ids';
import type { ReplayRecord } from '../../src/sim/replay';

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
  /** The turn limit (the scenario's own when left out). */
  turns?: number;
}

/**
 * On the setup screen, give a seat to a human or the AI. The seats are folded under "Sides" until
 * the player opens them: open the fold first when it is closed.
 */
export async function chooseSeat(
  page: Page,
  actor: PlayableActorId,
  who: 'human' | 'ai',
): Promise<void> {
  const sides = page.getByTestId('fold-sides');
  if ((await sides.count()) > 0 && (await sides.getAttribute('open')) === null)
    await sides.locator('summary').click();
  await page.getByTestId(`seat-${actor}-${who}`).check({ force: true });
}

/** Open the setup screen, choose sides and seed, press Start, wait for the map. */
export async function startGame(page: Page, opts: StartOptions = {}): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('setup')).toBeVisible();
  if (opts.scenario) await page.getByTestId(`scenario-${opts.scenario}`).check({ force: true });
  const humans = opts.humans ?? ['usa'];
  for (const a of PLAYABLE_ACTORS) await chooseSeat(page, a, humans.includes(a) ? 'human' : 'ai');
  if (opts.seed) await page.getByTestId('seed').fill(opts.seed);
  if (opts.turns) await page.getByTestId('turn-limit').fill(String(opts.turns));
  const levers = Object.entries(opts.levers ?? {});
  const fold = page.getByTestId('fold-levers');
  if (levers.length > 0 && (await fold.count()) > 0 && (await fold.getAttribute('open')) === null)
    await fold.locator('summary').click();
  for (const [name, value] of levers) await page.locator(`#lever-${name}`).selectOption(value);
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

/** Wait until the game waits for a human seat (or has ended). */
export async function waitForHuman(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const v = window.__secondFront!.game()!.driver.view();
    return v.ended || v.waiting.length > 0;
  });
}

/** Play `n` turns as the waiting human seat, choosing Hold everywhere (submit as shown). */
export async function playTurns(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await waitForHuman(page);
    const before = await page.evaluate(
      () => window.__secondFront!.game()!.driver.view().ctx.state.turn,
    );
    await page.getByTestId('submit-decisions').click();
    await page.waitForFunction((t) => {
      const v = window.__secondFront!.game()!.driver.view();
      return v.ended || (v.ctx.state.turn > t && v.waiting.length > 0);
    }, before);
  }
}

/** Open a file through the app's file input, as the Open button or a drop would. */
export async function openFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  await page.getByTestId('open-file-input').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
  });
}

/** Every saved game as stored (after pending writes), for before/after comparisons. */
export async function savedGames(page: Page): Promise<string> {
  return page.evaluate(async () => {
    await window.__secondFront!.flushSaves();
    return JSON.stringify(await window.__secondFront!.saves.list());
  });
}

/** The viewer's probe: the turn shown, its state hash, the log entries shown. */
export async function viewer(page: Page): Promise<{
  turn: number;
  hash: string;
  logShown: number;
  logTotal: number;
  playing: boolean;
}> {
  return page.evaluate(() => window.__secondFront!.replay()!.probe());
}

/** Wait for the replay viewer with its map drawn. */
export async function waitForViewer(page: Page): Promise<void> {
  await expect(page.getByTestId('replay')).toBeVisible();
  await page.waitForFunction(
    () =>
      window.__secondFront?.replay() != null && window.__secondFront.view()?.probe().ready === true,
  );
}

/** Start a game as the United States at the fastest pace and play `turns` turns holding. */
export async function playedGame(page: Page, seed: string, turns: number): Promise<ReplayRecord> {
  await startGame(page, { seed });
  await page.getByTestId('speed').selectOption('max');
  await playTurns(page, turns);
  return page.evaluate(() => window.__secondFront!.game()!.driver.replay());
}

/**
 * Every axe-core violation on the page (WCAG 2.1 A and AA, and axe's best practices), one line
 * per failing element, so a failure names the rule and where it fired.
 */
export async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return r.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary ?? ''})`),
  );
}
