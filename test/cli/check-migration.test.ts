import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ajvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { isUserError } from '../../src/core/errors.js';
import { MAX_FILE_BYTES } from '../../src/core/migrations/index.js';
import { SERVER_URL, serverAvailable } from '../helpers/server.js';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  try {
    const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), env });
    return { code, out, err };
  } catch (e) {
    if (!isUserError(e)) throw e;
    return { code: e.exitCode, out, err: `tablewright: ${e.message}\n` };
  }
}

type Validator = { (data: unknown): boolean; errors?: unknown[] | null };
const Ajv = (ajvDraft04 as unknown as { default: new (o: object) => { compile(schema: object): Validator } }).default;
const sarifSchema = JSON.parse(readFileSync(join(process.cwd(), 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

const SQL = 'test/fixtures/migrations/sql';
const TWO_HEADS = 'test/fixtures/migrations/alembic-two-heads/versions';

describe('tablewright check-migration', () => {
  it('a clean file exits 0; an unsafe one exits 1 with the finding, the lock and the fix', async () => {
    expect((await cli(['check-migration', `${SQL}/0001_safe.sql`])).code).toBe(0);
    const r = await cli(['check-migration', `${SQL}/0002_unsafe.sql`]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`MS09 add-column-required  ${SQL}/0002_unsafe.sql:2:1`);
    expect(r.out).toContain(`MS24 work-under-access-exclusive  ${SQL}/0002_unsafe.sql:3:1`);
    expect(r.out).toContain('fix: ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;');
  });
  it('--fail-on error ignores warnings for the exit code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-cm-'));
    writeFileSync(join(dir, 'w.sql'), 'DROP INDEX i;\n');
    expect((await cli(['check-migration', join(dir, 'w.sql')])).code).toBe(1);
    expect((await cli(['check-migration', join(dir, 'w.sql'), '--fail-on', 'error'])).code).toBe(0);
  });
  it('JSON uses the rules core shape: ruleId and 1-based line/column in target; syntax errors and ignores included', async () => {
    const r = await cli(['check-migration', `${SQL}/0003_broken.sql`, '--format', 'json']);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['tool', 'version', 'findings', 'notRun']);
    expect(j.findings.map((f: { ruleId: string; target: { line: number; column: number } }) => [f.ruleId, f.target.line, f.target.column])).toEqual([
      ['BC01', 1, 1], ['MS16', 1, 1], ['MS17', 1, 1], ['syntax-error', 2, 7],
    ]);
    expect(j.notRun[0].ruleId).toBe('BC08');
  });
  it('checks a directory of SQL files, and Alembic files with positions in the .py file', async () => {
    const r = await cli(['check-migration', SQL, TWO_HEADS, '--format', 'json']);
    const j = JSON.parse(r.out);
    const files = new Set(j.findings.map((f: { target: { file: string } }) => f.target.file));
    expect([...files].some((f) => String(f).endsWith('0003_email_index.py'))).toBe(true);
    const idx = j.findings.find((f: { ruleId: string; target: { file: string } }) => f.ruleId === 'MS01' && f.target.file.endsWith('0003_email_index.py'));
    expect(idx.target).toMatchObject({ line: 16, column: 5 });
    expect(idx.fix.alembic).toContain('postgresql_concurrently=True');
    // __init__.py is not a migration and is skipped with a note, not an error
    expect(r.err).toContain('__init__.py: not an Alembic migration');
  });
  it('the text output shows the Alembic fix for .py files', async () => {
    const r = await cli(['check-migration', `${TWO_HEADS}/0003_email_index.py`]);
    expect(r.out).toContain('fix: with op.get_context().autocommit_block():');
  });
  it('SARIF validates against the 2.1.0 schema and points at file, line and column', async () => {
    const r = await cli(['check-migration', `${SQL}/0002_unsafe.sql`, '--format', 'sarif']);
    const sarif = JSON.parse(r.out);
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(sarifSchema);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const res = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'MS09');
    expect(res.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: `${SQL}/0002_unsafe.sql` }, region: { startLine: 2, startColumn: 1 } });
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('MS09');
  });
  it('--pg-version changes version-dependent verdicts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-cm-'));
    writeFileSync(join(dir, 'd.sql'), "SET lock_timeout = '1s'; SET statement_timeout = '1min';\nALTER TABLE t ADD COLUMN c int DEFAULT 0;\n");
    expect((await cli(['check-migration', join(dir, 'd.sql')])).code).toBe(0);
    const old = await cli(['check-migration', join(dir, 'd.sql'), '--pg-version', '10']);
    expect(old.code).toBe(1);
    expect(old.out).toContain('on PostgreSQL 10 any non-NULL default rewrites');
    expect((await cli(['check-migration', join(dir, 'd.sql'), '--pg-version', 'x'])).err).toContain('--pg-version x: give a PostgreSQL major version');
  });
  it('--assume-in-transaction makes a lone CONCURRENTLY an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-cm-'));
    writeFileSync(join(dir, 'c.sql'), 'CREATE INDEX CONCURRENTLY i ON t (a);\n');
    const plain = await cli(['check-migration', join(dir, 'c.sql'), '--format', 'json']);
    expect(JSON.parse(plain.out).findings.some((f: { ruleId: string }) => f.ruleId === 'MS03')).toBe(false);
    const wrapped = await cli(['check-migration', join(dir, 'c.sql'), '--assume-in-transaction', '--format', 'json']);
    expect(JSON.parse(wrapped.out).findings.some((f: { ruleId: string }) => f.ruleId === 'MS03')).toBe(true);
  });
  it('bad input: missing path, binary, huge, non-migration Python — one line, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-cm-'));
    writeFileSync(join(dir, 'bin.sql'), Buffer.from([0x53, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'huge.sql'), Buffer.alloc(MAX_FILE_BYTES + 10, 0x20));
    writeFileSync(join(dir, 'env.py'), 'from alembic import context\ncontext.configure()\n');
    for (const [arg, msg] of [['nope.sql', 'nope.sql: no such file or directory'], [join(dir, 'bin.sql'), 'refused: it is a binary file'], [join(dir, 'huge.sql'), 'larger than the 5 MB limit'], [join(dir, 'env.py'), 'env.py: not an Alembic migration']]) {
      const r = await cli(['check-migration', arg!]);
      expect(r.code, arg).toBe(2);
      expect(r.err).toContain(msg);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect((await cli(['check-migration'])).err).toContain('needs at least one FILE or DIR');
  });
  it('a .tablewright.json can set migration rule severities next to schema rules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-cm-'));
    writeFileSync(join(dir, 'cfg.json'), JSON.stringify({ rules: { MS02: 'off', IX01: 'warning' } }));
    writeFileSync(join(dir, 'w.sql'), "SET lock_timeout = '1s';\nDROP INDEX CONCURRENTLY i;\nDROP INDEX j;\n");
    const r = await cli(['check-migration', join(dir, 'w.sql'), '--config', join(dir, 'cfg.json'), '--format', 'json']);
    expect(JSON.parse(r.out).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('MS02');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ rules: { MS99: 'off' } }));
    expect((await cli(['check-migration', join(dir, 'w.sql'), '--config', join(dir, 'bad.json')])).err).toMatch(/"rules\.MS99" is not a rule id/);
  });
  it.skipIf(!serverAvailable)('with --url, reads the live schema, so the snapshot-only part of BC08 runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-cm-'));
    writeFileSync(join(dir, 'x.sql'), "SET lock_timeout = '1s'; SET statement_timeout = '1min';\nALTER TABLE pg_temp_nonexistent ADD COLUMN c int DEFAULT 0;\n");
    const r = await cli(['check-migration', join(dir, 'x.sql'), '--url', `${SERVER_URL}?sslmode=disable`, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).notRun).toEqual([]);
  });
});

describe('tablewright migrations status', () => {
  it('prints heads, the branch point and the empty downgrade; exits 1', async () => {
    const r = await cli(['migrations', 'status', '--dir', TWO_HEADS]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('4 revision(s), 2 head(s): c3000003, d4000004');
    expect(r.out).toContain('branch point b2000002 → c3000003, d4000004');
    expect(r.out).toContain('empty downgrade(): c3000003');
    expect(r.out).toContain("merge them: alembic merge -m 'merge heads' c3000003 d4000004");
  });
  it('JSON output and usage errors', async () => {
    const j = JSON.parse((await cli(['migrations', 'status', '--dir', TWO_HEADS, '--format', 'json'])).out);
    expect(j.heads).toHaveLength(2);
    expect((await cli(['migrations', 'stat', '--dir', TWO_HEADS])).err).toContain('unknown migrations subcommand "stat"');
    expect((await cli(['migrations', 'status', '--dir', 'nope'])).code).toBe(2);
  });
});
