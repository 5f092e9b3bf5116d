import {
  countFigures,
  type Figure,
  type Provenance,
  type ProvenanceCounts,
} from '../sim/scenario/provenance';
import { safeLine } from './terminal';

/**
 * `npm run sim -- sources`: the provenance of every figure of a scenario, printed for a reader
 * (grouped by section, one line per figure) or as JSON. The figures come from
 * `src/sim/scenario/provenance.ts`; this file only lays them out.
 */

/** The longest reason printed on a line; `--json` carries every reason whole. */
const MAX_WHY = 160;

export interface SourcesView {
  readonly scenarioId: string;
  readonly file: string;
  /** Only the untagged figures (the counts stay those of the whole scenario). */
  readonly untaggedOnly: boolean;
}

/** What a figure rests on, in a few words: its source ids, "judgement", or "UNTAGGED". */
function basis(f: Figure): string {
  if (f.status === 'untagged') return 'UNTAGGED';
  if (f.status === 'judgement' && f.sources.length === 0) return 'judgement';
  return f.status === 'judgement' ? `judgement (${f.sources.join(', ')})` : f.sources.join(', ');
}

function reason(f: Figure): string {
  const cited = f.citedBy ? `cited by ${f.citedBy}.sources` : '';
  const why = f.why ?? '';
  const text = f.via === 'sources' ? (why ? `${cited}: ${why}` : cited) : why;
  return text.length > MAX_WHY ? `${text.slice(0, MAX_WHY - 1)}…` : text;
}

function countLine(c: ProvenanceCounts): string {
  return `${c.sourced} sourced, ${c.judgement} judgement, ${c.untagged} untagged`;
}

/**
 * The listing as text: a heading per section with its counts, a line per figure (path, value,
 * sources or "judgement", reason), and the scenario's counts last.
 *
 * @example
 * process.stdout.write(`${formatSources(provenance(loaded.resolved), view)}\n`);
 */
export function formatSources(p: Provenance, view: SourcesView): string {
  const shown = view.untaggedOnly ? p.figures.filter((f) => f.status === 'untagged') : p.figures;
  const sections = new Map<string, Figure[]>();
  for (const f of p.figures) {
    const list = sections.get(f.section);
    if (list) list.push(f);
    else sections.set(f.section, [f]);
  }
  const lines: string[] = [
    `Provenance of the figures of ${view.scenarioId} (${view.file})${view.untaggedOnly ? ': untagged only' : ''}`,
  ];
  for (const [section, all] of sections) {
    const here = view.untaggedOnly ? all.filter((f) => f.status === 'untagged') : all;
    if (here.length === 0) continue;
    lines.push('', `${section}: ${all.length} figures (${countLine(countFigures(all))})`);
    const width = Math.min(64, Math.max(...here.map((f) => f.path.length)));
    for (const f of here) {
      const why = reason(f);
      lines.push(
        `  ${f.path.padEnd(width)}  ${String(f.value).padStart(6)}  ${basis(f)}${why ? ` — ${why}` : ''}`,
      );
    }
  }
  if (shown.length === 0 && view.untaggedOnly) lines.push('', 'No untagged figures.');
  const c = p.counts;
  lines.push(
    '',
    `Figures: ${c.total}; sourced ${c.sourced}, judgement ${c.judgement}, untagged ${c.untagged} (goal 0).`,
  );
  return lines.map((l) => safeLine(l)).join('\n');
}

/**
 * The listing as one JSON value: the scenario, the counts (always of the whole scenario), and
 * the figures (only the untagged with `untaggedOnly`).
 *
 * @example
 * JSON.parse(JSON.stringify(sourcesJson(p, view))).counts.untagged // 0
 */
export function sourcesJson(
  p: Provenance,
  view: SourcesView,
): {
  scenario: string;
  file: string;
  counts: ProvenanceCounts;
  figures: readonly Figure[];
} {
  return {
    scenario: view.scenarioId,
    file: view.file,
    counts: p.counts,
    figures: view.untaggedOnly ? p.figures.filter((f) => f.status === 'untagged') : p.figures,
  };
}
