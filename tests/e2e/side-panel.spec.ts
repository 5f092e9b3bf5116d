import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, playTurns, startGame, test, waitForHuman } from './fixtures';

/** Below a 1920 px wide screen the panel starts folded to its header: open it, as a player would. */
async function openPanel(page: Page): Promise<void> {
  const toggle = page.getByTestId('side-panel-toggle');
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

const twoFront = JSON.parse(
  readFileSync(new URL('../../scenarios/two-front.json', import.meta.url), 'utf8'),
) as {
  forces: Record<string, { name: string; actor: string }>;
  objectives: Record<string, { summary: string }>;
};

/**
 * The panel for the player's own side (support, cost, munitions, readiness with their change
 * since last turn; forces; objectives and score so far) and the help: the first game's offer, the
 * Help dialog, and each track's definition on hover and keyboard focus.
 */

/** The seat's figures and score as the engine has them. */
async function own(page: Page, actor: string) {
  return page.evaluate((a) => {
    const v = window.__secondFront!.game()!.driver.view();
    const s = v.ctx.state;
    const bloc = (
      { usa: 'nato', 'nato-europe': 'nato', china: 'china', russia: 'russia' } as Record<
        string,
        'nato' | 'china' | 'russia'
      >
    )[a];
    return {
      turn: s.turn,
      support: s.actors[a as 'usa'].support,
      munitions: bloc ? s.blocs[bloc].munitions : null,
    };
  }, actor);
}

const num = (t: string | null): number => Number((t ?? '').replace('−', '-').replace('+', ''));

test('the panel shows the seat’s own support and score, and moves on after a turn', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-side-panel' });
  await waitForHuman(page);
  await openPanel(page);
  const panel = page.getByTestId('side-panel');
  await expect(panel).toBeVisible();
  await expect(panel.locator('h2')).toHaveText('United States');
  let e = await own(page, 'usa');
  const support = panel.getByTestId('side-support');
  await expect(support.locator('.side-value')).toHaveText(String(e.support));
  // No change to show yet in turn 1.
  await expect(panel.getByTestId('side-since')).toHaveText('Changes show from turn 2.');
  await expect(support.locator('.side-delta')).toHaveText('');
  // The score in the panel is the one in the objectives card, term by term and in total.
  await expect(panel.getByTestId('side-objectives')).toContainText(
    twoFront.objectives.usa!.summary,
  );
  await expect(panel.getByTestId('side-if-ended')).toContainText('Turn 1, if the game ended now');
  const card = page.getByTestId('objectives-card');
  const total = await card.locator('tfoot td.points').textContent();
  await expect(panel.locator('tfoot td.points')).toHaveText(total!);
  expect(await panel.locator('tbody td.points').allTextContents()).toEqual(
    await card.locator('tbody td.points').allTextContents(),
  );
  // Forces, with region names, under a disclosure.
  const forces = panel.getByTestId('side-forces');
  await forces.locator('summary').click();
  await expect(forces.locator('h4').first()).toBeVisible();
  await expect(forces).toContainText('strength');

  const munitions1 = num(
    await panel.getByTestId('side-munitions').locator('.side-value').textContent(),
  );
  expect(munitions1).toBe(e.munitions);
  await playTurns(page, 1);
  e = await own(page, 'usa');
  expect(e.turn).toBe(2);
  // Turn 2: the figures are the engine's, with their change since the start of turn 1.
  await expect(panel.getByTestId('side-since')).toHaveText('Changes since the start of turn 1.');
  await expect(support.locator('.side-value')).toHaveText(String(e.support));
  const mun = panel.getByTestId('side-munitions');
  await expect(mun.locator('.side-value')).toHaveText(String(e.munitions));
  expect(num(await mun.locator('.side-delta').textContent())).toBe(e.munitions! - munitions1);
  await expect(support.locator('.side-delta')).not.toHaveText('');
  await expect(panel.getByTestId('side-if-ended')).toContainText('Turn 2, if the game ended now');
  // The forces disclosure stayed open through the redraws.
  await expect(forces).toHaveAttribute('open', '');
  // Collapsed, the header still says where the side stands.
  await page.getByTestId('side-panel-toggle').click();
  await expect(page.getByTestId('side-brief')).toBeVisible();
  await expect(page.getByTestId('side-brief')).toContainText(`Support ${e.support}`);
  await expect(panel.getByTestId('side-support')).toBeHidden();
});

test('hot seat: the panel shows only the side at the screen, and hides at the hand-over', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-side-hotseat', humans: ['china', 'usa'] });
  await expect(page.getByTestId('handover')).toBeVisible();
  const panel = page.getByTestId('side-panel');
  await expect(panel).toBeHidden();
  await page.getByTestId('handover-ready').click();
  await openPanel(page);
  await expect(panel).toBeVisible();
  await expect(panel.locator('h2')).toHaveText(/China/);
  const china = await own(page, 'china');
  await expect(panel.getByTestId('side-support').locator('.side-value')).toHaveText(
    String(china.support),
  );
  const forces = panel.getByTestId('side-forces');
  await forces.locator('summary').click();
  const text = (await forces.textContent()) ?? '';
  for (const f of Object.values(twoFront.forces)) {
    if (f.actor === 'china') continue;
    expect(text, `another side's force: ${f.name}`).not.toContain(f.name);
  }
  expect(text).toContain(Object.values(twoFront.forces).find((f) => f.actor === 'china')!.name);
  await page.getByTestId('submit-decisions').click();
  // The next seat's hand-over: China's panel is gone before the United States sits down.
  await expect(page.getByTestId('handover')).toContainText('United States');
  await expect(panel).toBeHidden();
  // Not even hidden: China's figures and forces are gone from the page.
  await expect(panel).not.toContainText('China');
  await expect(panel.locator('[data-force]')).toHaveCount(0);
  await page.getByTestId('handover-ready').click();
  await expect(panel.locator('h2')).toHaveText('United States');
});

test('help: offered once on the first game, opens and closes, and defines each track', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-side-help' });
  await waitForHuman(page);
  await openPanel(page);
  const offer = page.getByTestId('help-offer');
  await expect(offer).toBeVisible();
  const dialog = page.getByRole('dialog', { name: 'How to play' });
  await expect(dialog).toBeHidden();
  await page.getByTestId('help-offer-open').click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Submit (Ctrl+Enter)');
  await expect(dialog.locator('[data-track=support] dt')).toHaveText('Domestic support');
  await expect(offer).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByTestId('help').click();
  await expect(dialog).toBeVisible();
  await page.getByTestId('help-close').click();
  await expect(dialog).toBeHidden();

  // A track's definition on keyboard focus, as the term's description; Escape hides it.
  const term = page.getByTestId('side-support').locator('.track-term');
  const tip = page.locator('#side-tip-support');
  await expect(tip).toBeHidden();
  await term.focus();
  await expect(tip).toBeVisible();
  await expect(tip).toHaveAttribute('role', 'tooltip');
  await expect(tip).toContainText('How far the public at home backs');
  await expect(term).toHaveAccessibleDescription(/How far the public at home backs/);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  // On hover too.
  await page.getByTestId('side-economicCost').locator('.track-term').hover();
  await expect(page.locator('#side-tip-economicCost')).toBeVisible();
  await expect(page.locator('#side-tip-economicCost')).toContainText('economy');
  // It stays while the pointer moves onto it, and goes when the pointer leaves.
  await page.locator('#side-tip-economicCost').hover();
  await expect(page.locator('#side-tip-economicCost')).toBeVisible();
  await page.mouse.move(1, 1);
  await expect(page.locator('#side-tip-economicCost')).toBeHidden();

  // The panel, with a tooltip showing, and the open guide have no accessibility violations.
  await term.focus();
  const panelAxe = await new AxeBuilder({ page }).include('.side-host').analyze();
  expect(panelAxe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.getByTestId('help').click();
  const dialogAxe = await new AxeBuilder({ page }).include('.help-dialog').analyze();
  expect(dialogAxe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.keyboard.press('Escape');

  // The answer is remembered: the next game offers nothing.
  await startGame(page, { seed: 'e2e-side-help-2' });
  await waitForHuman(page);
  await expect(page.getByTestId('side-panel')).toBeVisible();
  await expect(page.getByTestId('help-offer')).toHaveCount(0);
});

test('help: “Not now” dismisses the offer for good, and Help still opens the guide', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-side-not-now' });
  await waitForHuman(page);
  await page.getByTestId('help-offer-dismiss').click();
  await expect(page.getByTestId('help-offer')).toHaveCount(0);
  await expect(page.getByTestId('help')).toBeFocused();
  await page.reload();
  await startGame(page, { seed: 'e2e-side-not-now-2' });
  await waitForHuman(page);
  await expect(page.getByTestId('help-offer')).toHaveCount(0);
  await page.getByTestId('help').click();
  await expect(page.getByRole('dialog', { name: 'How to play' })).toBeVisible();
});
