import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { readDiffSnapshot } from '../../src/core/diff/index.js';
import { serializeSnapshot } from '../../src/core/introspect/index.js';
import { demoTemplate, openEmptyEmbedded } from '../helpers/demo.js';
import { resetDatabase } from './replay.js';
import { PYTHON, pythonAvailable } from '../helpers/python.js';

async function cli(argv: string[], env: NodeJS.ProcessEnv) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), env });
  return { code, out, err };
}

const A = `CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE people (id int PRIMARY KEY, full_name text, m mood);`;
const B = `CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE people (id int PRIMARY KEY, full_name text, m mood, born date);
  CREATE INDEX people_born_idx ON people (born) WHERE born IS NOT NULL;`;
const RENAMED = `CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE people (id int PRIMARY KEY, display_name text, m mood);`;

describe('tablewright diff', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const file = (name: string) => join(dir, name);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tw-diff-cli-'));
    const cache = join(dir, 'cache');
    mkdirSync(cache);
    cpSync(demoTemplate(), join(cache, 'demo'), { recursive: true });
    env = { TW_CACHE_DIR: cache };
    // snapshot files of the schemas, from one shared scratch database
    const db = await openEmptyEmbedded();
    try {
      for (const [name, sql] of [['a', A], ['b', B], ['renamed', RENAMED]] as const) {
        await resetDatabase(db.conn);
        await db.conn.exec(sql);
        writeFileSync(file(`${name}.json`), serializeSnapshot(await readDiffSnapshot(db.conn)));
      }
    } finally {
      await db.cleanup();
    }
    writeFileSync(file('b.sql'), B);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the upgrade SQL with safe forms and exits 1 when the schemas differ', async () => {
    const r = await cli(['diff', '--from', file('a.json'), '--to', file('b.json')], env);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`ALTER TYPE "public"."mood" ADD VALUE 'happy' AFTER 'ok';`);
    expect(r.out).toContain('CREATE INDEX CONCURRENTLY "people_born_idx" ON "public"."people" USING btree ("born") WHERE born IS NOT NULL;');
    expect(r.out).toContain('ALTER TABLE "public"."people" ADD COLUMN "born" date;');
    expect(r.err).toContain('add column public.people.born');
  });
  it('exits 0 and says so when nothing differs', async () => {
    const r = await cli(['diff', '--from', file('b.json'), '--to', file('b.json')], env);
    expect(r.code).toBe(0);
    expect(r.err).toContain('no changes');
  });
  it('reads a .sql schema by applying it to a scratch database: same schema, no changes', async () => {
    const r = await cli(['diff', '--from', file('b.json'), '--to', file('b.sql')], env);
    expect(r.err).toContain('no changes');
    expect(r.code).toBe(0);
  }, 60_000);
  it('names the line and column of an error in a .sql source', async () => {
    writeFileSync(file('bad.sql'), 'CREATE TABLE ok (id int);\nCREATE TABLE broken (id int,, name text);\n');
    await expect(cli(['diff', '--from', file('a.json'), '--to', file('bad.sql')], env)).rejects.toThrow(/bad\.sql at line 2, column 29: syntax error at or near ","/);
  }, 60_000);
  it('refuses a snapshot of another format version, saying how to fix it', async () => {
    writeFileSync(file('old.json'), JSON.stringify({ format: 'tablewright-snapshot/0', schemas: {} }));
    await expect(cli(['diff', '--from', file('old.json'), '--to', file('b.json')], env)).rejects.toThrow(/has format tablewright-snapshot\/0; this Tablewright reads tablewright-snapshot\/1: write it again with tablewright snapshot/);
  });
  it('refuses to guess a rename and lists the --rename flag; the flag makes it a rename', async () => {
    await expect(cli(['diff', '--from', file('a.json'), '--to', file('renamed.json')], env)).rejects.toThrow(/possible renames need a decision: column public\.people\.full_name → display_name: --rename public\.people\.full_name=display_name/);
    const r = await cli(['diff', '--from', file('a.json'), '--to', file('renamed.json'), '--rename', 'public.people.full_name=display_name'], env);
    expect(r.out).toContain('ALTER TABLE "public"."people" RENAME COLUMN "full_name" TO "display_name";');
    const dropAdd = await cli(['diff', '--from', file('a.json'), '--to', file('renamed.json'), '--no-renames'], env);
    expect(dropAdd.out).toContain('DROP COLUMN "full_name"');
    await expect(cli(['diff', '--from', file('a.json'), '--to', file('renamed.json'), '--rename', 'public.people.nme=x'], env)).rejects.toThrow(/no column nme in public\.people \(did you mean/);
  });
  it('writes an Alembic revision into a versions directory, revising its head', async () => {
    const versions = file('versions');
    mkdirSync(versions);
    writeFileSync(join(versions, '0001_base.py'), `revision = "0001"\ndown_revision = None\n\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n`);
    const r = await cli(['diff', '--from', file('a.json'), '--to', file('b.json'), '--format', 'alembic', '--output', versions, '--message', 'add born', '--revision', 'abc123'], env);
    expect(r.code).toBe(1);
    const written = readdirSync(versions).find((f) => f.startsWith('abc123_'))!;
    expect(written).toBe('abc123_add_born.py');
    const py = readFileSync(join(versions, written), 'utf8');
    expect(py).toContain(`down_revision = "0001"`);
    expect(py).toContain('with op.get_context().autocommit_block():');
    expect(py).toMatch(/def downgrade\(\) -> None:[\s\S]*DROP INDEX CONCURRENTLY/);
    // an edited revision is not overwritten without --force
    writeFileSync(join(versions, written), py + '# edited\n');
    await expect(cli(['diff', '--from', file('a.json'), '--to', file('b.json'), '--format', 'alembic', '--output', join(versions, written), '--revision', 'abc123'], env)).rejects.toThrow(/exists and differs; choose another --output or pass --force/);
  });
  it('prints the changes and the plan as JSON', async () => {
    const r = await cli(['diff', '--from', file('a.json'), '--to', file('b.json'), '--format', 'json'], env);
    const j = JSON.parse(r.out);
    expect(j.changes.map((c: { kind: string; action: string }) => `${c.action} ${c.kind}`)).toEqual(['alter enumLabels', 'add column', 'add index']);
    expect(j.plan.upgrade.find((s: { sql: string }) => s.sql.includes('ADD VALUE'))).toMatchObject({ transactional: false });
  });
  it('writes upgrade and downgrade SQL files', async () => {
    const r = await cli(['diff', '--from', file('a.json'), '--to', file('b.json'), '--output', file('m.sql')], env);
    expect(r.code).toBe(1);
    expect(existsSync(file('m.sql')) && existsSync(file('m.down.sql'))).toBe(true);
    expect(readFileSync(file('m.down.sql'), 'utf8')).toContain('DROP COLUMN "born"');
  });
  it('diffs the demo against its own snapshot file: no changes', async () => {
    const snap = await cli(['snapshot', '--demo', '-o', file('demo.json')], env);
    expect(snap.code).toBe(0);
    const r = await cli(['diff', '--demo', '--to', file('demo.json')], env);
    expect(r.err).toContain('no changes');
    expect(r.code).toBe(0);
  }, 60_000);
  it.skipIf(!pythonAvailable)('reads a SQLAlchemy models package through create_all DDL: models matching the schema, no changes', async () => {
    const pkg = file('models');
    mkdirSync(pkg);
    writeFileSync(join(pkg, '__init__.py'), `import enum

from sqlalchemy import Enum, Integer, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Mood(enum.Enum):
    sad = "sad"
    ok = "ok"


class People(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    full_name: Mapped[str | None] = mapped_column(Text)
    m: Mapped[Mood | None] = mapped_column(Enum(Mood, name="mood", values_callable=lambda e: [x.value for x in e]))
`);
    const same = await cli(['diff', '--from', file('a.json'), '--to', `${pkg}/`], { ...env, TW_PYTHON: PYTHON });
    expect(same.err).toContain('no changes');
    const drift = await cli(['diff', '--from', file('b.json'), '--to', `${pkg}/`], { ...env, TW_PYTHON: PYTHON });
    expect(drift.code).toBe(1);
    expect(drift.out).toContain('DROP COLUMN "born"');
    writeFileSync(join(pkg, '__init__.py'), 'import not_installed_anywhere\n');
    await expect(cli(['diff', '--from', file('a.json'), '--to', `${pkg}/`], { ...env, TW_PYTHON: PYTHON })).rejects.toThrow(/importing the models in .*models\/ failed: ModuleNotFoundError: No module named 'not_installed_anywhere'/);
  }, 60_000);
  it('explains a missing --to and a bad --format', async () => {
    await expect(cli(['diff', '--from', file('a.json')], env)).rejects.toThrow(/diff needs --to SOURCE/);
    await expect(cli(['diff', '--from', file('a.json'), '--to', file('b.json'), '--format', 'yaml'], env)).rejects.toThrow(/--format yaml: expected one of sql, alembic, json/);
  });
});
