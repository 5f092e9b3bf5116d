import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ReplayRecord } from '../../src/sim/replay';
import {
  chooseSeat,
  expect,
  openFile,
  playedGame,
  playTurns,
  savedGames,
  startGame,
  test,
  waitForHuman,
  waitForViewer,
} from './fixtures';

/**
 * Files and links come from outside. Every bad one gets a clear message in the page, and the game
 * in progress, the saved games and the page itself stay exactly as they were. Nothing from a file
 * is run or inserted as markup, and the page's Content Security Policy allows no inline or remote
 * script.
 */

async function snapshot(
  page: Page,
): Promise<{ screen: string; hash: string; turn: number; saves: string }> {
  const saves = await savedGames(page);
  return page.evaluate((s) => {
    const app = window.__secondFront!;
    const d = app.game()!.driver;
    return { screen: app.screen(), hash: d.stateHash(), turn: d.view().ctx.state.turn, saves: s };
  }, saves);
}

test('every bad replay or scenario file shows its message; the game and the saves are untouched', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const record = await playedGame(page, 'e2e-bad', 3);
  const good = JSON.stringify(record, null, 2);
  const edit = (f: (r: ReplayRecord & Record<string, unknown>) => void): string => {
    const r = structuredClone(record) as ReplayRecord & Record<string, unknown>;
    f(r);
    return JSON.stringify(r);
  };
  const aiTurn2 = record.decisions[1]!.russia ?? [];
  const cases: { name: string; file: string; content: string | Buffer; says: RegExp }[] = [
    {
      name: 'malformed JSON',
      file: 'bad.json',
      content: '{"format": "second-front-replay",,}',
      says: /bad\.json: expected valid JSON, found a syntax error at line 1, column \d+/,
    },
    {
      name: 'truncated',
      file: 'cut.json',
      content: good.slice(0, Math.floor(good.length / 2)),
      says: /cut\.json: expected valid JSON, found a syntax error at line \d+/,
    },
    {
      name: 'empty',
      file: 'empty.json',
      content: '',
      says: /empty\.json: expected a JSON document, found an empty file/,
    },
    {
      name: 'wrong kind',
      file: 'package.json',
      content: '{"name": "x", "version": "1.0.0"}',
      says: /package\.json: at \$\.format: expected "second-front-replay" or "second-front-scenario".*found no "format" key/,
    },
    {
      name: 'a JSON array',
      file: 'list.json',
      content: '[1, 2, 3]',
      says: /list\.json: at \$: expected a Second Front replay or scenario.*found an array/,
    },
    {
      name: 'newer format',
      file: 'future.json',
      content: edit((r) => (r.formatVersion = 99)),
      says: /future\.json: .*made by a newer Second Front \(format 99\)/,
    },
    {
      name: 'unknown scenario',
      file: 'atlantis.json',
      content: edit((r) => (r.scenarioId = 'atlantis')),
      says: /scenario "atlantis", which this game does not have/,
    },
    {
      name: 'scenario version mismatch',
      file: 'old.json',
      content: edit((r) => (r.scenarioHash = '0123456789abcdef')),
      says: new RegExp(
        `different version of scenario "two-front" \\(the replay's version 0123456789abcdef, this game's version [0-9a-f]{16}\\)`,
      ),
    },
    {
      // Recorded under rules 1.0.0, before the rules version was bumped: refused by name.
      name: 'other rules',
      file: 'rules-1.0.0.json',
      content: readFileSync(new URL('../fixtures/replay-rules-1.0.0.json', import.meta.url)),
      says: /made under rules 1\.0\.0; this is rules \d+\.\d+\.\d+/,
    },
    {
      name: 'illegal decision',
      file: 'illegal.json',
      content: edit((r) => (r.decisions[1]!.usa = [{ type: 'usa.launch-the-moon' } as never])),
      says: /at turn 2, illegal decision for usa/,
    },
    {
      name: 'altered decision',
      file: 'altered.json',
      content: edit(
        (r) => (r.decisions[1]!.russia = aiTurn2.length ? [] : [{ type: 'russia.disinformation' }]),
      ),
      says: /at turn 2, russia's decisions differ/,
    },
    {
      name: 'altered hash',
      file: 'hash.json',
      content: edit((r) => (r.turnHashes[2] = 'ffffffffffffffff')),
      says: /at turn 3, state hash differs/,
    },
    {
      name: 'oversized',
      file: 'huge.json',
      content: Buffer.alloc(5 * 1024 * 1024 + 10, 0x20),
      says: /huge\.json: expected a file of at most 5 MB, found 5\.0 MB/,
    },
    {
      name: 'scenario with errors',
      file: 'broken-scenario.json',
      content:
        '{"extends": "two-front", "calendar": {"turnHours": "soon"}, "regions": {"estonia": {"value": -4}}}',
      says: /broken-scenario\.json is not a scenario this game can play:.*\$\.calendar\.turnHours/s,
    },
    {
      name: 'scenario extending an unknown one',
      file: 'orphan.json',
      content: '{"extends": "no-such-base", "name": "x"}',
      says: /orphan\.json: at \$\.extends: expected the id of a known scenario, found "no-such-base"/,
    },
  ];
  const before = await snapshot(page);
  expect(before.screen).toBe('game');
  for (const c of cases) {
    await openFile(page, c.file, c.content);
    const notice = page.getByTestId('notice');
    await expect(notice, c.name).toBeVisible();
    await expect(notice, c.name).toContainText(c.says);
    expect(await snapshot(page), c.name).toEqual(before);
    await page.getByTestId('notice-close').click();
    await expect(notice).toBeHidden();
  }
  // The game goes on as if nothing had happened.
  await playTurns(page, 1);
  expect((await snapshot(page)).turn).toBe(5);
});

test('a damaged share link shows a message and the page works on', async ({ page }) => {
  await startGame(page, { seed: 'e2e-link' });
  await waitForHuman(page);
  const before = await snapshot(page);
  for (const [name, hash, says] of [
    ['cut short', '#replay=1.N4IgLgpgTgZglgDwgLhAFQJ4AcIBpEBqAwgK', /damaged or incomplete/],
    ['not compressed data', '#replay=1.!!!%%%', /damaged or incomplete/],
    ['newer version', '#replay=7.abc', /newer Second Front \(link version 7\)/],
    ['no version', '#replay=abc', /damaged or incomplete/],
  ] as const) {
    await page.evaluate((h) => (location.hash = h), hash);
    await expect(page.getByTestId('notice'), name).toContainText(says);
    expect(await snapshot(page), name).toEqual(before);
    await page.getByTestId('notice-close').click();
  }
  // Opened as a page, a damaged link leaves the start screen usable.
  await page.goto('about:blank');
  await page.goto('/#replay=1.N4IgLgpgTgZglgDwgLhAFQJ4A');
  await expect(page.getByTestId('notice')).toContainText('damaged or incomplete');
  await expect(page.getByTestId('setup')).toBeVisible();
  await expect(page.getByTestId('continue')).toBeVisible();
});

test('a custom scenario file: HTML and script in its text is shown as text and never runs', async ({
  page,
}) => {
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const custom = {
    extends: 'two-front',
    id: 'custom-html',
    name: `Custom ${payload}`,
    summary: `Summary ${payload}`,
    briefing: [`Briefing ${payload}`],
    calendar: { maxTurns: 5 },
  };
  await page.goto('/');
  await openFile(page, 'custom.json', JSON.stringify(custom));
  const card = page.locator('.scenario-card', { hasText: 'Custom <img' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Custom · custom.json');
  await expect(page.locator('.briefing')).toContainText(`Briefing ${payload}`);
  expect(await page.locator('.setup img, .setup script').count()).toBe(0);
  // The custom scenario plays, and its replay carries it so it opens anywhere.
  await chooseSeat(page, 'usa', 'ai');
  await page.getByTestId('start').click();
  await expect(page.getByTestId('game')).toBeVisible();
  await expect(page.getByTestId('end-screen')).toBeVisible({ timeout: 60_000 });
  const record = await page.evaluate(() => window.__secondFront!.game()!.driver.replay());
  expect(record.scenarioId).toBe('custom-html');
  expect(record.turnHashes).toHaveLength(5);
  expect(record.scenario).toBeDefined();
  // Too long for a link (it carries the scenario): offered as a file instead, with the reason.
  await page.getByRole('button', { name: 'Back to the map' }).click();
  const download = page.waitForEvent('download');
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-share').click();
  await expect(page.getByTestId('notice')).toContainText('too long for a share link');
  const file = readFileSync(await (await download).path(), 'utf8');
  await page.getByTestId('notice-close').click();
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-new').click();
  await openFile(page, 'custom-replay.json', file);
  await waitForViewer(page);
  await expect(page.locator('.topbar .scenario-name')).toHaveText(`Custom ${payload}`);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
});

test('the Content Security Policy blocks inline script', async ({ page, errors }) => {
  await page.goto('/');
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  const scriptSrc = /script-src ([^;]*)/.exec(csp ?? '')?.[1] ?? '';
  expect(scriptSrc.trim()).toBe("'self'");
  const blocked = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), {
          once: true,
        });
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.body.append(s);
      }),
  );
  expect(blocked).toMatch(/^script-src/);
  expect(
    await page.evaluate(() => (window as unknown as { __inline?: number }).__inline),
  ).toBeUndefined();
  // The browser reports the refusal on the console: that error is this test's point, not a bug.
  const refused = errors.filter((e) => /Content Security Policy/.test(e));
  expect(refused.length).toBeGreaterThan(0);
  errors.splice(0, errors.length, ...errors.filter((e) => !/Content Security Policy/.test(e)));
});

test('a replay dropped on the page opens in the viewer', async ({ page }) => {
  await startGame(page, { seed: 'e2e-drop', humans: [] });
  await page.waitForFunction(() => window.__secondFront!.game()!.driver.view().ctx.state.turn >= 3);
  await page.getByTestId('play').click();
  const record = await page.evaluate(() => window.__secondFront!.game()!.driver.replay());
  const text = JSON.stringify(record);
  await page.goto('/');
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
    return d;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
  await expect(page.locator('.drop-hint')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await waitForViewer(page);
  await expect(page.getByTestId('replay-status')).toContainText('From dropped.json');
  expect(await page.evaluate(() => window.__secondFront!.replay()!.probe().hash)).toBe(
    record.finalHash,
  );
});
