import atlasUrl from 'world-atlas/countries-50m.json?url';
import type { Topology } from 'topojson-specification';
import { atlasFromTopology, type Atlas } from './geo';

let pending: Promise<Atlas> | null = null;

/**
 * Fetch world-atlas (countries at 1:50m, with merged land) once per page: it is ~750 KB, so it is
 * served as a file rather than bundled into the script.
 */
export function loadAtlas(): Promise<Atlas> {
  pending ??= fetch(atlasUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`world atlas: HTTP ${r.status}`);
      return r.json() as Promise<Topology>;
    })
    .then(atlasFromTopology);
  return pending;
}
