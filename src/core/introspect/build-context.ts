/**
 * Shared pieces of the snapshot builder: row accessors, the per-relation working record and the
 * lookup maps every build step reads. OIDs are join keys here and never reach the snapshot.
 */
import { parseAcl } from './acl.js';
import type { CatalogRows } from './batch.js';
import type { Column, FkAction, Index, Policy, Routine, Schema, SchemaSnapshot, Sequence, Table, Trigger, UserType, View } from './types.js';

export type Row = unknown[];
export const s = (v: unknown) => v as string;
export const n = (v: unknown) => Number(v);
export const b = (v: unknown) => v === true || v === 't';
/**
 * A list of small integers as the catalog reads send it: int2vector/oidvector text ("1 0 2") or
 * `array_to_string(…, ' ')`, which the driver hands over as one string instead of parsing an
 * array per row (~0.15 s of client time at 10k tables); an array when an engine parsed it anyway.
 */
export const ints = (v: unknown): number[] => {
  if (v === null || v === undefined || v === '') return [];
  if (Array.isArray(v)) return v.map(Number);
  return String(v).replace(/[{}]/g, '').split(/[\s,]+/).filter(Boolean).map(Number);
};
export const opt = (v: unknown): string | undefined => (v === null || v === undefined || v === '' ? undefined : String(v));

/** Orders by name in code-unit order, the same on every engine and locale. */
export const byName = <T extends { name: string }>(a: T, c: T) => (a.name < c.name ? -1 : a.name > c.name ? 1 : 0);

export const FK_ACTIONS: Record<string, FkAction> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
export const MATCH: Record<string, 'SIMPLE' | 'FULL' | 'PARTIAL'> = { s: 'SIMPLE', f: 'FULL', p: 'PARTIAL' };
export const POLCMD: Record<string, Policy['command']> = { '*': 'ALL', r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' };
export const TGENABLED: Record<string, Trigger['enabled']> = { O: 'origin', D: 'disabled', R: 'replica', A: 'always' };

/** `key=value` option arrays (reloptions, proconfig, ftoptions) as a record. */
export function options(list: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of (list as string[] | null) ?? []) {
    const i = item.indexOf('=');
    out[i < 0 ? item : item.slice(0, i)] = i < 0 ? '' : item.slice(i + 1);
  }
  return out;
}

export interface ClassInfo {
  oid: number;
  schema: string;
  name: string;
  kind: string;
  row: Row;
  columns: Column[];
  /** columns by attnum (sparse) */
  byNum: Column[];
  /** column collation OIDs by attnum */
  attcoll: number[];
  /** default expressions by attnum */
  defs: string[];
  target?: Table | View | Sequence;
}

/** The column name for an attnum (`#n` if the column is unknown, which a consistent read never gives). */
export const attname = (cls: ClassInfo | undefined, num: number) => cls?.byNum[num]?.name ?? `#${num}`;

export type CommentLookup = (cls: string, oid: number, sub?: number) => string | undefined;

// object comments by catalog then OID; column comments by table OID then attnum (small-integer keys keep Maps fast)
export function commentLookup(rows: Row[]): CommentLookup {
  const byClass = new Map<string, Map<number, string>>();
  const columns = new Map<number, string[]>();
  for (const r of rows) {
    const sub = n(r[2]);
    if (sub !== 0) {
      let c = columns.get(n(r[0]));
      if (!c) columns.set(n(r[0]), (c = []));
      c[sub] = s(r[3]);
      continue;
    }
    let m = byClass.get(s(r[1]));
    if (!m) byClass.set(s(r[1]), (m = new Map()));
    m.set(n(r[0]), s(r[3]));
  }
  return (cls, oid, sub = 0) => (sub === 0 ? byClass.get(cls)?.get(oid) : columns.get(oid)?.[sub]);
}

export function buildColumn(a: Row, rel: number, colType: Map<number, Map<number, { type: string; ref: string; collation: number }>>,
  defs: string[], collName: Map<number, string>, comment: CommentLookup): Column {
  const num = n(a[1]);
  // typmod, dims, collation, attislocal arrive as NULL when usual (catalog-sql.ts): −1, 0, 0, true
  const t = colType.get(n(a[3]))?.get(a[4] === null ? -1 : n(a[4]));
  const col: Column = { name: s(a[2]), type: t?.type ?? 'unknown', typeRef: t?.ref ?? 'pg_catalog.unknown', arrayDims: n(a[5]), notNull: a[6] === true };
  const def = defs[num];
  const identity = a[7];
  const generated = a[8];
  if (generated === 's' || generated === 'v') col.generated = { kind: generated === 's' ? 'stored' : 'virtual', expr: def ?? '' };
  else if (identity === 'a' || identity === 'd') col.identity = { kind: identity === 'a' ? 'always' : 'by_default' };
  else if (def !== undefined) col.default = def;
  const coll = n(a[9]);
  if (coll !== 0 && t && coll !== t.collation) col.collation = collName.get(coll);
  const cmpr = a[12];
  if (cmpr === 'p') col.compression = 'pglz';
  else if (cmpr === 'l') col.compression = 'lz4';
  const c = comment('pg_class', rel, num);
  if (c !== undefined) col.comment = c;
  if (a[10] === false) col.inherited = true;
  if (a[13]) col.acl = parseAcl(a[13] as string[]);
  return col;
}


/** Everything the build steps share: rows by statement, lookups, and the objects built so far. */
export interface BuildContext {
  R: (name: string) => Row[];
  comment: CommentLookup;
  extOfObject: (cls: string, oid: number) => string | undefined;
  /** extension OID → identities of its member objects */
  members: Map<number, string[]>;
  schemas: Record<string, Schema>;
  nsName: Map<number, string>;
  collName: Map<number, string>;
  opclass: Map<number, { name: string; isDefault: boolean }>;
  colType: Map<number, Map<number, { type: string; ref: string; collation: number }>>;
  classes: Map<number, ClassInfo>;
  tables: Map<number, Table>;
  views: Map<number, View>;
  sequences: Map<number, Sequence>;
  typeByOid: Map<number, UserType>;
  indexByOid: Map<number, Index>;
  triggerByOid: Map<number, Trigger>;
  routineByOid: Map<number, Routine>;
  platformPolicies: SchemaSnapshot['platformPolicies'];
}

/** Reads the small lookup catalogs (comments, extensions, namespaces, collations, opclasses, types) and the classes. */
export function makeContext(rows: CatalogRows): BuildContext {
  const R = (name: string) => rows.get(name) ?? [];
  const comment = commentLookup(R('comments'));
  const extName = new Map<number, string>();
  for (const r of R('extensions')) extName.set(n(r[0]), s(r[1]));
  const members = new Map<number, string[]>();
  // extension-owned objects by catalog, then OID
  const extOf = new Map<string, Map<number, string>>();
  for (const [ext, cls, objid, identity] of R('extension_members')) {
    let m = extOf.get(s(cls));
    if (!m) extOf.set(s(cls), (m = new Map()));
    m.set(n(objid), extName.get(n(ext)) ?? '');
    let list = members.get(n(ext));
    if (!list) members.set(n(ext), (list = []));
    list.push(s(identity));
  }
  const extOfObject = (cls: string, oid: number) => extOf.get(cls)?.get(oid);

  const schemas: Record<string, Schema> = {};
  const nsName = new Map<number, string>();
  for (const [oid, name, owner, acl] of R('namespaces')) {
    nsName.set(n(oid), s(name));
    schemas[s(name)] = {
      name: s(name), owner: s(owner), comment: comment('pg_namespace', n(oid)), acl: parseAcl(acl as string[]),
      tables: {}, views: {}, materializedViews: {}, sequences: {}, types: {}, functions: {},
    };
  }

  const collName = new Map<number, string>();
  for (const [oid, nsp, name] of R('collations')) collName.set(n(oid), `${s(nsp)}.${s(name)}`);
  const opclass = new Map<number, { name: string; isDefault: boolean }>();
  for (const [oid, nsp, name, def] of R('opclasses')) {
    opclass.set(n(oid), { name: s(nsp) === 'pg_catalog' ? s(name) : `${s(nsp)}.${s(name)}`, isDefault: b(def) });
  }
  const colType = new Map<number, Map<number, { type: string; ref: string; collation: number }>>();
  for (const [oid, mod, fmt, nsp, name, coll, ensp, ename] of R('column_types')) {
    let m = colType.get(n(oid));
    if (!m) colType.set(n(oid), (m = new Map()));
    m.set(n(mod), { type: s(fmt), ref: ename ? `${s(ensp)}.${s(ename)}` : `${s(nsp)}.${s(name)}`, collation: n(coll) });
  }

  // classes
  const classes = new Map<number, ClassInfo>();
  for (const row of R('classes')) {
    const oid = n(row[0]);
    const schema = nsName.get(n(row[1]));
    if (schema === undefined) continue;
    classes.set(oid, { oid, schema, name: s(row[2]), kind: s(row[3]), row, columns: [], byNum: [], attcoll: [], defs: [] });
  }

  return {
    R, comment, extOfObject, members, schemas, nsName, collName, opclass, colType, classes,
    tables: new Map(), views: new Map(), sequences: new Map(), typeByOid: new Map(), indexByOid: new Map(),
    triggerByOid: new Map(), routineByOid: new Map(), platformPolicies: {},
  };
}
