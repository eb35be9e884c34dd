import { quoteIdent, quoteQName } from '../sql/ident.js';
import type { PgNode } from './types.js';

export interface RelName {
  schema: string;
  name: string;
  key: string;
  /** quoted, qualified only when the migration qualified it */
  sql: string;
  /** `, schema="s"` for Alembic calls when qualified */
  pySchema: string;
}

/** `schema.name` of a RangeVar; unqualified names are taken as `public` (the usual search_path). */
const relNames = new WeakMap<PgNode, RelName>();

export function relName(rv: PgNode | undefined): RelName | undefined {
  if (!rv?.relname) return undefined;
  // every ALTER TABLE rule asks for the same statement's table: quote it once
  const known = relNames.get(rv);
  if (known) return known;
  const schema = (rv.schemaname as string | undefined) ?? 'public';
  const name = rv.relname as string;
  const rel: RelName = {
    schema, name, key: `${schema}.${name}`,
    sql: rv.schemaname ? quoteQName(schema, name) : quoteIdent(name),
    pySchema: rv.schemaname ? `, schema=${pyStr(schema)}` : '',
  };
  relNames.set(rv, rel);
  return rel;
}

/** The strings of a `[{String:{sval}}]` list (qualified names, column lists). */
export const strings = (list: PgNode[] | undefined): string[] => (list ?? []).map((n) => (n.String?.sval as string | undefined) ?? '').filter((s) => s !== '');

/** An object name from a DropStmt's `objects` entry (a List of Strings, or a bare String). */
export function objectName(o: PgNode): string[] {
  if (o.List) return strings(o.List.items);
  if (o.String) return [o.String.sval as string];
  if (o.TypeName) return strings(o.TypeName.names);
  return [];
}

export interface TypeInfo { name: string; mods: number[]; array: boolean; text: string }

const ALIASES: Record<string, string> = {
  int4: 'integer', int: 'integer', int8: 'bigint', int2: 'smallint', float8: 'double precision', float4: 'real',
  bool: 'boolean', varchar: 'varchar', bpchar: 'char', timestamptz: 'timestamptz', timestamp: 'timestamp',
  timetz: 'timetz', numeric: 'numeric', decimal: 'numeric',
};

/** A TypeName node as a comparable type (`pg_catalog.varchar(20)` → varchar, [20]). */
export function typeInfo(t: PgNode | undefined): TypeInfo | undefined {
  if (!t) return undefined;
  const names = strings(t.names);
  const raw = names[names.length - 1] ?? '';
  const name = ALIASES[raw] ?? raw;
  const mods = ((t.typmods ?? []) as PgNode[]).map((m) => Number(m.A_Const?.ival?.ival ?? 0));
  const array = Array.isArray(t.arrayBounds) && t.arrayBounds.length > 0;
  return { name, mods, array, text: `${name}${mods.length ? `(${mods.join(',')})` : ''}${array ? '[]' : ''}` };
}

/** Parses a type as the catalog prints it (`character varying(20)`, `numeric(10,2)`, `timestamp with time zone`). */
export function typeFromCatalog(text: string): TypeInfo | undefined {
  const m = /^(.*?)(?:\(([\d,\s]+)\))?(\[\])?$/.exec(text.trim());
  if (!m) return undefined;
  const base = m[1]!.trim().toLowerCase();
  const CAT: Record<string, string> = {
    'character varying': 'varchar', 'character': 'char', 'timestamp without time zone': 'timestamp',
    'timestamp with time zone': 'timestamptz', 'time without time zone': 'time', 'time with time zone': 'timetz',
    'double precision': 'double precision', 'int': 'integer', 'int4': 'integer', 'int8': 'bigint',
  };
  let name = CAT[base] ?? ALIASES[base] ?? base;
  // `timestamp(3) with time zone`: the precision sits in the middle
  const mid = /^(timestamp|time)\((\d+)\) with(out)? time zone$/.exec(base);
  let mods = m[2] ? m[2].split(',').map((x) => Number(x.trim())) : [];
  if (mid) {
    name = mid[1] === 'timestamp' ? (mid[3] ? 'timestamp' : 'timestamptz') : mid[3] ? 'time' : 'timetz';
    mods = [Number(mid[2])];
  }
  return { name, mods, array: !!m[3], text: `${name}${mods.length ? `(${mods.join(',')})` : ''}${m[3] ?? ''}` };
}

/** The constraints of a ColumnDef, by type. */
export const columnConstraints = (col: PgNode): PgNode[] => ((col.constraints ?? []) as PgNode[]).map((c) => c.Constraint as PgNode).filter(Boolean);

/** Every node of a subtree, depth first (for "does this expression call …" questions). */
export function* walk(node: unknown): Generator<PgNode> {
  if (Array.isArray(node)) {
    for (const n of node) yield* walk(n);
  } else if (node && typeof node === 'object') {
    yield node as PgNode;
    for (const v of Object.values(node)) if (v && typeof v === 'object') yield* walk(v);
  }
}

/** A column's name from a ColumnRef with one field. */
export function columnRefName(n: PgNode | undefined): string | undefined {
  const f = n?.ColumnRef?.fields as PgNode[] | undefined;
  return f && f.length === 1 ? (f[0]!.String?.sval as string | undefined) : undefined;
}

/** Whether an expression is exactly `col IS NOT NULL`. */
export function isNotNullTest(expr: PgNode | undefined, column: string): boolean {
  const t = expr?.NullTest;
  return !!t && t.nulltesttype === 'IS_NOT_NULL' && columnRefName(t.arg) === column;
}

/** A Python string literal. */
export const pyStr = (s: string): string => JSON.stringify(s);
