import type { Connection } from '../../db/connection.js';
import { quoteIdent } from '../../sql/ident.js';
import type { Fingerprinter } from '../fingerprint.js';
import type { QueryGroup, SourceSummary } from '../types.js';

export type StatementsOrder = 'total' | 'mean' | 'calls' | 'rows' | 'reads';

const ORDER_SQL: Record<StatementsOrder, string> = {
  total: 'total_ms', mean: 'mean_ms', calls: 'calls', rows: 'rows_per_call', reads: 'shared_blks_read',
};

export interface StatementsRead {
  status: SourceSummary['pgStatStatements'];
  groups: QueryGroup[];
  statsReset?: string;
  /** how to get the statistics when they are missing */
  note?: string;
}

// catalog and monitoring statements (ours included) are not the application's workload
const MONITORING = /\b(pg_catalog\.|information_schema\.|pg_stat_|hypopg)/i;

/**
 * Top statements from pg_stat_statements of the current database (PG 13+ column names; PG 12's
 * `total_time` as a fallback), with the reset time so a reader knows what "total" covers.
 */
export async function readStatements(conn: Connection, fp: Fingerprinter, o: { limit?: number; order?: StatementsOrder } = {}): Promise<StatementsRead> {
  if (conn.server.flavor === 'pglite') return { status: 'not available on PGlite', groups: [], note: 'pg_stat_statements is not available in the embedded PGlite database; connect to a server for query statistics' };
  const ext = await conn.query<{ schema: string }>(`SELECT n.nspname AS schema FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'`);
  const schema = ext.rows[0]?.schema;
  const enable = `add pg_stat_statements to shared_preload_libraries (ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements', then restart) and run CREATE EXTENSION pg_stat_statements in ${conn.server.database}`;
  if (!schema) return { status: 'not installed', groups: [], note: `pg_stat_statements is not installed: ${enable}` };
  const view = `${quoteIdent(schema)}.pg_stat_statements`;
  const total = conn.server.versionNum >= 130000 ? 'total_plan_time + total_exec_time' : 'total_time';
  const limit = Math.max(1, Math.min(1000, Math.trunc(o.limit ?? 50)));
  let rows: Record<string, unknown>[];
  try {
    rows = (await conn.query(`
SELECT queryid::text AS queryid, query, calls, ${total} AS total_ms, (${total}) / nullif(calls, 0) AS mean_ms,
       max_exec_time AS max_ms, rows, rows::float8 / nullif(calls, 0) AS rows_per_call, shared_blks_read
FROM ${view}
WHERE dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()) AND calls > 0
ORDER BY ${ORDER_SQL[o.order ?? 'total']} DESC NULLS LAST
LIMIT ${limit * 2}`)).rows;
  } catch (err) {
    const msg = (err as Error).message;
    if (/shared_preload_libraries/.test(msg)) return { status: 'not loaded', groups: [], note: `pg_stat_statements is installed but not loaded: ${enable}` };
    if (/permission denied/i.test(msg)) return { status: 'no access', groups: [], note: `no access to pg_stat_statements (${msg}); GRANT pg_read_all_stats TO ${conn.server.user}` };
    throw err;
  }
  const statsReset = await conn.query<{ reset: string | null }>(`SELECT stats_reset::text AS reset FROM ${quoteIdent(schema)}.pg_stat_statements_info`).then((r) => r.rows[0]?.reset ?? undefined, () => undefined);
  const hidden = rows.filter((r) => r.query === '<insufficient privilege>').length;
  const groups = rows
    .filter((r) => typeof r.query === 'string' && r.query !== '<insufficient privilege>' && !MONITORING.test(r.query))
    .slice(0, limit)
    .map((r): QueryGroup => {
      const shape = fp.of(String(r.query));
      return {
        fingerprint: shape.fingerprint, queryId: String(r.queryid), query: shape.query, calls: Number(r.calls),
        totalMs: Number(r.total_ms), meanMs: Number(r.mean_ms ?? 0), maxMs: Number(r.max_ms ?? 0), rows: Number(r.rows),
        sharedBlocksRead: Number(r.shared_blks_read ?? 0), source: 'pg_stat_statements',
      };
    });
  return {
    status: 'used', groups, statsReset,
    ...(hidden ? { note: `${hidden} statements of other roles are hidden: GRANT pg_read_all_stats TO ${conn.server.user} to see them` } : {}),
  };
}
