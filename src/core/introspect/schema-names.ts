import type { Connection } from '../db/connection.js';
import { UserError } from '../errors.js';
import { closeMatches } from './lookup.js';
import type { SchemaFilter } from './types.js';

/** Every non-system schema name in the database. */
export async function listSchemas(conn: Connection): Promise<string[]> {
  const r = await conn.query<{ nspname: string }>(`SELECT nspname FROM pg_catalog.pg_namespace
    WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' AND nspname <> 'crdb_internal' ORDER BY nspname COLLATE "C"`);
  return r.rows.map((x) => x.nspname);
}

/** Throws a UserError naming close matches when a schema given by name (not a glob) does not exist. */
export async function assertSchemasExist(conn: Connection, f: SchemaFilter): Promise<void> {
  const named = [...(f.schemas ?? []), ...(f.excludeSchemas ?? [])].filter((x) => !/[*?]/.test(x));
  if (!named.length) return;
  const all = await listSchemas(conn);
  for (const name of named) {
    if (all.includes(name)) continue;
    const near = closeMatches(name, all);
    throw new UserError(`unknown schema "${name}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; schemas: ${all.slice(0, 20).join(', ')}${all.length > 20 ? ', …' : ''}`);
  }
}

/** Exact sizes of one relation (pg_table_size / pg_indexes_size), and its row estimate. */
export async function readRelationSize(conn: Connection, schema: string, name: string) {
  const r = await conn.query<{ t: string; i: string; n: number; seq: string; idx: string }>(`SELECT pg_catalog.pg_table_size(c.oid) AS t,
      pg_catalog.pg_indexes_size(c.oid) AS i, c.reltuples::float8 AS n, coalesce(s.seq_scan, 0) AS seq, coalesce(s.idx_scan, 0) AS idx
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_stat_user_tables s ON s.relid = c.oid
    WHERE ns.nspname = $1 AND c.relname = $2`, [schema, name]);
  const row = r.rows[0];
  if (!row) return undefined;
  return {
    rowEstimate: Number(row.n), tableBytes: Number(row.t), indexBytes: Number(row.i), totalBytes: Number(row.t) + Number(row.i),
    seqScans: Number(row.seq), idxScans: Number(row.idx),
  };
}
