/**
 * Browser benchmark (`npm run bench:browser`): builds the site, serves it with `vite preview` and
 * measures, in headless Chromium (the system package), what a player feels:
 * - time from navigation to the setup screen, and to an interactive map after one click on Start;
 * - frame times while an AI-only game auto-plays (p50, p95, max) at the default and top speeds;
 * - the JavaScript shipped, gzipped, chunk by chunk (Phaser in its own chunk);
 * - replays: opening a 100-turn replay file (decode, verify every turn, first frame of its last
 *   turn drawn), jumping from its first turn to its last, and the share-link length of 26- and
 *   30-turn games.
 * Prints a table and writes bench/browser-results.json. Not a test: figures depend on the machine.
 */
import { execSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../playwright.config';
import { loadScenarioFile } from '../src/cli/scenario-files';
import { runEngine, toReplay } from '../src/engine/run';
import type { ReplayRecord } from '../src/sim/replay';
import { encodeReplayFile, encodeShareLink } from '../src/sim/replay-codec';
import { loadScenarioData } from '../src/sim/scenario/load';
import { defaultLevers } from '../src/sim/setup';
import { percentile } from './report';

const PORT = 4179;
const URL = `http://127.0.0.1:${PORT}/`;

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

/** A seeded all-AI game of `turns` turns as a replay record (optionally of a custom scenario). */
function makeReplay(turns: number, custom: boolean): ReplayRecord {
  const base = loadScenarioFile('two-front');
  if (!base.ok) throw new Error('two-front did not load');
  let loaded = base.value;
  if (custom) {
    const data = JSON.parse(JSON.stringify(base.value.scenario)) as Record<string, unknown>;
    data['id'] = 'long-war';
    data['name'] = 'Long war (100 turns)';
    (data['calendar'] as Record<string, unknown>)['maxTurns'] = 100;
    const l = loadScenarioData(data, 'long-war.json');
    if (!l.ok) throw new Error(l.error[0]?.message);
    loaded = l.value;
  }
  const opts = { seed: 'bench', levers: defaultLevers(loaded.scenario), turns, keepLog: false };
  const record = toReplay(loaded, opts, runEngine(loaded.scenario, opts));
  if (record.turnHashes.length !== turns)
    throw new Error(`the game ended after ${record.turnHashes.length} turns`);
  return custom
    ? {
        ...record,
        scenario: JSON.parse(JSON.stringify(loaded.scenario)) as Record<string, unknown>,
      }
    : record;
}

/** Open a replay file through the app's file input; ms until the canvas has painted its last turn. */
async function openReplayMs(page: Page, text: string, turns: number): Promise<number> {
  await page.goto(URL);
  await page.waitForSelector('[data-testid=setup]');
  // The map view boots in the background while the start screen is up; a player takes a few
  // seconds to pick a file, so the measure starts once the start screen has sat for 3 s.
  await page.waitForTimeout(3000);
  return page.evaluate(`new Promise((resolve) => {
    const input = document.querySelector('[data-testid=open-file-input]');
    const dt = new DataTransfer();
    dt.items.add(new File([${JSON.stringify(text)}], 'long.json', { type: 'application/json' }));
    const t0 = performance.now();
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    const poll = () => {
      const v = window.__secondFront && window.__secondFront.view();
      const d = v && v.probe().drawn;
      if (d && d.turn === ${turns} && d.paintedAt !== null) resolve(d.paintedAt - t0);
      else setTimeout(poll, 2);
    };
    poll();
  })`);
}

/** With the viewer up at turn 0, ms from the jump to the last turn until the canvas painted it. */
async function jumpMs(page: Page, turns: number): Promise<number> {
  // One string evaluated as a whole: the page's CSP forbids the eval behind waitForFunction.
  return page.evaluate(`new Promise((resolve) => {
    const app = window.__secondFront;
    const drawn = () => app.view().probe().drawn;
    app.replay().goTo(0);
    const ready = () => {
      if (!drawn() || drawn().turn !== 0 || drawn().paintedAt === null) return setTimeout(ready, 5);
      const t0 = performance.now();
      app.replay().goTo(${turns});
      const poll = () => {
        const d = drawn();
        if (d.turn === ${turns} && d.paintedAt !== null) resolve(d.paintedAt - t0);
        else setTimeout(poll, 1);
      };
      poll();
    };
    ready();
  })`);
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
      // The seats are under the setup screen's Sides fold: open it, then hand the US to the AI.
      if ((await page.getAttribute('[data-testid=fold-sides]', 'open')) === null)
        await page.click('[data-testid=fold-sides] summary');
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

    // Replays: a 100-turn game of a custom scenario (the file carries the scenario, the worst
    // case) and of the bundled baseline run to 100 turns.
    const replays: Record<string, { fileKB: number; openMs: number[]; jumpMs: number[] }> = {};
    for (const [name, custom] of [
      ['custom-100', true],
      ['baseline-100', false],
    ] as const) {
      const text = encodeReplayFile(makeReplay(100, custom));
      const openMs: number[] = [];
      const jumps: number[] = [];
      for (let run = 0; run < 3; run++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
        openMs.push(await openReplayMs(page, text, 100));
        jumps.push(await jumpMs(page, 100));
        await page.close();
      }
      replays[name] = { fileKB: +(text.length / 1024).toFixed(1), openMs, jumpMs: jumps };
    }
    const links = Object.fromEntries(
      [26, 30].map((n) => {
        const link = encodeShareLink(makeReplay(n, false));
        return [`turns${n}`, link.ok ? link.value.length : -1];
      }),
    );
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
      replays: Object.fromEntries(
        Object.entries(replays).map(([k, r]) => [
          k,
          {
            fileKB: r.fileKB,
            openMs: Math.round(median(r.openMs)),
            jumpToLastMs: Math.round(median(r.jumpMs)),
            runs: r.openMs.map((o, i) => ({
              openMs: Math.round(o),
              jumpMs: Math.round(r.jumpMs[i]!),
            })),
          },
        ]),
      ),
      shareLinkChars: links,
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
    for (const [k, r] of Object.entries(result.replays))
      console.log(
        `  100-turn replay (${k.padEnd(12)}) open + last turn drawn ${r.openMs} ms, jump first→last ${r.jumpToLastMs} ms (median of 3; file ${r.fileKB} kB)`,
      );
    console.log(
      `  share link length               26 turns ${links['turns26']} chars, 30 turns ${links['turns30']} chars`,
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
