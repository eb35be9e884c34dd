import type { Kysely } from 'kysely';
import { lazyKysely } from './lazy-kysely.js';
import pg from 'pg';
import type { PgpassProblem } from './conninfo/pgpass.js';
import type { ServerTarget } from './conninfo/types.js';
import type { Connection, QueryOptions, ServerInfo, Session } from './connection.js';
import { connectError } from './errors.js';
import { sessionOf } from './pg-session.js';
import { readServerInfo } from './server-info.js';
import { tlsAttempts, tlsFor } from './ssl.js';

export interface ServerOptions {
  /** allow writes from the start (`--write`); otherwise sessions are read-only */
  write?: boolean;
  /** per-statement limit in ms (0 = none) */
  statementTimeoutMs?: number;
  maxConnections?: number;
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

function pgConfig(t: ServerTarget, useTls: boolean, o: ServerOptions): pg.PoolConfig {
  return {
    host: t.host,
    port: t.port,
    database: t.database,
    user: t.user,
    password: t.password,
    ssl: tlsFor(t, useTls),
    application_name: t.applicationName,
    connectionTimeoutMillis: t.connectTimeoutSec * 1000,
    statement_timeout: o.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    options: `-c default_transaction_read_only=${o.write ? 'off' : 'on'}`,
    max: o.maxConnections ?? 4,
  };
}

/**
 * A pool whose clients are set to the connection's current write mode on checkout, and whose
 * running statements are tracked so `cancel()` can signal their backends.
 */
class GuardedPool {
  readonly #pool: pg.Pool;
  readonly #modeOf = new WeakMap<pg.PoolClient, boolean>();
  readonly busy = new Set<pg.PoolClient>();
  write: boolean;

  constructor(pool: pg.Pool, write: boolean) {
    this.#pool = pool;
    this.write = write;
    // an idle client losing its backend must not crash the process
    pool.on('error', () => {});
  }

  async connect(): Promise<pg.PoolClient> {
    const client = await this.#pool.connect();
    const mode = this.#modeOf.get(client) ?? false;
    if (mode !== this.write) {
      try {
        await client.query(`SET default_transaction_read_only = ${this.write ? 'off' : 'on'}`);
      } catch (err) {
        client.release(err as Error);
        throw err;
      }
      this.#modeOf.set(client, this.write);
    }
    const query = client.query.bind(client) as (...a: unknown[]) => Promise<unknown>;
    const busy = this.busy;
    // Kysely and our sessions both call query(); tracking it here covers both
    (client as unknown as { query: unknown }).query = async (...args: unknown[]) => {
      busy.add(client);
      try {
        return await query(...args);
      } finally {
        busy.delete(client);
      }
    };
    const release = client.release.bind(client);
    client.release = (err?: Error | boolean) => {
      (client as unknown as { query: unknown }).query = query;
      return release(err);
    };
    return client;
  }

  end(): Promise<void> {
    return this.#pool.end();
  }
}

class ServerConnection implements Connection {
  readonly target: ServerTarget;
  readonly server: ServerInfo;
  readonly #kysely: () => Kysely<any>;
  readonly canCancel = true;
  readonly #pool: GuardedPool;
  readonly #config: pg.PoolConfig;

  constructor(target: ServerTarget, server: ServerInfo, pool: GuardedPool, config: pg.PoolConfig) {
    this.target = target;
    this.server = server;
    this.#pool = pool;
    this.#config = config;
    this.#kysely = lazyKysely(pool);
  }

  get kysely(): Kysely<any> {
    return this.#kysely();
  }

  get readOnly(): boolean {
    return !this.#pool.write;
  }

  async withSession<T>(fn: (s: Session) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      return await fn(sessionOf(client));
    } catch (err) {
      // a session left inside a transaction must not go back to the pool as it is
      await client.query('ROLLBACK').catch((e: Error) => { broken = e; });
      throw err;
    } finally {
      client.release(broken);
    }
  }

  query<R = Record<string, unknown>>(sql: string, params?: unknown[], opts?: QueryOptions) {
    return this.withSession((s) => s.query<R>(sql, params, opts));
  }

  exec(sql: string, opts?: QueryOptions) {
    return this.withSession((s) => s.exec(sql, opts));
  }

  async cancel(): Promise<number> {
    const pids = [...this.#pool.busy].map((c) => (c as unknown as { processID: number }).processID).filter(Boolean);
    if (!pids.length) return 0;
    // a fresh backend sends the signal: the pool's own may all be busy
    const client = new pg.Client({ ...this.#config, options: undefined, statement_timeout: 5000 });
    await client.connect();
    try {
      const r = await client.query<{ ok: boolean }>('SELECT pg_cancel_backend(pid) AS ok FROM unnest($1::int[]) AS pid', [pids]);
      return r.rows.filter((x) => x.ok).length;
    } finally {
      await client.end();
    }
  }

  async setWriteMode(on: boolean): Promise<void> {
    this.#pool.write = on;
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}

export async function openServer(target: ServerTarget, o: ServerOptions = {}, pgpass?: PgpassProblem): Promise<Connection> {
  let lastErr: unknown;
  for (const useTls of tlsAttempts(target)) {
    const config = pgConfig(target, useTls, o);
    const pool = new GuardedPool(new pg.Pool(config), !!o.write);
    try {
      const client = await pool.connect();
      let info: ServerInfo;
      try {
        info = await readServerInfo(sessionOf(client), false);
      } finally {
        client.release();
      }
      return new ServerConnection(target, info, pool, config);
    } catch (err) {
      lastErr = err;
      await pool.end().catch(() => {});
      const msg = String((err as Error)?.message ?? '');
      const tlsRefused = /does not support SSL|SSL.*(off|not supported)|no pg_hba.conf entry.*SSL (on|off)|EPROTO|wrong version number/i.test(msg);
      if (!tlsRefused) break;
    }
  }
  throw connectError(lastErr, target, pgpass);
}
