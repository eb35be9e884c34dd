import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTree, INSIGHT_IDS, parsePlan, planInsights, type Insight } from '../../src/core/explain/index.js';
import type { RawNode, RawPlan } from '../../src/core/explain/types.js';
import { plan } from './helpers.js';

/** A node with ANALYZE fields; `t` is the per-loop total time. */
const n = (type: string, t: number, rows: number, planRows: number, extra: Record<string, unknown> = {}, plans: RawNode[] = []): RawNode => ({
  'Node Type': type, 'Total Cost': 100, 'Plan Rows': planRows, 'Plan Width': 40, 'Actual Startup Time': 0, 'Actual Total Time': t, 'Actual Rows': rows, 'Actual Loops': 1,
  ...extra, ...(plans.length ? { Plans: plans } : {}),
});
const tree = (root: RawNode, top: Partial<RawPlan> = {}) => buildTree({ Plan: root, 'Execution Time': root['Actual Total Time'] as number, 'Planning Time': 0.1, ...top } as RawPlan);
const ids = (i: Insight[]) => i.map((x) => x.id);
const of = (i: Insight[], id: string) => i.find((x) => x.id === id);

describe('insights on the captured plans', () => {
  it('01: the seq scan with a two-equality filter gets a composite index, and is the hot node', () => {
    const i = planInsights(plan('01-seqscan-filter'));
    expect(i[0]!.impactMs).toBeGreaterThanOrEqual(i.at(-1)!.impactMs);
    const ix = of(i, 'indexable-seqscan-multi')!;
    expect(ix.sql).toBe('CREATE INDEX CONCURRENTLY orders_status_total_idx ON public.orders (status, total);');
    expect(ix.nodeId).toBe(1);
    expect(of(i, 'hot-node')!.severity).toBe('crit');
    expect(of(i, 'filter-removes-most')!.severity).toBe('high');
    expect(ids(i)).not.toContain('indexable-seqscan');
    expect(ids(i)).not.toContain('row-misestimate');
  });
  it('03: a one-condition seq scan gets a single-column index; the batched hash says raise work_mem above 1MB', () => {
    const i = planInsights(plan('03-hash-join-batches'));
    expect(of(i, 'indexable-seqscan')!.sql).toBe('CREATE INDEX CONCURRENTLY orders_status_idx ON public.orders (status);');
    const h = of(i, 'hash-batches')!;
    expect(h.message).toContain('8 batches');
    expect(h.sql).toMatch(/^SET LOCAL work_mem = '\d+MB';$/);
    // the join pays for the batching: impact is the Hash Join's time
    expect(h.impactMs).toBeCloseTo(plan('03-hash-join-batches').root.inclusiveMs, 6);
    expect(ids(i)).not.toContain('temp-io');
  });
  it('04: the external sort spilled; work_mem ≈ 3 × the spill', () => {
    const s = of(planInsights(plan('04-sort-external-merge')), 'sort-spill')!;
    expect(s.message).toContain('33MB');
    expect(s.sql).toBe(`SET LOCAL work_mem = '${Math.ceil((33368 * 3) / 1024)}MB';`);
    expect(of(planInsights(plan('07-cte-initplan-subplan')), 'sort-spill')).toBeUndefined();
  });
  it('05: a LIKE + equality filter on a parallel scan is a discard-ratio finding with index columns', () => {
    const d = of(planInsights(plan('05-parallel-seqscan')), 'seqscan-discard-ratio')!;
    expect(d.index).toEqual({ schema: 'public', table: 'order_items', columns: ['qty', 'sku'] });
    // the aggregate over-estimate (39×) is the benign group-count case
    expect(ids(planInsights(plan('05-parallel-seqscan')))).not.toContain('row-misestimate');
  });
  it('06: heap fetches → VACUUM; 07: correlated SubPlan, materialized CTE, merge-join sort, hash-agg spill; 08: trigger time', () => {
    expect(of(planInsights(plan('06-index-only-scan-heap-fetches')), 'heap-fetches')!.sql).toBe('VACUUM (ANALYZE) public.orders;');
    const i7 = planInsights(plan('07-cte-initplan-subplan'));
    expect(of(i7, 'correlated-subplan')!.nodeId).toBe(9);
    expect(of(i7, 'cte-materialized-multi')!.message).toContain('2 CTE Scans');
    expect(ids(i7)).toEqual(expect.arrayContaining(['merge-join-sorts', 'hashagg-spill']));
    const t8 = of(planInsights(plan('08-dml-update-rollback-wal')), 'trigger-time')!;
    expect(t8.message).toContain('RI_ConstraintTrigger_c_16475');
    expect(t8.action).toContain('2000 calls');
    expect(ids(planInsights(plan('02-nested-loop-index-loops')))).not.toContain('trigger-time');
  });
  it('captured PG15 parallel plans: uneven workers get worker-skew where the skew starts (the scan), even ones do not', () => {
    for (const ext of ['json', 'txt'] as const) {
      const skewed = parsePlan(readFileSync(new URL(`../fixtures/explain/parallel-worker-skew.${ext}`, import.meta.url), 'utf8'));
      const found = planInsights(skewed).filter((i) => i.id === 'worker-skew');
      expect(found, ext).toHaveLength(1);
      expect(skewed.nodes[found[0]!.nodeId! - 1]!.label).toBe('Parallel Seq Scan on events');
      expect(found[0]!.message).toMatch(/uneven workers by rows, worker 0 [\d.,k]+ rows vs worker 1 [\d.,k]+ rows \(\d\.\d×\); the leader did/);
      const even = parsePlan(readFileSync(new URL(`../fixtures/explain/parallel-workers-even.${ext}`, import.meta.url), 'utf8'));
      expect(ids(planInsights(even)), ext).not.toContain('worker-skew');
    }
  });

  it('09: hash aggregate spill; 10: lossy bitmap; 11: many loops; 12: cost-only hot node without ANALYZE', () => {
    expect(of(planInsights(plan('09-hashagg-spill')), 'hashagg-spill')!.message).toContain('161 batches');
    expect(of(planInsights(plan('10-bitmap-lossy')), 'lossy-bitmap')!.message).toContain('3,609 heap blocks');
    expect(ids(planInsights(plan('11-memoize')))).toContain('nested-loop-many-loops');
    expect(ids(planInsights(plan('11-memoize')))).not.toContain('memoize-ineffective');
    const i12 = planInsights(plan('12-estimate-only-no-analyze'));
    expect(ids(i12)).toContain('cost-hot-node');
    expect(ids(i12)).not.toContain('hot-node');
  });
});

describe('each rule: one plan that triggers it, one that does not', () => {
  const scan = (extra: Record<string, unknown> = {}, t = 50, rows = 10, planRows = 10) => n('Seq Scan', t, rows, planRows, { 'Relation Name': 'events', Schema: 'public', Alias: 'events', ...extra });
  const cases: [string, RawPlan | ReturnType<typeof tree>, ReturnType<typeof tree>][] = [
    ['planning-dominates', tree(scan(), { 'Planning Time': 40 }), tree(scan(), { 'Planning Time': 4 })],
    ['jit-overhead', tree(scan(), { JIT: { Timing: { Total: 20 } } }), tree(scan(), { JIT: { Timing: { Total: 2 } } })],
    ['never-executed', tree(n('Append', 10, 5, 5, {}, [scan({}, 10, 5, 5), { ...scan(), 'Actual Loops': 0, 'Actual Rows': 0, 'Actual Total Time': 0 }])), tree(n('Append', 10, 5, 5, {}, [scan({}, 10, 5, 5)]))],
    ['row-misestimate', tree(scan({}, 50, 50000, 100)), tree(scan({}, 50, 500, 100))],
    ['misestimate-origin', tree(n('Sort', 60, 50000, 100, {}, [scan({}, 50, 50000, 100)])), tree(n('Sort', 60, 500, 100, {}, [scan({}, 50, 500, 100)]))],
    ['index-scan-filter', tree(n('Index Scan', 30, 10, 10, { 'Relation Name': 'events', 'Index Name': 'events_pkey', 'Rows Removed by Filter': 5000 })), tree(n('Index Scan', 30, 10, 10, { 'Relation Name': 'events', 'Index Name': 'events_pkey', 'Rows Removed by Filter': 50 }))],
    ['join-filter-removes-most', tree(n('Nested Loop', 30, 10, 10, { 'Rows Removed by Join Filter': 90000 }, [scan(), scan()])), tree(n('Nested Loop', 30, 10, 10, { 'Rows Removed by Join Filter': 5 }, [scan(), scan()]))],
    ['large-offset', tree(n('Limit', 60, 10, 10, {}, [scan({}, 50, 20000, 20000)])), tree(n('Limit', 60, 10, 10, {}, [scan({}, 50, 10, 10)]))],
    ['topn-over-seqscan', tree(n('Sort', 60, 10, 10, { 'Sort Method': 'top-N heapsort', 'Sort Key': ['created_at DESC'] }, [scan({}, 50, 20000, 20000)])), tree(n('Sort', 60, 10, 10, { 'Sort Method': 'quicksort' }, [scan({}, 50, 20000, 20000)]))],
    ['nested-loop-outer-misestimate', tree(n('Nested Loop', 60, 5000, 50, {}, [scan({}, 5, 5000, 50), { ...n('Index Scan', 0.01, 1, 1, { 'Relation Name': 'users', 'Index Name': 'users_pkey' }), 'Actual Loops': 5000 }])), tree(n('Nested Loop', 60, 5000, 5000, {}, [scan({}, 5, 5000, 5000), { ...n('Index Scan', 0.01, 1, 1, { 'Relation Name': 'users' }), 'Actual Loops': 5000 }]))],
    ['memoize-ineffective', tree(n('Nested Loop', 60, 10, 10, {}, [scan(), n('Memoize', 30, 1, 1, { 'Cache Hits': 10, 'Cache Misses': 990, 'Cache Evictions': 0, 'Cache Overflows': 0 })])), tree(n('Nested Loop', 60, 10, 10, {}, [scan(), n('Memoize', 30, 1, 1, { 'Cache Hits': 900, 'Cache Misses': 100, 'Cache Evictions': 0, 'Cache Overflows': 0 })]))],
    ['hash-grew', tree(n('Hash Join', 100, 10, 10, {}, [scan(), n('Hash', 80, 10, 10, { 'Hash Batches': 4, 'Original Hash Batches': 1, 'Hash Buckets': 1024, 'Original Hash Buckets': 1024 }, [scan()])])), tree(n('Hash Join', 60, 10, 10, {}, [scan(), n('Hash', 30, 10, 10, { 'Hash Batches': 1, 'Original Hash Batches': 1, 'Hash Buckets': 1024, 'Original Hash Buckets': 1024 }, [scan()])]))],
    ['temp-io', tree(n('Materialize', 60, 10, 10, { 'Temp Written Blocks': 5000, 'Temp Read Blocks': 5000 }, [scan({ 'Temp Written Blocks': 0, 'Temp Read Blocks': 0 })])), tree(n('Materialize', 60, 10, 10, { 'Temp Written Blocks': 10, 'Temp Read Blocks': 10 }, [scan({ 'Temp Written Blocks': 0, 'Temp Read Blocks': 0 })]))],
    ['cold-cache', tree(scan({ 'Shared Hit Blocks': 100, 'Shared Read Blocks': 5000 })), tree(scan({ 'Shared Hit Blocks': 5000, 'Shared Read Blocks': 100 }))],
    ['read-efficiency', tree(scan({ 'Shared Hit Blocks': 9000, 'Shared Read Blocks': 0 }, 50, 100, 100)), tree(scan({ 'Shared Hit Blocks': 90, 'Shared Read Blocks': 0 }, 50, 100, 100))],
    ['no-io-timing', tree(scan({ 'Shared Read Blocks': 10, 'Shared Hit Blocks': 0 })), tree(scan({ 'Shared Read Blocks': 10, 'Shared Hit Blocks': 0, 'I/O Read Time': 1.5 }))],
    ['workers-not-launched', tree(n('Gather', 60, 10, 10, { 'Workers Planned': 4, 'Workers Launched': 1 }, [scan({ 'Parallel Aware': true })])), tree(n('Gather', 60, 10, 10, { 'Workers Planned': 2, 'Workers Launched': 2 }, [scan({ 'Parallel Aware': true })]))],
    ['disabled-node', tree(scan({ 'Total Cost': 1e10 + 500 }), { Settings: { enable_seqscan: 'off' } }), tree(scan(), { Settings: { enable_seqscan: 'off' } })],
    ['wal-fpi-heavy', tree(n('ModifyTable', 60, 0, 0, { Operation: 'Update', 'Relation Name': 'events', 'WAL Records': 1000, 'WAL FPI': 500, 'WAL Bytes': 4000000 }, [scan({}, 5, 1000, 1000)])), tree(n('ModifyTable', 60, 0, 0, { Operation: 'Update', 'Relation Name': 'events', 'WAL Records': 1000, 'WAL FPI': 0, 'WAL Bytes': 100000 }, [scan({}, 5, 1000, 1000)]))],
    ['backend-writes', tree(scan({ 'Shared Written Blocks': 50 })), tree(scan({ 'Shared Written Blocks': 0 }))],
    ['non-default-settings', tree(scan(), { Settings: { work_mem: '64MB' } }), tree(scan(), { Settings: {} })],
  ];
  for (const [id, yes, no] of cases) {
    it(id, () => {
      expect(ids(planInsights(yes as ReturnType<typeof tree>))).toContain(id);
      expect(ids(planInsights(no))).not.toContain(id);
    });
  }
  it('every catalog id is a known one and unique', () => {
    expect(new Set(INSIGHT_IDS).size).toBe(INSIGHT_IDS.length);
    for (const [id] of cases) expect(INSIGHT_IDS).toContain(id);
  });
  it('small nodes are left alone unless critical; ranking is by impact, then severity', () => {
    const t = tree(n('Hash Join', 100, 10, 10, {}, [scan({ 'Rows Removed by Filter': 90 }, 0.5, 10, 10), scan({}, 99, 10, 10)]));
    const i = planInsights(t);
    expect(i.filter((x) => x.nodeId === 2)).toEqual([]);
    for (let k = 1; k < i.length; k++) expect(i[k - 1]!.impactMs).toBeGreaterThanOrEqual(i[k]!.impactMs);
  });
});
