import type { Column, SchemaSnapshot, SequenceOptions, Table } from '../../introspect/types.js';
import { pyStr } from './names.js';
import { sequenceConst, sequenceOf } from './sequences.js';
import type { MappedTable } from './plan.js';
import { columnType, type TypeContext } from './types.js';

const TYPE_MAX: Record<string, string> = { smallint: '32767', integer: '2147483647', bigint: '9223372036854775807' };

/** Identity(...) with only the options that differ from PostgreSQL's defaults. */
function identityArgs(kind: 'always' | 'by_default', o: SequenceOptions | undefined, columnType: string): string {
  const args = [`always=${kind === 'always' ? 'True' : 'False'}`];
  if (o) {
    const inc = Number(o.increment);
    const ascending = inc > 0;
    const max = TYPE_MAX[o.type] ?? TYPE_MAX[columnType];
    if (o.start !== (ascending ? o.min : o.max)) args.push(`start=${o.start}`);
    if (o.increment !== '1') args.push(`increment=${o.increment}`);
    if (ascending && o.min !== '1') args.push(`minvalue=${o.min}`);
    if (ascending && max && o.max !== max) args.push(`maxvalue=${o.max}`);
    if (o.cache !== '1') args.push(`cache=${o.cache}`);
    if (o.cycle) args.push('cycle=True');
  }
  return args.join(', ');
}

/** Whether a nextval() default belongs to a serial key that `create_all` recreates as SERIAL/BIGSERIAL. */
export function isSerialKey(snap: SchemaSnapshot, schema: string, t: Table, c: Column): boolean {
  const m = c.default && /^nextval\('(.+)'::regclass\)$/.exec(c.default);
  // SQLAlchemy (and so Alembic) reads such a key as SERIAL, and create_all makes it one again
  if (!m || !t.primaryKey?.columns.includes(c.name)) return false;
  if (!['integer', 'bigint', 'smallint'].includes(c.type)) return false;
  const seqName = m[1]!.replace(/^"?([^".]+)"?\."?/, '').replace(/"$/, '');
  const seq = snap.schemas[schema]?.sequences[seqName];
  return !!seq?.ownedBy && seq.ownedBy.column === c.name && seqName === `${t.name}_${c.name}_seq`;
}

export interface ColumnLine {
  text: string;
  /** the column carries its FK inline (single-column FKs) */
  inlineFk?: string;
}

/** `attr: Mapped[T] = mapped_column(...)` for one column. */
export function renderColumn(mt: MappedTable, c: Column, ctx: TypeContext, o: { inlineFk?: string; pkInline: boolean; serialKey: boolean }): string {
  const { imports: im } = ctx;
  const attr = mt.attrs.get(c.name)!;
  const ty = columnType(c, ctx);
  const args: string[] = [];
  if (attr !== c.name) args.push(pyStr(c.name));
  args.push(ty.sa);
  if (o.inlineFk) args.push(o.inlineFk);
  const seq = c.default && !o.serialKey ? sequenceOf(ctx.snap, mt.schema, c.default) : undefined;
  if (seq) args.push(sequenceConst(seq.name));
  if (c.identity) args.push(`${im.add('sqlalchemy', 'Identity')}(${identityArgs(c.identity.kind, c.identity.options, c.type)})`);
  if (c.generated) args.push(`${im.add('sqlalchemy', 'Computed')}(${pyStr(c.generated.expr)}, persisted=${c.generated.kind === 'stored' ? 'True' : 'False'})`);
  const isPk = mt.table.primaryKey?.columns.includes(c.name) ?? false;
  if (isPk && o.pkInline) args.push('primary_key=True');
  if (isPk && o.pkInline && !c.identity && !o.serialKey && ['smallint', 'integer', 'bigint'].includes(c.type)) args.push('autoincrement=False');
  if (o.serialKey && (mt.table.primaryKey?.columns.length ?? 0) > 1) args.push('autoincrement=True');
  // a JSON annotation admits None itself, so nullability is always spelled out for JSON columns
  if (ty.py === 'JsonValue') args.push(`nullable=${c.notNull ? 'False' : 'True'}`);
  if (seq) args.push(`server_default=${sequenceConst(seq.name)}.next_value()`);
  else if (c.default !== undefined && !c.identity && !c.generated && !o.serialKey) args.push(`server_default=${im.add('sqlalchemy', 'text')}(${pyStr(c.default)})`);
  if (c.comment) args.push(`comment=${pyStr(c.comment)}`);
  const py = c.notNull || isPk ? ty.py : `${ty.py} | None`;
  im.add('sqlalchemy.orm', 'Mapped');
  im.add('sqlalchemy.orm', 'mapped_column');
  return `    ${attr}: Mapped[${py}] = mapped_column(${args.join(', ')})`;
}

/** `Column(...)` for a Table() (no primary key, association, view). */
export function renderTableColumn(c: Column, ctx: TypeContext, o: { inlineFk?: string; serialKey?: boolean; plain?: boolean }): string {
  const im = ctx.imports;
  const ty = columnType(c, ctx);
  const args = [pyStr(c.name), ty.sa];
  if (!o.plain) {
    if (o.inlineFk) args.push(o.inlineFk);
    if (c.identity) args.push(`${im.add('sqlalchemy', 'Identity')}(${identityArgs(c.identity.kind, c.identity.options, c.type)})`);
    if (c.generated) args.push(`${im.add('sqlalchemy', 'Computed')}(${pyStr(c.generated.expr)}, persisted=${c.generated.kind === 'stored' ? 'True' : 'False'})`);
    args.push(`nullable=${c.notNull ? 'False' : 'True'}`);
    if (c.default !== undefined && !c.identity && !c.generated) args.push(`server_default=${im.add('sqlalchemy', 'text')}(${pyStr(c.default)})`);
    if (c.comment) args.push(`comment=${pyStr(c.comment)}`);
  }
  return `    ${im.add('sqlalchemy', 'Column')}(${args.join(', ')}),`;
}
