import { test, expect, startGame } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The strategic band's names read in full at every common width (a shorter name, never an
 * ellipsis, and never under the value), and the map legend opens and closes from the keyboard.
 */

async function bandChecks(page: Page, width: number): Promise<void> {
  const band = await page.evaluate(() => window.__secondFront!.view()!.probe().band);
  expect(band.length, `gauges at ${width}`).toBeGreaterThanOrEqual(9);
  for (const g of band) {
    expect(g.shown, `${g.key} at ${width}`).not.toContain('…');
    expect(g.shown.length, `${g.key} at ${width}`).toBeGreaterThan(1);
    // The name ends before the value starts, with room between them.
    expect(g.x + g.w + 4, `${g.key} "${g.shown}" vs "${g.value}" at ${width}`).toBeLessThanOrEqual(
      g.valueX,
    );
  }
  if (width >= 1920) for (const g of band) expect(g.shown).toBe(g.full);
}

for (const [width, height] of [
  [1024, 768],
  [1280, 720],
  [1366, 768],
  [1440, 900],
  [1920, 1080],
] as const) {
  test(`band names are whole and clear of their values at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await startGame(page, {
      seed: 'e2e-map-landing',
      humans: ['usa'],
      levers: { chinaCourse: 'invasion', russiaCourse: 'limited-incursion' },
    });
    // A turn on, so the values carry their change since the last turn and the rungs have risen.
    await page.waitForFunction(
      () => window.__secondFront!.game()!.driver.view().waiting.length > 0,
    );
    await page.getByTestId('submit-decisions').click();
    await page.waitForFunction(() => {
      const v = window.__secondFront!.game()!.driver.view();
      return v.ended || (v.ctx.state.turn > 1 && v.waiting.length > 0);
    });
    await bandChecks(page, width);
    if (width !== 1024) return;
    // The replay viewer draws the same band.
    const menu = page.getByTestId('game-menu');
    if (!(await menu.isVisible())) await page.getByTestId('toolbar-more').click();
    await menu.click();
    await page.getByTestId('menu-replay').click();
    await expect(page.getByTestId('replay')).toBeVisible();
    await page.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
    await bandChecks(page, width);
  });
}

test('the map legend opens from the keyboard, reads to screen readers, and Escape closes it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await startGame(page, { seed: 'e2e-legend', humans: ['usa'] });
  const button = page.getByRole('button', { name: 'Map legend' });
  // On a narrow bar the button may have moved into the "More" menu.
  if (!(await button.isVisible())) await page.getByTestId('toolbar-more').click();
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Map legend' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(dialog).toContainText('blockade');
  await expect(dialog).toContainText('United States');
  expect(await page.evaluate(() => window.__secondFront!.view()!.probe().legend)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  expect(await page.evaluate(() => window.__secondFront!.view()!.probe().legend)).toBe(false);
  // Again, closed with its own Close button.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('map-legend-close')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  expect(await page.evaluate(() => window.__secondFront!.view()!.probe().legend)).toBe(false);
});
