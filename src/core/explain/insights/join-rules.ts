import { fmtCount, fmtFactor, fmtKb, num0, workMemSql } from '../format.js';
import type { PlanNode } from '../types.js';
import type { NodeRule } from './types.js';

const inner = (n: PlanNode) => n.children.filter((c) => !c.subplanName)[1];
const outer = (n: PlanNode) => n.children.filter((c) => !c.subplanName)[0];
const under = (n: PlanNode | undefined) => !!n && n.analyzed && n.estDirection === 'under' && n.estFactor >= 10;
const joinKey = (n: PlanNode) => String(n.raw['Index Cond'] ?? n.raw['Join Filter'] ?? n.raw.Filter ?? n.raw['Hash Cond'] ?? '');

/** The node the loop really repeats: through Memoize/Materialize to the scan below. */
function scanBelow(n: PlanNode): PlanNode {
  let x = n;
  while ((x.nodeType === 'Memoize' || x.nodeType === 'Materialize') && x.children[0]) x = x.children[0];
  return x;
}

/** explain.md §3 D and E: joins, repeated execution, memory and spills. */
export const JOIN_RULES: NodeRule[] = [
  {
    id: 'nested-loop-many-loops',
    check(n) {
      const i = n.nodeType === 'Nested Loop' ? inner(n) : undefined;
      if (!i || !i.analyzed || i.loops < 1000) return undefined;
      const scan = scanBelow(i);
      const seq = scan.nodeType === 'Seq Scan';
      return {
        severity: seq ? 'crit' : 'warn', impactMs: n.inclusiveMs,
        message: `Nested Loop runs its inner side ${fmtCount(i.loops)} times (${scan.label}${seq ? ', a full scan each time' : ''})`,
        action: seq ? `index the join key of ${scan.relation} (${joinKey(scan)})` : 'fine when the outer side is small; if the outer side is under-estimated, see nested-loop-outer-misestimate',
        ...(seq && scan.relation ? { index: { schema: scan.schema, table: scan.relation, columns: [] } } : {}),
      };
    },
  },
  {
    id: 'nested-loop-outer-misestimate',
    check(n) {
      if (n.nodeType !== 'Nested Loop') return undefined;
      const o = outer(n);
      const i = inner(n);
      if (!under(o) || !i || i.loops < 100) return undefined;
      return { severity: 'high', impactMs: n.inclusiveMs, message: `Nested Loop chosen for an outer side estimated ${fmtFactor(o!.estFactor)}× too small (${fmtCount(o!.actualRowsTotal)} rows, planned ${fmtCount(o!.planRows)}): the inner side runs ${fmtCount(i.loops)} times`, action: 'fix the outer estimate (ANALYZE, extended statistics) or restructure so the planner picks a Hash Join' };
    },
  },
  {
    id: 'correlated-subplan',
    check(n) {
      if (n.parentRelationship !== 'SubPlan' || n.loops < 1000) return undefined;
      return { severity: 'warn', impactMs: n.inclusiveMs, message: `${n.subplanName ?? 'a SubPlan'} runs once per outer row (${fmtCount(n.loops)} times)`, action: 'rewrite the correlated subquery as a JOIN, LATERAL join or window function' };
    },
  },
  {
    id: 'join-filter-removes-most',
    check(n) {
      const removed = n.removedByJoinFilterTotal ?? 0;
      if (removed < 1000 || removed < 10 * n.actualRowsTotal) return undefined;
      return { severity: 'warn', impactMs: n.inclusiveMs, message: `${n.label} throws away ${fmtCount(removed)} joined rows by its Join Filter ${String(n.raw['Join Filter'] ?? '')}`, action: 'the condition cannot serve as a Hash/Merge condition (non-equality, OR, a function): rewrite it as an equality on plain columns' };
    },
  },
  {
    id: 'memoize-ineffective',
    check(n) {
      if (n.nodeType !== 'Memoize') return undefined;
      const hits = num0(n.raw['Cache Hits']);
      const misses = num0(n.raw['Cache Misses']);
      const evictions = num0(n.raw['Cache Evictions']);
      const overflows = num0(n.raw['Cache Overflows']);
      const missShare = hits + misses > 0 ? misses / (hits + misses) : 0;
      if (missShare <= 0.9 && !evictions && !overflows) return undefined;
      return { severity: 'info', impactMs: n.exclusiveMs, message: evictions || overflows ? `Memoize cache too small: ${evictions} evictions, ${overflows} overflows` : `Memoize misses ${Math.round(missShare * 100)}% of lookups: caching does not pay off`, action: evictions || overflows ? 'raise work_mem (× hash_mem_multiplier) for this query' : 'nothing cached is reused; the plan would be as fast without it' };
    },
  },
  {
    id: 'merge-join-sorts',
    check(n) {
      if (n.nodeType !== 'Merge Join') return undefined;
      const sort = n.children.find((c) => !c.subplanName && c.nodeType === 'Sort');
      if (!sort) return undefined;
      return { severity: 'info', impactMs: sort.exclusiveMs, message: `Merge Join sorts an input first (${sort.label}, key ${String((sort.raw['Sort Key'] as string[] | undefined)?.join(', ') ?? '')})`, action: 'an index on the join key delivers the rows in order without the Sort' };
    },
  },
  {
    id: 'cte-materialized-multi',
    check(n, t) {
      if (!n.subplanName?.startsWith('CTE ')) return undefined;
      const name = n.subplanName.slice(4);
      const scans = t.nodes.filter((x) => x.nodeType === 'CTE Scan' && x.raw['CTE Name'] === name);
      const temp = num0(n.buffers['Temp Written Blocks']);
      if (scans.length < 2 && temp < 256) return undefined;
      return { severity: 'info', impactMs: n.inclusiveMs, message: `CTE ${name} is materialized and read by ${scans.length} CTE Scan${scans.length === 1 ? '' : 's'}${temp ? ` (${fmtKb(temp * 8)} written to temp)` : ''}`, action: 'if filters could be pushed into it, write it NOT MATERIALIZED or inline it' };
    },
  },
];

const spillKb = (n: PlanNode) => num0(n.raw['Sort Space Used']);

export const MEMORY_RULES: NodeRule[] = [
  {
    id: 'sort-spill',
    check(n, t) {
      if (n.nodeType !== 'Sort' && n.nodeType !== 'Incremental Sort') return undefined;
      if (n.raw['Sort Space Type'] !== 'Disk' && !/external/.test(String(n.raw['Sort Method'] ?? ''))) return undefined;
      const kb = spillKb(n);
      return { severity: 'warn', impactMs: n.exclusiveMs, message: `Sort spilled ${fmtKb(kb)} to disk (${String(n.raw['Sort Method'])})`, action: `raise work_mem for this query to about 3× the spill, or add an index that provides the order`, sql: workMemSql(t.settings, kb * 3) };
    },
  },
  {
    id: 'hash-batches',
    check(n, t) {
      const b = num0(n.raw['Hash Batches']);
      if (n.nodeType !== 'Hash' || b <= 1) return undefined;
      const mem = num0(n.raw['Peak Memory Usage']);
      return { severity: 'warn', impactMs: (n.parentId !== null ? t.nodes[n.parentId - 1]?.inclusiveMs : undefined) ?? n.inclusiveMs, message: `Hash split into ${b} batches (${fmtKb(mem)} in memory per batch): the inner side did not fit work_mem`, action: 'raise work_mem and/or hash_mem_multiplier for this query', sql: workMemSql(t.settings, mem * b * 1.5) };
    },
  },
  {
    id: 'hash-grew',
    check(n) {
      if (n.nodeType !== 'Hash') return undefined;
      const grew = num0(n.raw['Original Hash Batches']) && num0(n.raw['Original Hash Batches']) < num0(n.raw['Hash Batches']) || num0(n.raw['Original Hash Buckets']) && num0(n.raw['Original Hash Buckets']) < num0(n.raw['Hash Buckets']);
      if (!grew) return undefined;
      return { severity: 'warn', impactMs: n.exclusiveMs, message: `Hash grew while building (batches ${num0(n.raw['Original Hash Batches'])}→${num0(n.raw['Hash Batches'])}, buckets ${num0(n.raw['Original Hash Buckets'])}→${num0(n.raw['Hash Buckets'])})`, action: 'the inner side was under-estimated: check the row estimate of the node below the Hash' };
    },
  },
  {
    id: 'hashagg-spill',
    check(n, t) {
      if (n.nodeType !== 'Aggregate' || !['Hashed', 'Mixed'].includes(String(n.raw.Strategy))) return undefined;
      const batches = num0(n.raw['HashAgg Batches']);
      const disk = num0(n.raw['Disk Usage']);
      if (batches <= 1 && disk <= 0) return undefined;
      return { severity: 'warn', impactMs: n.exclusiveMs, message: `HashAggregate spilled: ${batches} batches, ${fmtKb(disk)} on disk`, action: 'raise work_mem and/or hash_mem_multiplier for this query', sql: workMemSql(t.settings, (disk + num0(n.raw['Peak Memory Usage'])) * 2) };
    },
  },
  {
    id: 'temp-io',
    check(n) {
      const temp = Math.max(num0(n.exclusiveBuffers['Temp Read Blocks']), num0(n.exclusiveBuffers['Temp Written Blocks']));
      if (temp < 256) return undefined;
      if (n.nodeType === 'Sort' || n.nodeType === 'Hash' || (n.nodeType === 'Aggregate' && (num0(n.raw['HashAgg Batches']) > 1 || num0(n.raw['Disk Usage']) > 0))) return undefined;
      if (n.children.some((c) => c.nodeType === 'Hash' && num0(c.raw['Hash Batches']) > 1)) return undefined;
      return { severity: 'info', impactMs: n.exclusiveMs, message: `${n.label} reads/writes ${fmtKb(temp * 8)} of temporary files`, action: 'a spill (Material, CTE, WindowAgg, incremental sort): more work_mem keeps it in memory' };
    },
  },
];
