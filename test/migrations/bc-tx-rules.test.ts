import { describe, expect, it } from 'vitest';
import { checkMigrationText, type CheckOptions } from '../../src/core/migrations/index.js';
import { emptyConfig } from '../../src/core/rules/config.js';
import { sqlFindings } from './helpers.js';

interface Case { sql: string; o?: CheckOptions }
const T = (sql: string, o?: CheckOptions): Case => ({ sql, o });

/** rules.md §3.2 (BC) and §3.3 (TX): flagged SQL and near-misses. */
const CASES: Record<string, { bad: Case[]; ok: Case[] }> = {
  BC01: { bad: [T('ALTER TABLE t DROP COLUMN a;')], ok: [T('CREATE TABLE t (a int, b int); ALTER TABLE t DROP COLUMN a;')] },
  BC02: { bad: [T('DROP TABLE t;'), T('DROP TABLE IF EXISTS s.t CASCADE;')], ok: [T('CREATE TABLE t (a int); DROP TABLE t;')] },
  BC03: { bad: [T('DROP SCHEMA s CASCADE;'), T('DROP DATABASE d;')], ok: [T('DROP TABLE IF EXISTS x; CREATE SCHEMA s;')] },
  BC04: { bad: [T('ALTER TABLE t RENAME COLUMN a TO b;')], ok: [T('CREATE TABLE t (a int); ALTER TABLE t RENAME COLUMN a TO b;')] },
  BC05: { bad: [T('ALTER TABLE t RENAME TO u;')], ok: [T('CREATE TABLE t (a int); ALTER TABLE t RENAME TO u;'), T('ALTER INDEX i RENAME TO j;')] },
  BC06: { bad: [T('ALTER SCHEMA s RENAME TO r;'), T("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';")], ok: [T("ALTER TYPE mood ADD VALUE 'meh';")] },
  BC07: { bad: [T('ALTER TABLE t ALTER COLUMN a DROP NOT NULL;')], ok: [T('ALTER TABLE t ALTER COLUMN a SET DEFAULT 1;')] },
  BC08: { bad: [], ok: [T('ALTER TABLE t DROP CONSTRAINT t_a_fkey;'), T('ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID; ALTER TABLE t DROP CONSTRAINT c;')] },
  BC09: { bad: [T('ALTER TABLE t ALTER COLUMN a TYPE text;')], ok: [T('CREATE TABLE t (a varchar(5)); ALTER TABLE t ALTER COLUMN a TYPE text;')] },
  TX01: { bad: [T('BEGIN; BEGIN; SELECT 1; COMMIT;'), T('BEGIN; SELECT 1; COMMIT;', { assumeInTransaction: true }), T('COMMIT;')], ok: [T('BEGIN; SELECT 1; COMMIT; BEGIN; SELECT 2; COMMIT;')] },
  TX02: { bad: [T('BEGIN; ALTER TABLE t ADD COLUMN a int;')], ok: [T('BEGIN; ALTER TABLE t ADD COLUMN a int; COMMIT;'), T('START TRANSACTION; SELECT 1; ROLLBACK;')] },
};

describe('BC and TX rules on SQL', () => {
  for (const [rule, { bad, ok }] of Object.entries(CASES)) {
    describe(rule, () => {
      for (const c of bad) it(`flags: ${c.sql}`, async () => expect((await sqlFindings(c.sql, rule, c.o)).length).toBeGreaterThan(0));
      for (const c of ok) it(`passes: ${c.sql}`, async () => expect(await sqlFindings(c.sql, rule, c.o)).toEqual([]));
    });
  }
  it('TX02 points at the BEGIN', async () => {
    const [f] = await sqlFindings('SELECT 1;\nBEGIN;\nALTER TABLE t ADD COLUMN a int;\n', 'TX02');
    expect(f!.target.line).toBe(2);
    expect(f!.fix!.sql).toBe('COMMIT;');
  });
  it('TX03 is off by default and runs when enabled', async () => {
    expect(await sqlFindings('CREATE TABLE t (a int);', 'TX03')).toEqual([]);
    const config = { ...emptyConfig(), rules: { TX03: { enabled: true } } };
    expect(await sqlFindings('CREATE TABLE t (a int);', 'TX03', { config })).toHaveLength(1);
    expect(await sqlFindings('CREATE TABLE IF NOT EXISTS t (a int);', 'TX03', { config })).toEqual([]);
    expect(await sqlFindings('CREATE TABLE t (a int);', 'TX03', { config, assumeInTransaction: true })).toEqual([]);
  });
});

describe('syntax errors, ignores and configuration', () => {
  it('a statement that does not parse is a syntax finding at the parser position; the rest is still checked', async () => {
    const f = await checkMigrationText('m.sql', 'CREATE INDEX i ON t (a);\nALTER TABLEX t ADD COLUMN x int;\nALTER TABLE t DROP COLUMN b;\n');
    const syn = f.find((x) => x.ruleId === 'syntax-error')!;
    expect(syn.message).toBe('syntax error at or near "TABLEX"');
    expect(syn.target).toMatchObject({ line: 2, column: 7 });
    expect(f.map((x) => x.ruleId)).toEqual(expect.arrayContaining(['MS01', 'BC01']));
  });
  it('an unterminated string is one syntax finding, not a crash', async () => {
    const f = await checkMigrationText('m.sql', "ALTER TABLE t ADD COLUMN c text DEFAULT 'oops;\n");
    expect(f.map((x) => x.ruleId)).toEqual(['syntax-error']);
    expect(f[0]!.message).toContain('unterminated');
  });
  it('semicolons inside dollar quotes do not split statements when recovering', async () => {
    const f = await checkMigrationText('m.sql', 'SELEC 1;\nCREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN; RETURN 1; END $$;\nDROP TABLE t;\n');
    expect(f.filter((x) => x.ruleId === 'syntax-error')).toHaveLength(1);
    expect(f.find((x) => x.ruleId === 'BC02')!.target.line).toBe(3);
  });
  it('positions count characters, not UTF-8 bytes', async () => {
    const [f] = await sqlFindings("SELECT 'héllo wörld'; DROP TABLE t;", 'BC02');
    expect(f!.target).toMatchObject({ line: 1, column: 23 });
  });
  it('-- tablewright:ignore on the line before, or trailing, silences the named rules only', async () => {
    const sql = '-- tablewright:ignore MS01\nCREATE INDEX i ON t (a);\nCREATE INDEX j ON t (b); -- tablewright:ignore MS01, MS16\nCREATE INDEX k ON t (c);\n';
    const f = await checkMigrationText('m.sql', sql);
    expect(f.filter((x) => x.ruleId === 'MS01').map((x) => x.target.line)).toEqual([4]);
    expect(f.filter((x) => x.ruleId === 'MS16').map((x) => x.target.line)).toEqual([2]);
  });
  it('squawk-ignore comments with squawk rule names are honoured', async () => {
    const f = await checkMigrationText('m.sql', '-- squawk-ignore require-concurrent-index-creation\nCREATE INDEX i ON t (a);\n');
    expect(f.filter((x) => x.ruleId === 'MS01')).toEqual([]);
  });
  it('configuration can turn a rule off or change its severity', async () => {
    const config = { ...emptyConfig(), rules: { MS01: { enabled: false }, BC01: { severity: 'info' as const } } };
    const f = await checkMigrationText('m.sql', 'CREATE INDEX i ON t (a); ALTER TABLE t DROP COLUMN b;', { config });
    expect(f.some((x) => x.ruleId === 'MS01')).toBe(false);
    expect(f.find((x) => x.ruleId === 'BC01')!.severity).toBe('info');
  });
});
