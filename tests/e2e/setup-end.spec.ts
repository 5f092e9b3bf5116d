import { readFileSync } from 'node:fs';
import { chooseSeat, expect, openFile, startGame, test } from './fixtures';

/**
 * The setup screen, notices and the end screen as a new player meets them: Start is the first
 * stop of the keyboard, the long sections fold, the victory conditions are on show, the chosen
 * game length ends the game; news goes away by itself and problems stay until dismissed; the end
 * screen explains its outcome, its timeline agrees with its chart, and its CSV files hold what
 * the engine played.
 */

const twoFront = JSON.parse(readFileSync('scenarios/two-front.json', 'utf8')) as {
  outcomes: { id: string; label: string; description: string }[];
  calendar: { maxTurns: number | { value: number } };
};
const raw = twoFront.calendar.maxTurns;
const MAX_TURNS = typeof raw === 'number' ? raw : raw.value;

/** A CSV row's fields (RFC 4180 quoting, no line breaks inside fields in these files). */
function fields(row: string): string[] {
  return [...row.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
}

test('Start is the first stop from the top of the page; the long sections fold and stay as left', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('setup')).toBeVisible();
  // From the page's top (a click on the title), one Tab reaches Start.
  await page.getByRole('heading', { level: 1, name: 'Second Front' }).click();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('start')).toBeFocused();

  const sides = page.getByTestId('fold-sides');
  const levers = page.getByTestId('fold-levers');
  await expect(sides).not.toHaveAttribute('open');
  await expect(levers).not.toHaveAttribute('open');
  await expect(sides.locator('summary')).toContainText('human: United States');
  await expect(page.locator('#lever-article5Credibility')).toBeHidden();
  // Open the levers, change one: the summary counts it; another scenario keeps the fold open.
  await levers.locator('summary').click();
  await expect(page.locator('#lever-article5Credibility')).toBeVisible();
  await page.locator('#lever-usIntervention').selectOption('delayed');
  await expect(levers.locator('summary')).toContainText('1 changed');
  await page.getByTestId('scenario-skeptic').check({ force: true });
  await expect(levers).toHaveAttribute('open');
  await expect(levers.locator('summary')).toContainText('the scenario’s own values');
  await chooseSeat(page, 'usa', 'ai');
  await expect(sides.locator('summary')).toContainText('the AI plays every side');
  // The setup screen built anew (a scenario file opened): the folds are as the player left them.
  await sides.locator('summary').click();
  await expect(sides).not.toHaveAttribute('open');
  const custom = {
    extends: 'two-front',
    id: 'fold-kept',
    name: 'Fold kept',
    summary: 'x',
    briefing: ['x'],
  };
  await openFile(page, 'fold.json', JSON.stringify(custom));
  await expect(page.getByTestId('scenario-custom:1')).toBeChecked();
  await expect(page.getByTestId('fold-levers')).toHaveAttribute('open');
  await expect(page.getByTestId('fold-sides')).not.toHaveAttribute('open');
});

test('each side’s victory conditions and objectives are shown at setup', async ({ page }) => {
  await page.goto('/');
  const table = page.getByTestId('victory-conditions');
  await expect(table).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Victory conditions' })).toBeVisible();
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(twoFront.outcomes.length);
  for (const [i, o] of twoFront.outcomes.entries()) {
    await expect(rows.nth(i)).toContainText(o.label);
    await expect(rows.nth(i)).toContainText(o.description.slice(0, 40));
  }
  // Each side's objectives, visible without opening anything; the terms under a disclosure.
  await expect(page.getByTestId('objectives-usa').locator('summary')).toBeVisible();
  await expect(page.getByTestId('objectives-china').locator('summary')).toBeVisible();
});

test('the turn limit is checked against the scenario and ends the game where it says', async ({
  page,
}) => {
  await page.goto('/');
  const turns = page.getByTestId('turn-limit');
  await expect(turns).toHaveValue(String(MAX_TURNS));
  await expect(turns).toHaveAttribute('max', String(MAX_TURNS));
  await turns.fill('40');
  await page.getByTestId('start').click();
  await expect(page.getByTestId('setup-error')).toContainText('1 to 26 turns');
  await expect(turns).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('setup')).toBeVisible();

  await turns.fill('3');
  await chooseSeat(page, 'usa', 'ai');
  await page.getByTestId('seed').fill('e2e-turns');
  await page.getByTestId('start').click();
  await expect(page.getByTestId('turn')).toHaveText(/of 3$/);
  await page.getByTestId('speed').selectOption('max');
  await expect(page.getByTestId('end-screen')).toBeVisible({ timeout: 60_000 });
  const r = await page.evaluate(() => {
    const d = window.__secondFront!.game()!.driver;
    return { turn: d.view().ctx.state.turn, outcome: d.view().ctx.state.outcome, rec: d.replay() };
  });
  expect(r.turn).toBe(3);
  expect(r.outcome?.turn).toBe(3);
  expect(r.rec.turnLimit).toBe(3);
  expect(r.rec.turnHashes).toHaveLength(3);
});

test('news goes away by itself, a problem stays until dismissed (button or Escape)', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto('/');
  const notice = page.getByTestId('notice');
  const custom = {
    extends: 'two-front',
    id: 'short-notice',
    name: 'Short notice',
    summary: 'Three turns of the baseline.',
    briefing: ['Three turns.'],
    calendar: { maxTurns: 3 },
  };
  await openFile(page, 'short.json', JSON.stringify(custom));
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Scenario "Short notice" loaded');
  await expect(notice).toHaveAttribute('role', 'status');
  await page.clock.runFor(4000);
  await expect(notice).toBeVisible();
  await page.clock.runFor(5000);
  await expect(notice).toBeHidden();
  // The turn limit follows the newly selected scenario.
  await expect(page.getByTestId('turn-limit')).toHaveAttribute('max', '3');

  await openFile(page, 'broken.json', '{"format": "second-front-replay", ');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'alert');
  await page.clock.runFor(120_000);
  await expect(notice).toBeVisible();
  const close = page.getByRole('button', { name: 'Dismiss this notice' });
  await close.focus();
  await page.keyboard.press('Escape');
  await expect(notice).toBeHidden();

  // And the close button, for news too.
  await openFile(page, 'short-2.json', JSON.stringify({ ...custom, id: 'short-notice-2' }));
  await expect(notice).toBeVisible();
  await close.click();
  await expect(notice).toBeHidden();
});

test('end screen: the outcome explained, a timeline that agrees with the chart, CSV files of the game', async ({
  page,
}) => {
  // csis-base, seed 1: the Indo-Pacific climbs to theater war and nuclear signalling, then falls
  // back to blockade/hybrid in turn 8 through talks and a settlement.
  await page.goto('/');
  await page.getByTestId('scenario-csis-base').check({ force: true });
  await page.getByTestId('turn-limit').fill('9');
  await chooseSeat(page, 'usa', 'ai');
  await page.getByTestId('seed').fill('1');
  await page.getByTestId('start').click();
  await expect(page.getByTestId('game')).toBeVisible();
  await page.getByTestId('speed').selectOption('max');
  const end = page.getByTestId('end-screen');
  await expect(end).toBeVisible({ timeout: 90_000 });

  const game = await page.evaluate(() => {
    const v = window.__secondFront!.game()!.driver.view();
    return {
      tracks: v.ctx.tracks,
      outcome: v.ctx.state.outcome!,
      decisions: v.ctx.log.filter((e) => e.type === 'decision').length,
    };
  });
  // csis-base extends the baseline and keeps its outcome rules.
  const rule = twoFront.outcomes.find((o) => o.id === game.outcome.id);
  expect(rule).toBeDefined();
  await expect(page.getByTestId('outcome-description')).toHaveText(rule!.description);
  await expect(page.getByTestId('outcome-rule')).toContainText('Why:');
  await expect(page.getByTestId('outcome-rule')).toContainText(game.outcome.id);
  await expect(page.getByTestId('outcome-rule')).toContainText('At the end: Indo-Pacific at');

  // Every ladder line of the timeline names the rung the chart's data has at that turn.
  const moves = await page
    .getByTestId('timeline')
    .locator('li[data-ladder]')
    .evaluateAll((lis) =>
      lis.map((li) => ({
        turn: Number(li.getAttribute('data-turn')),
        ladder: li.getAttribute('data-ladder')!,
        to: Number(li.getAttribute('data-to')),
        kind: li.getAttribute('data-kind')!,
        text: li.textContent ?? '',
      })),
    );
  expect(moves.some((m) => m.kind === 'fall')).toBe(true);
  for (const m of moves) {
    const i = game.tracks.findIndex((t) => t.turn === m.turn);
    const key = `escalation.${m.ladder}`;
    expect(game.tracks[i]?.[key], m.text).toBe(m.to);
    if (i > 0) {
      const before = game.tracks[i - 1]![key]!;
      expect(m.kind, m.text).toBe(m.to > before ? 'rise' : 'fall');
      expect(m.text).toContain(m.kind === 'rise' ? 'rises to' : 'falls back to');
    }
  }
  const fall = moves.find((m) => m.kind === 'fall' && m.ladder === 'indoPacific');
  expect(fall?.text).toContain('falls back to blockade/hybrid (rung 3), from nuclear signalling');

  // CSV of the tracks: a head row of names, a row per turn.
  const tracksDl = page.waitForEvent('download');
  await page.getByTestId('export-tracks').click();
  const tFile = await tracksDl;
  expect(tFile.suggestedFilename()).toBe('csis-base-seed-1-tracks.csv');
  const tText = readFileSync((await tFile.path())!, 'utf8');
  const tRows = tText.trimEnd().split('\r\n');
  expect(tRows).toHaveLength(game.tracks.length + 1);
  expect(tRows[0]).toMatch(/^Turn,Campaign hour,/);
  expect(tRows[0]).toContain('NATO cohesion');
  const head = fields(tRows[0]!);
  expect(head).toContain('Indo-Pacific escalation (rung 0-7)');
  const cohesion = head.indexOf('NATO cohesion');
  const ladder = head.indexOf('Indo-Pacific escalation (rung 0-7)');
  tRows.slice(1).forEach((row, i) => {
    const f = fields(row);
    expect(f).toHaveLength(head.length);
    expect(Number(f[0])).toBe(game.tracks[i]!['turn']);
    expect(Number(f[cohesion])).toBe(game.tracks[i]!['natoCohesion']);
    expect(Number(f[ladder])).toBe(game.tracks[i]!['escalation.indoPacific']);
  });

  // CSV of the decisions: one row per decision, each said to be the AI's (no human seat here).
  const decisionsDl = page.waitForEvent('download');
  await page.getByTestId('export-decisions').click();
  const dFile = await decisionsDl;
  const dRows = readFileSync((await dFile.path())!, 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(dRows[0]).toBe('Turn,Actor,Decision,Target,Amount,Decided by');
  expect(dRows).toHaveLength(game.decisions + 1);
  expect(dRows.slice(1).every((r) => /,(AI|scenario lever)$/.test(r))).toBe(true);

  // Printed: a light page with the end screen only, no buttons.
  await page.emulateMedia({ media: 'print' });
  // What prints is the end screen itself, its timeline and its charts on the page.
  await expect(page.getByTestId('outcome')).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.getByTestId('charts').locator('svg.chart').first()).toBeVisible();
  await expect(page.locator('canvas').first()).toBeHidden();
  const look = await page.evaluate(() => ({
    bg: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.querySelector('.end-screen h1')!).color,
    buttons: [...document.querySelectorAll('.end-screen button')].filter(
      (b) => getComputedStyle(b).display !== 'none',
    ).length,
    topbar: getComputedStyle(document.querySelector('.topbar')!).display,
    charts: document.querySelectorAll('.end-screen svg.chart').length,
  }));
  expect(look).toEqual({
    bg: 'rgb(255, 255, 255)',
    text: 'rgb(17, 17, 17)',
    buttons: 0,
    topbar: 'none',
    charts: 3,
  });
});

test('the fixture still starts a game with chosen seats from the folded sides', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-fold', humans: ['china'] });
  const r = await page.evaluate(() => window.__secondFront!.game()!.driver.setup.controllers);
  expect(r.china).toBe('human');
  expect(r.usa).toBe('ai');
});
