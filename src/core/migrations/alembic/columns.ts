import { quoteIdent as qi } from '../../sql/ident.js';
import type { PyExpr } from '../python/parse.js';
import { NotUnderstood, bool, callName, sqlText, sqlType, str } from './values.js';

export interface RenderedColumn { name: string; sql: string; primary: boolean; foreignKeys: { table: string; column: string; ondelete?: string; onupdate?: string }[] }

/** Column keyword arguments that change only Python-side behaviour, not the DDL Alembic emits. */
const PYTHON_ONLY = new Set(['default', 'onupdate', 'comment', 'doc', 'info', 'key', 'quote', 'index', 'autoincrement', 'system', 'sort_order', 'insert_default']);

/** A table name as SQL: `schema.table` strings are split and quoted part by part. */
export const qualified = (name: string, schema?: string): string => (schema ? `${qi(schema)}.${qi(name)}` : qi(name));

/** `server_default=` as SQL: a string is a literal, `sa.text(…)` is raw SQL, `sa.func.now()` a call. */
export function serverDefault(e: PyExpr): string {
  if (e.t === 'str' && !e.fstring) return `'${e.v.replace(/'/g, "''")}'`;
  if (e.t === 'call' && callName(e) === 'text') return sqlText(e, 'server_default');
  if (e.t === 'call' && e.fn.t === 'attr' && e.fn.obj.t === 'attr' && e.fn.obj.name === 'func' && !e.args.length) return `${e.fn.name}()`;
  if (e.t === 'call' && callName(e) === 'literal' && e.args[0]) return serverDefault(e.args[0]);
  throw new NotUnderstood('server_default is not a string, sa.text("…") or sa.func.NAME()');
}

/** One `sa.Column(...)`, rendered as SQLAlchemy's DDL compiler does for PostgreSQL. */
export function renderColumn(e: PyExpr | undefined, o: { inCreateTable: boolean }): RenderedColumn {
  if (e?.t !== 'call' || callName(e) !== 'Column') throw new NotUnderstood('column is not sa.Column(…)');
  if (e.starred) throw new NotUnderstood('sa.Column(*…) is not understood');
  const name = str(e.args[0], 'column name');
  let type: string | undefined;
  const extras: string[] = [];
  const fks: RenderedColumn['foreignKeys'] = [];
  for (const a of e.args.slice(1)) {
    const cn = callName(a);
    if (cn === 'ForeignKey' && a.t === 'call') {
      const target = str(a.args[0], 'ForeignKey target');
      const dot = target.lastIndexOf('.');
      if (dot < 0) throw new NotUnderstood('ForeignKey target is not "table.column"');
      fks.push({ table: target.slice(0, dot), column: target.slice(dot + 1), ondelete: a.kwargs.ondelete ? str(a.kwargs.ondelete, 'ondelete') : undefined, onupdate: a.kwargs.onupdate ? str(a.kwargs.onupdate, 'onupdate') : undefined });
    } else if (cn === 'Identity' && a.t === 'call') {
      extras.push(`GENERATED ${a.kwargs.always?.t === 'const' && a.kwargs.always.v ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`);
    } else if (cn === 'Computed' && a.t === 'call') {
      extras.push(`GENERATED ALWAYS AS (${sqlText(a.args[0], 'Computed expression')}) ${a.kwargs.persisted?.t === 'const' && a.kwargs.persisted.v === false ? 'VIRTUAL' : 'STORED'}`);
    } else if (type === undefined) {
      type = sqlType(a);
    } else throw new NotUnderstood(`sa.Column argument ${cn ?? 'expression'} is not understood`);
  }
  if (type === undefined) throw new NotUnderstood(`column ${name} has no type`);
  const primary = bool(e.kwargs.primary_key, 'primary_key');
  const nullableArg = e.kwargs.nullable;
  const nullable = nullableArg === undefined ? !primary : bool(nullableArg, 'nullable');
  for (const k of Object.keys(e.kwargs)) {
    if (!['nullable', 'primary_key', 'server_default', 'unique', 'type_', 'name'].includes(k) && !PYTHON_ONLY.has(k)) throw new NotUnderstood(`sa.Column(${k}=…) is not understood`);
  }
  const parts = [qi(name), type];
  const sd = e.kwargs.server_default;
  if (sd && !(sd.t === 'const' && sd.v === null)) parts.push(`DEFAULT ${serverDefault(sd)}`);
  parts.push(...extras);
  if (!nullable) parts.push('NOT NULL');
  // in CREATE TABLE SQLAlchemy emits PRIMARY KEY / UNIQUE as table constraints; add_column inlines them
  if (primary && !o.inCreateTable) parts.push('PRIMARY KEY');
  if (bool(e.kwargs.unique, 'unique')) parts.push('UNIQUE');
  return { name, sql: parts.join(' '), primary, foreignKeys: fks };
}
