import type { Column, EnumType, Index, Routine, SchemaSnapshot, Table } from '../introspect/types.js';
import { qname } from '../codegen/ddl/index.js';
import { draftNames, type TableDraft } from './draft.js';
import type { ResolvedType } from './types.js';

const NOW = 'now()';

const btree = (name: string, columns: string[], o: Partial<Index> = {}): Index => ({
  name, method: 'btree', unique: false, primary: false, exclusion: false,
  keys: columns.map((column) => ({ column, desc: false, nullsFirst: false })),
  include: [], nullsNotDistinct: false, valid: true, ready: true, options: {}, ...o,
});

function column(name: string, r: ResolvedType, notNull: boolean, o: Partial<Column> = {}): Column {
  return { name, type: r.type, typeRef: r.typeRef, arrayDims: r.arrayDims, notNull, ...o };
}

const TIMESTAMPTZ: ResolvedType = { type: 'timestamp with time zone', typeRef: 'pg_catalog.timestamptz', arrayDims: 0 };

/**
 * The draft as the snapshot would describe it once created: columns in order (key, the user's,
 * then timestamps, soft delete and version), constraints and indexes under PostgreSQL's default
 * names, and the updated_at trigger. Columns whose type is unresolved are left out.
 */
export function draftTable(d: TableDraft, types: Map<string, ResolvedType>): Table {
  const t = d.name;
  const cols: Column[] = [];
  if (d.pk === 'identity') cols.push(column('id', { type: 'bigint', typeRef: 'pg_catalog.int8', arrayDims: 0 }, true, { identity: { kind: 'always' } }));
  if (d.pk === 'uuid') cols.push(column('id', { type: 'uuid', typeRef: 'pg_catalog.uuid', arrayDims: 0 }, true, { default: 'gen_random_uuid()' }));
  const pkCols = d.pk === 'natural' ? d.pkColumns : ['id'];
  for (const c of d.columns) {
    const r = types.get(c.name);
    if (!r) continue;
    const def = c.default;
    cols.push(column(c.name, r, !c.nullable || pkCols.includes(c.name), { ...(def !== undefined ? { default: def } : {}), ...(c.comment ? { comment: c.comment } : {}) }));
  }
  if (d.timestamps) cols.push(column('created_at', TIMESTAMPTZ, true, { default: NOW }), column('updated_at', TIMESTAMPTZ, true, { default: NOW }));
  if (d.softDelete) cols.push(column('deleted_at', TIMESTAMPTZ, false));
  if (d.versionColumn) cols.push(column('version', { type: 'integer', typeRef: 'pg_catalog.int4', arrayDims: 0 }, true, { default: '1' }));
  const has = (n: string) => cols.some((c) => c.name === n);
  const pk = pkCols.length && pkCols.every(has) ? { name: draftNames.pk(t), columns: pkCols, deferrable: false, initiallyDeferred: false } : undefined;
  const uniques = d.columns.filter((c) => c.unique && has(c.name) && !(pkCols.length === 1 && pkCols[0] === c.name))
    .map((c) => ({ name: draftNames.unique(t, [c.name]), columns: [c.name], deferrable: false, initiallyDeferred: false, nullsNotDistinct: false }));
  const indexes: Index[] = [];
  if (pk) indexes.push(btree(pk.name, pk.columns, { unique: true, primary: true, constraint: pk.name }));
  for (const u of uniques) indexes.push(btree(u.name, u.columns, { unique: true, constraint: u.name }));
  const foreignKeys = d.foreignKeys.filter((f) => has(f.column) && f.refColumn).map((f) => ({
    name: draftNames.fk(t, f.column), columns: [f.column], references: { table: f.table, columns: [f.refColumn] },
    onUpdate: 'NO ACTION' as const, onDelete: f.onDelete, match: 'SIMPLE' as const, deferrable: false, initiallyDeferred: false, validated: true, enforced: true,
  }));
  const indexed = new Set<string>();
  const addIndex = (columns: string[], unique: boolean, where?: string) => {
    const name = draftNames.index(t, columns);
    if (indexed.has(name) || !columns.every(has)) return;
    indexed.add(name);
    indexes.push(btree(name, columns, { unique, ...(where ? { predicate: where } : {}) }));
  };
  for (const f of d.foreignKeys) if (f.index) addIndex([f.column], false);
  for (const i of d.indexes) addIndex(i.columns, i.unique, i.where);
  const checks = d.columns.filter((c) => c.check && has(c.name)).map((c) => ({ name: draftNames.check(t, c.name), expression: c.check!, validated: true, noInherit: false, enforced: true }));
  const schemaFn = `${d.schema}.${draftNames.touchFunction(t)}`;
  return {
    name: t, kind: 'table', persistence: 'permanent', columns: cols, primaryKey: pk, uniques, foreignKeys, checks, exclusions: [],
    indexes: indexes.sort((a, b) => a.name.localeCompare(b.name)),
    triggers: [
      ...(d.timestamps ? [{ name: draftNames.touchTrigger(t), timing: 'BEFORE' as const, events: ['UPDATE' as const], level: 'ROW' as const, function: schemaFn, enabled: 'origin' as const, constraint: false }] : []),
      ...(d.audit ? [{ name: draftNames.auditTrigger(t), timing: 'AFTER' as const, events: ['INSERT' as const, 'UPDATE' as const, 'DELETE' as const], level: 'ROW' as const, function: `${d.schema}.${draftNames.auditFunction}`, enabled: 'origin' as const, constraint: false }] : []),
    ],
    policies: [], rls: { enabled: false, forced: false }, inherits: [], options: {}, owner: '', acl: [],
    ...(d.comment ? { comment: d.comment } : {}),
  };
}

/** Enum types the draft creates, by name. */
export function draftEnums(d: TableDraft, types: Map<string, ResolvedType>): EnumType[] {
  return d.columns.flatMap((c) => {
    const r = types.get(c.name);
    return r?.newEnum ? [{ kind: 'enum' as const, name: r.typeRef.slice(r.typeRef.indexOf('.') + 1), owner: '', acl: [], labels: r.enumLabels ?? [] }] : [];
  });
}

/** The live snapshot with the draft in it, as if the migration had run. */
export function withDraft(snap: SchemaSnapshot, d: TableDraft, types: Map<string, ResolvedType>): SchemaSnapshot {
  const s = snap.schemas[d.schema] ?? { name: d.schema, owner: '', acl: [], tables: {}, views: {}, materializedViews: {}, sequences: {}, types: {}, functions: {} };
  const enums = Object.fromEntries(draftEnums(d, types).map((e) => [e.name, e]));
  const fns = [touchFunction(d), ...(d.audit && !s.functions[`${draftNames.auditFunction}()`] ? [auditFunction(d.schema)] : [])].filter((f): f is Routine => !!f);
  const audit = d.audit && !s.tables[draftNames.auditTable] ? { [draftNames.auditTable]: auditTable() } : {};
  return {
    ...snap,
    schemas: {
      ...snap.schemas,
      [d.schema]: {
        ...s,
        tables: { ...s.tables, ...audit, [d.name]: draftTable(d, types) },
        types: { ...s.types, ...enums },
        functions: { ...s.functions, ...Object.fromEntries(fns.map((f) => [`${f.name}()`, f])) },
      },
    },
  };
}

/**
 * The trigger function that keeps updated_at current: the database does it for every writer, not
 * only the ORM (an `onupdate=` would miss raw SQL and other clients).
 */
export function touchFunction(d: TableDraft): Routine | undefined {
  return d.timestamps ? triggerFunction(draftNames.touchFunction(d.name), '\nBEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n') : undefined;
}

const triggerFunction = (name: string, source: string): Routine => ({
  name, kind: 'function', identityArgs: '', args: '', returns: 'trigger', returnsSet: false,
  language: 'plpgsql', volatility: 'volatile', strict: false, securityDefiner: false, leakproof: false, parallel: 'unsafe', config: {},
  source, owner: '', acl: [],
});

/** The shared audit trail: one row per insert, update and delete of every audited table, old and new row as jsonb. */
export const AUDIT_COLUMNS = ['table_name', 'operation', 'old_row', 'new_row'];

function auditTable(): Table {
  const t = draftNames.auditTable;
  const text: ResolvedType = { type: 'text', typeRef: 'pg_catalog.text', arrayDims: 0 };
  const jsonb: ResolvedType = { type: 'jsonb', typeRef: 'pg_catalog.jsonb', arrayDims: 0 };
  const pk = { name: draftNames.pk(t), columns: ['id'], deferrable: false, initiallyDeferred: false };
  return {
    name: t, kind: 'table', persistence: 'permanent',
    columns: [
      column('id', { type: 'bigint', typeRef: 'pg_catalog.int8', arrayDims: 0 }, true, { identity: { kind: 'always' } }),
      column('table_name', text, true), column('operation', text, true), column('old_row', jsonb, false), column('new_row', jsonb, false),
      column('changed_at', TIMESTAMPTZ, true, { default: NOW }), column('changed_by', text, true, { default: 'CURRENT_USER' }),
    ],
    primaryKey: pk, uniques: [], foreignKeys: [], checks: [], exclusions: [],
    indexes: [btree(pk.name, ['id'], { unique: true, primary: true, constraint: pk.name }), btree(draftNames.index(t, ['table_name', 'changed_at']), ['table_name', 'changed_at'])],
    triggers: [], policies: [], rls: { enabled: false, forced: false }, inherits: [], options: {}, owner: '', acl: [],
    comment: 'Row changes of audited tables (written by the audit_log_record trigger function)',
  };
}

function auditFunction(schema: string): Routine {
  const target = `${qname(schema, draftNames.auditTable)}`;
  return triggerFunction(draftNames.auditFunction, `\nBEGIN\n  INSERT INTO ${target} (table_name, operation, old_row, new_row)\n  VALUES (TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, TG_OP,\n    CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,\n    CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END);\n  RETURN NULL;\nEND;\n`);
}
