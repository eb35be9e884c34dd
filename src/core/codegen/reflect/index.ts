import type { SchemaSnapshot } from '../../introspect/types.js';
import type { GeneratedFile } from '../files.js';
import { Imports } from '../sqlalchemy/imports.js';
import { renderModels, type ModelWarning } from '../sqlalchemy/module.js';
import { layoutModels, type Layout } from '../sqlalchemy/layout.js';
import type { LazyMode } from '../sqlalchemy/plan.js';
import type { TypeMapping } from '../sqlalchemy/custom-types.js';
import { hidePlatformSchemas } from '../sqlalchemy/supabase.js';
import { renderSchemas } from '../sqlalchemy/pydantic.js';
import { renderDb, renderRepositories } from '../sqlalchemy/repositories.js';

export interface ReflectOptions {
  /** only these tables (`table` or `schema.table`); relationships to others are left out */
  tables?: string[];
  /**
   * `single`: one models.py; `per-schema` / `per-table`: a `models/` package (base.py, a module per
   * schema or table, __init__.py). The output directory gets an __init__.py re-exporting it (packageInit).
   */
  layout?: Layout;
  bigCollectionRows?: number;
  /** collection loading: `auto` (selectin, raise above bigCollectionRows rows), or one strategy for all */
  lazy?: LazyMode;
  /** map PK-less tables as classes keyed by a unique index on NOT NULL columns */
  pkGuess?: boolean;
  /** user type mapping (`reflect.types` in .tablewright.json) */
  types?: TypeMapping;
  /** hide Supabase platform schemas, stub the tables FKs point to there, RLS policies in docstrings */
  supabase?: boolean;
  /** schemas.py: Pydantic v2 Create / Update / Read / Page per model */
  pydantic?: boolean;
  /** repositories.py: an async repository per model (implies pydantic) */
  repositories?: boolean;
  /** db.py: async engine, session factory and get_session dependency */
  fastapi?: boolean;
}

export interface ReflectOutput {
  files: GeneratedFile[];
  warnings: ModelWarning[];
  prerequisites: string[];
  /** the whole models module as one file's text, whatever the layout (packageInit reads its names) */
  modelsSource: string;
}

/** The snapshot narrowed to the chosen tables (views, types and functions stay, as models reference types). */
export function selectTables(snap: SchemaSnapshot, names: string[] | undefined): SchemaSnapshot {
  if (!names?.length) return snap;
  const want = (schema: string, table: string) => names.some((n) => n === table || n === `${schema}.${table}`);
  const schemas = Object.fromEntries(Object.entries(snap.schemas).map(([schema, s]) => [schema, {
    ...s,
    tables: Object.fromEntries(Object.entries(s.tables).filter(([t]) => want(schema, t)).map(([t, table]) => [t, {
      ...table,
      foreignKeys: table.foreignKeys.filter((fk) => { const i = fk.references.table.indexOf('.'); return want(fk.references.table.slice(0, i), fk.references.table.slice(i + 1)); }),
    }])),
    views: {},
    materializedViews: {},
  }]));
  return { ...snap, schemas };
}

/** `snapshot → files` for `tablewright reflect`: SQLAlchemy models (companions are added by their generators). */
export function reflect(snap: SchemaSnapshot, o: ReflectOptions = {}): ReflectOutput {
  const selected = selectTables(o.supabase ? hidePlatformSchemas(snap) : snap, o.tables);
  const models = renderModels(selected, { bigCollectionRows: o.bigCollectionRows, lazy: o.lazy, pkGuess: o.pkGuess, types: o.types, supabase: o.supabase });
  const files: GeneratedFile[] = !o.layout || o.layout === 'single' ? [{ path: 'models.py', contents: models.source, kind: 'python' }] : layoutModels(models, o.layout);
  if (o.pydantic || o.repositories) {
    const schemas = renderSchemas(selected, models.tables, models.enumClass, { types: o.types });
    files.push({ path: 'schemas.py', contents: schemas.source, kind: 'python' });
    if (o.repositories) files.push({ path: 'repositories.py', contents: renderRepositories(selected, models.tables, schemas, models.enumClass, { types: o.types }), kind: 'python' });
  }
  if (o.fastapi) files.push({ path: 'db.py', contents: renderDb(), kind: 'python' });
  return {
    files,
    warnings: models.warnings,
    prerequisites: models.prerequisites,
    modelsSource: models.source,
  };
}

/** `__init__.py` re-exporting the models module's public names, so `from models import Order` works. */
export function packageInit(models: string): GeneratedFile {
  const names = [...models.matchAll(/^(?:class (\w+)\(|(t_\w+|\w+_DOMAIN|view_metadata) = )/gm)].map((m) => m[1] ?? m[2]!).filter((n) => !n.startsWith('_'));
  const sorted = [...new Set(names)];
  const im = new Imports();
  for (const n of sorted) im.add('.models', n);
  const body = sorted.length ? `${im.render()}\n\n__all__ = [\n${sorted.sort().map((n) => `    "${n}",`).join('\n')}\n]\n` : '';
  return { path: '__init__.py', contents: `# generated\n${body}`, kind: 'python' };
}
