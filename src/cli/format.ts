import { ESCALATION_LADDER } from '../sim/ids';
import type { LogEntry } from '../sim/log';
import type { TrackSnapshot } from '../sim/phases';
import type { RunResult } from '../sim/run';
import type { Scenario } from '../sim/scenario/schema';

/** Rendering a campaign for a terminal: the log grouped by turn, then the outcome. */

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

export function formatEntry(sc: Scenario, e: LogEntry): string {
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
    line += `\n${' '.repeat(prefix.length)}inputs: ${inputs}; modifiers: ${mods}${e.roll ? `; roll ${e.roll.value} (${e.roll.stream})` : ''}; result: ${e.result}`;
  } else if (e.type === 'adjudication' && e.roll) line += ` [stream ${e.roll.stream}]`;
  if (e.type === 'phase' && e.phase === 'briefing') line = `\n=== ${clock(sc, e.hour)} ${e.text}`;
  return line;
}

export function formatRun(sc: Scenario, seed: string, result: RunResult): string {
  const out: string[] = [`${sc.name} — seed ${seed}`, sc.summary];
  for (const e of result.log) {
    if (e.type === 'phase' && e.phase !== 'briefing') continue;
    out.push(formatEntry(sc, e));
  }
  out.push('');
  const s = result.state;
  out.push(
    `Result after ${result.turnsPlayed} turns (${result.turnsPlayed * sc.calendar.turnHours} hours): ${s.outcome ? s.outcome.label : 'no outcome'}`,
  );
  if (s.outcome)
    out.push(
      `Scores: ${Object.entries(s.outcome.scores)
        .map(([a, v]) => `${a} ${v}`)
        .join(', ')}`,
    );
  out.push(
    `Ladders: Indo-Pacific ${ESCALATION_LADDER[s.tracks.escalation.indoPacific]}, Europe ${ESCALATION_LADDER[s.tracks.escalation.europe]}`,
  );
  out.push(
    `Key events: ${s.keyEvents.map((k) => `${k.name} (turn ${k.turn}, hour ${k.hour})`).join(', ') || 'none'}`,
  );
  out.push(`Final state hash: ${result.finalHash}`);
  return out.join('\n');
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
