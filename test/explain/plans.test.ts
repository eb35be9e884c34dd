import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlanTree } from '../../src/core/explain/index.js';
import { plan, PLANS_DIR } from './helpers.js';
const names = readdirSync(PLANS_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
const node = (t: PlanTree, id: number) => t.nodes[id - 1]!;

const shape = (t: PlanTree) => t.nodes.map((n) => ({
  depth: n.depth, parentId: n.parentId, nodeType: n.nodeType, label: n.label, relation: n.relation, index: n.index,
  subplanName: n.subplanName, rel: n.subplanName ? n.parentRelationship : undefined, analyzed: n.analyzed, loops: n.loops > 1,
  keys: ['Filter', 'Index Cond', 'Hash Cond', 'Merge Cond', 'Sort Method', 'Hash Batches', 'HashAgg Batches', 'Lossy Heap Blocks', 'Cache Hits', 'Workers Launched', 'Strategy', 'Join Type', 'Operation'].filter((k) => n.raw[k] !== undefined),
}));

describe('the captured plans (shared/data/plans)', () => {
  it('has all twelve', () => expect(names).toHaveLength(12));
  for (const name of names) {
    it(`${name}: JSON and text give the same tree`, () => {
      const j = plan(name);
      const t = plan(name, 'txt');
      expect(shape(t)).toEqual(shape(j));
      expect(Object.keys(t.settings).sort()).toEqual(Object.keys(j.settings).sort());
      expect(t.triggers.map((x) => x.name)).toEqual(j.triggers.map((x) => x.name));
      expect(t.executionTimeMs === undefined).toBe(j.executionTimeMs === undefined);
      expect(t.queryId).toBe(j.queryId);
    });
    it(`${name}: exclusive ≤ inclusive, Σ exclusive ≤ execution time, ids in pre-order`, () => {
      for (const t of [plan(name), plan(name, 'txt')]) {
        t.nodes.forEach((n, i) => {
          expect(n.id).toBe(i + 1);
          expect(n.exclusiveMs).toBeGreaterThanOrEqual(0);
          expect(n.exclusiveMs).toBeLessThanOrEqual(n.inclusiveMs + 1e-9);
          if (n.parentId !== null) expect(n.parentId).toBeLessThan(n.id);
        });
        // per-loop times have 3 decimals: a looped node may be up to 0.0005 ms × loops too long
        const slack = t.nodes.filter((n) => n.approximate).reduce((s, n) => s + 0.0005 * n.loops, 0);
        if (t.executionTimeMs !== undefined) expect(t.nodes.reduce((s, n) => s + n.exclusiveMs, 0)).toBeLessThanOrEqual(t.executionTimeMs + slack);
      }
    });
  }
});

describe('derived metrics, computed by hand from explain.md §2', () => {
  it('01: totals, estimate factor and direction, removed share', () => {
    const n = plan('01-seqscan-filter').root;
    expect(n.inclusiveMs).toBeCloseTo(89.631, 6);
    expect(n.exclusiveMs).toBeCloseTo(89.631, 6);
    expect(n.estFactor).toBeCloseTo(1000 / 245, 6);
    expect(n.estDirection).toBe('under');
    expect(n.removedByFilterTotal).toBe(999000);
    expect(n.removedShare).toBeCloseTo(999000 / 1000000, 9);
    expect(n.timeShare).toBeCloseTo(89.631 / 89.735, 6);
  });
  it('02: the inner side of a nested loop counts × loops and is marked approximate; the join clamps at 0', () => {
    const t = plan('02-nested-loop-index-loops');
    const inner = node(t, 3);
    expect(inner.loops).toBe(501);
    expect(inner.inclusiveMs).toBeCloseTo(0.002 * 501, 9);
    expect(inner.actualRowsTotal).toBe(2 * 501);
    expect(inner.planRowsTotal).toBe(2 * 501);
    expect(inner.approximate).toBe(true);
    expect(node(t, 2).approximate).toBe(false);
    // 1.102 − 0.136 − 1.002 < 0: rounding of a looped node
    expect(t.root.exclusiveMs).toBe(0);
  });
  it('05: a parallel scan under a 2-worker Gather is divided by workers + 1, rows are totals', () => {
    const t = plan('05-parallel-seqscan');
    const [agg, gather, scan] = t.nodes;
    expect(scan!.workers).toBe(2);
    expect(gather!.workers).toBe(0);
    expect(scan!.inclusiveMs).toBeCloseTo((59.438 * 3) / 3, 9);
    expect(gather!.exclusiveMs).toBeCloseTo(68.582 - 59.438, 9);
    expect(agg!.exclusiveMs).toBeCloseTo(70.81 - 68.582, 9);
    expect(scan!.actualRowsTotal).toBe(11100);
    expect(scan!.removedByFilterTotal).toBe(496300 * 3);
    expect(agg!.estFactor).toBeCloseTo(4327 / 111, 9);
    expect(agg!.estDirection).toBe('over');
    expect(agg!.label).toBe('HashAggregate');
    expect(scan!.label).toBe('Parallel Seq Scan on order_items');
  });
  it('07: InitPlans are not subtracted from their parent, CTE time is shared out, the InitPlan is charged to its consumer', () => {
    const t = plan('07-cte-initplan-subplan');
    const n = (id: number) => node(t, id);
    expect(n(2).subplanName).toBe('CTE big');
    expect(n(4).subplanName).toBe('InitPlan 3 (returns $2)');
    expect(n(9).parentRelationship).toBe('SubPlan');
    // Merge Join: 115.995 − customers 32.503 − Sort 45.851 − SubPlan 0.002 × 10000
    expect(n(1).exclusiveMs).toBeCloseTo(115.995 - 32.503 - 45.851 - 20, 6);
    expect(n(2).exclusiveMs).toBeCloseTo(31.12 - 4.272, 6);
    expect(n(4).exclusiveMs).toBeCloseTo(20.777 - 18.446, 6);
    const scans = 18.446 + 40.985;
    expect(n(5).exclusiveMs).toBeCloseTo(18.446 - (31.12 * 18.446) / scans, 6);
    // the consumer of $2: 40.985 − its CTE share − InitPlan 3, clamped
    expect(40.985 - (31.12 * 40.985) / scans - 20.777).toBeLessThan(0);
    expect(n(8).exclusiveMs).toBe(0);
    expect(n(7).exclusiveMs).toBeCloseTo(45.851 - 40.985, 6);
    expect(n(10).inclusiveMs).toBeCloseTo(20, 9);
    // exclusive buffers leave subplan children out of the subtraction
    expect(n(1).exclusiveBuffers['Shared Hit Blocks']).toBe(30077 - 0 - 1061);
    expect(n(7).exclusiveBuffers['Shared Hit Blocks']).toBe(0);
    expect(n(7).exclusiveBuffers['Temp Written Blocks']).toBe(0);
  });
  it('08: trigger time is reported outside the nodes; the rest is executor overhead', () => {
    const t = plan('08-dml-update-rollback-wal');
    expect(t.root.label).toBe('Update on orders');
    expect(t.triggers).toEqual([{ name: 'RI_ConstraintTrigger_c_16475', relation: 'orders', constraint: 'orders_customer_id_fkey', timeMs: 35.193, calls: 2000 }]);
    expect(t.triggers[0]!.timeMs).toBeGreaterThan(t.root.inclusiveMs);
    expect(t.overheadMs).toBeCloseTo(47.553 - (12.205 - 0.352) - 0.352 - 35.193, 6);
  });
  it('12: an estimate-only plan has costs and no times', () => {
    const t = plan('12-estimate-only-no-analyze');
    expect(t.analyzed).toBe(false);
    expect(t.executionTimeMs).toBeUndefined();
    expect(t.nodes.every((n) => n.inclusiveMs === 0 && !n.analyzed)).toBe(true);
    expect(t.maxTotalCost).toBeCloseTo(78942.55, 6);
    const nl = node(t, 2);
    expect(nl.exclusiveCost).toBeCloseTo(Math.max(0, 78942.55 - 51932.74 - 0.62), 6);
    expect(node(t, 5).label).toBe('Parallel Seq Scan on orders o');
  });
  it('06: heap fetches can exceed rows; the share is against rows × loops + removed', () => {
    const t = plan('06-index-only-scan-heap-fetches');
    const n = t.root;
    const fetches = n.raw['Heap Fetches'] as number;
    expect(n.heapFetchShare).toBeCloseTo(fetches / (n.actualRows * n.loops + (n.removedByFilterTotal ?? 0)), 9);
  });
  it('text plans: framing, wrapped lines, Workers blocks and the JIT block', () => {
    const t = plan('05-parallel-seqscan', 'txt');
    expect(node(t, 3).raw.Workers).toHaveLength(2);
    // a worker's own Buffers line must not overwrite the node's
    expect(node(t, 3).buffers['Shared Hit Blocks']).toBe(9416);
    const j = plan('04-sort-external-merge', 'txt');
    expect(j.jitMs).toBeCloseTo(3.074, 9);
    expect(j.root.raw['Sort Space Type']).toBe('Disk');
    expect(j.root.raw['Sort Space Used']).toBe(33296);
  });
});

describe('version variants', () => {
  it('PG17+: an InitPlan without "(returns $k)" is charged to the node that reads (InitPlan N)', async () => {
    const { buildTree } = await import('../../src/core/explain/index.js');
    const t = buildTree({
      'Execution Time': 30,
      Plan: {
        'Node Type': 'Seq Scan', 'Relation Name': 't', 'Actual Total Time': 25, 'Actual Rows': 1, 'Actual Loops': 1, Filter: '(t.x > (InitPlan 1).col1)',
        Plans: [{ 'Node Type': 'Aggregate', 'Parent Relationship': 'InitPlan', 'Subplan Name': 'InitPlan 1', 'Actual Total Time': 10, 'Actual Rows': 1, 'Actual Loops': 1 }],
      },
    } as never);
    // the InitPlan is not a child to subtract (not a Result), but its consumer pays for it
    expect(t.root.exclusiveMs).toBeCloseTo(25 - 10, 9);
    expect(t.nodes[1]!.exclusiveMs).toBeCloseTo(10, 9);
  });
  it('text I/O timings in the PG ≤14, PG15–16 and PG17 spellings land on the JSON keys', async () => {
    const { parseDetail } = await import('../../src/core/explain/text-details.js');
    const a: Record<string, unknown> = {};
    parseDetail(a, 'I/O Timings: read=1.5 write=0.5');
    expect(a).toMatchObject({ 'I/O Read Time': 1.5, 'I/O Write Time': 0.5 });
    const b: Record<string, unknown> = {};
    parseDetail(b, 'I/O Timings: shared/local read=2.0, temp read=0.3 write=0.4');
    expect(b).toMatchObject({ 'I/O Read Time': 2, 'Temp I/O Read Time': 0.3, 'Temp I/O Write Time': 0.4 });
    const c: Record<string, unknown> = {};
    parseDetail(c, 'Buffers: shared hit=5 read=2 dirtied=1, temp written=7');
    expect(c).toMatchObject({ 'Shared Hit Blocks': 5, 'Shared Read Blocks': 2, 'Shared Dirtied Blocks': 1, 'Shared Written Blocks': 0, 'Temp Written Blocks': 7, 'Temp Read Blocks': 0 });
    const d: Record<string, unknown> = {};
    parseDetail(d, 'Buckets: 1024 (originally 256)  Batches: 4 (originally 1)  Memory Usage: 100kB');
    expect(d).toMatchObject({ 'Hash Buckets': 1024, 'Original Hash Buckets': 256, 'Hash Batches': 4, 'Original Hash Batches': 1, 'Peak Memory Usage': 100 });
  });
});
