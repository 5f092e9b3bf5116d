/** What the bench scripts share to print their figures. */

export function fmt(n: number, digits = 1): string {
  return n.toFixed(digits);
}

/** Rows as columns: the first left-aligned, the others right-aligned, indented by two. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))))
    .map((r) => `  ${r.join('   ')}`)
    .join('\n');
}

/** The sample at the p-th percentile (nearest rank above; 0 for no samples). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}
