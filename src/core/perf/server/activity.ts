import type { Connection } from '../../db/connection.js';
import type { ActiveQuery, BlockingLock, HealthReport } from '../types.js';

export interface Activity {
  connections: NonNullable<HealthReport['connections']>;
  /** non-idle client sessions, longest first (idle-in-transaction ones included) */
  active: ActiveQuery[];
  blocking: BlockingLock[];
  /** whether other roles' query texts were hidden (pg_monitor / pg_read_all_stats missing) */
  limited: boolean;
}

/** Sessions by state, the longest-running statements and who blocks whom, in one round trip. */
export async function readActivity(conn: Connection, o: { limit?: number } = {}): Promise<Activity> {
  const limit = Math.max(1, Math.trunc(o.limit ?? 20));
  const [states, apps, active, blocked, max] = await conn.exec(`
SELECT coalesce(state, 'unknown') AS state, count(*)::int AS n FROM pg_catalog.pg_stat_activity
WHERE backend_type = 'client backend' GROUP BY 1 ORDER BY 2 DESC;
SELECT coalesce(nullif(application_name, ''), client_addr::text, 'local') AS name, count(*)::int AS n FROM pg_catalog.pg_stat_activity
WHERE backend_type = 'client backend' GROUP BY 1 ORDER BY 2 DESC LIMIT 10;
SELECT pid, coalesce(extract(epoch FROM now() - coalesce(query_start, xact_start)), 0)::float8 AS secs, state, coalesce(usename, '') AS usename,
       coalesce(application_name, '') AS app, wait_event_type || ':' || wait_event AS wait, left(coalesce(query, ''), 500) AS query
FROM pg_catalog.pg_stat_activity
WHERE state IS DISTINCT FROM 'idle' AND pid <> pg_backend_pid() AND backend_type = 'client backend'
ORDER BY secs DESC LIMIT ${limit};
SELECT a.pid, pg_catalog.pg_blocking_pids(a.pid) AS blockers, coalesce(extract(epoch FROM now() - a.query_start), 0)::float8 AS secs,
       l.mode, l.relation::regclass::text AS relation, left(coalesce(a.query, ''), 500) AS query
FROM pg_catalog.pg_stat_activity a
LEFT JOIN LATERAL (SELECT mode, relation FROM pg_catalog.pg_locks WHERE pid = a.pid AND NOT granted LIMIT 1) l ON true
WHERE cardinality(pg_catalog.pg_blocking_pids(a.pid)) > 0 ORDER BY secs DESC LIMIT ${limit};
SELECT current_setting('max_connections')::int AS max;`);
  const byState = states!.rows.map((r) => ({ state: String(r.state), count: Number(r.n) }));
  const activeRows = active!.rows.map((r): ActiveQuery => ({
    pid: Number(r.pid), seconds: Number(r.secs), state: String(r.state ?? 'unknown'), user: String(r.usename), application: String(r.app),
    ...(r.wait ? { waitEvent: String(r.wait) } : {}), query: String(r.query),
  }));
  return {
    connections: {
      byState,
      total: byState.reduce((n, s) => n + s.count, 0),
      max: Number(max!.rows[0]?.max ?? 0),
      idleInTransaction: byState.filter((s) => s.state.startsWith('idle in transaction')).reduce((n, s) => n + s.count, 0),
      byApplication: apps!.rows.map((r) => ({ name: String(r.name), count: Number(r.n) })),
    },
    active: activeRows,
    blocking: blocked!.rows.map((r) => ({
      pid: Number(r.pid), blockedBy: parseIntArray(r.blockers), seconds: Number(r.secs),
      ...(r.mode ? { mode: String(r.mode) } : {}), ...(r.relation ? { relation: String(r.relation) } : {}), query: String(r.query),
    })),
    limited: activeRows.some((a) => a.query === '<insufficient privilege>'),
  };
}

/** int[] arrives as an array from pg and as `{1,2}` text from simple-protocol drivers. */
function parseIntArray(v: unknown): number[] {
  if (Array.isArray(v)) return v.map(Number);
  return String(v ?? '').replace(/[{}]/g, '').split(',').filter(Boolean).map(Number);
}
