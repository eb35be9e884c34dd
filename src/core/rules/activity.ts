import type { Connection } from '../db/connection.js';

export interface ActivityStats {
  longRunning: { pid: number; seconds: number; query: string }[];
  total: number;
  idleInTransaction: number;
  replicas: { name: string; lagSeconds: number }[];
  inactiveSlots: string[];
}

export interface StatementStats {
  query: string;
  calls: number;
  meanMs: number;
  totalMs: number;
}

/** Sessions and replication, for the activity rules (a server only: PGlite has one session). */
export async function readActivity(conn: Connection, longerThanSec = 60): Promise<ActivityStats> {
  const [a, b, r, s] = await conn.exec(`
SELECT pid, extract(epoch FROM now() - query_start)::float8 AS secs, left(query, 200) AS query
FROM pg_catalog.pg_stat_activity
WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'
  AND now() - query_start > interval '${Math.trunc(longerThanSec)} seconds' ORDER BY secs DESC LIMIT 50;
SELECT count(*)::int AS total, count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int AS idle_tx
FROM pg_catalog.pg_stat_activity WHERE backend_type = 'client backend';
SELECT coalesce(application_name, client_addr::text, 'replica') AS name, coalesce(extract(epoch FROM replay_lag), 0)::float8 AS lag FROM pg_catalog.pg_stat_replication;
SELECT slot_name FROM pg_catalog.pg_replication_slots WHERE NOT active;`);
  return {
    longRunning: a!.rows.map((x) => ({ pid: Number(x.pid), seconds: Number(x.secs), query: String(x.query) })),
    total: Number(b!.rows[0]?.total ?? 0),
    idleInTransaction: Number(b!.rows[0]?.idle_tx ?? 0),
    replicas: r!.rows.map((x) => ({ name: String(x.name), lagSeconds: Number(x.lag) })),
    inactiveSlots: s!.rows.map((x) => String(x.slot_name)),
  };
}

/** Top statements by mean time from pg_stat_statements; undefined when the extension is not usable. */
export async function readStatements(conn: Connection): Promise<StatementStats[] | undefined> {
  try {
    const ext = await conn.query<{ schema: string }>(`SELECT n.nspname AS schema FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'`);
    const schema = ext.rows[0]?.schema;
    if (!schema) return undefined;
    const r = await conn.query<{ query: string; calls: string; mean: number; total: number }>(
      `SELECT left(query, 500) AS query, calls, mean_exec_time AS mean, total_exec_time AS total FROM "${schema.replace(/"/g, '""')}".pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()) ORDER BY mean_exec_time DESC LIMIT 100`);
    return r.rows.map((x) => ({ query: x.query, calls: Number(x.calls), meanMs: Number(x.mean), totalMs: Number(x.total) }));
  } catch {
    return undefined;
  }
}
