import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createServer } from 'vite';
import {
  contentSecurityPolicy,
  headersFile,
  securityHeaders,
} from '../../src/app/security-headers';
import { expect, playTurns, startGame, test } from './fixtures';

/**
 * The security headers as a browser meets them: the preview server sends the policy (with
 * frame-ancestors 'none') and the built page carries its meta fallback; a page of another origin
 * that frames the game gets an empty frame; the game itself runs under the policy without a
 * single violation, in the build and on the dev server (whose HMR socket is allowed by its exact
 * origin only).
 */

declare global {
  interface Window {
    __cspViolations?: string[];
    __framed?: boolean;
  }
}

/** Record every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations!.push(
        `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    );
  });
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations ?? ['not watched']);

/**
 * A page at another origin (another loopback port: a made-up host would be refused by Chromium's
 * local network access checks before the policy is even read) whose only content is an iframe
 * of the game. Resolves with its address once it listens.
 */
async function framerFor(game: string): Promise<{ url: string; close: () => Promise<void> }> {
  const html = `<!doctype html><title>framer</title><iframe src="${game}" width="900" height="600" onload="window.__framed = true"></iframe>`;
  const server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Open the framer page; resolve once the iframe has finished loading (whatever it loaded). */
async function openFramer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__framed === true);
}

test('the page is sent with the policy and its meta fallback, and the game plays under it', async ({
  page,
  request,
  baseURL,
}) => {
  await watchViolations(page);
  const res = await page.goto('/');
  expect(res?.status()).toBe(200);
  const headers = res!.headers();
  for (const [name, value] of Object.entries(securityHeaders()))
    expect(headers[name.toLowerCase()], name).toBe(value);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).not.toMatch(/\bwss?:(?!\/\/)/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  // Scripts and the atlas come with nosniff too.
  const script = await page.locator('script[type=module]').first().getAttribute('src');
  const js = await request.get(new URL(script!, baseURL).href);
  expect(js.headers()['x-content-type-options']).toBe('nosniff');
  expect(js.headers()['content-type']).toMatch(/javascript/);

  // The meta fallback for hosts that send no headers, and the _headers file for those that read
  // one, are the same policy.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    contentSecurityPolicy({ meta: true }),
  );
  const file = await request.get('/_headers');
  expect(file.status()).toBe(200);
  expect(await file.text()).toBe(headersFile());

  // The game starts (the world atlas fetched, Phaser's textures made), plays a turn and exports
  // its replay through a blob: download, with no violation (the fixture also fails on any
  // console error, which is how Chromium reports one).
  await startGame(page, { seed: 'headers' });
  await page.getByTestId('speed').selectOption('max');
  await playTurns(page, 1);
  const download = page.waitForEvent('download');
  await page.getByTestId('game-menu').click();
  await page.getByTestId('menu-export').click();
  const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
    turnHashes: string[];
  };
  expect(saved.turnHashes.length).toBeGreaterThanOrEqual(1);
  expect(await violations(page)).toEqual([]);
});

test('a page of another origin that frames the game gets an empty frame', async ({
  page,
  baseURL,
  errors,
}) => {
  const game = new URL('/', baseURL).href;
  const framer = await framerFor(game);
  const framedRequests: string[] = [];
  page.on('request', (r) => {
    if (r.frame() !== page.mainFrame() && r.url() !== game) framedRequests.push(r.url());
  });
  const response = page.waitForResponse(game);
  await openFramer(page, framer.url).finally(framer.close);

  // The server did answer the frame's request, with the header that forbids it.
  expect((await response).headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame, 'the iframe').toBeDefined();
  // Chromium put its error page in the frame instead of the game: no game DOM, and none of the
  // game's scripts, styles or data were requested from inside it.
  expect(frame!.url()).not.toBe(game);
  expect(await frame!.locator('#app, [data-testid=setup], canvas').count()).toBe(0);
  expect(framedRequests).toEqual([]);

  // Chromium reports the refusal on the console; that is this test's expected error.
  const refusal = errors.findIndex((e) => e.includes("frame-ancestors 'none'"));
  expect(refusal, `console: ${JSON.stringify(errors)}`).toBeGreaterThanOrEqual(0);
  errors.splice(refusal, 1);
});

test('the same framing page shows the game when the headers are stripped (the check above sees a framed game)', async ({
  page,
  baseURL,
}) => {
  const game = new URL('/', baseURL).href;
  const framer = await framerFor(game);
  const stripped = new Set(['content-security-policy', 'x-frame-options']);
  await page.route(game, async (route) => {
    const res = await route.fetch();
    const headers = Object.fromEntries(
      Object.entries(res.headers()).filter(([name]) => !stripped.has(name.toLowerCase())),
    );
    await route.fulfill({ response: res, headers });
  });
  await openFramer(page, framer.url).finally(framer.close);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame!.url()).toBe(game);
  await expect(frame!.getByTestId('setup')).toBeVisible();
});

/** A free loopback port (the dev server keeps its port across a restart; port 0 would not). */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test('the dev server sends the policy with its own HMR socket, and the game starts and reloads under it', async ({
  page,
}) => {
  test.slow(); // the dev server transforms every module on first request
  // Its own dependency cache and no file watcher: other work in this tree stays out of the way.
  const cacheDir = mkdtempSync(join(tmpdir(), 'sf-dev-headers-'));
  const port = await freePort();
  const server = await createServer({
    configFile: 'vite.config.ts',
    cacheDir,
    logLevel: 'warn',
    server: { port, host: '127.0.0.1', strictPort: true, watch: null, open: false },
  });
  try {
    await server.listen();
    const origin = `127.0.0.1:${port}`;
    await watchViolations(page);
    const connected = page.waitForEvent('console', (m) => m.text() === '[vite] connected.');
    const socket = page.waitForEvent('websocket');
    const res = await page.goto(`http://${origin}/`);
    const csp = res!.headers()['content-security-policy'];
    expect(csp).toBe(contentSecurityPolicy({ dev: { socket: `ws://${origin}` } }));
    expect(csp).toContain(`connect-src 'self' ws://${origin};`);
    expect(res!.headers()['x-frame-options']).toBe('DENY');
    // The HMR client connects, to exactly the origin the policy names.
    expect((await socket).url()).toMatch(new RegExp(`^ws://${origin.replace(/\./g, '\\.')}/`));
    await connected;
    await expect(page.getByTestId('setup')).toBeVisible({ timeout: 90_000 });
    await page.getByTestId('start').click();
    await expect(page.getByTestId('game')).toBeVisible();
    await page.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
    expect(await violations(page)).toEqual([]);

    // A restarted server: Vite's client polls for it from a blob: SharedWorker and reloads the
    // page when it is back (a policy without worker-src blob: leaves the page stale, with an error).
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await server.restart();
    await reloaded;
    await expect(page.getByTestId('setup')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    // Leave before the server goes, so its client does not start polling again.
    await page.goto('about:blank');
  } finally {
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
});
