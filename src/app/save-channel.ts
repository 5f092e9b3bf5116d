/**
 * News between the tabs of one browser about the saved games: after every write a tab says which
 * game moved on, to which revision and turn, so another tab that has that game open learns at once
 * that it is behind (rather than at its next save, which the store would refuse anyway). A
 * BroadcastChannel does not deliver a tab's own messages back to it. Where there is no
 * BroadcastChannel the store's check-and-set alone still keeps every tab from writing over
 * another.
 */

/** Which write of a saved game: a counter that only goes up, and the tab that wrote it. */
export interface Revision {
  readonly n: number;
  readonly tab: string;
}

/** What one tab tells the others. */
export type SaveNews =
  | {
      readonly type: 'saved';
      readonly id: string;
      readonly revision: Revision;
      readonly turn: number;
    }
  | { readonly type: 'deleted'; readonly id: string };

export interface SaveChannel {
  post(news: SaveNews): void;
  /** Listen; the function returned stops listening. */
  listen(cb: (news: SaveNews) => void): () => void;
  close(): void;
}

/** A channel named after the database, so tests with their own databases do not hear each other. */
export function saveChannel(name: string): SaveChannel {
  const ch = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
  const listeners = new Set<(news: SaveNews) => void>();
  if (ch)
    ch.onmessage = (e: MessageEvent<unknown>) => {
      const news = readNews(e.data);
      if (news) for (const cb of listeners) cb(news);
    };
  return {
    post(news) {
      ch?.postMessage(news);
    },
    listen(cb) {
      listeners.add(cb);
      return () => void listeners.delete(cb);
    },
    close() {
      listeners.clear();
      ch?.close();
    },
  };
}

/** Messages come from other pages of this origin, possibly another version: checked, not trusted. */
function readNews(v: unknown): SaveNews | null {
  if (typeof v !== 'object' || v === null) return null;
  const m = v as Record<string, unknown>;
  if (typeof m['id'] !== 'string') return null;
  if (m['type'] === 'deleted') return { type: 'deleted', id: m['id'] };
  const r = m['revision'] as Record<string, unknown> | null | undefined;
  if (
    m['type'] !== 'saved' ||
    typeof m['turn'] !== 'number' ||
    typeof r !== 'object' ||
    r === null ||
    typeof r['n'] !== 'number' ||
    typeof r['tab'] !== 'string'
  )
    return null;
  return { type: 'saved', id: m['id'], turn: m['turn'], revision: { n: r['n'], tab: r['tab'] } };
}
