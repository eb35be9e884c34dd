import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Connection } from '../../src/core/db/connection.js';
import { openServer } from '../../src/core/db/server-connection.js';
import { statementError } from '../../src/core/db/errors.js';
import { openDemoCopy } from '../helpers/demo.js';
import { describeServer, scratchDatabase, serverTarget } from '../helpers/server.js';

describe('embedded connection (PGlite demo)', () => {
  let conn: Connection;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ conn, cleanup } = await openDemoCopy()));
  afterAll(() => cleanup());

  it('reports PGlite as PostgreSQL 18', () => {
    expect(conn.server.flavor).toBe('pglite');
    expect(Math.floor(conn.server.versionNum / 10000)).toBe(18);
    expect(conn.readOnly).toBe(false);
    expect(conn.canCancel).toBe(false);
  });
  it('runs parameterised queries, array rows and multi-statement text', async () => {
    const r = await conn.query<{ n: string }>('SELECT count(*) AS n FROM public.orders WHERE status = $1', ['pending']);
    expect(Number(r.rows[0]!.n)).toBeGreaterThan(1000);
    const a = await conn.query('SELECT 1 AS x, 2 AS y', [], { rowMode: 'array' });
    expect(a.rows[0]).toEqual([1, 2]);
    const multi = await conn.exec('SELECT 1 AS a; SELECT 2 AS b, 3 AS c');
    expect(multi.map((m) => m.rows)).toEqual([[{ a: 1 }], [{ b: 2, c: 3 }]]);
  });
  it('is usable through Kysely', async () => {
    const rows = await conn.kysely.selectFrom('public.countries').select(['code', 'name']).where('code', '=', 'IE').execute();
    expect(rows).toEqual([{ code: 'IE', name: 'Ireland' }]);
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM public.customers`.execute(conn.kysely);
    expect(n.rows[0]!.n).toBe(20000);
  });
  it('serialises sessions so a transaction is not interleaved with other work', async () => {
    const inTx = conn.withSession(async (s) => {
      await s.query('BEGIN');
      await s.query(`INSERT INTO public.tags (label) VALUES ('tx-only')`);
      await new Promise((r) => setTimeout(r, 50));
      await s.query('ROLLBACK');
    });
    const outside = conn.query<{ n: string }>(`SELECT count(*) AS n FROM public.tags WHERE label = 'tx-only'`);
    await inTx;
    expect(Number((await outside).rows[0]!.n)).toBe(0);
  });
  it('rolls back a session whose work failed', async () => {
    await expect(conn.withSession(async (s) => {
      await s.query('BEGIN');
      await s.query(`INSERT INTO public.tags (label) VALUES ('half-done')`);
      await s.query('SELECT 1/0');
    })).rejects.toThrow(/division by zero/);
    const r = await conn.query<{ n: string }>(`SELECT count(*) AS n FROM public.tags WHERE label = 'half-done'`);
    expect(Number(r.rows[0]!.n)).toBe(0);
  });
});

describeServer('server connection (PostgreSQL server)', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let conn: Connection;
  beforeAll(async () => {
    scratch = await scratchDatabase();
    conn = await scratch.open();
  });
  afterAll(() => scratch.drop());

  it('is read-only by default and really rejects a write', async () => {
    expect(conn.readOnly).toBe(true);
    const err = await conn.query('CREATE TABLE t (id int)').catch((e) => e);
    expect(err.code).toBe('25006');
    expect(statementError(err).message).toMatch(/read-only; reconnect with --write/);
  });
  it('writes after write mode is turned on, and refuses again when it is turned off', async () => {
    await conn.setWriteMode(true);
    expect(conn.readOnly).toBe(false);
    await conn.exec('CREATE TABLE "Mixed Case" (id int); INSERT INTO "Mixed Case" VALUES (1)');
    await conn.setWriteMode(false);
    const err = await conn.query('INSERT INTO "Mixed Case" VALUES (2)').catch((e) => e);
    expect(err.code).toBe('25006');
    const r = await conn.query<{ n: string }>('SELECT count(*) AS n FROM "Mixed Case"');
    expect(r.rows[0]!.n).toBe('1');
  });
  it('is usable through Kysely and for multi-statement text', async () => {
    const r = await sql<{ v: number }>`SELECT ${41}::int + 1 AS v`.execute(conn.kysely);
    expect(r.rows[0]!.v).toBe(42);
    const multi = await conn.exec('SELECT 1 AS a; SELECT 2 AS b');
    expect(multi).toHaveLength(2);
  });
  it('cancels a running pg_sleep(30) without closing the connection', async () => {
    const started = Date.now();
    const running = conn.query('SELECT pg_sleep(30)').catch((e) => e);
    await new Promise((r) => setTimeout(r, 300));
    expect(await conn.cancel()).toBe(1);
    const err = await running;
    expect(err.code).toBe('57014');
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await conn.query('SELECT 1 AS ok')).rows[0]).toEqual({ ok: 1 });
  });
  it('fires the statement timeout', async () => {
    const quick = await openServer(serverTarget(scratch.name) as never, { statementTimeoutMs: 200 });
    try {
      const err = await quick.query('SELECT pg_sleep(3)').catch((e) => e);
      expect(err.code).toBe('57014');
      expect(statementError(err).message).toMatch(/statement timeout.*--statement-timeout/);
    } finally {
      await quick.close();
    }
  });
  it('knows the server version and flavour', () => {
    expect(conn.server.flavor).toBe('postgres');
    expect(conn.server.versionNum).toBeGreaterThanOrEqual(130000);
    expect(conn.server.database).toBe(scratch.name);
  });
});
