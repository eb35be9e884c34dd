import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { isUserError } from '../../src/core/errors.js';
import { demoTemplate } from '../helpers/demo.js';
import { PLANS_DIR } from './helpers.js';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  let code: number;
  // as main() does: a UserError is one line on stderr and its exit code
  try {
    code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), env });
  } catch (e) {
    if (!isUserError(e)) throw e;
    err += `tablewright: ${e.message}\n`;
    code = e.exitCode;
  }
  return { code, out, err };
}

describe('tablewright explain --plan (no database)', () => {
  it('prints the header, the tree with exclusive times, bars, estimates and badges, then ranked insights', async () => {
    const r = await cli(['explain', '--plan', join(PLANS_DIR, '04-sort-external-merge.txt')]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^Execution 887 ms · Planning 0\.31 ms \(0%\) · JIT 3\.07 ms · Triggers — · rows 1\.0M · Settings: max_parallel_workers_per_gather=0, work_mem=1MB$/);
    expect(r.out).toMatch(/^1 +763\.8 +86% +█+.* +834\.4 +1\.0M\/1\.0M += +1  Sort \[DISK 33MB\]$/m);
    expect(r.out).toMatch(/^2 +70\.6 .*└─ Seq Scan on orders$/m);
    expect(r.out).toMatch(/Insights \(ranked by time saved\)\n +1\. (warn|crit) +764 ms +#1 (hot-node|sort-spill)/);
    expect(r.out).toContain("SET LOCAL work_mem = '98MB';");
  });
  it('--format json is the documented shape, nodes in pre-order with parentId', async () => {
    const r = await cli(['explain', '--plan', join(PLANS_DIR, '07-cte-initplan-subplan.json'), '--format', 'json']);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['executionTimeMs', 'planningTimeMs', 'triggers', 'nodes', 'insights', 'notes']);
    expect(j.nodes[0]).toMatchObject({ id: 1, parentId: null, nodeType: 'Merge Join', loops: 1, actualRowsTotal: 10000, planRows: 6705, estDirection: 'under', sharedHit: 30077 });
    expect(j.nodes[1]).toMatchObject({ id: 2, parentId: 1, subplanName: 'CTE big' });
    expect(j.nodes[9]).toMatchObject({ id: 10, parentId: 9, nodeType: 'Index Only Scan', relation: 'order_items', index: 'order_items_order_id_idx', loops: 10000 });
    expect(j.nodes[7].removedRowsTotal).toBe(10000);
    expect(j.insights.find((i: { id: string }) => i.id === 'correlated-subplan')).toMatchObject({ nodeId: 9, severity: 'warn' });
  });
  it('--stats adds Σ exclusive time by table, node type and index (text), or a "stats" key (JSON only when asked)', async () => {
    const t = await cli(['explain', '--plan', join(PLANS_DIR, '02-nested-loop-index-loops.txt'), '--stats']);
    expect(t.code).toBe(0);
    expect(t.out).toContain('Stats (exclusive time, summed)');
    expect(t.out).toMatch(/^ {2}public\.order_items\s+0\.50 ms\s+53%\s+1$/m);
    expect(t.out).toMatch(/^ {2}Nested Loop\s+0\.25 ms\s+27%\s+1$/m);
    const j = JSON.parse((await cli(['explain', '--plan', join(PLANS_DIR, '02-nested-loop-index-loops.txt'), '--stats', '--format', 'json'])).out);
    expect(j.stats.byIndex).toEqual([
      { key: 'order_items_order_id_idx', exclusiveMs: 0.501, share: 0.532, nodes: 1 },
      { key: 'orders_pkey', exclusiveMs: 0.107, share: 0.114, nodes: 1 },
    ]);
    expect(JSON.parse((await cli(['explain', '--plan', join(PLANS_DIR, '02-nested-loop-index-loops.txt'), '--format', 'json'])).out).stats).toBeUndefined();
  });

  it('bad input: one line naming the problem and the fix, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'explain-cli-'));
    writeFileSync(join(dir, 'bad.json'), '[{"Plan": {"Node Type": "Seq Scan",}}]');
    const cases: [string[], RegExp][] = [
      [['explain'], /nothing to explain: give a statement in quotes, --file Q\.sql, or --plan PLAN\.json/],
      [['explain', 'select 1', '--plan', 'x.json'], /give one of SQL, --file or --plan, not SQL and --plan/],
      [['explain', '--plan', join(dir, 'missing.json')], /cannot read the plan file .*missing\.json: no such file/],
      [['explain', '--plan', join(dir, 'bad.json')], /bad\.json is not valid JSON at line 1, column \d+/],
      [['explain', '--plan', join(dir, 'bad.json'), '--what-if'], /--what-if needs a statement/],
      [['explain', '--plan', 'x', '--format', 'yaml'], /invalid --format "yaml"; use text or json/],
    ];
    for (const [argv, re] of cases) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(re);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('tablewright explain on the demo database', () => {
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    const cache = mkdtempSync(join(tmpdir(), 'explain-cli-demo-'));
    cpSync(demoTemplate(), join(cache, 'demo'), { recursive: true });
    env = { TW_CACHE_DIR: cache };
  });
  it('a slow query: the hot seq scan, the index-this-filter insight, the what-if cost drop and the statement to keep', async () => {
    const r = await cli(['explain', '--demo', 'SELECT count(*) FROM order_items WHERE product_id = 7', '--what-if'], env);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Seq Scan on order_items.*\[FILTER 100%\]/);
    expect(r.out).toMatch(/indexable-seqscan: Seq Scan on order_items reads [\d.,k]+ rows to keep \d+ \(product_id = 7\)/);
    expect(r.out).toMatch(/What-if indexes \(built and rolled back\): estimated cost before [\d.,k]+/);
    expect(r.out).toMatch(/order_items \(product_id\): cost [\d.,k]+ \(−\d+%\)  ← best/);
    expect(r.out).toContain('Keep it with:\n  CREATE INDEX CONCURRENTLY order_items_product_id_idx ON public.order_items (product_id);');
    expect(r.out).toMatch(/note: HypoPG is not available in the embedded database \(PGlite\)/);
  });
  it('at the prompt, `explain analyze select …` arrives as words: the option words are dropped', async () => {
    const r = await cli(['explain', '--demo', 'analyze', 'select', 'count(*)', 'from', 'orders'], env);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/Aggregate/);
  });
  it('a syntax error shows the server message with a caret under the position, exit 1', async () => {
    const r = await cli(['explain', '--demo', 'SELECT * FROM orders WHER id = 1'], env);
    expect(r.code).toBe(1);
    expect(r.err).toContain('syntax error at or near "id"');
    const sql = 'SELECT * FROM orders WHER id = 1';
    expect(r.err).toContain(`LINE 1: ${sql}\n${' '.repeat('LINE 1: '.length + sql.indexOf('id = 1'))}^`);
  });
});
