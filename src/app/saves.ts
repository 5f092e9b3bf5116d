import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { ENGINE_PHASES } from '../engine/machine';
import { PLAYABLE_ACTORS } from '../sim/ids';
import { ReplaySchema, type ReplayRecord, type TurnDecisions } from '../sim/replay';
import { validate } from '../sim/validation';

/**
 * Saved games in IndexedDB (through idb-keyval): one entry per game, rewritten at every phase,
 * decision and turn end, so a reload or a closed tab loses nothing. What comes back out of
 * storage is checked like any file: an entry from an older version or a damaged one is listed as
 * unreadable (and can be deleted), never loaded blindly.
 */

export const SAVE_KIND = 'second-front-save';
export const SAVE_VERSION = 1;

export interface SavedGame {
  readonly kind: typeof SAVE_KIND;
  readonly version: number;
  readonly id: string;
  /** ISO time of the first and the latest save (the wall clock is fine here: not the sim). */
  readonly createdAt: string;
  readonly savedAt: string;
  readonly scenarioName: string;
  /** The turn being played (or the last one played, once the game has ended). */
  readonly turn: number;
  readonly status: 'playing' | 'ended';
  readonly outcome: string | null;
  /** The game so far: every completed turn's decisions and hashes. */
  readonly record: ReplayRecord;
  /** Where in the current turn the game stood, and what humans had already submitted. */
  readonly point: { readonly phase: string; readonly pending: TurnDecisions };
  /** The player had handed every human seat to the AI. */
  readonly aiForHumans: boolean;
  /** Seats the record lists as human that the AI plays (a fork's choice). */
  readonly autoSeats: readonly string[];
  /** Orders chosen in the dock but not yet submitted, for the turn they were chosen in. */
  readonly drafts?: { readonly turn: number; readonly by: TurnDecisions };
}

const DecisionList = z.array(
  z.strictObject({
    type: z.string().min(1).max(60),
    target: z.string().max(60).optional(),
    amount: z.number().optional(),
  }),
);

const SavedGameSchema = z.strictObject({
  kind: z.literal(SAVE_KIND),
  version: z.literal(SAVE_VERSION),
  id: z.string().min(1).max(80),
  createdAt: z.string().max(40),
  savedAt: z.string().max(40),
  scenarioName: z.string().max(200),
  turn: z.number().int().min(0).max(200),
  status: z.enum(['playing', 'ended']),
  outcome: z.string().max(200).nullable(),
  record: ReplaySchema,
  point: z.strictObject({
    phase: z.enum([...ENGINE_PHASES, 'decided', 'ended']),
    pending: z.partialRecord(z.enum(PLAYABLE_ACTORS), DecisionList),
  }),
  aiForHumans: z.boolean(),
  autoSeats: z.array(z.enum(PLAYABLE_ACTORS)).max(PLAYABLE_ACTORS.length),
  drafts: z
    .strictObject({
      turn: z.number().int().min(0).max(200),
      by: z.partialRecord(z.enum(PLAYABLE_ACTORS), DecisionList),
    })
    .optional(),
});

/** A listed entry: a readable saved game, or what is wrong with an unreadable one. */
export type SaveEntry =
  | { readonly ok: true; readonly game: SavedGame }
  | { readonly ok: false; readonly id: string; readonly problem: string };

const PREFIX = 'game:';

/**
 * The saved-games store. `createSaves()` uses the page's IndexedDB; tests pass fake-indexeddb's.
 *
 * @example
 * const saves = createSaves();
 * await saves.put(game);
 * const list = await saves.list(); // newest first
 */
export interface Saves {
  list(): Promise<SaveEntry[]>;
  get(id: string): Promise<SaveEntry | null>;
  put(game: SavedGame): Promise<void>;
  remove(id: string): Promise<void>;
}

export function createSaves(store: UseStore = createStore('second-front', 'games')): Saves {
  const check = (id: string, value: unknown): SaveEntry => {
    const r = validate(SavedGameSchema, value, 'saved game');
    if (!r.ok) return { ok: false, id, problem: r.error[0]?.message ?? 'unreadable' };
    return { ok: true, game: r.value as unknown as SavedGame };
  };
  return {
    async list() {
      const all = await entries<string, unknown>(store);
      const out: SaveEntry[] = [];
      for (const [key, value] of all) {
        if (typeof key !== 'string' || !key.startsWith(PREFIX)) continue;
        out.push(check(key.slice(PREFIX.length), value));
      }
      // Newest first; unreadable entries last. ISO times sort as strings.
      return out.sort((a, b) =>
        a.ok && b.ok ? b.game.savedAt.localeCompare(a.game.savedAt) : a.ok ? -1 : b.ok ? 1 : 0,
      );
    },
    async get(id) {
      const v = await get<unknown>(PREFIX + id, store);
      return v === undefined ? null : check(id, v);
    },
    async put(game) {
      await set(PREFIX + game.id, game, store);
    },
    async remove(id) {
      await del(PREFIX + id, store);
    },
  };
}

/**
 * Writes the latest version of a game without piling up writes: while one write is in flight,
 * newer saves replace each other and only the last is written after it. `flush()` resolves once
 * everything asked for is on disk (tests, and before leaving a game).
 */
export class Autosaver {
  private next: SavedGame | null = null;
  private running: Promise<void> | null = null;
  constructor(
    private readonly saves: Saves,
    private readonly failed: (e: unknown) => void,
  ) {}

  save(game: SavedGame): void {
    this.next = game;
    if (!this.running) this.running = this.drain();
  }

  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.next) {
        const g = this.next;
        this.next = null;
        try {
          await this.saves.put(g);
        } catch (e) {
          this.failed(e);
        }
      }
    } finally {
      this.running = null;
    }
  }
}

/** A short random id for a new saved game. */
export function newSaveId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
        b.toString(16).padStart(2, '0'),
      ).join('');
}
