import { pgParser } from '../sql/pg-parser.js';

/** A parse-tree node (libpg-query JSON). */
type Node = Record<string, unknown>;

export interface TableUse {
  schema?: string;
  name: string;
  alias?: string;
}

export type PredicateKind = 'eq' | 'range' | 'in' | 'like' | 'null' | 'other';

export interface ColumnUse {
  /** the alias or table name written before the column, if any */
  qualifier?: string;
  column: string;
  /** where the column appears */
  role: 'filter' | 'join' | 'order';
  kind: PredicateKind;
  /** compared with a constant or a parameter (not another column) */
  withValue: boolean;
}

/** What index advice and the N+1 fix need to know about a statement. */
export interface QueryShape {
  kind: 'select' | 'update' | 'delete' | 'insert' | 'other';
  tables: TableUse[];
  columns: ColumnUse[];
  aggregate: boolean;
  /** highest $n */
  params: number;
}

const RANGE_OPS = new Set(['<', '>', '<=', '>=']);
const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max', 'array_agg', 'string_agg', 'json_agg', 'jsonb_agg', 'bool_and', 'bool_or', 'stddev', 'variance']);

const strings = (list: unknown): string[] => (Array.isArray(list) ? list.map((x) => ((x as Node).String as { sval?: string } | undefined)?.sval ?? '*') : []);

function columnRef(n: unknown): { qualifier?: string; column: string } | undefined {
  const ref = (n as Node | undefined)?.ColumnRef as { fields?: unknown[] } | undefined;
  if (!ref) {
    const cast = (n as Node | undefined)?.TypeCast as { arg?: unknown } | undefined;
    return cast ? columnRef(cast.arg) : undefined;
  }
  const parts = strings(ref.fields);
  const column = parts.at(-1)!;
  if (column === '*') return undefined;
  return parts.length > 1 ? { qualifier: parts.at(-2), column } : { column };
}

const isValue = (n: unknown): boolean => {
  const o = n as Node | undefined;
  if (!o) return false;
  if ('A_Const' in o || 'ParamRef' in o) return true;
  if ('TypeCast' in o) return isValue((o.TypeCast as Node).arg);
  if ('FuncCall' in o) return !containsColumn(o);
  if ('A_Expr' in o) return !containsColumn(o);
  return false;
};

function containsColumn(n: unknown): boolean {
  let found = false;
  walk(n, (k) => { if (k === 'ColumnRef') found = true; });
  return found;
}

function walk(n: unknown, visit: (key: string, value: Node) => void): void {
  if (Array.isArray(n)) {
    for (const x of n) walk(x, visit);
  } else if (n && typeof n === 'object') {
    for (const [k, v] of Object.entries(n as Node)) {
      if (v && typeof v === 'object' && !Array.isArray(v)) visit(k, v as Node);
      walk(v, visit);
    }
  }
}

/** Columns compared in a WHERE / ON tree, with the kind of comparison. */
function predicates(n: unknown, role: 'filter' | 'join', out: ColumnUse[]): void {
  walk(n, (key, v) => {
    if (key === 'A_Expr') {
      const kind = String(v.kind);
      const op = strings(v.name)[0] ?? '';
      const l = columnRef(v.lexpr);
      const r = columnRef(v.rexpr);
      const k: PredicateKind = kind === 'AEXPR_IN' ? 'in' : kind === 'AEXPR_LIKE' || kind === 'AEXPR_ILIKE' ? 'like'
        : kind.startsWith('AEXPR_BETWEEN') ? 'range' : op === '=' ? 'eq' : RANGE_OPS.has(op) ? 'range' : op === '~~' || op === '~~*' ? 'like' : 'other';
      if (kind === 'AEXPR_OP_ANY' && op === '=') {
        if (l) out.push({ ...l, role, kind: 'in', withValue: isValue(v.rexpr) });
        return;
      }
      if (l) out.push({ ...l, role: r ? 'join' : role, kind: k, withValue: !r && isValue(v.rexpr) });
      if (r) out.push({ ...r, role: l ? 'join' : role, kind: k, withValue: !l && isValue(v.lexpr) });
    } else if (key === 'NullTest') {
      const c = columnRef(v.arg);
      if (c) out.push({ ...c, role, kind: 'null', withValue: true });
    }
  });
}

function fromTables(from: unknown, tables: TableUse[], columns: ColumnUse[]): void {
  walk(from, (key, v) => {
    if (key === 'RangeVar') {
      const alias = (v.alias as { aliasname?: string } | undefined)?.aliasname;
      tables.push({ name: String(v.relname), ...(v.schemaname ? { schema: String(v.schemaname) } : {}), ...(alias ? { alias } : {}) });
    } else if (key === 'JoinExpr' && v.quals) predicates(v.quals, 'join', columns);
  });
}

/** The tables, compared columns and ordering of one statement; undefined when it does not parse (call `ensureParser()` once before). */
export function queryShape(sql: string): QueryShape | undefined {
  let stmt: Node | undefined;
  try {
    stmt = ((pgParser().parseSync(sql) as { stmts?: { stmt: Node }[] }).stmts ?? [])[0]?.stmt;
  } catch {
    return undefined;
  }
  if (!stmt) return undefined;
  const shape: QueryShape = { kind: 'other', tables: [], columns: [], aggregate: false, params: 0 };
  walk(stmt, (key, v) => {
    if (key === 'ParamRef') shape.params = Math.max(shape.params, Number(v.number ?? 0));
    if (key === 'FuncCall' && AGGREGATES.has(strings(v.funcname).at(-1) ?? '')) shape.aggregate = true;
  });
  const select = stmt.SelectStmt as Node | undefined;
  const update = stmt.UpdateStmt as Node | undefined;
  const del = stmt.DeleteStmt as Node | undefined;
  if (select) {
    shape.kind = 'select';
    if (select.op && select.op !== 'SETOP_NONE') return shape;
    fromTables(select.fromClause, shape.tables, shape.columns);
    predicates(select.whereClause, 'filter', shape.columns);
    if (Array.isArray(select.groupClause) && select.groupClause.length) shape.aggregate = true;
    for (const s of (select.sortClause as Node[] | undefined) ?? []) {
      const c = columnRef((s.SortBy as Node | undefined)?.node);
      if (c) shape.columns.push({ ...c, role: 'order', kind: 'other', withValue: false });
    }
  } else if (update || del) {
    const s = (update ?? del)!;
    shape.kind = update ? 'update' : 'delete';
    fromTables(s.relation ? [{ RangeVar: s.relation }] : [], shape.tables, shape.columns);
    fromTables(update ? s.fromClause : s.usingClause, shape.tables, shape.columns);
    predicates(s.whereClause, 'filter', shape.columns);
  } else if (stmt.InsertStmt) shape.kind = 'insert';
  return shape;
}

/** The table a column reference belongs to: by qualifier, else the only table (of several: the first that has it). */
export function tableOf(shape: QueryShape, c: { qualifier?: string }, has?: (t: TableUse) => boolean): TableUse | undefined {
  if (c.qualifier) return shape.tables.find((t) => t.alias === c.qualifier) ?? shape.tables.find((t) => !t.alias && t.name === c.qualifier) ?? shape.tables.find((t) => t.name === c.qualifier);
  if (shape.tables.length === 1) return shape.tables[0];
  return has ? shape.tables.find(has) : undefined;
}
