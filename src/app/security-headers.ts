import type { Plugin, ResolvedConfig } from 'vite';

/**
 * The page's security policy, in one place. Everything that carries it is generated from here by
 * {@link securityHeadersPlugin}: the HTTP headers of `vite` (dev) and `vite preview`, the meta tag
 * in the built `index.html` (for static hosts that send no headers) and `dist/_headers` (for
 * static hosts that read one: Netlify, Cloudflare Pages). Build-time code: the game itself never
 * imports this module.
 */

/** One directive of the Content Security Policy and its sources. */
type Directive = readonly [name: string, sources: readonly string[]];

/** What the page needs, and nothing else. */
const DIRECTIVES: readonly Directive[] = [
  ['default-src', ["'self'"]],
  // Bundled modules only: no inline script, no eval, nothing remote.
  ['script-src', ["'self'"]],
  // The text log builds a <style> element, and the dev server injects CSS as <style> elements.
  ['style-src', ["'self'", "'unsafe-inline'"]],
  // Phaser makes its built-in textures from data: URLs and loaded images into blob: URLs.
  ['img-src', ["'self'", 'data:', 'blob:']],
  // The world atlas is fetched from the page's own origin; nothing else is fetched.
  ['connect-src', ["'self'"]],
  ['font-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  // No page of any origin may frame the game (clickjacking). Only a header can say this.
  ['frame-ancestors', ["'none'"]],
];

/** Directives a meta tag cannot carry (a browser ignores them there, with a console error). */
const HEADER_ONLY = new Set(['frame-ancestors']);

/** What the dev server adds: its own socket, and a worker of Vite's client. */
export interface DevAllowance {
  /** The HMR websocket (`ws://localhost:5173`), from {@link devSocketOrigin}; null if none. */
  socket: string | null;
}

export interface PolicyOptions {
  /** For a `<meta http-equiv>` tag: leaves out what only a header can carry. */
  meta?: boolean;
  /** The dev server's page; never the built one. */
  dev?: DevAllowance;
  /**
   * Websocket origins the page may connect to besides its own `'self'`: the classroom server's
   * `ws://host:port` (CSP level 2 browsers do not count a same-origin websocket as `'self'`).
   */
  sockets?: readonly string[];
}

/** The policy's directives, with the dev server's or the classroom server's additions. */
function directives(
  dev: DevAllowance | undefined,
  sockets: readonly string[] = [],
): readonly Directive[] {
  if (!dev && sockets.length === 0) return DIRECTIVES;
  return DIRECTIVES.flatMap(([name, sources]): Directive[] => {
    if (name !== 'connect-src') return [[name, sources]];
    const connect: Directive = [
      name,
      [...sources, ...(dev?.socket ? [dev.socket] : []), ...sockets],
    ];
    if (!dev) return [connect];
    // When the socket drops (the server restarts), Vite's client waits for it to come back in a
    // SharedWorker made from a blob: URL, then reloads the page.
    return [connect, ['worker-src', ["'self'", 'blob:']]];
  });
}

/**
 * The Content Security Policy as one header value.
 *
 * @example
 * contentSecurityPolicy({ dev: { socket: 'ws://localhost:5173' } });
 * // "default-src 'self'; … connect-src 'self' ws://localhost:5173; worker-src 'self' blob:; …"
 */
export function contentSecurityPolicy(opts: PolicyOptions = {}): string {
  return directives(opts.dev, opts.sockets)
    .filter(([name]) => !(opts.meta && HEADER_ONLY.has(name)))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Every security header of a response, by name. `X-Frame-Options` repeats `frame-ancestors` for
 * browsers older than CSP level 2.
 */
export function securityHeaders(
  dev?: DevAllowance,
  sockets?: readonly string[],
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({
      ...(dev ? { dev } : {}),
      ...(sockets ? { sockets } : {}),
    }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  };
}

/** The `_headers` file of Netlify and Cloudflare Pages: every path gets every header. */
export function headersFile(): string {
  const lines = Object.entries(securityHeaders()).map(([name, value]) => `  ${name}: ${value}`);
  return ['/*', ...lines, ''].join('\n');
}

/** The built page's meta tag, after its charset (which must come first). */
export function withMetaPolicy(html: string): string {
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
  if (!charset)
    throw new Error('security headers: index.html has no <meta charset> to put the policy after');
  const at = charset.index + charset[0].length;
  const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ meta: true })}" />`;
  return html.slice(0, at) + meta + html.slice(at);
}

/**
 * The websocket origin the dev server's client will connect to for a page requested with this
 * `Host` header: Vite's client takes the configured `server.ws` host and port, else the page's
 * own (see `vite/dist/client/client.mjs`). Null when the dev server has no websocket.
 */
export function devSocketOrigin(
  server: Pick<ResolvedConfig['server'], 'ws' | 'https' | 'middlewareMode'>,
  hostHeader: string | undefined,
): string | null {
  const ws = server.ws;
  if (ws === false || !hostHeader) return null;
  const page = new URL(`http://${hostHeader}`);
  const protocol = ws?.protocol ?? (server.https ? 'wss' : 'ws');
  const host = ws?.host ?? page.hostname;
  const port =
    ws?.clientPort ??
    ws?.port ??
    (server.middlewareMode && !ws?.server ? 24678 : page.port || (server.https ? 443 : 80));
  return `${protocol}://${host}:${port}`;
}

/**
 * The Vite plugin that applies the policy: headers on the dev and preview servers, the meta tag
 * in the built page and `_headers` next to it.
 */
export function securityHeadersPlugin(): Plugin {
  return {
    name: 'second-front:security-headers',
    config: () => ({ preview: { headers: securityHeaders() } }),
    configureServer(server) {
      // Per request, because the socket's host is the one the page was opened with
      // (localhost, 127.0.0.1, a LAN address) and its port the one the server found free.
      server.middlewares.use((req, res, next) => {
        const socket = devSocketOrigin(server.config.server, req.headers.host);
        for (const [name, value] of Object.entries(securityHeaders({ socket })))
          res.setHeader(name, value);
        next();
      });
    },
    transformIndexHtml: {
      order: 'pre',
      // Only the built page: in dev the header (with the socket) is always there, and a meta
      // policy without the socket would block it.
      handler: (html, ctx) => (ctx.server ? html : withMetaPolicy(html)),
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
  };
}
