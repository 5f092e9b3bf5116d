import Phaser from 'phaser';
import { loadAtlas } from './atlas';
import { BandScene } from './band-scene';
import type { GameView, LogFilter, Selection, ViewEvents, ViewFrame, ViewProbe } from './contract';
import { computeLayout } from './layout';
import { LogScene } from './log-scene';
import { MapScene } from './map-scene';
import { loadSymbols } from './map-symbol-textures';
import { UI } from './palette';
import type { Theater } from '../sim/ids';

/**
 * The Phaser view behind the `GameView` contract: one canvas filling `parent`, with the map scene
 * (both theaters), the strategic band and the event log as three scenes laid out side by side.
 */

type Listeners = { [K in keyof ViewEvents]: ViewEvents[K][] };

/** Resolves once a scene has run `create` (its systems exist only once the game has booted). */
function created(scene: Phaser.Scene): Promise<void> {
  return new Promise((resolve) => {
    if (scene.sys.settings.status >= Phaser.Scenes.RUNNING) resolve();
    else scene.sys.events.once(Phaser.Scenes.Events.CREATE, () => resolve());
  });
}

/**
 * Create the game canvas in `parent` and resolve once all three scenes exist.
 *
 * @example
 * const view = await startView(document.getElementById('game')!);
 * view.on('select', (sel) => console.log(sel));
 * view.render(frame);
 */
export async function startView(host: HTMLElement): Promise<GameView> {
  const [atlas, symbols] = await Promise.all([loadAtlas(), loadSymbols()]);
  // The canvas lives in its own element, so it can move from screen to screen (`attach`).
  const parent = document.createElement('div');
  parent.className = 'view-root';
  parent.style.cssText = 'position:absolute;inset:0';
  host.append(parent);
  const map = new MapScene(atlas, symbols);
  const band = new BandScene();
  const log = new LogScene();
  const listeners: Listeners = { select: [], logEntry: [], filter: [], legend: [] };
  let bottomInset = 0;
  let lastFrame: ViewFrame | null = null;
  let destroyed = false;

  const game = new Phaser.Game({
    // Canvas 2D, not WebGL: a vector map redrawn each frame rasterises far faster with Skia than
    // through WebGL's per-frame re-tessellation of Graphics, above all on software renderers
    // (measured in headless Chromium: ~25 ms a frame against ~300 ms with SwiftShader WebGL).
    type: Phaser.CANVAS,
    parent,
    backgroundColor: UI.backgroundCss,
    scale: {
      mode: Phaser.Scale.RESIZE,
      width: Math.max(1, parent.clientWidth),
      height: Math.max(1, parent.clientHeight),
    },
    // Map first (bottom), then the band and log drawn over their own rectangles.
    scene: [map, band, log],
    banner: false,
    disableContextMenu: true,
    // Coastlines carry far more points than a screen pixel can show: merge segments under 1 px.
    render: { pathDetailThreshold: 1 },
  });
  await new Promise<void>((resolve) => game.events.once(Phaser.Core.Events.READY, resolve));
  // Only the first scene of the list starts by itself; the band and log run alongside it.
  for (const key of [BandScene.KEY, LogScene.KEY]) {
    if (!game.scene.isActive(key)) game.scene.run(key);
  }
  await Promise.all([created(map), created(band), created(log)]);

  const relayout = (): void => {
    const l = computeLayout(game.scale.width, game.scale.height, bottomInset);
    map.setLayout(l);
    band.setArea(l.band);
    log.setArea(l.log.x, l.log.y, l.log.w, l.log.h);
  };
  game.scale.on(Phaser.Scale.Events.RESIZE, relayout);
  relayout();

  // Draw on demand: the loop sleeps when nothing moves and wakes for a new frame, a pointer or
  // key over the canvas, a resize or a running tween. A calm map costs the page nothing, and
  // auto-play keeps its frame budget for the frames that change something.
  let awakeUntil = 0;
  const wake = (ms: number): void => {
    awakeUntil = Math.max(awakeUntil, performance.now() + ms);
    if (!destroyed && !game.loop.running) game.loop.wake(true);
  };
  const scenes = [map, band, log];
  // When the last frame given was first painted (benchmarks: time until the player sees it).
  let paintedFrame: ViewFrame | null = null;
  let paintedAt = 0;
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    if (lastFrame !== paintedFrame) {
      paintedFrame = lastFrame;
      paintedAt = performance.now();
    }
    const tweening = scenes.some((sc) => sc.tweens.getTweens().length > 0);
    if (!tweening && performance.now() > awakeUntil) game.loop.sleep();
  });
  const onInput = (): void => wake(700);
  const inputEvents = ['pointermove', 'pointerdown', 'pointerup', 'wheel', 'keydown'] as const;
  for (const ev of inputEvents) parent.addEventListener(ev, onInput, { passive: true });
  game.scale.on(Phaser.Scale.Events.RESIZE, () => wake(300));
  wake(1000);

  map.onSelect((sel) => {
    for (const cb of listeners.select) cb(sel);
  });
  log.onEntry((index) => {
    for (const cb of listeners.logEntry) cb(index);
  });
  map.onLegend((shown) => {
    for (const cb of listeners.legend) cb(shown);
  });
  log.onFilterChange((f) => {
    for (const cb of listeners.filter) cb(f);
  });

  return {
    render(frame: ViewFrame): void {
      if (destroyed) return;
      lastFrame = frame;
      map.render(frame);
      band.show(frame);
      log.show(frame);
      wake(250);
    },
    highlightRegion(id: string | null): void {
      if (!destroyed) map.highlight(id);
      wake(300);
    },
    setLogFilter(filter: LogFilter): void {
      if (!destroyed) log.setFilter(filter);
      wake(300);
    },
    on<K extends keyof ViewEvents>(event: K, cb: ViewEvents[K]): void {
      (listeners[event] as ViewEvents[K][]).push(cb);
    },
    setBottomInset(px: number): void {
      const inset = Math.max(0, px);
      // The app reports its panel's height on every update: relayout only when it changed.
      if (inset === bottomInset) return;
      bottomInset = inset;
      if (!destroyed) relayout();
      wake(300);
    },
    setLegend(
      on: boolean,
      theater?: Theater,
    ): { x: number; y: number; w: number; h: number } | null {
      if (destroyed) return null;
      wake(300);
      return map.setLegend(on, theater);
    },
    probe(): ViewProbe {
      const selected: Selection | null = map.selection();
      return {
        ready: !destroyed && map.isReady() && lastFrame !== null,
        highlighted: map.highlightedId(),
        selected,
        logRows: destroyed ? [] : log.rows(),
        zoomButtons: destroyed ? [] : map.zoomButtons(),
        tooltip: destroyed ? null : map.tooltipTitle(),
        regionAt: (id: string) => (destroyed ? null : map.regionAt(id)),
        filter: log.getFilter(),
        markers: destroyed
          ? []
          : map.storyMarkers().map((m) => ({
              kind: m.kind,
              theater: m.theater,
              region: m.region,
              from: m.from ?? null,
              alpha: m.alpha,
              eta: m.eta ?? null,
            })),
        counters: destroyed ? [] : map.counterBoxes(),
        maps: destroyed ? null : map.mapRects(),
        band: destroyed ? [] : band.titles(),
        legend: !destroyed && map.legendShown(),
        legendButton: destroyed ? null : map.legendButton(),
        drawn: lastFrame
          ? {
              turn: lastFrame.state.turn,
              hour: lastFrame.state.hour,
              logEntries: lastFrame.log.length,
              lastIndex: lastFrame.log[lastFrame.log.length - 1]?.index ?? -1,
              paintedAt: paintedFrame === lastFrame ? paintedAt : null,
            }
          : null,
      };
    },
    attach(host: HTMLElement): void {
      if (destroyed) return;
      for (const k of Object.keys(listeners) as (keyof ViewEvents)[]) listeners[k].length = 0;
      lastFrame = null;
      bottomInset = 0;
      map.highlight(null, false);
      map.clearSelection();
      map.setLegend(false);
      host.append(parent);
      game.scale.getParentBounds();
      game.scale.refresh();
      relayout();
      wake(500);
    },
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      for (const ev of inputEvents) parent.removeEventListener(ev, onInput);
      game.scale.off(Phaser.Scale.Events.RESIZE, relayout);
      game.destroy(true);
      parent.remove();
    },
  };
}
