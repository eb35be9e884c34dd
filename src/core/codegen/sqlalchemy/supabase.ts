import type { SchemaSnapshot } from '../../introspect/types.js';
import { PLATFORM_SCHEMAS } from '../../introspect/filter.js';
import type { Imports } from './imports.js';
import { attrName, pyStr } from './names.js';
import type { MappedTable } from './plan.js';
import { DEFAULT_SCHEMA } from './table-args.js';
import { columnType, type TypeContext } from './types.js';

/** Supabase's own schemas (auth, storage, realtime, …): never mapped in --supabase mode. */
export const SUPABASE_SCHEMAS: readonly string[] = PLATFORM_SCHEMAS.supabase ?? [];

/** The snapshot without Supabase's platform schemas, whatever the server reported its flavour as. */
export function hidePlatformSchemas(snap: SchemaSnapshot): SchemaSnapshot {
  const hidden = Object.keys(snap.schemas).filter((s) => SUPABASE_SCHEMAS.includes(s));
  if (!hidden.length) return snap;
  return { ...snap, schemas: Object.fromEntries(Object.entries(snap.schemas).filter(([s]) => !hidden.includes(s))), hiddenSchemas: [...new Set([...snap.hiddenSchemas, ...hidden])].sort() };
}

export interface TableStub { qname: string; columns: string[]; code: string }

/**
 * Minimal `Table` objects for tables the models reference but do not map (auth.users): just the
 * referenced key columns, typed like the referencing ones, so ForeignKey("auth.users.id") resolves
 * at configure and create_all time. `create_all` skips them where they exist (checkfirst).
 */
export function supabaseStubs(snap: SchemaSnapshot, tables: MappedTable[], im: Imports, ctx: TypeContext): TableStub[] {
  const refs = new Map<string, Map<string, string>>();
  for (const mt of tables) {
    for (const fk of mt.table.foreignKeys) {
      const [schema, name] = [fk.references.table.slice(0, fk.references.table.indexOf('.')), fk.references.table.slice(fk.references.table.indexOf('.') + 1)];
      if (snap.schemas[schema]?.tables[name]) continue;
      const cols = refs.get(fk.references.table) ?? new Map<string, string>();
      fk.references.columns.forEach((rc, i) => {
        const c = mt.table.columns.find((x) => x.name === fk.columns[i]);
        if (c && !cols.has(rc)) cols.set(rc, columnType({ ...c, default: undefined, identity: undefined, generated: undefined }, ctx).sa);
      });
      refs.set(fk.references.table, cols);
    }
  }
  return [...refs].sort(([a], [b]) => a.localeCompare(b)).map(([qname, cols]) => {
    const dot = qname.indexOf('.');
    const [schema, name] = [qname.slice(0, dot), qname.slice(dot + 1)];
    const lines = [`t_${attrName(`${schema}_${name}`)} = ${im.add('sqlalchemy', 'Table')}(`, `    ${pyStr(name)},`, '    Base.metadata,'];
    for (const [col, sa] of cols) lines.push(`    ${im.add('sqlalchemy', 'Column')}(${pyStr(col)}, ${sa}, primary_key=True),`);
    if (schema !== DEFAULT_SCHEMA) lines.push(`    schema=${pyStr(schema)},`);
    lines.push('    info={"supabase_platform": True},', ')');
    return { qname, columns: [...cols.keys()], code: lines.join('\n') };
  });
}
