import { afterEach, describe, expect, it, vi } from 'vitest';
import { GameDriver, phaseDelay, type GameSetup, type Speed } from '../../src/app/driver';
import { bundledScenarioIds, loadBundled } from '../../src/app/scenarios';
import { loadScenarioFile } from '../../src/cli/scenario-files';
import { runEngine } from '../../src/engine/run';
import { verifyReplay } from '../../src/engine/run';
import { allAi } from '../../src/sim/run';
import { defaultLevers } from '../../src/sim/setup';

/**
 * The browser's engine driver, headless: it plays the same game as the CLI, stops for human seats,
 * refuses illegal orders with a reason, and its replay record verifies in the CLI's loader.
 */

function setup(humans: string[] = [], seed = 'driver'): GameSetup {
  const loaded = loadBundled('two-front');
  if (!loaded.ok) throw new Error('two-front did not load');
  const controllers = { ...allAi() };
  for (const h of humans) controllers[h as keyof typeof controllers] = 'human';
  return {
    loaded: loaded.value,
    seed,
    levers: defaultLevers(loaded.value.scenario),
    controllers,
    turnLimit: 6,
  };
}

/** Step a paused driver until it waits for a human or ends. */
function stepUntilStill(d: GameDriver): void {
  for (let i = 0; i < 1000; i++) {
    const v = d.view();
    if (v.ended || v.waiting.length > 0) return;
    d.step();
  }
  throw new Error('the driver never stopped');
}

describe('bundled scenarios', () => {
  it('are the files in scenarios/, with the same hashes as the CLI loads', () => {
    expect(bundledScenarioIds()[0]).toBe('two-front');
    expect(bundledScenarioIds()).toHaveLength(7);
    for (const id of bundledScenarioIds()) {
      const b = loadBundled(id);
      const c = loadScenarioFile(id);
      expect(b.ok && c.ok && b.value.hash === c.value.hash, id).toBe(true);
    }
  });

  it('an unknown id is a clear error naming the scenarios there are', () => {
    const r = loadBundled('nope');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.message).toMatch(/unknown scenario "nope".*two-front/);
  });
});

describe('the driver', () => {
  it('stepped through every phase, an AI-only game matches the CLI engine bit for bit', () => {
    const s = setup();
    const d = new GameDriver(s, { autoplay: false, speed: 'max' });
    const phases: string[] = [];
    d.onChange((v) => {
      if (phases[phases.length - 1] !== v.phase) phases.push(v.phase);
    });
    d.start();
    stepUntilStill(d);
    expect(phases.slice(0, 8)).toEqual([
      'briefing',
      'intelligence',
      'decisions',
      'decided',
      'adjudication',
      'events',
      'assessment',
      'briefing',
    ]);
    const cli = runEngine(s.loaded.scenario, { seed: s.seed, levers: s.levers, turns: 6 });
    expect(d.replay().turnHashes).toEqual(cli.turnHashes);
    expect(d.view().ctx.log).toEqual(cli.log);
    d.stop();
  });

  it('stops for a human seat, refuses an illegal order with a reason, accepts a legal one', () => {
    const s = setup(['usa']);
    const d = new GameDriver(s, { autoplay: false, speed: 'max' });
    d.start();
    stepUntilStill(d);
    expect(d.view()).toMatchObject({ phase: 'decisions', waiting: ['usa'] });
    const before = JSON.stringify(d.view().ctx.state);
    const bad = d.submit('usa', [{ type: 'china.mobilise' }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/china\.mobilise/);
    expect(JSON.stringify(d.view().ctx.state)).toBe(before);
    expect(d.submit('usa', []).ok).toBe(true);
    expect(d.view().waiting).toEqual([]);
    stepUntilStill(d);
    expect(d.view().ctx.state.turn).toBe(2);
    d.stop();
  });

  it('its replay record of a finished game verifies in the CLI loader', () => {
    const s = setup(['usa'], 'driver-replay');
    const d = new GameDriver(s, { autoplay: false, speed: 'max' });
    d.start();
    for (let turn = 0; turn < 10 && !d.view().ended; turn++) {
      stepUntilStill(d);
      if (d.view().waiting.length > 0) d.submit('usa', []);
    }
    expect(d.view().ended).toBe(true);
    const cliLoaded = loadScenarioFile('two-front');
    if (!cliLoaded.ok) throw new Error('no scenario');
    const v = verifyReplay(cliLoaded.value, d.replay());
    expect(v).toMatchObject({ ok: true, finalHash: d.replay().finalHash });
    d.stop();
  });
});

describe('handing a human seat to the AI', () => {
  it('the AI decides for the seat; the record lists its choices as the seat’s and verifies', () => {
    const s = setup(['usa'], 'driver-handover');
    const d = new GameDriver(s, { autoplay: false, speed: 'max' });
    d.start();
    stepUntilStill(d);
    d.submit('usa', []);
    d.setAiForHumans(true);
    for (let i = 0; i < 1000 && !d.view().ended; i++) d.step();
    expect(d.view().ended).toBe(true);
    const record = d.replay();
    expect(record.controllers.usa).toBe('human');
    expect(record.decisions.slice(1).some((t) => (t.usa?.length ?? 0) > 0)).toBe(true);
    const cliLoaded = loadScenarioFile('two-front');
    if (!cliLoaded.ok) throw new Error('no scenario');
    expect(verifyReplay(cliLoaded.value, record)).toMatchObject({ ok: true });
    d.stop();
  });
});

describe('the pace of auto-play', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /**
   * Auto-play an AI-only game on a fake clock for `ms` and note, for each phase shown, how long it
   * stayed and how many entries (phase markers aside) it had logged.
   */
  function paced(speed: Speed, ms: number): { logged: number; held: number }[] {
    vi.useFakeTimers();
    const d = new GameDriver(setup([], 'pace'), { autoplay: true, speed });
    const shown: { key: string; at: number; logged: number }[] = [];
    let seen = 0;
    d.onChange((v) => {
      const key = `${v.ctx.state.turn}:${v.phase}`;
      if (shown[shown.length - 1]?.key === key) return;
      const logged = v.ctx.log.slice(seen).filter((e) => e.type !== 'phase').length;
      seen = v.ctx.log.length;
      shown.push({ key, at: Date.now(), logged });
    });
    d.start();
    vi.advanceTimersByTime(ms);
    d.stop();
    return shown.slice(0, -1).map((p, i) => ({ logged: p.logged, held: shown[i + 1]!.at - p.at }));
  }

  it('at Normal, a phase with entries stays at least 2 s; one with none moves on sooner', () => {
    const phases = paced('normal', 60_000);
    const busy = phases.filter((p) => p.logged > 0);
    expect(busy.length).toBeGreaterThan(6);
    for (const p of busy) expect(p.held).toBeGreaterThanOrEqual(2000);
    for (const p of phases.filter((q) => q.logged === 0)) expect(p.held).toBeLessThan(1000);
  });

  it('Fast stays fast: no phase holds more than 200 ms', () => {
    const phases = paced('fast', 5_000);
    expect(phases.length).toBeGreaterThan(20);
    for (const p of phases) expect(p.held).toBeLessThanOrEqual(200);
  });

  it('Slow gives more time than Normal, Normal more than Fast', () => {
    expect(phaseDelay('slow', 5)).toBeGreaterThan(phaseDelay('normal', 5));
    expect(phaseDelay('normal', 5)).toBeGreaterThan(phaseDelay('fast', 5));
    expect(phaseDelay('max', 5)).toBe(0);
  });
});
