import { loadScenarioFile } from '../cli/scenario-files';
import { RULES_VERSION } from '../sim/replay';
import { caseSeedBase, DEFAULT_MIN_QUALIFYING, type Arm, type ValidationCase } from './cases';
import type { CaseResult } from './evaluate';
import { describePredicate, type Metric, type ShareMeasure } from './metrics';
import type { SuiteResult } from './run';

/**
 * The suite's two readers: a table for the terminal, and `docs/validation.md`, the page an
 * analyst reads first. Both are functions of the results alone (no clock, no paths, no timings),
 * so the page is byte-identical from one run of the suite to the next.
 */

/** A fraction as a percentage with one decimal ('12.5'); never '-0.0'. */
export function pct(x: number): string {
  const s = (x * 100).toFixed(1);
  return s === '-0.0' ? '0.0' : s;
}

/** A signed difference in percentage points ('+12.5', '-3.0', '0.0'). */
function pp(x: number): string {
  const s = pct(x);
  return s === '0.0' || s.startsWith('-') ? s : `+${s}`;
}

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

function unitOf(m: Metric): string {
  return m.kind === 'timing' ? (m.unit === 'weeks' ? 'wk' : 'h') : '%';
}

/** The arm as command-line flags: `--scenario two-front --set a=b ...`. */
export function armFlags(arm: Arm): string {
  const sets = Object.entries(arm.set).map(([k, v]) => `--set ${k}=${v}`);
  return [`--scenario ${arm.scenario}`, ...sets].join(' ');
}

/** The command that replays run 0 of an arm. */
export function reproduceCommand(c: ValidationCase, arm: Arm): string {
  return `npm run sim -- run ${armFlags(arm).replace(
    /^--scenario (\S+)/,
    `--scenario $1 --seed ${caseSeedBase(c.id)}-0`,
  )}`;
}

/** The published figure, short. */
export function publishedShort(c: ValidationCase): string {
  const src = c.sources.join(', ');
  if (c.kind === 'level') return `${c.target.text} [${src}]`;
  return `${c.a.label} ${c.expect === 'higher' ? '>' : '<'} ${c.b.label} [${src}]`;
}

function shareText(m: ShareMeasure): string {
  return `${pct(m.p)}% [${pct(m.ci[0])}, ${pct(m.ci[1])}]`;
}

/** The measured figure with its 95% interval (or IQR), short. */
export function measuredShort(r: CaseResult): string {
  if (r.kind === 'direction') {
    const [lo, hi] = r.diff.ci;
    return `A−B ${pp(r.diff.d)} pp [${pp(lo)}, ${pp(hi)}]`;
  }
  const m = r.measure;
  if (m.kind === 'share') return `${shareText(m)} n=${m.n}`;
  if (m.n === 0) return 'no run to time (n=0)';
  const u = m.unit === 'weeks' ? 'wk' : 'h';
  return `median ${num(m.median)} ${u}, IQR ${num(m.q1)}–${num(m.q3)} n=${m.n}`;
}

/** What the case accepts, short. */
export function acceptedShort(r: CaseResult): string {
  if (r.kind === 'direction') {
    const c = r.case;
    const rel = c.expect === 'higher' ? '>' : '<';
    const margin =
      c.margin.value > 0
        ? `${c.expect === 'higher' ? '≥ +' : '≤ -'}${pct(c.margin.value)} pp`
        : `${rel} 0`;
    return `${margin}, CI excludes 0`;
  }
  const [lo, hi] = r.band;
  if (r.case.metric.kind === 'timing') {
    const u = unitOf(r.case.metric);
    return `median ${num(lo)}–${num(hi)} ${u}`;
  }
  if (lo <= 0) return `≤ ${pct(hi)}%`;
  if (hi >= 1) return `≥ ${pct(lo)}%`;
  return `${pct(lo)}–${pct(hi)}%`;
}

function pad(s: string, w: number): string {
  return s.length >= w ? s : s + ' '.repeat(w - s.length);
}

/**
 * The terminal table: case, published (with source), measured with its 95% interval,
 * accepted band, PASS/FAIL, and a closing count.
 *
 * @example
 * process.stdout.write(formatTable(await runSuite()));
 */
export function formatTable(suite: SuiteResult): string {
  const rows = suite.results.map((r) => [
    r.case.id,
    publishedShort(r.case),
    measuredShort(r),
    acceptedShort(r),
    r.pass ? 'PASS' : 'FAIL',
  ]);
  const head = ['case', 'published (source)', 'measured (95% CI)', 'accepted', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ');
  const failed = suite.results.filter((r) => !r.pass);
  const out = [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''];
  for (const r of failed) out.push(`FAIL ${r.case.id}: ${r.reason}`);
  out.push(
    `${suite.results.length - failed.length} of ${suite.results.length} cases within tolerance (${suite.runsPerArm} seeded runs per arm)`,
  );
  return `${out.join('\n')}\n`;
}

interface SourceInfo {
  readonly title: string;
  readonly publisher: string;
  readonly date: string;
  readonly url?: string | undefined;
}

function sourceTable(): Record<string, SourceInfo> {
  const loaded = loadScenarioFile('two-front');
  if (!loaded.ok) throw new Error('the two-front scenario does not load');
  return loaded.value.scenario.sources;
}

function citation(id: string, sources: Record<string, SourceInfo>): string {
  const s = sources[id];
  if (!s) return `[${id}]`;
  return `*${s.title}*, ${s.publisher}, ${s.date} [\`${id}\`]`;
}

function metricWords(m: Metric): string {
  const among = m.among ? `, among the runs in which ${describePredicate(m.among)}` : '';
  if (m.kind === 'share') return `The share of runs in which ${describePredicate(m.of)}${among}.`;
  const from = m.from ? `the key event \`${m.from}\`` : 'the start of the campaign';
  return `When the key event \`${m.event}\` happens, in ${m.unit} after ${from} (campaign hours${m.unit === 'weeks' ? ' / 168' : ''}), among the runs in which it happens${m.among ? ` and ${describePredicate(m.among)}` : ''}: median and interquartile range.`;
}

function shareDetail(m: ShareMeasure): string {
  return `${m.x} of ${m.n} runs, ${pct(m.p)}% (95% interval ${pct(m.ci[0])}–${pct(m.ci[1])}%)${m.n === m.runs ? '' : `; ${m.n} of the ${m.runs} runs qualified`}`;
}

function measuredDetail(r: CaseResult): string[] {
  if (r.kind === 'direction')
    return [
      `- A, ${r.case.a.label}: ${shareDetail(r.a)}.`,
      `- B, ${r.case.b.label}: ${shareDetail(r.b)}.`,
      `- A − B: ${pp(r.diff.d)} percentage points (95% interval ${pp(r.diff.ci[0])} to ${pp(r.diff.ci[1])}).`,
    ];
  const m = r.measure;
  if (m.kind === 'share') return [`- ${shareDetail(m)}.`];
  const u = m.unit;
  if (m.n === 0) return [`- No run to time: ${r.reason}.`];
  return [
    `- Median ${num(m.median)} ${u} (interquartile range ${num(m.q1)}–${num(m.q3)} ${u}), over the ${m.n} runs in which it happened (${m.eligible} of ${m.runs} runs qualified).`,
  ];
}

function toleranceWords(r: CaseResult): string[] {
  if (r.kind === 'direction') {
    const c = r.case;
    return [
      `A must be ${c.expect} than B${c.margin.value > 0 ? ` by at least ${pct(c.margin.value)} percentage points` : ''}, with the 95% interval of A − B wholly ${c.expect === 'higher' ? 'above' : 'below'} 0. ${c.margin.why}`,
    ];
  }
  const c = r.case;
  const u = c.metric.kind === 'timing' ? ` ${c.metric.unit}` : '';
  const tol =
    c.metric.kind === 'share'
      ? `${pct(c.tolerance.value)} points`
      : `${num(c.tolerance.value)}${u}`;
  return [
    `Published: ${c.target.text}. Tolerance: ${tol}; accepted: ${acceptedShort(r)}. ${c.tolerance.why}`,
  ];
}

function caseSection(
  r: CaseResult,
  sources: Record<string, SourceInfo>,
  runsPerArm: number,
): string[] {
  const c = r.case;
  const arms =
    c.kind === 'level' ? [['', c.arm] as const] : [['A', c.a] as const, ['B', c.b] as const];
  const out = [
    `### ${c.title}`,
    '',
    `\`${c.id}\` · ${c.group} · **${r.pass ? 'PASS' : 'FAIL'}**`,
    '',
    `**Setup.** ${c.setup}`,
    '',
    '**Levers.**',
    '',
    ...arms.map(([k, arm]) => `- ${k ? `${k}, ` : ''}${arm.label}: \`${armFlags(arm)}\``),
    '',
    `**Published.** ${c.published} (${c.sources.map((s) => citation(s, sources)).join('; ')})`,
    '',
    `**Metric.** ${metricWords(c.metric)}${c.metric.among ? ` The case counts as measured only if at least ${pct(c.minQualifying ?? DEFAULT_MIN_QUALIFYING)}% of the runs qualify.` : ''}`,
    '',
    `**Target and tolerance.** ${toleranceWords(r).join(' ')}`,
    '',
    '**Measured.**',
    '',
    ...measuredDetail(r),
    '',
    `**Result.** ${r.pass ? 'PASS' : 'FAIL'}: ${r.reason}.`,
    '',
  ];
  if (c.caveat) out.push(`**Caveat.** ${c.caveat}`, '');
  out.push(
    `**Reproduce run 0.** Runs are seeded \`${caseSeedBase(c.id)}-0\` … \`${caseSeedBase(c.id)}-${runsPerArm - 1}\`${c.kind === 'direction' ? ', the same seeds for both arms' : ''}:`,
    '',
    '```sh',
    ...arms.map(([, arm]) => reproduceCommand(c, arm)),
    '```',
    '',
  );
  return out;
}

/**
 * `docs/validation.md`: what each case is, its levers, the published finding with its
 * citation, the measured figure with its interval, the tolerance and why, and how to replay a
 * run. No dates or timings: the same results give the same bytes.
 *
 * @example
 * writeFileSync('docs/validation.md', formatDoc(await runSuite()));
 */
export function formatDoc(suite: SuiteResult): string {
  const sources = sourceTable();
  const passed = suite.results.filter((r) => r.pass).length;
  const cited = [...new Set(suite.results.flatMap((r) => r.case.sources))];
  const summary = suite.results.map(
    (r) =>
      `| [${r.case.title}](#${anchor(r.case.title)}) | ${publishedShort(r.case)} | ${measuredShort(r)} | ${acceptedShort(r)} | ${r.pass ? 'PASS' : '**FAIL**'} |`,
  );
  const lines = [
    '# Validation: does the model reproduce the published wargames?',
    '',
    '<!-- Written by `npm run validate`; do not edit by hand. A test checks this page is current. -->',
    '',
    "A wargame is believed when it reproduces what the field's best-known games found, and when its levers move outcomes the way the arguments behind them say. This page holds the model to that: each case below sets up the campaign a published study played (or the argument a lever stands for), plays it as seeded all-AI runs, and compares what the model does with what the study found, within a tolerance argued case by case.",
    '',
    `Rules version ${RULES_VERSION}. ${suite.results.length} cases, ${suite.runsPerArm} seeded runs per arm; **${passed} of ${suite.results.length} within tolerance**.`,
    '',
    '```sh',
    'npm run validate            # run every case, print the table, rewrite this page; exit 1 if any case fails',
    'npm run validate -- --help  # options: one case, threads, where to write',
    '```',
    '',
    '## How to read it',
    '',
    "- **Courses are forced.** Each case fixes China's and Russia's courses with the `chinaCourse` and `russiaCourse` levers, so that it measures the campaign the study played and not whether the AI chose to fight it, and counts as measured only if that campaign happened in most runs (the invasion launched, the offensive begun).",
    '- **Metrics read only what the model reports**: key events with their campaign hour (`taipeiFalls`, `balticCapitalFalls`, `nuclearUse`, `balticOffensiveBegins`, ...), the flags set at the end of a run (`invasionLaunched`, `invasionRepulsed`) and the outcome.',
    `- **A figure** (level case) passes when the measured share, or median time, lies in the published range widened by the tolerance. Shares come with a Wilson 95% score interval, times with their interquartile range; the interval says how much ${suite.runsPerArm} runs can tell, the tolerance how far the model may stray from a study of a few dozen games.`,
    "- **A direction** passes when arm A minus arm B has the published sign, its 95% interval (Newcombe's hybrid score interval for a difference of proportions) lies wholly on that side of zero, and, for a sensitivity, its size reaches the margin. Both arms are played on the same seeds; the interval treats them as independent, which can only make it wider.",
    `- **Every run replays on its own**: the command under each case plays run 0 of each arm with its log; change the \`-0\` to any index up to ${suite.runsPerArm - 1}.`,
    '',
    '## Summary',
    '',
    '| Case | Published (source) | Measured (95% interval) | Accepted | Result |',
    '|---|---|---|---|---|',
    ...summary,
    '',
    '## Cases',
    '',
    ...suite.results.flatMap((r) => caseSection(r, sources, suite.runsPerArm)),
    '## Sources',
    '',
    ...cited.map((id) => {
      const s = sources[id];
      if (!s) return `- \`${id}\`: not in the scenario's sources`;
      return `- \`${id}\`: *${s.title}*. ${s.publisher}, ${s.date}.${s.url ? ` <${s.url}>` : ''}`;
    }),
    '',
  ];
  return lines.join('\n');
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}
