import type { SchemaSnapshot } from '../../introspect/types.js';
import { quoteIdent, quoteQName } from '../../sql/ident.js';
import { baseType, colList, column, indexCovers, indexNameFor, tableByQName, type TableRef } from '../../rules/model.js';
import { queryShape, tableOf, type ColumnUse, type QueryShape, type TableUse } from '../query-shape.js';
import type { IndexAdvice, QueryGroup } from '../types.js';

/** A statement worth advising on, with the table columns its filters, joins and ordering use. */
export interface AdviceCandidate {
  group: QueryGroup;
  /** the text to EXPLAIN: the normalised query ($n), or a logged example when it has no parameters */
  sql: string;
  shape: QueryShape;
  /** schema.table → columns, in the order the query uses them */
  columns: Map<string, ColumnUse[]>;
}

// btree cannot index these usefully (Dexter skips the same)
const UNINDEXABLE = new Set(['json', 'jsonb', 'point', 'xml', 'polygon', 'circle', 'box', 'line', 'lseg', 'path', 'tsvector']);

/** The snapshot table a query names: its schema if written, else public, else the only schema that has it. */
export function resolveTable(snap: SchemaSnapshot, t: TableUse): TableRef | undefined {
  if (t.schema) return tableByQName(snap, `${t.schema}.${t.name}`);
  const pub = tableByQName(snap, `public.${t.name}`);
  if (pub) return pub;
  const found = Object.keys(snap.schemas).filter((s) => snap.schemas[s]!.tables[t.name]);
  return found.length === 1 ? tableByQName(snap, `${found[0]}.${t.name}`) : undefined;
}

/** Queries that can use an index: SELECT / UPDATE / DELETE on known tables with indexable columns. */
export function adviceCandidates(groups: QueryGroup[], snap: SchemaSnapshot | undefined): AdviceCandidate[] {
  const out: AdviceCandidate[] = [];
  for (const group of groups) {
    const sql = /\$\d/.test(group.query) || !group.example ? group.query : group.example;
    const shape = queryShape(sql);
    if (!shape || shape.kind === 'insert' || shape.kind === 'other' || !shape.tables.length) continue;
    const columns = snap ? resolvedColumns(shape, snap) : unresolvedColumns(shape);
    if (columns.size) out.push({ group, sql, shape, columns });
  }
  return out;
}

function resolvedColumns(shape: QueryShape, snap: SchemaSnapshot): Map<string, ColumnUse[]> {
  const refs = new Map<TableUse, TableRef>();
  for (const t of shape.tables) {
    const ref = resolveTable(snap, t);
    if (ref) refs.set(t, ref);
  }
  const columns = new Map<string, ColumnUse[]>();
  for (const c of shape.columns) {
    const use = tableOf(shape, c, (t) => !!(refs.get(t) && column(refs.get(t)!.table, c.column)));
    const ref = use && refs.get(use);
    const col = ref && column(ref.table, c.column);
    if (!ref || !col || col.arrayDims > 0 || UNINDEXABLE.has(baseType(col))) continue;
    add(columns, ref.qname, c);
  }
  return columns;
}

/** Without a database: tables as written (public when unqualified), columns as the query names them. */
function unresolvedColumns(shape: QueryShape): Map<string, ColumnUse[]> {
  const columns = new Map<string, ColumnUse[]>();
  for (const c of shape.columns) {
    const t = tableOf(shape, c);
    if (t) add(columns, `${t.schema ?? 'public'}.${t.name}`, c);
  }
  return columns;
}

function add(columns: Map<string, ColumnUse[]>, table: string, c: ColumnUse): void {
  const list = columns.get(table) ?? [];
  if (!list.some((x) => x.column === c.column)) list.push(c);
  columns.set(table, list);
}

/** Whether an existing valid btree index already leads with these columns. */
export function alreadyIndexed(snap: SchemaSnapshot | undefined, table: string, cols: string[]): boolean {
  const t = snap && tableByQName(snap, table);
  return !!t && t.table.indexes.some((ix) => indexCovers(ix, cols));
}

export function createIndexSql(table: string, cols: string[]): string {
  const dot = table.indexOf('.');
  const [schema, name] = [table.slice(0, dot), table.slice(dot + 1)];
  // an index lives in its table's schema: its name cannot be qualified
  return `CREATE INDEX CONCURRENTLY ${quoteIdent(indexNameFor(name, cols))} ON ${quoteQName(schema, name)} (${colList(cols)});`;
}

/** Merges advice for the same index from several queries; drops singles that a composite's first column covers. */
export function mergeAdvice(items: IndexAdvice[]): IndexAdvice[] {
  const byKey = new Map<string, IndexAdvice>();
  for (const a of items) {
    const key = `${a.table}\u0001${a.columns.join('\u0002')}`;
    const prev = byKey.get(key);
    if (!prev) byKey.set(key, { ...a, queries: [...a.queries] });
    else {
      for (const q of a.queries) if (!prev.queries.includes(q)) prev.queries.push(q);
      if ((a.costBefore ?? 0) - (a.costAfter ?? 0) > (prev.costBefore ?? 0) - (prev.costAfter ?? 0)) Object.assign(prev, { costBefore: a.costBefore, costAfter: a.costAfter });
    }
  }
  const all = [...byKey.values()];
  return all.filter((a) => a.columns.length > 1 || !all.some((b) => b !== a && b.table === a.table && b.columns.length > 1 && b.columns[0] === a.columns[0]));
}
