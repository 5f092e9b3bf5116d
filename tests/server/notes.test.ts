import { describe, expect, it } from 'vitest';
import { verifyReplay } from '../../src/engine/run';
import type { Exported } from '../../src/net/protocol';
import { parseReplayText } from '../../src/sim/replay';
import { encodeReplayFile } from '../../src/sim/replay-codec';
import { Client, replicaOf, scenarios, settle, useServer } from './harness';

/**
 * The facilitator's notes for the debrief: written to `control`, on the turn or on one log entry,
 * read by control alone, kept through a rebuild from the store, and carried with every message
 * into the exported replay record's annotations (which the after-action report reads; no hash
 * covers them, so the record still verifies).
 */

const run = useServer();

describe("the facilitator's notes", () => {
  it('are control’s alone, name a log entry, and go into the export with the messages', async () => {
    const control = await Client.connect(run.url);
    const code = await control.create(run.adminKey, { teams: ['china', 'usa'], turnLimit: 3 });
    const id = control.sessionId!;
    const [china, usa] = await Promise.all([0, 1].map(() => Client.connect(run.url)));
    await china!.join(code, 'Chen', 'china');
    await usa!.join(code, 'Una', 'usa');
    const all = [control, china!, usa!];
    const settled = () => settle(run.store, id, all);
    await control.must('control', { action: 'start' });
    await settled();
    const logged = control.log.length;
    expect(logged).toBeGreaterThan(3);

    await usa!.must('message:send', { to: 'china', text: 'Stand down in the Strait.' });
    await control.must('message:send', {
      to: 'control',
      text: 'Ask the US team why it wrote before it moved.',
    });
    await control.must('message:send', {
      to: 'control',
      text: 'This deterrence roll is the hinge of turn 1.',
      about: 2,
    });
    // A note is about an entry that exists; only control's notes name entries.
    const far = await control.req('message:send', { to: 'control', text: 'x', about: logged + 50 });
    expect(far).toMatchObject({ ok: false, error: expect.stringMatching(/^about: the log has/) });
    const notNote = await control.req('message:send', { to: 'all', text: 'x', about: 1 });
    expect(notNote).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^about: only a note/),
    });
    const team = await china!.req('message:send', { to: 'control', text: 'x', about: 1 });
    expect(team).toMatchObject({ ok: false, error: expect.stringMatching(/^about: only the/) });
    await settled();

    expect(control.messages.filter((m) => m.to === 'control')).toHaveLength(2);
    expect(control.messages.at(-1)).toMatchObject({ about: 2, from: { team: 'control' } });
    for (const c of [china!, usa!]) {
      expect(c.messages.some((m) => m.to === 'control' && m.from.team === 'control')).toBe(false);
      expect(c.messages.some((m) => /hinge/.test(m.text))).toBe(false);
    }
    // Kept in the session's events: a rebuild from the store has them.
    const replica = await replicaOf(run.store, id);
    expect(replica.messages.filter((m) => m.to === 'control')).toHaveLength(2);

    await china!.must('orders:submit', { turn: 1, decisions: [] });
    await usa!.must('orders:submit', { turn: 1, decisions: [] });
    await settled();
    const ex = await control.req<Exported>('control:export', {});
    if (!ex.ok) throw new Error(ex.error);
    expect(ex.record.annotations).toEqual({
      messages: [
        {
          turn: 1,
          from: 'Una (United States)',
          to: "People's Republic of China",
          text: 'Stand down in the Strait.',
        },
      ],
      notes: [
        { turn: 1, text: 'Ask the US team why it wrote before it moved.' },
        { turn: 1, logIndex: 2, text: 'This deterrence roll is the hinge of turn 1.' },
      ],
    });
    // The record with its annotations reads back through the replay file's checks and verifies.
    const back = parseReplayText(encodeReplayFile(ex.record), 'export.json');
    if (!back.ok) throw new Error(back.error.map((p) => p.message).join('; '));
    expect(back.value.annotations).toEqual(ex.record.annotations);
    expect(verifyReplay(scenarios('two-front')!, back.value).ok).toBe(true);
    for (const c of all) c.close();
  });
});
