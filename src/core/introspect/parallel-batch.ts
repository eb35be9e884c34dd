import type { Connection, Session } from '../db/connection.js';
import type { CatalogRows, BatchResult } from './batch.js';
import type { CatalogStatement } from './catalog-sql.js';
import { literal } from './sql-text.js';

/**
 * Measured share of one read at 10k tables (server time plus the driver's row parsing), by
 * statement; the rest are small. Used to split the statements into two equal halves.
 */
const WEIGHT: Record<string, number> = {
  attributes: 24, defaults: 20, indexes: 13, constraints: 10, fingerprint: 9, sequence_owners: 7,
  column_types: 5, classes: 4, types: 2, view_dependencies: 2, sequences: 2, policies: 2, triggers: 1, comments: 1,
  stats: 6, index_stats: 4, view_definitions: 2, index_definitions: 8, trigger_definitions: 1, function_definitions: 1,
};

/** Below this many pg_class rows one backend reads it all faster than two can start. */
export const PARALLEL_MIN_CLASSES = 6000;

/**
 * Statements that open each table (deparsing an expression with its column names, measuring its
 * files) build that table's relation-cache entry, ~50 µs cold, once per backend: on one backend
 * together they build it once (measured server CPU per 10k-table read 2.45 → 1.9 s). So they go
 * to the first half as one unit; the rest balance the two halves by weight.
 */
const OPENS_TABLES = new Set(['defaults', 'constraints', 'indexes', 'policies', 'stats', 'index_definitions', 'trigger_definitions']);

export function splitInTwo(statements: CatalogStatement[]): [CatalogStatement[], CatalogStatement[]] {
  const w = (s: CatalogStatement) => WEIGHT[s.name] ?? 0.5;
  const halves: [CatalogStatement[], CatalogStatement[]] = [statements.filter((s) => OPENS_TABLES.has(s.name)), []];
  const load: [number, number] = [halves[0].reduce((a, s) => a + w(s), 0), 0];
  for (const s of statements.filter((x) => !OPENS_TABLES.has(x.name)).sort((a, b) => w(b) - w(a))) {
    const h = load[0] <= load[1] ? 0 : 1;
    halves[h].push(s);
    load[h] += w(s);
  }
  return halves;
}

const exec = async (s: Session, sql: string[]) => (await s.exec(sql.join(';\n'), { rowMode: 'array' })).map((r) => r.rows as unknown as unknown[][]);

/**
 * A big catalog read on two backends at once, both in one snapshot: the first exports it
 * (`pg_export_snapshot`), the second imports it (`SET TRANSACTION SNAPSHOT`) before either reads,
 * so the two halves see the same catalog state as one transaction would. Small catalogs stay on
 * one backend. Resolves undefined when this cannot be done here (a second session refused, an
 * engine without exported snapshots); the caller then reads the one-batch way.
 */
export async function runParallelBatch(conn: Connection, head: string[], statements: CatalogStatement[], minClasses = PARALLEL_MIN_CLASSES): Promise<BatchResult | undefined> {
  return conn.withSession(async (s1) => {
    let size: number;
    let snapshotId: string;
    try {
      const r = await exec(s1, [...head, 'SELECT pg_catalog.pg_export_snapshot(), (SELECT count(*) FROM pg_catalog.pg_class)']);
      [snapshotId, size] = [String(r.at(-1)![0]![0]), Number(r.at(-1)![0]![1])];
    } catch {
      await s1.query('ROLLBACK').catch(() => {});
      return undefined;
    }
    try {
      if (size < minClasses) return { rows: named(statements, await exec(s1, [...statements.map((x) => x.sql), 'COMMIT'])), unavailable: [] };
      const [a, b] = splitInTwo(statements);
      let imported!: () => void;
      const ready = new Promise<void>((resolve) => (imported = resolve));
      const rowsB = conn.withSession(async (s2) => {
        try {
          await exec(s2, [head[0]!, `SET TRANSACTION SNAPSHOT ${literal(snapshotId)}`, ...head.slice(1)]);
          imported();
          return await exec(s2, [...b.map((x) => x.sql), 'COMMIT']);
        } catch (err) {
          await s2.query('ROLLBACK').catch(() => {});
          throw err;
        }
      });
      // an exported snapshot lives only as long as its transaction: the first half (and its COMMIT) waits for the import
      await Promise.race([ready, rowsB]);
      const [ra, rb] = await Promise.all([exec(s1, [...a.map((x) => x.sql), 'COMMIT']), rowsB]);
      return { rows: new Map([...named(a, ra), ...named(b, rb)]), unavailable: [] };
    } catch {
      await s1.query('ROLLBACK').catch(() => {});
      return undefined;
    }
  });
}

function named(statements: CatalogStatement[], results: unknown[][][]): CatalogRows {
  const offset = results.length - statements.length - 1;
  return new Map(statements.map((st, i) => [st.name, results[offset + i] ?? []]));
}
