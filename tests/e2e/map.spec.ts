import type { Page } from '@playwright/test';
import type { ViewProbe } from '../../src/view/contract';
import { expect, playTurns, startGame, test, waitForHuman } from './fixtures';

/**
 * The map tells the turn's story: a blockade rings Taiwan, a landing leaves an arrow from the
 * mainland that fades over the next turns, an incursion an arrow across the Baltic border; the
 * counters never overlap and stay on their map; the legend opens and closes from its button.
 * Read through the view's probe (markers, counters, legend), as the other tests read the map.
 */

async function probe(page: Page): Promise<ViewProbe> {
  return page.evaluate(() => {
    const p = window.__secondFront!.view()!.probe();
    // The probe's regionAt is a function: keep only the data.
    return { ...p, regionAt: undefined } as unknown as ViewProbe;
  });
}

/**
 * Auto-play an AI-only game at full speed until the map shows a marker, then pause in the page at
 * once (at full speed, a pause clicked from the test can come a turn late, after the marker).
 */
async function playUntilMarker(page: Page, kind: string, region: string): Promise<void> {
  await page.getByTestId('speed').selectOption('max');
  await page.waitForFunction(
    ([k, r]) => {
      const shown = window
        .__secondFront!.view()!
        .probe()
        .markers.some((m) => m.kind === k && m.region === r);
      if (shown) (document.querySelector('[data-testid="play"]') as HTMLButtonElement).click();
      return shown;
    },
    [kind, region] as const,
    { timeout: 90_000 },
  );
}

test('a blockade rings Taiwan on the map, and the legend opens and closes', async ({ page }) => {
  await startGame(page, {
    seed: 'e2e-map-blockade',
    humans: [],
    levers: { chinaCourse: 'blockade', russiaCourse: 'stay-out' },
  });
  await playUntilMarker(page, 'blockade', 'taiwan');
  const p = await probe(page);
  const ring = p.markers.find((m) => m.kind === 'blockade');
  expect(ring).toMatchObject({ theater: 'indoPacific', region: 'taiwan', alpha: 1 });
  const blockaded = await page.evaluate(
    () => window.__secondFront!.game()!.driver.view().ctx.state.flags.blockadeActive,
  );
  expect(blockaded).toBe(true);

  expect(p.legend).toBe(false);
  const canvas = (await page.locator('.view-root canvas').first().boundingBox())!;
  const at = p.legendButton!;
  await page.mouse.click(canvas.x + at.x, canvas.y + at.y);
  await expect.poll(async () => (await probe(page)).legend).toBe(true);
  await page.mouse.click(canvas.x + at.x, canvas.y + at.y);
  await expect.poll(async () => (await probe(page)).legend).toBe(false);
});

test('a landing draws an arrow from the mainland that fades; a Baltic incursion one across the border', async ({
  page,
}) => {
  // Playing the United States (holding every turn), the game stops at each turn's decisions.
  await startGame(page, {
    seed: 'e2e-map-landing',
    humans: ['usa'],
    levers: { chinaCourse: 'invasion', russiaCourse: 'limited-incursion' },
  });
  await page.getByTestId('speed').selectOption('max');
  const seen: { turn: number; landing: number | null; incursion: boolean }[] = [];
  let p: ViewProbe | null = null;
  for (let i = 0; i < 12; i++) {
    await waitForHuman(page);
    // The orders folded, the maps take the screen's full height, as when a player reads them.
    const ended = await page.evaluate(() => window.__secondFront!.game()!.driver.view().ended);
    const fold = page.getByTestId('fold-decisions');
    if (!ended && (await fold.getAttribute('aria-expanded')) === 'true') await fold.click();
    await page.waitForTimeout(300);
    const now = await probe(page);
    const landing = now.markers.find((m) => m.kind === 'landing' && m.region === 'taiwan');
    const incursion = now.markers.find((m) => m.kind === 'incursion' && m.region === 'narva');
    if (incursion) expect(incursion).toMatchObject({ theater: 'europe', from: 'russia-west' });
    if (landing) {
      expect(landing).toMatchObject({ theater: 'indoPacific', from: 'eastern-theater-coast' });
      p ??= now;
    }
    seen.push({ turn: now.drawn!.turn, landing: landing?.alpha ?? null, incursion: !!incursion });
    if (ended || (seen.filter((x) => x.landing !== null).length >= 3 && !landing)) break;
    await playTurns(page, 1);
  }
  // The incursion of turn 1 showed, the landing showed and faded turn by turn (that it is gone
  // from the fourth turn on is checked in tests/view/map-story.test.ts).
  expect(seen.some((x) => x.incursion)).toBe(true);
  const alphas = seen.map((x) => x.landing).filter((a): a is number => a !== null);
  expect(alphas.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < alphas.length; i++) expect(alphas[i]!).toBeLessThan(alphas[i - 1]!);

  // When the landing showed, strikes had left bursts on the island; counters never overlap,
  // and each stays on its own map (orders folded: with them open at 1280x720 the Indo-Pacific
  // map is too short to keep every counter on it).
  expect(p!.markers.some((m) => m.kind === 'strike' && m.region === 'taiwan')).toBe(true);
  expect(p!.counters.length).toBeGreaterThan(10);
  for (const c of p!.counters) {
    const r = p!.maps![c.theater];
    expect(c.x).toBeGreaterThanOrEqual(r.x);
    expect(c.x + c.w, `${c.region} counter off its map`).toBeLessThanOrEqual(r.x + r.w);
    expect(c.y).toBeGreaterThanOrEqual(r.y);
    expect(c.y + c.h).toBeLessThanOrEqual(r.y + r.h);
  }
  for (const [i, a] of p!.counters.entries())
    for (const b of p!.counters.slice(i + 1)) {
      const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      expect(apart, `${a.region} and ${b.region} counters overlap`).toBe(true);
    }
});
