import { engine, expect, startGame, test } from './fixtures';

/** Playing: a human seat's decisions, the log's numbers, the map highlight, hot seat, auto-play. */

test('a human decision is submitted, adjudicated and shown in the log', async ({ page }) => {
  await startGame(page, { seed: 'e2e-decide' });
  const panel = page.getByTestId('decision-panel');
  await expect(panel).toBeVisible();
  // Illegal options are shown disabled with the reason.
  const illegal = panel.locator('.option.illegal').first();
  await expect(illegal.locator('input')).toBeDisabled();
  await expect(illegal.locator('.reason')).toContainText('Not available:');
  // Choose a legal diplomatic order and submit.
  const option = panel
    .locator('[data-testid="slot-diplomatic"] .option:not(.illegal):not(.hold)')
    .first();
  const optionId = await option.getAttribute('data-option');
  await option.locator('input[type="radio"]').check();
  await page.getByTestId('submit-decisions').click();
  await expect(panel).toBeHidden();
  await page.waitForFunction(() => window.__secondFront!.game()!.driver.view().ctx.state.turn >= 2);
  const record = await page.evaluate(() => window.__secondFront!.game()!.driver.replay());
  expect(record.decisions[0]?.usa?.map((d) => d.type)).toEqual([optionId]);
  // The decision appears in the accessible log as adjudicated.
  await page.getByTestId('text-log-toggle').click();
  await expect(page.getByTestId('dom-log')).toContainText('United States');
});

test('the log opens an adjudication to show its inputs, modifiers, roll and result', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-log', humans: [] });
  await page.getByTestId('play').click(); // pause
  await page.waitForFunction(() => window.__secondFront!.game()!.driver.view().ctx.state.turn >= 1);
  // Step until an adjudication with modifiers and a roll is in the log.
  for (let i = 0; i < 60; i++) {
    const has = await page.evaluate(() =>
      window
        .__secondFront!.game()!
        .driver.view()
        .ctx.log.some(
          (e) => e.type === 'adjudication' && e.roll !== null && e.modifiers.length > 0,
        ),
    );
    if (has) break;
    await page.getByTestId('step').click();
  }
  const index = await page.evaluate(() =>
    window
      .__secondFront!.game()!
      .driver.view()
      .ctx.log.findIndex(
        (e) => e.type === 'adjudication' && e.roll !== null && e.modifiers.length > 0,
      ),
  );
  expect(index).toBeGreaterThanOrEqual(0);
  await page.getByTestId('text-log-toggle').click();
  const entry = page.getByTestId(`log-entry-${index}`);
  await entry.getByRole('button').first().click();
  await expect(entry).toContainText(/Modifiers/i);
  await expect(entry).toContainText(/Roll/i);
  await expect(entry).toContainText(/Result/i);
  const roll = await page.evaluate((i) => {
    const e = window.__secondFront!.game()!.driver.view().ctx.log[i];
    return e?.type === 'adjudication' ? e.roll?.value : null;
  }, index);
  await expect(entry).toContainText(String(roll));

  // The text log's filter and the canvas log's filter are one.
  await page.getByTestId('dom-log').getByLabel('Theater').selectOption('europe');
  await page.waitForFunction(
    () => window.__secondFront!.view()!.probe().filter.theater === 'europe',
  );
});

test('clicking a log entry on the canvas highlights its region on the map', async ({ page }) => {
  await startGame(page, { seed: 'e2e-highlight', humans: [] });
  await page.getByTestId('speed').selectOption('max');
  await page.waitForFunction(() => window.__secondFront!.game()!.driver.view().ctx.state.turn >= 3);
  await page.getByTestId('play').click(); // pause so the log stops moving
  // Each turn reads downwards from its briefing, which names no region: scroll the log (the
  // wheel over it, as a reader would) until a row about a region is on screen.
  const box = (await page.locator('canvas').boundingBox())!;
  const findTarget = () =>
    page.evaluate(() => {
      const g = window.__secondFront!;
      const log = g.game()!.driver.view().ctx.log;
      const rows = g.view()!.probe().logRows;
      const row = rows.find(
        (r) => log[r.index]?.region !== undefined && r.h > 0 && r.depth === 0 && r.y > 200,
      );
      return row ? { row, region: log[row.index]!.region! } : null;
    });
  let target = await findTarget();
  for (let i = 0; i < 20 && !target; i++) {
    await page.mouse.move(box.x + box.width - 150, box.y + box.height / 2);
    await page.mouse.wheel(0, 150);
    await page.waitForTimeout(250);
    target = await findTarget();
  }
  expect(target, 'a visible log row about a region').not.toBeNull();
  await page.mouse.click(
    box.x + target!.row.x + Math.min(40, target!.row.w / 2),
    box.y + target!.row.y + target!.row.h / 2,
  );
  await page.waitForFunction(
    (region) => window.__secondFront!.view()!.probe().highlighted === region,
    target!.region,
  );
  // The same click opened the row on the canvas to show its numbers.
  const open = await page.evaluate(
    (i) =>
      window
        .__secondFront!.view()!
        .probe()
        .logRows.find((r) => r.index === i)?.open,
    target!.row.index,
  );
  expect(open).toBe(true);

  // A click on the map (on the region just lit, which the camera now centres) selects what is
  // there, and the selection card describes it.
  const at = await page.evaluate(
    (region) => window.__secondFront!.view()!.probe().regionAt(region),
    target!.region,
  );
  expect(at).not.toBeNull();
  await page.mouse.click(box.x + at!.x, box.y + at!.y);
  const card = page.getByTestId('selection');
  await expect(card).toBeVisible();
  const selected = await page.evaluate(() => window.__secondFront!.view()!.probe().selected);
  expect(selected).not.toBeNull();
  await expect(card.locator('li').first()).not.toBeEmpty();
});

test('hot seat: a hand-over screen hides one side’s choices from the next', async ({ page }) => {
  await startGame(page, { seed: 'e2e-hotseat', humans: ['china', 'usa'] });
  const handover = page.getByTestId('handover');
  await expect(handover).toBeVisible();
  await expect(handover).toContainText(/Pass the screen to .*China/);
  await expect(page.getByTestId('decision-panel')).toBeHidden();
  await page.getByTestId('handover-ready').click();
  const panel = page.getByTestId('decision-panel');
  await expect(panel).toContainText('China');
  const option = panel
    .locator('[data-testid="slot-military"] .option:not(.illegal):not(.hold)')
    .first();
  const chosen = (await option.getAttribute('data-option'))!;
  await option.locator('input[type="radio"]').check();
  await page.getByTestId('submit-decisions').click();
  // The United States gets the screen next, and nothing of China's choice is on it.
  await expect(handover).toContainText('Pass the screen to United States');
  await expect(panel).toBeHidden();
  await expect(page.locator(`[data-option="${chosen}"]`)).toHaveCount(0);
  await page.getByTestId('handover-ready').click();
  await expect(panel).toContainText('United States');
  await expect(panel.locator('input:checked')).toHaveCount(4); // every slot back at "Hold"
  const shown = await page.evaluate(() => window.__secondFront!.view()!.probe());
  expect(shown.ready).toBe(true);
  // The United States' view of the log holds nothing addressed only to China.
  const leaked = await page.evaluate(() => {
    const g = window.__secondFront!.game()!;
    const log = g.driver.view().ctx.log;
    return [...document.querySelectorAll('[data-testid^="log-entry-"]')]
      .map((n) => Number(n.getAttribute('data-testid')!.slice('log-entry-'.length)))
      .filter((i) => {
        const v = log[i]?.visibleTo;
        return v !== undefined && v !== 'all' && !v.includes('usa');
      });
  });
  expect(leaked).toEqual([]);
  await page.getByTestId('submit-decisions').click();
  await expect(handover).toBeHidden();
  await page.waitForFunction(() => window.__secondFront!.game()!.driver.view().ctx.state.turn >= 2);
  const record = await page.evaluate(() => window.__secondFront!.game()!.driver.replay());
  expect(record.decisions[0]?.china?.map((d) => d.type)).toEqual([chosen]);
});

test('keyboard only: choose an order and submit without the mouse', async ({ page }) => {
  await startGame(page, { seed: 'e2e-keys' });
  const panel = page.getByTestId('decision-panel');
  await expect(panel).toBeVisible();
  // Focus starts on the first slot's "Hold"; arrow keys move within the slot to a legal order.
  await expect(page.locator('#slot-military-hold')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const picked = await page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el && el.checked ? el.value : null;
  });
  expect(picked).not.toBeNull();
  await page.keyboard.press('Control+Enter');
  await expect(panel).toBeHidden();
  await page.waitForFunction(() => window.__secondFront!.game()!.driver.view().ctx.state.turn >= 2);
  const record = await page.evaluate(() => window.__secondFront!.game()!.driver.replay());
  expect(record.decisions[0]?.usa?.[0]?.type).toBe(picked);
});

test('auto-play runs an AI-only game to the end screen', async ({ page }) => {
  await startGame(page, { seed: 'e2e-auto', humans: [] });
  await page.getByTestId('speed').selectOption('max');
  const end = page.getByTestId('end-screen');
  await expect(end).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('outcome')).not.toBeEmpty();
  await expect(page.getByTestId('scores').locator('tr:not(.score-terms)')).toHaveCount(7);
  await expect(page.getByTestId('charts').locator('svg polyline')).not.toHaveCount(0);
  await expect(page.getByTestId('timeline').locator('li')).not.toHaveCount(0);
  const e = await engine(page);
  expect(e.ended).toBe(true);
  expect(e.finalHash).toMatch(/^[0-9a-f]{16}$/);
});
