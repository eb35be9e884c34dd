import type { ForeignKey, Index, Table } from '../../introspect/types.js';
import { quoteIdent } from '../../sql/ident.js';
import type { Imports } from './imports.js';
import { pyStr } from './names.js';

/** PostgreSQL's default names, which the generated MetaData's naming_convention reproduces. */
export const conventionName = {
  pk: (t: string) => `${t}_pkey`,
  uq: (t: string, cols: string[]) => `${t}_${cols.join('_')}_key`,
  fk: (t: string, cols: string[]) => `${t}_${cols.join('_')}_fkey`,
};

/** A name is left to the convention only where SQLAlchemy would produce exactly it (no truncation). */
const byConvention = (name: string, expected: string) => name === expected && Buffer.byteLength(expected) <= 63;

export const NAMING_CONVENTION = '{"pk": "%(table_name)s_pkey", "uq": "%(table_name)s_%(column_0_N_name)s_key", "fk": "%(table_name)s_%(column_0_N_name)s_fkey", "ix": "%(table_name)s_%(column_0_N_name)s_idx"}';

function fkOptions(fk: ForeignKey): string[] {
  const o: string[] = [];
  if (fk.onDelete !== 'NO ACTION') o.push(`ondelete=${pyStr(fk.onDelete)}`);
  if (fk.onUpdate !== 'NO ACTION') o.push(`onupdate=${pyStr(fk.onUpdate)}`);
  if (fk.deferrable) o.push('deferrable=True');
  if (fk.initiallyDeferred) o.push(`initially=${pyStr('DEFERRED')}`);
  if (fk.match !== 'SIMPLE') o.push(`match=${pyStr(fk.match)}`);
  if (!fk.validated) o.push('postgresql_not_valid=True');
  return o;
}

/** Tables in the default schema are mapped without `schema=`, as Alembic reflects them. */
export const DEFAULT_SCHEMA = 'public';

/** `table.col`, or `schema.table.col` outside the default schema. */
export const tableRef = (q: string): string => (q.startsWith(`${DEFAULT_SCHEMA}.`) ? q.slice(DEFAULT_SCHEMA.length + 1) : q);

const refOf = (fk: ForeignKey, col: string) => `${tableRef(fk.references.table)}.${col}`;

/** `ForeignKey("schema.table.col", ...)` for a single-column key. */
export function inlineFk(t: Table, fk: ForeignKey, im: Imports): string {
  const args = [pyStr(refOf(fk, fk.references.columns[0]!)), ...fkOptions(fk)];
  if (!byConvention(fk.name, conventionName.fk(t.name, fk.columns))) args.push(`name=${pyStr(fk.name)}`);
  return `${im.add('sqlalchemy', 'ForeignKey')}(${args.join(', ')})`;
}

/** One index key as an Index element: a column name, or SQL text for expressions and DESC / NULLS order. */
function indexElement(k: Index['keys'][number], im: Imports): string {
  const asc = !k.desc;
  const order = `${k.desc ? ' DESC' : ''}${asc && k.nullsFirst ? ' NULLS FIRST' : ''}${!asc && !k.nullsFirst ? ' NULLS LAST' : ''}`;
  if (k.column && !order && !k.collation) return pyStr(k.column);
  const body = k.column ? quoteIdent(k.column) : `(${k.expression})`;
  return `${im.add('sqlalchemy', 'text')}(${pyStr(`${body}${k.collation ? ` COLLATE ${k.collation}` : ''}${order}`)})`;
}

/** `__table_args__` entries (or Table() arguments): constraints and indexes SQLAlchemy can express. */
export function tableArgs(t: Table, o: { pkInline: boolean; inlineFks: Set<string> }, im: Imports, warn: (object: string, message: string) => void): string[] {
  const out: string[] = [];
  const pk = t.primaryKey;
  if (pk && !o.pkInline) {
    const name = byConvention(pk.name, conventionName.pk(t.name)) ? '' : `, name=${pyStr(pk.name)}`;
    out.push(`${im.add('sqlalchemy', 'PrimaryKeyConstraint')}(${pk.columns.map(pyStr).join(', ')}${name})`);
  }
  if (pk?.deferrable) warn(pk.name, 'primary key is DEFERRABLE, which SQLAlchemy does not render');
  for (const fk of t.foreignKeys) {
    if (o.inlineFks.has(fk.name)) continue;
    const args = [`[${fk.columns.map(pyStr).join(', ')}]`, `[${fk.references.columns.map((c) => pyStr(refOf(fk, c))).join(', ')}]`, ...fkOptions(fk)];
    if (!byConvention(fk.name, conventionName.fk(t.name, fk.columns))) args.push(`name=${pyStr(fk.name)}`);
    out.push(`${im.add('sqlalchemy', 'ForeignKeyConstraint')}(${args.join(', ')})`);
    if (fk.onDeleteSetColumns) warn(fk.name, `ON DELETE ${fk.onDelete} (${fk.onDeleteSetColumns.join(', ')}) is rendered as ON DELETE ${fk.onDelete} for all key columns`);
  }
  for (const fk of t.foreignKeys) if (!fk.enforced) warn(fk.name, 'foreign key is NOT ENFORCED, which SQLAlchemy does not render');
  for (const u of t.uniques) {
    const args = u.columns.map(pyStr);
    if (!byConvention(u.name, conventionName.uq(t.name, u.columns))) args.push(`name=${pyStr(u.name)}`);
    if (u.nullsNotDistinct) args.push('postgresql_nulls_not_distinct=True');
    if (u.deferrable) args.push('deferrable=True', ...(u.initiallyDeferred ? [`initially=${pyStr('DEFERRED')}`] : []));
    out.push(`${im.add('sqlalchemy', 'UniqueConstraint')}(${args.join(', ')})`);
  }
  for (const c of [...t.checks].sort((a, b) => a.name.localeCompare(b.name))) {
    if (c.inherited) continue;
    const args = [pyStr(c.expression), `name=${pyStr(c.name)}`];
    if (!c.validated) args.push('postgresql_not_valid=True');
    out.push(`${im.add('sqlalchemy', 'CheckConstraint')}(${args.join(', ')})`);
    if (!c.enforced) warn(c.name, 'CHECK is NOT ENFORCED, which SQLAlchemy does not render');
  }
  for (const x of t.exclusions) warn(x.name, `exclusion constraint is not rendered; add it after create_all: ALTER TABLE … ADD CONSTRAINT ${quoteIdent(x.name)} ${x.definition}`);
  for (const i of [...t.indexes].sort((a, b) => a.name.localeCompare(b.name))) {
    if (i.constraint || i.primary || i.parent) continue;
    const args = [pyStr(i.name), ...i.keys.map((k) => indexElement(k, im))];
    if (i.unique) args.push('unique=True');
    if (i.method !== 'btree') args.push(`postgresql_using=${pyStr(i.method)}`);
    const ops = i.keys.filter((k) => k.column && k.opclass).map((k) => `${pyStr(k.column!)}: ${pyStr(k.opclass!)}`);
    if (ops.length) args.push(`postgresql_ops={${ops.join(', ')}}`);
    if (i.keys.some((k) => !k.column && k.opclass)) warn(i.name, 'operator classes on expression keys are not rendered');
    if (i.include.length) args.push(`postgresql_include=[${i.include.map(pyStr).join(', ')}]`);
    if (i.predicate) args.push(`postgresql_where=${im.add('sqlalchemy', 'text')}(${pyStr(i.predicate)})`);
    if (i.nullsNotDistinct) args.push('postgresql_nulls_not_distinct=True');
    if (Object.keys(i.options).length) args.push(`postgresql_with={${Object.entries(i.options).map(([k, v]) => `${pyStr(k)}: ${pyStr(v)}`).join(', ')}}`);
    if (!i.valid) warn(i.name, 'index is INVALID in the database; create_all builds it valid');
    out.push(`${im.add('sqlalchemy', 'Index')}(${args.join(', ')})`);
  }
  return out;
}

/** The keyword part of `__table_args__` (or Table() keywords): schema, comment, partitioning, storage. */
export function tableKeywords(schema: string, t: Table, warn: (object: string, message: string) => void): [string, string][] {
  const kw: [string, string][] = schema === DEFAULT_SCHEMA ? [] : [['schema', pyStr(schema)]];
  if (t.comment) kw.push(['comment', pyStr(t.comment)]);
  if (t.partition?.key) kw.push(['postgresql_partition_by', pyStr(t.partition.key)]);
  if (t.persistence === 'unlogged') kw.push(['prefixes', '["UNLOGGED"]']);
  if (t.inherits.length) {
    kw.push(['postgresql_inherits', `[${t.inherits.map(pyStr).join(', ')}]`]);
    warn(t.name, 'uses INHERITS: primary keys, unique constraints and foreign keys are not inherited by children');
  }
  if (Object.keys(t.options).length) warn(t.name, `storage parameters are not rendered: ALTER TABLE … SET (${Object.entries(t.options).map(([k, v]) => `${k} = ${v}`).join(', ')})`);
  return kw;
}
