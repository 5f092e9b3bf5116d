import type { ActorId, Theater } from '../sim/ids';
import type { Scenario } from '../sim/scenario/schema';
import type { GameState } from '../sim/state';

/**
 * What the app shell (DOM, engine driver) and the Phaser view agree on. The view draws frames and
 * reports what the player pointed at; it never computes rules and never talks to the engine.
 */

export type { Viewpoint, ShownEntry } from '../sim/view';
import type { Viewpoint, ShownEntry } from '../sim/view';

/** Everything the view needs to draw one moment of the game. */
export interface ViewFrame {
  readonly sc: Scenario;
  readonly state: GameState;
  readonly viewpoint: Viewpoint;
  /** Entries this viewpoint may see, in engine order (oldest first); the view shows newest first. */
  readonly log: readonly ShownEntry[];
  /** The engine phase being shown (`briefing` … `assessment`, `decided`, `ended`). */
  readonly phase: string;
  /**
   * The tracks at the end of the previous turn, which changes are counted from (null: there is
   * none). Left out, the view counts from the last frame it drew of the previous turn (a game
   * moving forward); a replay, which jumps, says it.
   */
  readonly previousTracks?: GameState['tracks'] | null;
}

export type Selection =
  | { readonly kind: 'region'; readonly id: string }
  | { readonly kind: 'force'; readonly id: string };

/** Filters of the event log (the app's controls and the view's log share them). */
export interface LogFilter {
  readonly theater: Theater | 'global' | 'all';
  readonly actor: ActorId | 'all';
}

export interface ViewEvents {
  /** A region or force was clicked (null: empty map clicked). */
  select: (sel: Selection | null) => void;
  /** A log entry was clicked (its engine index). */
  logEntry: (index: number) => void;
  /** The reader changed the log's filter on the canvas (chips). */
  filter: (filter: LogFilter) => void;
  /** The map legend was shown or hidden from the canvas (a map's ☰ button). */
  legend: (shown: boolean) => void;
}

/** Numbers tests read to check what is on screen without parsing pixels. */
export interface ViewProbe {
  readonly ready: boolean;
  readonly highlighted: string | null;
  readonly selected: Selection | null;
  /** Screen rectangles (CSS pixels, relative to the canvas) of the log rows now drawn. */
  readonly logRows: readonly {
    index: number;
    x: number;
    y: number;
    w: number;
    h: number;
    open: boolean;
    /** Entries folded under the row (0: none), whether they are shown, and 1 for a folded one. */
    folded: number;
    expanded: boolean;
    depth: 0 | 1;
  }[];
  /** The map tooltip's first line while one is shown (null: none). */
  readonly tooltip: string | null;
  /** The maps' zoom buttons (CSS pixels relative to the canvas): no panel may cover them. */
  readonly zoomButtons: readonly { x: number; y: number; w: number; h: number }[];
  /** Where a region's centre is on screen (CSS pixels relative to the canvas), if drawn. */
  regionAt(id: string): { x: number; y: number } | null;
  readonly filter: LogFilter;
  /** The story markers on the maps (src/view/map-story.ts): kind, region, tail, opacity, ETA. */
  readonly markers: readonly {
    kind: string;
    theater: Theater;
    region: string;
    from: string | null;
    alpha: number;
    eta: number | null;
  }[];
  /** Each theater map's viewport on the canvas (CSS px), once laid out. */
  readonly maps: Readonly<Record<Theater, { x: number; y: number; w: number; h: number }>> | null;
  /** The force counters on the maps: their region and screen rectangle (CSS px, canvas-relative). */
  readonly counters: readonly {
    theater: Theater;
    region: string;
    x: number;
    y: number;
    w: number;
    h: number;
  }[];
  /**
   * The strategic band's gauges as drawn: full and shown name, shown value, and where the name
   * and value lie (CSS px from the band's left; the value ends at its cell's right edge).
   */
  readonly band: readonly {
    key: string;
    full: string;
    shown: string;
    value: string;
    x: number;
    w: number;
    valueX: number;
    valueW: number;
    cellW: number;
  }[];
  /** Whether the map legend is shown, and where the Europe map's legend button (☰) is. */
  readonly legend: boolean;
  readonly legendButton: { x: number; y: number } | null;
  /**
   * The moment last drawn: its turn and hour, how many log entries it showed, and when (in
   * `performance.now()` time) the canvas first painted it (null: not painted yet).
   */
  readonly drawn: {
    turn: number;
    hour: number;
    logEntries: number;
    lastIndex: number;
    paintedAt: number | null;
  } | null;
}

export interface GameView {
  render(frame: ViewFrame): void;
  /** Light up a region on its theater map and pan its camera to it (null clears). */
  highlightRegion(id: string | null): void;
  setLogFilter(filter: LogFilter): void;
  on<K extends keyof ViewEvents>(event: K, cb: ViewEvents[K]): void;
  /** Reserve space at the bottom of the map area (the DOM decision dock), in CSS pixels. */
  setBottomInset(px: number): void;
  probe(): ViewProbe;
  /**
   * Show the map legend over a theater's map, or hide it (the DOM's "Map legend" button; the
   * canvas's ☰ buttons do the same). Returns where it is drawn (CSS px, canvas-relative) or null.
   */
  setLegend(on: boolean, theater?: Theater): { x: number; y: number; w: number; h: number } | null;
  /**
   * Move the canvas into another element (the next screen's map area) and forget what the last
   * screen set up: its listeners, highlight, selection, inset and last frame. Booting Phaser and
   * projecting the atlas happen once per page, not once per screen.
   */
  attach(parent: HTMLElement): void;
  destroy(): void;
}

/** Width of the event-log column at the right of the canvas, in CSS pixels. */
export function logColumnWidth(canvasWidth: number): number {
  return canvasWidth >= 1600 ? 420 : 340;
}

/** Height of the strategic band across the top of the maps, in CSS pixels. */
export const BAND_HEIGHT = 92;
