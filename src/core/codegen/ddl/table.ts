import type { Column, Index, Policy, Table, Trigger } from '../../introspect/types.js';
import { renderGrants } from './grants.js';
import { ident, lit, qname, qref } from './quote.js';

/** format_type prints one `[]` whatever the declared dimensions; attndims keeps the declared count. */
const declaredType = (c: Column) => (c.arrayDims > 1 && c.type.endsWith('[]') ? c.type.replace(/(\[\])+$/, '[]'.repeat(c.arrayDims)) : c.type);

/** One column of CREATE TABLE (also ALTER TABLE … ADD COLUMN). */
export function columnLine(c: Column): string {
  const parts = [ident(c.name), declaredType(c)];
  if (c.compression) parts.push(`COMPRESSION ${c.compression}`);
  if (c.collation) parts.push(`COLLATE ${qref(c.collation)}`);
  if (c.identity) {
    const o = c.identity.options;
    const seq = o ? ` (START WITH ${o.start} INCREMENT BY ${o.increment} MINVALUE ${o.min} MAXVALUE ${o.max} CACHE ${o.cache}${o.cycle ? ' CYCLE' : ''})` : '';
    parts.push(`GENERATED ${c.identity.kind === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${seq}`);
  }
  if (c.generated) parts.push(`GENERATED ALWAYS AS (${c.generated.expr}) ${c.generated.kind === 'stored' ? 'STORED' : 'VIRTUAL'}`);
  if (c.default !== undefined) parts.push(`DEFAULT ${c.default}`);
  if (c.notNull) parts.push('NOT NULL');
  return parts.join(' ');
}

const cols = (names: string[]) => names.map(ident).join(', ');
const deferral = (k: { deferrable: boolean; initiallyDeferred: boolean }) =>
  k.deferrable ? ` DEFERRABLE${k.initiallyDeferred ? ' INITIALLY DEFERRED' : ''}` : '';

/** Constraints as CREATE TABLE lines; `notValid` selects the NOT VALID ones, which CREATE TABLE would validate. */
export function constraintLines(t: Table, notValid = false): string[] {
  const out: string[] = [];
  if (t.primaryKey && !notValid) {
    const k = t.primaryKey;
    out.push(`CONSTRAINT ${ident(k.name)} PRIMARY KEY (${cols(k.columns)}${k.period ? ' WITHOUT OVERLAPS' : ''})${deferral(k)}`);
  }
  for (const u of notValid ? [] : t.uniques) {
    out.push(`CONSTRAINT ${ident(u.name)} UNIQUE${u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${cols(u.columns)}${u.period ? ' WITHOUT OVERLAPS' : ''})${deferral(u)}`);
  }
  for (const c of t.checks) {
    if (c.inherited || c.validated === notValid) continue;
    out.push(`CONSTRAINT ${ident(c.name)} CHECK (${c.expression})${c.noInherit ? ' NO INHERIT' : ''}${c.enforced ? '' : ' NOT ENFORCED'}${c.validated ? '' : ' NOT VALID'}`);
  }
  for (const x of notValid ? [] : t.exclusions) out.push(`CONSTRAINT ${ident(x.name)} ${x.definition}`);
  for (const f of t.foreignKeys) {
    if (f.validated === notValid) continue;
    const refCols = f.references.columns.map((c, i) => (f.period && i === f.references.columns.length - 1 ? `PERIOD ${ident(c)}` : ident(c)));
    const own = f.columns.map((c, i) => (f.period && i === f.columns.length - 1 ? `PERIOD ${ident(c)}` : ident(c)));
    let line = `CONSTRAINT ${ident(f.name)} FOREIGN KEY (${own.join(', ')}) REFERENCES ${qref(f.references.table)} (${refCols.join(', ')})`;
    if (f.match !== 'SIMPLE') line += ` MATCH ${f.match}`;
    if (f.onUpdate !== 'NO ACTION') line += ` ON UPDATE ${f.onUpdate}`;
    if (f.onDelete !== 'NO ACTION') line += ` ON DELETE ${f.onDelete}${f.onDeleteSetColumns ? ` (${cols(f.onDeleteSetColumns)})` : ''}`;
    line += deferral(f);
    if (!f.enforced) line += ' NOT ENFORCED';
    if (!f.validated) line += ' NOT VALID';
    out.push(line);
  }
  return out;
}

/** CREATE INDEX for an index not owned by a constraint, from its loaded definition or its parts. */
export function renderIndex(schema: string, table: string, i: Index): string {
  if (i.definition) return `${i.definition};`;
  const keys = i.keys.map((k) => {
    let s = k.column !== undefined ? ident(k.column) : `(${k.expression})`;
    if (k.collation) s += ` COLLATE ${qref(k.collation)}`;
    if (k.opclass) s += ` ${k.opclass}`;
    if (k.desc) s += ' DESC';
    if (k.desc !== k.nullsFirst) s += k.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST';
    return s;
  });
  let sql = `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX ${ident(i.name)} ON ${qname(schema, table)} USING ${i.method} (${keys.join(', ')})`;
  if (i.include.length) sql += ` INCLUDE (${cols(i.include)})`;
  if (i.nullsNotDistinct) sql += ' NULLS NOT DISTINCT';
  const opts = Object.entries(i.options);
  if (opts.length) sql += ` WITH (${opts.map(([k, v]) => `${k}=${v}`).join(', ')})`;
  if (i.tablespace) sql += ` TABLESPACE ${ident(i.tablespace)}`;
  if (i.predicate) sql += ` WHERE ${i.predicate}`;
  return `${sql};`;
}

/** CREATE POLICY on the quoted table `on`. */
export function renderPolicy(on: string, p: Policy): string {
  let sql = `CREATE POLICY ${ident(p.name)} ON ${on}${p.permissive ? '' : ' AS RESTRICTIVE'} FOR ${p.command}`;
  if (!(p.roles.length === 1 && p.roles[0] === 'PUBLIC')) sql += ` TO ${p.roles.map((r) => (r === 'PUBLIC' ? r : ident(r))).join(', ')}`;
  if (p.using !== undefined) sql += ` USING (${p.using})`;
  if (p.withCheck !== undefined) sql += ` WITH CHECK (${p.withCheck})`;
  return `${sql};`;
}

/** CREATE TRIGGER on the quoted table `on`, from its loaded definition or its parts. */
export function renderTrigger(on: string, tr: Trigger): string {
  if (tr.definition) return `${tr.definition};`;
  const events = tr.events.map((e) => (e === 'UPDATE' && tr.columns ? `UPDATE OF ${cols(tr.columns)}` : e)).join(' OR ');
  return `CREATE ${tr.constraint ? 'CONSTRAINT ' : ''}TRIGGER ${ident(tr.name)} ${tr.timing} ${events} ON ${on} FOR EACH ${tr.level} EXECUTE FUNCTION ${qref(tr.function)}();`;
}

/**
 * The DDL of one table from its snapshot: CREATE TABLE with columns and constraints, then indexes,
 * RLS, policies, triggers and comments. Identifiers are always quoted.
 */
export function renderTable(schema: string, t: Table): string {
  const name = qname(schema, t.name);
  const out: string[] = [];
  const kw = t.persistence === 'unlogged' ? 'CREATE UNLOGGED TABLE' : t.persistence === 'temp' ? 'CREATE TEMPORARY TABLE' : t.kind === 'foreign' ? 'CREATE FOREIGN TABLE' : 'CREATE TABLE';
  // a typed table and a partition take their columns from the type or the parent
  const derived = !!t.partition?.parent || !!t.ofType;
  if (t.partition?.parent) {
    out.push(`${kw} ${name} PARTITION OF ${qref(t.partition.parent)} ${t.partition.bound ?? 'DEFAULT'}${t.partition.key ? ` PARTITION BY ${t.partition.key}` : ''};`);
  } else if (t.ofType) {
    out.push(`${kw} ${name} OF ${qref(t.ofType)};`);
    for (const c of t.columns) {
      if (c.notNull) out.push(`ALTER TABLE ${name} ALTER COLUMN ${ident(c.name)} SET NOT NULL;`);
      if (c.default !== undefined) out.push(`ALTER TABLE ${name} ALTER COLUMN ${ident(c.name)} SET DEFAULT ${c.default};`);
    }
  } else {
    const body = [...t.columns.filter((c) => !c.inherited).map(columnLine), ...constraintLines(t)];
    let sql = `${kw} ${name} (\n${body.map((l) => `  ${l}`).join(',\n')}\n)`;
    if (t.inherits.length) sql += ` INHERITS (${t.inherits.map(qref).join(', ')})`;
    if (t.partition?.key) sql += ` PARTITION BY ${t.partition.key}`;
    if (t.accessMethod) sql += ` USING ${ident(t.accessMethod)}`;
    const opts = Object.entries(t.options);
    if (opts.length) sql += ` WITH (${opts.map(([k, v]) => `${k}=${v}`).join(', ')})`;
    if (t.tablespace) sql += ` TABLESPACE ${ident(t.tablespace)}`;
    if (t.foreign) {
      sql += ` SERVER ${ident(t.foreign.server)}`;
      const fo = Object.entries(t.foreign.options);
      if (fo.length) sql += ` OPTIONS (${fo.map(([k, v]) => `${k} ${lit(v)}`).join(', ')})`;
    }
    out.push(`${sql};`);
  }
  if (derived) {
    // constraints of a partition that its parent does not give it, or of a typed table, come afterwards
    const own = t.partition?.parent ? { ...t, primaryKey: undefined, uniques: [] } : t;
    for (const l of constraintLines(own)) out.push(`ALTER TABLE ${name} ADD ${l};`);
  }
  for (const l of constraintLines(t, true)) out.push(`ALTER TABLE ${name} ADD ${l};`);
  for (const i of t.indexes) if (!i.constraint && !i.parent) out.push(renderIndex(schema, t.name, i));
  if (t.replicaIdentity) {
    const ri = t.replicaIdentity === 'index' ? `USING INDEX ${ident(t.indexes.find((i) => i.unique)?.name ?? '')}` : t.replicaIdentity.toUpperCase();
    out.push(`ALTER TABLE ${name} REPLICA IDENTITY ${ri};`);
  }
  if (t.rls.enabled) out.push(`ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY;`);
  if (t.rls.forced) out.push(`ALTER TABLE ${name} FORCE ROW LEVEL SECURITY;`);
  for (const p of t.policies) out.push(renderPolicy(name, p));
  for (const tr of t.triggers) out.push(renderTrigger(name, tr));
  out.push(...renderGrants(t.acl, `TABLE ${name}`, t.owner));
  for (const c of t.columns) if (c.acl) out.push(...renderGrants(c.acl, `TABLE ${name}`, t.owner, ident(c.name)));
  for (const tr of t.triggers) {
    const how = { origin: '', disabled: 'DISABLE', replica: 'ENABLE REPLICA', always: 'ENABLE ALWAYS' }[tr.enabled];
    if (how) out.push(`ALTER TABLE ${name} ${how} TRIGGER ${ident(tr.name)};`);
  }
  if (t.comment !== undefined) out.push(`COMMENT ON ${t.kind === 'foreign' ? 'FOREIGN TABLE' : 'TABLE'} ${name} IS ${lit(t.comment)};`);
  for (const c of t.columns) if (c.comment !== undefined) out.push(`COMMENT ON COLUMN ${name}.${ident(c.name)} IS ${lit(c.comment)};`);
  const constraintComments = [t.primaryKey, ...t.uniques, ...t.checks, ...t.foreignKeys, ...t.exclusions].filter((k) => k?.comment !== undefined);
  for (const k of constraintComments) out.push(`COMMENT ON CONSTRAINT ${ident(k!.name)} ON ${name} IS ${lit(k!.comment!)};`);
  for (const i of t.indexes) if (i.comment !== undefined) out.push(`COMMENT ON INDEX ${qname(schema, i.name)} IS ${lit(i.comment)};`);
  for (const tr of t.triggers) if (tr.comment !== undefined) out.push(`COMMENT ON TRIGGER ${ident(tr.name)} ON ${name} IS ${lit(tr.comment)};`);
  for (const p of t.policies) if (p.comment !== undefined) out.push(`COMMENT ON POLICY ${ident(p.name)} ON ${name} IS ${lit(p.comment)};`);
  return out.join('\n') + '\n';
}
