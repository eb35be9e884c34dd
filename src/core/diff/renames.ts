import { closest } from '../closest.js';
import { UserError } from '../errors.js';
import type { Column, SchemaSnapshot, Table } from '../introspect/types.js';
import { entries, same } from './compare.js';
import { change, columnShape, type Push } from './diff-table.js';
import type { RenameCandidate, RenameSpec } from './types.js';

/** `[schema.]table=new` or `[schema.]table.column=new`; a bare table is looked up in every schema. */
export function parseRenameSpec(text: string, from: SchemaSnapshot): RenameSpec {
  const m = /^([^=]+)=(.+)$/.exec(text.trim());
  if (!m) throw new UserError(`--rename ${text}: expected [schema.]table=new_table or [schema.]table.column=new_column`);
  const parts = m[1]!.split('.');
  const to = m[2]!.trim();
  const hasSchema = (p: string[]) => p.length > 1 && !!from.schemas[p[0]!];
  if (parts.length === 3) return { schema: parts[0]!, table: parts[1]!, column: parts[2]!, to };
  if (parts.length === 2 && hasSchema(parts) && from.schemas[parts[0]!]!.tables[parts[1]!]) return { schema: parts[0]!, table: parts[1]!, to };
  const table = parts[0]!;
  const schema = entries(from.schemas).find((s) => s.tables[table])?.name ?? 'public';
  return parts.length === 2 ? { schema, table, column: parts[1]!, to } : { schema, table, to };
}

/** Column lists that match in names order-insensitively and in types: a renamed table. */
const tableLooksLike = (a: Table, b: Table) => a.columns.length === b.columns.length && a.columns.every((c, i) => c.name === b.columns[i]!.name && c.type === b.columns[i]!.type);
const columnLooksLike = (a: Column, b: Column) => same({ ...columnShape(a), comment: undefined }, { ...columnShape(b), comment: undefined });

/** Dropped + added tables and columns that look alike; the user says which are renames. */
export function findRenameCandidates(from: SchemaSnapshot, to: SchemaSnapshot): RenameCandidate[] {
  const out: RenameCandidate[] = [];
  for (const s of entries(to.schemas)) {
    const before = from.schemas[s.name];
    if (!before) continue;
    const droppedTables = entries(before.tables).filter((t) => !s.tables[t.name]);
    for (const t of entries(s.tables)) {
      const old = before.tables[t.name];
      if (!old) {
        for (const d of droppedTables) if (tableLooksLike(d, t)) out.push({ kind: 'table', schema: s.name, table: d.name, to: t.name, flag: `--rename ${s.name}.${d.name}=${t.name}` });
        continue;
      }
      const dropped = old.columns.filter((c) => !t.columns.some((x) => x.name === c.name));
      for (const c of t.columns) {
        if (old.columns.some((x) => x.name === c.name)) continue;
        for (const d of dropped) if (columnLooksLike(d, c)) out.push({ kind: 'column', schema: s.name, table: t.name, column: d.name, to: c.name, flag: `--rename ${s.name}.${t.name}.${d.name}=${c.name}` });
      }
    }
  }
  return out;
}

/**
 * The `from` snapshot as it is after the confirmed renames, plus one rename change each. Constraint
 * and index names stay as they were (PostgreSQL keeps them), so the differ renames those that differ.
 */
export function applyRenames(fromIn: SchemaSnapshot, to: SchemaSnapshot, specs: RenameSpec[], push: Push): SchemaSnapshot {
  if (!specs.length) return fromIn;
  const from = structuredClone(fromIn);
  const renamed = new Map<string, string>();
  // tables first, so a column may be named by its table's old or new name
  for (const spec of [...specs].sort((x, y) => Number(x.column !== undefined) - Number(y.column !== undefined))) {
    const r = spec.column !== undefined && renamed.has(`${spec.schema}.${spec.table}`) ? { ...spec, table: renamed.get(`${spec.schema}.${spec.table}`)! } : spec;
    const schema = from.schemas[r.schema];
    if (!schema) throw new UserError(`--rename ${r.schema}.${r.table}: no schema ${r.schema} in the source${hint(r.schema, Object.keys(from.schemas))}`);
    const t = schema.tables[r.table];
    if (!t) throw new UserError(`--rename ${r.schema}.${r.table}: no table ${r.table} in ${r.schema} in the source${hint(r.table, Object.keys(schema.tables))}`);
    if (r.column === undefined) {
      if (schema.tables[r.to]) throw new UserError(`--rename ${r.schema}.${r.table}=${r.to}: ${r.schema}.${r.to} already exists in the source`);
      if (!to.schemas[r.schema]?.tables[r.to]) throw new UserError(`--rename ${r.schema}.${r.table}=${r.to}: the target has no table ${r.schema}.${r.to}`);
      push(change('table', 'rename', r.schema, undefined, r.table, t, t, { newName: r.to }));
      for (const c of t.columns) keepNotNullName(from, r.table, c);
      delete schema.tables[r.table];
      t.name = r.to;
      schema.tables[r.to] = t;
      renamed.set(`${r.schema}.${r.table}`, r.to);
      retarget(from, `${r.schema}.${r.table}`, (ref) => { ref.table = `${r.schema}.${r.to}`; });
      continue;
    }
    const c = t.columns.find((x) => x.name === r.column);
    if (!c) throw new UserError(`--rename ${r.schema}.${r.table}.${r.column}: no column ${r.column} in ${r.schema}.${r.table}${hint(r.column, t.columns.map((x) => x.name))}`);
    if (t.columns.some((x) => x.name === r.to)) throw new UserError(`--rename ${r.schema}.${r.table}.${r.column}=${r.to}: ${r.schema}.${r.table} already has a column ${r.to}`);
    push(change('column', 'rename', r.schema, r.table, r.column, c, c, { newName: r.to }));
    keepNotNullName(from, r.table, c);
    renameColumn(from, r.schema, t, r.column, r.to);
  }
  return from;
}

/** PG18 names NOT NULL constraints after table and column, and a rename keeps the old name. */
function keepNotNullName(s: SchemaSnapshot, table: string, c: Column): void {
  if (s.server.versionNum >= 180000 && c.notNull && !c.notNullConstraint) c.notNullConstraint = { name: `${table}_${c.name}_not_null`, validated: true, noInherit: false };
}

const hint = (word: string, names: string[]) => {
  const near = closest(word, names);
  return near.length ? ` (did you mean ${near.join(', ')}?)` : '';
};

function retarget(s: SchemaSnapshot, table: string, fn: (ref: { table: string; columns: string[] }) => void): void {
  for (const sc of entries(s.schemas)) for (const t of entries(sc.tables)) for (const f of t.foreignKeys) if (f.references.table === table) fn(f.references);
}

/** PostgreSQL follows a column rename everywhere the column is used by number. */
function renameColumn(s: SchemaSnapshot, schema: string, t: Table, old: string, neu: string): void {
  const sw = (c: string) => (c === old ? neu : c);
  for (const c of t.columns) if (c.name === old) c.name = neu;
  for (const k of [t.primaryKey, ...t.uniques].filter((x) => !!x)) k!.columns = k!.columns.map(sw);
  for (const f of t.foreignKeys) f.columns = f.columns.map(sw);
  for (const i of t.indexes) {
    i.keys = i.keys.map((k) => (k.column === old ? { ...k, column: neu } : k));
    i.include = i.include.map(sw);
    i.definition = undefined;
  }
  for (const tr of t.triggers) if (tr.columns) tr.columns = tr.columns.map(sw);
  retarget(s, `${schema}.${t.name}`, (ref) => { ref.columns = ref.columns.map(sw); });
}
