import type { Column, SchemaSnapshot, UserType } from '../../introspect/types.js';
import type { Imports } from './imports.js';
import { pascal, pyStr } from './names.js';
import { customType, type TypeMapping } from './custom-types.js';

/** How a column's type is written: the SQLAlchemy type expression and the Python annotation. */
export interface TypeRender {
  sa: string;
  py: string;
  /** a PostgreSQL type SQLAlchemy has no class for: rendered with a generated UserDefinedType */
  stub?: string;
}

export interface TypeContext {
  snap: SchemaSnapshot;
  imports: Imports;
  /** Python class name of each enum, keyed `schema.name` */
  enumClass: Map<string, string>;
  /** UserDefinedType stubs the module must define: class name → PostgreSQL type text */
  stubs: Map<string, string>;
  /** extensions whose types the module uses (prerequisites) */
  extensions: Set<string>;
  /** sequences named by nextval() defaults, created through the model's metadata, keyed `schema.name` */
  sequences: Map<string, import('../../introspect/types.js').Sequence & { schema: string }>;
  /** module-level DOMAIN instances, keyed `schema.name` */
  domains: Map<string, { constName: string; definition: string }>;
  /** the user's type mapping, tried before the built-in one */
  types?: TypeMapping;
  /** the schema the table lives in, to know when a type needs `schema=` */
  warn(message: string): void;
}

const SA = 'sqlalchemy';
const PG = 'sqlalchemy.dialects.postgresql';

function typmod(type: string): string[] {
  const m = /\(([^)]*)\)/.exec(type);
  return m ? m[1]!.split(',').map((s) => s.trim()) : [];
}

/** The SQLAlchemy rendering of a builtin type name like `numeric(12,2)` or `timestamp(3) with time zone`. */
function builtin(type: string, ctx: TypeContext): TypeRender | undefined {
  const im = ctx.imports;
  const base = type.replace(/\(.*?\)/, '').trim();
  const mod = typmod(type);
  const dt = () => { im.add('datetime'); };
  switch (base) {
    case 'smallint': return { sa: `${im.add(SA, 'SmallInteger')}`, py: 'int' };
    case 'integer': return { sa: `${im.add(SA, 'Integer')}`, py: 'int' };
    case 'bigint': return { sa: `${im.add(SA, 'BigInteger')}`, py: 'int' };
    case 'numeric':
      im.add('decimal');
      return { sa: mod.length ? `${im.add(SA, 'Numeric')}(${mod.join(', ')})` : im.add(SA, 'Numeric'), py: 'decimal.Decimal' };
    case 'real': return { sa: im.add(PG, 'REAL'), py: 'float' };
    case 'double precision': return { sa: im.add(PG, 'DOUBLE_PRECISION'), py: 'float' };
    case 'money': return { sa: im.add(PG, 'MONEY'), py: 'str' };
    case 'boolean': return { sa: im.add(SA, 'Boolean'), py: 'bool' };
    case 'text': return { sa: im.add(SA, 'Text'), py: 'str' };
    case 'character varying': return { sa: mod.length ? `${im.add(SA, 'String')}(${mod[0]})` : im.add(SA, 'String'), py: 'str' };
    case 'character': return { sa: `${im.add(PG, 'CHAR')}(${mod[0] ?? 1})`, py: 'str' };
    case '"char"': return { sa: `${im.add(PG, 'CHAR')}(1)`, py: 'str' };
    case 'bytea': return { sa: im.add(PG, 'BYTEA'), py: 'bytes' };
    case 'date': dt(); return { sa: im.add(SA, 'Date'), py: 'datetime.date' };
    case 'time without time zone': dt(); return { sa: mod.length ? `${im.add(PG, 'TIME')}(precision=${mod[0]})` : im.add(PG, 'TIME'), py: 'datetime.time' };
    case 'time with time zone': dt(); return { sa: `${im.add(PG, 'TIME')}(timezone=True${mod.length ? `, precision=${mod[0]}` : ''})`, py: 'datetime.time' };
    case 'timestamp without time zone': dt(); return { sa: mod.length ? `${im.add(PG, 'TIMESTAMP')}(precision=${mod[0]})` : im.add(PG, 'TIMESTAMP'), py: 'datetime.datetime' };
    case 'timestamp with time zone': dt(); return { sa: `${im.add(PG, 'TIMESTAMP')}(timezone=True${mod.length ? `, precision=${mod[0]}` : ''})`, py: 'datetime.datetime' };
    case 'uuid': im.add('uuid'); return { sa: im.add(PG, 'UUID'), py: 'uuid.UUID' };
    case 'json': return { sa: im.add(PG, 'JSON'), py: 'JsonValue' };
    case 'jsonb': return { sa: im.add(PG, 'JSONB'), py: 'JsonValue' };
    case 'inet': im.add('ipaddress'); return { sa: im.add(PG, 'INET'), py: 'ipaddress.IPv4Interface | ipaddress.IPv6Interface' };
    case 'cidr': im.add('ipaddress'); return { sa: im.add(PG, 'CIDR'), py: 'ipaddress.IPv4Network | ipaddress.IPv6Network' };
    case 'macaddr': return { sa: im.add(PG, 'MACADDR'), py: 'str' };
    case 'macaddr8': return { sa: im.add(PG, 'MACADDR8'), py: 'str' };
    case 'tsvector': return { sa: im.add(PG, 'TSVECTOR'), py: 'str' };
    case 'oid': return { sa: im.add(PG, 'OID'), py: 'int' };
    case 'bit': return { sa: `${im.add(PG, 'BIT')}(${mod[0] ?? 1})`, py: 'str' };
    case 'bit varying': return { sa: `${im.add(PG, 'BIT')}(${mod[0] ?? 'None'}, varying=True)`, py: 'str' };
    case 'int4range': im.add(PG, 'Range'); return { sa: im.add(PG, 'INT4RANGE'), py: 'Range[int]' };
    case 'int8range': im.add(PG, 'Range'); return { sa: im.add(PG, 'INT8RANGE'), py: 'Range[int]' };
    case 'numrange': im.add(PG, 'Range'); im.add('decimal'); return { sa: im.add(PG, 'NUMRANGE'), py: 'Range[decimal.Decimal]' };
    case 'daterange': im.add(PG, 'Range'); dt(); return { sa: im.add(PG, 'DATERANGE'), py: 'Range[datetime.date]' };
    case 'tsrange': im.add(PG, 'Range'); dt(); return { sa: im.add(PG, 'TSRANGE'), py: 'Range[datetime.datetime]' };
    case 'tstzrange': im.add(PG, 'Range'); dt(); return { sa: im.add(PG, 'TSTZRANGE'), py: 'Range[datetime.datetime]' };
  }
  if (base.startsWith('interval')) {
    dt();
    const fields = base.replace(/^interval\s*/, '');
    const args = [fields && `fields=${pyStr(fields)}`, mod.length && `precision=${mod[0]}`].filter(Boolean).join(', ');
    return { sa: args ? `${im.add(PG, 'INTERVAL')}(${args})` : im.add(PG, 'INTERVAL'), py: 'datetime.timedelta' };
  }
  return undefined;
}

function userType(t: UserType, schema: string, name: string, c: { notNull?: boolean }, ctx: TypeContext): TypeRender {
  const im = ctx.imports;
  if (t.kind === 'enum') {
    const cls = ctx.enumClass.get(`${schema}.${name}`)!;
    const schemaArg = schema === 'public' ? '' : `, schema=${pyStr(schema)}`;
    return { sa: `${im.add(SA, 'Enum')}(${cls}, name=${pyStr(name)}${schemaArg}, values_callable=_enum_values)`, py: cls };
  }
  if (t.kind === 'domain') {
    const base = builtin(t.baseType, ctx) ?? { sa: stub(t.baseType, ctx), py: 'str' };
    const key = `${schema}.${name}`;
    const existing = ctx.domains.get(key);
    if (existing) return { sa: existing.constName, py: base.py };
    const args = [pyStr(name), base.sa];
    if (t.checks.length === 1) args.push(`check=${im.add(SA, 'text')}(${pyStr(t.checks[0]!.expression)})`, `constraint_name=${pyStr(t.checks[0]!.name)}`);
    if (t.checks.length > 1) ctx.warn(`domain ${schema}.${name} has ${t.checks.length} CHECK constraints; SQLAlchemy's DOMAIN keeps one, create the domain first (see prerequisites)`);
    if (t.notNull) args.push('not_null=True');
    if (t.default) args.push(`default=${im.add(SA, 'text')}(${pyStr(t.default)})`);
    if (schema !== 'public') args.push(`schema=${pyStr(schema)}`);
    // one module-level instance per domain, shared by every column that uses it
    const constName = `${name.replace(/\W/g, '_').toUpperCase()}_DOMAIN`;
    ctx.domains.set(key, { constName, definition: `${im.add(PG, 'DOMAIN')}(${args.join(', ')})` });
    return { sa: constName, py: base.py };
  }
  return { sa: stub(`${schema}.${name}`, ctx), py: 'str' };
}

/** A generated UserDefinedType for a PostgreSQL type SQLAlchemy cannot render, named after it. */
function stub(pgType: string, ctx: TypeContext): string {
  const cls = `${pascal(pgType.replace(/\W+/g, '_'))}Type`;
  ctx.stubs.set(cls, pgType);
  return `${cls}()`;
}

/** `Text(collation="C")`, `String(20, collation="C")`: a column's own collation on a string type. */
function withCollation(t: TypeRender, collation: string): TypeRender {
  const name = collation.replace(/^pg_catalog\./, '');
  const m = /^(Text|String|CHAR)(?:\((.*)\))?$/.exec(t.sa);
  if (!m) return t;
  const args = [m[2], `collation=${pyStr(name)}`].filter(Boolean).join(', ');
  return { ...t, sa: `${m[1]}(${args})` };
}

/** The SQLAlchemy type and Python annotation of a column (arrays with their dimensions). */
export function columnType(c: Column, ctx: TypeContext): TypeRender {
  const isArray = c.arrayDims > 0 || c.type.endsWith('[]');
  const dims = Math.max(c.arrayDims, isArray ? 1 : 0);
  const elemText = c.type.replace(/(\[\])+$/, '');
  const [schema, name] = [c.typeRef.slice(0, c.typeRef.indexOf('.')), c.typeRef.slice(c.typeRef.indexOf('.') + 1)];
  let elem: TypeRender | undefined;
  const custom = customType(ctx.types, c.typeRef, elemText, ctx.imports);
  if (custom && schema && schema !== 'pg_catalog' && !ctx.snap.schemas[schema]?.types[name]) {
    // an extension's type still needs its extension before create_all
    const ext = ctx.snap.extensions.find((e) => e.members.includes(`${schema}.${name}`) || e.members.includes(c.typeRef));
    if (ext) ctx.extensions.add(ext.name);
  }
  if (custom) elem = custom;
  else if (schema && schema !== 'pg_catalog') {
    const t = ctx.snap.schemas[schema]?.types[name];
    if (t) elem = userType(t, schema, name, c, ctx);
    else {
      // a type owned by an extension (citext, hstore, vector, …): SQLAlchemy knows some of them
      if (name === 'citext') { ctx.extensions.add('citext'); elem = { sa: ctx.imports.add(PG, 'CITEXT'), py: 'str' }; }
      else if (name === 'hstore') { ctx.extensions.add('hstore'); elem = { sa: ctx.imports.add(PG, 'HSTORE'), py: 'dict[str, str | None]' }; }
      else {
        const ext = ctx.snap.extensions.find((e) => e.members.includes(`${schema}.${name}`) || e.members.includes(c.typeRef));
        if (ext) ctx.extensions.add(ext.name);
        elem = { sa: stub(elemText, ctx), py: 'str' };
        ctx.warn(`column ${c.name}: type ${elemText} is rendered with a generated UserDefinedType (${[...ctx.stubs].find(([, v]) => v === elemText)?.[0]})`);
      }
    }
  } else {
    elem = builtin(elemText, ctx);
    if (elem && c.collation) elem = withCollation(elem, c.collation);
    if (!elem) {
      elem = { sa: stub(elemText, ctx), py: 'str' };
      ctx.warn(`column ${c.name}: type ${elemText} has no SQLAlchemy class; rendered with a generated UserDefinedType`);
    }
  }
  if (!dims) return elem;
  let py = elem.py;
  for (let d = 0; d < dims; d++) py = `list[${py}]`;
  return { sa: `${ctx.imports.add(PG, 'ARRAY')}(${elem.sa}${dims > 1 ? `, dimensions=${dims}` : ''})`, py };
}
