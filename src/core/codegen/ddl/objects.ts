import type { Sequence, UserType } from '../../introspect/types.js';
import { ident, lit, qname, qref } from './quote.js';

/** CREATE SEQUENCE from the snapshot (identity sequences are part of their column instead). */
export function renderSequence(schema: string, s: Sequence, opts: { ownedBy?: boolean } = {}): string {
  const name = qname(schema, s.name);
  const out = [`CREATE SEQUENCE ${name} AS ${s.type} START WITH ${s.start} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} CACHE ${s.cache}${s.cycle ? ' CYCLE' : ''};`];
  if (s.ownedBy?.kind === 'serial' && opts.ownedBy !== false) out.push(`ALTER SEQUENCE ${name} OWNED BY ${qref(s.ownedBy.table)}.${ident(s.ownedBy.column)};`);
  if (s.comment !== undefined) out.push(`COMMENT ON SEQUENCE ${name} IS ${lit(s.comment)};`);
  return out.join('\n') + '\n';
}

/** CREATE TYPE / CREATE DOMAIN from the snapshot. */
export function renderType(schema: string, t: UserType): string {
  const name = qname(schema, t.name);
  const out: string[] = [];
  switch (t.kind) {
    case 'enum':
      out.push(`CREATE TYPE ${name} AS ENUM (${t.labels.map(lit).join(', ')});`);
      break;
    case 'composite':
      out.push(`CREATE TYPE ${name} AS (${t.columns.map((c) => `${ident(c.name)} ${c.type}${c.collation ? ` COLLATE ${qref(c.collation)}` : ''}`).join(', ')});`);
      break;
    case 'range': {
      const parts = [`SUBTYPE = ${t.subtype}`];
      if (t.subtypeOpclass) parts.push(`SUBTYPE_OPCLASS = ${t.subtypeOpclass}`);
      if (t.collation) parts.push(`COLLATION = ${qref(t.collation)}`);
      if (t.canonical) parts.push(`CANONICAL = ${t.canonical}`);
      if (t.subtypeDiff) parts.push(`SUBTYPE_DIFF = ${t.subtypeDiff}`);
      if (t.multirange) parts.push(`MULTIRANGE_TYPE_NAME = ${qname(schema, t.multirange)}`);
      out.push(`CREATE TYPE ${name} AS RANGE (${parts.join(', ')});`);
      break;
    }
    case 'domain': {
      let sql = `CREATE DOMAIN ${name} AS ${t.baseType}`;
      if (t.collation) sql += ` COLLATE ${qref(t.collation)}`;
      if (t.default !== undefined) sql += ` DEFAULT ${t.default}`;
      if (t.notNull) sql += ' NOT NULL';
      for (const c of t.checks) sql += `\n  CONSTRAINT ${ident(c.name)} CHECK (${c.expression})${c.validated ? '' : ' NOT VALID'}`;
      out.push(`${sql};`);
      break;
    }
  }
  if (t.comment !== undefined) out.push(`COMMENT ON ${t.kind === 'domain' ? 'DOMAIN' : 'TYPE'} ${name} IS ${lit(t.comment)};`);
  return out.join('\n') + '\n';
}
