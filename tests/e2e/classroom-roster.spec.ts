import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassroomServer, type Server } from './classroom-server';
import { violations } from './fixtures';

/**
 * The roster in real browsers against the real server: a student leaves from the lobby by the
 * Leave button (and the link then asks them to join afresh), the facilitator moves a student to
 * another team mid-game (their screen turns to that side), orders chosen but not sent survive a
 * reload, the facilitator removes a device (it is told so and can act no more), and a student
 * leaves mid-game from the Game menu (the console's roster drops them). The facilitator writes a
 * note for the debrief on one log entry, which no team reads.
 */

const PORT = Number(process.env['CLASSROOM_ROSTER_PORT'] ?? 4722);

test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 30_000 });

test('students leave, are moved and removed; their unsent orders survive a reload', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const data = mkdtempSync(join(tmpdir(), 'sf-roster-e2e-'));
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  let server: Server | null = null;
  const open = async (name: string): Promise<Page> => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${name}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${name}: ${String(e)}`));
    return page;
  };
  const joinAs = async (p: Page, url: string, name: string, team: string): Promise<void> => {
    await p.goto(url);
    await p.getByTestId('join-name').fill(name);
    await p.getByTestId('join-submit').click();
    await p.getByTestId(`pick-${team}`).click();
    await expect(p.getByTestId('waiting-start')).toBeVisible();
  };
  try {
    server = await startClassroomServer(data, PORT);
    const fac = await open('facilitator');
    await fac.goto(server.facilitatorUrl);
    await expect(fac.getByTestId('classroom-setup')).toBeVisible();
    await fac.getByTestId('seed').fill('roster-e2e');
    await fac.getByTestId('fold-sides').locator('summary').click();
    await fac.locator('label[for="seat-china-human"]').click();
    await expect(fac.getByTestId('seat-usa-human')).toBeChecked();
    await fac.getByTestId('classroom-clock').fill('0');
    await fac.getByTestId('classroom-create').click();
    await expect(fac.getByTestId('lobby')).toBeVisible();
    const joinUrl = await fac.getByTestId('join-url').inputValue();
    const roster = fac.getByTestId('roster');
    const member = (name: string) => roster.locator('li.member', { hasText: name });

    const mei = await open('Mei');
    await joinAs(mei, joinUrl, 'Mei', 'china');
    const ana = await open('Ana');
    await joinAs(ana, joinUrl, 'Ana', 'usa');
    const lee = await open('Lee');
    await joinAs(lee, joinUrl, 'Lee', 'usa');
    await expect(fac.getByTestId('team-usa')).toContainText('Lee');

    // --- Lee leaves from the lobby: asked first; Stay keeps the place -------------------------
    await lee.getByTestId('leave-session').click();
    await expect(lee.getByTestId('leave-dialog')).toBeVisible();
    await expect(lee.getByTestId('leave-cancel')).toBeFocused();
    expect(await violations(lee), 'the leave dialog').toEqual([]);
    await lee.getByTestId('leave-cancel').click();
    await expect(lee.getByTestId('leave-dialog')).toHaveCount(0);
    await expect(lee.getByTestId('leave-session')).toBeFocused();
    await expect(fac.getByTestId('team-usa')).toContainText('Lee');
    await lee.getByTestId('leave-session').click();
    await lee.getByTestId('leave-confirm').click();
    await expect(lee.getByTestId('setup')).toBeVisible();
    await expect(member('Lee')).toHaveCount(0);
    // The same link no longer returns to a seat: it asks for a name again, and Lee rejoins USA.
    await joinAs(lee, joinUrl, 'Lee', 'usa');
    await expect(member('Lee')).toHaveCount(1);

    // --- the game starts; the facilitator moves Lee to China ----------------------------------
    await fac.getByTestId('control-start').click();
    await expect(fac.getByTestId('console-state')).toHaveText(/^Turn 1 of/);
    await expect(
      lee.getByTestId('decision-panel').locator('[data-testid^="option-usa."]').first(),
    ).toBeVisible();
    await member('Lee').locator('select').selectOption('china');
    await expect(
      lee.getByTestId('decision-panel').locator('[data-testid^="option-china."]').first(),
    ).toBeVisible();
    await expect(
      lee.getByTestId('decision-panel').locator('[data-testid^="option-usa."]'),
    ).toHaveCount(0);
    await expect(fac.getByTestId('team-china')).toContainText('Lee');

    // --- the facilitator notes a log entry for the debrief: nobody else reads it --------------
    await fac.getByTestId('message-to').selectOption('control');
    const about = fac.getByTestId('message-about');
    await expect(about).toBeVisible();
    const entry = about.locator('option').nth(1);
    const entryTitle = (await entry.textContent())!;
    expect(entryTitle).toMatch(/^Turn 1: /);
    await about.selectOption({ index: 1 });
    await fac.getByTestId('message-text').fill('Ask China why it waited here.');
    await fac.getByTestId('message-send').click();
    const note = fac.getByTestId('message').filter({ hasText: 'Ask China why it waited here.' });
    await expect(note).toContainText('note for the debrief, on “');
    await expect(note).toContainText(entryTitle.slice(0, 30));
    if (process.env['SCREENSHOTS'] === '1')
      await fac.screenshot({ path: 'docs/screenshots/classroom-note-1280.png' });
    await fac.getByTestId('message-to').selectOption('all');
    await expect(about).toBeHidden();
    await mei.getByTestId('messages-toggle').click();
    await expect(mei.getByTestId('messages')).toBeVisible();
    await expect(mei.getByTestId('message')).toHaveCount(0);
    await mei.getByTestId('messages-toggle').click();

    // --- Mei chooses orders, does not send them, and reloads: they are still chosen ----------
    await mei.getByTestId('option-china.mobilise').check();
    await mei.getByTestId('option-china.gray-zone-pressure').check();
    await mei.reload();
    await expect(mei.getByTestId('turn')).toHaveText(/^Turn 1 of/);
    await expect(mei.getByTestId('option-china.mobilise')).toBeChecked();
    await expect(mei.getByTestId('option-china.gray-zone-pressure')).toBeChecked();
    await expect(mei.getByTestId('decision-summary')).toHaveText('2 orders chosen.');

    // --- the facilitator removes Lee's device: Lee is told and can act no more ---------------
    await member('Lee').getByRole('button', { name: 'Remove Lee from the session' }).click();
    await expect(lee.getByTestId('removed')).toBeVisible();
    await expect(member('Lee')).toHaveCount(0);
    await lee.reload();
    await expect(lee.getByTestId('join-name')).toBeVisible();

    // --- Ana leaves mid-game from the Game menu ------------------------------------------------
    await ana.getByTestId('game-menu').click();
    await expect(ana.getByTestId('menu-export')).toBeHidden();
    await ana.getByTestId('menu-leave').click();
    await expect(ana.getByTestId('leave-dialog')).toBeVisible();
    if (process.env['SCREENSHOTS'] === '1')
      await ana.screenshot({ path: 'docs/screenshots/classroom-leave-1280.png' });
    await ana.getByTestId('leave-confirm').click();
    await expect(ana.getByTestId('setup')).toBeVisible();
    await expect(member('Ana')).toHaveCount(0);
    await expect(fac.getByTestId('team-usa')).not.toContainText('Ana');
    // Mei's orders still go in, and the game goes on for the team that stayed.
    await mei.getByTestId('submit-decisions').click();
    await expect(mei.getByTestId('orders-locked')).toBeVisible();
    await expect(fac.getByTestId('team-state-china')).toHaveText('orders in');
    expect(errors).toEqual([]);
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    rmSync(data, { recursive: true, force: true });
  }
});
