import type { Connection } from '../db/connection.js';
import { literal } from '../introspect/sql-text.js';
import type { ActivityStats, StatementStats } from './activity.js';

/** Per-table figures from the planner and the cumulative statistics views. */
export interface TableStats {
  reltuples: number;
  liveTuples: number;
  deadTuples: number;
  seqScans: number;
  idxScans: number;
  modsSinceAnalyze: number;
  lastAnalyze?: string;
  lastVacuum?: string;
  /** age(relfrozenxid) of the table or its TOAST table, whichever is older */
  xidAge: number;
  heapBlocksRead: number;
  heapBlocksHit: number;
}

export interface ColumnStats {
  nullFrac: number;
  /** pg_stats.n_distinct: > 0 a count, < 0 minus the fraction of rows */
  nDistinct: number;
  /** pg_stats.most_common_vals as text values (a sample of the data) */
  commonValues: string[];
}

export interface SequenceState {
  lastValue?: number;
  maxValue: number;
  dataType: string;
}

/** Statistics the `stats` rules read, all in one round trip. Keys are `schema.table[.column]`. */
export interface RuleStats {
  /** false on PGlite: it keeps planner statistics but no cumulative counters (scans, dead tuples) */
  cumulative: boolean;
  statsReset?: string;
  tables: Record<string, TableStats>;
  indexScans: Record<string, number>;
  columns: Record<string, ColumnStats>;
  sequences: Record<string, SequenceState>;
  /** XIDs the database may still use before wraparound protection (2^31 - age(datfrozenxid)) */
  databaseXidAge: number;
  /** sessions and replication (servers only) */
  activity?: ActivityStats;
  /** pg_stat_statements, when installed and readable */
  statements?: StatementStats[];
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

function parseTextArray(s: string | null): string[] {
  if (!s || s.length < 2) return [];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let any = false;
  for (let i = 1; i < s.length - 1; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '\\') cur += s[++i];
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') { quoted = true; any = true; }
    else if (ch === ',') { out.push(cur); cur = ''; any = false; }
    else { cur += ch; any = true; }
  }
  if (any || cur) out.push(cur);
  return out;
}

/** Reads the statistics for the given schemas in one multi-statement round trip. */
export async function readRuleStats(conn: Connection, schemas: string[]): Promise<RuleStats> {
  const inList = schemas.length ? schemas.map(literal).join(', ') : `''`;
  const nsFilter = `n.nspname IN (${inList})`;
  const results = await conn.exec(`
SELECT n.nspname, c.relname, c.reltuples, coalesce(s.n_live_tup, 0), coalesce(s.n_dead_tup, 0), coalesce(s.seq_scan, 0),
       coalesce(s.idx_scan, 0), coalesce(s.n_mod_since_analyze, 0), greatest(s.last_analyze, s.last_autoanalyze)::text,
       greatest(s.last_vacuum, s.last_autovacuum)::text, CASE WHEN c.relkind = 'p' THEN 0 ELSE greatest(age(c.relfrozenxid), coalesce(age(t.relfrozenxid), 0)) END,
       coalesce(io.heap_blks_read, 0), coalesce(io.heap_blks_hit, 0)
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class t ON t.oid = c.reltoastrelid
LEFT JOIN pg_catalog.pg_stat_user_tables s ON s.relid = c.oid
LEFT JOIN pg_catalog.pg_statio_user_tables io ON io.relid = c.oid
WHERE c.relkind IN ('r', 'm', 'p') AND ${nsFilter};
SELECT n.nspname, i.relname, coalesce(s.idx_scan, 0)
FROM pg_catalog.pg_class i JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace
LEFT JOIN pg_catalog.pg_stat_user_indexes s ON s.indexrelid = i.oid
WHERE i.relkind IN ('i', 'I') AND ${nsFilter};
SELECT s.schemaname, s.tablename, s.attname, s.null_frac, s.n_distinct, s.most_common_vals::text
FROM pg_catalog.pg_stats s WHERE s.schemaname IN (${inList}) AND NOT s.inherited;
SELECT schemaname, sequencename, last_value, max_value, data_type::text FROM pg_catalog.pg_sequences WHERE schemaname IN (${inList});
SELECT stats_reset::text, 2147483647 - age(d.datfrozenxid) FROM pg_catalog.pg_stat_database s JOIN pg_catalog.pg_database d ON d.oid = s.datid
WHERE s.datname = current_database();`, { rowMode: 'array' });
  const [tablesR, indexesR, columnsR, seqR, dbR] = results as [typeof results[0], typeof results[0], typeof results[0], typeof results[0], typeof results[0]];
  const stats: RuleStats = {
    cumulative: conn.server.flavor !== 'pglite',
    tables: {},
    indexScans: {},
    columns: {},
    sequences: {},
    databaseXidAge: 0,
  };
  for (const r of tablesR.rows as unknown as unknown[][]) {
    stats.tables[`${r[0]}.${r[1]}`] = {
      reltuples: num(r[2]), liveTuples: num(r[3]), deadTuples: num(r[4]), seqScans: num(r[5]), idxScans: num(r[6]),
      modsSinceAnalyze: num(r[7]), lastAnalyze: (r[8] as string | null) ?? undefined, lastVacuum: (r[9] as string | null) ?? undefined,
      xidAge: num(r[10]), heapBlocksRead: num(r[11]), heapBlocksHit: num(r[12]),
    };
  }
  for (const r of indexesR.rows as unknown as unknown[][]) stats.indexScans[`${r[0]}.${r[1]}`] = num(r[2]);
  for (const r of columnsR.rows as unknown as unknown[][]) {
    stats.columns[`${r[0]}.${r[1]}.${r[2]}`] = { nullFrac: num(r[3]), nDistinct: num(r[4]), commonValues: parseTextArray(r[5] as string | null) };
  }
  for (const r of seqR.rows as unknown as unknown[][]) {
    stats.sequences[`${r[0]}.${r[1]}`] = { lastValue: r[2] === null ? undefined : Number(r[2]), maxValue: Number(r[3]), dataType: String(r[4]) };
  }
  const db = (dbR.rows as unknown as unknown[][])[0];
  if (db) {
    stats.statsReset = (db[0] as string | null) ?? undefined;
    stats.databaseXidAge = num(db[1]);
  }
  return stats;
}
