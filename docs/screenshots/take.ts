/**
 * The play screen's screenshots in docs/screenshots/: setup, mid-game (after a landing on Taiwan
 * and a Baltic incursion), the end screen and the replay viewer, at 1024×768, 1280×720 and
 * 1920×1080, in the system Chromium against the production build (`npm run screenshots` builds
 * it first). Each game is seeded, so the pictures change only when the screen or the rules do.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';

const OUT = dirname(fileURLToPath(import.meta.url));
const PORT = Number(process.env['SHOTS_PORT'] ?? 4341);
const BASE = `http://127.0.0.1:${PORT}`;
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
}

/** Open one of the setup screen's folds (Sides, Levers) if it is closed. */
async function unfold(page: Page, name: string): Promise<void> {
  const fold = page.getByTestId(`fold-${name}`);
  if ((await fold.count()) > 0 && (await fold.getAttribute('open')) === null)
    await fold.locator('summary').click();
}

/** Choose a seat on the setup screen. */
async function seat(page: Page, actor: string, who: 'human' | 'ai'): Promise<void> {
  await unfold(page, 'sides');
  await page.getByTestId(`seat-${actor}-${who}`).check({ force: true });
}

async function shoot(page: Page, name: string, size: { width: number }): Promise<void> {
  await page.waitForTimeout(400);
  const file = join(OUT, `${name}-${size.width}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    { stdio: 'ignore' },
  );
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    await waitFor(BASE, 30_000);
    for (const size of SIZES) {
      const ctx = await browser.newContext({ viewport: size });
      const page = await ctx.newPage();
      // The first-game offer of help is answered, as after a player's first game.
      await page.addInitScript(() => localStorage.setItem('second-front:help-offered', '1'));
      await page.goto(BASE);
      await page.getByTestId('setup').waitFor();
      await shoot(page, 'setup', size);

      // Mid-game: China invades and Russia crosses into Estonia; the US player at its orders.
      for (const a of ['china', 'russia', 'nato-europe', 'taiwan', 'japan', 'ukraine'])
        await seat(page, a, 'ai');
      await seat(page, 'usa', 'human');
      await page.getByTestId('seed').fill('e2e-map-landing');
      await unfold(page, 'levers');
      await page.locator('#lever-chinaCourse').selectOption('invasion');
      await page.locator('#lever-russiaCourse').selectOption('limited-incursion');
      await page.getByTestId('start').click();
      await ready(page);
      await page.getByTestId('speed').selectOption('max');
      for (let i = 0; i < 12; i++) {
        await page.waitForFunction(() => {
          const v = window.__secondFront!.game()!.driver.view();
          return v.ended || v.waiting.length > 0;
        });
        const landed = await page.evaluate(() =>
          window
            .__secondFront!.view()!
            .probe()
            .markers.some((m) => m.kind === 'landing'),
        );
        if (landed) break;
        const turn = await page.evaluate(
          () => window.__secondFront!.game()!.driver.view().ctx.state.turn,
        );
        await page.getByTestId('submit-decisions').click();
        await page.waitForFunction((t) => {
          const v = window.__secondFront!.game()!.driver.view();
          return v.ended || (v.ctx.state.turn > t && v.waiting.length > 0);
        }, turn);
      }
      await shoot(page, 'mid-game', size);

      // The end: the AI plays the US seat to the last turn.
      await page.getByTestId('ai-for-humans').click();
      await page.getByTestId('end-screen').waitFor({ timeout: 180_000 });
      await shoot(page, 'end', size);

      // The replay viewer, from the game menu.
      await page.getByRole('button', { name: 'Back to the map' }).click();
      const menu = page.getByTestId('game-menu');
      if (await menu.isVisible()) await menu.click();
      else {
        await page.getByRole('button', { name: /More/ }).click();
        await menu.click();
      }
      await page.getByTestId('menu-replay').click();
      await page.getByTestId('replay').waitFor();
      await ready(page);
      await shoot(page, 'viewer', size);
      await ctx.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
