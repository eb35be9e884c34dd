import pg from 'pg';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { checkMigrationText } from '../../src/core/migrations/index.js';
import { readSnapshot } from '../../src/core/introspect/index.js';
import { describeServer, scratchDatabase } from '../helpers/server.js';

/**
 * The claims the rules make about rewrites, scans and locks, replayed on the real server
 * (rules.md §4): each rule's verdict must agree with what PostgreSQL actually does.
 */
describeServer('migration rules agree with PostgreSQL (replay)', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let c: pg.Client;
  const debug: string[] = [];
  const BASE = `
    DROP TABLE IF EXISTS t, u CASCADE;
    CREATE TABLE u (id bigint PRIMARY KEY);
    INSERT INTO u SELECT g FROM generate_series(1, 100) g;
    CREATE TABLE t (id bigint PRIMARY KEY, n int, name varchar(50), amount numeric(10,2), ts timestamp, u_id bigint);
    INSERT INTO t SELECT g, g, 'n' || g, g, now(), 1 + g % 100 FROM generate_series(1, 1000) g;
    CREATE OR REPLACE FUNCTION imm_one() RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN 1; END $$;
    CREATE OR REPLACE FUNCTION vol_one() RETURNS int LANGUAGE plpgsql VOLATILE AS $$ BEGIN RETURN 1; END $$;`;

  beforeAll(async () => {
    scratch = await scratchDatabase('tw_mig');
    c = new pg.Client({ connectionString: scratch.url });
    await c.connect();
    c.on('notice', (m) => debug.push(String(m.message)));
  }, 120_000);
  afterAll(async () => {
    await c.end();
    await scratch.drop();
  });
  beforeEach(async () => {
    await c.query('RESET ALL');
    await c.query(BASE);
    debug.length = 0;
  });

  const relfilenode = async () => (await c.query<{ f: string }>("SELECT pg_relation_filenode('t')::text AS f")).rows[0]!.f;
  /** runs DDL and says whether the table was rewritten (new relfilenode) */
  const rewrites = async (sql: string) => {
    const before = await relfilenode();
    await c.query(sql);
    return (await relfilenode()) !== before;
  };
  /** runs DDL with DEBUG messages on and says whether PostgreSQL scanned to verify or validate */
  const scans = async (sql: string) => {
    await c.query('SET client_min_messages = debug1');
    debug.length = 0;
    await c.query(sql);
    await c.query('RESET client_min_messages');
    return debug.some((m) => /verifying table|validating foreign key constraint/.test(m));
  };
  /** table-level lock modes held on `rel` while `sql` runs inside a transaction */
  const locksDuring = async (sql: string, rel: string) => {
    await c.query('BEGIN');
    try {
      await c.query(sql);
      const r = await c.query<{ mode: string }>(`SELECT mode FROM pg_locks WHERE locktype = 'relation' AND relation = $1::regclass AND pid = pg_backend_pid()`, [rel]);
      return r.rows.map((x) => x.mode);
    } finally {
      await c.query('ROLLBACK');
    }
  };
  const flagged = async (rule: string, sql: string, pgVersion = 15) => (await checkMigrationText('m.sql', sql, { pgVersion })).some((f) => f.ruleId === rule && f.severity !== 'info');

  it.each([
    ['ALTER TABLE t ADD COLUMN g uuid DEFAULT gen_random_uuid()', true],
    ['ALTER TABLE t ADD COLUMN g timestamptz DEFAULT clock_timestamp()', true],
    ['ALTER TABLE t ADD COLUMN g int DEFAULT 7', false],
    ["ALTER TABLE t ADD COLUMN g text DEFAULT upper('eu')", false],
    ['ALTER TABLE t ADD COLUMN g timestamptz DEFAULT now()', false],
  ])('MS08 %s: flagged exactly when the server rewrites (%s)', async (sql, rewritten) => {
    expect(await rewrites(sql)).toBe(rewritten);
    expect(await flagged('MS08', sql)).toBe(rewritten);
  });

  it.each([
    ['ALTER TABLE t ALTER COLUMN n TYPE bigint', true],
    ['ALTER TABLE t ALTER COLUMN name TYPE varchar(20)', true],
    ['ALTER TABLE t ALTER COLUMN name TYPE text', false],
    ['ALTER TABLE t ALTER COLUMN name TYPE varchar(100)', false],
    ['ALTER TABLE t ALTER COLUMN amount TYPE numeric(14,2)', false],
    ['ALTER TABLE t ALTER COLUMN amount TYPE numeric(10,4)', true],
  ])('MS10 with the live snapshot %s: flagged exactly when the server rewrites (%s)', async (sql, rewritten) => {
    const conn = await scratch.open();
    const snapshot = await readSnapshot(conn, { stats: false });
    const f = await checkMigrationText('m.sql', sql, { pgVersion: 15, snapshot });
    expect(await rewrites(sql)).toBe(rewritten);
    expect(f.some((x) => x.ruleId === 'MS10')).toBe(rewritten);
  });

  it('MS10: timestamp → timestamptz rewrites unless the session is UTC, and the rule follows SET TIME ZONE', async () => {
    await c.query("SET TIME ZONE 'Europe/Paris'");
    expect(await rewrites('ALTER TABLE t ALTER COLUMN ts TYPE timestamptz')).toBe(true);
    await c.query(BASE);
    await c.query("SET TIME ZONE 'UTC'");
    expect(await rewrites('ALTER TABLE t ALTER COLUMN ts TYPE timestamptz')).toBe(false);
    await c.query('ALTER TABLE t ALTER COLUMN ts TYPE timestamp');
    const conn = await scratch.open();
    const snapshot = await readSnapshot(conn, { stats: false });
    const rule = async (sql: string) => (await checkMigrationText('m.sql', sql, { snapshot })).some((x) => x.ruleId === 'MS10');
    expect(await rule('ALTER TABLE t ALTER COLUMN ts TYPE timestamptz;')).toBe(true);
    expect(await rule("SET TIME ZONE 'UTC'; ALTER TABLE t ALTER COLUMN ts TYPE timestamptz;")).toBe(false);
  });

  it('MS14 / MS15 / MS21: serial, identity, stored generated and SET LOGGED rewrite', async () => {
    for (const sql of ['ALTER TABLE t ADD COLUMN s bigserial', 'ALTER TABLE t ADD COLUMN s bigint GENERATED ALWAYS AS IDENTITY', 'ALTER TABLE t ADD COLUMN s int GENERATED ALWAYS AS (n * 2) STORED']) {
      await c.query(BASE);
      expect(await rewrites(sql), sql).toBe(true);
      expect(await flagged(sql.includes('STORED') ? 'MS15' : 'MS14', sql), sql).toBe(true);
    }
    await c.query('ALTER TABLE t SET UNLOGGED');
    expect(await rewrites('ALTER TABLE t SET LOGGED')).toBe(true);
    expect(await flagged('MS21', 'ALTER TABLE t SET LOGGED')).toBe(true);
  });

  it('MS07: SET NOT NULL scans unless a validated CHECK (col IS NOT NULL) exists, in the file or in the live schema', async () => {
    expect(await scans('ALTER TABLE t ALTER COLUMN n SET NOT NULL')).toBe(true);
    expect(await flagged('MS07', 'ALTER TABLE t ALTER COLUMN n SET NOT NULL')).toBe(true);
    await c.query(BASE);
    const recipe = 'ALTER TABLE t ADD CONSTRAINT t_n_nn CHECK (n IS NOT NULL) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT t_n_nn;';
    await c.query(recipe);
    expect(await scans('ALTER TABLE t ALTER COLUMN n SET NOT NULL')).toBe(false);
    expect(await flagged('MS07', `${recipe} ALTER TABLE t ALTER COLUMN n SET NOT NULL;`)).toBe(false);
    // the same proof read from the database instead of the file
    await c.query('ALTER TABLE t ALTER COLUMN n DROP NOT NULL');
    const conn = await scratch.open();
    const snapshot = await readSnapshot(conn, { stats: false });
    expect((await checkMigrationText('m.sql', 'ALTER TABLE t ALTER COLUMN n SET NOT NULL;', { snapshot })).some((f) => f.ruleId === 'MS07')).toBe(false);
    expect((await checkMigrationText('m.sql', 'ALTER TABLE t ALTER COLUMN name SET NOT NULL;', { snapshot })).some((f) => f.ruleId === 'MS07')).toBe(true);
  });

  it('MS04: a validated FK scans; NOT VALID and inline REFERENCES without default do not', async () => {
    const fk = 'ALTER TABLE t ADD CONSTRAINT t_u FOREIGN KEY (u_id) REFERENCES u (id)';
    expect(await scans(fk)).toBe(true);
    expect(await flagged('MS04', fk)).toBe(true);
    await c.query(BASE);
    expect(await scans(`${fk} NOT VALID`)).toBe(false);
    expect(await flagged('MS04', `${fk} NOT VALID`)).toBe(false);
    const inline = 'ALTER TABLE t ADD COLUMN u2 bigint REFERENCES u (id)';
    expect(await scans(inline)).toBe(false);
    expect(await flagged('MS04', inline)).toBe(false);
    const withDefault = 'ALTER TABLE t ADD COLUMN u3 bigint DEFAULT 1 REFERENCES u (id)';
    expect(await scans(withDefault)).toBe(true);
    expect(await flagged('MS04', withDefault)).toBe(true);
  });

  it('MS05: ADD CHECK scans under ACCESS EXCLUSIVE; NOT VALID does not scan', async () => {
    expect(await locksDuring('ALTER TABLE t ADD CONSTRAINT c_pos CHECK (n > 0)', 't')).toContain('AccessExclusiveLock');
    expect(await scans('ALTER TABLE t ADD CONSTRAINT c_pos CHECK (n > 0)')).toBe(true);
    await c.query(BASE);
    expect(await scans('ALTER TABLE t ADD CONSTRAINT c_pos CHECK (n > 0) NOT VALID')).toBe(false);
  });

  it('the lock modes named in messages are the ones PostgreSQL takes', async () => {
    expect(await locksDuring('CREATE INDEX t_n ON t (n)', 't')).toContain('ShareLock');
    expect((await checkMigrationText('m.sql', 'CREATE INDEX t_n ON t (n);')).find((f) => f.ruleId === 'MS01')!.message).toContain('SHARE lock');
    const fkLocks = await locksDuring('ALTER TABLE t ADD CONSTRAINT t_u FOREIGN KEY (u_id) REFERENCES u (id)', 'u');
    expect(fkLocks).toContain('ShareRowExclusiveLock');
    expect((await checkMigrationText('m.sql', 'ALTER TABLE t ADD CONSTRAINT t_u FOREIGN KEY (u_id) REFERENCES u (id);')).find((f) => f.ruleId === 'MS04')!.message).toContain('SHARE ROW EXCLUSIVE');
    expect(await locksDuring('ALTER TABLE t ALTER COLUMN n SET NOT NULL', 't')).toContain('AccessExclusiveLock');
    await c.query('CREATE INDEX t_n2 ON t (n)');
    expect(await locksDuring('DROP INDEX t_n2', 't')).toContain('AccessExclusiveLock');
  });

  it('MS18 / MS28: VACUUM FULL, CLUSTER and TRUNCATE rewrite (new relfilenode)', async () => {
    expect(await rewrites('VACUUM FULL t')).toBe(true);
    expect(await flagged('MS18', 'VACUUM FULL t;')).toBe(true);
    expect(await rewrites('VACUUM t')).toBe(false);
    expect(await flagged('MS18', 'VACUUM t;')).toBe(false);
    expect(await rewrites('CLUSTER t USING t_pkey')).toBe(true);
    expect(await flagged('MS18', 'CLUSTER t USING t_pkey;')).toBe(true);
    expect(await rewrites('TRUNCATE t CASCADE')).toBe(true);
    expect(await flagged('MS28', 'TRUNCATE t CASCADE;')).toBe(true);
  });

  it('MS11 / MS19 / MS23: ADD UNIQUE, REINDEX and CREATE TRIGGER take the locks their messages name', async () => {
    expect(await locksDuring('ALTER TABLE t ADD CONSTRAINT t_name_key UNIQUE (name)', 't')).toContain('AccessExclusiveLock');
    expect((await checkMigrationText('m.sql', 'ALTER TABLE t ADD CONSTRAINT t_name_key UNIQUE (name);')).find((f) => f.ruleId === 'MS11')!.message).toContain('ACCESS EXCLUSIVE');
    expect(await locksDuring('REINDEX TABLE t', 't')).toContain('ShareLock');
    expect((await checkMigrationText('m.sql', 'REINDEX TABLE t;')).find((f) => f.ruleId === 'MS19')!.message).toContain('SHARE lock on the table');
    await c.query('CREATE OR REPLACE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$');
    expect(await locksDuring('CREATE TRIGGER t_trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION trg()', 't')).toContain('ShareRowExclusiveLock');
    expect((await checkMigrationText('m.sql', 'CREATE TRIGGER t_trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION trg();')).find((f) => f.ruleId === 'MS23')!.message).toContain('SHARE ROW EXCLUSIVE');
  });

  it('MS03: CREATE INDEX CONCURRENTLY in a transaction fails with 25001, as the rule says', async () => {
    await c.query('BEGIN');
    const err = await c.query('CREATE INDEX CONCURRENTLY t_c ON t (n)').catch((e: { code?: string }) => e);
    await c.query('ROLLBACK');
    expect((err as { code?: string }).code).toBe('25001');
    expect(await flagged('MS03', 'CREATE INDEX CONCURRENTLY t_c ON t (n);')).toBe(false);
    expect((await checkMigrationText('m.sql', 'CREATE INDEX CONCURRENTLY t_c ON t (n);', { assumeInTransaction: true })).some((f) => f.ruleId === 'MS03')).toBe(true);
  });

  it('MS09: ADD COLUMN NOT NULL without default fails on a table with rows (23502)', async () => {
    const err = await c.query('ALTER TABLE t ADD COLUMN req int NOT NULL').catch((e: { code?: string }) => e);
    expect((err as { code?: string }).code).toBe('23502');
    expect(await flagged('MS09', 'ALTER TABLE t ADD COLUMN req int NOT NULL;')).toBe(true);
  });

  it('MS08 with the live snapshot: an IMMUTABLE user function does not rewrite, a VOLATILE one does', async () => {
    const conn = await scratch.open();
    const snapshot = await readSnapshot(conn, { stats: false });
    const rule = async (sql: string) => (await checkMigrationText('m.sql', sql, { snapshot })).some((f) => f.ruleId === 'MS08');
    expect(await rewrites('ALTER TABLE t ADD COLUMN a int DEFAULT imm_one()')).toBe(false);
    expect(await rule('ALTER TABLE t ADD COLUMN a int DEFAULT imm_one();')).toBe(false);
    expect(await rewrites('ALTER TABLE t ADD COLUMN b int DEFAULT vol_one()')).toBe(true);
    expect(await rule('ALTER TABLE t ADD COLUMN b int DEFAULT vol_one();')).toBe(true);
  });

  it('with statistics, row estimates appear in messages and a tiny table downgrades MS01', async () => {
    await c.query('ANALYZE t');
    const conn = await scratch.open();
    const snapshot = await readSnapshot(conn, { stats: true });
    const [f] = (await checkMigrationText('m.sql', 'CREATE INDEX t_n ON t (n);', { snapshot })).filter((x) => x.ruleId === 'MS01');
    expect(f!.message).toContain('(~1,000 rows)');
    expect(f!.severity).toBe('warning');
    const [g] = (await checkMigrationText('m.sql', 'CREATE INDEX t_n ON t (n);')).filter((x) => x.ruleId === 'MS01');
    expect(g!.severity).toBe('error');
  });

  it('MS27 with the live schema: an UPDATE by primary key is one row, by another column it is a backfill', async () => {
    const conn = await scratch.open();
    const snapshot = await readSnapshot(conn, { stats: false });
    const rule = async (sql: string) => (await checkMigrationText('m.sql', sql, { snapshot })).some((f) => f.ruleId === 'MS27');
    expect(await rule('UPDATE t SET n = 0 WHERE id = 5;')).toBe(false);
    expect(await rule('UPDATE t SET n = 0 WHERE n = 5;')).toBe(true);
    expect((await checkMigrationText('m.sql', 'UPDATE t SET n = 0 WHERE id = 5;')).some((f) => f.ruleId === 'MS27')).toBe(true);
  });

  it('MS26: a new enum value used in the transaction that added it is rejected', async () => {
    await c.query("DROP TYPE IF EXISTS mood; CREATE TYPE mood AS ENUM ('a')");
    await c.query('BEGIN');
    await c.query("ALTER TYPE mood ADD VALUE 'b'");
    const err = await c.query("SELECT 'b'::mood").catch((e: Error) => e);
    await c.query('ROLLBACK');
    expect(String((err as Error).message)).toContain('unsafe use of new value');
    expect(await flagged('MS26', "BEGIN; ALTER TYPE mood ADD VALUE 'b'; SELECT 'b'::mood; COMMIT;")).toBe(true);
  });
});
