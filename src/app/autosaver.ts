import type { Revision, SaveNews } from './save-channel';
import { NO_REVISION, type SavedGame, type Saves } from './saves';

/**
 * The running game's hold on its saved entry. It writes the latest version of the game without
 * piling up writes (while one write is in flight, newer saves replace each other and only the last
 * is written after it), and remembers the revision it last wrote, so every write is a
 * check-and-set against it.
 *
 * When another tab has moved the game on (its write was announced on the channel, or the store
 * refused ours), this tab is stale: it writes nothing more over the other tab's game, keeps its
 * own latest game in memory and says so once through `stale`. The player then reloads the latest
 * (a new game screen, a new autosaver) or keeps this tab's game as a new saved game
 * ({@link Autosaver.keepAs}), and writes go on under the new id.
 */

/** Another tab moved the game on: its turn there and this tab's turn here. */
export interface Conflict {
  readonly id: string;
  readonly there: number;
  readonly here: number;
  readonly revision: Revision;
}

export interface AutosaverOptions {
  readonly id: string;
  readonly createdAt: string;
  /** The revision the game was read at (a continued game), or none (a new one). */
  readonly base?: Revision;
  /** A write failed or timed out: said once, until a write succeeds again. */
  readonly failed: (e: unknown) => void;
  readonly stale: (c: Conflict) => void;
}

export class Autosaver {
  private idValue: string;
  private created: string;
  private base: Revision;
  private next: SavedGame | null = null;
  private last: SavedGame | null = null;
  private lastStored = false;
  private running: Promise<void> | null = null;
  private conflict: Conflict | null = null;
  private failing = false;
  private disposed = false;
  private readonly unwatch: () => void;

  constructor(
    private readonly saves: Saves,
    private readonly opts: AutosaverOptions,
  ) {
    this.idValue = opts.id;
    this.created = opts.createdAt;
    this.base = opts.base ?? NO_REVISION;
    this.unwatch = saves.watch((news) => this.heard(news));
  }

  /** The id the game is saved under (it changes when a stale tab keeps its game as a new one). */
  get id(): string {
    return this.idValue;
  }

  get createdAt(): string {
    return this.created;
  }

  /** Another tab has the newer game; nothing is written until the player chooses. */
  get stale(): Conflict | null {
    return this.conflict;
  }

  /**
   * The latest game asked for, with the revision it builds on, and whether it is in storage: a
   * game whose writes failed can still be gone back to from the viewer.
   */
  latest(): { game: SavedGame; stored: boolean } | null {
    return this.last
      ? { game: { ...this.last, revision: this.base }, stored: this.lastStored }
      : null;
  }

  save(game: SavedGame): void {
    this.last = game;
    this.lastStored = false;
    if (this.conflict) return;
    this.next = game;
    if (!this.running) this.running = this.drain();
  }

  /** Resolves once everything asked for is written (or refused, or failed). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Keep this tab's game as a new saved game: the other tab's game stays as it is, this one is
   * written under `id` from now on.
   */
  keepAs(id: string, createdAt: string): void {
    this.idValue = id;
    this.created = createdAt;
    this.base = NO_REVISION;
    this.conflict = null;
    if (this.last) this.save({ ...this.last, id, createdAt });
  }

  /** The game screen is gone: writes in flight finish, but a conflict is no longer asked about. */
  dispose(): void {
    this.disposed = true;
    this.unwatch();
  }

  private heard(news: SaveNews): void {
    if (news.type !== 'saved' || news.id !== this.idValue) return;
    if (news.revision.tab === this.saves.tab || news.revision.n <= this.base.n) return;
    this.goStale(news.revision, news.turn);
  }

  private goStale(revision: Revision, there: number): void {
    if (this.conflict || this.disposed) return;
    this.next = null;
    this.conflict = {
      id: this.idValue,
      there,
      here: this.last?.turn ?? there,
      revision,
    };
    this.opts.stale(this.conflict);
  }

  private async drain(): Promise<void> {
    try {
      while (this.next && !this.conflict) {
        const id = this.idValue;
        const queued = this.next;
        // A game queued before keepAs() still names the old id.
        const g = queued.id === id ? queued : { ...queued, id, createdAt: this.created };
        this.next = null;
        try {
          const r = await this.saves.put(g, this.base);
          // Kept as a new game while this write was in flight: its answer is about the old id.
          if (id !== this.idValue) continue;
          if (!r.ok) {
            this.goStale(r.stored.revision, r.stored.turn);
            continue;
          }
          this.base = r.revision;
          this.failing = false;
          if (this.last === queued) this.lastStored = true;
        } catch (e) {
          if (!this.failing) this.opts.failed(e);
          this.failing = true;
        }
      }
    } finally {
      this.running = null;
    }
  }
}
