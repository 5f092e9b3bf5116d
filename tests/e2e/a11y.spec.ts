import {
  chooseSeat,
  expect,
  openFile,
  startGame,
  test,
  violations,
  waitForHuman,
  waitForViewer,
} from './fixtures';

/**
 * Every screen passes axe-core with no violations (WCAG 2.1 A and AA, and axe's best practices:
 * one main landmark, every region labelled, an h1 on every screen, contrast of every text): the
 * start screen, the game at a decision, the hot-seat hand-over, the end screen and the replay
 * viewer. No rule is turned off; the canvas is one labelled image to axe, so the same text is
 * also in the DOM (the text log, the decision dock).
 */

/** A three-turn game of the baseline, so the end screen comes quickly. */
const SHORT = JSON.stringify({
  extends: 'two-front',
  id: 'short-a11y',
  name: 'Short game',
  summary: 'Three turns of the baseline.',
  briefing: ['Three turns.'],
  calendar: { maxTurns: 3 },
});

test('the start screen has no accessibility violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('setup')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the game at a decision, with the text log open, has no accessibility violations', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-a11y' });
  await waitForHuman(page);
  await expect(page.getByTestId('decision-panel')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByTestId('text-log-toggle').click();
  await expect(page.getByTestId('dom-log')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the hot-seat hand-over has no accessibility violations', async ({ page }) => {
  await startGame(page, { seed: 'e2e-a11y-hot', humans: ['usa', 'china'] });
  await expect(page.getByTestId('handover')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the end screen and the replay viewer have no accessibility violations', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'short.json', SHORT);
  await chooseSeat(page, 'usa', 'ai');
  await page.getByTestId('start').click();
  await page.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
  await page.getByTestId('speed').selectOption('max');
  await expect(page.getByTestId('end-screen')).toBeVisible({ timeout: 60_000 });
  expect(await violations(page)).toEqual([]);
  await page.getByTestId('end-screen').getByRole('button', { name: 'Back to the map' }).click();
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-replay').click();
  await waitForViewer(page);
  expect(await violations(page)).toEqual([]);
});
