import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { packageInit, reflect } from '../../src/core/codegen/reflect/index.js';
import { writePython } from '../../src/core/codegen/python-writer.js';
import type { Layout } from '../../src/core/codegen/sqlalchemy/layout.js';
import { readSnapshot, type SchemaSnapshot } from '../../src/core/introspect/index.js';
import { PYTHON, pythonAvailable } from '../helpers/python.js';
import { describeServer, scratchDatabase } from '../helpers/server.js';
import { loadHostileSchema, ruffClean, structural } from './reflect-checks.js';

const CHECK = join(process.cwd(), 'test', 'python', 'check_models.py');
const SCHEMAS = ['public', 'analytics', 'audit', 'hostile', 'Sales'];
const url = (db: string) => `postgresql+psycopg://postgres@127.0.0.1:5432/${db}`;

/** The package reflect writes for `layout` (models/ subpackage + companions + __init__.py). */
function writePackage(snap: SchemaSnapshot, layout: Layout): { dir: string; files: string[]; prerequisites: string[] } {
  const out = reflect(snap, { layout, pydantic: true, repositories: true });
  const dir = join(mkdtempSync(join(tmpdir(), `tw-reflect-${layout}-`)), 'pkg');
  const files = [...out.files, packageInit(out.modelsSource)];
  writePython(dir, files, { tool: 'reflect' });
  writeFileSync(join(dir, '..', 'prerequisites.json'), JSON.stringify(out.prerequisites));
  return { dir, files: files.map((f) => f.path).sort(), prerequisites: out.prerequisites };
}

describeServer('reflect --layout per-schema | per-table: a package that imports, maps and recreates the schema', () => {
  let source: Awaited<ReturnType<typeof scratchDatabase>>;
  const targets: Awaited<ReturnType<typeof scratchDatabase>>[] = [];
  let src: Connection;
  let snap: SchemaSnapshot;
  const pkgs = new Map<Layout, ReturnType<typeof writePackage>>();

  beforeAll(async () => {
    if (!pythonAvailable) throw new Error('the Python venv is required for the reflect layouts (run .ci/run)');
    source = await scratchDatabase('tw_layout_src');
    src = await source.open({ write: true });
    await loadHostileSchema(src);
    snap = await readSnapshot(src, { stats: false });
    for (const layout of ['per-schema', 'per-table'] as const) pkgs.set(layout, writePackage(snap, layout));
  }, 120_000);
  afterAll(async () => {
    await source?.drop();
    for (const t of targets) await t.drop();
  });

  it('per-schema writes base.py plus one module per schema; per-table one module per table, views together', () => {
    expect(pkgs.get('per-schema')!.files.filter((f) => f.startsWith('models/'))).toEqual(
      ['models/__init__.py', 'models/analytics.py', 'models/audit.py', 'models/base.py', 'models/hostile.py', 'models/public.py', 'models/sales.py'],
    );
    const perTable = pkgs.get('per-table')!.files;
    // the hostile table named "base" must not take base.py, nor "datetime" break the stdlib import
    expect(perTable).toEqual(expect.arrayContaining(['models/base.py', 'models/base_.py', 'models/datetime.py', 'models/customer.py', 'models/sales_customer.py', 'models/hostile_customer.py', 'models/views.py', 'schemas.py', 'repositories.py', '__init__.py']));
  });

  it.each(['per-schema', 'per-table'] as const)('%s: ruff clean and formatted; modules import one another only for type checkers', (layout) => {
    const { dir } = pkgs.get(layout)!;
    ruffClean(dir);
    for (const f of readdirSync(join(dir, 'models')).filter((n) => n !== '__init__.py')) {
      const text = readFileSync(join(dir, 'models', f), 'utf8');
      const runtime = text.split('\nif TYPE_CHECKING:\n')[0]!;
      const siblings = [...runtime.matchAll(/^from \.(\w+) import/gm)].map((m) => m[1]);
      expect(siblings.every((m) => m === 'base'), `${f} imports ${siblings.join(', ')} at run time`).toBe(true);
    }
  });

  it.each(['per-schema', 'per-table'] as const)('%s: imports with warnings as errors, maps every class, create_all recreates the source', async (layout) => {
    const { dir } = pkgs.get(layout)!;
    const target = await scratchDatabase('tw_layout_dst');
    targets.push(target);
    const out = spawnSync(PYTHON, [CHECK, dir, '--create-all', url(target.name), '--prerequisites', join(dir, '..', 'prerequisites.json')], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    const j = JSON.parse(out.stdout);
    expect(j.classes).toEqual(expect.arrayContaining(['Base_', 'Datetime', 'Customer', 'SalesCustomer', 'Order', 'OrderItem', 'Category']));
    expect(j.tables).toContain('Sales.customers');
    expect(j.tables).not.toContain('customer_order_summary');
    const copy = await readSnapshot(await target.open(), { schemas: SCHEMAS, stats: false });
    expect(structural(copy)).toEqual(structural(await readSnapshot(src, { schemas: SCHEMAS, stats: false })));
  });

  it.each(['per-schema', 'per-table'] as const)('%s: the same classes and relationships as the single module, and Alembic finds nothing to do', (layout) => {
    const { dir } = pkgs.get(layout)!;
    const single = join(mkdtempSync(join(tmpdir(), 'tw-reflect-single-')), 'models.py');
    writeFileSync(single, reflect(snap).files[0]!.contents);
    const rels = (module: string) => {
      const code = 'import json, sys, importlib.util, warnings\nfrom pathlib import Path\nfrom sqlalchemy.orm import configure_mappers\n'
        + 'p = Path(sys.argv[1])\nspec = importlib.util.spec_from_file_location("m", p / "__init__.py" if p.is_dir() else p, submodule_search_locations=[str(p)] if p.is_dir() else None)\n'
        + 'm = importlib.util.module_from_spec(spec); sys.modules["m"] = m; spec.loader.exec_module(m); configure_mappers()\n'
        + 'print(json.dumps(sorted(f"{x.class_.__name__}.{k}->{r.mapper.class_.__name__}:{r.lazy}" for x in m.Base.registry.mappers for k, r in x.relationships.items())))';
      const r = spawnSync(PYTHON, ['-W', 'error', '-c', code, module], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as string[];
    };
    const want = rels(single);
    expect(want.length).toBeGreaterThan(10);
    expect(rels(join(dir, 'models'))).toEqual(want);
    const partitions = Object.entries(snap.schemas).flatMap(([s, x]) => Object.values(x.tables).filter((t) => t.partition?.parent).map((t) => `${s}.${t.name}`));
    const out = spawnSync(PYTHON, [CHECK, dir, '--compare', url(source.name), '--schemas', SCHEMAS.join(','), '--ignore-tables', partitions.join(',')], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout).diffs).toEqual([]);
  });

  it('is deterministic: the same snapshot gives byte-identical files', () => {
    for (const layout of ['per-schema', 'per-table'] as const) {
      const a = reflect(snap, { layout }).files;
      const b = reflect(JSON.parse(JSON.stringify(snap)), { layout }).files;
      expect(b).toEqual(a);
    }
  });
});
