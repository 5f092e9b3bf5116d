import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../src/engine/timeline';
import { PLAYABLE_ACTORS, type PlayableActorId } from '../../src/sim/ids';
import type { ReplayRecord } from '../../src/sim/replay';
import {
  decodeReplayFile,
  decodeShareLink,
  encodeReplayFile,
  encodeShareLink,
} from '../../src/sim/replay-codec';
import { loadScenarioData, type LoadedScenario } from '../../src/sim/scenario/load';
import { game, scenario } from '../helpers/game';
import { randomLegal } from '../helpers/random-legal';

/**
 * A replay that leaves the game (as a file, as a link) must come back bit for bit, or the person
 * who opens it sees a different game or none. For random games (any seed, any set of human seats
 * playing random legal orders, any length) the record survives both encodings unchanged, and the
 * decoded record still re-simulates to its own final hash.
 */

const loaded = scenario('two-front');

interface Case {
  readonly seed: string;
  readonly humans: readonly PlayableActorId[];
  readonly turns: number;
  readonly policySeed: number;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  // Seeds are free text: include non-ASCII, which lz-string must carry as UTF-16 intact.
  seed: fc.oneof(
    fc.string({ minLength: 1, maxLength: 24 }),
    fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
  ),
  humans: fc.subarray([...PLAYABLE_ACTORS] as PlayableActorId[]),
  turns: fc.integer({ min: 1, max: 10 }),
  policySeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

function play(c: Case, on: LoadedScenario = loaded): ReplayRecord {
  const b = game(on).seed(c.seed).turns(c.turns);
  c.humans.forEach((h, i) => b.policy(h, randomLegal(c.policySeed + i, 0.7)));
  const g = b.play();
  expect(g.rejection).toBeNull();
  return g.replay();
}

function viaFile(r: ReplayRecord): ReplayRecord {
  const back = decodeReplayFile(encodeReplayFile(r), 'roundtrip.json');
  if (!back.ok) throw new Error(back.error.message);
  return back.value;
}

function viaLink(r: ReplayRecord): ReplayRecord {
  const link = encodeShareLink(r);
  if (!link.ok) throw new Error(link.error.message);
  const back = decodeShareLink(link.value);
  if (!back.ok) throw new Error(back.error.message);
  return back.value;
}

/** The hash of the last turn the decoded record re-simulates to. */
function replayedFinalHash(sc: LoadedScenario, r: ReplayRecord): string {
  const t = buildTimeline(sc, r);
  if (!t.ok) throw new Error(`turn ${t.error.turn}: ${t.error.reason}`);
  expect(t.value.frames).toHaveLength(r.turnHashes.length + 1);
  return t.value.frames[t.value.frames.length - 1]!.hash;
}

describe('replay round trips', () => {
  it('record → file → record and record → link → record are lossless, and still replay', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const record = play(c);
        expect(record.turnHashes.length).toBeGreaterThanOrEqual(1);
        const fromFile = viaFile(record);
        const fromLink = viaLink(record);
        expect(fromFile).toStrictEqual(record);
        expect(fromLink).toStrictEqual(record);
        expect(replayedFinalHash(loaded, fromFile)).toBe(record.finalHash);
        expect(replayedFinalHash(loaded, fromLink)).toBe(record.finalHash);
      }),
      { numRuns: 40 },
    );
  });

  it('a parent reference and an embedded custom scenario survive the file round trip', () => {
    // A custom scenario: the baseline under another id and with a shorter calendar.
    const data = JSON.parse(JSON.stringify(loaded.scenario)) as Record<string, unknown>;
    data['id'] = 'custom-roundtrip';
    (data['calendar'] as Record<string, unknown>)['maxTurns'] = 12;
    const custom = loadScenarioData(data, 'custom-roundtrip.json');
    if (!custom.ok) throw new Error(custom.error[0]!.message);
    const carried = JSON.parse(JSON.stringify(custom.value.scenario)) as Record<string, unknown>;

    const parentArb = fc.record({
      finalHash: fc.stringMatching(/^[0-9a-f]{16}$/),
      turn: fc.integer({ min: 0, max: 12 }),
    });
    fc.assert(
      fc.property(caseArb, parentArb, (c, parent) => {
        const record: ReplayRecord = {
          ...play({ ...c, turns: Math.min(c.turns, 4) }, custom.value),
          // fast-check builds records without a prototype; a record from JSON has one.
          parent: { ...parent },
          scenario: carried,
        };
        const back = viaFile(record);
        expect(back).toStrictEqual(record);
        expect(back.parent).toEqual(parent);
        // The carried scenario still is the scenario the game was played on.
        const reloaded = loadScenarioData(back.scenario, 'carried');
        if (!reloaded.ok) throw new Error(reloaded.error[0]!.message);
        expect(reloaded.value.hash).toBe(record.scenarioHash);
        expect(reloaded.value.scenario.id).toBe('custom-roundtrip');
        expect(replayedFinalHash(reloaded.value, back)).toBe(record.finalHash);
      }),
      { numRuns: 8 },
    );
  });
});
