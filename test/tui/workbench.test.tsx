import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoApp } from './helpers/demo-app.js';
import { KEYS, type RenderedApp } from './helpers/render-app.js';

const demo = useDemoApp({ columns: 160, rows: 46 });
const PLANS = new URL('../fixtures/shared-data/plans/', import.meta.url).pathname;
const F = { f2: '\u001bOQ', f5: '\u001b[15~', f6: '\u001b[17~', ctrlP: '\u0010' };
const SLOW = 'SELECT count(*) FROM order_items WHERE product_id = 7';

async function openWorkbench(): Promise<RenderedApp> {
  const r = await demo.open();
  await r.press('2');
  await r.waitFor((f) => f.includes('F6 explain · F5 run · i or Enter edits'), 'the Workbench');
  await r.press('i');
  return r;
}

async function explain(r: RenderedApp, sql: string): Promise<void> {
  await r.type(sql);
  await r.press(F.f6);
  await r.until(() => r.app.store.get().workbench.busy === null && (r.app.store.get().workbench.plan !== null || !!r.app.store.get().workbench.error), 'the plan');
}

describe('Workbench pane on the demo database', () => {
  it('a slow query: hot seq scan in the tree, the index insight, try it (what-if), before/after, copy the CREATE INDEX', async () => {
    const r = await openWorkbench();
    await explain(r, SLOW);
    let f = await r.waitFor((x) => x.includes('Seq Scan on order_items'), 'the plan tree');
    expect(f).toContain('EXPLAIN ANALYZE, read-only');
    expect(f).toMatch(/Execution [\d.]+ (ms|s) · Planning/);
    expect(f).toContain('[FILTER 100%]');
    expect(f).toContain('indexable-seqscan: Seq Scan on order_items');
    // the first insight is the hot node; `w` tries the index insight of that node
    await r.press('w');
    await r.until(() => r.app.store.get().workbench.compare !== null, 'the what-if comparison', 60000);
    f = await r.waitFor((x) => x.includes('Before → after'), 'before/after');
    expect(f).toMatch(/estimated cost [\d.,k]+ → [\d.,k]+ −\d+%/);
    expect(f).toContain('CREATE INDEX CONCURRENTLY order_items_product_id_idx ON public.order_items (product_id);');
    expect(r.app.store.get().workbench.compare!.notes.join(' ')).toMatch(/built for real inside a transaction and rolled back/);
    if (process.env.TW_SHOW_FRAME) console.log(f);
    await r.press('y');
    expect(r.terminalWrites.join('')).toContain(Buffer.from('CREATE INDEX CONCURRENTLY order_items_product_id_idx ON public.order_items (product_id);').toString('base64'));
    // nothing was left behind by the what-if
    const ix = await demo.conn().query("SELECT 1 FROM pg_indexes WHERE indexname LIKE 'tw_whatif%' OR indexname = 'order_items_product_id_idx'");
    expect(ix.rows).toHaveLength(0);
    await r.press(KEYS.esc);
    await r.waitFor((x) => x.includes('Insights ('), 'the insights again');
  });

  it('moves through the tree, folds a subtree, jumps from an insight to its node, cycles the bar metric', async () => {
    const r = await openWorkbench();
    await explain(r, 'SELECT c.email, count(*) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.email ORDER BY 2 DESC LIMIT 5');
    const wb = () => r.app.store.get().workbench;
    expect(wb().focus).toBe('insights');
    await r.press('v');
    expect(wb().focus).toBe('plan');
    await r.press('j', 'j');
    expect(wb().node).toBeGreaterThan(1);
    await r.press('g', KEYS.left);
    expect(wb().collapsed[1]).toBe(true);
    await r.waitFor((x) => x.includes('▸ Limit'), 'the folded root');
    await r.press(KEYS.right);
    expect(wb().collapsed[1]).toBeUndefined();
    await r.press('v', 'j', KEYS.enter);
    expect(wb().focus).toBe('plan');
    expect(wb().node).toBe(wb().plan!.insights[1]!.nodeId ?? wb().node);
    await r.press('b');
    expect(wb().metric).toBe('rows');
  });

  it('the editor: multi-line typing, history kept on disk and recalled, snippets, F5 runs into the result grid', async () => {
    const r = await openWorkbench();
    await r.type('select 1 as one,');
    await r.press(KEYS.enter);
    await r.type('  2 as twx');
    await r.press(KEYS.backspace);
    await r.type('o');
    expect(r.app.store.get().workbench.editor.lines).toEqual(['select 1 as one,', '  2 as two']);
    await r.press(F.f5);
    await r.until(() => r.app.store.get().resultOpen, 'the result grid');
    await r.waitFor((x) => x.includes('one') && x.includes('two') && x.includes('Result'), 'the rows');
    await r.press(KEYS.esc);
    await r.waitFor((x) => x.includes('F6 explain · F5 run'), 'back in the Workbench');
    const saved = JSON.parse(readFileSync(join(r.configDir, 'workbench-history.json'), 'utf8'));
    expect(saved.entries).toContain('select 1 as one,\n  2 as two');
    await r.press(F.f2);
    await r.waitFor((x) => x.includes('Snippets (Enter loads'), 'the snippet picker');
    expect(r.lastFrame()).toContain('cache-hit-ratio');
    await r.press(KEYS.enter);
    expect(r.app.store.get().workbench.editor.lines[0]).toMatch(/^-- /);
    await r.press(F.ctrlP);
    expect(r.app.store.get().workbench.editor.lines).toEqual(['select 1 as one,', '  2 as two']);
  });

  it('a DELETE is only planned until write mode and a yes; then it runs rolled back and the rows stay', async () => {
    const r = await openWorkbench();
    const before = Number((await demo.conn().query<{ n: string }>('SELECT count(*) AS n FROM order_items')).rows[0]!.n);
    // an embedded database starts writable: turn writing off to see the refusal first
    if (r.app.session.writeMode) await r.app.toggleWrite();
    expect(r.app.session.writeMode).toBe(false);
    await explain(r, 'DELETE FROM order_items WHERE product_id < 100');
    await r.waitFor((x) => x.includes('estimated plan (not executed)'), 'the estimate banner');
    await r.press(KEYS.esc, 'W');
    await r.until(() => r.app.session.writeMode, 'write mode');
    await r.press('x');
    await r.waitFor((x) => x.includes('run it inside a transaction that is rolled back?'), 'the confirmation');
    await r.press('y');
    await r.waitFor((x) => x.includes('ROLLED BACK — no data changed'), 'the rolled-back banner');
    const after = Number((await demo.conn().query<{ n: string }>('SELECT count(*) AS n FROM order_items')).rows[0]!.n);
    expect(after).toBe(before);
  });

  it('a syntax error shows the server message and a caret in the pane', async () => {
    const r = await openWorkbench();
    await explain(r, 'SELECT * FROM orders WHER id = 1');
    const f = await r.waitFor((x) => x.includes('syntax error at or near "id"'), 'the error');
    expect(f).toContain('LINE 1: SELECT * FROM orders WHER id = 1');
  });
});

describe('Workbench with a huge plan', () => {
  it('renders only the visible window of a 5,000-node plan and moves to the last node', async () => {
    const { buildTree, planInsights } = await import('../../src/core/explain/index.js');
    let id = 0;
    const leaf = (): Record<string, unknown> => ({ 'Node Type': 'Seq Scan', 'Relation Name': `t${++id}`, 'Total Cost': 10, 'Plan Rows': 10, 'Actual Total Time': 0.5, 'Actual Rows': 10, 'Actual Loops': 1 });
    const plans = Array.from({ length: 4999 }, leaf);
    const tree = buildTree({ Plan: { 'Node Type': 'Append', 'Total Cost': 5e4, 'Plan Rows': 5e4, 'Actual Total Time': 3000, 'Actual Rows': 5e4, 'Actual Loops': 1, Plans: plans } as never, 'Execution Time': 3000 });
    expect(tree.nodes).toHaveLength(5000);
    const r = await openWorkbench();
    await r.press(KEYS.esc);
    r.app.store.set((s) => ({ workbench: { ...s.workbench, plan: { sql: 'select', mode: 'analyzed', tree, insights: planInsights(tree), notes: [] }, focus: 'plan', node: 1 } }));
    let f = await r.waitFor((x) => x.includes('Seq Scan on t1'), 'the first rows');
    expect(f.split('\n').filter((l) => /Seq Scan on t\d+/.test(l)).length).toBeLessThan(46);
    await r.press('G');
    f = await r.waitFor((x) => x.includes('Seq Scan on t4999'), 'the last node');
    expect(r.app.store.get().workbench.node).toBe(5000);
    expect(f).not.toContain('Seq Scan on t1 ');
  });

  it('t cycles tree → stats → raw JSON; the node detail has the per-worker table; y copies the plan JSON', async () => {
    const { parsePlan, planInsights } = await import('../../src/core/explain/index.js');
    const tree = parsePlan(readFileSync(new URL('../fixtures/explain/parallel-worker-skew.json', import.meta.url), 'utf8'));
    const r = await openWorkbench();
    await r.press(KEYS.esc);
    r.app.store.set((s) => ({ workbench: { ...s.workbench, plan: { sql: 'select', mode: 'analyzed', tree, insights: planInsights(tree), notes: [] }, focus: 'plan', node: 5 } }));
    let f = await r.waitFor((x) => x.includes('workers · uneven by rows'), 'the worker table of the scan');
    expect(f).toMatch(/worker\s+rows\s+time ms\s+loops/);
    expect(f).toContain('worker-skew: Parallel Seq Scan on events');
    await r.press('t');
    f = await r.waitFor((x) => x.includes('Stats: Σ exclusive time'), 'the stats view');
    if (process.env.TW_SHOW_FRAME) console.log(f);
    expect(f).toMatch(/table\s+Σ excl\s+share\s+nodes/);
    expect(f).toMatch(/public\.events\s+[\d.]+ ms\s+\d+%\s+1/);
    expect(f).toContain('Parallel Seq Scan');
    await r.press('t');
    f = await r.waitFor((x) => x.includes('Raw JSON at node 5'), 'the raw view');
    expect(f).toContain('"Node Type": "Seq Scan"');
    await r.press('y');
    expect(r.terminalWrites.at(-1)).toContain(Buffer.from(JSON.stringify([tree.raw], null, 2)).toString('base64'));
    await r.press('t');
    await r.waitFor((x) => x.includes('excl ms'), 'the tree again');
  });

  it(':explain --plan FILE opens a saved plan in the Workbench; :explain SELECT … explains it there; a bad path is one line', async () => {
    const r = await demo.open();
    await r.press(':');
    await r.type(`explain --plan ${join(PLANS, '04-sort-external-merge.txt')}`);
    await r.press(KEYS.enter);
    let f = await r.waitFor((x) => x.includes('saved plan, not run here'), 'the saved plan in the Workbench');
    expect(r.app.store.get().pane).toBe('workbench');
    expect(f).toContain('sort-spill');
    await r.press('w');
    expect(r.app.store.get().message?.text).toMatch(/a saved plan has no statement to re-plan/);
    await r.press(':');
    await r.type('explain analyze select count(*) from orders');
    await r.press(KEYS.enter);
    await r.until(() => r.app.store.get().workbench.plan?.sql === 'select count(*) from orders' && r.app.store.get().workbench.busy === null, 'the statement explained');
    f = await r.waitFor((x) => x.includes('EXPLAIN ANALYZE, read-only'), 'the analyzed plan');
    expect(r.app.store.get().workbench.editor.lines).toEqual(['select count(*) from orders']);
    await r.press(':');
    await r.type('explain --plan /nonexistent/plan.json');
    await r.press(KEYS.enter);
    await r.until(() => /cannot read the plan file \/nonexistent\/plan\.json \(ENOENT\)/.test(r.app.store.get().message?.text ?? ''), 'the one-line error');
    const bad = join(mkdtempSync(join(tmpdir(), 'tw-plan-')), 'bad.txt');
    writeFileSync(bad, 'hello world\n');
    await r.press(':');
    await r.type(`explain --plan ${bad}`);
    await r.press(KEYS.enter);
    await r.until(() => (r.app.store.get().message?.text ?? '').includes('line 1: expected a plan node'), 'the parse error with its line');
    expect(r.app.store.get().workbench.plan?.sql).toBe('select count(*) from orders');
  });
});
