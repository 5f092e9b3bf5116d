import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startGame, test } from './fixtures';

/**
 * Same game, two runtimes: a browser game with a seed and human decisions, then the CLI replaying
 * those decisions in Node, must end with the same final hash. The game is played as a new user
 * would: five turns as the United States by hand, then "AI plays my side" and auto-play to the end.
 */
test('a browser game and the CLI replaying its decisions end with the same finalHash', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await startGame(page, { seed: 'parity-7' });
  await page.getByTestId('speed').selectOption('max');
  const panel = page.getByTestId('decision-panel');
  // Play the United States for five turns: the first legal order of a slot that changes turn by
  // turn, or hold.
  for (let turn = 1; turn <= 5; turn++) {
    const state = await page.evaluate(() => window.__secondFront!.game()!.driver.view());
    if (state.ended) break;
    await page.waitForFunction(() => {
      const v = window.__secondFront!.game()!.driver.view();
      return v.ended || v.waiting.length > 0;
    });
    if (await page.evaluate(() => window.__secondFront!.game()!.driver.view().ended)) break;
    await expect(panel).toBeVisible();
    const slots = ['military', 'diplomatic', 'information', 'economic'];
    const slot = slots[turn % slots.length]!;
    const option = panel
      .locator(`[data-testid="slot-${slot}"] .option:not(.illegal):not(.hold)`)
      .first();
    if ((await option.count()) > 0) await option.locator('input[type="radio"]').check();
    const before = await page.evaluate(
      () => window.__secondFront!.game()!.driver.view().ctx.state.turn,
    );
    await page.getByTestId('submit-decisions').click();
    await page.waitForFunction((t) => {
      const v = window.__secondFront!.game()!.driver.view();
      return v.ended || v.ctx.state.turn > t;
    }, before);
  }
  await page.getByTestId('ai-for-humans').click();
  await expect(page.getByTestId('ai-for-humans')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('end-screen')).toBeVisible({ timeout: 90_000 });
  const record = await page.evaluate(() => window.__secondFront!.game()!.driver.replay());
  expect(record.finalHash).toMatch(/^[0-9a-f]{16}$/);
  expect(record.decisions.some((d) => (d.usa?.length ?? 0) > 0)).toBe(true);

  const dir = mkdtempSync(join(tmpdir(), 'sf-parity-'));
  const file = join(dir, 'browser-game.json');
  writeFileSync(file, JSON.stringify(record));
  const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'verify', file], {
    encoding: 'utf8',
  });
  expect(out).toContain('match');
  expect(out).toContain(record.finalHash);
});
