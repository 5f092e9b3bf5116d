import type { ReplayRecord } from '../sim/replay';
import { decodeReplayFile } from '../sim/replay-codec';
import { pickFile, readFileText } from './files';
import type { Saves } from './saves';

/**
 * Finding a fork's parent, to compare the two branches: among the replays opened this session and
 * the saved games, or from a file the player picks (checked to be that parent: same scenario
 * version, same seed, and its record passes through the hash the fork names).
 */

/**
 * The parent as it was forked, else the same game played on since (a saved game in progress
 * keeps going after someone forks it): its record passes through that hash.
 */
export async function findParent(
  record: ReplayRecord,
  opened: ReadonlyMap<string, ReplayRecord>,
  saves: Saves,
): Promise<ReplayRecord | null> {
  const want = record.parent?.finalHash;
  if (!want) return null;
  const hit = opened.get(want);
  if (hit) return hit;
  try {
    const games = (await saves.list()).flatMap((e) => (e.ok ? [e.game.record] : []));
    return (
      games.find((r) => r.finalHash === want) ??
      games.find((r) => r.turnHashes.includes(want) && r.seed === record.seed) ??
      null
    );
  } catch {
    // No storage (a private window): the parent is simply not at hand.
  }
  return null;
}

/** The parent of a fork from a file the player picks, checked to be that parent. */
export async function chooseParent(
  record: ReplayRecord,
  opened: Map<string, ReplayRecord>,
  notice: (message: string) => void,
): Promise<ReplayRecord | null> {
  const want = record.parent?.finalHash;
  const file = await pickFile();
  if (!file || !want) return null;
  const text = await readFileText(file);
  if (!text.ok) {
    notice(text.error.message);
    return null;
  }
  const r = decodeReplayFile(text.value, file.name);
  if (!r.ok) {
    notice(r.error.message);
    return null;
  }
  const p = r.value;
  const isParent =
    p.scenarioHash === record.scenarioHash &&
    p.seed === record.seed &&
    (p.finalHash === want || p.turnHashes.includes(want));
  if (!isParent) {
    notice(
      `${file.name} is not the game this fork was taken from: the fork names game ${want} (seed ${record.seed}); the file is game ${p.finalHash || '(no turns)'} of seed ${p.seed}.`,
    );
    return null;
  }
  if (p.finalHash) opened.set(p.finalHash, p);
  return p;
}
