import type { TurnDecisions } from '../../sim/replay';

/**
 * What a browser keeps of its classroom sessions, in localStorage: a student's device key by join
 * code (reopening the same link, a reload or a new tab return to the same seat), a facilitator's
 * key by session, and a team's orders chosen but not yet sent. Keys are capabilities: they stay
 * in this browser and are never shown.
 */

const PREFIX = 'sf-classroom:';

export interface DeviceSeat {
  readonly sessionId: string;
  readonly deviceId: string;
  readonly deviceKey: string;
  readonly name: string;
}

export interface FacilitatorSeat {
  readonly key: string;
  readonly code: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function read<T>(store: Store, key: string, ok: (v: unknown) => v is T): T | null {
  try {
    const raw = store.getItem(PREFIX + key);
    if (raw === null) return null;
    const v: unknown = JSON.parse(raw);
    return ok(v) ? v : null;
  } catch {
    return null;
  }
}

function write(store: Store, key: string, value: unknown): void {
  try {
    store.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or refused (a private window): the seat lasts as long as the page.
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const strings =
  <K extends string>(...keys: K[]) =>
  (v: unknown): v is Record<K, string> =>
    isObj(v) && keys.every((k) => typeof v[k] === 'string');

export function classroomKeys(store: Store = localStorage) {
  return {
    device: (code: string): DeviceSeat | null =>
      read(store, `join:${code}`, strings('sessionId', 'deviceId', 'deviceKey', 'name')),
    keepDevice: (code: string, seat: DeviceSeat): void => write(store, `join:${code}`, seat),
    forgetDevice: (code: string): void => store.removeItem(`${PREFIX}join:${code}`),
    facilitator: (sessionId: string): FacilitatorSeat | null =>
      read(store, `facilitate:${sessionId}`, strings('key', 'code')),
    keepFacilitator: (sessionId: string, seat: FacilitatorSeat): void =>
      write(store, `facilitate:${sessionId}`, seat),
    drafts: (sessionId: string): { turn: number; by: TurnDecisions } | null =>
      read(
        store,
        `drafts:${sessionId}`,
        (v): v is { turn: number; by: TurnDecisions } =>
          isObj(v) && typeof v['turn'] === 'number' && isObj(v['by']),
      ),
    keepDrafts: (sessionId: string, d: { turn: number; by: TurnDecisions }): void =>
      write(store, `drafts:${sessionId}`, d),
    forgetDrafts: (sessionId: string): void => store.removeItem(`${PREFIX}drafts:${sessionId}`),
  };
}

export type ClassroomKeys = ReturnType<typeof classroomKeys>;
