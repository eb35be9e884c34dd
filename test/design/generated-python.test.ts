import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyDesign, applyFields, detectLayout, draftMigration, emptyDraft, evaluate, generateFiles, writeDesign, alembicHead, type Evaluated } from '../../src/core/design/index.js';
import type { Connection } from '../../src/core/db/connection.js';
import { readSnapshot, type SchemaSnapshot } from '../../src/core/introspect/index.js';
import { PYTHON, describePython } from '../helpers/python.js';
import { describeServer, scratchDatabase } from '../helpers/server.js';

const BASE = `CREATE TABLE public.categories (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  slug text NOT NULL UNIQUE
)`;

const ENV_PY = `import os

from alembic import context
from sqlalchemy import create_engine

engine = create_engine(os.environ["DATABASE_URL"])
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
`;

const BASE_REVISION = `revision = "0001_base"
down_revision = None
branch_labels = None
depends_on = None

from alembic import op


def upgrade() -> None:
    op.execute("""${BASE}""")


def downgrade() -> None:
    op.execute("DROP TABLE public.categories")
`;

const CRUD = String.raw`
import asyncio
import os

from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from shop.models import ProductsStatus
from shop.repositories import ProductRepository
from shop.schemas import ProductCreate, ProductRead, ProductUpdate


async def main() -> None:
    # Pydantic: required and optional fields as designed, unknown fields refused
    for bad in ({"name": "x", "price": "1.00", "category_id": 1}, {"sku": "a", "name": "x", "price": "1.00", "category_id": 1, "colour": "red"}):
        try:
            ProductCreate(**bad)
        except ValidationError:
            pass
        else:
            raise AssertionError(f"accepted {bad}")
    assert ProductUpdate().model_dump(exclude_unset=True) == {}
    engine = create_async_engine(os.environ["ASYNC_URL"])
    session_factory = async_sessionmaker(engine, expire_on_commit=False)
    async with session_factory() as session:
        cat = (await session.execute(text("INSERT INTO categories (name, slug) VALUES ('Books', 'books') RETURNING id"))).scalar_one()
        repo = ProductRepository(session)
        p = await repo.create(ProductCreate(sku="SKU-1", name="Novel", price="12.50", category_id=cat))
        read = ProductRead.model_validate(p)
        assert read.status is ProductsStatus.DRAFT and read.created_at is not None and read.deleted_at is None, read
        p = await repo.update(p, ProductUpdate(status=ProductsStatus.ACTIVE))
        assert (await repo.get_by_sku("SKU-1")).status is ProductsStatus.ACTIVE
        assert await repo.count() == 1 and [x.sku for x in await repo.list()] == ["SKU-1"]
        await repo.delete(p)
        assert await repo.count() == 0
        await session.commit()
        ops = (await session.execute(text("SELECT operation FROM audit_log WHERE table_name = 'public.products' ORDER BY id"))).scalars().all()
        assert ops == ["INSERT", "UPDATE", "DELETE"], ops
    await engine.dispose()
    print("crud ok")


asyncio.run(main())
`;

const tableOf = (snap: SchemaSnapshot, name: string) => snap.schemas.public!.tables[name];

function py(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(PYTHON, args, { cwd, encoding: 'utf8', env: { ...process.env, PYTHONPATH: cwd, ...env } });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describeServer('new-table output on a real server', () => describePython('the generated files run', () => {
  let source: Awaited<ReturnType<typeof scratchDatabase>>;
  let target: Awaited<ReturnType<typeof scratchDatabase>>;
  let conn: Connection;
  let ev: Evaluated;
  let project: string;
  let env: Record<string, string>;
  let revisionPath: string;

  beforeAll(async () => {
    source = await scratchDatabase('tw_wizard_src');
    target = await scratchDatabase('tw_wizard_dst');
    conn = await source.open({ write: true });
    await conn.query(BASE);
    const snap = await readSnapshot(conn, { stats: false });
    const draft = {
      ...applyFields(emptyDraft('products', 'public', 'a1b2c3d4e5f6'), "sku:str:unique,name:str,price:numeric(12,2):check(price >= 0),status:enum(draft|active|archived)='draft',category_id:fk(categories, cascade),attributes:jsonb='{}'::jsonb,notes:text?"),
      softDelete: true,
      audit: true,
      indexes: [{ columns: ['status'], unique: false, where: 'deleted_at IS NULL' }],
    };
    ev = await conn.withSession((s) => evaluate(s, snap, draft));
    project = mkdtempSync(join(tmpdir(), 'wizard-py-'));
    mkdirSync(join(project, 'alembic', 'versions'), { recursive: true });
    writeFileSync(join(project, 'alembic.ini'), '[alembic]\nscript_location = alembic\n');
    writeFileSync(join(project, 'alembic', 'env.py'), ENV_PY);
    writeFileSync(join(project, 'alembic', 'versions', '0001_base.py'), BASE_REVISION);
    const layout = detectLayout(project, 'products', join(project, 'shop'));
    const head = await alembicHead(layout.dirs.versions);
    const { files } = generateFiles(ev, { downRevision: head, createDate: '2026-01-01 00:00:00' });
    writeDesign(layout, files);
    revisionPath = join(project, 'alembic', 'versions', 'a1b2c3d4e5f6_create_products.py');
    // a second design in the same project: uuid key, a nullable SET NULL reference, chained after the first
    const tags = { ...applyFields(emptyDraft('tags', 'public', 'b2c3d4e5f6a1'), 'label:varchar(40):unique,weight:float?,category_id:fk(categories, set null):null'), pk: 'uuid' as const, timestamps: false };
    const tagsEv = await conn.withSession((s) => evaluate(s, snap, tags));
    expect(tagsEv.problems).toEqual([]);
    const tagsLayout = detectLayout(project, 'tags', join(project, 'shop_tags'));
    writeDesign(tagsLayout, generateFiles(tagsEv, { downRevision: await alembicHead(tagsLayout.dirs.versions) }).files);
    const db = new URL(target.url).pathname.slice(1);
    env = { DATABASE_URL: `postgresql+psycopg://postgres@127.0.0.1:5432/${db}`, ASYNC_URL: `postgresql+asyncpg://postgres@127.0.0.1:5432/${db}` };
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  it('has no problems and a clean checklist for a well-designed table', () => {
    expect(ev.problems).toEqual([]);
    expect(ev.table.foreignKeys[0]).toMatchObject({ name: 'products_category_id_fkey', references: { table: 'public.categories', columns: ['id'] }, onDelete: 'CASCADE' });
  });

  it('chains the revision to the project head; upgrade → downgrade → upgrade leaves exactly the designed schema', async () => {
    const rev = readFileSync(revisionPath, 'utf8');
    expect(rev).toContain('down_revision = "0001_base"');
    expect(readFileSync(join(project, 'alembic', 'versions', 'b2c3d4e5f6a1_create_tags.py'), 'utf8')).toContain('down_revision = "a1b2c3d4e5f6"');
    for (const step of [['upgrade', 'head'], ['downgrade', '0001_base'], ['upgrade', 'head']]) {
      const r = py(['-m', 'alembic', '-c', 'alembic.ini', ...step], project, env);
      expect(r.status, r.out).toBe(0);
      if (step[0] === 'downgrade') {
        const c = await target.open();
        const after = await readSnapshot(c, { stats: false });
        // the audit trail was created by this revision, so its downgrade removes it too
        expect(Object.keys(after.schemas.public!.tables).sort()).toEqual(['alembic_version', 'categories']);
        expect(after.schemas.public!.tables.categories!.columns.map((x) => x.name)).toEqual(['id', 'name', 'slug']);
        expect(Object.keys(after.schemas.public!.types)).toEqual([]);
        expect(Object.keys(after.schemas.public!.functions)).toEqual([]);
        await c.close();
      }
    }
    // the same draft applied as SQL to the source database: both must read back identically
    await applyDesign(conn, draftMigration(ev).upgrade, { revision: ev.draft.revision });
    const viaSql = await readSnapshot(conn, { stats: false, definitions: 'eager' });
    const c = await target.open();
    const viaAlembic = await readSnapshot(c, { stats: false, definitions: 'eager' });
    await c.close();
    expect(tableOf(viaAlembic, 'products')).toEqual(tableOf(viaSql, 'products'));
    expect(viaAlembic.schemas.public!.types).toEqual(viaSql.schemas.public!.types);
    // and what the database holds is what the draft said, constraint names included
    const t = tableOf(viaSql, 'products')!;
    expect(t.columns.map((x) => [x.name, x.type, x.notNull])).toEqual(ev.table.columns.map((x) => [x.name, x.type, x.notNull]));
    expect(t.indexes.map((i) => i.name).sort()).toEqual(ev.table.indexes.map((i) => i.name).sort());
    expect([t.primaryKey!.name, ...t.uniques.map((u) => u.name), ...t.checks.map((x) => x.name), ...t.foreignKeys.map((f) => f.name)])
      .toEqual([ev.table.primaryKey!.name, ...ev.table.uniques.map((u) => u.name), ...ev.table.checks.map((x) => x.name), ...ev.table.foreignKeys.map((f) => f.name)]);
    expect(t.triggers.map((x) => x.name).sort()).toEqual(['products_audit', 'products_set_updated_at']);
    expect(tableOf(viaAlembic, 'audit_log')).toEqual(tableOf(viaSql, 'audit_log'));
    expect(tableOf(viaAlembic, 'tags')!.columns.map((x) => `${x.name} ${x.type} ${x.default ?? ''}`)).toEqual(['id uuid gen_random_uuid()', 'label character varying(40) ', 'weight double precision ', 'category_id bigint ']);
  });

  it('the model imports and maps with warnings as errors, and ruff finds nothing', () => {
    const r = py(['-W', 'error', '-c', 'import shop.models, shop.schemas, shop.repositories, shop_tags.models, shop_tags.repositories\nfrom sqlalchemy.orm import configure_mappers\nconfigure_mappers()\nprint("mapped")'], project);
    expect(r.out).toContain('mapped');
    const ruff = spawnSync(join(PYTHON, '..', 'ruff'), ['check', '--select', 'F,E9', 'shop', 'shop_tags', 'alembic/versions'], { cwd: project, encoding: 'utf8' });
    expect(ruff.status, ruff.stdout + ruff.stderr).toBe(0);
  });

  it('Pydantic validates payloads as designed and the repository does CRUD through asyncpg', () => {
    const r = py(['-c', CRUD], project, env);
    expect(r.out).toContain('crud ok');
  });

  it('the generated pytest file passes against the migrated database', () => {
    const r = py(['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'shop/test_products.py', 'shop_tags/test_tags.py'], project, env);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/(\d+) passed/);
    expect(Number(/(\d+) passed/.exec(r.out)![1])).toBeGreaterThanOrEqual(11);
    expect(r.out).not.toMatch(/skipped|failed/);
  });
}));
