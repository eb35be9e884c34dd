import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { renderModels, type ModelsOutput } from '../../src/core/codegen/sqlalchemy/module.js';
import { readSnapshot, type SchemaSnapshot } from '../../src/core/introspect/index.js';
import { PYTHON, pythonAvailable } from '../helpers/python.js';
import { describeServer, scratchDatabase } from '../helpers/server.js';
import { loadHostileSchema, ruffClean, structural } from './reflect-checks.js';

const SCHEMAS = ['public', 'analytics', 'audit', 'hostile', 'Sales'];

describeServer('reflect: generated SQLAlchemy models import, map, recreate the schema and satisfy Alembic', () => {
  let source: Awaited<ReturnType<typeof scratchDatabase>>;
  let target: Awaited<ReturnType<typeof scratchDatabase>>;
  let src: Connection;
  let snap: SchemaSnapshot;
  let models: ModelsOutput;
  let dir: string;
  const url = (db: string) => `postgresql+psycopg://postgres@127.0.0.1:5432/${db}`;

  beforeAll(async () => {
    if (!pythonAvailable) throw new Error('the Python venv is required for the reflect round trip (run .ci/run)');
    source = await scratchDatabase('tw_reflect_src');
    target = await scratchDatabase('tw_reflect_dst');
    src = await source.open({ write: true });
    await loadHostileSchema(src);
    snap = await readSnapshot(src, { stats: false });
    models = renderModels(snap);
    dir = mkdtempSync(join(tmpdir(), 'tw-reflect-'));
    writeFileSync(join(dir, 'models.py'), models.source);
    writeFileSync(join(dir, 'prerequisites.json'), JSON.stringify(models.prerequisites));
  }, 120_000);
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  it('is ruff clean and ruff-formatted', () => {
    ruffClean(join(dir, 'models.py'));
  });
  it('imports with warnings as errors and configures every mapper', () => {
    const out = spawnSync(PYTHON, [join(process.cwd(), 'test', 'python', 'check_models.py'), join(dir, 'models.py')], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    const j = JSON.parse(out.stdout);
    expect(j.classes).toEqual(expect.arrayContaining(['Base_', 'Datetime', 'Customer', 'SalesCustomer', 'Order', 'OrderItem', 'Category']));
    expect(j.tables).toContain('newsletter_signups');
    expect(j.tables).toContain('Sales.customers');
    expect(j.tables).not.toContain('customer_order_summary');
  });
  it('recreates the schema with create_all, equal to the source apart from the listed warnings', async () => {
    const out = spawnSync(PYTHON, [join(process.cwd(), 'test', 'python', 'check_models.py'), join(dir, 'models.py'), '--create-all', url(target.name), '--prerequisites', join(dir, 'prerequisites.json')], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    const dst = await target.open();
    const copy = await readSnapshot(dst, { schemas: SCHEMAS, stats: false });
    const want = structural(await readSnapshot(src, { schemas: SCHEMAS, stats: false }));
    expect(structural(copy)).toEqual(want);
  });
  it('leaves Alembic autogenerate nothing to do against the source database', () => {
    const partitions = Object.entries(snap.schemas).flatMap(([s, x]) => Object.values(x.tables).filter((t) => t.partition?.parent).map((t) => `${s}.${t.name}`));
    expect(partitions.length).toBeGreaterThan(0);
    const out = spawnSync(PYTHON, [join(process.cwd(), 'test', 'python', 'check_models.py'), join(dir, 'models.py'), '--compare', url(source.name), '--schemas', SCHEMAS.join(','), '--ignore-tables', partitions.join(',')], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout).diffs).toEqual([]);
  });
  it('is a fixed point: the recreated schema (plus its views, which migrations own) generates the same module', async () => {
    const dst = await target.open({ write: true });
    for (const [schema, s] of Object.entries(snap.schemas)) {
      for (const [kind, map] of [['VIEW', s.views], ['MATERIALIZED VIEW', s.materializedViews]] as const) {
        for (const name of Object.keys(map)) {
          const q = `"${schema}"."${name}"`;
          const def = (await src.query<{ d: string }>(`SELECT pg_get_viewdef('${q.replace(/'/g, "''")}'::regclass, true) AS d`)).rows[0]!.d;
          await dst.exec(`CREATE ${kind} ${q} AS ${def}`);
        }
      }
    }
    const again = renderModels(await readSnapshot(dst, { stats: false }));
    expect(again.source).toBe(models.source);
  });
  it('lists what it cannot express, and the prerequisites create_all needs', () => {
    const msgs = models.warnings.map((w) => `${w.table} ${w.message}`);
    expect(msgs.some((m) => /public\.support_tickets row-level security is enabled/.test(m))).toBe(true);
    expect(msgs.some((m) => /analytics\.events partitions are not mapped/.test(m))).toBe(true);
    expect(msgs.some((m) => /public\.newsletter_signups has no primary key/.test(m))).toBe(true);
    expect(models.prerequisites).toEqual(expect.arrayContaining(['CREATE SCHEMA IF NOT EXISTS analytics;', 'CREATE SCHEMA IF NOT EXISTS "Sales";']));
  });
});
