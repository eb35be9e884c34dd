import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, planStats, rawPlanLines, renderStatsText, statsJson } from '../../src/core/explain/index.js';
import { plan } from './helpers.js';

describe('plan stats: Σ exclusive time by table, node type, index', () => {
  it('02 (text), computed by hand from the printed times', () => {
    // Nested Loop 0.859 ms incl; outer Index Scan 0.107 × 1 loop; inner Index Scan 0.001 × 501 loops = 0.501
    // Nested Loop exclusive = 0.859 − 0.107 − 0.501 = 0.251; Execution Time 0.941
    const s = planStats(plan('02-nested-loop-index-loops', 'txt'));
    expect(s.unit).toBe('ms');
    const rows = (g: typeof s.byTable) => g.map((r) => [r.key, Number(r.value.toFixed(3)), Number(r.share.toFixed(4)), r.nodes]);
    expect(rows(s.byTable)).toEqual([['public.order_items', 0.501, Number((0.501 / 0.941).toFixed(4)), 1], ['public.orders', 0.107, Number((0.107 / 0.941).toFixed(4)), 1]]);
    expect(rows(s.byNodeType)).toEqual([['Index Scan', 0.608, Number((0.608 / 0.941).toFixed(4)), 2], ['Nested Loop', 0.251, Number((0.251 / 0.941).toFixed(4)), 1]]);
    expect(rows(s.byIndex)).toEqual([['order_items_order_id_idx', 0.501, Number((0.501 / 0.941).toFixed(4)), 1], ['orders_pkey', 0.107, Number((0.107 / 0.941).toFixed(4)), 1]]);
    expect(s.byFunction).toEqual([]);
  });
  it('groups sort descending and node types add up to Σ exclusive on every captured plan', () => {
    for (const name of ['03-hash-join-batches', '05-parallel-seqscan', '07-cte-initplan-subplan', '09-hashagg-spill']) {
      const t = plan(name);
      const s = planStats(t);
      const sum = t.nodes.reduce((a, n) => a + n.exclusiveMs, 0);
      expect(s.byNodeType.reduce((a, r) => a + r.value, 0), name).toBeCloseTo(sum, 6);
      for (const g of [s.byTable, s.byNodeType, s.byIndex]) for (let i = 1; i < g.length; i++) expect(g[i - 1]!.value).toBeGreaterThanOrEqual(g[i]!.value);
    }
    expect(planStats(plan('05-parallel-seqscan')).byNodeType.map((r) => r.key)).toEqual(expect.arrayContaining(['Parallel Seq Scan', 'HashAggregate', 'Gather']));
  });
  it('an estimate-only plan is grouped by exclusive cost', () => {
    const s = planStats(plan('12-estimate-only-no-analyze'));
    expect(s.unit).toBe('cost');
    expect(s.byTable.length).toBeGreaterThan(0);
    expect(renderStatsText(s)).toContain('Σ cost');
    expect(statsJson(s).byTable).toEqual(expect.arrayContaining([expect.objectContaining({ exclusiveCost: expect.any(Number) })]));
  });
});

describe('raw view lines', () => {
  it('print exactly as JSON.stringify(raw, null, 2) and know where each node starts and ends', () => {
    const text = readFileSync(new URL('../fixtures/explain/parallel-worker-skew.json', import.meta.url), 'utf8');
    const t = parsePlan(text);
    const r = rawPlanLines(t);
    expect(r.lines.join('\n')).toBe(JSON.stringify(t.raw, null, 2));
    expect(r.nodeLines).toHaveLength(t.nodes.length);
    for (const n of t.nodes) {
      const { start, end } = r.nodeLines[n.id - 1]!;
      expect(JSON.parse(r.lines.slice(start, end + 1).join('\n').replace(/^\s*"Plan": /, '').replace(/,$/, ''))['Node Type']).toBe(n.nodeType);
    }
  });
});
