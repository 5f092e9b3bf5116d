import type { Page } from '@playwright/test';
import { engine, expect, playTurns, savedGames, startGame, test, waitForHuman } from './fixtures';

/**
 * Saved games when the browser's storage is shared or broken. Two pages of one browser context
 * share one IndexedDB, as two tabs do: a tab whose game was continued in the other must be told,
 * must not write over the other's turns, and must be able to take either way out. A storage whose
 * open never answers must cost a notice, never a hang.
 */

/** The fixture counts console errors on `page`; a second page's count here too. */
function watchErrors(p: Page, errors: string[]): void {
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(`[second page] ${m.text()}`);
  });
  p.on('pageerror', (e) => errors.push(`[second page] ${String(e)}`));
}

/** The one saved game with this seed, as stored. */
async function storedGame(
  p: Page,
  seed: string,
): Promise<{ id: string; turn: number; turnHashes: string[] }[]> {
  const all = JSON.parse(await savedGames(p)) as {
    ok: boolean;
    game: { id: string; turn: number; record: { seed: string; turnHashes: string[] } };
  }[];
  return all
    .filter((e) => e.ok && e.game.record.seed === seed)
    .map((e) => ({ id: e.game.id, turn: e.game.turn, turnHashes: e.game.record.turnHashes }));
}

/** Open the start screen in `p`, Continue the latest game, and play `turns` turns there. */
async function continueAndPlay(p: Page, turns: number): Promise<void> {
  await p.goto('/');
  await p.getByTestId('continue').click();
  await expect(p.getByTestId('game')).toBeVisible();
  await p.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
  await p.getByTestId('speed').selectOption('max');
  await p.getByTestId('play').click();
  await playTurns(p, turns);
}

const hash = (p: Page): Promise<string> =>
  p.evaluate(() => window.__secondFront!.game()!.driver.stateHash());

test('two tabs: the stale tab is told at once, cannot write over the other, and reloads the latest', async ({
  page,
  context,
  errors,
}) => {
  const seed = 'e2e-two-tabs-1';
  await startGame(page, { seed });
  await page.getByTestId('speed').selectOption('max');
  await playTurns(page, 1);
  expect((await engine(page)).turn).toBe(2);
  await savedGames(page);

  const b = await context.newPage();
  watchErrors(b, errors);
  await continueAndPlay(b, 3);
  const inB = await engine(b);
  expect(inB.turn).toBe(5);

  // Tab A heard of it without doing anything, and its game is paused under the dialog.
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('This game was continued in another tab');
  await expect(page.getByTestId('stale-text')).toContainText(
    'The saved game is at turn 5 there; this tab is at turn 2.',
  );
  await expect(page.getByTestId('stale-reload')).toBeFocused();
  // A plays a turn anyway (through the test hook: the dialog covers the page): nothing of it
  // reaches the saved game, which keeps B's turns.
  await page.evaluate(() => {
    const d = window.__secondFront!.game()!.driver;
    d.submit('usa', []);
    d.play();
  });
  await waitForHuman(page);
  expect((await engine(page)).turn).toBe(3);
  await page.evaluate(() => window.__secondFront!.flushSaves());
  const stored = await storedGame(page, seed);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.turn).toBe(5);
  expect(stored[0]!.turnHashes).toEqual(inB.turnHashes);

  // Reload the latest: A is where B is. A now holds the game, so B is the one told.
  await page.getByTestId('stale-reload').click();
  await expect(dialog).toBeHidden();
  await page.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
  expect((await engine(page)).turn).toBe(5);
  expect(await hash(page)).toBe(await hash(b));
  await expect(b.getByRole('alertdialog')).toBeVisible();
  await expect(b.getByTestId('stale-text')).toContainText('at turn 5 there too');
  await b.close();
});

test('two tabs without BroadcastChannel: the stale tab learns at its first write and keeps its game as a new one', async ({
  page,
  context,
  errors,
}) => {
  // Tab A hears nothing from the other tab: only the store's check-and-set can stop it.
  await page.addInitScript(() => Reflect.deleteProperty(window, 'BroadcastChannel'));
  const seed = 'e2e-two-tabs-2';
  await startGame(page, { seed });
  await page.getByTestId('speed').selectOption('max');
  await playTurns(page, 1);
  await savedGames(page);
  const original = (await storedGame(page, seed))[0]!.id;

  const b = await context.newPage();
  watchErrors(b, errors);
  await continueAndPlay(b, 3);
  const inB = await engine(b);
  await expect(page.getByRole('alertdialog')).toBeHidden();

  // A plays one turn, as the player would; its first write is refused and it is told.
  await page.getByTestId('submit-decisions').click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('stale-text')).toContainText('The saved game is at turn 5 there');
  const aTurn = (await engine(page)).turn;
  let stored = await storedGame(page, seed);
  expect(stored.map((s) => [s.id, s.turn])).toEqual([[original, 5]]);
  expect(stored[0]!.turnHashes).toEqual(inB.turnHashes);

  // Keep this as a new saved game: both games are kept, and A goes on saving under its new id.
  const aHash = await hash(page);
  await page.getByTestId('stale-keep').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText(
    "This tab's game is now saved as a new game",
  );
  expect(await hash(page)).toBe(aHash);
  // The notice sits over the top bar; the player closes it to play on.
  await page.getByTestId('notice-close').click();
  await page.getByTestId('play').click();
  await playTurns(page, 1);
  const aNow = await engine(page);
  expect(aNow.turn).toBeGreaterThan(aTurn);
  stored = await storedGame(page, seed);
  expect(stored).toHaveLength(2);
  const copy = stored.find((s) => s.id !== original)!;
  expect(copy.turnHashes).toEqual(aNow.turnHashes);
  expect(stored.find((s) => s.id === original)!.turnHashes).toEqual(inB.turnHashes);
  // B is not disturbed: its game is still its own.
  await expect(b.getByRole('alertdialog')).toBeHidden();
  await b.close();
});

test('storage that never answers: a notice, the game plays, the viewer and the start screen do not hang', async ({
  page,
}) => {
  // An IndexedDB whose open returns a request that never fires (as a wedged profile does).
  await page.addInitScript(() => {
    indexedDB.open = () => ({}) as IDBOpenDBRequest;
  });
  await page.goto('/');
  const notice = page.getByTestId('notice');
  // The saved-games list gives up after the time limit and says so.
  await expect(notice).toContainText('Saved games are not available in this browser');
  await expect(notice).toContainText('did not answer within 3 s');
  await expect(page.getByTestId('continue')).toBeHidden();

  await startGame(page, { seed: 'e2e-storage-hangs' });
  await page.getByTestId('speed').selectOption('max');
  await playTurns(page, 2);
  await expect(notice).toContainText('The game could not be saved in this browser');
  await expect(notice).toContainText('Export it to keep it.');
  const here = await engine(page);
  expect(here.turn).toBe(3);
  const before = await hash(page);

  // Game ▾ → Watch: the viewer opens (it does not wait for the write that never ends) …
  await page.getByTestId('notice-close').click();
  const t0 = Date.now();
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-replay').click();
  await expect(page.getByTestId('replay')).toBeVisible({ timeout: 5000 });
  expect(Date.now() - t0).toBeLessThan(5000);
  // … and Back to the game comes back to the same moment, from memory.
  await page.getByTestId('replay-close').click();
  await expect(page.getByTestId('game')).toBeVisible({ timeout: 5000 });
  await page.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
  expect(await hash(page)).toBe(before);
  expect((await engine(page)).turn).toBe(3);

  // New game: the start screen comes up and says again that nothing can be saved.
  if (await notice.isVisible()) await page.getByTestId('notice-close').click();
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-new').click();
  await expect(page.getByTestId('setup')).toBeVisible();
  await expect(notice).toContainText('Saved games are not available in this browser', {
    timeout: 5000,
  });
  await expect(page.getByTestId('start')).toBeEnabled();
});
