import type { Column, ForeignKey, Index, SchemaSnapshot, Table } from '../introspect/types.js';
import { quoteIdent, quoteQName } from '../sql/ident.js';
import type { FindingTarget, RawFinding } from './types.js';

/** A table with where it lives. */
export interface TableRef {
  schema: string;
  table: Table;
  /** `schema.table` */
  qname: string;
}

const tableLists = new WeakMap<SchemaSnapshot, TableRef[]>();
const parentLists = new WeakMap<SchemaSnapshot, TableRef[]>();

/** Every table of the snapshot that a schema rule should look at: partitions are judged through their parent. */
export function tables(snap: SchemaSnapshot, o: { partitions?: boolean } = {}): TableRef[] {
  // built once per snapshot: seventy rules walk the same 10,000 tables
  let all = tableLists.get(snap);
  if (!all) {
    all = [];
    for (const schema of Object.keys(snap.schemas).sort()) {
      const s = snap.schemas[schema]!;
      for (const name of Object.keys(s.tables).sort()) {
        const table = s.tables[name]!;
        if (!table.extension) all.push({ schema, table, qname: `${schema}.${name}` });
      }
    }
    tableLists.set(snap, all);
  }
  if (o.partitions) return all;
  let parents = parentLists.get(snap);
  if (!parents) parentLists.set(snap, (parents = all.filter((t) => !t.table.partition?.parent)));
  return parents;
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

const columnMaps = new WeakMap<Table, Map<string, Column>>();

/** A column by name, through a map built once per table (rules look columns up hundreds of thousands of times). */
export function column(t: Table, name: string): Column | undefined {
  let m = columnMaps.get(t);
  if (!m) {
    m = new Map(t.columns.map((c) => [c.name, c]));
    columnMaps.set(t, m);
  }
  return m.get(name);
}

/** Plain column names of an index's keys; undefined where a key is an expression. */
export const keyColumns = (ix: Index): (string | undefined)[] => ix.keys.map((k) => k.column);

/** An index that can serve lookups by exactly these columns: valid, not partial, btree, with them leading. */
export function indexCovers(ix: Index, cols: string[]): boolean {
  if (!ix.valid || ix.predicate || ix.method !== 'btree' || ix.keys.length < cols.length) return false;
  for (let i = 0; i < cols.length; i++) {
    const c = ix.keys[i]!.column;
    if (c === undefined || !cols.includes(c)) return false;
  }
  return true;
}

export const fkCovered = (t: Table, fk: ForeignKey): boolean => t.indexes.some((ix) => indexCovers(ix, fk.columns));

/** Index name PostgreSQL would pick for these columns (`table_col1_col2_idx`), kept under 63 bytes. */
export function indexNameFor(table: string, cols: string[], suffix = 'idx'): string {
  const name = `${table}_${cols.join('_')}_${suffix}`;
  return Buffer.byteLength(name) <= 63 ? name : `${name.slice(0, 58 - suffix.length)}_${suffix}`;
}

const baseTypes = new Map<string, string>();

/** The base type name of a column without typmod or array brackets, lower-cased (`character varying`, `timestamp with time zone`). */
export function baseType(c: Column): string {
  let b = baseTypes.get(c.type);
  if (b === undefined) {
    b = c.type.replace(/\[\]$/g, '').replace(/\(.*\)/, '').trim().toLowerCase();
    baseTypes.set(c.type, b);
  }
  return b;
}

/** A memoised test of column names against a list of words (`price`, `*_price`, `price_*`), for naming heuristics. */
export function nameMatcher(words: readonly string[], o: { prefix?: boolean } = { prefix: true }): (name: string) => boolean {
  const memo = new Map<string, boolean>();
  return (name) => {
    let hit = memo.get(name);
    if (hit === undefined) {
      hit = words.some((w) => name === w || name.endsWith(`_${w}`) || (!!o.prefix && name.startsWith(`${w}_`)));
      memo.set(name, hit);
    }
    return hit;
  };
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

const incomingCache = new WeakMap<SchemaSnapshot, Map<string, { from: TableRef; fk: ForeignKey }[]>>();

/** Incoming foreign keys by referenced table, built once per snapshot. */
export function incomingFks(snap: SchemaSnapshot): Map<string, { from: TableRef; fk: ForeignKey }[]> {
  const cached = incomingCache.get(snap);
  if (cached) return cached;
  const map = new Map<string, { from: TableRef; fk: ForeignKey }[]>();
  incomingCache.set(snap, map);
  for (const t of tables(snap)) {
    for (const fk of t.table.foreignKeys) {
      const list = map.get(fk.references.table) ?? [];
      list.push({ from: t, fk });
      map.set(fk.references.table, list);
    }
  }
  return map;
}

const wordRes = new Map<string, RegExp>();
const checkWords = new WeakMap<Table, Set<string>>();

/** Whether any CHECK of the table mentions the column (identifiers read once per table, not per column). */
export function checksMention(t: Table, name: string): boolean {
  if (!t.checks.length) return false;
  let words = checkWords.get(t);
  if (!words) {
    words = new Set(t.checks.flatMap((k) => [...k.expression.matchAll(/"((?:[^"]|"")+)"|([A-Za-z_][\w$]*)/g)].map((m) => (m[1] ? m[1].replace(/""/g, '"') : m[2]!))));
    checkWords.set(t, words);
  }
  return words.has(name);
}

/** Whether an SQL expression mentions a column name as a whole word (quoted or not). */
export function mentions(expression: string, name: string): boolean {
  let re = wordRes.get(name);
  if (!re) {
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`(^|[^\\w$])"?${esc}"?($|[^\\w$])`);
    wordRes.set(name, re);
  }
  return re.test(expression);
}

const byBaseType = new WeakMap<SchemaSnapshot, Map<string, { t: TableRef; c: Column }[]>>();

/** Columns of the snapshot's rule tables grouped by base type, built once: type rules look up only the types they judge. */
export function columnsByBaseType(snap: SchemaSnapshot): Map<string, { t: TableRef; c: Column }[]> {
  let m = byBaseType.get(snap);
  if (!m) {
    m = new Map();
    for (const t of tables(snap)) {
      for (const c of t.table.columns) {
        if (c.inherited) continue;
        const b = baseType(c);
        let list = m.get(b);
        if (!list) m.set(b, (list = []));
        list.push({ t, c });
      }
    }
    byBaseType.set(snap, m);
  }
  return m;
}

/** Findings for the items that produce one; allocates nothing when none does (the common case). */
export function pick<T>(items: readonly T[], make: (item: T) => RawFinding | undefined): RawFinding[] | undefined {
  let out: RawFinding[] | undefined;
  for (const item of items) {
    const f = make(item);
    if (f) (out ??= []).push(f);
  }
  return out;
}
