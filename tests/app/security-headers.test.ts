import { get } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, createServer, preview, type InlineConfig } from 'vite';
import {
  contentSecurityPolicy,
  devSocketOrigin,
  headersFile,
  securityHeaders,
  securityHeadersPlugin,
  withMetaPolicy,
} from '../../src/app/security-headers';

/**
 * The security policy lives in one module; everything that carries it (dev and preview headers,
 * the built page's meta tag, dist/_headers) is generated from it. The plugin is exercised through
 * real Vite builds and servers of a one-page project, so a hook Vite does not call shows up here.
 */

const root = mkdtempSync(join(tmpdir(), 'sf-headers-'));
writeFileSync(
  join(root, 'index.html'),
  '<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n    <title>t</title>\n  </head>\n  <body><script type="module" src="./main.js"></script></body>\n</html>\n',
);
writeFileSync(join(root, 'main.js'), 'document.title = "ok";\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const inline = (extra: InlineConfig = {}): InlineConfig => ({
  root,
  configFile: false,
  logLevel: 'silent',
  cacheDir: join(root, '.vite'),
  plugins: [securityHeadersPlugin()],
  ...extra,
});

/** GET a path with a chosen Host header (fetch cannot set one). */
function request(
  port: number,
  path: string,
  host: string,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject);
  });
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('the policy', () => {
  it('forbids framing, inline and remote script, and sockets to other hosts', () => {
    const csp = directives(contentSecurityPolicy());
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    // What the page needs: Phaser's data:/blob: images, the text log's <style>.
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('adds exactly the dev socket and blob: workers in dev, nothing else', () => {
    const dev = directives(contentSecurityPolicy({ dev: { socket: 'ws://localhost:5173' } }));
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    // Vite's client waits for a restarted server in a blob: SharedWorker.
    expect(dev.get('worker-src')).toEqual(["'self'", 'blob:']);
    const prod = directives(contentSecurityPolicy());
    expect(prod.has('worker-src')).toBe(false);
    const rest = (m: Map<string, string[]>) =>
      [...m].filter(([n]) => n !== 'connect-src' && n !== 'worker-src');
    expect(rest(dev)).toEqual(rest(prod));
    expect(directives(contentSecurityPolicy({ dev: { socket: null } })).get('connect-src')).toEqual(
      ["'self'"],
    );
  });

  it('leaves frame-ancestors out of the meta tag (browsers ignore it there) and nothing else', () => {
    const meta = directives(contentSecurityPolicy({ meta: true }));
    const header = directives(contentSecurityPolicy());
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
    // It goes inside a double-quoted attribute.
    expect(contentSecurityPolicy({ meta: true })).not.toMatch(/["<>&]/);
  });

  it('sends nosniff, no referrer and X-Frame-Options for browsers before CSP 2', () => {
    expect(securityHeaders()).toEqual({
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    });
  });

  it('finds the dev socket where Vite’s client will open it', () => {
    const server = { ws: undefined, https: undefined, middlewareMode: false };
    expect(devSocketOrigin(server, 'localhost:5173')).toBe('ws://localhost:5173');
    expect(devSocketOrigin(server, '127.0.0.1:5174')).toBe('ws://127.0.0.1:5174');
    expect(devSocketOrigin({ ...server, https: {} }, 'example.test:8443')).toBe(
      'wss://example.test:8443',
    );
    expect(devSocketOrigin({ ...server, ws: { host: 'hmr.test', clientPort: 443 } }, 'a:1')).toBe(
      'ws://hmr.test:443',
    );
    expect(devSocketOrigin({ ...server, ws: false }, 'localhost:5173')).toBeNull();
  });

  it('is the one the README tells other hosts to send', () => {
    const lines = Object.entries(securityHeaders()).map(([name, value]) => `${name}: ${value}`);
    expect(readFileSync('README.md', 'utf8')).toContain(`\`\`\`text\n${lines.join('\n')}\n\`\`\``);
  });

  it('puts the meta tag after the charset of the real index.html, and refuses a page without one', () => {
    const html = withMetaPolicy(readFileSync('index.html', 'utf8'));
    const head = html.slice(0, html.indexOf('<meta name="viewport"'));
    expect(head).toMatch(
      /<meta charset="UTF-8" \/>\n\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)" \/>/,
    );
    expect(html).toContain(`content="${contentSecurityPolicy({ meta: true })}"`);
    expect(() => withMetaPolicy('<html><head></head></html>')).toThrow(/charset/);
  });
});

describe('the Vite plugin', () => {
  it('builds _headers equal to the policy and the page with the meta policy', async () => {
    const outDir = join(root, 'dist');
    await build(inline({ build: { outDir, emptyOutDir: true } }));
    const file = readFileSync(join(outDir, '_headers'), 'utf8');
    expect(file).toBe(headersFile());
    // Parsed back as Netlify does: one path, then indented "Name: value" lines.
    const [path, ...lines] = file.trimEnd().split('\n');
    expect(path).toBe('/*');
    expect(
      Object.fromEntries(
        lines.map((l) => {
          expect(l).toMatch(/^ {2}\S/);
          const at = l.indexOf(':');
          return [l.slice(0, at).trim(), l.slice(at + 1).trim()];
        }),
      ),
    ).toEqual(securityHeaders());
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ meta: true })}" />`,
    );
  });

  it('serves the headers from vite preview', async () => {
    const outDir = join(root, 'dist-preview');
    await build(inline({ build: { outDir, emptyOutDir: true } }));
    const server = await preview(
      inline({ build: { outDir }, preview: { port: 0, host: '127.0.0.1' } }),
    );
    try {
      const port = (server.httpServer.address() as { port: number }).port;
      for (const path of ['/', '/index.html', '/_headers']) {
        const res = await request(port, path, `127.0.0.1:${port}`);
        expect(res.status).toBe(200);
        for (const [name, value] of Object.entries(securityHeaders()))
          expect(res.headers[name.toLowerCase()], `${path} ${name}`).toBe(value);
      }
    } finally {
      await server.close();
    }
  });

  it('serves the dev headers with the socket of the host the page was opened with', async () => {
    const server = await createServer(
      inline({ server: { port: 0, host: '127.0.0.1', watch: null } }),
    );
    await server.listen();
    try {
      const port = (server.httpServer!.address() as { port: number }).port;
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
        const res = await request(port, '/', host);
        expect(res.status).toBe(200);
        expect(res.headers['content-security-policy']).toBe(
          contentSecurityPolicy({ dev: { socket: `ws://${host}` } }),
        );
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('DENY');
        // No meta policy in dev: without the socket it would block the dev server's own client.
        expect(res.body).not.toContain('Content-Security-Policy');
      }
      // Script modules carry the headers too.
      const js = await request(port, '/main.js', `localhost:${port}`);
      expect(js.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await server.close();
    }
  });
});
