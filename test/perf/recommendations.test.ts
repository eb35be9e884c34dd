import { beforeAll, describe, expect, it } from 'vitest';
import { ensureParser } from '../../src/core/migrations/sql/parser.js';
import { aggregateAdvice, nPlusOneSuspects, poolingAdvice } from '../../src/core/perf/recommendations.js';
import type { QueryGroup } from '../../src/core/perf/types.js';

const group = (query: string, calls: number, meanMs: number): QueryGroup => ({ fingerprint: 'f', query, calls, totalMs: calls * meanMs, meanMs, maxMs: meanMs, source: 'pg_stat_statements' });

describe('pooling and denormalisation advice', () => {
  beforeAll(() => ensureParser());
  it('suggests PgBouncer near max_connections, or for many idle sessions, and a timeout for idle transactions', () => {
    const near = poolingAdvice({ byState: [{ state: 'active', count: 90 }], total: 90, max: 100, idleInTransaction: 0, byApplication: [] });
    expect(near.map((r) => r.id)).toEqual(['pooling']);
    expect(near[0]!.message).toMatch(/90 of max_connections 100 .* PgBouncer \(pool_mode = transaction\)/);
    const idle = poolingAdvice({ byState: [{ state: 'idle', count: 40 }, { state: 'active', count: 5 }, { state: 'idle in transaction', count: 2 }], total: 47, max: 500, idleInTransaction: 2, byApplication: [{ name: 'web', count: 45 }] }, 'shop');
    expect(idle.map((r) => r.id)).toEqual(['pooling', 'idle-in-transaction']);
    expect(idle[0]!.message).toContain('(most from web)');
    expect(idle[1]!.sql).toBe("ALTER DATABASE shop SET idle_in_transaction_session_timeout = '60s';");
    expect(poolingAdvice({ byState: [{ state: 'active', count: 3 }], total: 3, max: 100, idleInTransaction: 0, byApplication: [] })).toEqual([]);
  });
  it('turns a repeated heavy aggregate into a materialized view, or a summary table when it takes parameters', () => {
    const r = aggregateAdvice([
      group('SELECT status, count(*) FROM orders GROUP BY status', 500, 80),
      group('SELECT sum(total) FROM orders WHERE customer_id = $1', 300, 60),
      group('SELECT id FROM orders WHERE id = $1', 10_000, 90),
      group('SELECT count(*) FROM orders', 3, 900),
    ]);
    expect(r.map((x) => x.id)).toEqual(['materialized-view', 'denormalise']);
    expect(r[0]!.sql).toContain('CREATE MATERIALIZED VIEW orders_summary AS SELECT status, count(*) FROM orders GROUP BY status;');
  });
  it('names N+1 suspects from pg_stat_statements: many fast single-row lookups by equality', () => {
    const g = (query: string, calls: number, meanMs: number, rows: number): QueryGroup => ({ ...group(query, calls, meanMs), rows });
    const r = nPlusOneSuspects([
      g('SELECT name FROM customers WHERE id = $1', 5000, 0.05, 5000),
      g('SELECT * FROM orders WHERE status = $1', 5000, 0.5, 400_000),
      g('SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.id = $1', 5000, 0.1, 5000),
      g('SELECT name FROM products WHERE id = $1', 50, 0.05, 50),
    ]);
    expect(r).toHaveLength(1);
    expect(r[0]!.message).toMatch(/^5000 calls of SELECT name FROM customers WHERE id = \$1 at 1\.0 rows each: .* load customers by id = ANY\(\$1\)/);
  });
});
