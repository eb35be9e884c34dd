import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { Kysely } from 'kysely';
import { lazyKysely } from './lazy-kysely.js';
import pg from 'pg';
import type { EmbeddedTarget } from './conninfo/types.js';
import type { Connection, QueryOptions, ServerInfo, Session } from './connection.js';
import { sessionOf } from './pg-session.js';
import { readServerInfo } from './server-info.js';
import { DEFAULT_STATEMENT_TIMEOUT_MS } from './server-connection.js';
import { checkDataDir, openPglite } from './pglite-open.js';

/**
 * PGlite has one session: one pg.Client over the node-postgres adapter, lent out one user at a
 * time. Kysely sees it as a pool of one.
 */
class SingleClientPool {
  readonly #client: pg.Client;
  #queue: Promise<void> = Promise.resolve();

  constructor(client: pg.Client) {
    this.#client = client;
  }

  async connect(): Promise<pg.PoolClient> {
    let release!: () => void;
    const prev = this.#queue;
    this.#queue = new Promise<void>((r) => (release = r));
    await prev;
    const c = this.#client;
    return { query: c.query.bind(c), release: () => release() } as unknown as pg.PoolClient;
  }

  async end(): Promise<void> {
    await this.#queue;
    await this.#client.end();
  }
}

class EmbeddedConnection implements Connection {
  readonly target: EmbeddedTarget;
  readonly server: ServerInfo;
  readonly #kysely: () => Kysely<any>;
  readonly readOnly = false;
  readonly canCancel = false;
  readonly #pool: SingleClientPool;
  readonly #pglite: PGlite;

  constructor(target: EmbeddedTarget, server: ServerInfo, pool: SingleClientPool, pglite: PGlite) {
    this.target = target;
    this.server = server;
    this.#pool = pool;
    this.#pglite = pglite;
    this.#kysely = lazyKysely(pool);
  }

  get kysely(): Kysely<any> {
    return this.#kysely();
  }

  async withSession<T>(fn: (s: Session) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      return await fn(sessionOf(client));
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  query<R = Record<string, unknown>>(sql: string, params?: unknown[], opts?: QueryOptions) {
    return this.withSession((s) => s.query<R>(sql, params, opts));
  }

  exec(sql: string, opts?: QueryOptions) {
    return this.withSession((s) => s.exec(sql, opts));
  }

  async cancel(): Promise<number> {
    return 0;
  }

  async setWriteMode(): Promise<void> {
    // an embedded database is the user's own scratch space and is always writable
  }

  async close(): Promise<void> {
    await this.#pool.end().catch(() => {});
    await this.#pglite.close();
  }
}

export interface EmbeddedOptions {
  statementTimeoutMs?: number;
  /** create the data directory when it does not exist yet */
  create?: boolean;
}

export async function openEmbedded(target: EmbeddedTarget, o: EmbeddedOptions = {}): Promise<Connection> {
  checkDataDir(target.dataDir, { mayCreate: o.create ?? true });
  const pglite = await openPglite(target.dataDir);
  const client = new pg.Client(createPgConfig(pglite) as pg.ClientConfig);
  await client.connect();
  await client.query(`SET statement_timeout = ${Math.trunc(o.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS)}`);
  const pool = new SingleClientPool(client);
  const info = await readServerInfo(sessionOf(client), true);
  return new EmbeddedConnection(target, info, pool, pglite);
}
