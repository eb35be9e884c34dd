import { describe, expect, it } from 'vitest';
import type { CheckOptions } from '../../src/core/migrations/index.js';
import { sqlFindings } from './helpers.js';

interface Case { sql: string; o?: CheckOptions; note?: string }
const T = (sql: string, o?: CheckOptions, note?: string): Case => ({ sql, o, note });

/** Per rule: SQL that must be flagged, and near-misses that must not be (rules.md §3.1, §4). */
const CASES: Record<string, { bad: Case[]; ok: Case[] }> = {
  MS01: {
    bad: [T('CREATE INDEX i ON t (a);'), T('CREATE UNIQUE INDEX i ON s.t (lower(a));'), T('BEGIN; CREATE INDEX i ON t (a); COMMIT;')],
    ok: [T('CREATE INDEX CONCURRENTLY i ON t (a);'), T('CREATE TABLE t (a int); CREATE INDEX i ON t (a);', undefined, 'table created earlier in the same file, no BEGIN'), T('CREATE TABLE s.t (a int); INSERT INTO s.t VALUES (1); CREATE INDEX ON s.t (a);')],
  },
  MS02: {
    bad: [T('DROP INDEX i;'), T('DROP INDEX IF EXISTS s.i;')],
    ok: [T('DROP INDEX CONCURRENTLY i;'), T('CREATE TABLE t (a int); CREATE INDEX i ON t (a); DROP INDEX i;')],
  },
  MS03: {
    bad: [T('BEGIN; CREATE INDEX CONCURRENTLY i ON t (a); COMMIT;'), T('CREATE INDEX CONCURRENTLY i ON t (a);', { assumeInTransaction: true }, 'one-statement file under a wrapping runner'), T('BEGIN; REINDEX INDEX CONCURRENTLY i; COMMIT;'), T('BEGIN; VACUUM t; COMMIT;'), T('BEGIN; ALTER TABLE p DETACH PARTITION c CONCURRENTLY; COMMIT;')],
    ok: [T('CREATE INDEX CONCURRENTLY i ON t (a);'), T('BEGIN; SELECT 1; COMMIT; CREATE INDEX CONCURRENTLY i ON t (a);')],
  },
  MS04: {
    bad: [T('ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (u) REFERENCES u (id);'), T('ALTER TABLE t ADD COLUMN u bigint DEFAULT 1 REFERENCES u (id);', undefined, 'a non-NULL default makes the inline FK validate')],
    ok: [T('ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (u) REFERENCES u (id) NOT VALID;'), T('ALTER TABLE t ADD COLUMN u bigint REFERENCES u (id);', undefined, 'inline REFERENCES without default is not validated (§4)'), T('CREATE TABLE t (u bigint); ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (u) REFERENCES u (id);', undefined, 'FK on a new table')],
  },
  MS05: {
    bad: [T('ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);')],
    ok: [T('ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;'), T('CREATE TABLE t (a int); ALTER TABLE t ADD CHECK (a > 0);')],
  },
  MS06: {
    bad: [T('BEGIN; ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT c; COMMIT;'), T('ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT c;', { assumeInTransaction: true })],
    ok: [T('ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT c;', undefined, 'autocommit: separate transactions'), T('BEGIN; ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID; COMMIT; BEGIN; ALTER TABLE t VALIDATE CONSTRAINT c; COMMIT;')],
  },
  MS07: {
    bad: [T('ALTER TABLE t ALTER COLUMN a SET NOT NULL;'), T('ALTER TABLE t ADD CONSTRAINT c CHECK (a IS NOT NULL) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT c; ALTER TABLE t ALTER COLUMN a SET NOT NULL;', { pgVersion: 11 }, 'PG < 12 cannot use the check'), T('ALTER TABLE t ADD CONSTRAINT c CHECK (b IS NOT NULL) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT c; ALTER TABLE t ALTER COLUMN a SET NOT NULL;', undefined, 'a check on another column proves nothing'), T('ALTER TABLE t ADD CONSTRAINT c CHECK (a IS NOT NULL) NOT VALID; ALTER TABLE t ALTER COLUMN a SET NOT NULL;', undefined, 'not validated yet')],
    ok: [T('ALTER TABLE t ADD CONSTRAINT c CHECK (a IS NOT NULL) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT c; ALTER TABLE t ALTER COLUMN a SET NOT NULL;'), T('CREATE TABLE t (a int); ALTER TABLE t ALTER COLUMN a SET NOT NULL;')],
  },
  MS08: {
    bad: [T('ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid();'), T('ALTER TABLE t ADD COLUMN c timestamptz DEFAULT clock_timestamp();'), T('ALTER TABLE t ADD COLUMN c int DEFAULT 0;', { pgVersion: 10 }, 'any default rewrites before 11'), T('ALTER TABLE t ADD COLUMN c int DEFAULT my_func();', undefined, 'unknown volatility without a snapshot')],
    ok: [T('ALTER TABLE t ADD COLUMN c int DEFAULT 0;', { pgVersion: 11 }), T("ALTER TABLE t ADD COLUMN c text DEFAULT upper('eu');"), T('ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now();'), T("ALTER TABLE t ADD COLUMN c text[] DEFAULT '{}'::text[];"), T('ALTER TABLE t ADD COLUMN c int DEFAULT NULL;', { pgVersion: 10 }), T('CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid();')],
  },
  MS09: {
    bad: [T('ALTER TABLE t ADD COLUMN c int NOT NULL;')],
    ok: [T('ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0;'), T('ALTER TABLE t ADD COLUMN c int;'), T('ALTER TABLE t ADD COLUMN c int NOT NULL GENERATED ALWAYS AS (a * 2) STORED;'), T('CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN c int NOT NULL;')],
  },
  MS10: {
    bad: [T('CREATE TABLE x (a int); ALTER TABLE t ALTER COLUMN a TYPE bigint;'), T('ALTER TABLE t ALTER COLUMN a TYPE integer USING a::integer;')],
    ok: [T('ALTER TABLE t ALTER COLUMN a TYPE text;', { snapshot: undefined }, 'unknown old type → warning only, checked below'), T('CREATE TABLE t (a varchar(50)); ALTER TABLE t ALTER COLUMN a TYPE text;')],
  },
  MS11: {
    bad: [T('ALTER TABLE t ADD CONSTRAINT u UNIQUE (a);'), T('ALTER TABLE t ADD COLUMN c int UNIQUE;')],
    ok: [T('ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i;'), T('CREATE TABLE t (a int); ALTER TABLE t ADD UNIQUE (a);')],
  },
  MS12: {
    bad: [T('ALTER TABLE t ADD PRIMARY KEY (id);'), T('ALTER TABLE t ADD COLUMN id bigint PRIMARY KEY;')],
    ok: [T('ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx;', undefined, 'USING INDEX; nullability needs a snapshot'), T('CREATE TABLE t (id int); ALTER TABLE t ADD PRIMARY KEY (id);')],
  },
  MS13: {
    bad: [T('ALTER TABLE t ADD CONSTRAINT e EXCLUDE USING gist (r WITH &&);')],
    ok: [T('CREATE TABLE t (r int4range); ALTER TABLE t ADD CONSTRAINT e EXCLUDE USING gist (r WITH &&);')],
  },
  MS14: {
    bad: [T('ALTER TABLE t ADD COLUMN id bigserial;'), T('ALTER TABLE t ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;')],
    ok: [T('ALTER TABLE t ADD COLUMN id bigint;'), T('CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN id bigserial;')],
  },
  MS15: {
    bad: [T('ALTER TABLE t ADD COLUMN d int GENERATED ALWAYS AS (a * 2) STORED;')],
    ok: [T('ALTER TABLE t ADD COLUMN d int GENERATED ALWAYS AS (a * 2) VIRTUAL;', { pgVersion: 18 }), T('CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN d int GENERATED ALWAYS AS (a * 2) STORED;')],
  },
  MS16: {
    bad: [T('ALTER TABLE t ADD COLUMN c int;'), T('SET statement_timeout = 1000; DROP INDEX i;')],
    ok: [T("SET lock_timeout = '2s'; ALTER TABLE t ADD COLUMN c int;"), T("BEGIN; SET LOCAL lock_timeout = '2s'; CREATE INDEX i ON t (a); COMMIT;"), T('CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN c int;'), T('CREATE INDEX CONCURRENTLY i ON t (a);', undefined, 'CIC takes SHARE UPDATE EXCLUSIVE, which does not queue ordinary reads and writes')],
  },
  MS17: {
    bad: [T("SET lock_timeout = '2s'; ALTER TABLE t ADD COLUMN c int;")],
    ok: [T("SET statement_timeout = '1min'; ALTER TABLE t ADD COLUMN c int;")],
  },
  MS18: {
    bad: [T('VACUUM FULL t;'), T('CLUSTER t USING i;')],
    ok: [T('VACUUM t;'), T('VACUUM (ANALYZE) t;')],
  },
  MS19: {
    bad: [T('REINDEX INDEX i;'), T('REINDEX TABLE t;')],
    ok: [T('REINDEX INDEX CONCURRENTLY i;'), T('REINDEX TABLE t;', { pgVersion: 11 }, 'no CONCURRENTLY before 12'), T('REINDEX SYSTEM postgres;')],
  },
  MS20: {
    bad: [T('ALTER TABLE p DETACH PARTITION c;')],
    ok: [T('ALTER TABLE p DETACH PARTITION c CONCURRENTLY;'), T('ALTER TABLE p DETACH PARTITION c;', { pgVersion: 13 })],
  },
  MS21: {
    bad: [T('ALTER TABLE t SET LOGGED;'), T('ALTER TABLE t SET UNLOGGED;')],
    ok: [T('CREATE UNLOGGED TABLE t (a int); ALTER TABLE t SET LOGGED;')],
  },
  MS22: {
    bad: [T('ALTER TABLE t SET TABLESPACE fast;'), T('ALTER TABLE t SET ACCESS METHOD heap2;')],
    ok: [T('ALTER TABLE t SET (fillfactor = 70);')],
  },
  MS23: {
    bad: [T('CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();'), T('ALTER TABLE t DISABLE TRIGGER tr;')],
    ok: [T('CREATE TABLE t (a int); CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();')],
  },
  MS24: {
    bad: [T('BEGIN; ALTER TABLE t ADD COLUMN c int; CREATE INDEX i ON t (c); COMMIT;'), T('ALTER TABLE t ADD COLUMN c int; UPDATE t SET c = 1 WHERE id < 100;', { assumeInTransaction: true })],
    ok: [T('ALTER TABLE t ADD COLUMN c int; CREATE INDEX i ON t (c);', undefined, 'autocommit: the lock is released after each statement'), T('BEGIN; ALTER TABLE t ADD COLUMN c int; COMMIT; BEGIN; UPDATE t SET c = 1 WHERE id < 100; COMMIT;')],
  },
  MS25: {
    bad: [T('CREATE DOMAIN pos AS int CHECK (VALUE > 0);'), T('ALTER DOMAIN pos ADD CONSTRAINT c CHECK (VALUE > 0);')],
    ok: [T('ALTER DOMAIN pos ADD CONSTRAINT c CHECK (VALUE > 0) NOT VALID;'), T('CREATE DOMAIN pos AS int;')],
  },
  MS26: {
    bad: [T("BEGIN; ALTER TYPE mood ADD VALUE 'meh'; COMMIT;", { pgVersion: 11 }), T("BEGIN; ALTER TYPE mood ADD VALUE 'meh'; UPDATE t SET m = 'meh' WHERE id < 10; COMMIT;")],
    ok: [T("BEGIN; ALTER TYPE mood ADD VALUE 'meh'; COMMIT;"), T("ALTER TYPE mood ADD VALUE 'meh'; UPDATE t SET m = 'meh' WHERE id < 10;", undefined, 'autocommit: committed before use')],
  },
  MS27: {
    bad: [T('UPDATE t SET a = 1;'), T("DELETE FROM t WHERE status = 'old';")],
    ok: [T('UPDATE t SET a = 1 WHERE id BETWEEN 1 AND 1000;'), T('UPDATE t SET a = 1 WHERE id IN (SELECT id FROM t WHERE a IS NULL LIMIT 1000);'), T('CREATE TABLE t (a int); UPDATE t SET a = 1;')],
  },
  MS28: {
    bad: [T('TRUNCATE t;'), T('TRUNCATE t CASCADE;')],
    ok: [T('CREATE TABLE t (a int); TRUNCATE t;')],
  },
  MS29: {
    bad: [T('ALTER TABLE t ADD COLUMN a int; ALTER TABLE t ADD COLUMN b int;')],
    ok: [T('ALTER TABLE t ADD COLUMN a int, ADD COLUMN b int;'), T('ALTER TABLE t ADD COLUMN a int; ALTER TABLE u ADD COLUMN b int;'), T('ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT c;')],
  },
};

describe('MS rules on SQL', () => {
  for (const [rule, { bad, ok }] of Object.entries(CASES)) {
    describe(rule, () => {
      for (const c of bad) it(`flags: ${c.sql}${c.note ? ` (${c.note})` : ''}`, async () => {
        const f = await sqlFindings(c.sql, rule, c.o);
        expect(f.length, JSON.stringify(f)).toBeGreaterThan(0);
        expect(f[0]!.target.line).toBeGreaterThanOrEqual(1);
        expect(f[0]!.target.file).toBe('m.sql');
      });
      for (const c of ok) it(`passes: ${c.sql}${c.note ? ` (${c.note})` : ''}`, async () => {
        const f = await sqlFindings(c.sql, rule, c.o);
        if (rule === 'MS10' && c.note?.startsWith('unknown old type')) {
          expect(f.map((x) => x.severity)).toEqual(['warning']);
          return;
        }
        expect(f).toEqual([]);
      });
    });
  }
});

describe('MS rule details', () => {
  it('MS01 points at the statement, with the lock and the concurrent rewrite as SQL and Alembic', async () => {
    const [f] = await sqlFindings('SET lock_timeout = 1;\n\n  CREATE INDEX idx_a ON "My T" (a);', 'MS01');
    expect(f!.target).toMatchObject({ line: 3, column: 3 });
    expect(f!.message).toContain('SHARE lock on public.My T (blocks writes)');
    expect(f!.fix!.sql).toBe('CREATE INDEX CONCURRENTLY idx_a ON "My T" (a);');
    expect(f!.fix!.alembic).toContain('with op.get_context().autocommit_block():\n    op.create_index("idx_a", "My T", ["a"], postgresql_concurrently=True)');
  });
  it('MS07 gives the multi-step NOT NULL recipe with quoted identifiers', async () => {
    const [f] = await sqlFindings('ALTER TABLE "Order" ALTER COLUMN "user" SET NOT NULL;', 'MS07');
    expect(f!.message).toMatch(/ACCESS EXCLUSIVE.*scans the whole table/);
    expect(f!.fix!.sql).toContain('ALTER TABLE "Order" ADD CONSTRAINT "Order_user_not_null" CHECK ("user" IS NOT NULL) NOT VALID;');
    expect(f!.fix!.sql).toContain('VALIDATE CONSTRAINT "Order_user_not_null"');
    expect(f!.fix!.alembic).toContain('postgresql_not_valid=True');
    expect(f!.fix!.alembic).toContain('op.alter_column("Order", "user", nullable=False)');
    expect(f!.fix!.steps!.length).toBe(4);
  });
  it('MS08 says why: volatile function vs PG version', async () => {
    const [v] = await sqlFindings('ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid();', 'MS08');
    expect(v!.message).toContain('gen_random_uuid() is volatile');
    expect(v!.message).toContain('rewrites the whole table');
    const [old] = await sqlFindings('ALTER TABLE t ADD COLUMN c int DEFAULT 0;', 'MS08', { pgVersion: 10 });
    expect(old!.message).toContain('on PostgreSQL 10 any non-NULL default rewrites');
    expect(old!.fix!.sql).toContain('SET DEFAULT 0');
  });
  it('MS10 knows the old type from the same file', async () => {
    const [f] = await sqlFindings('CREATE TABLE x (a int); ALTER TABLE t ALTER COLUMN a TYPE bigint;', 'MS10');
    expect(f!.severity).toBe('warning');
    expect(f!.message).toContain('old type of a is unknown');
  });
  it('MS16 is reported once per file', async () => {
    expect(await sqlFindings('ALTER TABLE t ADD COLUMN a int; ALTER TABLE u ADD COLUMN b int; DROP INDEX i;', 'MS16')).toHaveLength(1);
  });
  it('MS03 names the BEGIN line', async () => {
    const [f] = await sqlFindings('BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;', 'MS03');
    expect(f!.message).toContain('BEGIN on line 1');
    expect(f!.target.line).toBe(2);
  });
});
