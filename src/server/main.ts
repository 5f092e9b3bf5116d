import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { formatCode } from '../net/protocol';
import { escapeControl } from '../sim/safe-text';
import { newKey } from './keys';
import { createClassroomServer } from './server';
import { SqliteStore } from './store-sqlite';

/**
 * `npm run serve`: the classroom server. Builds the game if `dist/` is missing or older than its
 * sources, opens the session store in the data folder, and prints the facilitator's link (with
 * the server's facilitator key, made at first start and kept in the data folder) and, for every
 * session created, the students' join link with a QR code.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const USAGE = `npm run serve -- [options]

Serves Second Front for a classroom: the game, and sessions that a facilitator runs and
teams join from their own devices.

Options:
  --port <n>        port to listen on (default 8080; 0 picks a free one)
  --host <addr>     address to listen on (default 0.0.0.0: every interface)
  --data <dir>      where sessions and the facilitator key are kept (default ./data)
  --dist <dir>      the built game to serve (default dist/ of the repository)
  --no-build        serve --dist as it is, even if it is missing or older than the sources
  --join-limit <n>  join attempts allowed per address per minute (default 10; a class behind
                    one address, such as a school's NAT, may need more)
  --help            this text

The facilitator's link carries the server's facilitator key (kept in <data>/facilitator.key):
whoever opens it may create sessions. Students join with the session's own link or code.
`;

interface Flags {
  port: number;
  host: string;
  data: string;
  dist: string;
  build: boolean;
  joinLimit: number;
}

function flags(argv: string[]): Flags | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '0.0.0.0' },
      data: { type: 'string', default: './data' },
      dist: { type: 'string', default: join(ROOT, 'dist') },
      'no-build': { type: 'boolean', default: false },
      'join-limit': { type: 'string', default: '10' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: expected a port number (0 to 65535), found "${values.port}"`);
  const joinLimit = Number(values['join-limit']);
  if (!Number.isInteger(joinLimit) || joinLimit < 1)
    throw new Error(
      `--join-limit: expected a whole number from 1, found "${values['join-limit']}"`,
    );
  return {
    port,
    host: values.host,
    data: resolve(values.data),
    dist: resolve(values.dist),
    build: !values['no-build'],
    joinLimit,
  };
}

/** What the game's build does not read: the server and the command line. */
const NOT_BUILT = new Set([join(ROOT, 'src', 'server'), join(ROOT, 'src', 'cli')]);

/** The newest modification time under the game's sources (what a build reads). */
function newestSource(): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!existsSync(p) || NOT_BUILT.has(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const f of readdirSync(p)) visit(join(p, f));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src', 'scenarios', 'assets', 'index.html', 'vite.config.ts', 'package.json'])
    visit(join(ROOT, p));
  return newest;
}

/** Build the game into `dist/` with Vite if it is missing or older than its sources. */
function ensureBuilt(dist: string): void {
  const index = join(dist, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource()) return;
  process.stdout.write(
    existsSync(index) ? 'The game changed: building it again…\n' : 'Building the game…\n',
  );
  const r = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error('vite build failed (see above)');
}

/** The server's facilitator key: made at first start, then read from the data folder. */
function adminKey(data: string): string {
  const file = join(data, 'facilitator.key');
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{43}$/.test(key)) return key;
    throw new Error(`${file} does not hold a facilitator key; delete it to make a new one`);
  }
  const key = newKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

/** Addresses students can reach: this machine's LAN addresses when listening on all of them. */
function reachable(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host.includes(':') ? `[${host}]` : host];
  const lan: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal) lan.push(i.address);
  return [...lan, 'localhost'];
}

async function main(): Promise<void> {
  const f = flags(process.argv.slice(2));
  if (f === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (f.build) ensureBuilt(f.dist);
  else if (!existsSync(join(f.dist, 'index.html')))
    process.stderr.write(`warning: ${f.dist} has no index.html; only the sessions will work\n`);
  const store = new SqliteStore(f.data);
  const key = adminKey(f.data);
  let base = '';
  const server = createClassroomServer({
    store,
    distDir: f.dist,
    adminKey: key,
    joinLimit: { max: f.joinLimit, windowMs: 60_000 },
    onSessionCreated: (s) => {
      const url = `${base}/#join=${s.code}`;
      void QRCode.toString(url, { type: 'terminal', small: true }).then((qr) => {
        process.stdout.write(
          `\nSession ${s.title ? `"${escapeControl(s.title)}" ` : ''}created: code ${formatCode(s.code)}\nStudents join at ${url}\n${qr}\n`,
        );
      });
    },
  });
  const { port } = await server.listen(f.port, f.host);
  const hosts = reachable(f.host);
  base = `http://${hosts[0]}:${port}`;
  process.stdout.write(
    [
      `Second Front classroom server on port ${port} (data in ${f.data})`,
      ...hosts.map((h) => `  game:        http://${h}:${port}/`),
      `Facilitator (keep this link to yourself): ${base}/#facilitate=${key}`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void server
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
