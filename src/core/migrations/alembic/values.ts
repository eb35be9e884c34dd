import { dotted, type PyExpr } from '../python/parse.js';

/** Raised for an argument the reader cannot turn into SQL without guessing; becomes a `not-understood` finding. */
export class NotUnderstood extends Error {}

const last = (e: PyExpr): string | undefined => dotted(e)?.split('.').pop();

/** A string argument; `op.f("name")` (naming-convention marker) counts as its string. */
export function str(e: PyExpr | undefined, what: string): string {
  if (e?.t === 'str' && !e.fstring) return e.v;
  if (e?.t === 'call' && last(e.fn) === 'f' && e.args[0]?.t === 'str') return e.args[0].v;
  throw new NotUnderstood(`${what} is not a plain string`);
}

export const optStr = (e: PyExpr | undefined, what: string): string | undefined => (e === undefined || (e.t === 'const' && e.v === null) ? undefined : str(e, what));

export function bool(e: PyExpr | undefined, what: string, dflt = false): boolean {
  if (e === undefined) return dflt;
  if (e.t === 'const' && typeof e.v === 'boolean') return e.v;
  throw new NotUnderstood(`${what} is not True or False`);
}

export function strList(e: PyExpr | undefined, what: string): string[] {
  if (e?.t === 'list') return e.items.map((i) => str(i, what));
  if (e?.t === 'str') return [e.v];
  throw new NotUnderstood(`${what} is not a list of strings`);
}

/** `sa.text("…")` or a plain string, as SQL text. */
export function sqlText(e: PyExpr | undefined, what: string): string {
  if (e?.t === 'str' && !e.fstring) return e.v;
  if (e?.t === 'call' && last(e.fn) === 'text' && e.args[0]?.t === 'str' && !e.args[0].fstring) return e.args[0].v;
  throw new NotUnderstood(`${what} is not a string or sa.text("…")`);
}

export const callName = (e: PyExpr | undefined): string | undefined => (e?.t === 'call' ? last(e.fn) : e ? last(e) : undefined);

const NUM = (e: PyExpr | undefined): number | undefined => (e?.t === 'num' ? e.v : undefined);

/** SQL for a SQLAlchemy type expression, as SQLAlchemy's PostgreSQL dialect renders it. */
export function sqlType(e: PyExpr | undefined): string {
  const name = callName(e);
  const args = e?.t === 'call' ? e.args : [];
  const kw = e?.t === 'call' ? e.kwargs : {};
  const n0 = NUM(args[0] ?? kw.length ?? kw.precision);
  switch (name) {
    case 'Integer': case 'INTEGER': case 'INT': return 'INTEGER';
    case 'BigInteger': case 'BIGINT': return 'BIGINT';
    case 'SmallInteger': case 'SMALLINT': return 'SMALLINT';
    case 'String': case 'VARCHAR': case 'Unicode': case 'NVARCHAR': return n0 !== undefined ? `VARCHAR(${n0})` : 'VARCHAR';
    case 'CHAR': case 'NCHAR': return n0 !== undefined ? `CHAR(${n0})` : 'CHAR';
    case 'Text': case 'TEXT': case 'UnicodeText': return 'TEXT';
    case 'Boolean': case 'BOOLEAN': return 'BOOLEAN';
    case 'DateTime': case 'TIMESTAMP': {
      const tz = kw.timezone?.t === 'const' && kw.timezone.v === true;
      const prec = NUM(kw.precision);
      return `TIMESTAMP${prec !== undefined ? `(${prec})` : ''} ${tz ? 'WITH' : 'WITHOUT'} TIME ZONE`;
    }
    case 'Date': case 'DATE': return 'DATE';
    case 'Time': case 'TIME': return `TIME ${kw.timezone?.t === 'const' && kw.timezone.v ? 'WITH' : 'WITHOUT'} TIME ZONE`;
    case 'Interval': case 'INTERVAL': return 'INTERVAL';
    case 'Float': case 'FLOAT': return 'FLOAT';
    case 'Double': case 'DOUBLE_PRECISION': return 'DOUBLE PRECISION';
    case 'REAL': return 'REAL';
    case 'Numeric': case 'NUMERIC': case 'DECIMAL': {
      const p = NUM(args[0] ?? kw.precision);
      const s = NUM(args[1] ?? kw.scale);
      return p !== undefined ? `NUMERIC(${p}${s !== undefined ? `, ${s}` : ''})` : 'NUMERIC';
    }
    case 'JSON': return 'JSON';
    case 'JSONB': return 'JSONB';
    case 'UUID': case 'Uuid': return 'UUID';
    case 'LargeBinary': case 'BYTEA': return 'BYTEA';
    case 'INET': return 'INET';
    case 'CIDR': return 'CIDR';
    case 'CITEXT': return 'CITEXT';
    case 'TSVECTOR': return 'TSVECTOR';
    case 'ARRAY': return `${sqlType(args[0])}[]`;
    default:
      throw new NotUnderstood(`type ${dotted(e?.t === 'call' ? e.fn : e) ?? 'expression'} is not one the reader knows`);
  }
}
