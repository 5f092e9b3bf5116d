import type { Locator, Page } from '@playwright/test';
import { computeLayout } from '../../src/view/layout';
import { expect, startGame, test, waitForHuman, waitForViewer } from './fixtures';

/**
 * The game screen's layout at the sizes people play on: every top-bar control is on screen and
 * takes a click (in the bar or in its "More" menu), no panel covers Submit or a map's zoom
 * buttons, the decision dock leaves the maps two thirds of their room, and the detail card of a
 * region opens in that region's theater.
 */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** The element a click at the centre of `box` lands on is `el` or inside it. */
async function takesClicks(page: Page, box: Box, testid: string): Promise<boolean> {
  return page.evaluate(
    ([x, y, id]) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && hit.closest(`[data-testid="${id}"]`) !== null;
    },
    [box.x + box.width / 2, box.y + box.height / 2, testid] as const,
  );
}

const TOOLBAR = ['play', 'step', 'speed', 'ai-for-humans', 'objectives-toggle', 'text-log-toggle'];

async function reach(page: Page, id: string): Promise<Locator> {
  const control = page.getByTestId(id);
  // A control the bar had no room for is in the "More" menu: open it first.
  if ((await control.locator('xpath=ancestor::*[@id="toolbar-more-list"]').count()) > 0) {
    const list = page.locator('#toolbar-more-list');
    if (await list.isHidden()) await page.getByTestId('toolbar-more').click();
  }
  return control;
}

for (const [width, height] of [
  [1024, 768],
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`at ${width}×${height} every control is reachable and no panel covers Submit or zoom`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await startGame(page, { seed: 'e2e-layout' });
    await waitForHuman(page);
    await page.getByTestId('play').click(); // pause: nothing moves while boxes are measured
    const submit = page.getByTestId('submit-decisions');
    await expect(submit).toBeVisible();

    // Every control of the top bar is on screen and takes the click at its centre.
    for (const id of [...TOOLBAR, 'game-menu']) {
      const control = await reach(page, id);
      await expect(control, id).toBeInViewport({ ratio: 1 });
      expect(await takesClicks(page, (await control.boundingBox())!, id), id).toBe(true);
      await page.keyboard.press('Escape');
      await expect(page.locator('#toolbar-more-list')).toBeHidden();
    }

    // The objectives card, the side panel and the text log open: none covers Submit or a zoom
    // button, and the decision dock covers no zoom button either.
    await (await reach(page, 'objectives-toggle')).click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('objectives-card')).toBeVisible();
    const sideToggle = page.getByTestId('side-panel-toggle');
    if ((await sideToggle.getAttribute('aria-expanded')) === 'false') await sideToggle.click();
    await expect(page.getByTestId('side-support')).toBeVisible();
    await (await reach(page, 'text-log-toggle')).click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('dom-log')).toBeVisible();
    const canvas = (await page.getByTestId('map').boundingBox())!;
    const zooms = (
      await page.evaluate(() => window.__secondFront!.view()!.probe().zoomButtons)
    ).map((z) => ({ x: canvas.x + z.x, y: canvas.y + z.y, width: z.w, height: z.h }));
    // Per map: the legend, reset, zoom out and zoom in.
    expect(zooms).toHaveLength(8);
    const submitBox = (await submit.boundingBox())!;
    for (const id of ['dom-log-host', 'objectives-card', 'side-panel', 'decision-panel']) {
      const panel = (await page.getByTestId(id).boundingBox())!;
      for (const z of zooms) expect(overlap(panel, z), `${id} over a zoom button`).toBe(0);
      if (id !== 'decision-panel') expect(overlap(panel, submitBox), `${id} over Submit`).toBe(0);
    }
    expect(await takesClicks(page, submitBox, 'submit-decisions')).toBe(true);
    for (const z of zooms)
      expect(await takesClicks(page, z, 'map'), 'a zoom button takes its click').toBe(true);

    // The dock takes at most about a third of the map area (under the band, left of the log).
    const l = computeLayout(canvas.width, canvas.height, 0);
    const maps = {
      x: canvas.x,
      y: canvas.y + l.europe.y,
      width: l.log.x,
      height: canvas.height - l.europe.y,
    };
    const dock = (await page.getByTestId('decision-panel').boundingBox())!;
    const share = overlap(dock, maps) / (maps.width * maps.height);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThanOrEqual(0.36);
  });
}

test('the detail card opens in the theater clicked, clear of its zoom buttons, no tooltip', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-layout-card' });
  await waitForHuman(page);
  await page.getByTestId('play').click();
  // The objectives card is closed and the side panel folded: the clicks go to the map.
  await expect(page.getByTestId('objectives-card')).toBeHidden();
  const canvas = (await page.getByTestId('map').boundingBox())!;
  const dock = (await page.getByTestId('decision-panel').boundingBox())!;
  const l = computeLayout(canvas.width, canvas.height, dock.height);
  const card = page.getByTestId('selection');
  for (const [region, name, theater] of [
    ['taiwan', 'Taiwan', l.indoPacific],
    ['germany', 'Germany', l.europe],
  ] as const) {
    const at = await page.evaluate(
      (r) => window.__secondFront!.view()!.probe().regionAt(r),
      region,
    );
    expect(at, region).not.toBeNull();
    const tooltip = () => page.evaluate(() => window.__secondFront!.view()!.probe().tooltip);
    // Hovering shows the tooltip; the click opens the card instead, and the tooltip goes.
    await page.mouse.move(canvas.x + at!.x, canvas.y + at!.y);
    await expect.poll(tooltip).not.toBeNull();
    await page.mouse.click(canvas.x + at!.x, canvas.y + at!.y);
    await expect(card).toContainText(name);
    await page.mouse.move(canvas.x + at!.x + 1, canvas.y + at!.y);
    await expect.poll(tooltip).toBeNull();
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(canvas.x + theater.x);
    expect(box.y).toBeGreaterThanOrEqual(canvas.y + theater.y);
    expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + theater.x + theater.w);
    expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + theater.y + theater.h);
    const zooms = await page.evaluate(() => window.__secondFront!.view()!.probe().zoomButtons);
    for (const z of zooms)
      expect(
        overlap(box, { x: canvas.x + z.x, y: canvas.y + z.y, width: z.w, height: z.h }),
        `${region}: card over a zoom button`,
      ).toBe(0);
  }
});

test('at 1024×768 every replay control is reachable, through "More" where the bar is full', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await startGame(page, { seed: 'e2e-layout-replay', humans: [] });
  await page.waitForFunction(() => window.__secondFront!.game()!.driver.view().ctx.state.turn >= 2);
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-replay').click();
  await waitForViewer(page);
  await expect(page.getByTestId('toolbar-more')).toBeVisible();
  for (const id of [
    'replay-first',
    'replay-back',
    'replay-slider',
    'replay-forward',
    'replay-last',
    'replay-jump',
    'replay-play',
    'replay-speed',
    'replay-moments',
    'replay-viewpoint',
    'replay-fork',
    'replay-export',
    'replay-share',
    'replay-close',
  ]) {
    const control = await reach(page, id);
    await expect(control, id).toBeInViewport({ ratio: 1 });
    expect(await takesClicks(page, (await control.boundingBox())!, id), id).toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.locator('#toolbar-more-list')).toBeHidden();
  }
  // A control in the menu works from there: the viewpoint changes what the viewer shows.
  await reach(page, 'replay-viewpoint');
  await page.getByTestId('replay-viewpoint').selectOption('usa');
  await expect(page.getByTestId('replay-viewpoint')).toHaveValue('usa');
});
