import { jsonPath } from '../validation';
import { JUDGEMENT } from './schema';

/**
 * The provenance of every figure of a scenario: what each number rests on. It reads the scenario
 * as resolved from its file (a variant merged onto its base), before parsing, because the parsed
 * `Scenario` keeps only the numbers and drops their tags.
 *
 * How a figure's provenance is found:
 *
 * - **Tagged figures** (`rules.<section>.<key>`, `options.<id>.params.<key>`,
 *   `options.<id>.cost.<key>`, `calendar.<key>`, and a tag anywhere else): `{ "value": 12,
 *   "source": "csis-2023" | ["a", "b"] | "judgement", "why": "..." }`. A bare number where a tag
 *   is expected is *untagged*: the `sources` of the whole `rules` block is a citation of the
 *   section, not the reason for one figure.
 * - **Objects that carry a `sources` array** (actors, blocs, regions, forces, tracks, `us`,
 *   `ukraine`, levers, events, the combat table): every number inside the object is cited by
 *   the array of the nearest such object.
 * - **Anything else** (a number in no tag and under no `sources` array: outcome scores) is
 *   *untagged*.
 *
 * How a list of source ids is judged:
 *
 * - **sourced** when it names at least one published source (a source whose publisher is not
 *   the project itself);
 * - **judgement** when a tag says `"judgement"`, or a tag names only the project's own notes
 *   (its `why` is the reason), or a `sources` array names only project notes and every one of
 *   them gives a reason: a `note` that says something once its "Design assumption." label is
 *   taken off. A project note is a source whose publisher is {@link PROJECT_PUBLISHER};
 * - **untagged** otherwise (a project note with no reason, an id the scenario does not declare).
 *
 * Not figures, and not listed: `formatVersion` (the file format) and `regions.*.geo` (map
 * drawing: outline points and centres, used by the map alone).
 *
 * @example
 * const p = provenance(resolvedScenario);
 * p.counts.untagged // 0 is the goal
 * p.figures.filter((f) => f.status === 'untagged').map((f) => f.path)
 */

/** The publisher the project's own design notes carry (`design-*` sources). */
export const PROJECT_PUBLISHER = 'Second Front project';

export type FigureStatus = 'sourced' | 'judgement' | 'untagged';

export interface Figure {
  /** The group it is listed under: the top-level key, or `rules.<section>`. */
  readonly section: string;
  /** JSON path of the number (of the tag's `value` for a tagged figure), e.g. `$.rules.miscalc.base`. */
  readonly path: string;
  readonly value: number;
  readonly status: FigureStatus;
  /** The source ids it rests on (its tag's, or its object's `sources`); empty for judgement tags. */
  readonly sources: readonly string[];
  /**
   * The reason: a tag's `why`; for a figure judged through project notes, their notes; null for
   * a figure cited by published sources through a `sources` array, and for untagged figures.
   */
  readonly why: string | null;
  /** Where the provenance was found: its own tag, the `sources` array at `citedBy`, or nowhere. */
  readonly via: 'tag' | 'sources' | 'none';
  /** JSON path of the object whose `sources` array cites the figure (`via: 'sources'`). */
  readonly citedBy: string | null;
}

export interface ProvenanceCounts {
  readonly total: number;
  readonly sourced: number;
  readonly judgement: number;
  readonly untagged: number;
}

export interface Provenance {
  readonly figures: readonly Figure[];
  readonly counts: ProvenanceCounts;
}

type Path = readonly (string | number)[];
interface Bib {
  readonly publisher: unknown;
  readonly note: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Where a figure must carry its own tag: a rule, an option parameter or cost, the calendar. */
function tagZone(path: Path): boolean {
  return (
    (path[0] === 'rules' && path.length >= 3) ||
    (path[0] === 'options' && (path[2] === 'params' || path[2] === 'cost') && path.length >= 4) ||
    (path[0] === 'calendar' && path.length >= 2)
  );
}

/** Keys whose numbers are not figures of the model (see the module note). */
function skipped(path: Path): boolean {
  return (
    (path.length === 1 && path[0] === 'formatVersion') ||
    (path.length === 1 && path[0] === 'sources') ||
    (path.length === 3 && path[0] === 'regions' && path[2] === 'geo')
  );
}

/**
 * A tag: an object with a numeric `value` and a `source`. Its `why` is read if it is a string.
 *
 * @example
 * isTag({ value: 4, source: 'judgement', why: 'x' }) // true
 */
export function isTag(v: unknown): v is { value: number; source: unknown; why?: unknown } {
  return isObject(v) && typeof v['value'] === 'number' && Object.hasOwn(v, 'source');
}

/** The ids a tag's or array's `source(s)` names (strings only). */
function idsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** A project note's reason: its note without the "Design assumption." label, or null. */
function noteReason(b: Bib | undefined): string | null {
  if (!b || b.publisher !== PROJECT_PUBLISHER || typeof b.note !== 'string') return null;
  const reason = b.note.replace(/^\s*design assumption\.?\s*/i, '').trim();
  return reason.length > 0 ? reason : null;
}

/**
 * Judge a list of source ids against the bibliography (see the module note).
 *
 * @example
 * judgeSources(['iiss-mb-2025', 'design-scale'], bib) // { status: 'sourced', why: null }
 */
function judgeSources(
  ids: readonly string[],
  bib: ReadonlyMap<string, Bib>,
  tagWhy: string | null,
): { status: FigureStatus; why: string | null } {
  const known = ids.filter((id) => bib.has(id));
  if (known.some((id) => bib.get(id)!.publisher !== PROJECT_PUBLISHER))
    return { status: 'sourced', why: tagWhy };
  if (known.length === 0 || known.length < ids.length) return { status: 'untagged', why: tagWhy };
  if (tagWhy !== null) return { status: 'judgement', why: tagWhy };
  const reasons = known.map((id) => noteReason(bib.get(id)));
  if (reasons.some((r) => r === null)) return { status: 'untagged', why: null };
  return { status: 'judgement', why: reasons.join(' / ') };
}

/**
 * Every figure of a resolved scenario (the merged JSON data, tags intact) with its provenance,
 * in file order, and the counts.
 *
 * @example
 * const { counts } = provenance(JSON.parse(readFileSync('scenarios/two-front.json', 'utf8')));
 * console.log(`${counts.untagged} untagged of ${counts.total}`);
 */
export function provenance(resolved: unknown): Provenance {
  const root = isObject(resolved) ? resolved : {};
  const bib = new Map<string, Bib>();
  if (isObject(root['sources']))
    for (const [id, s] of Object.entries(root['sources']))
      if (isObject(s)) bib.set(id, { publisher: s['publisher'], note: s['note'] });
  const figures: Figure[] = [];
  const sectionOf = (path: Path): string =>
    path[0] === 'rules' && path.length >= 3 ? `rules.${String(path[1])}` : String(path[0]);

  const add = (path: Path, value: number, f: Omit<Figure, 'section' | 'path' | 'value'>): void => {
    figures.push({ section: sectionOf(path), path: jsonPath(path), value, ...f });
  };

  const walk = (v: unknown, path: Path, cover: { ids: string[]; at: Path } | null): void => {
    if (skipped(path)) return;
    if (typeof v === 'number') {
      if (tagZone(path) || !cover) {
        add(path, v, { status: 'untagged', sources: [], why: null, via: 'none', citedBy: null });
        return;
      }
      const j = judgeSources(cover.ids, bib, null);
      add(path, v, { ...j, sources: cover.ids, via: 'sources', citedBy: jsonPath(cover.at) });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i], cover));
      return;
    }
    if (!isObject(v)) return;
    if (isTag(v)) {
      const why = typeof v.why === 'string' ? v.why : null;
      const at = [...path, 'value'];
      if (v.source === JUDGEMENT)
        add(at, v.value, {
          status: why === null ? 'untagged' : 'judgement',
          sources: [],
          why,
          via: 'tag',
          citedBy: null,
        });
      else {
        const ids = idsOf(v.source);
        add(at, v.value, {
          ...judgeSources(ids, bib, why),
          sources: ids,
          via: 'tag',
          citedBy: null,
        });
      }
      return;
    }
    // A `sources` array covers the numbers of its object, except where tags are required.
    const own = path.length > 0 && Array.isArray(v['sources']) ? idsOf(v['sources']) : null;
    const next = own ? { ids: own, at: path } : cover;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'sources' && own) continue;
      walk(x, [...path, k], next);
    }
  };
  walk(root, [], null);
  return { figures, counts: countFigures(figures) };
}

/**
 * Counts by status.
 *
 * @example
 * countFigures(provenance(data).figures.filter((f) => f.section === 'rules.miscalc')).untagged
 */
export function countFigures(figures: readonly Figure[]): ProvenanceCounts {
  let sourced = 0;
  let judgement = 0;
  let untagged = 0;
  for (const f of figures)
    if (f.status === 'sourced') sourced++;
    else if (f.status === 'judgement') judgement++;
    else untagged++;
  return { total: figures.length, sourced, judgement, untagged };
}

/**
 * Tags naming a source the scenario does not declare, as `[path, id]` pairs (the path of the
 * tag's `source`, or of the array entry). Run by the loader on the resolved data: the parsed
 * scenario no longer has the tags.
 *
 * @example
 * undeclaredTagSources({ sources: {}, rules: { x: { y: { value: 1, source: 'nope', why: 'w' } } } })
 * // [[['rules', 'x', 'y', 'source'], 'nope']]
 */
export function undeclaredTagSources(resolved: unknown): [(string | number)[], string][] {
  const root = isObject(resolved) ? resolved : {};
  const declared = isObject(root['sources']) ? root['sources'] : {};
  const out: [(string | number)[], string][] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (isTag(v)) {
      // "judgement" stands alone; in a list every entry must be a declared source.
      if (Array.isArray(v.source))
        v.source.forEach((id, i) => {
          if (typeof id === 'string' && !Object.hasOwn(declared, id))
            out.push([[...path, 'source', i], id]);
        });
      else if (
        typeof v.source === 'string' &&
        v.source !== JUDGEMENT &&
        !Object.hasOwn(declared, v.source)
      )
        out.push([[...path, 'source'], v.source]);
    } else if (isObject(v))
      for (const [k, x] of Object.entries(v))
        if (!(path.length === 0 && k === 'sources')) walk(x, [...path, k]);
  };
  walk(root, []);
  return out;
}
