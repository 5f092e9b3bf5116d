import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/**
 * The built game (`dist/`) over HTTP: GET and HEAD, a MIME type for every file the build makes,
 * nothing outside the folder (no `..`, no encoded slashes, no link leading out, no dotfiles), and
 * the page itself for any other path without an extension (the game routes in the page).
 */

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** A file's type by its extension; anything else is bytes (and `nosniff` keeps it so). */
export function mimeType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The built page as the classroom server sends it: without the meta policy tag, since the
 * header carries the whole policy (with the websocket origins the meta tag lacks: a browser
 * applies both, so the tag's narrower `connect-src` would win).
 */
export function withoutMetaPolicy(html: string): string {
  return html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
}

type Found = { file: string; size: number } | null;

export class StaticSite {
  private readonly root: string;

  constructor(distDir: string) {
    this.root = resolve(distDir);
  }

  /** Answer a GET or HEAD for `pathname` (already split from its query). */
  async serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return plain(res, 400, 'bad path');
    }
    const parts = decoded.split('/').filter((p) => p !== '');
    if (
      decoded.includes('\0') ||
      decoded.includes('\\') ||
      parts.some((p) => p === '..' || p.startsWith('.'))
    )
      return plain(res, 404, 'not found');
    const asked = parts.length === 0 ? 'index.html' : parts.join('/');
    let found = await this.find(asked);
    if (!found && extname(asked) === '') found = await this.find('index.html');
    if (!found) return plain(res, 404, 'not found');
    const type = mimeType(found.file);
    res.setHeader('Content-Type', type);
    // Built assets carry their content hash in their names; the page must always be fresh.
    res.setHeader(
      'Cache-Control',
      found.file.includes(`${sep}assets${sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    );
    if (found.file === join(this.root, 'index.html')) {
      const html = withoutMetaPolicy(await readFile(found.file, 'utf8'));
      res.setHeader('Content-Length', Buffer.byteLength(html));
      res.writeHead(200);
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    res.setHeader('Content-Length', found.size);
    res.writeHead(200);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(found.file).pipe(res);
  }

  /** A regular file inside the root, followed through links only if it stays inside. */
  private async find(rel: string): Promise<Found> {
    const file = join(this.root, rel);
    try {
      const real = await realpath(file);
      const rootReal = await realpath(this.root);
      if (real !== rootReal && !real.startsWith(rootReal + sep)) return null;
      const st = await stat(real);
      return st.isFile() ? { file, size: st.size } : null;
    } catch {
      return null;
    }
  }
}

/** A short plain-text answer. */
export function plain(res: ServerResponse, status: number, text: string): void {
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.writeHead(status);
  res.end(`${text}\n`);
}
