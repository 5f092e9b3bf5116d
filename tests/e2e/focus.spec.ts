import type { Page } from '@playwright/test';
import { expect, openFile, startGame, test, waitForHuman } from './fixtures';

/**
 * Focus goes somewhere on purpose after every action, for keyboard and screen-reader users:
 * after Submit to the status line (or to what comes next), into a dialog when it opens and
 * back to what opened it when it closes; the hot-seat hand-over is modal (the page behind it
 * takes neither focus nor clicks).
 */

/** The focused element's test id ('' for none, 'body' when the focus fell to the page). */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'body';
    return (
      a.getAttribute('data-testid') ?? a.closest('[data-testid]')?.getAttribute('data-testid') ?? ''
    );
  });

test('after Submit the focus is on the status line, then on the next turn’s first order', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-focus' });
  await waitForHuman(page);
  await page.getByTestId('play').click(); // pause: the next turn waits for Play
  const status = page.getByTestId('status');
  await page.getByTestId('decision-panel').locator('input[type="radio"]').first().focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('decision-panel')).toBeHidden();
  await expect(status).toBeFocused();
  await expect(status).toBeVisible();
  await expect(status).toContainText('Turn 1');
  // Play (p, from the status line) runs to the next decision, which takes the focus.
  await page.keyboard.press('p');
  await expect(page.getByTestId('decision-panel')).toContainText('turn 2 orders', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('decision-panel').locator('input:focus')).toHaveCount(1);
});

test('the hand-over holds the focus; the page behind it takes no focus and no click', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-focus-hot', humans: ['china', 'usa'] });
  const dialog = page.getByTestId('handover');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('handover-ready')).toBeFocused();
  expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
  // Tab never reaches the page behind it.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(['handover-ready', 'handover', 'body']).toContain(await focused(page));
  }
  // A script cannot focus a control behind it, and a click there does not reach it.
  await page.getByTestId('play').evaluate((b) => (b as HTMLElement).focus());
  expect(await focused(page)).not.toBe('play');
  const playing = () => page.evaluate(() => window.__secondFront!.game()!.driver.view().playing);
  const before = await playing();
  await page.getByTestId('play').click({ force: true });
  expect(await playing()).toBe(before);
  // Escape does not dismiss it: only the side at the screen does.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await page.getByTestId('handover-ready').focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('decision-panel').locator('input:focus')).toHaveCount(1);
  await expect(page.getByTestId('decision-panel')).toContainText('China');
});

test('closing a card or the end screen gives the focus back to the button that opens it', async ({
  page,
}) => {
  await page.goto('/');
  await openFile(
    page,
    'short.json',
    JSON.stringify({
      extends: 'two-front',
      id: 'short-focus',
      name: 'Short game',
      summary: 'Three turns of the baseline.',
      briefing: ['Three turns.'],
      calendar: { maxTurns: 3 },
    }),
  );
  await page.getByTestId('start').click();
  await page.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
  // The objectives card opens from its button; its Close gives the focus back to that button.
  await page.getByTestId('objectives-toggle').click();
  await page.getByTestId('objectives-card').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('objectives-toggle')).toBeFocused();
  // Hand the side to the AI and let the game run to its end.
  await page.getByTestId('speed').selectOption('max');
  await page.getByTestId('ai-for-humans').click();
  const end = page.getByTestId('end-screen');
  await expect(end).toBeVisible({ timeout: 60_000 });
  await expect(end.getByRole('button', { name: 'New game' })).toBeFocused();
  // While it is up, the game behind it is inert.
  expect(await page.locator('.topbar').evaluate((e) => (e as HTMLElement).inert)).toBe(true);
  await end.getByRole('button', { name: 'Back to the map' }).click();
  await expect(end).toBeHidden();
  await expect(page.getByTestId('results')).toBeFocused();
  expect(await page.locator('.topbar').evaluate((e) => (e as HTMLElement).inert)).toBe(false);
  await page.keyboard.press('Enter');
  await expect(end).toBeVisible();
  // Opened again, the focus is inside the end screen (on its first control).
  expect(
    await page.evaluate(() => !!document.activeElement?.closest('[data-testid="end-screen"]')),
  ).toBe(true);
});
