import { expect, startGame, test } from './fixtures';

/**
 * Each decision phase opens with what came of the side's orders the turn before: each order,
 * carried out or not, with its first consequences in human words, the turn's results that name
 * the side, and its own support and costs. It folds, and stays folded, like the setup's folds.
 */
test('the dock opens each turn with what happened to your orders, and folds', async ({
  page,
}, info) => {
  await startGame(page, { seed: 'e2e-orders', humans: ['china'] });
  const panel = page.getByTestId('decision-panel');
  await expect(panel).toBeVisible();
  // Turn 1 has no turn before it.
  await expect(panel.getByTestId('fold-orders-report')).toHaveCount(0);

  await panel.getByTestId('option-china.mobilise').check();
  await panel.getByTestId('option-china.gray-zone-pressure').check();
  await page.getByTestId('speed').selectOption('max');
  await page.getByTestId('submit-decisions').click();
  await page.waitForFunction(() => window.__secondFront!.game()!.driver.view().ctx.state.turn >= 2);
  await expect(panel).toBeVisible();

  const report = panel.getByTestId('fold-orders-report');
  await expect(report).toBeVisible();
  await expect(report).toHaveAttribute('open', '');
  await expect(report.locator('summary')).toContainText('What happened to your orders in turn 1');
  await expect(report.locator('summary')).toContainText('2 orders');
  await expect(report.locator('summary')).toContainText(/Domestic support 70 → \d+/);
  const orders = report.getByTestId('report-order');
  await expect(orders).toHaveCount(2);
  await expect(orders.nth(0)).toContainText('Mobilise the Eastern Theater');
  await expect(orders.nth(0)).toContainText('carried out');
  // Its consequences in words: the support it cost and the escalation it caused.
  await expect(orders.nth(0)).toContainText('China’s domestic support 70 → 68 (−2)');
  await expect(orders.nth(1)).toContainText('Grey-zone pressure');
  const text = (await report.textContent()) ?? '';
  for (const internal of ['support.china', 'miscalcRisk', 'economicCost'])
    expect(text).not.toContain(internal);
  // The focus is on the first order of the new turn, not on the report.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('radio');

  for (const w of [1280, 1024])
    if (process.env['SF_SHOTS']) {
      await page.setViewportSize({ width: w, height: w === 1280 ? 720 : 768 });
      await page.screenshot({ path: info.outputPath(`orders-report-${w}.png`) });
    }

  // Folded, it stays folded on the next turn.
  await report.locator('summary').click();
  await expect(report).not.toHaveAttribute('open', '');
  await page.getByTestId('submit-decisions').click();
  await page.waitForFunction(() => window.__secondFront!.game()!.driver.view().ctx.state.turn >= 3);
  await expect(panel.getByTestId('fold-orders-report')).toBeVisible();
  await expect(panel.getByTestId('fold-orders-report')).not.toHaveAttribute('open', '');
  await expect(panel.getByTestId('fold-orders-report').locator('summary')).toContainText(
    'in turn 2',
  );
  await expect(panel.getByTestId('fold-orders-report').locator('summary')).toContainText(
    'no orders',
  );
});
