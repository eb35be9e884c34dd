import type { ForeignKey, SchemaSnapshot, Table } from '../../introspect/types.js';
import { attrName, pascal, plural, singular, unique, uniqueBy, RESERVED_ATTRS } from './names.js';

/** One table as the generator sees it: its Python class (or Table variable) and attribute names. */
export interface MappedTable {
  schema: string;
  table: Table;
  qname: string;
  /** class name, or `t_<name>` for a Table() */
  pyName: string;
  /** mapped as a class; otherwise a `Table` (no primary key, or a pure association table) */
  isClass: boolean;
  association: boolean;
  /** column name → attribute name */
  attrs: Map<string, string>;
  relationships: Rel[];
  /** no primary key, but `--pk-guess` found a unique index on NOT NULL columns for the mapper to key by */
  guessedKey?: { columns: string[]; via: string };
}

/** The columns the mapper identifies rows by: the primary key, or the guessed one. */
export const keyColumns = (mt: MappedTable): string[] => mt.table.primaryKey?.columns ?? mt.guessedKey?.columns ?? [];

/** Relationship loading for collections; `auto` picks selectin, or raise above `bigCollectionRows` rows. */
export type LazyMode = 'auto' | 'select' | 'selectin' | 'joined' | 'subquery' | 'raise' | 'raise_on_sql' | 'write_only' | 'noload';
export const LAZY_MODES: readonly LazyMode[] = ['auto', 'select', 'selectin', 'joined', 'subquery', 'raise', 'raise_on_sql', 'write_only', 'noload'];

/** The narrowest unique key on NOT NULL plain columns (a constraint or a full unique index), for `--pk-guess`. */
export function guessKey(t: Table): { columns: string[]; via: string } | undefined {
  const notNull = (cols: string[]) => cols.length > 0 && cols.every((c) => t.columns.find((x) => x.name === c)?.notNull);
  const candidates = [
    ...t.uniques.map((u) => ({ columns: u.columns, via: `unique constraint ${u.name}` })),
    ...t.indexes.filter((i) => i.unique && !i.predicate && !i.constraint && i.keys.every((k) => k.column)).map((i) => ({ columns: i.keys.map((k) => k.column!), via: `unique index ${i.name}` })),
  ].filter((c) => notNull(c.columns));
  return candidates.sort((a, b) => a.columns.length - b.columns.length || a.via.localeCompare(b.via))[0];
}

export interface Rel {
  name: string;
  target: MappedTable;
  /** the FK this relationship follows (the secondary's FK to the target for many-to-many) */
  fk: ForeignKey;
  /** the table that holds the FK */
  fkOwner: MappedTable;
  kind: 'many-to-one' | 'one-to-many' | 'one-to-one-parent' | 'one-to-one-child' | 'many-to-many';
  backPopulates: string;
  nullable: boolean;
  /** several paths join the same two tables: name the FK columns */
  needsForeignKeys: boolean;
  selfRef: boolean;
  secondary?: MappedTable;
  /** relationships that share FK columns with this one */
  overlaps: string[];
  passiveDeletes: boolean;
  lazy?: string;
}

const isUnique = (t: Table, cols: string[]) =>
  [t.primaryKey, ...t.uniques].some((k) => k && k.columns.length === cols.length && k.columns.every((c) => cols.includes(c))) ||
  t.indexes.some((i) => i.unique && !i.predicate && i.keys.length === cols.length && i.keys.every((k) => k.column && cols.includes(k.column)));

/** Two FKs and nothing else: the classic many-to-many link table, mapped as `secondary`. */
const isAssociation = (t: Table) =>
  t.foreignKeys.length === 2 && t.columns.every((c) => t.foreignKeys.some((fk) => fk.columns.includes(c.name)));

export interface PlanOptions {
  /** a collection over more rows than this loads with lazy="raise" instead of "selectin" */
  bigCollectionRows?: number;
  /** names module-level code already binds (imports, enum classes, stubs): attributes must avoid them */
  moduleNames: Set<string>;
  lazy?: LazyMode;
  pkGuess?: boolean;
}

/** Decides class names, attribute names and relationships for every table, deterministically. */
export function planTables(snap: SchemaSnapshot, o: PlanOptions): MappedTable[] {
  const out: MappedTable[] = [];
  const nameCount = new Map<string, number>();
  for (const s of Object.values(snap.schemas)) for (const n of Object.keys(s.tables)) nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
  const classNames = new Set(['Base', ...o.moduleNames]);
  for (const schema of Object.keys(snap.schemas).sort()) {
    const s = snap.schemas[schema]!;
    for (const name of Object.keys(s.tables).sort()) {
      const table = s.tables[name]!;
      if (table.extension || table.partition?.parent) continue;
      const association = isAssociation(table);
      const guessedKey = o.pkGuess && !table.primaryKey && !association ? guessKey(table) : undefined;
      const isClass = (!!table.primaryKey || !!guessedKey) && !association;
      const shared = (nameCount.get(name) ?? 0) > 1 && schema !== 'public';
      const base = isClass ? pascal(`${shared ? `${schema}_` : ''}${singular(name)}`) : `t_${attrName(`${shared ? `${schema}_` : ''}${name}`)}`;
      const pyName = unique(base, classNames);
      out.push({ schema, table, qname: `${schema}.${name}`, pyName, isClass, association, attrs: new Map(), relationships: [], ...(guessedKey ? { guessedKey } : {}) });
    }
  }
  // attributes avoid reserved names, module-level names and every class name (annotations resolve in the class)
  for (const mt of out) {
    const own = new Set<string>();
    const taken = (n: string) => own.has(n) || RESERVED_ATTRS.has(n) || o.moduleNames.has(n) || classNames.has(n);
    for (const c of mt.table.columns) mt.attrs.set(c.name, uniqueBy(attrName(c.name), taken, own));
  }
  relate(out, snap, o);
  return out;
}

function roleOf(fk: ForeignKey, target: MappedTable): string {
  if (fk.columns.length === 1) {
    const col = fk.columns[0]!;
    const refCol = fk.references.columns[0]!;
    for (const suffix of [`_${refCol}`, '_id', 'id']) if (col.endsWith(suffix) && col.length > suffix.length) return attrName(col.slice(0, -suffix.length));
    return attrName(col);
  }
  return attrName(singular(target.table.name));
}

function relate(tables: MappedTable[], snap: SchemaSnapshot, o: PlanOptions): void {
  const byQ = new Map(tables.map((t) => [t.qname, t]));
  const used = new Map(tables.map((t) => [t, new Set([...t.attrs.values(), ...RESERVED_ATTRS])]));
  const pick = (want: string, t: MappedTable) => uniqueBy(want, (n) => used.get(t)!.has(n) || o.moduleNames.has(n), used.get(t)!);
  const pathCount = new Map<string, number>();
  const pairKey = (a: string, b: string) => [a, b].sort().join(' ');
  for (const t of tables) for (const fk of t.table.foreignKeys) pathCount.set(pairKey(t.qname, fk.references.table), (pathCount.get(pairKey(t.qname, fk.references.table)) ?? 0) + 1);
  const rows = (q: string) => snap.stats?.relations[q]?.rowEstimate ?? -1;
  const lazyFor = (q: string) => (!o.lazy || o.lazy === 'auto' ? (rows(q) > (o.bigCollectionRows ?? 10_000) ? 'raise' : 'selectin') : o.lazy);

  for (const child of tables) {
    if (child.association) {
      const [a, b] = child.table.foreignKeys as [ForeignKey, ForeignKey];
      const ta = byQ.get(a.references.table);
      const tb = byQ.get(b.references.table);
      if (!ta?.isClass || !tb?.isClass || ta === tb) continue;
      const nameA = pick(attrName(plural(singular(tb.table.name))), ta);
      const nameB = pick(attrName(plural(singular(ta.table.name))), tb);
      ta.relationships.push({ name: nameA, target: tb, fk: b, fkOwner: child, kind: 'many-to-many', backPopulates: nameB, nullable: false, needsForeignKeys: false, selfRef: false, secondary: child, overlaps: [], passiveDeletes: b.onDelete === 'CASCADE', lazy: lazyFor(tb.qname) });
      tb.relationships.push({ name: nameB, target: ta, fk: a, fkOwner: child, kind: 'many-to-many', backPopulates: nameA, nullable: false, needsForeignKeys: false, selfRef: false, secondary: child, overlaps: [], passiveDeletes: a.onDelete === 'CASCADE', lazy: lazyFor(ta.qname) });
      continue;
    }
    if (!child.isClass) continue;
    for (const fk of [...child.table.foreignKeys].sort((x, y) => x.name.localeCompare(y.name))) {
      const parent = byQ.get(fk.references.table);
      if (!parent?.isClass) continue;
      const selfRef = parent === child;
      const multi = (pathCount.get(pairKey(child.qname, parent.qname)) ?? 0) > 1;
      const oneToOne = isUnique(child.table, fk.columns);
      const nullable = fk.columns.some((c) => !child.table.columns.find((x) => x.name === c)?.notNull);
      let role = roleOf(fk, parent);
      if (child.attrs.has(role) || used.get(child)!.has(role)) role = `${role}_${attrName(singular(parent.table.name))}`;
      const childName = pick(selfRef && role === 'parent' ? 'parent' : role, child);
      const plainPlural = attrName(plural(singular(child.table.name)));
      const reverseWant = selfRef ? (role === 'parent' ? 'children' : `${role}_${plainPlural}`) : oneToOne ? attrName(singular(child.table.name)) : multi ? `${role}_${plainPlural}` : plainPlural;
      const parentName = pick(reverseWant, parent);
      const common = { fk, fkOwner: child, needsForeignKeys: multi || selfRef, selfRef, overlaps: [] as string[] };
      child.relationships.push({ ...common, name: childName, target: parent, kind: oneToOne ? 'one-to-one-child' : 'many-to-one', backPopulates: parentName, nullable, passiveDeletes: false });
      parent.relationships.push({ ...common, name: parentName, target: child, kind: oneToOne ? 'one-to-one-parent' : 'one-to-many', backPopulates: childName, nullable: true,
        passiveDeletes: fk.onDelete === 'CASCADE' || fk.onDelete === 'SET NULL', lazy: oneToOne ? undefined : lazyFor(child.qname) });
    }
  }
  // relationships whose FKs share columns write the same column: SQLAlchemy warns unless each names the others
  for (const t of tables) {
    const own = t.relationships.filter((r) => r.fkOwner === t && (r.kind === 'many-to-one' || r.kind === 'one-to-one-child'));
    for (const a of own) {
      const clash = own.filter((b) => b !== a && b.fk.columns.some((c) => a.fk.columns.includes(c)));
      if (!clash.length) continue;
      const back = (r: Rel) => r.target.relationships.find((x) => x.name === r.backPopulates && x.fk === r.fk);
      const names = clash.flatMap((b) => [b.name, back(b)?.name].filter((n): n is string => !!n));
      a.overlaps.push(...names);
      back(a)?.overlaps.push(...names);
    }
  }
  for (const t of tables) for (const r of t.relationships) r.overlaps = [...new Set(r.overlaps)].sort();
}
