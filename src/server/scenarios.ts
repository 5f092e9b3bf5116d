import { listScenarioIds, loadScenarioFile } from '../cli/scenario-files';
import type { LoadedScenario } from '../sim/scenario/load';
import type { ScenarioSource } from './session';

/**
 * The scenarios a session may be played on: the bundled ones in `scenarios/`, by id (never a
 * path), loaded through the same schema and `extends` resolution as the CLI and the browser, so
 * their hashes match a replay made anywhere. Loaded once each.
 */
export function bundledScenarios(): ScenarioSource {
  const ids = new Set(listScenarioIds());
  const cache = new Map<string, LoadedScenario | null>();
  return (id) => {
    if (!ids.has(id)) return null;
    let hit = cache.get(id);
    if (hit === undefined) {
      const r = loadScenarioFile(id);
      hit = r.ok ? r.value : null;
      cache.set(id, hit);
    }
    return hit;
  };
}
