import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { analyzePerformance } from '../../src/core/perf/analyze.js';
import type { PerformanceReport } from '../../src/core/perf/types.js';
import { describeServer, scratchDatabase } from '../helpers/server.js';
import { copyLogTail, runShopWorkload, SERVER_LOG, serverLogReadable, SHOP_SQL } from './workload.js';

describeServer('analyze on a server with pg_stat_statements, HypoPG and a real workload', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let conn: Connection;
  let dir: string;
  let log: string | undefined;
  let report: PerformanceReport;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'health-analyze-'));
    scratch = await scratchDatabase('tw_health');
    const admin = await scratch.open({ write: true });
    await admin.exec(`CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg; ${SHOP_SQL}
      ALTER DATABASE "${scratch.name}" SET log_min_duration_statement = 0;`);
    await admin.close();
    const from = serverLogReadable() ? statSync(SERVER_LOG).size : undefined;
    // a plain client like an application's: its own session, extended protocol with parameters
    const app = new pg.Client({ connectionString: scratch.url });
    await app.connect();
    await app.query("SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0) -- this database only: other test files share the server's counters");
    await runShopWorkload({ query: (sql: string, params?: unknown[]) => app.query(sql, params) } as unknown as Connection);
    await app.end();
    if (from !== undefined) {
      log = join(dir, 'postgresql.log');
      copyLogTail(from, log);
    }
    conn = await scratch.open();
    // the gap between two statements of a burst is the client's round trip: on a loaded 2-core test box it exceeds the 10 ms default
    report = await analyzePerformance(conn, { logs: log ? [log] : [], slowMs: 1, nPlusOne: { maxGapMs: 1000 } });
  }, 180_000);
  afterAll(async () => {
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the workload from pg_stat_statements, grouped by fingerprint', () => {
    const p = report.performance_analysis;
    expect(p.sources.pgStatStatements).toBe('used');
    const byCustomer = p.query_patterns.frequent_queries.find((q) => q.query === 'SELECT id, total FROM orders WHERE customer_id = $1');
    expect(byCustomer).toMatchObject({ calls: 60, source: 'pg_stat_statements' });
    expect(byCustomer!.totalMs).toBeGreaterThan(0);
    const items = p.query_patterns.frequent_queries.find((q) => q.query === 'SELECT sku, qty FROM order_items WHERE order_id = $1');
    expect(items?.calls).toBe(75);
  });

  it('advises the missing orders.customer_id index, verified with HypoPG', () => {
    const p = report.performance_analysis;
    expect(p.sources.hypopg).toBe('used');
    const advice = p.index_advice.find((a) => a.table === 'public.orders');
    expect(advice).toMatchObject({ columns: ['customer_id'], verified: true, sql: 'CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id);' });
    expect(advice!.costAfter!).toBeLessThan(advice!.costBefore! / 2);
    // order_items.order_id is already indexed: no advice for it
    expect(p.index_advice.some((a) => a.table === 'public.order_items')).toBe(false);
    expect(p.bottlenecks.some((b) => b.table === 'public.orders' && b.solution === advice!.sql)).toBe(true);
  });

  it('finds the N+1 burst in the server log, after the query that listed the orders', () => {
    if (!log) return expect.fail(`the server log ${SERVER_LOG} is not readable here; set TW_TEST_SERVER_LOG`);
    const p = report.performance_analysis;
    expect(p.sources.logs[0]).toMatchObject({ format: 'stderr' });
    expect(p.sources.logs[0]!.executions).toBeGreaterThanOrEqual(60 + 3 + 75);
    const n1 = p.n_plus_one.find((n) => n.query === 'SELECT sku, qty FROM order_items WHERE order_id = $1');
    expect(n1).toMatchObject({ executions: 75, bursts: 3, maxBurst: 25 });
    expect(n1!.after).toMatch(/^SELECT id FROM orders ORDER BY id LIMIT \$\d OFFSET \$\d$/);
    // the FK order_items.order_id → orders names the relationship to eager-load
    expect(n1!.fix).toContain('selectinload(Order.order_items)');
    expect(n1!.exampleParams[0]).toMatch(/^\$1 = '\d+'$/);
    expect(p.query_patterns.recommendations.some((r) => r.id === 'n-plus-one')).toBe(true);
  });

  it('reports sessions, cache hit ratio, sizes with bloat estimates and the health rules', () => {
    const h = report.performance_analysis.health;
    expect(h.connections!.total).toBeGreaterThanOrEqual(1);
    expect(h.connections!.max).toBeGreaterThan(0);
    expect(h.cacheHit!.database).toBeGreaterThan(0);
    const orders = h.sizes.find((s) => s.name === 'public.orders');
    expect(orders!.bytes).toBeGreaterThan(1_000_000);
    expect(orders!.rows).toBe(60000);
    expect(orders!.bloatBytes).toBeGreaterThanOrEqual(0);
    expect(h.sizes.some((s) => s.kind === 'index' && s.name === 'public.order_items_order_id_idx' && s.table === 'public.order_items')).toBe(true);
    // the schema's FK without an index is a lint (IX01) matter; the health set has the HL rules
    expect(h.notes.join('\n')).not.toMatch(/HL0[1-4][^\n]*not run/);
  });

  it('lists the slow statement with its generic plan', () => {
    const slow = report.performance_analysis.slow_queries;
    for (const s of slow) expect(s.meanMs).toBeGreaterThanOrEqual(1);
    const byCustomer = slow.find((s) => s.query === 'SELECT id, total FROM orders WHERE customer_id = $1');
    expect(byCustomer!.plan!.totalCost).toBeGreaterThan(100);
    expect(byCustomer!.plan!.summary.join('\n')).toMatch(/Seq Scan on orders \(filter \(customer_id = \$1\)\)/);
  });
});
