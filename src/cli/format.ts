import { airSeaReport } from '../sim/air-sea';
import { ESCALATION_LADDER } from '../sim/ids';
import type { LogEntry } from '../sim/log';
import type { TrackSnapshot } from '../sim/phases';
import type { RunResult } from '../sim/run';
import { LEVER_NAMES } from '../sim/scenario/levers';
import type { Scenario } from '../sim/scenario/schema';
import type { AiStats } from './ai-stats';
import type { BatchSummary } from './batch';
import { safeLine } from './terminal';

/**
 * Rendering for a terminal: a campaign's log grouped by turn, then the outcome; a batch summary;
 * a scenario's levers. Scenario text may come from a custom file, so every line is escaped and
 * cut on its way out (see `terminal.ts`).
 */

/**
 * Lines joined, each made safe. Each element is one line: a newline inside one (a scenario name,
 * an outcome label) is shown as `\n` rather than starting a line the scenario wrote.
 */
function safeLines(lines: readonly string[]): string {
  return lines.map((l) => safeLine(l)).join('\n');
}

/** The scenario's calendar date and time at `hour`, with the day count: readable and exact. */
function clock(sc: Scenario, hour: number): string {
  const [y, m, d] = sc.calendar.start.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d) + hour * 3_600_000).toISOString();
  return `${at.slice(0, 10)} ${at.slice(11, 16)} UTC (day ${Math.floor(hour / 24) + 1}, h${hour})`;
}

const INDENT: Partial<Record<LogEntry['type'], string>> = {
  phase: '  ',
  decision: '    • ',
  'ai-reasoning': '      why: ',
  adjudication: '    ⚖ ',
  change: '      ',
  'key-event': '    ★ ',
  escalation: '    ▲ ',
  inject: '    ✉ ',
  outcome: '  ■ ',
};

/**
 * One log entry as printed lines. The layout adds newlines; the entry's own text cannot (a
 * newline inside it is shown as `\n`), so a custom scenario cannot fake a line of the log.
 */
export function formatEntry(sc: Scenario, e: LogEntry): string {
  return rawEntry(sc, e)
    .map((l) => safeLine(l))
    .join('\n');
}

function rawEntry(sc: Scenario, e: LogEntry): string[] {
  const prefix = INDENT[e.type] ?? '    ';
  let line = `${prefix}${e.text}`;
  if (
    e.type === 'adjudication' &&
    e.kind !== 'combat' &&
    e.modifiers.length > 0 &&
    !e.text.includes('=')
  ) {
    const inputs = Object.entries(e.inputs)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
    const mods = e.modifiers
      .map((m) => `${m.name} ${m.value >= 0 ? '+' : ''}${m.value}`)
      .join(', ');
    return [
      line,
      `${' '.repeat(prefix.length)}inputs: ${inputs}; modifiers: ${mods}${e.roll ? `; roll ${e.roll.value} (${e.roll.stream})` : ''}; result: ${e.result}`,
    ];
  }
  if (e.type === 'adjudication' && e.roll) line += ` [stream ${e.roll.stream}]`;
  if (e.type === 'phase' && e.phase === 'briefing')
    return ['', `=== ${clock(sc, e.hour)} ${e.text}`];
  return [line];
}

export function formatRun(sc: Scenario, seed: string, result: RunResult): string {
  const entries: string[] = [];
  for (const e of result.log) {
    if (e.type === 'phase' && e.phase !== 'briefing') continue;
    entries.push(formatEntry(sc, e));
  }
  const s = result.state;
  const tail = [
    '',
    `Result after ${result.turnsPlayed} turns (${result.turnsPlayed * sc.calendar.turnHours} hours): ${s.outcome ? s.outcome.label : 'no outcome'}`,
    ...(s.outcome
      ? [
          `Scores: ${Object.entries(s.outcome.scores)
            .map(([a, v]) => `${a} ${v}`)
            .join(', ')}`,
        ]
      : []),
    `Ladders: Indo-Pacific ${ESCALATION_LADDER[s.tracks.escalation.indoPacific]}, Europe ${ESCALATION_LADDER[s.tracks.escalation.europe]}`,
    `Key events: ${s.keyEvents.map((k) => `${k.name} (turn ${k.turn}, hour ${k.hour})`).join(', ') || 'none'}`,
    'Air and sea war:',
    ...airSeaReport(s).map((l) => `  ${l}`),
    `Final state hash: ${result.finalHash}`,
  ];
  // Entries are already safe and carry their own layout newlines; head and tail are made safe here.
  return [safeLines([`${sc.name} — seed ${seed}`, sc.summary]), ...entries, safeLines(tail)].join(
    '\n',
  );
}

/**
 * A batch summary as a table: outcomes by count, then each key event's rate, 95% interval and
 * the hours it happened at.
 */
export function formatBatch(summary: BatchSummary): string {
  const lines = [
    `${summary.runs} runs of ${summary.scenario} in ${summary.seconds.toFixed(1)} s on ${summary.threads} threads (seeds ${summary.seedBase}-0..${summary.runs - 1})`,
    '',
    'Outcomes:',
  ];
  for (const [k, v] of Object.entries(summary.outcomes).sort((a, b) => b[1] - a[1]))
    lines.push(
      `  ${k.padEnd(24)} ${String(v).padStart(6)}  ${((v * 100) / summary.runs).toFixed(1)}%`,
    );
  lines.push('', 'Key events:          rate    95% CI           hour p10/median/p90');
  for (const [k, e] of Object.entries(summary.events))
    lines.push(
      `  ${k.padEnd(20)} ${(e.rate * 100).toFixed(1).padStart(5)}%  [${(e.ci95[0] * 100).toFixed(1)}, ${(e.ci95[1] * 100).toFixed(1)}]%  ${e.hour ? `${e.hour.p10}/${e.hour.median}/${e.hour.p90}` : '-'}`,
    );
  if (summary.ai) lines.push('', ...aiLines(summary.ai));
  return safeLines(lines);
}

/**
 * The AI block of a batch: per actor its policy, decisions and key decisions per run, the share
 * of key decisions noise made, choices against its own calculus, distinct openings (turns 1-3),
 * the most one option was repeated in a run, and the mean final score. "?" marks what the
 * one-step AI does not count, "-" a share of no key decisions.
 */
function aiLines(ai: AiStats): string[] {
  const head = [
    'AI:',
    'policy',
    'dec/run',
    'key/run',
    'noise%',
    'against',
    'openings',
    'max repeats',
    'score',
  ];
  const rows: string[][] = [head];
  for (const [actor, a] of Object.entries(ai)) {
    rows.push([
      `  ${actor}`,
      a.policy,
      (a.decisions / a.runs).toFixed(1),
      (a.keyDecisions / a.runs).toFixed(2),
      a.keyDecisions === 0
        ? '-'
        : a.noiseDecidedShare === null
          ? '?'
          : (a.noiseDecidedShare * 100).toFixed(1),
      a.againstOwnCalculus === null ? '?' : String(a.againstOwnCalculus),
      String(a.distinctOpenings),
      `${a.maxRepeats} ${a.maxRepeatsOption ?? '-'}`,
      a.meanScore.toFixed(1),
    ]);
  }
  const widths = head.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === 0 || c === 7 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** A scenario's levers: name, default, range, and on the next line what the lever means. */
export function formatLevers(sc: Scenario): string {
  const lines: string[] = [];
  for (const name of LEVER_NAMES) {
    const d = sc.levers[name];
    const range = d.values
      ? d.values.join(' | ')
      : d.min !== undefined
        ? `${d.min}..${d.max}`
        : 'true | false';
    lines.push(`${name.padEnd(24)} default ${String(d.default).padEnd(10)} ${range}`);
    lines.push(`${' '.repeat(26)}${d.meaning}`);
  }
  return safeLines(lines);
}

/** Snapshots by turn → one array per track. */
export function tracksByName(snaps: readonly TrackSnapshot[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const snap of snaps)
    for (const [k, v] of Object.entries(snap)) {
      if (k === 'turn' || k === 'hour') continue;
      (out[k] ??= []).push(v);
    }
  return out;
}
