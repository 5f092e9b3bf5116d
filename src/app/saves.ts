import { del, entries, get, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { ENGINE_PHASES } from '../engine/machine';
import { PLAYABLE_ACTORS } from '../sim/ids';
import { ReplaySchema, type ReplayRecord, type TurnDecisions } from '../sim/replay';
import { validate } from '../sim/validation';
import { guardedStore } from './idb-store';
import { saveChannel, type Revision, type SaveChannel, type SaveNews } from './save-channel';

/**
 * Saved games in IndexedDB (through idb-keyval): one entry per game, rewritten at every phase,
 * decision and turn end, so a reload or a closed tab loses nothing. What comes back out of
 * storage is checked like any file: an entry from an older version or a damaged one is listed as
 * unreadable (and can be deleted), never loaded blindly.
 *
 * Two tabs may have one game open. Every entry carries a revision, and every write is a
 * check-and-set inside one IndexedDB transaction: a tab whose game has been moved on by another
 * tab since it last read or wrote it is refused, and told which turn the stored game is at, so
 * nothing it does can silently undo the other tab's turns.
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
  /** Which write this is (set by the store on every write; absent in saves from before). */
  readonly revision?: Revision;
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
  revision: z.strictObject({ n: z.number().int().min(0), tab: z.string().max(80) }).optional(),
});

/** A listed entry: a readable saved game, or what is wrong with an unreadable one. */
export type SaveEntry =
  | { readonly ok: true; readonly game: SavedGame }
  | { readonly ok: false; readonly id: string; readonly problem: string };

/** The revision a game that has never been stored starts from. */
export const NO_REVISION: Revision = { n: 0, tab: '' };

/** A write done, with the revision now stored, or refused because another tab moved the game on. */
export type PutResult =
  | { readonly ok: true; readonly revision: Revision }
  | { readonly ok: false; readonly stored: { readonly revision: Revision; readonly turn: number } };

const PREFIX = 'game:';

/**
 * The saved-games store. `createSaves()` uses the page's IndexedDB; tests pass their own database
 * name (over fake-indexeddb), tab id and time limit.
 *
 * @example
 * const saves = createSaves();
 * const r = await saves.put(game, NO_REVISION); // r.ok: the revision this tab now holds
 * const list = await saves.list(); // newest first
 */
export interface Saves {
  /** This tab's id, written into every revision it stores. */
  readonly tab: string;
  list(): Promise<SaveEntry[]>;
  get(id: string): Promise<SaveEntry | null>;
  /**
   * Write `game` if the stored entry is not newer than `base` (the revision this tab last read or
   * wrote), else refuse and change nothing. Every request has a time limit (a StorageTimeout).
   */
  put(game: SavedGame, base: Revision): Promise<PutResult>;
  remove(id: string): Promise<void>;
  /** Hear what other tabs write and delete; the function returned stops listening. */
  watch(cb: (news: SaveNews) => void): () => void;
  close(): void;
}

export interface SavesOptions {
  readonly db?: string;
  readonly tab?: string;
  readonly timeoutMs?: number;
}

export function createSaves(opts: SavesOptions = {}): Saves {
  const dbName = opts.db ?? 'second-front';
  const store: UseStore = guardedStore(dbName, 'games', {
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
  });
  const tab = opts.tab ?? newSaveId();
  const channel: SaveChannel = saveChannel(`${dbName}:saves`);
  const check = (id: string, value: unknown): SaveEntry => {
    const r = validate(SavedGameSchema, value, 'saved game');
    if (!r.ok) return { ok: false, id, problem: r.error[0]?.message ?? 'unreadable' };
    return { ok: true, game: r.value as unknown as SavedGame };
  };
  return {
    tab,
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
    async put(game, base) {
      const r = await store('readwrite', (os) =>
        checkAndSet(os, PREFIX + game.id, game, base, tab),
      );
      if (r.ok) channel.post({ type: 'saved', id: game.id, revision: r.revision, turn: game.turn });
      return r;
    },
    async remove(id) {
      await del(PREFIX + id, store);
      channel.post({ type: 'deleted', id });
    },
    watch: (cb) => channel.listen(cb),
    close: () => channel.close(),
  };
}

/**
 * Read the stored revision and write in the same transaction, so no other tab's write can land
 * between the check and the write. The stored entry may be from any version of the game, so its
 * revision is read defensively. A revision newer than `base` written by this same tab is this
 * tab's own write that landed after its time limit: not a conflict.
 */
function checkAndSet(
  os: IDBObjectStore,
  key: string,
  game: SavedGame,
  base: Revision,
  tab: string,
): Promise<PutResult> {
  return new Promise<PutResult>((resolve, reject) => {
    const tx = os.transaction;
    const failed = (): void => reject(tx.error ?? new Error('the save was not written'));
    tx.onerror = failed;
    tx.onabort = failed;
    const read = os.get(key);
    read.onsuccess = () => {
      const old: unknown = read.result;
      const stored = revisionOf(old);
      if (stored && stored.n > base.n && stored.tab !== tab) {
        resolve({ ok: false, stored: { revision: stored, turn: turnOf(old) } });
        return;
      }
      const revision: Revision = { n: Math.max(base.n, stored?.n ?? 0) + 1, tab };
      os.put({ ...game, revision }, key);
      tx.oncomplete = () => resolve({ ok: true, revision });
    };
  });
}

function revisionOf(v: unknown): Revision | null {
  const r = (v as { revision?: unknown } | null | undefined)?.revision;
  if (typeof r !== 'object' || r === null) return null;
  const { n, tab } = r as { n?: unknown; tab?: unknown };
  return typeof n === 'number' && typeof tab === 'string' ? { n, tab } : null;
}

function turnOf(v: unknown): number {
  const t = (v as { turn?: unknown } | null | undefined)?.turn;
  return typeof t === 'number' ? t : 0;
}

/** A short random id for a new saved game. */
export function newSaveId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
        b.toString(16).padStart(2, '0'),
      ).join('');
}
