import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reflect, packageInit } from '../../src/core/codegen/reflect/index.js';
import { writePython } from '../../src/core/codegen/python-writer.js';
import { DEMO_LATE_SQL, DEMO_SCHEMA_SQL } from '../../src/core/demo/schema-sql.js';
import { readSnapshot } from '../../src/core/introspect/index.js';
import { PYTHON, pythonAvailable } from '../helpers/python.js';
import { describeServer, scratchDatabase } from '../helpers/server.js';

const SCRIPT = String.raw`
import asyncio
import os

from app.models.db import SessionLocal, engine
from app.models.models import OrderStatus
from app.models.repositories import CountryRepository, CustomerRepository, OrderRepository, ProductRepository, CategoryRepository
from app.models.schemas import (
    CategoryCreate, CountryCreate, CustomerCreate, CustomerRead, CustomerUpdate, OrderCreate, OrderRead, ProductCreate, ProductRead,
)


async def main() -> None:
    async with SessionLocal() as session:
        await CountryRepository(session).create(CountryCreate(code="IE", name="Ireland"))
        customers = CustomerRepository(session)
        c = await customers.create(CustomerCreate(email="ada@example.com", full_name="Ada"))
        read = CustomerRead.model_validate(c)
        assert read.email == "ada@example.com" and read.id is not None and read.tags == [], read
        c = await customers.update(c, CustomerUpdate(full_name="Ada Lovelace", country_code="IE"))
        assert CustomerRead.model_validate(c).full_name == "Ada Lovelace"
        assert (await customers.get(c.id)).country.name == "Ireland"
        assert await customers.count() == 1
        assert [x.email for x in await customers.list(limit=10)] == ["ada@example.com"]
        cat = await CategoryRepository(session).create(CategoryCreate(name="Books", slug="books"))
        products = ProductRepository(session)
        p = await products.create(ProductCreate(sku="SKU-1", name="Novel", category_id=cat.id, price="12.50"))
        assert ProductRead.model_validate(p).search_text, "generated column read back"
        assert (await products.get_by_sku("SKU-1")).category.slug == "books"
        orders = OrderRepository(session)
        o = await orders.create(OrderCreate(customer_id=c.id))
        assert OrderRead.model_validate(o).status is OrderStatus.PENDING
        await orders.delete(o)
        await customers.delete(c)
        assert await customers.count() == 0
        await session.commit()
    await engine.dispose()
    print("crud ok")


asyncio.run(main())
`;

describeServer('reflect --pydantic --repositories --fastapi: the generated code runs end to end with asyncpg', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  let root: string;
  beforeAll(async () => {
    if (!pythonAvailable) throw new Error('the Python venv is required (run .ci/run)');
    db = await scratchDatabase('tw_reflect_crud');
    const conn = await db.open({ write: true });
    await conn.exec(DEMO_SCHEMA_SQL);
    await conn.exec(DEMO_LATE_SQL);
    const out = reflect(await readSnapshot(conn, { stats: false }), { pydantic: true, repositories: true, fastapi: true });
    root = mkdtempSync(join(tmpdir(), 'tw-crud-'));
    mkdirSync(join(root, 'app'));
    writeFileSync(join(root, 'app', '__init__.py'), '');
    writePython(join(root, 'app', 'models'), [...out.files, packageInit(out.files[0]!.contents)], { tool: 'reflect' });
  });
  afterAll(() => db?.drop());

  it('writes models, schemas, repositories and db modules that are ruff clean and formatted', () => {
    const ruff = join(process.cwd(), '.venv', 'bin', 'ruff');
    const pkg = join(root, 'app', 'models');
    const check = spawnSync(ruff, ['check', '--no-cache', '--select', 'E4,E7,E9,F,W,I', pkg], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toContain('All checks passed');
    const format = spawnSync(ruff, ['format', '--no-cache', '--check', pkg], { encoding: 'utf8' });
    expect(format.stdout).toContain('5 files already formatted');
  });
  it('creates, reads, updates, lists, counts and deletes through the repositories', () => {
    const r = spawnSync(PYTHON, ['-W', 'error', '-c', SCRIPT], {
      cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: `postgresql+asyncpg://postgres@127.0.0.1:5432/${db.name}` },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('crud ok');
  });
});
