import Phaser from 'phaser';
import { loadAtlas } from './atlas';
import { BandScene } from './band-scene';
import type { GameView, LogFilter, Selection, ViewEvents, ViewFrame, ViewProbe } from './contract';
import { computeLayout } from './layout';
import { LogScene } from './log-scene';
import { MapScene } from './map-scene';
import { UI } from './palette';

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
export async function startView(parent: HTMLElement): Promise<GameView> {
  const atlas = await loadAtlas();
  const map = new MapScene(atlas);
  const band = new BandScene();
  const log = new LogScene();
  const listeners: Listeners = { select: [], logEntry: [] };
  let bottomInset = 0;
  let lastFrame: ViewFrame | null = null;
  let destroyed = false;

  const game = new Phaser.Game({
    type: Phaser.AUTO,
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

  map.onSelect((sel) => {
    for (const cb of listeners.select) cb(sel);
  });
  log.onEntry((index) => {
    for (const cb of listeners.logEntry) cb(index);
  });

  return {
    render(frame: ViewFrame): void {
      if (destroyed) return;
      lastFrame = frame;
      map.render(frame);
      band.show(frame);
      log.show(frame);
    },
    highlightRegion(id: string | null): void {
      if (!destroyed) map.highlight(id);
    },
    setLogFilter(filter: LogFilter): void {
      if (!destroyed) log.setFilter(filter);
    },
    on<K extends keyof ViewEvents>(event: K, cb: ViewEvents[K]): void {
      (listeners[event] as ViewEvents[K][]).push(cb);
    },
    setBottomInset(px: number): void {
      bottomInset = Math.max(0, px);
      if (!destroyed) relayout();
    },
    probe(): ViewProbe {
      const selected: Selection | null = map.selection();
      return {
        ready: !destroyed && map.isReady() && lastFrame !== null,
        highlighted: map.highlightedId(),
        selected,
        logRows: destroyed ? [] : log.rows(),
        regionAt: (id: string) => (destroyed ? null : map.regionAt(id)),
        filter: log.getFilter(),
      };
    },
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      game.scale.off(Phaser.Scale.Events.RESIZE, relayout);
      game.destroy(true);
    },
  };
}
