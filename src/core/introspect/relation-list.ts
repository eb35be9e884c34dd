import type { Connection } from '../db/connection.js';
import { queryCatalog } from './batch.js';
import { schemaCondition, nsSubquery } from './filter.js';
import type { RelationListItem, SchemaFilter } from './types.js';

const KINDS: Record<string, RelationListItem['kind']> = {
  r: 'table', p: 'partitioned', f: 'foreign', v: 'view', m: 'materialized view', S: 'sequence',
};

/**
 * The cheap first-screen list: every relation with kind, row estimate and size, in one catalog-only
 * statement. Sizes come from `relpages` (table + TOAST + indexes, as of the last VACUUM/ANALYZE):
 * measuring files with pg_total_relation_size costs seconds at 10k tables.
 */
export async function readRelationList(conn: Connection, opts: SchemaFilter = {}): Promise<RelationListItem[]> {
  const NS = nsSubquery(schemaCondition(opts, conn.server.flavor));
  const rows = await queryCatalog(conn, `SELECT n.nspname, c.relname, c.relkind, c.reltuples::float8,
  (greatest(c.relpages, 0)::int8 + greatest(coalesce(t.relpages, 0), 0) + coalesce(ix.pages, 0)) * current_setting('block_size')::int8,
  pn.nspname, pc.relname, d.description
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class t ON t.oid = c.reltoastrelid
LEFT JOIN (SELECT i.indrelid, sum(greatest(ic.relpages, 0))::int8 AS pages FROM pg_catalog.pg_index i
           JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid WHERE ic.relnamespace IN ${NS} GROUP BY 1) ix ON ix.indrelid = c.oid
LEFT JOIN pg_catalog.pg_inherits h ON c.relispartition AND h.inhrelid = c.oid
LEFT JOIN pg_catalog.pg_class pc ON pc.oid = h.inhparent
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
WHERE c.relnamespace IN ${NS} AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"`);
  return rows.map(([schema, name, kind, tuples, bytes, pnsp, pname, comment]) => {
    const item: RelationListItem = {
      schema: String(schema), name: String(name), kind: KINDS[String(kind)] ?? 'table', rowEstimate: Number(tuples), totalBytes: Number(bytes),
    };
    if (pname) item.partitionOf = `${String(pnsp)}.${String(pname)}`;
    if (comment !== null) item.comment = String(comment);
    return item;
  });
}
