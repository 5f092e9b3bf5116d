import { formatCode, normaliseCode } from '../../net/protocol';

/**
 * The classroom's addresses, in the URL fragment like the share links (the built site stays plain
 * files): `#join` asks for the code, `#join=ABCD-EFGH` has it; `#facilitate=<server key>` is the
 * facilitator's address, printed by the server, and `&session=<id>` brings a facilitator back to
 * a session this browser created.
 */
export type ClassroomRoute =
  | { readonly kind: 'join'; readonly code: string | null }
  | { readonly kind: 'facilitate'; readonly adminKey: string; readonly sessionId: string | null };

/**
 * @example
 * classroomRoute('#join=abcd-efgh') // { kind: 'join', code: 'ABCDEFGH' }
 * classroomRoute('#replay=…') // null
 */
export function classroomRoute(hash: string): ClassroomRoute | null {
  const h = hash.replace(/^#/, '');
  const params = new URLSearchParams(h);
  if (h === 'join' || params.has('join')) {
    const code = normaliseCode(params.get('join') ?? '');
    return { kind: 'join', code: code === '' ? null : code };
  }
  const adminKey = params.get('facilitate');
  if (adminKey) return { kind: 'facilitate', adminKey, sessionId: params.get('session') };
  return null;
}

/** The address a student opens: the code in it, so a scan or a click needs no typing. */
export function joinUrl(base: { origin: string; pathname: string }, code: string): string {
  return `${base.origin}${base.pathname}#join=${formatCode(code)}`;
}

/** The facilitator's address for one session (reload and return to its console). */
export function facilitateHash(adminKey: string, sessionId: string): string {
  return `#facilitate=${encodeURIComponent(adminKey)}&session=${encodeURIComponent(sessionId)}`;
}
