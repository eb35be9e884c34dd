import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { UserError } from '../../src/core/errors.js';
import { ExplainSqlError, explainStatement, indexCandidates, planInsights, whatIfIndexes } from '../../src/core/explain/index.js';
import { openEmptyEmbedded } from '../helpers/demo.js';
import { describeServer, scratchDatabase } from '../helpers/server.js';

const SEED = `
  CREATE TABLE items (id serial PRIMARY KEY, cat int NOT NULL, note text);
  INSERT INTO items (cat, note) SELECT g % 500, 'n' || g FROM generate_series(1, 30000) g;
  ANALYZE items;`;
const count = async (c: Connection) => Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM items')).rows[0]!.n);
const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as UserError;
  }
  throw new Error('expected an error');
};

/** The same safety contract on both engines. */
function safetyContract(get: () => Connection) {
  it('a SELECT runs under EXPLAIN ANALYZE (read-only) and the plan gets metrics and the index insight', async () => {
    const r = await explainStatement(get(), 'SELECT id, note FROM items WHERE cat = 42;');
    expect(r.mode).toBe('analyzed');
    expect(r.kind).toBe('read');
    expect(r.tree.analyzed).toBe(true);
    expect(r.tree.executionTimeMs).toBeGreaterThan(0);
    const scan = r.tree.nodes.find((n) => n.nodeType === 'Seq Scan')!;
    expect(scan.actualRowsTotal).toBe(60);
    expect(scan.removedByFilterTotal).toBe(30000 - 60);
    const ix = planInsights(r.tree).find((i) => i.id === 'indexable-seqscan');
    expect(ix?.sql).toBe('CREATE INDEX CONCURRENTLY items_cat_idx ON public.items (cat);');
  });
  it('a DELETE is only planned without --analyze-writes, and nothing changes', async () => {
    const r = await explainStatement(get(), 'DELETE FROM items WHERE cat < 250');
    expect(r.mode).toBe('estimate');
    expect(r.notes.join(' ')).toMatch(/DELETE changes data, so it was planned, not executed/);
    expect(await count(get())).toBe(30000);
  });
  it('EXPLAIN ANALYZE DELETE with --analyze-writes runs it and rolls it back: row counts unchanged', async () => {
    const r = await explainStatement(get(), 'DELETE FROM items WHERE cat < 250', { analyzeWrites: true });
    expect(r.mode).toBe('analyzed-rolled-back');
    expect(r.tree.root.nodeType).toBe('ModifyTable');
    expect(r.tree.root.children[0]!.actualRowsTotal).toBe(15000);
    expect(r.notes.join(' ')).toMatch(/ROLLBACK: no data changed, but sequences advanced/);
    expect(await count(get())).toBe(30000);
  });
  it('an INSERT under --analyze-writes leaves the rows out but advances the sequence, as the note says', async () => {
    const seq = async () => Number((await get().query<{ v: string }>("SELECT last_value AS v FROM items_id_seq")).rows[0]!.v);
    const before = await seq();
    await explainStatement(get(), "INSERT INTO items (cat, note) VALUES (1, 'a'), (2, 'b')", { analyzeWrites: true });
    expect(await count(get())).toBe(30000);
    expect(await seq()).toBe(before + 2);
  });
  it('a data-changing CTE inside a SELECT counts as a write', async () => {
    const r = await explainStatement(get(), 'WITH d AS (DELETE FROM items WHERE id = 1 RETURNING id) SELECT * FROM d');
    expect(r.kind).toBe('write');
    expect(r.mode).toBe('estimate');
    expect(await count(get())).toBe(30000);
  });
  it('a syntax error comes back with the server message and its position in the user\'s SQL', async () => {
    const sql = 'SELECT id FROM items WHER cat = 1';
    const e = await fails(explainStatement(get(), sql));
    expect(e).toBeInstanceOf(ExplainSqlError);
    expect(e.message).toMatch(/syntax error at or near "cat"/);
    expect(sql.slice((e as ExplainSqlError).offset!)).toMatch(/^cat/);
    const missing = await fails(explainStatement(get(), 'SELECT nope FROM items'));
    expect((missing as ExplainSqlError).offset).toBe(7);
  });
  it('refuses what cannot be explained safely, in one line each', async () => {
    expect((await fails(explainStatement(get(), 'SELECT 1; SELECT 2'))).message).toMatch(/one statement at a time: found 2/);
    expect((await fails(explainStatement(get(), 'EXPLAIN SELECT 1'))).message).toMatch(/without EXPLAIN/);
    expect((await fails(explainStatement(get(), 'COMMIT'))).message).toMatch(/cannot be explained/);
    expect((await fails(explainStatement(get(), 'VACUUM items'))).message).toMatch(/^Vacuum cannot be explained/);
    expect((await fails(explainStatement(get(), '  ;  '))).message).toMatch(/no statement/);
  });
}

describe('safe runner on PGlite', () => {
  let db: Awaited<ReturnType<typeof openEmptyEmbedded>>;
  beforeAll(async () => {
    db = await openEmptyEmbedded();
    await db.conn.exec(SEED);
  });
  afterAll(async () => db?.cleanup());
  safetyContract(() => db.conn);
  it('what-if without HypoPG: builds each candidate inside a rolled-back transaction and shows the cost drop', async () => {
    const r = await explainStatement(db.conn, 'SELECT id, note FROM items WHERE cat = 42');
    const w = await whatIfIndexes(db.conn, r.sql, indexCandidates(r.tree, planInsights(r.tree)));
    expect(w.method).toBe('built-and-rolled-back');
    expect(w.notes.join(' ')).toMatch(/not available in the embedded database \(PGlite\).*rolled back/);
    expect(w.best?.createSql).toBe('CREATE INDEX CONCURRENTLY items_cat_idx ON public.items (cat);');
    expect(w.best!.cost).toBeLessThan(w.costBefore * 0.5);
    expect(w.best!.plan!.nodes.some((n) => n.nodeType.includes('Index') || n.nodeType.includes('Bitmap'))).toBe(true);
    const left = await db.conn.query("SELECT 1 FROM pg_indexes WHERE tablename = 'items' AND indexname <> 'items_pkey'");
    expect(left.rows).toHaveLength(0);
  });
});

describeServer('safe runner on the server (PG with HypoPG)', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let rw: Connection;
  let ro: Connection;
  beforeAll(async () => {
    scratch = await scratchDatabase('tw_explain');
    rw = await scratch.open({ write: true });
    await rw.exec(`${SEED} CREATE EXTENSION IF NOT EXISTS hypopg;`);
    ro = await scratch.open();
  });
  afterAll(async () => scratch?.drop());
  safetyContract(() => rw);
  it('on a read-only connection --analyze-writes is refused with the fix; a SELECT still runs', async () => {
    expect((await fails(explainStatement(ro, 'DELETE FROM items', { analyzeWrites: true }))).message).toMatch(/connect with --write/);
    expect((await explainStatement(ro, 'SELECT count(*) FROM items')).mode).toBe('analyzed');
  });
  it('statement_timeout stops EXPLAIN ANALYZE and says there is no plan and what to do', async () => {
    const e = await fails(explainStatement(rw, 'SELECT pg_sleep(5)', { timeoutMs: 300 }));
    expect(e.message).toMatch(/stopped by statement_timeout after 300 ms.*--no-analyze/);
  });
  it('cancel() stops a running EXPLAIN ANALYZE and the session stays usable', async () => {
    // the rejection is taken at once, so it never goes unhandled while we wait
    const running = fails(explainStatement(rw, 'SELECT pg_sleep(10)'));
    await new Promise((r) => setTimeout(r, 400));
    expect(await rw.cancel()).toBeGreaterThan(0);
    expect((await running).message).toMatch(/cancelled/);
    expect(await count(rw)).toBe(30000);
  });
  it('what-if with HypoPG: a hypothetical index drops the cost of a seq-scan query; nothing is built', async () => {
    const r = await explainStatement(ro, 'SELECT id, note FROM items WHERE cat = 42');
    const w = await whatIfIndexes(ro, r.sql, indexCandidates(r.tree, planInsights(r.tree)));
    expect(w.method).toBe('hypopg');
    expect(w.best?.createSql).toBe('CREATE INDEX CONCURRENTLY items_cat_idx ON public.items (cat);');
    expect(w.best!.used).toBe(true);
    expect(w.best!.cost).toBeLessThan(w.costBefore * 0.5);
    const left = await ro.query("SELECT 1 FROM pg_indexes WHERE tablename = 'items' AND indexname <> 'items_pkey'");
    expect(left.rows).toHaveLength(0);
  });
});

describe('stale statistics (needs the live database)', () => {
  let db: Awaited<ReturnType<typeof openEmptyEmbedded>>;
  beforeAll(async () => {
    db = await openEmptyEmbedded();
    await db.conn.exec(`CREATE TABLE s (a int); INSERT INTO s SELECT 1 FROM generate_series(1, 2000); ANALYZE s;
      INSERT INTO s SELECT 2 FROM generate_series(1, 20000); SELECT pg_stat_force_next_flush();`);
  });
  afterAll(async () => db?.cleanup());
  it('a misestimated scan of a table changed since its analyze gets ANALYZE; after it, no more', async () => {
    const { staleStatsInsights } = await import('../../src/core/explain/index.js');
    const r = await explainStatement(db.conn, 'SELECT * FROM s WHERE a = 2');
    const base = planInsights(r.tree);
    expect(base.map((i) => i.id)).toContain('row-misestimate');
    const live = await staleStatsInsights(db.conn, r.tree, base);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ id: 'stale-stats', severity: 'warn', sql: 'ANALYZE public.s;' });
    expect(live[0]!.message).toMatch(/2\d\.\dk rows changed since the last analyze \(/);
    await db.conn.exec('ANALYZE s; SELECT pg_stat_force_next_flush();');
    const again = await explainStatement(db.conn, 'SELECT * FROM s WHERE a = 2');
    expect(await staleStatsInsights(db.conn, again.tree, planInsights(again.tree))).toEqual([]);
  });
});
