import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { describe } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { openServer, type ServerOptions } from '../../src/core/db/server-connection.js';
import { resolveServer } from '../../src/core/db/conninfo/resolve.js';

/** The test server; CI runs one on 127.0.0.1:5432 with trust auth. */
export const SERVER_URL = process.env.TW_TEST_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function probe(): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return undefined;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await c.end().catch(() => {});
  }
}

const problem = await probe();
if (problem && process.env.TW_REQUIRE_SERVER === '1') {
  throw new Error(`TW_REQUIRE_SERVER=1 but the PostgreSQL server at ${SERVER_URL} is not reachable: ${problem}`);
}
if (problem) process.stderr.write(`server tests skipped: ${SERVER_URL} not reachable (${problem})\n`);

export const serverAvailable = !problem;

/** `describe` for tests that need the server: skipped with a printed reason when there is none. */
export const describeServer = (name: string, fn: () => void) => describe.skipIf(!serverAvailable)(name, fn);

function urlFor(db: string): string {
  const u = new URL(SERVER_URL);
  u.pathname = `/${db}`;
  return u.toString();
}

export function serverTarget(db = new URL(SERVER_URL).pathname.slice(1) || 'postgres') {
  return resolveServer({ url: `${urlFor(db)}?sslmode=disable` }, { env: {}, home: '/nonexistent', osUser: 'postgres', demoDir: '/nonexistent' }).target;
}

/** A fresh database on the server for one test file; dropped by `drop()`. */
export async function scratchDatabase(prefix = 'tw_test'): Promise<{ name: string; url: string; open: (o?: ServerOptions) => Promise<Connection>; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const opened: Connection[] = [];
  return {
    name,
    url: urlFor(name),
    open: async (o) => {
      const c = await openServer(serverTarget(name) as never, o);
      opened.push(c);
      return c;
    },
    drop: async () => {
      await Promise.all(opened.map((c) => c.close().catch(() => {})));
      const a = new pg.Client({ connectionString: SERVER_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}
