import type { Session } from '../db/connection.js';
import type { SchemaSnapshot, Table } from '../introspect/types.js';
import { quoteQName } from '../sql/ident.js';
import { draftNames, SEED_TYPES, type DraftColumn, type TableDraft } from './draft.js';

/** A column type as the snapshot writes it (`format_type` text) and the type it names. */
export interface ResolvedType {
  type: string;
  typeRef: string;
  arrayDims: number;
  /** labels when the type is an enum (a new one the draft creates, or an existing one) */
  enumLabels?: string[];
  /** the draft creates this enum type */
  newEnum?: boolean;
}

/** Builtin spellings → format_type's base name and pg_catalog type name. */
const BUILTINS: Record<string, [string, string]> = {
  int: ['integer', 'int4'], int4: ['integer', 'int4'], integer: ['integer', 'int4'], int8: ['bigint', 'int8'], bigint: ['bigint', 'int8'],
  int2: ['smallint', 'int2'], smallint: ['smallint', 'int2'], text: ['text', 'text'], varchar: ['character varying', 'varchar'],
  'character varying': ['character varying', 'varchar'], char: ['character', 'bpchar'], character: ['character', 'bpchar'],
  bool: ['boolean', 'bool'], boolean: ['boolean', 'bool'], float8: ['double precision', 'float8'], 'double precision': ['double precision', 'float8'],
  float4: ['real', 'float4'], real: ['real', 'float4'], numeric: ['numeric', 'numeric'], decimal: ['numeric', 'numeric'],
  timestamptz: ['timestamp with time zone', 'timestamptz'], 'timestamp with time zone': ['timestamp with time zone', 'timestamptz'],
  timestamp: ['timestamp without time zone', 'timestamp'], 'timestamp without time zone': ['timestamp without time zone', 'timestamp'],
  date: ['date', 'date'], time: ['time without time zone', 'time'], 'time without time zone': ['time without time zone', 'time'],
  timetz: ['time with time zone', 'timetz'], 'time with time zone': ['time with time zone', 'timetz'], uuid: ['uuid', 'uuid'],
  json: ['json', 'json'], jsonb: ['jsonb', 'jsonb'], bytea: ['bytea', 'bytea'], inet: ['inet', 'inet'], cidr: ['cidr', 'cidr'],
  interval: ['interval', 'interval'], money: ['money', 'money'], tsvector: ['tsvector', 'tsvector'],
};

/** `varchar(80)` → `character varying(80)`, `timestamptz(3)` → `timestamp(3) with time zone`; undefined for non-builtins. */
export function canonicalBuiltin(text: string): ResolvedType | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const arr = /((?:\[\])+)$/.exec(t);
  const dims = arr ? arr[1]!.length / 2 : 0;
  const body = arr ? t.slice(0, -arr[1]!.length).trim() : t;
  const m = /^([a-z0-9 ]+?)\s*(?:\(\s*(\d+(?:\s*,\s*-?\d+)?)\s*\))?\s*(with time zone|without time zone)?$/.exec(SEED_TYPES[body] ?? body);
  if (!m) return undefined;
  const key = m[3] ? `${m[1]} ${m[3]}` : m[1]!;
  const hit = BUILTINS[key];
  if (!hit) return undefined;
  const mod = m[2]?.replace(/\s+/g, '');
  let type = hit[0];
  if (mod) type = /^(timestamp|time) /.test(type) ? type.replace(/^(\w+)/, `$1(${mod})`) : `${type}(${mod})`;
  return { type: `${type}${'[]'.repeat(dims)}`, typeRef: `pg_catalog.${hit[1]}`, arrayDims: dims };
}

export const findTable = (snap: SchemaSnapshot, qname: string): Table | undefined => {
  const i = qname.indexOf('.');
  return snap.schemas[qname.slice(0, i)]?.tables[qname.slice(i + 1)];
};

/** A user type the snapshot knows, by `schema.name` or by name in the draft's schema, then public. */
function snapshotType(snap: SchemaSnapshot, schema: string, text: string): ResolvedType | undefined {
  const t = text.trim();
  const arr = /((?:\[\])+)$/.exec(t);
  const dims = arr ? arr[1]!.length / 2 : 0;
  const body = (arr ? t.slice(0, -arr[1]!.length) : t).replace(/"/g, '');
  const [s, n] = body.includes('.') ? [body.slice(0, body.indexOf('.')), body.slice(body.indexOf('.') + 1)] : [undefined, body];
  for (const sc of s ? [s] : [schema, 'public']) {
    const ut = snap.schemas[sc]?.types[n];
    if (ut) return { type: `${quoteQName(sc, n)}${'[]'.repeat(dims)}`, typeRef: `${sc}.${n}`, arrayDims: dims, enumLabels: ut.kind === 'enum' ? ut.labels : undefined };
  }
  return undefined;
}

/** The referenced key column a foreign key's column takes its type from. */
function fkTargetColumn(snap: SchemaSnapshot, d: TableDraft, c: DraftColumn) {
  const fk = d.foreignKeys.find((f) => f.column === c.name);
  const t = fk && findTable(snap, fk.table);
  return t?.columns.find((x) => x.name === fk!.refColumn);
}

/** What can be resolved without the server: builtins, snapshot types, new enums, FK-copied types. */
export function resolveLocal(snap: SchemaSnapshot, d: TableDraft, c: DraftColumn): ResolvedType | undefined {
  if (c.enumLabels) {
    const name = draftNames.enumType(d.name, c.name);
    return { type: quoteQName(d.schema, name), typeRef: `${d.schema}.${name}`, arrayDims: 0, enumLabels: c.enumLabels, newEnum: true };
  }
  if (!c.type) {
    const ref = fkTargetColumn(snap, d, c);
    return ref ? { type: ref.type, typeRef: ref.typeRef, arrayDims: ref.arrayDims } : undefined;
  }
  return canonicalBuiltin(c.type) ?? snapshotType(snap, d.schema, c.type);
}

/** Asks the server what a type name means (any type it knows: extensions, ranges, …); undefined when it knows none. */
export async function resolveOnServer(s: Session, text: string): Promise<ResolvedType | undefined> {
  const t = text.trim();
  const arr = /((?:\[\])+)$/.exec(t);
  const dims = arr ? arr[1]!.length / 2 : 0;
  const body = arr ? t.slice(0, -arr[1]!.length).trim() : t;
  const mod = /\(([^)]*)\)\s*$/.exec(body)?.[1]?.replace(/\s+/g, '');
  const base = body.replace(/\([^)]*\)\s*$/, '').trim();
  try {
    const r = await s.query<{ nspname: string; typname: string; fmt: string }>(
      `SELECT n.nspname, t.typname, format_type(t.oid, NULL) AS fmt FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE t.oid = pg_catalog.to_regtype($1)`, [base]);
    const row = r.rows[0];
    if (!row) return undefined;
    const name = row.nspname === 'pg_catalog' ? row.fmt : quoteQName(row.nspname, row.typname);
    return { type: `${name}${mod ? `(${mod})` : ''}${'[]'.repeat(dims)}`, typeRef: `${row.nspname}.${row.typname}`, arrayDims: dims };
  } catch {
    return undefined;
  }
}

/** Every column's type, resolved locally or by the server; unresolved columns are left out (validation names them). */
export async function resolveTypes(snap: SchemaSnapshot, d: TableDraft, s?: Session): Promise<Map<string, ResolvedType>> {
  const out = new Map<string, ResolvedType>();
  for (const c of d.columns) {
    const local = resolveLocal(snap, d, c);
    if (local) { out.set(c.name, local); continue; }
    if (s && c.type) {
      const remote = await resolveOnServer(s, c.type);
      if (remote) out.set(c.name, remote);
    }
  }
  return out;
}

