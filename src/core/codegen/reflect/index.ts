import type { SchemaSnapshot } from '../../introspect/types.js';
import type { GeneratedFile } from '../files.js';
import { Imports } from '../sqlalchemy/imports.js';
import { renderModels, type ModelWarning } from '../sqlalchemy/module.js';
import { renderSchemas } from '../sqlalchemy/pydantic.js';
import { renderDb, renderRepositories } from '../sqlalchemy/repositories.js';

export interface ReflectOptions {
  /** only these tables (`table` or `schema.table`); relationships to others are left out */
  tables?: string[];
  /** `single`: one models.py; a package directory gets an __init__.py re-exporting it */
  layout?: 'single';
  bigCollectionRows?: number;
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
  const selected = selectTables(snap, o.tables);
  const models = renderModels(selected, { bigCollectionRows: o.bigCollectionRows });
  const files = [{ path: 'models.py', contents: models.source, kind: 'python' }];
  if (o.pydantic || o.repositories) {
    const schemas = renderSchemas(selected, models.tables, models.enumClass);
    files.push({ path: 'schemas.py', contents: schemas.source, kind: 'python' });
    if (o.repositories) files.push({ path: 'repositories.py', contents: renderRepositories(selected, models.tables, schemas, models.enumClass), kind: 'python' });
  }
  if (o.fastapi) files.push({ path: 'db.py', contents: renderDb(), kind: 'python' });
  return {
    files,
    warnings: models.warnings,
    prerequisites: models.prerequisites,
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
