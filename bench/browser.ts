/**
 * Browser benchmark (`npm run bench:browser`): builds the site, serves it with `vite preview` and
 * measures, in headless Chromium (the system package), what a player feels:
 * - time from navigation to the setup screen, and to an interactive map after one click on Start;
 * - frame times while an AI-only game auto-plays (p50, p95, max) at the default and top speeds;
 * - the JavaScript shipped, gzipped, chunk by chunk (Phaser in its own chunk).
 * Prints a table and writes bench/browser-results.json. Not a test: figures depend on the machine.
 */
import { execSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../playwright.config';

const PORT = 4179;
const URL = `http://127.0.0.1:${PORT}/`;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(URL);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

async function main(): Promise<void> {
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
  const chunks = readdirSync('dist/assets')
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const buf = readFileSync(join('dist/assets', f));
      return { file: f, kB: buf.length / 1024, gzipKB: gzipSync(buf).length / 1024 };
    })
    .sort((a, b) => b.gzipKB - a.gzipKB);

  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  try {
    await waitForServer();
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    const loads: { setupMs: number; mapMs: number }[] = [];
    const frames: Record<string, number[]> = {};
    for (let run = 0; run < 3; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(URL);
      await page.waitForSelector('[data-testid=setup]');
      const setupMs = await page.evaluate(() => performance.now());
      await page.check('[data-testid=seat-usa-ai]', { force: true });
      await page.click('[data-testid=start]');
      await page.waitForFunction(() => window.__secondFront?.view()?.probe().ready === true);
      // Interactive: the first frame after the map is ready has been painted.
      const mapMs = await page.evaluate(
        () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))),
      );
      loads.push({ setupMs, mapMs });
      if (run === 0)
        for (const speed of ['fast', 'max'] as const) {
          await page.selectOption('[data-testid=speed]', speed);
          // A string, not a function: tsx's name-keeping helper does not exist in the page.
          frames[speed] = (await page.evaluate(`new Promise((resolve) => {
            const out = [];
            let last = performance.now();
            const end = last + 8000;
            const tick = (t) => {
              out.push(t - last);
              last = t;
              if (t < end && !document.querySelector('[data-testid=end-screen]')) requestAnimationFrame(tick);
              else resolve(out);
            };
            requestAnimationFrame(tick);
          })`)) as number[];
        }
      await page.close();
    }
    await browser.close();

    const median = (xs: number[]): number => percentile(xs, 50);
    const result = {
      date: new Date().toISOString(),
      load: {
        setupMs: Math.round(median(loads.map((l) => l.setupMs))),
        interactiveMapMs: Math.round(median(loads.map((l) => l.mapMs))),
        runs: loads.map((l) => ({ setupMs: Math.round(l.setupMs), mapMs: Math.round(l.mapMs) })),
      },
      frames: Object.fromEntries(
        Object.entries(frames).map(([k, xs]) => [
          k,
          {
            frames: xs.length,
            p50: +percentile(xs, 50).toFixed(1),
            p95: +percentile(xs, 95).toFixed(1),
            max: +Math.max(...xs).toFixed(1),
          },
        ]),
      ),
      js: {
        totalGzipKB: +chunks.reduce((a, c) => a + c.gzipKB, 0).toFixed(1),
        chunks: chunks.map((c) => ({
          file: c.file,
          kB: +c.kB.toFixed(1),
          gzipKB: +c.gzipKB.toFixed(1),
        })),
      },
    };
    console.log('Second Front: browser benchmark (vite preview, headless Chromium, 1280x720)');
    console.log(`  setup screen after navigation   ${result.load.setupMs} ms (median of 3)`);
    console.log(
      `  interactive map after Start     ${result.load.interactiveMapMs} ms from navigation (median of 3)`,
    );
    for (const [k, f] of Object.entries(result.frames))
      console.log(
        `  auto-play frames at ${k.padEnd(5)}       p50 ${f.p50} ms, p95 ${f.p95} ms, max ${f.max} ms (${f.frames} frames)`,
      );
    console.log(`  JavaScript shipped (gzip)       ${result.js.totalGzipKB} kB`);
    for (const c of result.js.chunks)
      console.log(`    ${c.file.padEnd(36)} ${String(c.gzipKB).padStart(7)} kB gzip (${c.kB} kB)`);
    writeFileSync('bench/browser-results.json', JSON.stringify(result, null, 2) + '\n');
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
