import { readFileSync } from 'node:fs';
import { chooseSeat, expect, openFile, startGame, test } from './fixtures';

const twoFront = JSON.parse(
  readFileSync(new URL('../../scenarios/two-front.json', import.meta.url), 'utf8'),
) as { objectives: Record<string, { summary: string; terms: unknown[] }> };

/**
 * Each side's objectives and score (the scenario's `objectives`): on the setup screen under every
 * seat, on the game screen as the side's card with its score so far, and on the end screen as each
 * actor's terms under its score.
 */

test('the setup screen shows every side’s objectives, the terms under a disclosure', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('setup')).toBeVisible();
  for (const [actor, o] of Object.entries(twoFront.objectives)) {
    const box = page.getByTestId(`objectives-${actor}`);
    await expect(box.locator('summary')).toHaveText(o.summary);
    await expect(box.locator('li').first()).toBeHidden();
  }
  const usa = page.getByTestId('objectives-usa');
  await usa.locator('summary').click();
  await expect(usa.locator('li')).toHaveCount(twoFront.objectives.usa!.terms.length);
  await expect(usa.locator('li').nth(1)).toContainText('Support at home');
  await expect(usa.locator('li').nth(1)).toContainText('×0.2');
  await expect(usa.locator('li').nth(3)).toContainText('×−0.15');
});

test('the game screen shows the human side’s objectives and score so far, each turn', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-objectives' });
  const card = page.getByTestId('objectives-card');
  // The side panel shows the objectives; the card opens from the score button in the top bar.
  await expect(card).toBeHidden();
  await page.getByTestId('objectives-toggle').click();
  await expect(card).toBeVisible();
  await expect(card).toContainText(twoFront.objectives.usa!.summary);
  await expect(card.locator('tbody tr')).toHaveCount(twoFront.objectives.usa!.terms.length);
  await expect(page.getByTestId('objectives-if-ended')).toContainText(
    'Turn 1, if the game ended now: Deterrence holds',
  );
  // The points add up to the total, and the top bar shows the same total.
  const points = await card.locator('tbody td.points').allTextContents();
  const num = (t: string): number => Number(t.replace('−', '-').replace('+', ''));
  const total = num((await card.locator('tfoot td.points').textContent()) ?? '');
  expect(points.map(num).reduce((a, b) => a + b, 0)).toBe(total);
  await expect(page.getByTestId('objectives-toggle')).toContainText(
    `US ${total > 0 ? '+' : ''}${String(total).replace('-', '−')}`,
  );
  // Closed and opened from the top bar; redrawn when the turn moves on.
  await page.getByTestId('objectives-toggle').click();
  await expect(card).toBeHidden();
  await page.getByTestId('submit-decisions').click();
  await page.waitForFunction(() => window.__secondFront!.game()!.driver.view().ctx.state.turn >= 2);
  await page.getByTestId('objectives-toggle').click();
  await expect(page.getByTestId('objectives-if-ended')).toContainText('Turn 2');
});

test('a game of AIs: any side’s objectives, then every actor’s terms at the end', async ({
  page,
}) => {
  // A short custom game (it extends the baseline), with markup in its objectives' text.
  const payload = '<img src=x onerror="window.__pwned=1">';
  const custom = {
    extends: 'two-front',
    id: 'short-objectives',
    name: 'Short game',
    summary: 'Three turns of the baseline.',
    briefing: ['Three turns.'],
    calendar: { maxTurns: 3 },
    objectives: {
      japan: {
        summary: `Japan ${payload}`,
        terms: [{ id: 'escalation', label: `War kept away ${payload}` }],
      },
    },
  };
  await page.goto('/');
  await openFile(page, 'short.json', JSON.stringify(custom));
  await expect(page.getByTestId('objectives-japan').locator('summary')).toHaveText(
    `Japan ${payload}`,
  );
  await chooseSeat(page, 'usa', 'ai');
  await page.getByTestId('start').click();
  await expect(page.getByTestId('game')).toBeVisible();
  await page.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
  // No human seat: the card starts closed (a short game of AIs plays to its end on its own).
  await expect(page.getByTestId('objectives-card')).toBeHidden();
  await expect(page.getByTestId('end-screen')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('outcome-rule')).toContainText('The first outcome rule that held');
  const outcome = await page.evaluate(
    () => window.__secondFront!.game()!.driver.view().ctx.state.outcome!,
  );
  for (const [actor, terms] of Object.entries(outcome.terms)) {
    const line = page.getByTestId(`score-terms-${actor}`);
    await expect(line).toContainText(`Outcome `);
    expect(terms.length).toBeGreaterThanOrEqual(3);
  }
  await expect(page.getByTestId('score-terms-japan')).toContainText(`War kept away ${payload}`);
  await expect(page.getByTestId('scores').locator('tr:not(.score-terms)')).toHaveCount(7);
  // Back on the map, any side's objectives and final score can be picked in the card.
  await page.getByRole('button', { name: 'Back to the map' }).click();
  const card = page.getByTestId('objectives-card');
  await page.getByTestId('objectives-toggle').click();
  await expect(card).toBeVisible();
  await page.getByTestId('objectives-actor').selectOption('japan');
  await expect(card).toContainText(`Japan ${payload}`);
  await expect(page.getByTestId('objectives-if-ended')).toContainText(
    `Game over: ${outcome.label}`,
  );
  await expect(card.locator('tr[data-term="escalation"] th')).toHaveText(
    `War kept away ${payload}`,
  );
  await expect(card.locator('tfoot td.points')).toHaveText(
    outcome.scores.japan > 0
      ? `+${outcome.scores.japan}`
      : String(outcome.scores.japan).replace('-', '−'),
  );
  await expect(page.getByTestId('objectives-toggle')).toContainText('JP');
  expect(await page.locator('.end-screen img, .objectives-card img, .setup img').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('hot seat: each side sees its own objectives, none during the hand-over', async ({ page }) => {
  await startGame(page, { seed: 'e2e-objectives-hot', humans: ['china', 'usa'] });
  const toggle = page.getByTestId('objectives-toggle');
  await expect(page.getByTestId('handover')).toBeVisible();
  await expect(toggle).toBeHidden();
  await page.getByTestId('handover-ready').click();
  await expect(toggle).toContainText('CN');
  await toggle.click();
  await expect(page.getByTestId('objectives-card')).toContainText(
    twoFront.objectives.china!.summary,
  );
  await page.getByTestId('submit-decisions').click();
  await expect(page.getByTestId('handover')).toContainText('Pass the screen to United States');
  await expect(toggle).toBeHidden();
  await expect(page.getByTestId('objectives-card')).toBeHidden();
  await page.getByTestId('handover-ready').click();
  await expect(toggle).toContainText('US');
});
