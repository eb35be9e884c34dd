import type { Connection } from '../db/connection.js';
import { HEAD, plannerSettings, runBatch } from './batch.js';
import { runParallelBatch } from './parallel-batch.js';
import { buildSnapshot } from './build.js';
import { catalogStatements, type CatalogStatement } from './catalog-sql.js';
import { retryMissing } from './definitions.js';
import { hiddenPlatformSchemas, POLICY_SCHEMAS, schemaCondition } from './filter.js';
import { fingerprintSql } from './fingerprint-sql.js';
import { literal } from './sql-text.js';
import type { ReadOptions, SchemaSnapshot, SnapshotServer } from './types.js';

// engines where exported snapshots are known to work; the others read on one backend
const PARALLEL_FLAVORS = new Set(['postgres', 'neon', 'supabase', 'citus']);

/** Engines without `xmin` on catalogs cannot be fingerprinted (design §9: always a full re-read). */
export const canFingerprint = (conn: Connection) => conn.server.flavor !== 'cockroach';

/**
 * Reads the selected schemas in one multi-statement batch inside one REPEATABLE READ READ ONLY
 * transaction, one statement per catalog, rows joined in TypeScript. On a server with a big
 * catalog the batch is split over two backends sharing one exported snapshot (parallel-batch.ts).
 */
export async function readSnapshot(conn: Connection, opts: ReadOptions = {}): Promise<SchemaSnapshot> {
  const flavor = conn.server.flavor;
  const nsCond = schemaCondition(opts, flavor);
  const hidden = hiddenPlatformSchemas(opts, flavor);
  const eager = opts.definitions === 'eager';
  const stats = opts.stats !== false;
  const statements: CatalogStatement[] = catalogStatements({
    versionNum: conn.server.versionNum, nsCond, stats, eager,
    policySchemas: (POLICY_SCHEMAS[flavor] ?? []).filter((p) => hidden.includes(p)),
  });
  if (canFingerprint(conn)) statements.push({ name: 'fingerprint', sql: fingerprintSql(nsCond) });
  if (hidden.length) {
    statements.push({
      name: 'hidden_schemas',
      sql: `SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname IN (${hidden.map(literal).join(', ')}) ORDER BY 1`,
    });
  }
  const prelude = [
    ...plannerSettings(flavor),
    // the ordered column list (120k rows at 10k tables) spills to disk at the default 4MB
    ...(flavor === 'cockroach' ? [] : ["SET LOCAL work_mem = '32MB'"]),
    ...(flavor === 'yugabyte' ? ['SET LOCAL yb_bnl_batch_size = 1000'] : []),
  ];
  const parallel = conn.target.kind === 'server' && PARALLEL_FLAVORS.has(flavor) ? await runParallelBatch(conn, [...HEAD, ...prelude], statements, opts.parallelFrom) : undefined;
  const { rows, unavailable } = parallel ?? (await runBatch(conn, statements, prelude));
  const capabilities: Record<string, boolean> = {};
  for (const st of statements) capabilities[st.name] = !unavailable.some((u) => u.catalog === st.name);
  if (!canFingerprint(conn)) capabilities.fingerprint = false;
  const server: SnapshotServer = {
    versionNum: conn.server.versionNum, versionString: conn.server.versionString, flavor, capabilities,
  };
  const fingerprint: Record<string, string> = {};
  for (const [schema, fp] of rows.get('fingerprint') ?? []) fingerprint[String(schema)] = String(fp);
  const { snapshot, missing } = buildSnapshot({
    rows, server, unavailable, fingerprint, stats, eager, capturedAt: new Date().toISOString(),
    hiddenSchemas: (rows.get('hidden_schemas') ?? []).map((r) => String(r[0])),
  });
  if (missing.length) await retryMissing(conn, snapshot, missing);
  return snapshot;
}
