import type { Page } from '@playwright/test';
import { FOLD_RIGHT, FOLD_W } from '../../src/view/log-style';
import { expect, startGame, test, waitForViewer } from './fixtures';

/**
 * The readable log: a turn reads in the order it happened, track changes are folded under their
 * cause with a count and open by click and keyboard, engine names never show, and Tab never walks
 * into a log row nobody can see.
 */

/** What has focus, and whether a sighted reader can see it. */
async function focused(page: Page): Promise<{ tag: string; log: boolean; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', log: false, visible: true };
    const r = el.getBoundingClientRect();
    const visible =
      el.closest('[hidden], .sr-only') === null &&
      el.checkVisibility({ visibilityProperty: true }) &&
      r.width > 2 &&
      r.height > 2;
    return {
      tag: `${el.tagName.toLowerCase()}.${el.className}`,
      log: el.closest('[data-testid="dom-log"]') !== null,
      visible,
    };
  });
}

/** Engine indices of the rows of the text log's section for `turn`, top to bottom. */
async function rowIndices(page: Page, turn: number): Promise<number[]> {
  return page.evaluate((t) => {
    const sections = [...document.querySelectorAll('[data-testid="dom-log"] .sf-log-turn')];
    const s = sections.find((x) => x.querySelector('h3')?.textContent?.startsWith(`Turn ${t} `));
    if (!s) return [];
    return [...s.querySelectorAll(':scope > ol > li')].map((li) =>
      Number(li.getAttribute('data-testid')!.slice('log-entry-'.length)),
    );
  }, turn);
}

test('a turn reads in order, changes fold under their cause, Tab skips what is hidden', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-readable' });
  const panel = page.getByTestId('decision-panel');
  await expect(panel).toBeVisible();
  const option = panel
    .locator('[data-testid="slot-diplomatic"] .option:not(.illegal):not(.hold)')
    .first();
  await option.locator('input[type="radio"]').check();
  // At Normal pace the turn takes seconds after Submit, so the dock is seen hidden and the Tab
  // walk below happens while the other sides act (at Max, turn 2's dock could be back before the
  // first look, seen once in CI).
  await page.getByTestId('speed').selectOption('normal');
  const submit = page.getByTestId('submit-decisions');
  await submit.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeHidden();

  // Tab from Submit: whatever takes focus can be seen; none of the off-screen log's buttons do.
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    expect(f.visible, `Tab ${i + 1} landed on ${f.tag}`).toBe(true);
    expect(f.log, `Tab ${i + 1} landed in the hidden text log (${f.tag})`).toBe(false);
  }
  await page.getByTestId('speed').selectOption('max');

  await page.waitForFunction(() => window.__secondFront!.game()!.driver.view().ctx.state.turn >= 2);
  await expect(panel).toBeVisible(); // the US decides again: the game waits
  await page.getByTestId('text-log-toggle').click();
  const log = page.getByTestId('dom-log');
  await expect(log).toBeVisible();

  // Newest turn on top; within turn 1, rows in the order they were logged.
  const headings = await log.locator('.sf-log-turn h3').allTextContents();
  expect(headings[0]).toMatch(/^Turn 2 /);
  expect(headings[headings.length - 1]).toMatch(/^Turn 1 /);
  const rows = await rowIndices(page, 1);
  expect(rows.length).toBeGreaterThan(8);
  expect(rows).toEqual([...rows].sort((a, b) => a - b));

  // Engine names stay out of sight: the text of the whole log, folded changes included.
  const text = await log.evaluate((n) => n.textContent ?? '');
  for (const internal of ['miscalcRisk', 'usPacificShare', 'natoCohesion', 'support.'])
    expect(text).not.toContain(internal);

  // A decision's changes: folded with a count, opened by a click, closed from the keyboard.
  const parent = log.locator('.sf-log-turn li:has(> .sf-log-line > .sf-log-fold)').last();
  const fold = parent.locator('> .sf-log-line > .sf-log-fold');
  const kids = parent.locator('> .sf-log-kids');
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(kids).toBeHidden();
  const n = Number((await fold.textContent())!.match(/^(\d+) changes?/)![1]);
  expect(n).toBeGreaterThan(0);
  await expect(kids.locator('> li')).toHaveCount(n);
  await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await expect(kids).toBeVisible();
  await expect(kids.locator('> li').first()).toContainText(/\d+ → \d+/);
  await fold.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(kids).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(kids).toBeVisible();

  // The shown log is one tab stop: in from the filters, out with the next Tab.
  await log.getByLabel('Actor').focus();
  await page.keyboard.press('Tab');
  let f = await focused(page);
  expect(f.log && f.visible, `entered the log on ${f.tag}`).toBe(true);
  // The arrow keys walk the rows that can be seen, never a folded one.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('ArrowDown');
    f = await focused(page);
    expect(f.log && f.visible, `ArrowDown ${i + 1} on ${f.tag}`).toBe(true);
  }
  await page.keyboard.press('Tab');
  f = await focused(page);
  expect(f.log, `a second Tab left the log, on ${f.tag}`).toBe(false);

  // Filters still work with the rows folded: Europe shows only European entries.
  await log.getByLabel('Theater').selectOption('europe');
  const theaters = await page.evaluate(() => {
    const g = window.__secondFront!.game()!;
    const entries = g.driver.view().ctx.log;
    return [...document.querySelectorAll('[data-testid^="log-entry-"]')]
      .map((n) => entries[Number(n.getAttribute('data-testid')!.slice('log-entry-'.length))]!)
      .filter((e) => e.type !== 'phase')
      .map((e) => e.theater);
  });
  expect(theaters.length).toBeGreaterThan(0);
  expect(new Set(theaters)).toEqual(new Set(['europe']));
});

test('the replay viewer has a Text log, whose titles are never cut off', async ({ page }) => {
  await startGame(page, { seed: 'e2e-replay-log', humans: [] });
  await page.getByTestId('speed').selectOption('max');
  await page.waitForFunction(() => window.__secondFront!.game()!.driver.view().ctx.state.turn >= 3);
  await page.getByTestId('play').click(); // pause
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-replay').click();
  await waitForViewer(page);
  const toggle = page.getByTestId('text-log-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // Off screen, the log's rows are out of the tab order.
  await expect(page.locator('[data-testid="dom-log"] button[tabindex="0"]')).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const log = page.getByTestId('dom-log');
  await expect(log).toBeVisible();
  await expect(log.locator('button[tabindex="0"]')).toHaveCount(1);
  // Every visible title shows all its text (it wraps rather than being cut).
  const cut = await log.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('.sf-log-title-text, .sf-log-fold, .sf-log-badge')]
      .filter((e) => e.closest('[hidden]') === null)
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => e.textContent),
  );
  expect(cut).toEqual([]);
});

test('on the canvas, a row’s "N changes" tag opens its changes under it, and closes them', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-canvas-fold', humans: [] });
  await page.getByTestId('speed').selectOption('max');
  await page.waitForFunction(
    () => window.__secondFront!.game()!.driver.view().ctx.state.turn >= 2,
    undefined,
    { timeout: 30_000 },
  );
  await page.getByTestId('play').click(); // pause so the log stops moving
  await expect(page.getByTestId('play')).toHaveText('Play');
  const rows = () => page.evaluate(() => window.__secondFront!.view()!.probe().logRows);
  const parent = (await rows()).find((r) => r.folded > 0 && r.depth === 0 && r.h >= 20);
  expect(parent, 'a drawn row with folded changes').toBeDefined();
  expect(parent!.expanded).toBe(false);
  const box = (await page.locator('canvas').boundingBox())!;
  const tag = {
    x: box.x + parent!.x + parent!.w - FOLD_RIGHT - FOLD_W / 2,
    y: box.y + parent!.y + 12,
  };
  await page.mouse.click(tag.x, tag.y);
  await expect
    .poll(async () => (await rows()).find((r) => r.index === parent!.index)?.expanded)
    .toBe(true);
  // Its changes are drawn right under it, indented, and the row itself did not open.
  const after = await rows();
  const at = after.findIndex((r) => r.index === parent!.index);
  expect(after[at]!.open).toBe(false);
  const kids = after.slice(at + 1, at + 1 + parent!.folded);
  expect(kids.length).toBeGreaterThan(0);
  expect(kids.every((k) => k.depth === 1)).toBe(true);
  const log = await page.evaluate(() => window.__secondFront!.game()!.driver.view().ctx.log);
  expect(kids.every((k) => log[k.index]!.type === 'change')).toBe(true);
  const moved = after[at]!;
  await page.mouse.click(box.x + moved.x + moved.w - FOLD_RIGHT - FOLD_W / 2, box.y + moved.y + 12);
  await expect.poll(async () => (await rows()).filter((r) => r.depth === 1).length).toBe(0);
});
