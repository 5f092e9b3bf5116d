/**
 * Text from outside (scenario files, replay files, links, unknown keys) is shown in terminals and
 * messages. A control character can clear a screen or rewrite a line, and a 4 MB value makes a
 * 4 MB message, so everything quoted from input passes through these two functions first.
 */

/** Longest piece of outside text quoted in a message, in characters. */
export const MAX_QUOTED = 80;

/**
 * Control characters (C0, DEL, C1) and the Unicode line/paragraph separators and bidi controls
 * replaced by visible escapes, so outside text cannot move the cursor, clear the screen or
 * reorder what is printed around it. Newlines and tabs are escaped too: a quoted value is one line.
 *
 * @example
 * escapeControl('a\u001b[2Jb') // 'a\\x1b[2Jb'
 */
export function escapeControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * Outside text made safe to quote: control characters escaped, then cut to `max` characters
 * with a note of how long it was.
 *
 * @example
 * quoteSafe('x'.repeat(1000), 10) // 'xxxxxxxxxx… (1000 characters)'
 */
export function quoteSafe(s: string, max: number = MAX_QUOTED): string {
  const escaped = escapeControl(s.length > max * 4 ? s.slice(0, max * 4) : s);
  if (s.length <= max && escaped.length <= max) return escaped;
  return `${escaped.slice(0, max)}… (${s.length} characters)`;
}
