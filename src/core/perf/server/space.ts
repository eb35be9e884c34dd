import type { Connection } from '../../db/connection.js';
import { literal } from '../../introspect/sql-text.js';
import type { HealthReport, RelationSize } from '../types.js';

/*
 * Bloat is estimated, not measured (pgstattuple would read every page): the bytes a row needs are
 * its header (23 bytes, aligned to 24), its line pointer (4) and the pg_stats average widths of its
 * columns; rows × that ÷ usable page space (fillfactor) is the space the table should take, and
 * pages beyond it are counted as waste. B-tree indexes likewise, with an 8-byte tuple header and
 * the widths of their key columns at the default 90 % fillfactor.
 */
const SIZES_SQL = (schemas: string, exact: boolean) => `
WITH tbl AS (
  SELECT c.oid, n.nspname, c.relname, c.relpages, c.reltuples, ${exact ? 'pg_catalog.pg_table_size(c.oid)' : 'c.relpages::bigint * 8192'} AS bytes,
         ${exact ? 'pg_catalog.pg_total_relation_size(c.oid)' : `(c.relpages + coalesce((SELECT sum(i.relpages) FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid), 0)
           + coalesce((SELECT t.relpages FROM pg_catalog.pg_class t WHERE t.oid = c.reltoastrelid), 0))::bigint * 8192`} AS total,
         coalesce((SELECT substring(o FROM 'fillfactor=(\\d+)')::int FROM unnest(c.reloptions) o WHERE o LIKE 'fillfactor=%'), 100) AS ff,
         (SELECT sum(s.avg_width) FROM pg_catalog.pg_stats s WHERE s.schemaname = n.nspname AND s.tablename = c.relname AND NOT s.inherited) AS width,
         (SELECT count(*) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS ncols,
         st.seq_scan + coalesce(st.idx_scan, 0) AS scans
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_stat_user_tables st ON st.relid = c.oid
  WHERE c.relkind IN ('r', 'm') AND n.nspname IN (${schemas})
)
SELECT 'table' AS kind, nspname || '.' || relname AS name, NULL AS tbl, bytes, total, greatest(reltuples, 0)::float8 AS rows, scans,
       CASE WHEN width IS NULL OR reltuples <= 0 THEN NULL ELSE
         greatest(relpages - ceil(reltuples * (24 + 4 + ceil(ncols / 8.0) + width) / (8168 * ff / 100.0)), 0) * 8192 END AS bloat
FROM tbl
UNION ALL
SELECT 'index', n.nspname || '.' || i.relname, t.nspname || '.' || t.relname, ${exact ? 'pg_catalog.pg_relation_size(i.oid)' : 'i.relpages::bigint * 8192'}, ${exact ? 'pg_catalog.pg_relation_size(i.oid)' : 'i.relpages::bigint * 8192'},
       greatest(i.reltuples, 0)::float8, si.idx_scan,
       CASE WHEN am.amname <> 'btree' OR i.reltuples <= 0 THEN NULL ELSE
         (SELECT greatest(i.relpages - 1 - ceil(i.reltuples * (8 + 4 + sum(s.avg_width)) / (8168 * 0.9)), 0) * 8192
          FROM unnest(x.indkey::int2[]) k(attnum) JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
          JOIN pg_catalog.pg_stats s ON s.schemaname = t.nspname AND s.tablename = t.relname AND s.attname = a.attname AND NOT s.inherited
          HAVING count(*) = cardinality(x.indkey::int2[])) END
FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = i.relam JOIN tbl t ON t.oid = x.indrelid
LEFT JOIN pg_catalog.pg_stat_user_indexes si ON si.indexrelid = i.oid
ORDER BY 5 DESC;`;

const CACHE_SQL = `
SELECT (SELECT blks_hit::float8 / nullif(blks_hit + blks_read, 0) FROM pg_catalog.pg_stat_database WHERE datname = current_database()) AS db,
       (SELECT sum(heap_blks_hit)::float8 / nullif(sum(heap_blks_hit + heap_blks_read), 0) FROM pg_catalog.pg_statio_user_tables) AS tables,
       (SELECT sum(idx_blks_hit)::float8 / nullif(sum(idx_blks_hit + idx_blks_read), 0) FROM pg_catalog.pg_statio_user_indexes) AS indexes;`;

export const LOCKED_SIZES_NOTE = 'a table is locked: sizes are the planner\'s page counts (as of the last VACUUM / ANALYZE)';

const opt = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));

/**
 * Table and index sizes with bloat estimates, largest first, for the given schemas. The size
 * functions lock each relation: a table held by an ACCESS EXCLUSIVE lock (a migration, a LOCK
 * TABLE) would hang the dashboard, so they run with a short lock_timeout and, when it strikes, the
 * planner's page counts (no locks, as of the last VACUUM/ANALYZE) stand in, said in `approximate`.
 */
export async function readSizes(conn: Connection, schemas: string[], limit = 50): Promise<RelationSize[] & { approximate?: boolean }> {
  if (!schemas.length) return [];
  const list = schemas.map(literal).join(', ');
  let approximate = false;
  const r = await conn.withSession(async (s) => {
    await s.query('BEGIN READ ONLY');
    try {
      await s.query(`SET LOCAL lock_timeout = '300ms'`);
      await s.query('SAVEPOINT tw_sizes');
      try {
        return await s.query(SIZES_SQL(list, true));
      } catch (err) {
        if ((err as { code?: string }).code !== '55P03') throw err;
        await s.query('ROLLBACK TO SAVEPOINT tw_sizes');
        approximate = true;
        return await s.query(SIZES_SQL(list, false));
      }
    } finally {
      await s.query('ROLLBACK').catch(() => {});
    }
  });
  const out = r.rows.slice(0, limit).map((x): RelationSize => ({
    name: String(x.name), kind: x.kind === 'index' ? 'index' : 'table', ...(x.tbl ? { table: String(x.tbl) } : {}),
    bytes: Number(x.bytes), totalBytes: Number(x.total), rows: Number(x.rows),
    ...(opt(x.bloat) !== undefined ? { bloatBytes: opt(x.bloat) } : {}), ...(opt(x.scans) !== undefined ? { scans: opt(x.scans) } : {}),
  }));
  return approximate ? Object.assign(out, { approximate }) : out;
}

/** Buffer cache hit ratios: the database, its tables' heap blocks and its indexes' blocks. */
export async function readCacheHit(conn: Connection): Promise<NonNullable<HealthReport['cacheHit']>> {
  const r = (await conn.query(CACHE_SQL)).rows[0] ?? {};
  return { database: opt(r.db), tables: opt(r.tables), indexes: opt(r.indexes) };
}
