import { describe, expect, it } from 'vitest';
import { applyView } from '../../../src/app/classroom/connection';
import { clockText, msLeft, readyText } from '../../../src/app/classroom/clock';
import { parseClock } from '../../../src/app/classroom/classroom-setup';
import { classroomKeys } from '../../../src/app/classroom/keys';
import { classroomRoute, facilitateHash, joinUrl } from '../../../src/app/classroom/route';
import type { ChatMessage } from '../../../src/net/protocol';
import type { LogEntry } from '../../../src/sim/log';

/**
 * The classroom client's pure pieces: how a view's increments fold into what a page holds (and
 * when a gap asks for a resync), the clock as read, the addresses, the phase timer as typed, and
 * what a browser keeps.
 */

const entry = (i: number): LogEntry => ({ i }) as unknown as LogEntry;
const shown = (from: number, n: number) =>
  Array.from({ length: n }, (_, k) => ({ index: from + k, entry: entry(from + k) }));
const message = (seq: number): ChatMessage => ({
  seq,
  turn: 1,
  at: 0,
  from: { team: 'control', name: 'Control' },
  to: 'all',
  text: `m${seq}`,
});

describe('applyView', () => {
  it('extends the log and messages from the count held, restates from 0, and reports a gap', () => {
    const held = { log: [] as LogEntry[], messages: [] as ChatMessage[] };
    expect(
      applyView(held, {
        log: { from: 0, entries: shown(0, 3) },
        messages: { from: 0, entries: [message(1)] },
      }),
    ).toBe(true);
    expect(held.log).toHaveLength(3);
    const kept = held.log;
    expect(
      applyView(held, {
        log: { from: 3, entries: shown(3, 2) },
        messages: { from: 1, entries: [] },
      }),
    ).toBe(true);
    // The same array grows in place: the game screen's visibleLog reuses what it had.
    expect(held.log).toBe(kept);
    expect(held.log.map((e) => (e as unknown as { i: number }).i)).toEqual([0, 1, 2, 3, 4]);
    // A restatement from an earlier count replaces what follows it.
    expect(
      applyView(held, {
        log: { from: 0, entries: shown(0, 2) },
        messages: { from: 0, entries: [message(1), message(2)] },
      }),
    ).toBe(true);
    expect(held.log).toHaveLength(2);
    expect(held.messages.map((m) => m.seq)).toEqual([1, 2]);
    // A view that starts past what is held leaves a gap: nothing is applied, ask for everything.
    expect(
      applyView(held, {
        log: { from: 5, entries: shown(5, 1) },
        messages: { from: 2, entries: [] },
      }),
    ).toBe(false);
    expect(held.log).toHaveLength(2);
  });
});

describe('the clock', () => {
  it('counts down to the deadline, or shows what was left while paused', () => {
    expect(msLeft({ seconds: 60, deadline: 10_000, remainingMs: null }, 4_000)).toBe(6_000);
    expect(msLeft({ seconds: 60, deadline: 10_000, remainingMs: null }, 12_000)).toBe(0);
    expect(msLeft({ seconds: 60, deadline: null, remainingMs: 42_000 }, 99_999)).toBe(42_000);
    expect(msLeft({ seconds: 0, deadline: null, remainingMs: null }, 0)).toBeNull();
  });

  it('reads as minutes and seconds left, rounded up', () => {
    expect(clockText(102_000)).toBe('1:42 left');
    expect(clockText(101_001)).toBe('1:42 left');
    expect(clockText(400)).toBe('0:01 left');
    expect(clockText(0)).toBe('Time is up');
    expect(clockText(3_725_000)).toBe('1:02:05 left');
    expect(readyText({ submitted: 4, of: 7 })).toBe('4 of 7 teams ready');
    expect(readyText({ submitted: 0, of: 1 })).toBe('0 of 1 team ready');
  });

  it('takes the phase timer as minutes, m:ss or seconds', () => {
    expect(parseClock('8')).toBe(480);
    expect(parseClock('8:00')).toBe(480);
    expect(parseClock('0:30')).toBe(30);
    expect(parseClock('45s')).toBe(45);
    expect(parseClock('1.5 min')).toBe(90);
    expect(parseClock('0')).toBe(0);
    expect(parseClock('')).toBe(0);
    expect(parseClock('soon')).toBeNull();
    expect(parseClock('8:75')).toBeNull();
  });
});

describe('addresses', () => {
  it('reads join and facilitator fragments, and nothing else', () => {
    expect(classroomRoute('#join')).toEqual({ kind: 'join', code: null });
    expect(classroomRoute('#join=abcd-efgh')).toEqual({ kind: 'join', code: 'ABCDEFGH' });
    expect(classroomRoute('#facilitate=KEY')).toEqual({
      kind: 'facilitate',
      adminKey: 'KEY',
      sessionId: null,
    });
    expect(classroomRoute(facilitateHash('K_-y', 'abc123def456'))).toEqual({
      kind: 'facilitate',
      adminKey: 'K_-y',
      sessionId: 'abc123def456',
    });
    expect(classroomRoute('#replay=N4Ig')).toBeNull();
    expect(classroomRoute('')).toBeNull();
    expect(joinUrl({ origin: 'http://10.0.0.5:8080', pathname: '/' }, 'ABCDEFGH')).toBe(
      'http://10.0.0.5:8080/#join=ABCD-EFGH',
    );
  });
});

describe('classroomKeys', () => {
  const memory = (): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> => {
    const m = new Map<string, string>();
    return {
      getItem: (k) => m.get(k) ?? null,
      setItem: (k, v) => void m.set(k, v),
      removeItem: (k) => void m.delete(k),
    };
  };

  it('keeps a device seat by code and a facilitator key by session, and ignores what is malformed', () => {
    const store = memory();
    const keys = classroomKeys(store);
    const seat = { sessionId: 's', deviceId: 'd', deviceKey: 'k', name: 'Ana' };
    keys.keepDevice('ABCDEFGH', seat);
    expect(keys.device('ABCDEFGH')).toEqual(seat);
    expect(keys.device('ZZZZZZZZ')).toBeNull();
    keys.forgetDevice('ABCDEFGH');
    expect(keys.device('ABCDEFGH')).toBeNull();
    keys.keepFacilitator('s', { key: 'fk', code: 'ABCDEFGH' });
    expect(keys.facilitator('s')).toEqual({ key: 'fk', code: 'ABCDEFGH' });
    store.setItem('sf-classroom:join:BROKEN', '{"sessionId": 3}');
    store.setItem('sf-classroom:facilitate:x', 'not json');
    expect(keys.device('BROKEN')).toBeNull();
    expect(keys.facilitator('x')).toBeNull();
  });
});
