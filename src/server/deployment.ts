import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';
import type { SessionStore } from './store';
import { openPostgresStore } from './store-postgres';
import { SqliteStore } from './store-sqlite';

/**
 * What `npm run serve` runs against, from its environment: one process on SQLite by default, or
 * several processes on PostgreSQL (`DATABASE_URL`) sharing sockets and session changes through
 * Redis (`REDIS_URL`).
 */

export type Env = Readonly<Record<string, string | undefined>>;

/** `postgres://user:secret@host/db` → `postgres://user@host/db`: fit to print. */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return '(a URL that does not parse)';
  }
}

/**
 * The session store: PostgreSQL if `DATABASE_URL` is set (tables in `DATABASE_SCHEMA`), else
 * SQLite in `dataDir`. `where` says which, without a password.
 *
 * @example
 * const { store, where } = await openStore(process.env, './data');
 */
export async function openStore(
  env: Env,
  dataDir: string,
): Promise<{ store: SessionStore; where: string }> {
  const url = env['DATABASE_URL'];
  if (!url) return { store: new SqliteStore(dataDir), where: `SQLite in ${dataDir}` };
  const schema = env['DATABASE_SCHEMA'] || 'public';
  const store = await openPostgresStore({ connectionString: url, schema });
  return { store, where: `PostgreSQL at ${withoutPassword(url)} (schema ${schema})` };
}

export interface SocketSharing {
  readonly adapter: NonNullable<ServerOptions['adapter']>;
  readonly where: string;
  /** `PEER_SWEEP_MS`: see `ClassroomServerOptions.peerSweepMs`. */
  readonly sweepMs: number;
  close(): Promise<void>;
}

/**
 * Socket.IO's Redis streams adapter on a node-redis client if `REDIS_URL` is set, else null
 * (one process). `REDIS_PREFIX` names the stream and the pub/sub channels, so that two
 * deployments (or test runs) can share one Redis without hearing each other.
 *
 * @example
 * const sharing = await socketAdapter(process.env);
 * createClassroomServer({ ..., ...(sharing ? { adapter: sharing.adapter } : {}) });
 */
export async function socketAdapter(env: Env): Promise<SocketSharing | null> {
  const url = env['REDIS_URL'];
  if (!url) return null;
  const prefix = env['REDIS_PREFIX'] || 'second-front';
  const sweepMs = Number(env['PEER_SWEEP_MS'] || 5000);
  if (!Number.isInteger(sweepMs) || sweepMs < 0)
    throw new Error(
      `PEER_SWEEP_MS: expected milliseconds (0: never), found "${env['PEER_SWEEP_MS']}"`,
    );
  const client = createClient({ url });
  // node-redis reconnects by itself; an error event without a listener would end the process.
  let lastError = '';
  client.on('error', (err: Error) => {
    if (err.message !== lastError) process.stderr.write(`Redis: ${err.message}\n`);
    lastError = err.message;
  });
  client.on('ready', () => {
    lastError = '';
  });
  await client.connect();
  return {
    adapter: createAdapter(client, { streamName: prefix, channelPrefix: prefix }),
    where: `Redis at ${withoutPassword(url)} (${prefix})`,
    sweepMs,
    async close() {
      await client.close();
    },
  };
}
