import { quoteSafe } from '../sim/safe-text';

/**
 * Everything the CLI prints that came from outside (a custom scenario's names, briefings and
 * event titles, a seed, a replay's decisions, an error quoting a bad value) passes through here,
 * so a scenario file cannot clear the screen, move the cursor or bury a message under megabytes.
 */

/**
 * The longest line of a campaign log we print. A valid scenario caps each text at 4000
 * characters, so this only cuts what no valid scenario produces.
 */
export const MAX_LOG_LINE = 5000;
/** The longest line of an error message: room for a list of levers, not for a pasted file. */
export const MAX_ERROR_LINE = 400;
/** The most lines of one error message (a problem list is already cut to 8). */
export const MAX_ERROR_LINES = 30;

/** One line of outside text, escaped and cut. */
export function safeLine(s: string, max: number = MAX_LOG_LINE): string {
  return quoteSafe(s, max);
}

/**
 * A message of several lines made safe line by line: the newlines the CLI put there stay, any
 * other control character becomes a visible escape, and long lines and long messages are cut.
 */
export function safeBlock(
  s: string,
  maxLine: number = MAX_ERROR_LINE,
  maxLines: number = MAX_ERROR_LINES,
): string {
  const lines = s.split('\n');
  const shown = lines.slice(0, maxLines).map((l) => quoteSafe(l, maxLine));
  if (lines.length > maxLines) shown.push(`...and ${lines.length - maxLines} more lines`);
  return shown.join('\n');
}

/** A short value from outside quoted in a sentence (a seed, a path, a lever name). */
export function quoted(s: string): string {
  return `"${quoteSafe(s)}"`;
}

/**
 * JSON text with the characters `JSON.stringify` leaves raw (DEL, C1 controls such as CSI
 * U+009B, line separators, bidi controls) written as `\u` escapes. They can only occur inside
 * strings, so the result is the same JSON value and is safe to print to a terminal.
 */
export function jsonSafe(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
