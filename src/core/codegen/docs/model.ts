import type { Column, ForeignKey, Index, SchemaSnapshot, Table } from '../../introspect/types.js';
import type { Finding } from '../../rules/types.js';
import { describeCheck } from './business-rules.js';

/** A relationship as the docs describe it, from either side. */
export interface Relation {
  /** the FK constraint */
  name: string;
  from: { table: string; columns: string[] };
  to: { table: string; columns: string[] };
  /** the referencing row's side: exactly one / zero or one parent */
  optional: boolean;
  /** at most one child per parent (the FK columns are unique) */
  oneToOne: boolean;
  onDelete: string;
}

export interface DocTable {
  schema: string;
  name: string;
  qname: string;
  table: Table;
  outgoing: Relation[];
  incoming: Relation[];
  /** business rules in plain words */
  rules: string[];
  findings: Finding[];
}

const isUniqueOn = (t: Table, cols: string[]): boolean =>
  [t.primaryKey, ...t.uniques].some((k) => k && k.columns.length === cols.length && k.columns.every((c) => cols.includes(c))) ||
  t.indexes.some((i) => i.unique && !i.predicate && i.keys.length === cols.length && i.keys.every((k) => k.column && cols.includes(k.column)));

export function relationOf(snap: SchemaSnapshot, from: { qname: string; table: Table }, fk: ForeignKey): Relation {
  return {
    name: fk.name,
    from: { table: from.qname, columns: fk.columns },
    to: { table: fk.references.table, columns: fk.references.columns },
    optional: fk.columns.some((c) => !from.table.columns.find((x) => x.name === c)?.notNull),
    oneToOne: isUniqueOn(from.table, fk.columns),
    onDelete: fk.onDelete,
  };
}

/** Every table with its relationships both ways, rules in words and checklist findings; in name order. */
export function docTables(snap: SchemaSnapshot, findings: Finding[] = []): DocTable[] {
  const out: DocTable[] = [];
  const byQ = new Map<string, DocTable>();
  for (const schema of Object.keys(snap.schemas).sort()) {
    const s = snap.schemas[schema]!;
    for (const name of Object.keys(s.tables).sort()) {
      const table = s.tables[name]!;
      if (table.extension) continue;
      const qname = `${schema}.${name}`;
      const d: DocTable = { schema, name, qname, table, outgoing: [], incoming: [], rules: rulesOf(snap, table), findings: [] };
      out.push(d);
      byQ.set(qname, d);
    }
  }
  for (const d of out) {
    for (const fk of [...d.table.foreignKeys].sort((a, b) => a.name.localeCompare(b.name))) {
      const r = relationOf(snap, d, fk);
      d.outgoing.push(r);
      byQ.get(r.to.table)?.incoming.push(r);
    }
  }
  for (const f of findings) {
    if (f.target.schema && f.target.table) byQ.get(`${f.target.schema}.${f.target.table}`)?.findings.push(f);
  }
  return out;
}

function rulesOf(snap: SchemaSnapshot, t: Table): string[] {
  const rules: string[] = [];
  for (const c of t.columns) {
    const [ts, tn] = splitQ(c.typeRef);
    const type = snap.schemas[ts]?.types[tn];
    if (type?.kind === 'enum') rules.push(`${c.name} is one of ${type.labels.join(', ')}`);
    if (type?.kind === 'domain') for (const k of type.checks) rules.push(`${describeCheck(k.expression, c.name)} (domain ${tn})`);
  }
  for (const k of [...t.checks].sort((a, b) => a.name.localeCompare(b.name))) {
    rules.push(`${describeCheck(k.expression)}${k.validated ? '' : ' (not yet validated for existing rows)'}`);
  }
  for (const u of t.uniques) rules.push(`no two rows share the same ${u.columns.join(' and ')}${u.nullsNotDistinct ? ' (empty values count as equal)' : ''}`);
  for (const i of t.indexes) {
    if (!i.unique || i.constraint) continue;
    const what = i.keys.map((k) => k.column ?? k.expression).join(' and ');
    rules.push(`no two rows share the same ${what}${i.predicate ? ` where ${i.predicate}` : ''}`);
  }
  return rules;
}

export function splitQ(q: string): [string, string] {
  const i = q.indexOf('.');
  return i < 0 ? ['', q] : [q.slice(0, i), q.slice(i + 1)];
}

/** What an index is for, in words. */
export function indexPurpose(t: Table, i: Index): string {
  const keys = i.keys.map((k) => `${k.column ?? k.expression}${k.desc ? ' (descending)' : ''}`).join(', ');
  const parts: string[] = [];
  if (i.primary) parts.push('backs the primary key');
  else if (i.constraint && i.exclusion) parts.push(`implements the exclusion constraint ${i.constraint}`);
  else if (i.constraint) parts.push(`backs the unique constraint ${i.constraint}`);
  else if (i.unique) parts.push(`keeps ${keys} unique`);
  const fks = t.foreignKeys.filter((fk) => i.valid && !i.predicate && fk.columns.every((c, n) => i.keys[n]?.column !== undefined && fk.columns.includes(i.keys[n]!.column!)) && i.keys.length >= fk.columns.length);
  for (const fk of fks) parts.push(`serves the foreign key ${fk.name}`);
  if (!i.primary && !i.constraint) {
    const how = i.method === 'gin' ? 'containment and full-text searches on' : i.method === 'gist' ? 'range and geometric searches on' : i.method === 'brin' ? 'range scans over' : 'lookups and sorting by';
    parts.push(`${how} ${keys}`);
  }
  if (i.include.length) parts.push(`covers ${i.include.join(', ')} too (index-only scans)`);
  if (i.predicate) parts.push(`only for rows where ${i.predicate}`);
  if (!i.valid) parts.push('INVALID: not used for reads');
  return parts.join('; ');
}

export function columnDefault(c: Column): string {
  if (c.identity) return `identity (${c.identity.kind === 'always' ? 'always' : 'by default'})`;
  if (c.generated) return `generated: ${c.generated.expr}`;
  return c.default ?? '';
}
