import type { Connection, Flavor, Session } from '../db/connection.js';
import type { CatalogStatement } from './catalog-sql.js';
import type { Unavailable } from './types.js';

/** Rows of each catalog statement (array mode), by statement name. */
export type CatalogRows = Map<string, unknown[][]>;

export interface BatchResult {
  rows: CatalogRows;
  unavailable: Unavailable[];
}

export const HEAD = [
  'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  "SET LOCAL statement_timeout = '60s'",
  "SET LOCAL lock_timeout = '5s'",
  // deparsed expressions then name every object schema-qualified, whatever the user's search_path
  'SET LOCAL search_path = pg_catalog',
];

/**
 * Catalog statements over many rows pass jit_above_cost; compiling them costs more than running
 * them (measured 0.1–1.3 s per read at 10k tables). Parallel workers only take CPU from the other
 * backend of a split read and from this process parsing rows. CockroachDB has neither setting.
 */
export const plannerSettings = (flavor: Flavor): string[] =>
  flavor === 'cockroach' ? [] : ['SET LOCAL jit = off', 'SET LOCAL max_parallel_workers_per_gather = 0'];

/** One statement in its own read-only transaction without JIT or parallel workers, in one round trip; its rows in array mode. */
export async function queryCatalog(conn: Connection, sql: string): Promise<unknown[][]> {
  const results = await conn.exec(['BEGIN READ ONLY', ...plannerSettings(conn.server.flavor), sql, 'COMMIT'].join(';\n'), { rowMode: 'array' });
  return (results[results.length - 2]?.rows ?? []) as unknown as unknown[][];
}

/**
 * Runs the statements in one round trip inside one REPEATABLE READ transaction. When the batch
 * fails (an engine without a catalog column, a catalog we may not read), the statements are run
 * again one by one behind savepoints in a new transaction, and each failing one is reported as
 * unavailable rather than failing the read.
 */
export async function runBatch(conn: Connection, statements: CatalogStatement[], prelude: string[] = []): Promise<BatchResult> {
  return conn.withSession(async (s) => {
    const sql = [...HEAD, ...prelude, ...statements.map((x) => x.sql), 'COMMIT'].join(';\n');
    try {
      const results = await s.exec(sql, { rowMode: 'array' });
      const offset = HEAD.length + prelude.length;
      const rows: CatalogRows = new Map();
      statements.forEach((st, i) => rows.set(st.name, (results[offset + i]?.rows ?? []) as unknown as unknown[][]));
      return { rows, unavailable: [] };
    } catch (err) {
      await s.query('ROLLBACK').catch(() => {});
      return runOneByOne(s, statements, prelude, err);
    }
  });
}

async function runOneByOne(s: Session, statements: CatalogStatement[], prelude: string[], first: unknown): Promise<BatchResult> {
  const rows: CatalogRows = new Map();
  const unavailable: Unavailable[] = [];
  try {
    await s.exec([...HEAD, ...prelude].join(';\n'));
  } catch {
    // the transaction preamble itself failed: nothing can be read this way
    throw first;
  }
  try {
    for (const st of statements) {
      await s.query('SAVEPOINT tw_catalog');
      try {
        const r = await s.query(st.sql, undefined, { rowMode: 'array' });
        rows.set(st.name, r.rows as unknown as unknown[][]);
        await s.query('RELEASE SAVEPOINT tw_catalog');
      } catch (err) {
        await s.query('ROLLBACK TO SAVEPOINT tw_catalog');
        rows.set(st.name, []);
        unavailable.push({ catalog: st.name, reason: oneLine(err) });
      }
    }
    await s.query('COMMIT');
  } catch (err) {
    await s.query('ROLLBACK').catch(() => {});
    throw err;
  }
  return { rows, unavailable };
}

const oneLine = (err: unknown): string => String((err as Error)?.message ?? err).split('\n')[0]!;
