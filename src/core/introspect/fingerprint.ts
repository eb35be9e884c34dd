import type { Connection } from '../db/connection.js';
import { queryCatalog } from './batch.js';
import { schemaCondition } from './filter.js';
import { fingerprintSql } from './fingerprint-sql.js';
import type { SchemaFilter } from './types.js';

/** Per-schema catalog fingerprints (plus `*global`) of the selected schemas; `{}` where unsupported. */
export async function readFingerprint(conn: Connection, opts: SchemaFilter = {}): Promise<Record<string, string>> {
  if (conn.server.flavor === 'cockroach') return {};
  const rows = await queryCatalog(conn, fingerprintSql(schemaCondition(opts, conn.server.flavor)));
  const out: Record<string, string> = {};
  for (const [schema, fp] of rows) out[String(schema)] = String(fp);
  return out;
}
