import { readFileSync } from 'node:fs';
import { engine, expect, startGame, test } from './fixtures';

/** The setup screen: what a new player sees first, and starting a game from it. */

test('setup lists the scenarios with briefing and sources, sides, seed and levers', async ({
  page,
}) => {
  await page.goto('/');
  const setup = page.getByTestId('setup');
  await expect(setup).toBeVisible();
  for (const id of [
    'two-front',
    'skeptic',
    'hague-target',
    'ukraine-falls',
    'taiwan-alone',
    'europe-first',
  ])
    await expect(page.getByTestId(`scenario-${id}`)).toBeAttached();
  await expect(page.getByTestId('scenario-two-front')).toBeChecked();
  await expect(page.getByRole('region', { name: 'Briefing' })).toContainText('Rutte');
  await page.getByText(/^Sources \(\d+\)$/).click();
  // Every source the baseline declares is listed (read from the file, so a new source is no edit here).
  const declared = Object.keys(
    (JSON.parse(readFileSync('scenarios/two-front.json', 'utf8')) as { sources: object }).sources,
  ).length;
  await expect(page.locator('.sources li')).toHaveCount(declared);

  // Sides: the United States is the human seat by default, the others the AI.
  await expect(page.getByTestId('seat-usa-human')).toBeChecked();
  await expect(page.getByTestId('seat-china-ai')).toBeChecked();

  // The seed is random by default, shown and editable.
  const seed = await page.getByTestId('seed').inputValue();
  expect(seed).toMatch(/^[a-z0-9]{6}$/);
  await page.reload();
  expect(await page.getByTestId('seed').inputValue()).not.toBe(seed);

  // Every lever is a labelled control with its one-line meaning.
  for (const lever of ['usIntervention', 'japanBases', 'article5Credibility', 'russiaCourse']) {
    const row = page.getByTestId(`lever-${lever}`);
    await expect(row.locator('label').first()).not.toBeEmpty();
    await expect(row.locator('.meaning')).not.toBeEmpty();
  }
  await expect(page.locator('#lever-article5Credibility')).toHaveAttribute('min', '0');
  await expect(page.locator('#lever-article5Credibility')).toHaveAttribute('max', '1');

  // Choosing a variant shows its own briefing.
  await page.getByTestId('scenario-skeptic').check({ force: true });
  await expect(page.getByRole('region', { name: 'Briefing' })).toContainText('critics');
});

test('one click on Start begins the baseline with the chosen seed, the map and the phases', async ({
  page,
}) => {
  await startGame(page, { seed: 'e2e-start' });
  await expect(page.locator('canvas')).toBeVisible();
  await expect(page.getByTestId('turn')).toHaveText('Turn 1 of 26');
  // The engine stops for the human seat in the decisions phase of turn 1.
  await expect(page.getByTestId('decision-panel')).toBeVisible();
  const e = await engine(page);
  expect(e).toMatchObject({ turn: 1, phase: 'decisions', waiting: ['usa'] });
  await expect(page.locator('.phases li.current')).toHaveText(/Decisions/);
  const seed = await page.evaluate(() => window.__secondFront!.game()!.driver.setup.seed);
  expect(seed).toBe('e2e-start');
});
