import type { SchemaSnapshot } from '../../introspect/types.js';
import type { GeneratedFile } from '../files.js';
import { renderModels, type ModelWarning } from '../sqlalchemy/module.js';

export interface ReflectOptions {
  /** only these tables (`table` or `schema.table`); relationships to others are left out */
  tables?: string[];
  /** `single`: one models.py; a package directory gets an __init__.py re-exporting it */
  layout?: 'single';
  bigCollectionRows?: number;
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
  return {
    files: [{ path: 'models.py', contents: models.source, kind: 'python' }],
    warnings: models.warnings,
    prerequisites: models.prerequisites,
  };
}
