import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../../src/sim/ids';
import { startClassroomServer } from './classroom-server';
import { violations } from './fixtures';

/**
 * A classroom session in real browsers against the real server (`src/server/main.ts`, spawned on
 * the built game with a SQLite store in a temporary folder): the facilitator and seven teams,
 * each in its own browser context, play three turns with messages, a pause and a phase clock
 * running out; the server is killed mid-turn and started again on the same folder, and every
 * page comes back to the same turn with the same orders locked. The join page, a team's screen
 * and the facilitator's console have no accessibility violations. Screenshots of the console and
 * of a team's screen at 1280×720 go to docs/screenshots/ when `SCREENSHOTS=1` (so that `npm
 * test` leaves the committed pictures as they are).
 */

const PORT = Number(process.env['CLASSROOM_PORT'] ?? 4721);
const BASE = `http://127.0.0.1:${PORT}`;
const startServer = (data: string) => startClassroomServer(data, PORT);
/** The phase clock: short, so it runs out in the test; extended where the teams need longer. */
const CLOCK_SECONDS = 10;

/** Console errors of every page, but those a dropped connection makes while the server is down. */
function watch(page: Page, name: string, errors: string[], down: () => boolean): void {
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (down() && /WebSocket|ERR_CONNECTION|Failed to load resource|socket\.io/i.test(m.text()))
      return;
    errors.push(`${name}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${name}: ${String(e)}`));
}

const TEAMS: readonly PlayableActorId[] = PLAYABLE_ACTORS;
const NAMES: Record<PlayableActorId, string> = {
  china: 'Mei',
  russia: 'Ivan',
  usa: 'Ana',
  'nato-europe': 'Jonas',
  taiwan: 'Wen',
  japan: 'Yuki',
  ukraine: 'Olena',
};

async function turnOf(page: Page): Promise<number> {
  return page.evaluate(() => window.__secondFront!.classroom()!.connection.state!.game!.turn);
}

async function stateHash(page: Page): Promise<string> {
  return page.evaluate(() => window.__secondFront!.classroom()!.connection.state!.game!.stateHash);
}

async function expectTurn(pages: readonly Page[], turn: number): Promise<void> {
  for (const p of pages)
    await expect(p.getByTestId('turn')).toHaveText(new RegExp(`^Turn ${turn} of`));
}

test.describe.configure({ mode: 'serial' });
// Eight pages on two cores: an action that waits longer than this is stuck, not slow.
test.use({ actionTimeout: 30_000 });

test('eight browsers play three turns of a classroom session, through a server restart', async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const data = mkdtempSync(join(tmpdir(), 'sf-classroom-e2e-'));
  const errors: string[] = [];
  let down = false;
  let server = await startServer(data);
  const contexts: BrowserContext[] = [];
  const open = async (b: Browser, size: { width: number; height: number }, name: string) => {
    const ctx = await b.newContext({ viewport: size });
    contexts.push(ctx);
    const page = await ctx.newPage();
    watch(page, name, errors, () => down);
    return page;
  };
  try {
    // --- the facilitator creates the session ---------------------------------------------------
    const fac = await open(browser, { width: 1280, height: 720 }, 'facilitator');
    await fac.goto(server.facilitatorUrl);
    await expect(fac.getByTestId('classroom-setup')).toBeVisible();
    await fac.getByTestId('seed').fill('classroom-e2e');
    await fac.getByTestId('fold-sides').locator('summary').click();
    for (const t of TEAMS) {
      await fac.locator(`label[for="seat-${t}-human"]`).click();
      await expect(fac.getByTestId(`seat-${t}-human`)).toBeChecked();
    }
    await fac.getByTestId('classroom-title').fill('Seminar 3');
    await fac.getByTestId('classroom-clock').fill(`${CLOCK_SECONDS}s`);
    await fac.getByTestId('classroom-create').click();
    await expect(fac.getByTestId('lobby')).toBeVisible();
    const code = (await fac.getByTestId('join-code').first().textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const joinUrl = await fac.getByTestId('join-url').inputValue();
    expect(joinUrl).toBe(`${BASE}/#join=${code}`);
    await expect(fac.getByTestId('join-qr').or(fac.locator('.qr.big'))).toHaveCount(2);
    expect(await violations(fac), 'the console in the lobby').toEqual([]);

    // --- seven students join: six by the link, one types the code; six pick, one is placed ----
    const teams = {} as Record<PlayableActorId, Page>;
    for (const [i, t] of TEAMS.entries()) {
      const size = i % 3 === 1 ? { width: 1024, height: 768 } : { width: 1280, height: 720 };
      const p = await open(browser, size, t);
      teams[t] = p;
      if (t === 'ukraine') {
        await p.goto(`${BASE}/#join`);
        await expect(p.getByTestId('join-code-input')).toBeFocused();
        await p.getByTestId('join-code-input').fill(code.toLowerCase().replace('-', ' '));
        expect(await violations(p), 'the join page').toEqual([]);
      } else {
        await p.goto(joinUrl);
        await expect(p.getByTestId('join-name')).toBeFocused();
      }
      await p.getByTestId('join-name').fill(NAMES[t]);
      await p.getByTestId('join-submit').click();
      if (t === 'ukraine') continue;
      await p.getByTestId(`pick-${t}`).click();
      await expect(p.getByTestId('waiting-start')).toBeVisible();
    }
    // The last one waits to be placed: the facilitator puts Olena on Ukraine.
    const olena = fac.getByTestId('unplaced').locator('li', { hasText: 'Olena' });
    await expect(olena).toBeVisible();
    await olena.locator('select').selectOption('ukraine');
    await expect(teams.ukraine.getByTestId('waiting-start')).toBeVisible();
    await expect(fac.getByTestId('unplaced')).toBeHidden();
    for (const t of TEAMS) await expect(fac.getByTestId(`team-${t}`)).toContainText(NAMES[t]);
    expect(await violations(teams.ukraine), 'the lobby').toEqual([]);

    // --- turn 1: more time at once; messages, a pause, then everyone's orders ----------------
    await fac.getByTestId('control-start').click();
    await expect(fac.getByTestId('console-state')).toHaveText(/^Turn 1 of/);
    await fac.getByTestId('control-extend-5').click();
    const all = [fac, ...TEAMS.map((t) => teams[t])];
    await expectTurn(all, 1);
    await expect(teams.usa.getByTestId('decision-panel')).toBeVisible();
    await expect(teams.usa.getByTestId('clock')).toHaveText(/^5:\d\d left$/);
    await expect(teams.usa.getByTestId('ready')).toHaveText('0 of 7 teams ready');
    // Within a team, to another team, to control; control to all. Text stays text.
    const say = async (p: Page, to: string, text: string): Promise<void> => {
      const panel = p.getByTestId('messages');
      if (!(await panel.isVisible())) await p.getByTestId('messages-toggle').click();
      await p.getByTestId('message-to').selectOption(to);
      await p.getByTestId('message-text').fill(text);
      await p.getByTestId('message-send').click();
      await expect(panel.getByTestId('message').last()).toContainText(text);
    };
    await say(teams.usa, 'team', 'Hold the line in the Pacific');
    await say(teams.usa, 'japan', 'Can we count on your bases?');
    await say(teams.china, 'control', 'Is <b>this</b> allowed?');
    await say(fac, 'all', 'Welcome. Turn 2 will be short.');
    await expect(teams.japan.getByTestId('messages-toggle')).toHaveAccessibleName(
      'Messages, 2 unread',
    );
    await expect(teams.russia.getByTestId('messages-toggle')).toHaveAccessibleName(
      'Messages, 1 unread',
    );
    await teams.japan.getByTestId('messages-toggle').click();
    await expect(teams.japan.getByTestId('message')).toHaveText([
      /Ana to Japan · turn 1Can we count on your bases\?/,
      /Control to everyone · turn 1Welcome/,
    ]);
    await expect(teams.japan.getByTestId('messages-toggle')).toHaveAccessibleName('Messages');
    // A team reads neither another team's own talk nor what a team wrote to control.
    await teams.russia.getByTestId('messages-toggle').click();
    await expect(teams.russia.getByTestId('message')).toHaveCount(1);
    await expect(teams.usa.getByTestId('message')).toHaveCount(3);
    await expect(
      fac.getByTestId('message').filter({ hasText: 'Is <b>this</b> allowed?' }),
    ).toHaveCount(1);
    await expect(fac.locator('.message-text b')).toHaveCount(0);
    // The pause: every team sees it, the clock stops, orders wait.
    await fac.getByTestId('control-pause').click();
    for (const t of TEAMS)
      await expect(teams[t].getByTestId('session-banner')).toHaveText('Paused by the facilitator');
    await expect(teams.usa.getByTestId('clock')).toHaveText(/^\d:\d\d left \(paused\)$/);
    await teams.taiwan.getByTestId('submit-decisions').click();
    await expect(teams.taiwan.getByTestId('decision-error')).toContainText('paused');
    expect(await violations(teams.usa), 'a team screen, paused').toEqual([]);
    await fac.getByTestId('control-pause').click();
    await expect(teams.usa.getByTestId('session-banner')).toBeHidden();
    for (const t of TEAMS.slice(0, 4)) {
      await teams[t].getByTestId('submit-decisions').click();
      await expect(teams[t].getByTestId('orders-locked')).toBeVisible();
      await expect(teams[t].getByTestId('decision-panel')).toBeHidden();
    }
    await expect(fac.getByTestId('ready')).toHaveText('4 of 7 teams ready');
    await expect(fac.getByTestId('team-state-china')).toHaveText('orders in');
    // The pictures: a team deciding with its messages open, and the console mid-turn.
    await expect(teams.japan.getByTestId('messages')).toBeVisible();
    await teams.japan.waitForTimeout(600);
    if (process.env['SCREENSHOTS'] === '1') {
      await teams.japan.screenshot({ path: 'docs/screenshots/classroom-team-1280.png' });
      await fac.screenshot({ path: 'docs/screenshots/classroom-facilitator-1280.png' });
    }
    expect(await violations(teams.japan), 'a team screen with its messages').toEqual([]);
    expect(await violations(fac), 'the console mid-game').toEqual([]);
    for (const t of TEAMS.slice(4)) await teams[t].getByTestId('submit-decisions').click();

    // --- turn 2: nobody is in when the clock runs out: every team holds --------------------
    await expectTurn(all, 2);
    await expect(teams.usa.getByTestId('clock')).toHaveText(/^0:\d\d left$/);
    await expectTurn(all, 3);
    await expect(
      fac.getByTestId('message').filter({ hasText: 'Turn 2: time ran out' }),
    ).toHaveCount(1);
    await expect(teams.russia.getByTestId('message')).toHaveCount(2);

    // --- turn 3: half the orders in, then the server dies and comes back ----------------------
    await fac.getByTestId('control-extend-5').click();
    await expect(teams.usa.getByTestId('clock')).toHaveText(/^5:\d\d left$/);
    const locked = TEAMS.slice(0, 3);
    for (const t of locked) {
      await teams[t].getByTestId('submit-decisions').click();
      await expect(teams[t].getByTestId('orders-locked')).toBeVisible();
    }
    await expect(fac.getByTestId('ready')).toHaveText('3 of 7 teams ready');
    const hash = await stateHash(fac);
    down = true;
    await server.stop('SIGKILL');
    await expect(teams.usa.getByTestId('session-banner')).toHaveText(/reconnecting/);
    server = await startServer(data);
    for (const p of all)
      await expect(p.getByTestId('session-banner')).toBeHidden({ timeout: 30_000 });
    down = false;
    await expectTurn(all, 3);
    for (const p of all) expect(await stateHash(p)).toBe(hash);
    for (const t of TEAMS)
      if (locked.includes(t)) {
        await expect(teams[t].getByTestId('orders-locked')).toBeVisible();
        await expect(teams[t].getByTestId('decision-panel')).toBeHidden();
      } else await expect(teams[t].getByTestId('decision-panel')).toBeVisible();
    await expect(fac.getByTestId('ready')).toHaveText('3 of 7 teams ready');
    await expect(teams.russia.getByTestId('message')).toHaveCount(2);
    // A reload returns to the same seat too (the keys are kept in the browser): a team's, and
    // the facilitator's console.
    await fac.reload();
    await expect(fac.getByTestId('console-state')).toHaveText(/^Turn 3 of/);
    await expect(fac.getByTestId('ready')).toHaveText('3 of 7 teams ready');
    await teams['nato-europe'].reload();
    await expect(teams['nato-europe'].getByTestId('turn')).toHaveText(/^Turn 3 of/);
    await expect(teams['nato-europe'].getByTestId('decision-panel')).toBeVisible();
    // Ukraine's seat goes to the AI, which decides at once while the team watches; then back.
    await fac.getByTestId('seat-ukraine').click();
    await expect(teams.ukraine.getByTestId('status')).toHaveText(/the AI is playing Ukraine/);
    await expect(teams.ukraine.getByTestId('decision-panel')).toBeHidden();
    await expect(fac.getByTestId('team-state-ukraine')).toHaveText('orders in');
    await fac.getByTestId('seat-ukraine').click();
    await expect(fac.getByTestId('seat-ukraine')).toHaveText('Hand to AI');
    await expect(fac.getByTestId('ready')).toHaveText('4 of 7 teams ready');
    for (const t of TEAMS.filter((x) => !locked.includes(x) && x !== 'ukraine'))
      await teams[t].getByTestId('submit-decisions').click();
    await expectTurn(all, 4);
    await expect(teams.ukraine.getByTestId('decision-panel')).toBeVisible();
    const after = await stateHash(fac);
    for (const p of all) expect(await stateHash(p)).toBe(after);
    expect(await turnOf(teams.ukraine)).toBe(4);

    // --- the end: export the replay, end the session -------------------------------------------
    const download = fac.waitForEvent('download');
    await fac.getByTestId('control-export').click();
    expect((await download).suggestedFilename()).toMatch(/\.json$/);
    await fac.getByTestId('control-end').click();
    await fac.getByTestId('control-end').click();
    await expect(fac.getByTestId('console-state')).toHaveText('The session has ended.');
    expect(errors).toEqual([]);
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    await server.stop().catch(() => undefined);
    rmSync(data, { recursive: true, force: true });
  }
});
