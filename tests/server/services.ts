import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { describe, it } from 'vitest';
import { withoutPassword } from '../../src/server/deployment';

/**
 * The real services some server tests need (PostgreSQL, Redis), found from the environment.
 * A test file asks for them with {@link describeWith}: where one is missing, the tests under it
 * are skipped and one line says so and why; in CI (`CI=true`, as `.ci/run` sets) a missing
 * service fails the run instead, so CI can never pass without having run them.
 */

export interface Probe {
  /** What it is, for the message: `PostgreSQL`, `Redis`. */
  readonly name: string;
  /** Where it was looked for (the URL without its password), or null when none is set. */
  readonly where: string | null;
  readonly url: string | null;
  /** Null: reachable. Otherwise why not, in a few words. */
  readonly problem: string | null;
}

const CI = process.env['CI'] === 'true' || process.env['CI'] === '1';

/** PostgreSQL from `TEST_DATABASE_URL` (first: tests never touch a deployment's own) or `DATABASE_URL`. */
export async function probePostgres(): Promise<Probe> {
  const url = process.env['TEST_DATABASE_URL'] || process.env['DATABASE_URL'] || null;
  if (!url)
    return {
      name: 'PostgreSQL',
      where: null,
      url,
      problem: 'no TEST_DATABASE_URL or DATABASE_URL',
    };
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { name: 'PostgreSQL', where: withoutPassword(url), url, problem: null };
  } catch (err) {
    return {
      name: 'PostgreSQL',
      where: withoutPassword(url),
      url,
      problem: (err as Error).message,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Redis from `TEST_REDIS_URL` or `REDIS_URL`: a PING over a plain socket (no client library to set up and close). */
export async function probeRedis(): Promise<Probe> {
  const url = process.env['TEST_REDIS_URL'] || process.env['REDIS_URL'] || null;
  if (!url) return { name: 'Redis', where: null, url, problem: 'no TEST_REDIS_URL or REDIS_URL' };
  let host = '127.0.0.1';
  let port = 6379;
  try {
    const u = new URL(url);
    host = u.hostname || host;
    port = Number(u.port || port);
  } catch {
    return { name: 'Redis', where: url, url, problem: 'REDIS_URL does not parse' };
  }
  const problem = await new Promise<string | null>((resolve) => {
    const socket = net.connect({ host, port });
    const done = (p: string | null) => {
      socket.destroy();
      resolve(p);
    };
    socket.setTimeout(3000, () => done('no answer in 3 s'));
    socket.on('error', (err) => done(err.message));
    socket.on('connect', () => socket.write('PING\r\n'));
    // A server with a password answers -NOAUTH: it is there, and the URL carries the password.
    socket.on('data', (d) => done(/^(\+PONG|-NOAUTH)/.test(d.toString()) ? null : d.toString()));
  });
  return { name: 'Redis', where: withoutPassword(url), url, problem };
}

/** The one line a skipped (or, in CI, failed) file prints. */
export function missingLine(p: Probe, what: string): string {
  const at = p.where ? `${p.name} not reachable at ${p.where} (${p.problem})` : `${p.problem} set`;
  return `${at}: ${what} did not run`;
}

/**
 * `describe`, run only when every probe found its service. Otherwise one line per missing
 * service on stderr and a skipped test named by it, or in CI a failing one.
 *
 * @example
 * const postgres = await probePostgres();
 * describeWith([postgres], 'the PostgreSQL store', () => { it(...) });
 */
export function describeWith(probes: readonly Probe[], title: string, body: () => void): void {
  const missing = probes.filter((p) => p.problem !== null);
  if (missing.length === 0) {
    describe(title, body);
    return;
  }
  describe(title, () => {
    for (const p of missing) {
      const line = missingLine(p, `the ${title} tests`);
      if (CI) {
        it(`${p.name} is reachable (CI=true)`, () => {
          throw new Error(line);
        });
      } else {
        console.warn(line);
        it.skip(line, () => undefined);
      }
    }
  });
}

/** A fresh schema name, so concurrent test files sharing one database never see each other. */
export function testSchema(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/** Drops a test's schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
