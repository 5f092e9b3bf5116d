import type { Page } from '@playwright/test';
import { PLAYABLE_ACTORS } from '../../src/sim/ids';
import { expect, startGame, test, viewer, waitForViewer } from './fixtures';

/**
 * Fog of war in a hot seat: while the game is in progress no way of watching it shows more than
 * its players may all see; the all-seeing control view comes with the end of the game.
 */

/** The values the replay viewer's viewpoint menu offers. */
async function viewpointChoices(page: Page): Promise<string[]> {
  return page
    .getByTestId('replay-viewpoint')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
}

/** The log entries the viewer shows that are not meant for everyone (none in the public view). */
async function secretEntriesShown(page: Page): Promise<number> {
  await page.getByTestId('text-log-toggle').click();
  const n = await page.evaluate(() => {
    const log = window.__secondFront!.replay()!.timeline.log;
    return [...document.querySelectorAll('[data-testid^="log-entry-"]')]
      .map((el) => Number(el.getAttribute('data-testid')!.slice('log-entry-'.length)))
      .filter((i) => log[i]?.visibleTo !== 'all').length;
  });
  await page.getByTestId('text-log-toggle').click();
  return n;
}

/** Hand the screen to the side asked for (its orders are then on screen). */
async function handOver(page: Page): Promise<void> {
  await expect(page.getByTestId('handover')).toBeVisible();
  await page.getByTestId('handover-ready').click();
  await expect(page.getByTestId('decision-panel')).toBeVisible();
}

/** Hand over, and submit the side's orders as shown (all Hold). */
async function playOneSide(page: Page): Promise<void> {
  await handOver(page);
  await page.getByTestId('submit-decisions').click();
}

async function watchFromTheStart(page: Page): Promise<void> {
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-replay').click();
  await waitForViewer(page);
}

test('hot seat: "Watch from the start" offers no control view until the game is over', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await startGame(page, { seed: 'e2e-fog', humans: ['china', 'usa'], turns: 2 });
  // The game screen offers no viewpoint of its own while two sides share it.
  await expect(page.getByTestId('viewpoint')).toBeHidden();
  await playOneSide(page);
  await playOneSide(page);

  // Mid-game, turn 2, China at the screen: the game so far only as every side knows it.
  await expect(page.getByTestId('handover')).toContainText(/Pass the screen to .*China/);
  await handOver(page);
  await watchFromTheStart(page);
  expect(await viewpointChoices(page)).toEqual(['public']);
  await expect(page.getByTestId('replay-viewpoint')).toHaveValue('public');
  await expect(page.getByTestId('replay-status')).toContainText('seed stays hidden');
  await expect(page.getByTestId('replay-status')).not.toContainText('e2e-fog');
  const mid = await viewer(page);
  expect(mid.logShown).toBeLessThan(mid.logTotal);
  expect(await secretEntriesShown(page)).toBe(0);
  await page.getByTestId('replay-close').click();

  // The same from the start screen's saved games.
  await handOver(page);
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-new').click();
  await page.getByTestId('saved-watch').first().click();
  await waitForViewer(page);
  expect(await viewpointChoices(page)).toEqual(['public']);
  await page.getByTestId('replay-close').click();
  await page.getByTestId('continue').click();
  await expect(page.getByTestId('game')).toBeVisible();

  // Play the last turn; the game is over and the debrief shows.
  await playOneSide(page);
  await playOneSide(page);
  // A game continued comes back paused.
  await page.getByTestId('play').click();
  await expect(page.getByTestId('end-screen')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the map' }).click();

  // Now every viewpoint, control first, on the game screen and in the viewer.
  const gameChoices = await page
    .getByTestId('viewpoint')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(gameChoices).toContain('control');
  await watchFromTheStart(page);
  expect(await viewpointChoices(page)).toEqual(['control', ...PLAYABLE_ACTORS]);
  await expect(page.getByTestId('replay-viewpoint')).toHaveValue('control');
  await expect(page.getByTestId('replay-status')).toContainText('Seed e2e-fog.');
  const end = await viewer(page);
  expect(end.logShown).toBe(end.logTotal);
});
