import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { sinceOption } from '../../src/cli/commands/analyze.js';
import { demoTemplate } from '../helpers/demo.js';
import { describeServer, scratchDatabase } from '../helpers/server.js';

const LOG = new URL('../fixtures/shared-data/logs/nplus1-stderr.log', import.meta.url).pathname;

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), env });
  return { code, out, err };
}

describe('tablewright analyze --log (no database)', () => {
  it('prints the seed-shaped JSON report: frequent queries, recommendations, bottlenecks, N+1 and index advice', async () => {
    const r = await cli(['analyze', '--log', LOG, '--format', 'json']);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out).performance_analysis;
    expect(p.query_patterns.frequent_queries[0]).toEqual({ fingerprint: 'bac1cf428be2156c', query: 'SELECT sku, qty FROM order_items WHERE order_id = $1', calls: 20, totalMs: 2.695, meanMs: 0.135, source: 'log' });
    expect(p.n_plus_one.map((n: { query: string }) => n.query)).toEqual(['SELECT sku, qty FROM order_items WHERE order_id = $1', 'SELECT name FROM customers WHERE id = $1']);
    expect(p.n_plus_one[0]).toMatchObject({ executions: 20, session: '15041', after: 'SELECT id FROM orders ORDER BY id LIMIT $1' });
    // the 72 ms lookup by customer_id is the missing index; without a database it is labelled unverified
    expect(p.index_advice).toEqual([expect.objectContaining({ table: 'public.orders', columns: ['customer_id'], verified: false, sql: 'CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id);', queries: ['c5400c16b49b0c91'] })]);
    expect(p.bottlenecks[0]).toEqual({ table: 'public.orders', issue: 'queries filter, join or sort on customer_id without an index', solution: 'CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id);' });
    expect(p.query_patterns.recommendations.map((x: { id: string }) => x.id)).toEqual(['index-advice', 'n-plus-one', 'n-plus-one']);
    expect(p.sources).toMatchObject({ pgStatStatements: 'not connected', logs: [{ format: 'stderr', executions: 43, unreadable: 0 }] });
  });

  it('prints text and Markdown reports', async () => {
    const text = await cli(['analyze', '--log', LOG]);
    expect(text.out).toContain('N+1 bursts (2)');
    expect(text.out).toMatch(/20 × SELECT sku, qty FROM order_items WHERE order_id = \$1 in 1 burst/);
    expect(text.out).toContain('selectinload(Order.order_items)');
    expect(text.out).toContain('UNVERIFIED public.orders (customer_id)');
    const md = await cli(['analyze', '--log', LOG, '--format', 'markdown']);
    expect(md.out).toMatch(/^# Performance analysis/);
    expect(md.out).toContain('| calls | total | mean | rows | query |');
    expect(md.out).toContain('```sql\nCREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id);\n```');
  });

  it('--indexes prints only the CREATE INDEX CONCURRENTLY statements, each with its reason', async () => {
    const r = await cli(['analyze', '--log', LOG, '--indexes']);
    expect(r.out.trim().split('\n')).toEqual([expect.stringMatching(/^-- UNVERIFIED: customer_id is compared in 1 call/), 'CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id);']);
  });

  it('rejects bad options with one line naming the fix (a UserError: exit 2, no stack)', async () => {
    for (const [argv, msg] of [
      [['--format', 'xml'], /^--format xml: use text, json or markdown$/],
      [['--since', 'yesterday'], /^--since yesterday: give a duration such as 30m, 2h or 7d, or a timestamp/],
      [['--min-savings', '150'], /^--min-savings 150: give a percentage between 0 and 100/],
      [['--top', '0'], /^--top 0: give a whole number of at least 1$/],
      [['--order', 'fast'], /^--order fast: use total, mean, calls, rows, reads/],
      [['--log', '/nonexistent/postgresql.log'], /^--log \/nonexistent\/postgresql\.log: cannot read it \(ENOENT\); check the path$/],
    ] as const) {
      const err = await cli(['analyze', '--log', LOG, ...argv]).then(() => undefined, (e: Error) => e);
      expect(err).toMatchObject({ name: 'UserError', exitCode: 2 });
      expect(err!.message).toMatch(msg);
    }
  });

  it('reads --since as a duration or a timestamp', () => {
    expect(sinceOption('2h', 10_000_000)).toBe(10_000_000 - 7_200_000);
    expect(sinceOption('2026-11-23T12:00:00Z')).toBe(Date.parse('2026-11-23T12:00:00Z'));
    expect(sinceOption(undefined)).toBeUndefined();
  });
});

describe('tablewright analyze on the embedded demo', () => {
  let cache: string;
  beforeAll(() => {
    cache = mkdtempSync(join(tmpdir(), 'health-cli-'));
    cpSync(demoTemplate(), join(cache, 'demo'), { recursive: true });
  });
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it('degrades with notes: no pg_stat_statements, no HypoPG, no cumulative statistics; sizes and schema rules still there', async () => {
    const r = await cli(['analyze', '--demo', '--format', 'json'], { TW_CACHE_DIR: cache });
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out).performance_analysis;
    expect(p.sources).toMatchObject({ pgStatStatements: 'not available on PGlite', hypopg: 'not available' });
    expect(p.health.notes.join('\n')).toMatch(/needs cumulative statistics/);
    expect(p.health.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('IX02');
    expect(p.health.sizes.find((s: { name: string }) => s.name === 'public.orders').rows).toBe(100000);
  });

  it('checks log-based advice against the schema: the demo already indexes orders.customer_id, and its FK names the eager load', async () => {
    const r = await cli(['analyze', '--demo', '--log', LOG, '--format', 'json'], { TW_CACHE_DIR: cache });
    const p = JSON.parse(r.out).performance_analysis;
    expect(p.index_advice.some((a: { table: string }) => a.table === 'public.orders')).toBe(false);
    expect(p.n_plus_one[0].fix).toContain('selectinload(Order.order_items)');
    expect(p.n_plus_one.map((n: { executions: number }) => n.executions)).toEqual([20, 20]);
  });
});

describeServer('tablewright analyze on a server without pg_stat_statements', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  beforeAll(async () => {
    scratch = await scratchDatabase('tw_health_cli');
    const c = await scratch.open({ write: true });
    await c.exec('CREATE TABLE t (id int PRIMARY KEY, v text)');
    await c.close();
  });
  afterAll(() => scratch?.drop());

  it('says how to enable it, and still reports health and sessions', async () => {
    const r = await cli(['analyze', '--url', `${scratch.url}?sslmode=disable`]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('pg_stat_statements: not installed');
    expect(r.out).toMatch(/pg_stat_statements is not installed: add pg_stat_statements to shared_preload_libraries .* and run CREATE EXTENSION pg_stat_statements in tw_health_cli_/);
    expect(r.out).toMatch(/connections: \d+ of \d+/);
    expect(r.out).toContain('[install-hypopg]');
  });
});
