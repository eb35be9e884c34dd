import type { Column, ForeignKey, Index, SchemaSnapshot, Table } from '../introspect/types.js';
import { quoteIdent, quoteQName } from '../sql/ident.js';
import type { FindingTarget } from './types.js';

/** A table with where it lives. */
export interface TableRef {
  schema: string;
  table: Table;
  /** `schema.table` */
  qname: string;
}

/** Every table of the snapshot that a schema rule should look at: partitions are judged through their parent. */
export function* tables(snap: SchemaSnapshot, o: { partitions?: boolean } = {}): Generator<TableRef> {
  for (const schema of Object.keys(snap.schemas).sort()) {
    const s = snap.schemas[schema]!;
    for (const name of Object.keys(s.tables).sort()) {
      const table = s.tables[name]!;
      if (table.extension) continue;
      if (!o.partitions && table.partition?.parent) continue;
      yield { schema, table, qname: `${schema}.${name}` };
    }
  }
}

export function tableByQName(snap: SchemaSnapshot, qname: string): TableRef | undefined {
  const dot = qname.indexOf('.');
  const schema = qname.slice(0, dot);
  const table = snap.schemas[schema]?.tables[qname.slice(dot + 1)];
  return table ? { schema, table, qname } : undefined;
}

export const at = (t: TableRef, extra: Omit<FindingTarget, 'schema' | 'table'> = {}): FindingTarget => ({
  schema: t.schema,
  table: t.table.name,
  ...extra,
});

export const sqlName = (t: TableRef): string => quoteQName(t.schema, t.table.name);
export const colList = (cols: string[]): string => cols.map(quoteIdent).join(', ');

export const column = (t: Table, name: string): Column | undefined => t.columns.find((c) => c.name === name);

/** Plain column names of an index's keys; undefined where a key is an expression. */
export const keyColumns = (ix: Index): (string | undefined)[] => ix.keys.map((k) => k.column);

/** An index that can serve lookups by exactly these columns: valid, not partial, btree, with them leading. */
export function indexCovers(ix: Index, cols: string[]): boolean {
  if (!ix.valid || ix.predicate || ix.method !== 'btree') return false;
  const lead = keyColumns(ix).slice(0, cols.length);
  return lead.length === cols.length && lead.every((c) => c !== undefined && cols.includes(c));
}

export const fkCovered = (t: Table, fk: ForeignKey): boolean => t.indexes.some((ix) => indexCovers(ix, fk.columns));

/** Index name PostgreSQL would pick for these columns (`table_col1_col2_idx`), kept under 63 bytes. */
export function indexNameFor(table: string, cols: string[], suffix = 'idx'): string {
  const name = `${table}_${cols.join('_')}_${suffix}`;
  return Buffer.byteLength(name) <= 63 ? name : `${name.slice(0, 58 - suffix.length)}_${suffix}`;
}

/** The base type name of a column without typmod or array brackets, lower-cased (`character varying`, `timestamp with time zone`). */
export function baseType(c: Column): string {
  return c.type.replace(/\[\]$/g, '').replace(/\(.*\)/, '').trim().toLowerCase();
}

/** Column types of the same family compare equal for FK matching when binary-compatible. */
export const typeOf = (snap: SchemaSnapshot, c: Column): { base: string; domainBase?: string } => {
  const [schema, name] = splitQName(c.typeRef);
  const t = schema ? snap.schemas[schema]?.types[name] : undefined;
  return t?.kind === 'domain' ? { base: baseType(c), domainBase: t.baseType.replace(/\(.*\)/, '').toLowerCase() } : { base: baseType(c) };
};

export function splitQName(q: string): [string, string] {
  const dot = q.indexOf('.');
  return dot < 0 ? ['', q] : [q.slice(0, dot), q.slice(dot + 1)];
}

/** Incoming foreign keys by referenced table, built once per run. */
export function incomingFks(snap: SchemaSnapshot): Map<string, { from: TableRef; fk: ForeignKey }[]> {
  const map = new Map<string, { from: TableRef; fk: ForeignKey }[]>();
  for (const t of tables(snap)) {
    for (const fk of t.table.foreignKeys) {
      const list = map.get(fk.references.table) ?? [];
      list.push({ from: t, fk });
      map.set(fk.references.table, list);
    }
  }
  return map;
}
