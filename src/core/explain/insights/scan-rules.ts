import { indexNameFor } from '../../rules/model.js';
import { quoteIdent, quoteQName } from '../../sql/ident.js';
import { parseFilter } from '../filter.js';
import { fmtCount, fmtPct, workMemSql } from '../format.js';
import type { PlanNode } from '../types.js';
import { bySeverity, type Draft, type NodeRule } from './types.js';

const RANGE_OPS = new Set(['<', '>', '<=', '>=']);

/** `CREATE INDEX CONCURRENTLY t_a_b_idx ON s.t (a, b);` for a scan's relation. */
export function createIndexSql(n: PlanNode, columns: string[]): string {
  const table = n.schema ? quoteQName(n.schema, n.relation!) : quoteIdent(n.relation!);
  return `CREATE INDEX CONCURRENTLY ${quoteIdent(indexNameFor(n.relation!, columns))} ON ${table} (${columns.map(quoteIdent).join(', ')});`;
}

const filterOf = (n: PlanNode) => (typeof n.raw.Filter === 'string' ? n.raw.Filter : undefined);

/** Equality columns first (the most selective first is a pg_stats question), then at most one range. */
function indexColumns(filter: string): string[] {
  const f = parseFilter(filter);
  const eq = f.conditions.filter((c) => c.op === '=').map((c) => c.column);
  const range = f.conditions.filter((c) => RANGE_OPS.has(c.op) || /^~~/.test(c.op)).map((c) => c.column);
  const cols = [...new Set([...eq, ...range.slice(0, 1)])];
  return (cols.length ? cols : f.columns).slice(0, 3);
}

function indexDraft(n: PlanNode, message: string, columns: string[]): Draft {
  const sql = createIndexSql(n, columns);
  return {
    severity: 'warn', impactMs: n.exclusiveMs, message,
    action: `index the filter: ${sql} (try it first as a hypothetical index)`, sql,
    index: { schema: n.schema, table: n.relation!, columns },
  };
}

const isSeqScan = (n: PlanNode) => n.nodeType === 'Seq Scan' && !!n.relation && n.analyzed && !n.neverExecuted;

type Indexable = { filter: string; conds: ReturnType<typeof parseFilter> } | undefined;
// three rules ask the same question of each scan
const indexableMemo = new WeakMap<PlanNode, Indexable>();
function indexableSeqScan(n: PlanNode): Indexable {
  if (!indexableMemo.has(n)) indexableMemo.set(n, indexableTest(n));
  return indexableMemo.get(n);
}

/** The depesz test: enough bytes read, and the filter throws away most of them. */
function indexableTest(n: PlanNode): Indexable {
  const filter = filterOf(n);
  if (!isSeqScan(n) || !filter) return undefined;
  const removed = n.removedByFilterTotal ?? 0;
  const width = typeof n.raw['Plan Width'] === 'number' ? n.raw['Plan Width'] : 0;
  // count(*) has width 0 yet reads every page: the pages read count too when BUFFERS is there
  const pages = (n.buffers['Shared Hit Blocks'] ?? 0) + (n.buffers['Shared Read Blocks'] ?? 0);
  if (Math.max((n.actualRowsTotal + removed) * width, pages * 8192) <= 3 * 8192 || removed <= 2 * n.actualRowsTotal) return undefined;
  return { filter, conds: parseFilter(filter) };
}

/** explain.md §3 C: scans and filtering. */
export const SCAN_RULES: NodeRule[] = [
  {
    id: 'filter-removes-most',
    check(n) {
      const sev = n.removedShare !== undefined ? bySeverity(n.removedShare, [[0.5, 'warn'], [0.9, 'high']]) : undefined;
      if (!sev || n.neverExecuted) return undefined;
      const removed = (n.removedByFilterTotal ?? 0) + (n.removedByJoinFilterTotal ?? 0);
      const expr = filterOf(n) ?? (typeof n.raw['Join Filter'] === 'string' ? n.raw['Join Filter'] : '');
      return { severity: sev, impactMs: n.exclusiveMs, message: `${n.label} removes ${fmtPct(n.removedShare!)} of the rows it reads (${fmtCount(removed)} removed, ${fmtCount(n.actualRowsTotal)} kept) by ${expr}`, action: 'a more selective access path (an index on the filtered columns) reads only the rows kept' };
    },
  },
  {
    id: 'indexable-seqscan',
    check(n) {
      const s = indexableSeqScan(n);
      if (!s || !s.conds.simple || s.conds.conditions.length !== 1) return undefined;
      const c = s.conds.conditions[0]!;
      if (!c.constant || !(c.op === '=' || RANGE_OPS.has(c.op))) return undefined;
      return indexDraft(n, `Seq Scan on ${n.relation} reads ${fmtCount(n.actualRowsTotal + (n.removedByFilterTotal ?? 0))} rows to keep ${fmtCount(n.actualRowsTotal)} (${c.column} ${c.op} ${c.value})`, [c.column]);
    },
  },
  {
    id: 'indexable-seqscan-multi',
    check(n) {
      const s = indexableSeqScan(n);
      if (!s || !s.conds.simple || s.conds.conditions.length < 2 || !s.conds.conditions.every((c) => c.op === '=' && c.constant)) return undefined;
      const cols = [...new Set(s.conds.conditions.map((c) => c.column))];
      return indexDraft(n, `Seq Scan on ${n.relation} reads ${fmtCount(n.actualRowsTotal + (n.removedByFilterTotal ?? 0))} rows to keep ${fmtCount(n.actualRowsTotal)} (${s.conds.conditions.map((c) => `${c.column} = ${c.value}`).join(' AND ')}); a composite index fits (most selective column first: check pg_stats)`, cols);
    },
  },
  {
    id: 'seqscan-discard-ratio',
    check(n) {
      const filter = filterOf(n);
      if (!isSeqScan(n) || !filter) return undefined;
      const removed = n.removedByFilterTotal ?? 0;
      if (!(n.actualRowsTotal === 0 ? removed >= 1000 : removed / n.actualRowsTotal >= 10)) return undefined;
      // the simple shapes have their own insight with the same advice
      const s = indexableSeqScan(n);
      if (s?.conds.simple && s.conds.conditions.every((c) => c.constant && (c.op === '=' || RANGE_OPS.has(c.op)))) return undefined;
      const cols = indexColumns(filter);
      if (!cols.length) return undefined;
      return indexDraft(n, `Seq Scan on ${n.relation} discards ${fmtCount(n.actualRowsTotal ? Math.round(removed / n.actualRowsTotal) : removed)}${n.actualRowsTotal ? '× more rows than it returns' : ' rows and returns none'} (${filter})`, cols);
    },
  },
  {
    id: 'index-scan-filter',
    check(n) {
      if (!['Index Scan', 'Index Only Scan', 'Bitmap Heap Scan'].includes(n.nodeType)) return undefined;
      const removed = n.removedByFilterTotal ?? 0;
      if (removed < 1000 || removed < 10 * n.actualRowsTotal) return undefined;
      return { severity: 'warn', impactMs: n.exclusiveMs, message: `${n.label} fetches rows the index does not filter: ${fmtCount(removed)} removed by ${filterOf(n)}`, action: 'extend the index to cover the filter (composite or partial index)' };
    },
  },
  {
    id: 'lossy-bitmap',
    check(n, t) {
      const lossy = n.raw['Lossy Heap Blocks'];
      if (typeof lossy !== 'number' || lossy <= 0) return undefined;
      return { severity: 'warn', impactMs: n.exclusiveMs, message: `${n.label}: the bitmap went lossy for ${fmtCount(lossy)} heap blocks, every row there rechecked (${fmtCount(n.removedByRecheckTotal ?? 0)} removed by recheck)`, action: 'raise work_mem for this query until the heap blocks are exact', sql: workMemSql(t.settings, 4096) };
    },
  },
  {
    id: 'heap-fetches',
    check(n) {
      if (n.nodeType !== 'Index Only Scan' || n.heapFetchShare === undefined) return undefined;
      const sev = bySeverity(n.heapFetchShare, [[0, 'info'], [0.4, 'warn'], [0.9, 'high']]);
      if (!sev) return undefined;
      const rel = n.schema ? quoteQName(n.schema, n.relation!) : quoteIdent(n.relation ?? '?');
      return { severity: sev, impactMs: n.exclusiveMs, message: `${n.label} visits the heap for ${fmtPct(Math.min(1, n.heapFetchShare))} of its rows (${fmtCount(n.raw['Heap Fetches'] as number)} heap fetches): the visibility map is out of date`, action: `VACUUM the table and check its autovacuum settings`, sql: `VACUUM (ANALYZE) ${rel};` };
    },
  },
  {
    id: 'large-offset',
    check(n) {
      if (n.nodeType !== 'Limit' || !n.analyzed || !n.children[0]) return undefined;
      const skipped = n.children[0].actualRowsTotal - n.actualRowsTotal;
      if (skipped < 1000) return undefined;
      return { severity: 'warn', impactMs: n.inclusiveMs, message: `Limit reads ${fmtCount(n.children[0].actualRowsTotal)} rows to return ${fmtCount(n.actualRowsTotal)} (a large OFFSET)`, action: 'use keyset pagination: WHERE (sort key) > (last seen) ORDER BY … LIMIT n' };
    },
  },
  {
    id: 'topn-over-seqscan',
    check(n) {
      const child = n.children[0];
      if (n.nodeType !== 'Sort' || !/top-N heapsort/.test(String(n.raw['Sort Method'] ?? '')) || child?.nodeType !== 'Seq Scan' || child.actualRowsTotal < 1000) return undefined;
      const keys = Array.isArray(n.raw['Sort Key']) ? (n.raw['Sort Key'] as string[]).join(', ') : '';
      return { severity: 'info', impactMs: n.inclusiveMs, message: `top-N sort over a full Seq Scan of ${child.relation} (${fmtCount(child.actualRowsTotal)} rows)`, action: `an index on the ORDER BY key (${keys}) lets the scan stop after the first rows` };
    },
  },
];
