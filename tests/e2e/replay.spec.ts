import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ReplayRecord } from '../../src/sim/replay';
import {
  engine,
  expect,
  openFile,
  playedGame,
  playTurns,
  savedGames,
  startGame,
  test,
  viewer,
  waitForHuman,
  waitForViewer,
} from './fixtures';

/**
 * Replays as a user meets them: export a game and open it in a fresh browser, step through it
 * with the map and both logs showing each turn, take over from a turn (a fork that names its
 * parent), share it as a link, open a CLI replay, and reload mid-game without losing anything.
 */

async function exportReplay(page: Page): Promise<{ text: string; record: ReplayRecord }> {
  const download = page.waitForEvent('download');
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-export').click();
  const path = await (await download).path();
  const text = readFileSync(path, 'utf8');
  return { text, record: JSON.parse(text) as ReplayRecord };
}

/** The map, the canvas log and the text log all show turn `k` of the replay. */
async function expectTurnShown(page: Page, record: ReplayRecord, k: number): Promise<void> {
  await expect.poll(async () => (await viewer(page)).turn).toBe(k);
  const p = await viewer(page);
  expect(p.hash).toBe(k === 0 ? p.hash : record.turnHashes[k - 1]);
  await expect(page.getByTestId('replay-turn')).toContainText(
    k === 0 ? 'Start' : `Turn ${k} of ${record.turnHashes.length}`,
  );
  // What the canvas drew is this turn's state and exactly the log entries up to its end.
  await expect
    .poll(() => page.evaluate(() => window.__secondFront!.view()!.probe().drawn))
    .toMatchObject({ turn: k, logEntries: p.logShown });
  const drawn = await page.evaluate(() => window.__secondFront!.view()!.probe().drawn!);
  expect(drawn.lastIndex).toBeLessThan(p.logTotal);
  // The text log's newest turn is this one (turn 0 has no entries yet).
  const newest = page.getByTestId('dom-log').locator('section:not([hidden]) h3').first();
  if (k > 0) await expect(newest).toContainText(`Turn ${k} ·`);
}

test('export, then import in a fresh browser: same final hash; the viewer steps back and forward', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await startGame(page, { seed: 'e2e-export' });
  await page.getByTestId('speed').selectOption('max');
  await playTurns(page, 4);
  const { text, record } = await exportReplay(page);
  expect(record.turnHashes).toHaveLength(4);
  expect(record.finalHash).toBe((await engine(page)).turnHashes[3]);

  // A fresh browser profile: no saved games, nothing shared with the first page.
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const other = await fresh.newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(String(e)));
  other.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await other.goto('/');
  expect(JSON.parse(await savedGames(other))).toEqual([]);
  await openFile(other, 'e2e-export.json', text);
  await waitForViewer(other);
  await expect(other.getByTestId('replay-status')).toContainText('Verified: 4 turns');
  expect((await viewer(other)).hash).toBe(record.finalHash);
  await other.getByTestId('text-log-toggle').count(); // the viewer keeps the text log in the DOM
  await expectTurnShown(other, record, 4);

  // Step back two turns, then forward; jump; Home and End from the keyboard.
  await other.getByTestId('replay-back').click();
  await expectTurnShown(other, record, 3);
  await other.getByTestId('replay-back').click();
  await expectTurnShown(other, record, 2);
  await other.getByTestId('replay-forward').click();
  await expectTurnShown(other, record, 3);
  await other.getByTestId('replay-jump').fill('1');
  await other.getByTestId('replay-jump').press('Enter');
  await expectTurnShown(other, record, 1);
  await other.keyboard.press('End');
  await expectTurnShown(other, record, 4);
  await other.keyboard.press('Home');
  await expectTurnShown(other, record, 0);
  // Play runs the turns forward at the chosen speed and stops at the last.
  await other.getByTestId('replay-speed').selectOption('max');
  await other.getByTestId('replay-play').click();
  await expect.poll(async () => (await viewer(other)).turn, { timeout: 10_000 }).toBe(4);
  await expect.poll(async () => (await viewer(other)).playing).toBe(false);
  // A game still in progress opens as its one human seat saw it, and offers only that and the
  // public view (tests/e2e/fog.spec.ts), which sees less of the log.
  await expect(other.getByTestId('replay-viewpoint')).toHaveValue('usa');
  const seat = (await viewer(other)).logShown;
  expect(seat).toBeLessThan((await viewer(other)).logTotal);
  await other.getByTestId('replay-viewpoint').selectOption('public');
  await expect.poll(async () => (await viewer(other)).logShown).toBeLessThan(seat);
  expect(errors).toEqual([]);
  await fresh.close();
});

test('take over from a turn: the fork plays on, names its parent and compares side by side', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const parent = await playedGame(page, 'e2e-fork', 4);
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-replay').click();
  await waitForViewer(page);
  // Watched from a game with one human seat, the replay shows what that side knew.
  await expect(page.getByTestId('replay-viewpoint')).toHaveValue('usa');
  await page.getByTestId('replay-back').click();
  await page.getByTestId('replay-back').click();
  await expect.poll(async () => (await viewer(page)).turn).toBe(2);
  await page.getByTestId('replay-fork').click();
  await expect(page.getByTestId('fork-dialog')).toBeVisible();
  await page.getByTestId('fork-start').click();
  await expect(page.getByTestId('game')).toBeVisible();
  await page.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
  await expect(page.getByTestId('fork-badge')).toHaveAttribute('title', /taken over after turn 2/);
  // The fork begins with turn 3, its first two turns are the parent's.
  await waitForHuman(page);
  let e = await engine(page);
  expect(e.turn).toBe(3);
  expect(e.turnHashes).toEqual(parent.turnHashes.slice(0, 2));
  // New decisions this time: a legal diplomatic order instead of holding.
  const option = page
    .getByTestId('decision-panel')
    .locator('[data-testid="slot-diplomatic"] .option:not(.illegal):not(.hold)')
    .first();
  await option.locator('input[type="radio"]').check();
  await page.getByTestId('speed').selectOption('max');
  await page.getByTestId('submit-decisions').click();
  await page.waitForFunction(() => window.__secondFront!.game()!.driver.view().ctx.state.turn > 3);
  await playTurns(page, 1);
  const fork = await page.evaluate(() => window.__secondFront!.game()!.driver.replay());
  expect(fork.parent).toEqual({ finalHash: parent.finalHash, turn: 2 });
  expect(fork.turnHashes.slice(0, 2)).toEqual(parent.turnHashes.slice(0, 2));
  expect(fork.turnHashes[2]).not.toBe(parent.turnHashes[2]);
  e = await engine(page);
  expect(e.turnHashes).toHaveLength(4);
  // Both games are saved; the fork says so in the list.
  const saves = JSON.parse(await savedGames(page)) as {
    ok: boolean;
    game: { record: ReplayRecord };
  }[];
  expect(saves.filter((s) => s.ok)).toHaveLength(2);
  // Watch the fork and compare the two branches.
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-replay').click();
  await waitForViewer(page);
  await expect(page.getByTestId('replay-status')).toContainText('A fork of game');
  await page.getByTestId('replay-compare').click();
  const compare = page.getByTestId('compare');
  await expect(compare).toBeVisible();
  await expect(compare).toContainText('Branched after turn 2');
  await expect(page.getByTestId('compare-charts').locator('figure')).toHaveCount(10);
  await expect(page.getByTestId('compare-table')).toContainText('NATO cohesion');

  // Someone who was sent only the fork's file is asked for the parent's, which is checked.
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const other = await fresh.newPage();
  await other.goto('/');
  await openFile(other, 'fork.json', JSON.stringify(fork));
  await waitForViewer(other);
  const ask = other.getByTestId('replay-compare');
  await expect(ask).toHaveText('Compare with parent…');
  let chooser = other.waitForEvent('filechooser');
  await ask.click();
  const stranger = { ...parent, seed: 'someone-else' };
  await (
    await chooser
  ).setFiles({
    name: 'stranger.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(stranger)),
  });
  await expect(other.getByTestId('notice')).toContainText(
    'stranger.json is not the game this fork was taken from',
  );
  chooser = other.waitForEvent('filechooser');
  await ask.click();
  await (
    await chooser
  ).setFiles({
    name: 'parent.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(parent)),
  });
  await expect(other.getByTestId('compare')).toContainText('Branched after turn 2');
  await fresh.close();
});

test('a share link opens the replay in a fresh browser with the same hashes', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const record = await playedGame(page, 'e2e-share', 3);
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-share').click();
  await expect(page.getByTestId('share-dialog')).toBeVisible();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/#replay=1\./);
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const other = await fresh.newPage();
  await other.goto(url);
  await waitForViewer(other);
  const p = await viewer(other);
  expect(p.turn).toBe(3);
  expect(p.hash).toBe(record.finalHash);
  const shown = await other.evaluate(() => window.__secondFront!.replay()!.timeline.record);
  expect(shown).toEqual(record);
  // Closing the viewer drops the link from the address bar, so a reload shows the start screen.
  await other.getByTestId('replay-close').click();
  await expect(other.getByTestId('setup')).toBeVisible();
  expect(new URL(other.url()).hash).toBe('');
  await fresh.close();
});

test('a CLI replay opens in the viewer with its hashes; a browser export verifies in the CLI', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'sf-e2e-'));
  const cliFile = join(dir, 'cli.json');
  execFileSync(
    'npx',
    ['tsx', 'src/cli/main.ts', 'run', '--scenario', 'skeptic', '--seed', '9', '--replay', cliFile],
    { encoding: 'utf8' },
  );
  const cli = JSON.parse(readFileSync(cliFile, 'utf8')) as ReplayRecord;
  await page.goto('/');
  await openFile(page, 'cli.json', readFileSync(cliFile));
  await waitForViewer(page);
  for (const k of [cli.turnHashes.length, 5, 1]) {
    await page.evaluate((t) => window.__secondFront!.replay()!.goTo(t), k);
    expect((await viewer(page)).hash).toBe(cli.turnHashes[k - 1]);
  }
  // Key moments (key events, escalations) jump to the turn they happened in.
  const moments = page.getByTestId('replay-moments').locator('option');
  expect(await moments.count()).toBeGreaterThan(1);
  const moment = (await moments.nth(1).getAttribute('value'))!;
  await page.getByTestId('replay-moments').selectOption(moment);
  await expect.poll(async () => (await viewer(page)).turn).toBe(Number(moment));

  await page.getByTestId('replay-close').click();
  await startGame(page, { seed: 'e2e-cli', humans: ['usa', 'china'] });
  await page.getByTestId('speed').selectOption('max');
  for (let i = 0; i < 4; i++) {
    await waitForHuman(page);
    const handover = page.getByTestId('handover-ready');
    if (await handover.isVisible()) await handover.click();
    await page.getByTestId('submit-decisions').click();
  }
  await page.waitForFunction(() => window.__secondFront!.game()!.driver.view().ctx.state.turn >= 3);
  // The hand-over is modal: the Game menu behind it is reached once a side has the screen.
  await waitForHuman(page);
  const ready = page.getByTestId('handover-ready');
  if (await ready.isVisible()) await ready.click();
  const { text, record } = await exportReplay(page);
  const file = join(dir, 'browser.json');
  writeFileSync(file, text);
  const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'verify', file], {
    encoding: 'utf8',
  });
  expect(out).toContain('match');
  expect(out).toContain(record.finalHash);
});

test('a reload at any moment resumes with the same state hash', async ({ page }) => {
  test.setTimeout(150_000);
  await startGame(page, { seed: 'e2e-reload' });
  await page.getByTestId('speed').selectOption('max');
  await playTurns(page, 3);

  // 1. Mid-decision: the dock is up, an order chosen but not submitted.
  const chosen = page
    .getByTestId('decision-panel')
    .locator('[data-testid="slot-diplomatic"] .option:not(.illegal):not(.hold)')
    .first();
  const chosenId = (await chosen.getAttribute('data-option'))!;
  await chosen.locator('input[type="radio"]').check();
  const hashOf = () => page.evaluate(() => window.__secondFront!.game()!.driver.stateHash());
  const where = () =>
    page.evaluate(() => {
      const v = window.__secondFront!.game()!.driver.view();
      return { turn: v.ctx.state.turn, phase: v.phase, waiting: [...v.waiting] };
    });
  let before = { hash: await hashOf(), ...(await where()) };
  await savedGames(page);
  await page.reload();
  await expect(page.getByTestId('continue')).toBeVisible();
  await page.getByTestId('continue').click();
  await page.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
  expect({ hash: await hashOf(), ...(await where()) }).toEqual(before);
  await expect(page.getByTestId('decision-panel')).toBeVisible();
  // The order chosen before the reload is still chosen.
  await expect(page.getByTestId(`option-${chosenId}`)).toBeChecked();

  // 2. Between phases: submit, step to the events phase, reload there.
  await page.getByTestId('submit-decisions').click();
  for (let i = 0; i < 10 && (await where()).phase !== 'events'; i++)
    await page.getByTestId('step').click();
  expect((await where()).phase).toBe('events');
  before = { hash: await hashOf(), ...(await where()) };
  await savedGames(page);
  await page.reload();
  await page.getByTestId('continue').click();
  await page.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
  expect({ hash: await hashOf(), ...(await where()) }).toEqual(before);
  // And the game goes on from there, its record still one unbroken game.
  await page.getByTestId('play').click();
  await waitForHuman(page);
  const e = await engine(page);
  expect(e.turn).toBe(5);
  expect(e.turnHashes).toHaveLength(4);
  // Watching the game so far and going back to it returns to the same moment.
  const hash = await hashOf();
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-replay').click();
  await expect(page.getByTestId('replay')).toBeVisible();
  await page.getByTestId('replay-back').click();
  await expect(page.getByTestId('replay-close')).toHaveText('Back to the game');
  await page.getByTestId('replay-close').click();
  await expect(page.getByTestId('game')).toBeVisible();
  await page.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
  expect(await hashOf()).toBe(hash);
  expect((await where()).turn).toBe(5);
});

test('saved games are listed with scenario, turn and sides; deleting asks first', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-saves-1' });
  await waitForHuman(page);
  await savedGames(page);
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-new').click();
  await startGame(page, { seed: 'e2e-saves-2', humans: ['china'] });
  await waitForHuman(page);
  await savedGames(page);
  await page.reload();
  const rows = page.getByTestId('saved-game');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('seed e2e-saves-2');
  await expect(rows.first()).toContainText('Turn 1 of 26');
  await expect(rows.first()).toContainText('CN');
  await rows.nth(1).getByTestId('saved-delete').click();
  await expect(rows.nth(1)).toContainText('Delete this game for good?');
  await rows.nth(1).getByRole('button', { name: 'Keep' }).click();
  await expect(rows).toHaveCount(2);
  await rows.nth(1).getByTestId('saved-delete').click();
  await rows.nth(1).getByTestId('saved-delete-confirm').click();
  await expect(rows).toHaveCount(1);
  const left = JSON.parse(await savedGames(page)) as { game: { record: ReplayRecord } }[];
  expect(left.map((s) => s.game.record.seed)).toEqual(['e2e-saves-2']);
});
