import type { Column, SchemaSnapshot, Table } from '../../introspect/types.js';
import { GENERATED_MARKER } from '../files.js';

/**
 * A Kysely `DB` interface for the snapshot, in kysely-codegen's conventions: tables of the default
 * schema keyed by name, others by `schema.table`; `Generated<T>` where the database supplies a
 * value, `GeneratedAlways<T>` where only it may; select types as node-postgres returns them.
 */
const SCALARS: Record<string, string> = {
  smallint: 'number', integer: 'number', bigint: 'Int8', real: 'number', 'double precision': 'number', numeric: 'Numeric',
  boolean: 'boolean', text: 'string', 'character varying': 'string', character: 'string', uuid: 'string', bytea: 'Buffer',
  date: 'Timestamp', 'timestamp without time zone': 'Timestamp', 'timestamp with time zone': 'Timestamp',
  'time without time zone': 'string', 'time with time zone': 'string', interval: 'Interval', json: 'Json', jsonb: 'Json',
  inet: 'string', cidr: 'string', macaddr: 'string', money: 'string', tsvector: 'string', oid: 'number', xml: 'string',
};

const HELPERS: Record<string, string> = {
  Int8: 'export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;',
  Numeric: 'export type Numeric = ColumnType<string, number | string, number | string>;',
  Timestamp: 'export type Timestamp = ColumnType<Date, Date | string, Date | string>;',
  Interval: 'export type Interval = ColumnType<string, string, string>;',
  Json: 'export type Json = JsonValue;\nexport type JsonValue = JsonArray | JsonObject | JsonPrimitive;\nexport type JsonArray = JsonValue[];\nexport type JsonObject = { [key: string]: JsonValue | undefined };\nexport type JsonPrimitive = boolean | number | string | null;',
  Generated: 'export type Generated<T> = T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S, I | undefined, U> : ColumnType<T, T | undefined, T>;',
  GeneratedAlways: 'export type GeneratedAlways<T> = T extends ColumnType<infer S, any, any> ? ColumnType<S, never, never> : ColumnType<T, never, never>;',
};

const pascal = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'T';
const tsKey = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));

export function renderKysely(snap: SchemaSnapshot): string {
  const used = new Set<string>(['ColumnType']);
  const enums: string[] = [];
  const enumName = new Map<string, string>();
  for (const [schema, s] of Object.entries(snap.schemas).sort()) {
    for (const t of Object.values(s.types).sort((a, b) => a.name.localeCompare(b.name))) {
      if (t.kind !== 'enum') continue;
      const name = pascal(schema === 'public' ? t.name : `${schema}_${t.name}`);
      enumName.set(`${schema}.${t.name}`, name);
      enums.push(`export type ${name} = ${t.labels.map((l) => JSON.stringify(l)).join(' | ') || 'never'};`);
    }
  }
  const typeOf = (c: Column): string => {
    const [schema, name] = [c.typeRef.slice(0, c.typeRef.indexOf('.')), c.typeRef.slice(c.typeRef.indexOf('.') + 1)];
    const user = snap.schemas[schema]?.types[name];
    let base: string;
    if (user?.kind === 'enum') base = enumName.get(`${schema}.${name}`)!;
    else {
      const text = user?.kind === 'domain' ? user.baseType : c.type.replace(/(\[\])+$/, '');
      base = SCALARS[text.replace(/\(.*?\)/, '').trim()] ?? 'string';
      if (HELPERS[base]) used.add(base);
    }
    const dims = Math.max(c.arrayDims, c.type.endsWith('[]') ? 1 : 0);
    // arrays of helper types select as their select type
    let t = dims && HELPERS[base] ? (base === 'Int8' || base === 'Numeric' || base === 'Interval' ? 'string' : base === 'Timestamp' ? 'Date' : base) : base;
    for (let d = 0; d < dims; d++) t = `${t}[]`;
    if (!c.notNull) t = `${t} | null`;
    if (c.generated || c.identity?.kind === 'always') { used.add('GeneratedAlways'); return `GeneratedAlways<${t}>`; }
    if (c.identity || c.default !== undefined) { used.add('Generated'); return `Generated<${t}>`; }
    return t;
  };
  const ifaces: string[] = [];
  const db: string[] = [];
  const relation = (schema: string, name: string, columns: Column[], iname: string) => {
    ifaces.push(`export interface ${iname} {\n${columns.map((c) => `  ${tsKey(c.name)}: ${typeOf(c)};`).join('\n')}\n}`);
    db.push(`  ${tsKey(schema === 'public' ? name : `${schema}.${name}`)}: ${iname};`);
  };
  const names = new Set<string>();
  const iface = (schema: string, name: string) => {
    let n = pascal(schema === 'public' ? name : `${schema}_${name}`);
    while (names.has(n)) n = `${n}_`;
    names.add(n);
    return n;
  };
  for (const [schema, s] of Object.entries(snap.schemas).sort()) {
    for (const [name, t] of Object.entries(s.tables).sort() as [string, Table][]) if (!t.extension) relation(schema, name, t.columns, iface(schema, name));
    for (const [name, v] of [...Object.entries(s.views), ...Object.entries(s.materializedViews)].sort()) relation(schema, name, v.columns, iface(schema, name));
  }
  const helpers = [...used].filter((h) => HELPERS[h]).sort().map((h) => HELPERS[h]);
  return [`// @${GENERATED_MARKER} reflect --kysely — regenerate instead of editing`, "import type { ColumnType } from 'kysely';", '',
    ...helpers, '', ...enums, ...(enums.length ? [''] : []), ...ifaces.flatMap((i) => [i, '']), `export interface DB {\n${db.join('\n')}\n}`, ''].join('\n');
}
